// as_unpack_val: decoding untrusted bytes into values without recursion.
// Open lists and maps wait on an explicit stack while their children are
// read; a container's declared count is checked against the bytes left
// (every element takes at least one) before anything is allocated for it.
#include "value/msgpack_element.h"
#include "value/msgpack_unpack.h"
#include "value/value_codec.h"

#include <aerospike/as_arraylist.h>
#include <aerospike/as_boolean.h>
#include <aerospike/as_bytes.h>
#include <aerospike/as_double.h>
#include <aerospike/as_geojson.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_list.h>
#include <aerospike/as_nil.h>
#include <aerospike/as_orderedmap.h>
#include <aerospike/as_string.h>

#include <cstdlib>
#include <cstring>
#include <vector>

namespace aeroshim::msgpack {
namespace {

enum class Shape { kList, kMap, kPairList };

struct Open {
  as_val* container;
  Shape shape;
  uint32_t remaining;  // list elements, or map pairs, still to read
  uint8_t flags;
  bool has_key;
  as_val* key;
};

uint64_t bytes_left(const as_unpacker& pk) {
  return pk.offset < pk.length ? uint64_t{pk.length} - pk.offset : 0;
}

as_val* decode_text(uint8_t particle, const uint8_t* bytes, uint32_t size) {
  // 7.4.0 copies with strndup: the text ends at an embedded NUL.
  size_t length = strnlen(reinterpret_cast<const char*>(bytes), size);
  auto* text = static_cast<char*>(std::malloc(length + 1));
  if (text == nullptr) return nullptr;
  std::memcpy(text, bytes, length);
  text[length] = '\0';
  as_val* v = particle == kParticleString ? reinterpret_cast<as_val*>(as_string_new(text, true))
                                          : reinterpret_cast<as_val*>(as_geojson_new(text, true));
  if (v == nullptr) std::free(text);
  return v;
}

as_val* decode_bytes(uint8_t particle, const uint8_t* bytes, uint32_t size) {
  as_bytes* b = nullptr;
  if (size == 0) {
    b = as_bytes_new_wrap(nullptr, 0, false);
  } else {
    auto* copy = static_cast<uint8_t*>(std::malloc(size));
    if (copy == nullptr) return nullptr;
    std::memcpy(copy, bytes, size);
    b = as_bytes_new_wrap(copy, size, true);
    if (b == nullptr) std::free(copy);
  }
  if (b != nullptr) {
    // Any particle byte is kept, as 7.4.0 keeps it, including values outside
    // the as_bytes_type enumerators: stored as the integer the field is.
    unsigned int type = particle;
    std::memcpy(&b->type, &type, sizeof type);
  }
  return reinterpret_cast<as_val*>(b);
}

// A blob's first content byte is its particle type; an empty blob is bytes
// of type 0.
int decode_blob(as_unpacker& pk, as_val** out) {
  uint32_t size = 0;
  const uint8_t* content = read_blob(pk, &size);
  if (content == nullptr) return -1;
  uint8_t particle = size == 0 ? 0 : content[0];
  const uint8_t* rest = size == 0 ? content : content + 1;
  uint32_t rest_size = size == 0 ? 0 : size - 1;
  if (particle == kParticleString || particle == kParticleGeoJson) {
    *out = decode_text(particle, rest, rest_size);
  } else {
    *out = decode_bytes(particle, rest, rest_size);
  }
  return *out != nullptr ? 0 : -1;
}

int decode_scalar(as_unpacker& pk, const Element& e, as_val** out) {
  switch (e.kind) {
    case Kind::kNil: *out = const_cast<as_val*>(reinterpret_cast<const as_val*>(&as_nil)); break;
    case Kind::kBool: *out = reinterpret_cast<as_val*>(as_boolean_new(e.bits != 0)); break;
    case Kind::kInt:
      *out = reinterpret_cast<as_val*>(as_integer_new(static_cast<int64_t>(e.bits)));
      break;
    case Kind::kFloat:
    case Kind::kDouble: {
      double d = 0;
      if (read_double(pk, &d) != 0) return -1;
      *out = reinterpret_cast<as_val*>(as_double_new(d));
      return *out != nullptr ? 0 : -1;
    }
    case Kind::kBlob: return decode_blob(pk, out);
    default: return -2;
  }
  pk.offset += e.head_size;
  return *out != nullptr ? 0 : -1;
}

class Decoder {
 public:
  explicit Decoder(as_unpacker& pk) : pk_(pk) {}
  ~Decoder();
  Decoder(const Decoder&) = delete;
  Decoder& operator=(const Decoder&) = delete;

  int run(as_val** out);

 private:
  // Reads one element: a finished value in *out, or a container pushed
  // onto the stack (*out NULL, returns 1), or an ext skipped (*out NULL).
  int next(as_val** out);
  int open_list(uint32_t count);
  int open_map(uint32_t count);
  // Hands a finished value (NULL for a skipped ext) to the innermost open
  // container; finished containers go on to their parent. True when the
  // top-level value is complete, in *out.
  int attach(as_val* v, as_val** out);
  int add(Open& top, as_val* v);
  as_val* close(Open& top);

