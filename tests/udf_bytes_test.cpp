// The `bytes` and `geojson` Lua classes (src/udf/lua_bytes.cpp,
// lua_geojson.cpp) against mod-lua as the stock client embeds it: every
// case but kUnsafeInStockCases was run unchanged in a state with the stock
// classes (the npm addon's mod_lua_bytes_register/mod_lua_geojson_register
// on its Lua 5.4; compat_mod_lua_cases does it again) and expects exactly
// what that answered. Then values crossing between C and Lua both ways.
#include "cmocka_cxx.h"
#include "lua_cases.h"
#include "udf/lua_box.h"
#include "udf/lua_classes.h"

#include <aerospike/as_bytes.h>
#include <aerospike/as_geojson.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <lua.hpp>
#include <string>

using namespace aeroshim::udf;

namespace {

// r(...) renders every result, nil and missing ones told apart by the
// count: "3:i1,true,nil" (i and f mark integers and floats). hx() shows a
// binary string as hex.
const char* kPrelude = R"lua(
function r(...)
  local t = table.pack(...)
  local s = {}
  for i = 1, t.n do
    local v = t[i]
    local m = math.type(v)
    s[i] = m == 'integer' and ('i' .. v) or m == 'float' and ('f' .. v) or tostring(v)
  end
  return t.n .. ':' .. table.concat(s, ',')
end
function hx(s)
  return (s:gsub('.', function(c) return string.format('%02X', c:byte()) end))
end
)lua";

lua_State* new_state() {
  lua_State* L = luaL_newstate();
  luaL_openlibs(L);
  open_bytes(L);
  open_geojson(L);
  if (luaL_loadbuffer(L, kPrelude, std::strlen(kPrelude), "=prelude") != LUA_OK ||
      lua_pcall(L, 0, 0, 0) != LUA_OK) {
    fail_msg("prelude: %s", lua_tostring(L, -1));
  }
  return L;
}

using lua_cases::Case;
using lua_cases::run;

template <size_t N>
void check(const Case (&cases)[N]) {
  lua_cases::check(cases, new_state);
}

// --- the class as stock answers it ------------------------------------------------

const Case kConstructCases[] = {
    {R"(return r(bytes(), bytes.size(bytes()), bytes.get_type(bytes())))", "3:Bytes(),i0,i4"},
    {R"(return r(bytes(1, 2)))", "0:"},
    {R"(return r(bytes(nil), bytes.size(bytes(nil))))", "2:Bytes(),i0"},
    {R"(local b = bytes(4) return r(b, bytes.size(b), bytes.set_size(b, 4), bytes.set_size(b, 5)))",
     "4:Bytes(),i0,true,false"},
    {R"(return r(bytes(2^40 + 3), bytes.set_size(bytes(2^40 + 3), 3), bytes.set_size(bytes(2^40 + 3), 4)))",
     "3:Bytes(),true,false"},
    {R"(return r(pcall(bytes, 1.5)))",
     "2:false,bad argument #2 to '?' (number has no integer representation)"},
    {R"(return r(getmetatable(bytes) == bytes, pcall(setmetatable, bytes, {})))",
     "3:true,false,cannot change a protected metatable"},
    {R"(return r(type(getmetatable(bytes).__call), next(geojson), type(bytes.append_var_int)))",
     "3:nil,nil,function"},
    {R"(local m = getmetatable(bytes()) return r(m.__name, type(m.__index), type(m.__newindex), m.__metatable, m.__call, m.__tostring(bytes(), 1), m.__len(bytes(2))))",
     "7:Bytes,function,function,nil,nil,i0,i0"},
    {R"(return r(bytes.capacity, bytes.truncate, bytes.new))", "3:nil,nil,nil"},
};

