// mod-lua's `bytes` class: the global table of functions taking a bytes box
// first (bytes.set_int16_be(b, 1, v)), `bytes(n)` making one, and the box's
// metamethods (b[i] reads and writes one byte). Positions are 1-based.
//
// What the stock class answers is kept call for call: the exact argument
// count each function wants (otherwise false, 0 or no value at all), the
// ranges it accepts, the capacity it grows to before writing, the varint
// writers leaving the size alone, `#b` being 0 (Lua passes __len a second
// argument, and the size function then refuses). Where stock reads or
// writes outside the buffer (get_string, get_bytes and set_bytes past the
// source, an unterminated varint, positions near 2^32 that wrap) this reads
// only allocated memory: inside the capacity it answers what stock answers,
// past it a read gives nothing and a write false. Growth is zero-filled, so
// bytes stock leaves uninitialised read as 0 here.
#include "udf/lua_box.h"
#include "udf/lua_classes.h"

#include <aerospike/as_bytes.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace aeroshim::udf {
namespace {

// The type field is stored and read as its 32 bits: stock keeps whatever
// integer set_type is given, most of which name no enumerator.
static_assert(sizeof(as_bytes_type) == sizeof(uint32_t), "as_bytes_type is 32 bits");

// The bytes box at `index`. The userdata check comes first so a wrong
// argument gets stock's message ("userdata expected, got number").
as_bytes* check_bytes(lua_State* L, int index) {
  luaL_checktype(L, index, LUA_TUSERDATA);
  return as_bytes_fromval(check_box(L, index, kBytesClass));
}

bool valid_position(lua_Integer i) { return i >= 1 && i <= static_cast<lua_Integer>(UINT32_MAX); }

bool valid_count(lua_Integer n) { return n >= 0 && n <= static_cast<lua_Integer>(UINT32_MAX); }

int push_false(lua_State* L) {
  lua_pushboolean(L, 0);
  return 1;
}

int push_zero(lua_State* L) {
  lua_pushinteger(L, 0);
  return 1;
}

// as_bytes_ensure with resizing, except that the added capacity is zeroed
// (calloc leaves large blocks untouched until written) and a request past
// 2^32 - 1, which wraps in stock, fails.
bool grow(as_bytes* b, uint64_t capacity) {
  if (capacity > UINT32_MAX) return false;
  if (capacity <= b->capacity) return true;
  auto* buffer = static_cast<uint8_t*>(std::calloc(capacity, 1));
  if (buffer == nullptr) return false;
  // Stock reallocates its own buffer (keeping all of it) and copies only
  // the used bytes out of one it does not own.
  uint32_t keep = b->free ? b->capacity : b->size;
  if (keep > 0 && b->value != nullptr) std::memcpy(buffer, b->value, keep);
  if (b->free) std::free(b->value);
  b->value = buffer;
  b->capacity = static_cast<uint32_t>(capacity);
  b->free = true;
  return true;
}

// Grows to hold [pos, pos + size), as stock does even when the write then
// fails, and writes.
bool write_at(as_bytes* b, uint32_t pos, const uint8_t* data, uint32_t size) {
  return grow(b, static_cast<uint64_t>(pos) + size) && as_bytes_set(b, pos, data, size);
}

// --- integers of 1, 2, 4 and 8 bytes ------------------------------------------

enum class Order { kBig, kLittle };

// Bytes are 0..255; 16 and 32 bits are their signed range; 64 bits
// anything.
template <int W>
bool in_range(lua_Integer v) {
  if constexpr (W == 1) {
    return v >= 0 && v <= UINT8_MAX;
  } else if constexpr (W == 8) {
    return true;
  } else {
    constexpr lua_Integer kHalf = lua_Integer{1} << (8 * W - 1);
    return v >= -kHalf && v < kHalf;
  }
}

template <int W, Order O>
void encode(lua_Integer v, uint8_t* out) {
  auto u = static_cast<uint64_t>(v);
  for (int k = 0; k < W; ++k) {
    int shift = O == Order::kBig ? 8 * (W - 1 - k) : 8 * k;
    out[k] = static_cast<uint8_t>(u >> shift);
  }
}

// A byte reads unsigned, wider integers signed.
template <int W, Order O>
lua_Integer decode(const uint8_t* in) {
  uint64_t u = 0;
  for (int k = 0; k < W; ++k) {
    int shift = O == Order::kBig ? 8 * (W - 1 - k) : 8 * k;
    u |= static_cast<uint64_t>(in[k]) << shift;
  }
  if constexpr (W > 1 && W < 8) {
    constexpr uint64_t kSign = uint64_t{1} << (8 * W - 1);
    if ((u & kSign) != 0) u |= ~((kSign << 1) - 1);
  }
  return static_cast<lua_Integer>(u);
}

// bytes.get_<type>(b, i): the value, or no value at all.
template <int W, Order O>
int get_int(lua_State* L) {
  if (lua_gettop(L) != 2) return 0;
  as_bytes* b = check_bytes(L, 1);
  lua_Integer i = luaL_optinteger(L, 2, 0);
  if (b == nullptr || !valid_position(i)) return 0;
  uint8_t raw[W];
  if (as_bytes_copy(b, static_cast<uint32_t>(i - 1), raw, W) == 0) return 0;
  lua_pushinteger(L, decode<W, O>(raw));
  return 1;
}

// bytes.set_<type>(b, i, v): true once written, growing as needed.
template <int W, Order O>
int set_int(lua_State* L) {
  if (lua_gettop(L) != 3) return push_false(L);
  as_bytes* b = check_bytes(L, 1);
  lua_Integer i = luaL_optinteger(L, 2, 0);
  lua_Integer v = luaL_optinteger(L, 3, 0);
  if (b == nullptr || !valid_position(i) || !in_range<W>(v)) return push_false(L);
  uint8_t raw[W];
  encode<W, O>(v, raw);
  lua_pushboolean(L, write_at(b, static_cast<uint32_t>(i - 1), raw, W));
  return 1;
}

// bytes.append_<type>(b, v): true once written after the used bytes.
template <int W, Order O>
int append_int(lua_State* L) {
  if (lua_gettop(L) != 2) return push_false(L);
  as_bytes* b = check_bytes(L, 1);
  lua_Integer v = luaL_optinteger(L, 2, 0);
  if (b == nullptr || !in_range<W>(v)) return push_false(L);
  uint8_t raw[W];
  encode<W, O>(v, raw);
  lua_pushboolean(L, write_at(b, b->size, raw, W));
  return 1;
}

// --- varints ---------------------------------------------------------------------

bool valid_var_int(lua_Integer v) { return v >= INT32_MIN && v <= INT32_MAX; }

// Five bytes are always made room for; the value goes in as its 32 bits
// and the size stays as it was (stock's as_bytes_set_var_int).
uint32_t put_var_int(as_bytes* b, uint32_t pos, lua_Integer v) {
  if (!grow(b, static_cast<uint64_t>(pos) + 5)) return 0;
  return as_bytes_set_var_int(b, pos, static_cast<uint32_t>(v));
}

// bytes.set_var_int(b, i, v): the number of bytes written, 0 when refused.
int set_var_int(lua_State* L) {
  if (lua_gettop(L) != 3) return push_zero(L);
  as_bytes* b = check_bytes(L, 1);
  lua_Integer i = luaL_optinteger(L, 2, 0);
  lua_Integer v = luaL_optinteger(L, 3, 0);
  if (b == nullptr || !valid_position(i) || !valid_var_int(v)) return push_zero(L);
  lua_pushinteger(L, put_var_int(b, static_cast<uint32_t>(i - 1), v));
  return 1;
}

// bytes.append_var_int(b, v): as set_var_int at the end of the used bytes,
// which it does not extend.
int append_var_int(lua_State* L) {
  if (lua_gettop(L) != 2) return push_zero(L);
  as_bytes* b = check_bytes(L, 1);
  lua_Integer v = luaL_optinteger(L, 2, 0);
  if (b == nullptr || !valid_var_int(v)) return push_zero(L);
  lua_pushinteger(L, put_var_int(b, b->size, v));
  return 1;
}

// Stock decodes past the used bytes (up to the capacity here, where the
// varint writers put them) and past five groups, each later group landing
// where x86 puts a 32-bit shift of 35 or more: at the count modulo 32.
// 0 when the capacity ends first.
uint32_t read_var_int(const as_bytes* b, uint32_t pos, uint32_t* value) {
  uint32_t result = 0;
  uint32_t shift = 0;
  for (uint64_t at = pos; at < b->capacity && b->value != nullptr; ++at) {
    uint8_t group = b->value[at];
    result |= static_cast<uint32_t>(group & 0x7F) << (shift & 31);
    shift += 7;
    if ((group & 0x80) == 0) {
      *value = result;
      return static_cast<uint32_t>(at - pos + 1);
    }
  }
  return 0;
}

// bytes.get_var_int(b, i): the value and its length in bytes (0, 0 when
// unreadable), or nothing for a bad position.
int get_var_int(lua_State* L) {
  if (lua_gettop(L) != 2) return 0;
  as_bytes* b = check_bytes(L, 1);
  lua_Integer i = luaL_optinteger(L, 2, 0);
  if (b == nullptr || !valid_position(i)) return 0;
  uint32_t value = 0;
  uint32_t size = read_var_int(b, static_cast<uint32_t>(i - 1), &value);
  if (size == 0) value = 0;
  lua_pushinteger(L, value);
  lua_pushinteger(L, size);
  return 2;
}

// --- strings and bytes -----------------------------------------------------------

// Stock copies n bytes from position i with no bound: n = 0 always gives
// the empty value; otherwise the range must lie inside the capacity.
bool readable(const as_bytes* b, lua_Integer i, lua_Integer n) {
  return n == 0 || (b->value != nullptr && static_cast<uint64_t>(i - 1) + n <= b->capacity);
}

// bytes.get_string(b, i, n): n bytes as a Lua string.
int get_string(lua_State* L) {
  if (lua_gettop(L) != 3) return 0;
  as_bytes* b = check_bytes(L, 1);
  lua_Integer i = luaL_optinteger(L, 2, 0);
  lua_Integer n = luaL_optinteger(L, 3, 0);
  if (b == nullptr || !valid_position(i) || !valid_count(n) || !readable(b, i, n)) return 0;
  if (n == 0) {
    lua_pushliteral(L, "");
  } else {
    lua_pushlstring(L, reinterpret_cast<const char*>(b->value) + (i - 1), n);
  }
  return 1;
}

// bytes.get_bytes(b, i, n): a new bytes value holding a copy of n bytes.
int get_bytes(lua_State* L) {
  if (lua_gettop(L) != 3) return 0;
  as_bytes* b = check_bytes(L, 1);
  lua_Integer i = luaL_optinteger(L, 2, 0);
  lua_Integer n = luaL_optinteger(L, 3, 0);
  if (b == nullptr || !valid_position(i) || !valid_count(n) || !readable(b, i, n)) return 0;
  auto len = static_cast<uint32_t>(n);
  auto* raw = static_cast<uint8_t*>(std::malloc(len > 0 ? len : 1));
  if (raw == nullptr) return 0;
  if (len > 0) std::memcpy(raw, b->value + (i - 1), len);
  as_bytes* copy = as_bytes_new_wrap(raw, len, true);
  if (copy == nullptr) {
    std::free(raw);
    return 0;
  }
  push_box(L, as_bytes_toval(copy), kBytesClass);
  return 1;
}

// bytes.set_string(b, i, s): the whole string at i; the empty string is
// accepted (and still grows the used size up to i - 1).
int set_string(lua_State* L) {
  if (lua_gettop(L) != 3) return push_false(L);
  as_bytes* b = check_bytes(L, 1);
  lua_Integer i = luaL_optinteger(L, 2, 0);
  size_t n = 0;
  const char* s = luaL_optlstring(L, 3, nullptr, &n);
  if (b == nullptr || !valid_position(i) || s == nullptr || n > UINT32_MAX) return push_false(L);
  lua_pushboolean(L, write_at(b, static_cast<uint32_t>(i - 1), reinterpret_cast<const uint8_t*>(s),
                              static_cast<uint32_t>(n)));
  return 1;
}

// bytes.append_string(b, s): the empty string is refused.
int append_string(lua_State* L) {
  if (lua_gettop(L) != 2) return push_false(L);
  as_bytes* b = check_bytes(L, 1);
  size_t n = 0;
  const char* s = luaL_optlstring(L, 2, nullptr, &n);
  if (b == nullptr || s == nullptr || n == 0 || n > UINT32_MAX) return push_false(L);
  lua_pushboolean(
      L, write_at(b, b->size, reinterpret_cast<const uint8_t*>(s), static_cast<uint32_t>(n)));
  return 1;
}

// bytes.append_bytes(b, v, n): the first n bytes of v, or all of them when
// v has fewer.
int append_bytes(lua_State* L) {
  if (lua_gettop(L) != 3) return push_false(L);
  as_bytes* b = check_bytes(L, 1);
  as_bytes* v = check_bytes(L, 2);
  lua_Integer n = luaL_optinteger(L, 3, 0);
  if (b == nullptr || v == nullptr || !valid_count(n)) return push_false(L);
  uint32_t size = n > v->size ? v->size : static_cast<uint32_t>(n);
  uint32_t pos = b->size;
  // Growing b may move v's bytes when v is b, so they are read after.
  bool ok = grow(b, static_cast<uint64_t>(pos) + size);
  if (ok && size > 0) {
    std::memmove(b->value + pos, v->value, size);
    b->size = pos + size;
  }
  lua_pushboolean(L, ok);
  return 1;
}

// Stock grows b for min(n, size of v) bytes but then copies n: past v's
// used bytes it reads v's spare capacity, and past that (beyond any buffer)
// zeros are written here.
bool copy_bytes(as_bytes* b, uint32_t pos, const as_bytes* v, uint32_t n) {
  uint32_t least = n > v->size ? v->size : n;
  if (!grow(b, static_cast<uint64_t>(pos) + least)) return false;
  if (static_cast<uint64_t>(pos) + n > b->capacity) return false;
  uint32_t from_v = v->value == nullptr ? 0 : (n > v->capacity ? v->capacity : n);
  if (from_v > 0) std::memmove(b->value + pos, v->value, from_v);
  if (n > from_v) std::memset(b->value + pos + from_v, 0, n - from_v);
  if (pos + n > b->size) b->size = pos + n;
  return true;
}

// bytes.set_bytes(b, i, v, n)
int set_bytes(lua_State* L) {
  if (lua_gettop(L) != 4) return push_false(L);
  as_bytes* b = check_bytes(L, 1);
  lua_Integer i = luaL_optinteger(L, 2, 0);
  as_bytes* v = check_bytes(L, 3);
  lua_Integer n = luaL_optinteger(L, 4, 0);
  if (b == nullptr || !valid_position(i) || v == nullptr || !valid_count(n)) {
    return push_false(L);
  }
  lua_pushboolean(L, copy_bytes(b, static_cast<uint32_t>(i - 1), v, static_cast<uint32_t>(n)));
  return 1;
}

// --- size, type, text ----------------------------------------------------------------

// bytes.size(b); also __len, which Lua calls with a second argument, so
// `#b` is always 0 as in stock.
int size(lua_State* L) {
  if (lua_gettop(L) != 1) return push_zero(L);
  as_bytes* b = check_bytes(L, 1);
  lua_pushinteger(L, b == nullptr ? 0 : b->size);
  return 1;
}

// bytes.set_size(b, n): despite the name, only whether the capacity holds n
// bytes (stock's as_bytes_ensure without resizing); the size is untouched.
int set_size(lua_State* L) {
  if (lua_gettop(L) != 2) return push_false(L);
  as_bytes* b = check_bytes(L, 1);
  lua_Integer n = luaL_optinteger(L, 2, 0);
  if (b == nullptr || !valid_count(n)) return push_false(L);
  lua_pushboolean(L, as_bytes_ensure(b, static_cast<uint32_t>(n), false));
  return 1;
}

// bytes.get_type(b): the particle type number.
int get_type(lua_State* L) {
  if (lua_gettop(L) < 1) return 0;
  as_bytes* b = check_bytes(L, 1);
  if (b == nullptr) return 0;
  uint32_t type = 0;
  std::memcpy(&type, &b->type, sizeof type);
  lua_pushinteger(L, type);
  return 1;
}

// bytes.set_type(b, t): any non-zero integer, kept as its low 32 bits.
int set_type(lua_State* L) {
  if (lua_gettop(L) != 2) return push_false(L);
  as_bytes* b = check_bytes(L, 1);
  lua_Integer t = luaL_optinteger(L, 2, 0);
  if (b == nullptr || t == 0) return push_false(L);
  auto type = static_cast<uint32_t>(t);
  std::memcpy(&b->type, &type, sizeof type);
  lua_pushboolean(L, 1);
  return 1;
}

// __tostring: as_val_tostring's hex ("0A FF"), "Bytes()" when empty.
int to_string(lua_State* L) {
  if (lua_gettop(L) != 1) return push_zero(L);
  luaL_checktype(L, 1, LUA_TUSERDATA);
  as_val* value = check_box(L, 1, kBytesClass);
  char* text = value == nullptr ? nullptr : as_val_tostring(value);
  if (text == nullptr) {
    lua_pushliteral(L, "Bytes()");
    return 1;
  }
  lua_pushstring(L, text);
  std::free(text);
  return 1;
}

// bytes() or bytes(capacity); the capacity is taken as its low 32 bits, as
// stock does. Any other argument count gives nothing.
int construct(lua_State* L) {
  int argc = lua_gettop(L);
  if (argc != 1 && argc != 2) return 0;
  lua_Integer n = argc == 2 ? luaL_optinteger(L, 2, 0) : 0;
  as_bytes* b = as_bytes_new(static_cast<uint32_t>(n));
  if (b == nullptr) return 0;
  if (b->capacity > 0 && b->value == nullptr) {
    as_bytes_destroy(b);
    return 0;
  }
  push_box(L, as_bytes_toval(b), kBytesClass);
  return 1;
}

// Every name stock registers, aliases included (no suffix is big endian).
const luaL_Reg kFunctions[] = {
    {"size", size},
    {"set_size", set_size},
    {"get_type", get_type},
    {"set_type", set_type},
    {"get_string", get_string},
    {"get_bytes", get_bytes},
    {"get_byte", get_int<1, Order::kBig>},
    {"get_int16", get_int<2, Order::kBig>},
    {"get_int16_be", get_int<2, Order::kBig>},
    {"get_int16_le", get_int<2, Order::kLittle>},
    {"get_int32", get_int<4, Order::kBig>},
    {"get_int32_be", get_int<4, Order::kBig>},
    {"get_int32_le", get_int<4, Order::kLittle>},
    {"get_int64", get_int<8, Order::kBig>},
    {"get_int64_be", get_int<8, Order::kBig>},
    {"get_int64_le", get_int<8, Order::kLittle>},
    {"get_var_int", get_var_int},
    {"set_string", set_string},
    {"set_bytes", set_bytes},
    {"set_byte", set_int<1, Order::kBig>},
    {"set_int16", set_int<2, Order::kBig>},
    {"set_int16_be", set_int<2, Order::kBig>},
    {"set_int16_le", set_int<2, Order::kLittle>},
    {"set_int32", set_int<4, Order::kBig>},
    {"set_int32_be", set_int<4, Order::kBig>},
    {"set_int32_le", set_int<4, Order::kLittle>},
    {"set_int64", set_int<8, Order::kBig>},
    {"set_int64_be", set_int<8, Order::kBig>},
    {"set_int64_le", set_int<8, Order::kLittle>},
    {"set_var_int", set_var_int},
    {"append_string", append_string},
    {"append_bytes", append_bytes},
    {"append_byte", append_int<1, Order::kBig>},
    {"append_int16", append_int<2, Order::kBig>},
    {"append_int16_be", append_int<2, Order::kBig>},
    {"append_int16_le", append_int<2, Order::kLittle>},
    {"append_int32", append_int<4, Order::kBig>},
    {"append_int32_be", append_int<4, Order::kBig>},
    {"append_int32_le", append_int<4, Order::kLittle>},
    {"append_int64", append_int<8, Order::kBig>},
    {"append_int64_be", append_int<8, Order::kBig>},
    {"append_int64_le", append_int<8, Order::kLittle>},
    {"append_var_int", append_var_int},
    {nullptr, nullptr},
};

// b[i] and b[i] = v are get_byte and set_byte (a failed write is silent).
const luaL_Reg kMethods[] = {
    {"__index", get_int<1, Order::kBig>},
    {"__newindex", set_int<1, Order::kBig>},
    {"__len", size},
    {"__tostring", to_string},
    {nullptr, nullptr},
};

}  // namespace

void open_bytes(lua_State* L) {
  register_class(L, kBytesClass, kMethods, "bytes", kFunctions, construct);
}

}  // namespace aeroshim::udf
