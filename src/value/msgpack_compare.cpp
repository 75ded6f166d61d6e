// The comparison walk of msgpack_compare.h.
#include "value/msgpack_compare.h"

#include "value/msgpack_unpack.h"

#include <cstring>
#include <vector>

namespace aeroshim::msgpack {
namespace {

// What comparing one pair of elements gave. kWildcard is equal and also
// settles the enclosing container; kOpen means both are containers whose
// headers were consumed and whose children are to be compared.
enum class Step { kLess, kEqual, kGreater, kWildcard, kError, kOpen };

template <typename T>
Step order(T x, T y) {
  if (x < y) return Step::kLess;
  if (y < x) return Step::kGreater;
  return Step::kEqual;
}

// A list or map of both sides being compared: elements still to compare
// pairwise, elements each side still holds (keys and values count one
// each), and the result once the pairwise part is all equal.
struct Frame {
  uint64_t pairwise;
  uint64_t rest_a;
  uint64_t rest_b;
  Step when_exhausted;
};

bool skip_both(as_unpacker& a, as_unpacker& b) { return skip(a, 1) && skip(b, 1); }

Step compare_ints(as_unpacker& a, as_unpacker& b) {
  uint64_t x = 0;
  uint64_t y = 0;
  if (read_uint64(a, &x) != 0 || read_uint64(b, &y) != 0) return Step::kError;
  return order(static_cast<int64_t>(x), static_cast<int64_t>(y));
}

Step compare_doubles(as_unpacker& a, as_unpacker& b) {
  double x = 0;
  double y = 0;
  if (read_double(a, &x) != 0 || read_double(b, &y) != 0) return Step::kError;
  return order(x, y);
}

// The content after the particle byte; a blob running past the end is
// compared on what is there, as 7.4.0 does. Empty blobs cannot be compared.
bool blob_content(as_unpacker& pk, const uint8_t** bytes, uint32_t* size) {
  int64_t declared = read_blob_size(pk);
  if (declared <= 0 || pk.offset >= pk.length) return false;
  pk.offset++;
  uint32_t have = pk.length - pk.offset;
  *size = static_cast<uint64_t>(declared - 1) < have ? static_cast<uint32_t>(declared - 1) : have;
  *bytes = pk.buffer + pk.offset;
  pk.offset += *size;
  return true;
}

Step compare_blobs(as_unpacker& a, as_unpacker& b) {
  const uint8_t* x = nullptr;
  const uint8_t* y = nullptr;
  uint32_t nx = 0;
  uint32_t ny = 0;
  if (!blob_content(a, &x, &nx) || !blob_content(b, &y, &ny)) return Step::kError;
  int c = std::memcmp(x, y, nx < ny ? nx : ny);
  if (c != 0) return c < 0 ? Step::kLess : Step::kGreater;
  return order(nx, ny);
}

Step compare_exts(as_unpacker& a, as_unpacker& b) {
  as_msgpack_ext x{};
  as_msgpack_ext y{};
  if (read_ext(a, &x) != 0 || read_ext(b, &y) != 0) return Step::kError;
  if (x.type != y.type) return order(x.type, y.type);
  int c = std::memcmp(x.data, y.data, x.size < y.size ? x.size : y.size);
  if (c != 0) return c < 0 ? Step::kLess : Step::kGreater;
  return order(x.size, y.size);
}

class Walk {
 public:
  Walk(as_unpacker& a, as_unpacker& b) : a_(a), b_(b) {}
  msgpack_compare_t run();

 private:
  Step element();
  Step same_type(as_val_t type);
  Step open_list();
  Step open_map();
  // Folds the step of one element into the enclosing frames; true when
  // the walk is over (the result is in pending_).
  bool settle(Step step);
  // Ends the innermost frame with the result of its last child (kEqual
  // when all pairs were equal), skipping what each side has left.
  bool close(Step result);