const Case kSizeTypeCases[] = {
    {R"(local b = bytes() bytes.append_byte(b, 1) bytes.append_byte(b, 2) return r(bytes.size(b), #b, bytes.size(), bytes.size(b, 1)))",
     "4:i2,i0,i0,i0"},
    {R"(return r(pcall(bytes.size, 5)))",
     "2:false,bad argument #1 to '?' (userdata expected, got number)"},
    {R"(return r(pcall(bytes.size, io.stdout)))",
     "2:false,bad argument #1 to '?' (Bytes expected, got FILE*)"},
    {R"(return r(pcall(bytes.size, geojson('{}'))))",
     "2:false,bad argument #1 to '?' (Bytes expected, got GeoJSON)"},
    {R"(return r(pcall(bytes.size, setmetatable({}, getmetatable(bytes())))))",
     "2:false,bad argument #1 to '?' (userdata expected, got Bytes)"},
    {R"(bytes.size(5))", "ERR: t:1: bad argument #1 to 'size' (userdata expected, got number)"},
    {R"(bytes.get_int16(bytes(), 'x'))",
     "ERR: t:1: bad argument #2 to 'get_int16' (number expected, got string)"},
    {R"(local b = bytes(10) return r(bytes.set_size(b, 10), bytes.set_size(b, 11), bytes.set_size(b, -1), bytes.set_size(b), bytes.set_size(b, 2^32), bytes.set_size(b, 0), bytes.size(b)))",
     "7:true,false,false,false,false,true,i0"},
    {R"(local b = bytes() return r(bytes.set_type(b, 3), bytes.get_type(b), bytes.set_type(b, 0), bytes.get_type(b), bytes.set_type(b), bytes.set_type(b, -1), bytes.get_type(b)))",
     "7:true,i3,false,i3,false,true,i4294967295"},
    {R"(local b = bytes() return r(bytes.set_type(b, 2^32 + 5), bytes.get_type(b), bytes.set_type(b, 4, 1), bytes.get_type(b, 'extra'), bytes.get_type()))",
     "4:true,i5,false,i5"},
    {R"(return r(pcall(bytes.set_type, bytes(), 'x')))",
     "2:false,bad argument #2 to '?' (number expected, got string)"},
};

const Case kAppendCases[] = {
    {R"(local b = bytes() return r(bytes.append_byte(b, 255), bytes.append_byte(b, 256), bytes.append_byte(b, -1), bytes.append_byte(b), bytes.append_byte(b, 0, 1), b))",
     "6:true,false,false,false,false,FF"},
    {R"(local b = bytes() return r(bytes.append_int16(b, -2), bytes.append_int16_le(b, 0x1234), bytes.append_int16_be(b, 0x5678), bytes.append_int16_be(b, 32768), bytes.append_int16_le(b, -32769), b))",
     "6:true,true,true,false,false,FF FE 34 12 56 78"},
    {R"(local b = bytes() return r(bytes.append_int32(b, -2), bytes.append_int32_le(b, 0x12345678), bytes.append_int32_be(b, 2^31), bytes.append_int32_le(b, -2^31 - 1), bytes.append_int32_be(b, -2^31), b))",
     "6:true,true,false,false,true,FF FF FF FE 78 56 34 12 80 00 00 00"},
    {R"(local b = bytes() return r(bytes.append_int64(b, -2), bytes.append_int64_le(b, 0x0102030405060708), bytes.append_int64_be(b, math.mininteger), b))",
     "4:true,true,true,FF FF FF FF FF FF FF FE 08 07 06 05 04 03 02 01 80 00 00 00 00 00 00 00"},
    {R"(return r(pcall(bytes.append_int64, bytes(), 1.5)))",
     "2:false,bad argument #2 to '?' (number has no integer representation)"},
    {R"(return r(bytes.append_int64(bytes(), '7'), pcall(bytes.append_int64, bytes(), 'z')))",
     "3:true,false,bad argument #2 to '?' (number expected, got string)"},
    {R"(local b = bytes() return r(bytes.append_string(b, 'ab'), bytes.append_string(b, ''), bytes.append_string(b, nil), bytes.append_string(b, 12), bytes.append_string(b), b))",
     "6:true,false,false,true,false,61 62 31 32"},
    {R"(return r(pcall(bytes.append_string, bytes(), {})))",
     "2:false,bad argument #2 to '?' (string expected, got table)"},
    {R"(local d = bytes() bytes.append_string(d, 'ab12') local e = bytes() return r(bytes.append_bytes(e, d, 1), bytes.append_bytes(e, d, 100), bytes.append_bytes(e, d, -1), bytes.append_bytes(e, d), bytes.append_bytes(e, d, 0), e, bytes.size(e)))",
     "7:true,true,false,false,true,61 61 62 31 32,i5"},
    {R"(return r(pcall(bytes.append_bytes, bytes(), 'x', 1)))",
     "2:false,bad argument #2 to '?' (userdata expected, got string)"},
    {R"(local b = bytes() bytes.append_string(b, 'ab') return r(bytes.append_bytes(b, b, 5), b))",
     "2:true,61 62 61 62"},
    {R"(local b = bytes() for i = 1, 100 do bytes.append_byte(b, i) end return r(bytes.size(b), bytes.get_byte(b, 100), bytes.set_size(b, 100), bytes.set_size(b, 101)))",
     "4:i100,i100,true,false"},
    {R"(local b = bytes(16) bytes.append_int32(b, 1) return r(bytes.size(b), bytes.set_size(b, 16), bytes.set_size(b, 17)))",
     "3:i4,true,false"},
};

