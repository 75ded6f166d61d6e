// Values between the client's as_val and Lua, as mod-lua maps them for
// stream UDFs: nil, booleans, integers and doubles, strings by value (up to
// their first NUL either way, as there); lists, maps, bytes and GeoJSON as
// boxes sharing the value (lua_box.h).
#pragma once

#include <aerospike/as_val.h>

#include <lua.hpp>

namespace aeroshim::udf {

// Pushes `value` (borrowed; a box takes its own reference). NULL, as_nil
// and types Lua has no form for push nil.
void push_value(lua_State* L, const as_val* value);

// A new reference for the Lua value at `index`: numbers become integers or
// doubles as Lua typed them, strings copies, boxes their value; nil becomes
// &as_nil. Tables, functions and other userdata have no value: NULL.
as_val* to_value(lua_State* L, int index);

}  // namespace aeroshim::udf
