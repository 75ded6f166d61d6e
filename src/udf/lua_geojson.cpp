// mod-lua's `geojson` class: `geojson(text)` boxes a copy of the text (no
// parsing: the server validates GeoJSON, the client only carries it), and
// tostring() gives as_val_tostring's quoted form. The global table has no
// functions, the box no methods.
#include "udf/lua_box.h"
#include "udf/lua_classes.h"

#include <aerospike/as_geojson.h>

#include <cstdlib>

namespace aeroshim::udf {
namespace {

// geojson(text): exactly one argument, a string (or a number, which Lua
// turns into one); nil or another count gives nothing.
int construct(lua_State* L) {
  if (lua_gettop(L) != 2) return 0;
  const char* text = luaL_optstring(L, 2, nullptr);
  if (text == nullptr) return 0;
  as_geojson* geo = as_geojson_new_strdup(text);
  if (geo == nullptr) return 0;
  push_box(L, as_geojson_toval(geo), kGeoJsonClass);
  return 1;
}

// __tostring; called directly with another argument count it answers 0,
// as stock does.
int to_string(lua_State* L) {
  if (lua_gettop(L) != 1) {
    lua_pushinteger(L, 0);
    return 1;
  }
  luaL_checktype(L, 1, LUA_TUSERDATA);
  as_val* value = check_box(L, 1, kGeoJsonClass);
  char* text = value == nullptr ? nullptr : as_val_tostring(value);
  if (text == nullptr) {
    lua_pushliteral(L, "GeoJSON()");
    return 1;
  }
  lua_pushstring(L, text);
  std::free(text);
  return 1;
}

const luaL_Reg kFunctions[] = {
    {nullptr, nullptr},
};

const luaL_Reg kMethods[] = {
    {"__tostring", to_string},
    {nullptr, nullptr},
};

}  // namespace

void open_geojson(lua_State* L) {
  register_class(L, kGeoJsonClass, kMethods, "geojson", kFunctions, construct);
}

}  // namespace aeroshim::udf