const Case kSetGetCases[] = {
    {R"(local b = bytes(8) return r(bytes.set_int16_be(b, 1, 0x1234), bytes.get_int16_le(b, 1), bytes.get_int16_be(b, 1), bytes.get_int16(b, 1), b))",
     "5:true,i13330,i4660,i4660,12 34"},
    {R"(local b = bytes(8) bytes.set_int16(b, 1, 0x1234) return r(bytes.set_int16_le(b, 2, -2), bytes.get_int16_le(b, 2), bytes.get_int16_be(b, 2), bytes.set_int16(b, 1, 32768), bytes.set_int16(b, 0, 1), bytes.set_int16_le(b, 1, -32769), b))",
     "7:true,i-2,i-257,false,false,false,12 FE FF"},
    {R"(local b = bytes(8) bytes.set_int16(b, 1, 0x12FE) return r(bytes.set_int32(b, 3, -2), bytes.get_int32_be(b, 3), bytes.get_int32_le(b, 3), bytes.set_int32_le(b, 3, 0x01020304), bytes.get_int32(b, 3), bytes.set_int32_be(b, 1, 2^31), b))",
     "7:true,i-2,i-16777217,true,i67305985,false,12 FE 04 03 02 01"},
    {R"(local b = bytes() bytes.append_byte(b, 9) return r(bytes.set_int64(b, 2, 0x0102030405060708), bytes.get_int64_le(b, 2), bytes.get_int64_be(b, 2), bytes.set_int64_le(b, 1, -3), bytes.get_int64(b, 1), bytes.get_int64_le(b, 1), b))",
     "7:true,i578437695752307201,i72623859790382856,true,i-144115188075855873,i-3,FD FF FF FF FF "
     "FF FF FF 08"},
    {R"(local b = bytes() bytes.append_int64(b, 1) bytes.append_byte(b, 2) return r(bytes.get_int64(b, 2), bytes.get_int64(b, 3), bytes.get_int32(b, 7), bytes.get_int16(b, 9), bytes.get_byte(b, 10), bytes.get_byte(b, 9), bytes.get_byte(b, 0), bytes.get_byte(b, -1), bytes.get_byte(b, 2^32), bytes.get_byte(b)))",
     "9:i258,nil,nil,nil,nil,i2,nil,nil,nil"},
    {R"(local b = bytes() bytes.append_int32(b, 0) return r(bytes.set_byte(b, 1, 0xAB), b[1], bytes.set_byte(b, 1, 256), bytes.set_byte(b, 0, 1), bytes.set_byte(b, 1), bytes.set_byte(b, 5, 7), bytes.size(b), b))",
     "8:true,i171,false,false,false,true,i5,AB 00 00 00 07"},
    {R"(local b = bytes() bytes.append_int16(b, 0x0102) b[3] = 9 b[2] = 300 b[0] = 1 return r(b[3], b[4], b[0], b[1.0], b, bytes.size(b)))",
     "6:i9,nil,nil,i1,01 02 09,i3"},
    {R"(local b = bytes() return b.size)",
     "ERR: t:1: bad argument #2 to 'index' (number expected, got string)"},
    {R"(local b = bytes() b.x = 1)",
     "ERR: t:1: bad argument #2 to 'newindex' (number expected, got string)"},
    {R"(local b = bytes() return b[1.5])",
     "ERR: t:1: bad argument #2 to 'index' (number has no integer representation)"},
    {R"(local b = bytes() bytes.append_string(b, 'hello') return r(bytes.set_string(b, 2, 'EL'), bytes.set_string(b, 5, 'O!'), b, bytes.set_string(b, 1, ''), bytes.set_string(b, 0, 'a'), bytes.set_string(b, 1, nil), bytes.set_string(b, 1, 5), bytes.set_string(b, 1), bytes.get_string(b, 1, bytes.size(b))))",
     "9:true,true,35 45 4C 6C 4F 21,true,false,false,true,false,5ELlO!"},
    {R"(local b = bytes() bytes.append_string(b, 'abcd') return r(bytes.set_string(b, 6, ''), bytes.size(b)))",
     "2:true,i5"},
    {R"(local b = bytes() bytes.append_string(b, 'a\0b') return r(hx(bytes.get_string(b, 1, 3)), bytes.get_string(b, 2, 0), bytes.get_string(b, 100, 0), bytes.get_string(b, 0, 1), bytes.get_string(b, 1, -1), bytes.get_string(b, 1)))",
     "5:610062,,,nil,nil"},
    {R"(local b = bytes() bytes.append_string(b, 'wxyz') local g = bytes.get_bytes(b, 2, 2) return r(g, bytes.size(g), bytes.get_type(g), bytes.get_bytes(b, 1, 0), bytes.size(bytes.get_bytes(b, 9, 0)), bytes.get_bytes(b, 0, 1), bytes.get_bytes(b, 1)))",
     "6:78 79,i2,i4,Bytes(),i0,nil"},
    {R"(local b = bytes() bytes.set_type(b, 3) bytes.append_byte(b, 1) local g = bytes.get_bytes(b, 1, 1) bytes.set_byte(g, 1, 2) return r(bytes.get_type(g), b, g))",
     "3:i4,01,02"},
    {R"(local g = bytes() bytes.append_string(g, 'xy') local t = bytes() bytes.append_string(t, '---') return r(bytes.set_bytes(t, 2, g, 2), t, bytes.set_bytes(t, 1, g, 1), t, bytes.set_bytes(t, 4, g, 9), bytes.set_bytes(t, 0, g, 1), bytes.set_bytes(t, 1, g, -1), bytes.set_bytes(t, 1, g), bytes.size(t)))",
     "9:true,78 78 79,true,78 78 79,false,false,false,false,i3"},
    {R"(local g = bytes() bytes.append_string(g, 'xy') local u = bytes() return r(bytes.set_bytes(u, 1, g, 5), u, bytes.size(u), bytes.set_size(u, 2), bytes.set_size(u, 3)))",
     "5:false,Bytes(),i0,true,false"},
    {R"(return r(pcall(bytes.set_bytes, bytes(), 1, 'x', 1)))",
     "2:false,bad argument #3 to '?' (userdata expected, got string)"},
};

