// mod-lua's `map` class over the client's as_map: as_hashmaps, which in
// 7.4.0 are ordered maps without the key-ordered flag (so they pack as plain
// msgpack maps, no flags element): keys and values convert as everywhere
// (lua_value.h), assigning nil stores a nil value while assigning a value
// with no as_val (a table, a function) removes the key, capacities are cut
// to 32 bits, and nothing here raises except an argument of the wrong type.
#include "udf/lua_box.h"
#include "udf/lua_classes.h"
#include "udf/lua_iterator.h"
#include "udf/lua_value.h"

#include <aerospike/as_hashmap.h>
#include <aerospike/as_map.h>
#include <aerospike/as_pair.h>

namespace aeroshim::udf {
namespace {

as_map* check_map(lua_State* L, int index) {
  return reinterpret_cast<as_map*>(check_box(L, index, kMapClass));
}

void push_map(lua_State* L, as_map* owned) {
  push_box(L, reinterpret_cast<as_val*>(owned), kMapClass);
}

// Stores key and value (both taken over), giving both back when refused.
void store(as_map* map, as_val* key, as_val* value) {
  if (!key || !value || as_map_set(map, key, value) != 0) {
    if (key) as_val_destroy(key);
    if (value) as_val_destroy(value);
  }
}

int map_new(lua_State* L) {
  if (lua_gettop(L) != 1) return 0;
  const lua_Integer capacity = luaL_optinteger(L, 1, 0);
  if (capacity < 1) return 0;
  push_map(L, reinterpret_cast<as_map*>(as_hashmap_new(static_cast<uint32_t>(capacity))));
  return 1;
}

// map{k = v, ...} or map(t, capacity): the table's pairs.
int map_cons(lua_State* L) {
  lua_Integer capacity = luaL_optinteger(L, 3, 32);
  if (capacity < 1) capacity = 32;
  const int n = lua_gettop(L);
  const bool from_table = (n == 2 || n == 3) && lua_type(L, 2) == LUA_TTABLE;
  push_map(L, reinterpret_cast<as_map*>(as_hashmap_new(static_cast<uint32_t>(capacity))));
  as_map* map = check_map(L, -1);
  if (!from_table) return 1;
  lua_pushnil(L);
  while (lua_next(L, 2) != 0) {
    store(map, to_value(L, -2), to_value(L, -1));
    lua_pop(L, 1);
  }
  return 1;
}

int map_index(lua_State* L) {
  as_map* map = check_map(L, 1);
  as_val* key = to_value(L, 2);
  const as_val* value = key ? as_map_get(map, key) : nullptr;
  if (key) as_val_destroy(key);
  push_value(L, value);
  return 1;
}

int map_newindex(lua_State* L) {
  as_map* map = check_map(L, 1);
  as_val* key = to_value(L, 2);
  // Assigning nil stores a nil value, as mod-lua does (map.remove removes);
  // what has no value at all removes, as there.
  as_val* value = key ? to_value(L, 3) : nullptr;
  if (key && !value) {
    as_map_remove(map, key);
    as_val_destroy(key);
    return 0;
  }
  store(map, key, value);
  return 0;
}

int map_remove(lua_State* L) {
  as_map* map = check_map(L, 1);
  as_val* key = to_value(L, 2);
  if (key) {
    as_map_remove(map, key);
    as_val_destroy(key);
  }
  return 0;
}

int map_size(lua_State* L) {
  lua_pushinteger(L, as_map_size(check_map(L, 1)));
  return 1;
}

int map_nbytes(lua_State* L) { return box_nbytes(L, kMapClass); }

int map_tostring(lua_State* L) { return box_tostring(L, kMapClass, "Map()"); }

// The loop steps of pairs, keys and values: which halves of each entry.
template <bool kKey, bool kValue>
int map_next(lua_State* L) {
  as_iterator* it = iteration_iterator(L);
  if (!it || !as_iterator_has_next(it)) return 0;
  const auto* pair = reinterpret_cast<const as_pair*>(as_iterator_next(it));
  if (!pair) return 0;
  if (kKey) push_value(L, pair->_1);
  if (kValue) push_value(L, pair->_2);
  return (kKey ? 1 : 0) + (kValue ? 1 : 0);
}

template <bool kKey, bool kValue>
int map_iteration(lua_State* L) {
  as_map* map = check_map(L, 1);
  auto make = [](as_val* v) {
    return reinterpret_cast<as_iterator*>(as_map_iterator_new(reinterpret_cast<as_map*>(v)));
  };
  return push_iteration(L, 1, reinterpret_cast<as_val*>(map), make, map_next<kKey, kValue>);
}

constexpr luaL_Reg kFunctions[] = {
    {"new", map_new},
    {"create", map_new},
    {"iterator", map_iteration<true, true>},
    {"pairs", map_iteration<true, true>},
    {"keys", map_iteration<true, false>},
    {"values", map_iteration<false, true>},
    {"remove", map_remove},
    {"size", map_size},
    {"nbytes", map_nbytes},
    {"tostring", map_tostring},
    {nullptr, nullptr},
};

constexpr luaL_Reg kMethods[] = {
    {"__index", map_index},       {"__newindex", map_newindex}, {"__len", map_size},
    {"__tostring", map_tostring}, {nullptr, nullptr},
};

}  // namespace

void open_map(lua_State* L) {
  open_iterator(L);
  register_class(L, kMapClass, kMethods, "map", kFunctions, map_cons);
}

}  // namespace aeroshim::udf
