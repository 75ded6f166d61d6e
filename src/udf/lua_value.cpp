#include "udf/lua_value.h"

#include "udf/lua_box.h"

#include <aerospike/as_boolean.h>
#include <aerospike/as_double.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_nil.h>
#include <aerospike/as_string.h>

#include <cstdlib>
#include <cstring>
#include <initializer_list>

namespace aeroshim::udf {
namespace {

const char* box_class(as_val_t type) {
  switch (type) {
    case AS_LIST: return kListClass;
    case AS_MAP: return kMapClass;
    case AS_BYTES: return kBytesClass;
    case AS_GEOJSON: return kGeoJsonClass;
    default: return nullptr;
  }
}

as_val* box_value(lua_State* L, int index) {
  for (const char* name : {kListClass, kMapClass, kBytesClass, kGeoJsonClass}) {
    if (as_val* v = test_box(L, index, name)) return v;
  }
  return nullptr;
}

// Up to the first NUL, as mod-lua copies a Lua string (the rest is lost).
as_val* copy_string(lua_State* L, int index) {
  const char* s = lua_tostring(L, index);
  const size_t size = std::strlen(s);
  auto* copy = static_cast<char*>(std::malloc(size + 1));
  if (!copy) return nullptr;
  std::memcpy(copy, s, size);
  copy[size] = '\0';
  return reinterpret_cast<as_val*>(as_string_new_wlen(copy, size, true));
}

}  // namespace

void push_value(lua_State* L, const as_val* value) {
  const as_val_t type = value ? value->type : static_cast<as_val_t>(AS_NIL);
  switch (type) {
    case AS_BOOLEAN: lua_pushboolean(L, reinterpret_cast<const as_boolean*>(value)->value); return;
    case AS_INTEGER: lua_pushinteger(L, reinterpret_cast<const as_integer*>(value)->value); return;
    case AS_DOUBLE: lua_pushnumber(L, reinterpret_cast<const as_double*>(value)->value); return;
    case AS_STRING: {
      auto* s = const_cast<as_string*>(reinterpret_cast<const as_string*>(value));
      // Up to the first NUL, as mod-lua pushes it.
      if (s->value) {
        lua_pushstring(L, s->value);
      } else {
        lua_pushnil(L);
      }
      return;
    }
    default: break;
  }
  const char* name = box_class(type);
  if (!name) {
    lua_pushnil(L);
    return;
  }
  push_box(L, as_val_reserve(const_cast<as_val*>(value)), name);
}

as_val* to_value(lua_State* L, int index) {
  switch (lua_type(L, index)) {
    case LUA_TNIL: return const_cast<as_val*>(&as_nil);
    case LUA_TBOOLEAN:
      return reinterpret_cast<as_val*>(as_boolean_new(lua_toboolean(L, index) != 0));
    case LUA_TNUMBER:
      if (lua_isinteger(L, index))
        return reinterpret_cast<as_val*>(as_integer_new(lua_tointeger(L, index)));
      return reinterpret_cast<as_val*>(as_double_new(lua_tonumber(L, index)));
    case LUA_TSTRING: return copy_string(L, index);
    case LUA_TUSERDATA: {
      as_val* v = box_value(L, index);
      return v ? as_val_reserve(v) : nullptr;
    }
    default: return nullptr;
  }
}

}  // namespace aeroshim::udf