// Zero, 127, 128 and the rest as stock encodes them: seven bits a byte, low
// group first, negatives as their 32 bits (so five bytes); the size is left
// as it was, so eight zero bytes are written first and the five read back.
const Case kVarIntCases[] = {
    {R"(local b = bytes() bytes.append_int64(b, 0) local out = {} for _, x in ipairs({0, 1, 127, 128, 300, 16383, 16384, 2^31 - 1, -1, -2^31}) do bytes.set_int64(b, 1, 0) local n = bytes.set_var_int(b, 1, x) local v, m = bytes.get_var_int(b, 1) out[#out + 1] = n .. '/' .. v .. '/' .. m .. '/' .. hx(bytes.get_string(b, 1, 5)) end return table.concat(out, ' '))",
     "1/0/1/0000000000 1/1/1/0100000000 1/127/1/7F00000000 2/128/2/8001000000 2/300/2/AC02000000 "
     "2/16383/2/FF7F000000 3/16384/3/8080010000 5/2147483647/5/FFFFFFFF07 "
     "5/4294967295/5/FFFFFFFF0F 5/2147483648/5/8080808008"},
    {R"(local b = bytes(8) return r(bytes.set_var_int(b, 1, 2^31), bytes.set_var_int(b, 1, -2^31 - 1), bytes.set_var_int(b, 0, 1), bytes.set_var_int(b, 1), bytes.set_var_int(b, 2^32, 1), bytes.size(b)))",
     "6:i0,i0,i0,i0,i0,i0"},
    {R"(local b = bytes() return r(bytes.append_var_int(b, 300), bytes.size(b), bytes.get_var_int(b, 1), bytes.set_size(b, 5), bytes.set_size(b, 6)))",
     "5:i2,i0,i300,true,false"},
    {R"(local b = bytes() bytes.append_var_int(b, 300) return r(bytes.append_byte(b, 5), bytes.get_var_int(b, 1), b))",
     "3:true,i5,05"},
    {R"(local b = bytes() return r(bytes.append_var_int(b, 2^31), bytes.append_var_int(b, -2^31 - 1), bytes.append_var_int(b), bytes.append_var_int(b, -1), bytes.get_var_int(b, 1)))",
     "6:i0,i0,i0,i5,i4294967295,i5"},
    {R"(local b = bytes() bytes.append_byte(b, 0x80) bytes.append_byte(b, 0x01) return r(bytes.get_var_int(b, 2), bytes.get_var_int(b, 1)))",
     "3:i1,i128,i2"},
    {R"(local b = bytes() bytes.append_byte(b, 1) return r(bytes.get_var_int(b, 0), bytes.get_var_int(b), bytes.get_var_int(b, 1, 1), bytes.get_var_int(b, 2^32)))",
     "3:nil,nil,nil"},
    {R"(local b = bytes() for i = 1, 4 do bytes.append_byte(b, 0xFF) end bytes.append_byte(b, 0x7F) return r(bytes.get_var_int(b, 1)))",
     "2:i4294967295,i5"},
    {R"(local b = bytes() for i = 1, 5 do bytes.append_byte(b, 0x80) end bytes.append_byte(b, 0x01) return r(bytes.get_var_int(b, 1)))",
     "2:i8,i6"},
    {R"(local b = bytes(3) return r(bytes.set_var_int(b, 3, 2^31 - 1), bytes.size(b), bytes.get_var_int(b, 3)))",
     "4:i5,i0,i2147483647,i5"},
};

