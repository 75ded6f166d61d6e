// The globals a stream UDF sees, each registered into a fresh state: the
// value classes (list, map, bytes, geojson: the global table with its
// functions and the metatable its boxes carry) and `aerospike`.
#pragma once

#include <lua.hpp>

namespace aeroshim::udf {

// list and map also bring the Iterator class their iterations hand out (and
// its `iterator`/`Iterator` globals), as mod-lua's states have it.
void open_list(lua_State* L);
void open_map(lua_State* L);
void open_bytes(lua_State* L);
void open_geojson(lua_State* L);

// The `aerospike` global of a client state: only aerospike:log(level, text),
// which goes to the application's log callback as 7.4.0's query hooks send
// it (1 warn, 2 info, 3 debug, else trace; "file:line - text").
void open_aerospike(lua_State* L);

}  // namespace aeroshim::udf
