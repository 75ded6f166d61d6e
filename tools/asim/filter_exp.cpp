#include "filter_exp.h"

#include "filter_exp_node.h"

namespace asim::filter {

// Built first, in full, so a malformed expression is refused (and one with
// an op asim does not serve is reported) whatever the record holds; then
// evaluated once against the whole record. The server may decide on the
// metadata alone first, but the three-valued logic gives the same verdict.
uint8_t evaluate(std::string_view expression, const Record& record, std::string_view digest,
                 uint32_t now) {
  Node root;
  size_t slots = 0;
  if (const uint8_t rc = build(expression, root, slots)) return rc;
  // Since-update is in milliseconds: the live clock when `now` is the
  // present, else `now` itself (a test's or a replay's time).
  const uint64_t clock = server_now_ms();
  Context ctx{record, digest, now, clock / 1000 == now ? clock : uint64_t{now} * 1000,
              std::vector<Value>(slots)};
  const Value verdict = eval(root, ctx);
  // Unknown (a bin missing or of another type) filters the record out.
  return verdict.kind == Value::Kind::kBool && verdict.b ? kPass : kFilteredOut;
}

}  // namespace asim::filter
