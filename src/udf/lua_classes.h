// The value classes a stream UDF sees, each registered into a fresh state:
// the global table (list, map, bytes, geojson) with its functions and the
// metatable its boxes carry.
#pragma once

#include <lua.hpp>

namespace aeroshim::udf {

void open_list(lua_State* L);
void open_map(lua_State* L);
void open_bytes(lua_State* L);
void open_geojson(lua_State* L);

}  // namespace aeroshim::udf
