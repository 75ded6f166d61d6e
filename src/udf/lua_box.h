// The Lua side of a value: a full userdata holding one reference to an
// as_val (a list, map, bytes or GeoJSON value), with the metatable of its
// class, so stream UDF code handles the client's values in place instead of
// copies. The box owns its reference; __gc gives it back.
//
// The functions Lua calls (lua_CFunction) are written for Debian's C build
// of Lua, whose errors longjmp: none of them keeps an object with a
// destructor alive across a call that can raise (luaL_check*, luaL_error,
// any push that allocates), and every as_val they create is either owned
// by a box or destroyed before such a call.
#pragma once

#include <aerospike/as_val.h>

#include <lua.hpp>

namespace aeroshim::udf {

// Metatable names, also what getmetatable() compares against in Lua.
inline constexpr const char* kListClass = "List";
inline constexpr const char* kMapClass = "Map";
inline constexpr const char* kBytesClass = "Bytes";
inline constexpr const char* kGeoJsonClass = "GeoJSON";

// Pushes a box taking over one reference of `owned` (NULL pushes nil).
void push_box(lua_State* L, as_val* owned, const char* class_name);

// The value of the box at `index`: raises Lua's "bad argument" error when it
// is not a box of `class_name`, naming "userdata" as the type expected when
// it is not a userdata at all, as mod-lua's check does.
as_val* check_box(lua_State* L, int index, const char* class_name);

// The same without raising: NULL when the value there is something else.
as_val* test_box(lua_State* L, int index, const char* class_name);

// The methods lists and maps share: msgpack size, and as_val_tostring's
// text (`empty` when it gives none).
int box_nbytes(lua_State* L, const char* class_name);
int box_tostring(lua_State* L, const char* class_name, const char* empty);

// __gc of every class: releases the box's reference once.
int box_gc(lua_State* L);

// Creates the metatable `class_name` (its methods, __gc = box_gc added) and
// the global table `global_name` with `functions`, whose __call is `cons`
// when given: `list{1, 2}`, `map()`, `bytes(4)` (that metatable is then
// protected, as mod-lua's: getmetatable(bytes) answers the table itself).
void register_class(lua_State* L, const char* class_name, const luaL_Reg* methods,
                    const char* global_name, const luaL_Reg* functions, lua_CFunction cons);

}  // namespace aeroshim::udf
