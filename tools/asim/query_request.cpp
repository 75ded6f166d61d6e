#include "query_request.h"

#include <algorithm>

namespace asim::query {
namespace {

using aeroshim::proto::Field;
using aeroshim::proto::FieldType;
using aeroshim::proto::Message;
using aeroshim::proto::ResultCode;
namespace proto = aeroshim::proto;

constexpr uint8_t kParameter = static_cast<uint8_t>(ResultCode::kParameter);
constexpr uint8_t kUnsupported = static_cast<uint8_t>(ResultCode::kUnsupportedFeature);

// The server's buffer bounds (terminator included) and key size limits.
constexpr size_t kSetNameMax = 64;
constexpr size_t kIndexNameMax = 64;
constexpr size_t kBinNameMax = 16;
constexpr uint32_t kStringKeyMax = 2048;
constexpr uint32_t kGeoJsonKeyMax = 1024 * 1024;
constexpr uint8_t kUdfOpAggregate = 1;
constexpr uint8_t kUdfOpBackground = 2;

uint64_t be(std::string_view b) {
  uint64_t v = 0;
  for (char c : b) v = (v << 8) | static_cast<uint8_t>(c);
  return v;
}

uint64_t le(std::string_view b) {
  uint64_t v = 0;
  for (size_t i = b.size(); i-- > 0;) v = (v << 8) | static_cast<uint8_t>(b[i]);
  return v;
}

bool bin_name_ok(std::string_view name) {
  return name.size() < kBinNameMax && name.find('\0') == std::string_view::npos;
}

// PID_ARRAY and DIGEST_ARRAY (with BVAL_ARRAY for an index query): every
// partition at most once, whichever array names it.
bool read_partitions(const Message& m, bool has_where, Request& out) {
  const Field* pids = m.field(FieldType::kPartitionIdArray);
  const Field* digests = m.field(FieldType::kDigestArray);
  const Field* bvals = m.field(FieldType::kBvalArray);
  if (!pids && !digests) return !bvals;
  out.has_partitions = true;
  out.partitions.assign(kPartitions, PartitionRequest{});
  if (pids) {
    const size_t n = pids->data.size() / 2;
    if (n == 0 || n > kPartitions) return false;
    for (size_t i = 0; i < n; ++i) {
      const auto pid = static_cast<uint32_t>(le(std::string_view(pids->data).substr(i * 2, 2)));
      if (pid >= kPartitions || out.partitions[pid].requested) return false;
      out.partitions[pid].requested = true;
      ++out.n_pids_requested;
    }
  }
  if (!digests) return !bvals;
  const size_t n = digests->data.size() / 20;
  if (n == 0 || n > kPartitions) return false;
  if (has_where && (!bvals || bvals->data.size() / 8 != n)) return false;
  for (size_t i = 0; i < n; ++i) {
    const std::string digest = digests->data.substr(i * 20, 20);
    const uint32_t pid = proto::partition_of(digest);
    PartitionRequest& p = out.partitions[pid];
    if (p.requested) return false;
    p.requested = true;
    p.has_resume = true;
    p.digest = digest;
    if (has_where)
      p.bval = static_cast<int64_t>(le(std::string_view(bvals->data).substr(i * 8, 8)));
    ++out.n_pids_requested;
    ++out.n_keyds_requested;
  }
  return true;
}

// A length-prefixed (4 bytes, big-endian) value at the front of `rest`.
std::optional<std::string> sized_value(std::string_view& rest, uint32_t max) {
  if (rest.size() < 4) return std::nullopt;
  const auto len = static_cast<uint32_t>(be(rest.substr(0, 4)));
  rest.remove_prefix(4);
  if (len >= max || rest.size() < len) return std::nullopt;
  std::string v(rest.substr(0, len));
  rest.remove_prefix(len);
  return v;
}

bool read_range_values(std::string_view rest, Predicate& p) {
  switch (p.ktype) {
    case 1: {
      if (rest.size() < 24 || be(rest.substr(0, 4)) != 8 || be(rest.substr(12, 4)) != 8)
        return false;
      p.begin = static_cast<int64_t>(be(rest.substr(4, 8)));
      p.end = static_cast<int64_t>(be(rest.substr(16, 8)));
      return p.begin <= p.end;
    }
    case 3:
    case 4: {
      auto v = sized_value(rest, kStringKeyMax);
      if (!v) return false;
      p.value = std::move(*v);
      return true;
    }
    case 23: {
      auto v = sized_value(rest, kGeoJsonKeyMax);
      if (!v || v->empty()) return false;
      p.value = std::move(*v);
      return true;
    }
    default: return false;
  }
}

// INDEX_RANGE with INDEX_TYPE, INDEX_EXPRESSION, INDEX_CONTEXT and
// INDEX_NAME, under the server's rules on which may come together.
bool read_where(const Message& m, Predicate& p) {
  const Field* range = m.field(FieldType::kIndexRange);
  const Field* name = m.field(FieldType::kIndexName);
  const Field* exp = m.field(FieldType::kIndexExpression);
  const Field* ctx = m.field(FieldType::kIndexContext);
  const Field* itype = m.field(FieldType::kIndexType);
  std::string_view rest = range->data;
  if (rest.size() < 2 || static_cast<uint8_t>(rest[0]) != 1) return false;
  const auto bin_len = static_cast<uint8_t>(rest[1]);
  rest.remove_prefix(2);
  if (bin_len == 0 && !name && !exp) return false;
  if (bin_len != 0 && (name || exp || bin_len >= kBinNameMax || rest.size() < bin_len))
    return false;
  p.bin = std::string(rest.substr(0, bin_len));
  rest.remove_prefix(bin_len);
  if (rest.empty()) return false;
  p.ktype = static_cast<uint8_t>(rest[0]);
  rest.remove_prefix(1);
  if (!read_range_values(rest, p)) return false;
  if (itype) {
    if (itype->data.empty()) return false;
    p.itype = static_cast<IndexType>(static_cast<uint8_t>(itype->data[0]));
  }
  if (exp) {
    if (name || exp->data.empty()) return false;
    p.expression = exp->data;
  }
  if (ctx) {
    if (name || exp || ctx->data.empty()) return false;
    p.context = ctx->data;
  }
  if (name) {
    if (name->data.empty() || name->data.size() >= kIndexNameMax) return false;
    p.index_name = name->data;
  }
  return true;
}

bool read_limits(const Message& m, Request& out) {
  if (const Field* f = m.field(FieldType::kRecordsPerSecond)) {
    if (out.short_query || f->data.size() != 4) return false;
    out.rps = static_cast<uint32_t>(be(f->data));
  }
  if (const Field* f = m.field(FieldType::kTaskId)) {
    if (f->data.size() != 8) return false;
    out.trid = be(f->data);
  }
  return true;
}

}  // namespace

bool parse_basic_tail(const Message& m, Request& out) {
  if (const Field* f = m.field(FieldType::kSocketTimeout)) {
    if (f->data.size() != 4) return false;
    const auto t = static_cast<uint32_t>(be(f->data));
    out.socket_timeout = t == 0 ? -1 : static_cast<int32_t>(t);
  }
  if (const Field* f = m.field(FieldType::kMaxRecords)) {
    if (f->data.size() != 8) return false;
    out.max_records = be(f->data);
  }
  if (!out.no_bins) {
    const Field* binlist = m.field(FieldType::kQueryBins);
    if (binlist && !m.ops.empty()) return false;
    if (binlist) {
      std::string_view rest = binlist->data;
      if (rest.empty()) return false;
      const auto n = static_cast<uint8_t>(rest[0]);
      rest.remove_prefix(1);
      for (uint8_t i = 0; i < n; ++i) {
        if (rest.empty() || rest.size() < 1u + static_cast<uint8_t>(rest[0])) return false;
        const std::string_view name = rest.substr(1, static_cast<uint8_t>(rest[0]));
        rest.remove_prefix(1 + name.size());
        if (bin_name_ok(name)) out.bin_names.emplace_back(name);
      }
    }
    for (const auto& op : m.ops)
      if (!bin_name_ok(op.name) || !is_read_op(op.op)) return false;
    out.ops = m.ops;
  }
  return true;
}

namespace {

std::optional<Kind> kind_of(const Message& m) {
  if (!m.field(FieldType::kUdfPackageName))
    return (m.info2 & proto::kInfo2Write) ? Kind::kOpsBackground : Kind::kBasic;
  const Field* op = m.field(FieldType::kUdfOp);
  if (!op || op->data.size() != 1) return std::nullopt;
  if (static_cast<uint8_t>(op->data[0]) == kUdfOpAggregate) return Kind::kAggregate;
  if (static_cast<uint8_t>(op->data[0]) == kUdfOpBackground) return Kind::kUdfBackground;
  return std::nullopt;
}

bool read_udf(const Message& m, Request& out) {
  const Field* function = m.field(FieldType::kUdfFunction);
  const Field* args = m.field(FieldType::kUdfArglist);
  out.module = m.field(FieldType::kUdfPackageName)->data;
  if (!function || out.module.empty() || function->data.empty()) return false;
  out.function = function->data;
  out.arglist = args ? args->data : std::string("\x90", 1);
  return true;
}

}  // namespace

bool is_read_op(uint8_t op) { return op == 1 || op == 3 || op == 7 || op == 12 || op == 15; }

uint8_t parse_request(const Message& m, Request& out) {
  const auto kind = kind_of(m);
  if (!kind) return kParameter;
  out.kind = *kind;
  out.short_query = m.info1 & proto::kInfo1ShortQuery;
  const bool background = out.kind == Kind::kUdfBackground || out.kind == Kind::kOpsBackground;
  if (out.kind == Kind::kBasic && !(m.info3 & proto::kInfo3PartitionDone)) return kUnsupported;
  if ((background || out.kind == Kind::kAggregate) && out.short_query) return kParameter;
  const Field* ns = m.field(FieldType::kNamespace);
  if (!ns) return static_cast<uint8_t>(ResultCode::kNamespace);
  out.ns = ns->data;
  if (const Field* set = m.field(FieldType::kSet)) {
    if (set->data.size() >= kSetNameMax) return kParameter;
    out.set = set->data;
  }
  const bool has_where = m.field(FieldType::kIndexRange) != nullptr;
  // Only a basic query reads partitions; the others take every partition
  // the node masters.
  if (out.kind == Kind::kBasic && !read_partitions(m, has_where, out)) return kParameter;
  if (has_where && !read_where(m, out.where.emplace())) return kParameter;
  if (!read_limits(m, out)) return kParameter;
  if (m.field(FieldType::kIndexName) && !has_where) {
    // A name without a range is read, and refused like one with an expression.
    const Field* name = m.field(FieldType::kIndexName);
    if (m.field(FieldType::kIndexExpression) || name->data.empty() ||
        name->data.size() >= kIndexNameMax)
      return kParameter;
  }
  if (out.kind == Kind::kBasic && !out.has_partitions) return kUnsupported;
  out.no_bins = m.info1 & proto::kInfo1NoBinData;
  if (const Field* f = m.field(FieldType::kFilterExpression)) {
    out.has_filter = true;
    out.filter = f->data;
  }
  switch (out.kind) {
    case Kind::kBasic: return 0;
    case Kind::kAggregate:
    case Kind::kUdfBackground: return read_udf(m, out) ? 0 : kParameter;
    case Kind::kOpsBackground: {
      if ((m.info1 & proto::kInfo1Read) || m.ops.empty()) return kParameter;
      if (std::any_of(m.ops.begin(), m.ops.end(), [](const auto& op) { return is_read_op(op.op); }))
        return kParameter;
      out.ops = m.ops;
      return 0;
    }
  }
  return kParameter;
}

}  // namespace asim::query