const Case kToStringCases[] = {
    {R"(local b = bytes() bytes.append_int32(b, 0x0A1B2C3D) bytes.append_byte(b, 255) return tostring(b))",
     "0A 1B 2C 3D FF"},
    {R"(return tostring(bytes(8)) .. '|' .. tostring(bytes.get_bytes(bytes(), 1, 0)))",
     "Bytes()|Bytes()"},
    {R"(local m = getmetatable(bytes()) return r(m.__tostring(bytes(), 2), pcall(m.__tostring, geojson('x'))))",
     "3:i0,false,bad argument #1 to '?' (Bytes expected, got GeoJSON)"},
    {R"(return r(pcall(tostring, setmetatable({}, getmetatable(bytes())))))",
     "2:false,bad argument #1 to '?' (userdata expected, got Bytes)"},
    {R"(local b = bytes() bytes.append_string(b, 'A') return string.format('%s|%s', b, b))",
     "41|41"},
};

const Case kGeoJsonCases[] = {
    {R"(return tostring(geojson('{"type": "Point", "coordinates": [1.5, 2]}')))",
     "\"{\"type\": \"Point\", \"coordinates\": [1.5, 2]}\""},
    {R"(return r(geojson(), geojson(nil), geojson('a', 'b'), geojson(12), tostring(geojson(''))))",
     "5:nil,nil,nil,\"12\",\"\""},
    {R"(return r(pcall(geojson, {})))",
     "2:false,bad argument #2 to '?' (string expected, got table)"},
    {R"(local m = getmetatable(geojson('x')) return r(m.__name, m.__index, m.__len, m.__tostring(geojson('x'), 1), getmetatable(geojson) == geojson))",
     "5:GeoJSON,nil,nil,i0,true"},
    {R"(return r(pcall(getmetatable(geojson('x')).__tostring, bytes())))",
     "2:false,bad argument #1 to '?' (GeoJSON expected, got Bytes)"},
    {R"(local g = geojson('{}') return r(pcall(function() return g.x end)))",
     "2:false,t:1: attempt to index a GeoJSON value (upvalue 'g')"},
    {R"(return r(pcall(function() return #geojson('{}') end)))",
     "2:false,t:1: attempt to get length of a GeoJSON value"},
};

