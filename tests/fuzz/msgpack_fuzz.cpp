// libFuzzer target for the msgpack readers: bytes from a server (or from
// anything posing as one) must never make a reader touch memory past the
// buffer, loop without end or allocate without bound. Whatever skipping
// accepts must be consistent with the other readers, and comparison must
// answer one of its four results with both offsets inside their buffers.
#include "value/msgpack_compare.h"
#include "value/msgpack_element.h"
#include "value/msgpack_unpack.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace aeroshim;

namespace {

void check(bool ok) {
  if (!ok) abort();
}

// Reads every top-level element with the reader its type calls for.
void read_all(const uint8_t* data, uint32_t size) {
  as_unpacker pk{data, 0, size};
  while (pk.offset < pk.length) {
    as_unpacker probe = pk;
    int64_t whole = msgpack::skip_one(probe);
    msgpack::Element e = msgpack::peek_element(pk);
    (void)msgpack::peek_type(pk);
    uint64_t u = 0;
    double d = 0;
    uint32_t n = 0;
    as_msgpack_ext ext{};
    as_unpacker reader = pk;
    switch (e.kind) {
      case msgpack::Kind::kInt: check(msgpack::read_uint64(reader, &u) == 0); break;
      case msgpack::Kind::kFloat:
      case msgpack::Kind::kDouble: check(msgpack::read_double(reader, &d) == 0); break;
      case msgpack::Kind::kBlob:
        check((msgpack::read_blob(reader, &n) != nullptr) == (whole >= 0));
        break;
      case msgpack::Kind::kExt:
        check((msgpack::read_ext(reader, &ext) == 0) == (whole >= 0));
        break;
      case msgpack::Kind::kList: check(msgpack::read_list_count(reader) >= 0); break;
      case msgpack::Kind::kMap: check(msgpack::read_map_count(reader) >= 0); break;
      default: break;
    }
    check(reader.offset <= reader.length);
    if (whole < 0) return;
    check(probe.offset == pk.offset + whole && probe.offset <= size);
    pk = probe;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  auto n = static_cast<uint32_t>(size);
  read_all(data, n);

  // The input against itself, and its two halves against each other.
  as_unpacker a{data, 0, n};
  as_unpacker b{data, 0, n};
  msgpack_compare_t same = msgpack::compare(a, b);
  check(same == MSGPACK_COMPARE_ERROR || same == MSGPACK_COMPARE_EQUAL);
  check(a.offset <= n && b.offset <= n);
  as_unpacker left{data, 0, n / 2};
  as_unpacker right{data + n / 2, 0, n - n / 2};
  msgpack_compare_t r = msgpack::compare(left, right);
  check(r == MSGPACK_COMPARE_ERROR || r == MSGPACK_COMPARE_LESS || r == MSGPACK_COMPARE_EQUAL ||
        r == MSGPACK_COMPARE_GREATER);
  return 0;
}