  as_unpacker& pk_;
  std::vector<Open> stack_;
};

Decoder::~Decoder() {
  for (Open& open : stack_) {
    if (open.has_key) as_val_destroy(open.key);
    as_val_destroy(open.container);
  }
}

int Decoder::open_list(uint32_t count) {
  uint8_t flags = 0;
  // An ext element first carries the list's flags.
  if (count != 0 && peek_is_ext(pk_)) {
    as_msgpack_ext ext{};
    if (read_ext(pk_, &ext) != 0) return -1;
    flags = ext.type;
    count--;
  }
  if (count > bytes_left(pk_)) return -1;
  as_arraylist* list = as_arraylist_new(count, 8);
  if (list == nullptr) return -2;
  stack_.push_back({reinterpret_cast<as_val*>(list), Shape::kList, count, flags, false, nullptr});
  return 1;
}

int Decoder::open_map(uint32_t count) {
  uint8_t flags = 0;
  // An ext key first carries the map's flags; its value is skipped.
  if (count != 0 && peek_is_ext(pk_)) {
    as_msgpack_ext ext{};
    if (read_ext(pk_, &ext) != 0 || skip_one(pk_) < 0) return -1;
    flags = ext.type;
    count--;
  }
  if (uint64_t{count} * 2 > bytes_left(pk_)) return -1;
  as_val* container = nullptr;
  Shape shape = Shape::kMap;
  if ((flags & AS_PACKED_MAP_FLAG_PRESERVE_ORDER) != 0) {
    // 7.4.0 hands a preserve-order map over as its keys and values in turn.
    shape = Shape::kPairList;
    container = reinterpret_cast<as_val*>(as_arraylist_new(2 * count, 2 * count));
  } else {
    container = reinterpret_cast<as_val*>(as_orderedmap_new(count));
  }
  if (container == nullptr) return -2;
  stack_.push_back({container, shape, count, flags, false, nullptr});
  return 1;
}

int Decoder::next(as_val** out) {
  *out = nullptr;
  if (peek_is_ext(pk_)) return skip_one(pk_) < 0 ? -1 : 0;
  Element e = peek_element(pk_);
  if (e.kind == Kind::kList) {
    pk_.offset += e.head_size;
    return open_list(e.count);
  }
  if (e.kind == Kind::kMap) {
    pk_.offset += e.head_size;
    return open_map(e.count);
  }
  return decode_scalar(pk_, e, out);
}

as_val* Decoder::close(Open& top) {
  as_val* done = top.container;
  if (top.shape == Shape::kList) {
    reinterpret_cast<as_list*>(done)->flags = top.flags;
  } else if (top.shape == Shape::kMap) {
    as_orderedmap_set_flags(reinterpret_cast<as_orderedmap*>(done), top.flags);
  }
  top.container = nullptr;
  return done;
}

int Decoder::add(Open& top, as_val* v) {
  if (top.shape == Shape::kList) {
    if (v == nullptr) return -3;  // an ext in the middle of a list
    as_arraylist_append(reinterpret_cast<as_arraylist*>(top.container), v);
    top.remaining--;
    return 0;
  }
  if (!top.has_key) {
    top.has_key = true;
    top.key = v;
    return 0;
  }
  as_val* key = top.key;
  top.has_key = false;
  top.key = nullptr;
  top.remaining--;
  if (top.shape == Shape::kPairList) {
    if (key != nullptr && v != nullptr) {
      auto* list = reinterpret_cast<as_arraylist*>(top.container);
      as_arraylist_append(list, key);
      as_arraylist_append(list, v);
    } else {
      // A pair with an ext on either side is dropped.
      as_val_destroy(key);
      as_val_destroy(v);
    }
    return 0;
  }
  if (key == nullptr || v == nullptr ||
      as_orderedmap_set(reinterpret_cast<as_orderedmap*>(top.container), key, v) < 0) {
    as_val_destroy(key);
    as_val_destroy(v);
    return -5;
  }
  return 0;
}

int Decoder::attach(as_val* v, as_val** out) {
  while (true) {
    if (stack_.empty()) {
      *out = v;
      return 1;
    }
    Open& top = stack_.back();
    int rc = add(top, v);
    if (rc != 0) return rc;
    if (top.remaining > 0 || top.has_key) return 0;
    v = close(top);
    stack_.pop_back();
  }
}

int Decoder::run(as_val** out) {
  while (true) {
    as_val* v = nullptr;
    int rc = next(&v);
    if (rc < 0) return rc;
    if (rc == 1) {
      if (stack_.back().remaining > 0) continue;
      v = close(stack_.back());
      stack_.pop_back();
    }
    rc = attach(v, out);
    if (rc != 0) return rc < 0 ? rc : 0;
  }
}

}  // namespace

int unpack_value(as_unpacker& pk, as_val** val) {
  // A top-level ext (the comparison values included) is passed over, as
  // 7.4.0 does, leaving no value.
  if (peek_is_ext(pk)) {
    (void)skip_one(pk);
    *val = nullptr;
    return 0;
  }
  return Decoder(pk).run(val);
}

}  // namespace aeroshim::msgpack