void test_construct(void**) { check(kConstructCases); }
void test_size_type(void**) { check(kSizeTypeCases); }
void test_append(void**) { check(kAppendCases); }
void test_set_get(void**) { check(kSetGetCases); }
void test_var_int(void**) { check(kVarIntCases); }
void test_tostring(void**) { check(kToStringCases); }
void test_geojson(void**) { check(kGeoJsonCases); }

// --- where stock's answer is undefined ---------------------------------------------

// Stock grows with realloc (so the bytes a write skips over hold whatever
// was there), copies get_string/get_bytes/set_bytes ranges and varints with
// no bound at all, and memcpys a value onto itself. Here growth is zeroed,
// nothing is read outside the buffer and copies are memmoves: these are
// this library's answers, not stock's.
const Case kUnsafeInStockCases[] = {
    {R"(local b = bytes() return r(bytes.set_byte(b, 4, 7), b, bytes.size(b)))",
     "3:true,00 00 00 07,i4"},
    {R"(local b = bytes() return r(bytes.set_string(b, 3, 'xy'), b))", "2:true,00 00 78 79"},
    {R"(local b = bytes(2) return r(bytes.get_string(b, 1, 3), bytes.get_bytes(b, 2, 2), bytes.get_var_int(b, 3)))",
     "4:nil,nil,i0,i0"},
    // Inside the capacity, past the used bytes: allocated, zeroed here.
    {R"(local b = bytes(4) return r(hx(bytes.get_string(b, 1, 4)), bytes.get_bytes(b, 3, 2), bytes.get_var_int(b, 4)))",
     "4:00000000,00 00,i0,i1"},
    {R"(local b = bytes() bytes.append_byte(b, 0x80) return r(bytes.get_var_int(b, 1)))",
     "2:i0,i0"},
    {R"(local g = bytes() bytes.append_string(g, 'xy') local w = bytes(10) return r(bytes.set_bytes(w, 1, g, 5), w, bytes.size(w)))",
     "3:true,78 79 00 00 00,i5"},
    // A copy within one value: stock's memcpy overlaps (what it answered is
    // memmove's answer, given here).
    {R"(local g = bytes() bytes.append_string(g, 'xyz') return r(bytes.set_bytes(g, 2, g, 2), g))",
     "2:true,78 78 79"},
    // Positions whose end passes 2^32 wrap around in stock.
    {R"(local b = bytes() return r(bytes.set_int64(b, 2^32 - 1, 1), bytes.set_var_int(b, 2^32 - 2, 1), bytes.append_string(b, 'x'), bytes.set_size(b, 2)))",
     "4:false,i0,true,false"},
};

void test_unsafe_in_stock(void**) { check(kUnsafeInStockCases); }

// --- values crossing between C and Lua -----------------------------------------------

