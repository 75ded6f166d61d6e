#include "udf/lua_box.h"

#include <aerospike/as_msgpack.h>
#include <aerospike/as_serializer.h>

#include <cstdlib>

namespace aeroshim::udf {
namespace {

struct Box {
  as_val* value;
};

}  // namespace

void push_box(lua_State* L, as_val* owned, const char* class_name) {
  if (!owned) {
    lua_pushnil(L);
    return;
  }
  // The box exists (and owns the reference) before the metatable lookup,
  // so an allocation failure there leaves a box the collector frees.
  auto* box = static_cast<Box*>(lua_newuserdatauv(L, sizeof(Box), 0));
  box->value = owned;
  luaL_setmetatable(L, class_name);
}

as_val* check_box(lua_State* L, int index, const char* class_name) {
  luaL_checktype(L, index, LUA_TUSERDATA);
  return static_cast<Box*>(luaL_checkudata(L, index, class_name))->value;
}

as_val* test_box(lua_State* L, int index, const char* class_name) {
  auto* box = static_cast<Box*>(luaL_testudata(L, index, class_name));
  return box ? box->value : nullptr;
}

int box_nbytes(lua_State* L, const char* class_name) {
  as_val* v = check_box(L, 1, class_name);
  as_serializer s;
  as_msgpack_init(&s);
  const uint32_t size = as_serializer_serialize_getsize(&s, v);
  as_serializer_destroy(&s);
  lua_pushinteger(L, size);
  return 1;
}

int box_tostring(lua_State* L, const char* class_name, const char* empty) {
  char* text = as_val_tostring(check_box(L, 1, class_name));
  if (!text) {
    lua_pushstring(L, empty);
    return 1;
  }
  // Copied into Lua before the text is freed; a failed copy leaks it.
  lua_pushstring(L, text);
  std::free(text);
  return 1;
}

int box_gc(lua_State* L) {
  // Any of the four classes: each metatable's __gc is this function, and a
  // full userdata reaching it is always a Box.
  auto* box = static_cast<Box*>(lua_touserdata(L, 1));
  if (box && box->value) {
    as_val_destroy(box->value);
    box->value = nullptr;
  }
  return 0;
}

void register_class(lua_State* L, const char* class_name, const luaL_Reg* methods,
                    const char* global_name, const luaL_Reg* functions, lua_CFunction cons) {
  luaL_newmetatable(L, class_name);
  luaL_setfuncs(L, methods, 0);
  lua_pushcfunction(L, box_gc);
  lua_setfield(L, -2, "__gc");
  lua_pop(L, 1);

  lua_newtable(L);
  luaL_setfuncs(L, functions, 0);
  if (cons) {
    lua_newtable(L);
    lua_pushcfunction(L, cons);
    lua_setfield(L, -2, "__call");
    // mod-lua protects it: getmetatable(bytes) is bytes itself and
    // setmetatable(bytes, t) raises.
    lua_pushvalue(L, -2);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
  }
  lua_setglobal(L, global_name);
}

}  // namespace aeroshim::udf