  as_unpacker& a_;
  as_unpacker& b_;
  std::vector<Frame> frames_;
  Step pending_ = Step::kError;
};

Step Walk::element() {
  as_val_t ta = peek_type(a_);
  as_val_t tb = peek_type(b_);
  if (ta == AS_UNDEF || tb == AS_UNDEF) return Step::kError;
  if (ta == AS_CMP_WILDCARD || tb == AS_CMP_WILDCARD) {
    return skip_both(a_, b_) ? Step::kWildcard : Step::kError;
  }
  if (ta != tb) return skip_both(a_, b_) ? order(ta, tb) : Step::kError;
  return same_type(ta);
}

Step Walk::same_type(as_val_t type) {
  switch (type) {
    case AS_NIL:
    case AS_CMP_INF: return skip_both(a_, b_) ? Step::kEqual : Step::kError;
    case AS_BOOLEAN: {
      bool x = false;
      bool y = false;
      if (read_bool(a_, &x) != 0 || read_bool(b_, &y) != 0) return Step::kError;
      return order(x, y);
    }
    case AS_INTEGER: return compare_ints(a_, b_);
    case AS_DOUBLE: return compare_doubles(a_, b_);
    case AS_STRING:
    case AS_BYTES:
    case AS_GEOJSON: return compare_blobs(a_, b_);
    case AS_LIST: return open_list();
    case AS_MAP: return open_map();
    default: return Step::kError;
  }
}

Step Walk::open_list() {
  int64_t na = read_list_count(a_);
  int64_t nb = read_list_count(b_);
  if (na < 0 || nb < 0) return Step::kError;
  auto ua = static_cast<uint64_t>(na);
  auto ub = static_cast<uint64_t>(nb);
  frames_.push_back({ua < ub ? ua : ub, ua, ub, order(na, nb)});
  return Step::kOpen;
}

Step Walk::open_map() {
  int64_t na = read_map_count(a_);
  int64_t nb = read_map_count(b_);
  if (na < 0 || nb < 0) return Step::kError;
  auto elements = static_cast<uint64_t>(na) * 2;
  if (na != nb) {
    if (!skip(a_, elements) || !skip(b_, static_cast<uint64_t>(nb) * 2)) return Step::kError;
    return order(na, nb);
  }
  // Ordered maps lead with an ext key (their flags) and a nil value.
  if (na > 0 && peek_type(a_) == AS_CMP_EXT && peek_type(b_) == AS_CMP_EXT) {
    Step flags = compare_exts(a_, b_);
    if (flags == Step::kError || !skip_both(a_, b_)) return Step::kError;
    elements -= 2;
    if (flags != Step::kEqual) {
      return skip(a_, elements) && skip(b_, elements) ? flags : Step::kError;
    }
  }
  frames_.push_back({elements, elements, elements, Step::kEqual});
  return Step::kOpen;
}

bool Walk::close(Step result) {
  Frame top = frames_.back();
  frames_.pop_back();
  if (!skip(a_, top.rest_a) || !skip(b_, top.rest_b)) return false;
  if (result == Step::kEqual) result = top.when_exhausted;
  pending_ = result == Step::kWildcard ? Step::kEqual : result;
  return true;
}

bool Walk::settle(Step step) {
  pending_ = step;
  while (true) {
    if (pending_ == Step::kError) return true;
    if (pending_ == Step::kOpen) {
      if (frames_.back().pairwise > 0) return false;
      // Nothing to compare pairwise: the container is decided by its end.
      if (!close(Step::kEqual)) pending_ = Step::kError;
      continue;
    }
    if (frames_.empty()) return true;
    // pending_ is the result of a child the enclosing frame has now passed.
    Frame& top = frames_.back();
    top.rest_a--;
    top.rest_b--;
    if (pending_ == Step::kEqual && --top.pairwise > 0) return false;
    if (!close(pending_)) pending_ = Step::kError;
  }
}

msgpack_compare_t Walk::run() {
  while (true) {
    if (settle(element())) {
      switch (pending_) {
        case Step::kLess: return MSGPACK_COMPARE_LESS;
        case Step::kGreater: return MSGPACK_COMPARE_GREATER;
        case Step::kEqual:
        case Step::kWildcard: return MSGPACK_COMPARE_EQUAL;
        default: return MSGPACK_COMPARE_ERROR;
      }
    }
  }
}

}  // namespace

msgpack_compare_t compare(as_unpacker& a, as_unpacker& b) { return Walk(a, b).run(); }

}  // namespace aeroshim::msgpack