// A program's buffer wrapped without ownership: Lua writes inside it in
// place, and a write past its end moves the value to a buffer of its own
// (the program's stays as it was), as stock's as_bytes_ensure does.
void test_c_to_lua(void**) {
  uint8_t raw[4] = {0x01, 0x02, 0xFE, 0xFF};
  as_bytes* b = as_bytes_new_wrap(raw, sizeof raw, false);
  as_val_reserve(as_bytes_toval(b));
  lua_State* L = new_state();
  push_box(L, as_bytes_toval(b), kBytesClass);
  lua_setglobal(L, "c");
  assert_string_equal(
      run(L, "return r(tostring(c), bytes.size(c), bytes.get_int16_be(c, 3), c[1], c[5])").c_str(),
      "5:01 02 FE FF,i4,i-257,i1,nil");
  assert_string_equal(run(L, "return r(bytes.set_byte(c, 1, 0x10))").c_str(), "1:true");
  assert_int_equal(raw[0], 0x10);
  assert_string_equal(run(L, "return r(bytes.append_byte(c, 0x33), c)").c_str(),
                      "2:true,10 02 FE FF 33");
  assert_int_equal(raw[0], 0x10);
  assert_int_equal(as_bytes_size(b), 5);
  assert_true(b->value != raw);
  assert_int_equal(b->value[4], 0x33);
  lua_close(L);
  // The box gave back its reference: ours is the last.
  assert_int_equal(b->_.count, 1);
  as_bytes_destroy(b);
}

// Values Lua made, read from C through the box.
void test_lua_to_c(void**) {
  lua_State* L = new_state();
  const char* code =
      "local b = bytes() bytes.append_int32_le(b, 0x11223344) bytes.append_string(b, 'ok') "
      "bytes.set_type(b, 3) return b";
  assert_int_equal(luaL_loadstring(L, code), LUA_OK);
  assert_int_equal(lua_pcall(L, 0, 1, 0), LUA_OK);
  as_val* v = test_box(L, -1, kBytesClass);
  assert_non_null(v);
  assert_null(test_box(L, -1, kGeoJsonClass));
  as_bytes* b = as_bytes_fromval(v);
  assert_non_null(b);
  const uint8_t expected[] = {0x44, 0x33, 0x22, 0x11, 'o', 'k'};
  assert_int_equal(as_bytes_size(b), sizeof expected);
  assert_memory_equal(as_bytes_get(b), expected, sizeof expected);
  assert_int_equal(as_bytes_get_type(b), AS_BYTES_STRING);
  lua_pop(L, 1);

  assert_int_equal(luaL_loadstring(L, "return geojson('{\"type\":\"Point\"}')"), LUA_OK);
  assert_int_equal(lua_pcall(L, 0, 1, 0), LUA_OK);
  as_geojson* geo = as_geojson_fromval(test_box(L, -1, kGeoJsonClass));
  assert_non_null(geo);
  assert_string_equal(as_geojson_get(geo), "{\"type\":\"Point\"}");
  assert_null(test_box(L, -1, kBytesClass));
  lua_close(L);
}

// A GeoJSON value from C reads in Lua as its quoted text.
void test_geojson_from_c(void**) {
  lua_State* L = new_state();
  push_box(L, as_geojson_toval(as_geojson_new_strdup("{\"type\":\"Point\"}")), kGeoJsonClass);
  lua_setglobal(L, "g");
  assert_string_equal(run(L, "return tostring(g)").c_str(), "\"{\"type\":\"Point\"}\"");
  lua_close(L);
}

}  // namespace

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_construct),      cmocka_unit_test(test_size_type),
      cmocka_unit_test(test_append),         cmocka_unit_test(test_set_get),
      cmocka_unit_test(test_var_int),        cmocka_unit_test(test_tostring),
      cmocka_unit_test(test_geojson),        cmocka_unit_test(test_unsafe_in_stock),
      cmocka_unit_test(test_c_to_lua),       cmocka_unit_test(test_lua_to_c),
      cmocka_unit_test(test_geojson_from_c),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
