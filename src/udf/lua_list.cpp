// mod-lua's `list` class over the client's as_list: positions are 1-based
// and, as in mod-lua, taken modulo 2^32 (so 2^32 + 1 is 1 again), a
// position below 1 is ignored, a value Lua has no as_val for (a table, a
// function) is not stored (list{...} makes it a nil element), and nothing
// here raises except an argument of the wrong type.
#include "udf/lua_box.h"
#include "udf/lua_classes.h"
#include "udf/lua_iterator.h"
#include "udf/lua_value.h"

#include <aerospike/as_arraylist.h>
#include <aerospike/as_list.h>
#include <aerospike/as_nil.h>

#include <cstdint>

namespace aeroshim::udf {
namespace {

as_list* check_list(lua_State* L, int index) {
  return reinterpret_cast<as_list*>(check_box(L, index, kListClass));
}

void push_list(lua_State* L, as_list* owned) {
  push_box(L, reinterpret_cast<as_val*>(owned), kListClass);
}

// mod-lua's 32 bits of a count or position argument.
uint32_t low_bits(lua_Integer n) { return static_cast<uint32_t>(n); }

// The position argument of insert, remove and trim as a C index, or -1 when
// below 1 (mod-lua looks at the sign before cutting it to 32 bits: 2^32 is
// then the index 2^32 - 1).
int64_t position(lua_State* L, int index) {
  const lua_Integer at = luaL_optinteger(L, index, 0);
  return at > 0 ? static_cast<uint32_t>(low_bits(at) - 1) : -1;
}

// The position of l[i], cut to 32 bits first (so a negative one is a large
// index), as a C index, or -1 for 0.
int64_t element(lua_State* L, int index) {
  const uint32_t at = low_bits(luaL_optinteger(L, index, 0));
  return at > 0 ? at - 1 : -1;
}

// Where a store may go: mod-lua's growth arithmetic overflows past 2^31
// elements (it then writes outside its array), so larger indexes are
// refused here.
bool storable(int64_t at) { return at >= 0 && at < INT32_MAX; }

int list_new(lua_State* L) {
  const int n = lua_gettop(L);
  if (n < 1 || n > 2) return 0;
  const lua_Integer capacity = luaL_optinteger(L, 1, -1);
  if (capacity < 0) return 0;
  const lua_Integer step = luaL_optinteger(L, 2, 10);
  if (step < 0) return 0;
  push_list(L, reinterpret_cast<as_list*>(as_arraylist_new(low_bits(capacity), low_bits(step))));
  return 1;
}

// list{...}: the values at the table's number keys, in table order; one
// with no as_val (a table, a function) is a nil element, as mod-lua's
// missing element reads, prints and packs.
int list_cons(lua_State* L) {
  const bool from_table = lua_gettop(L) == 2 && lua_type(L, 2) == LUA_TTABLE;
  push_list(L, reinterpret_cast<as_list*>(as_arraylist_new(5, 10)));
  as_list* list = check_list(L, -1);
  if (!from_table) return 1;
  lua_pushnil(L);
  while (lua_next(L, 2) != 0) {
    if (lua_type(L, -2) == LUA_TNUMBER) {
      as_val* v = to_value(L, -1);
      if (!v) v = const_cast<as_val*>(&as_nil);
      if (as_list_append(list, v) != 0) as_val_destroy(v);
    }
    lua_pop(L, 1);
  }
  return 1;
}

// Stores with `store`, giving the value back when the list refused it.
template <typename Store>
void store_value(lua_State* L, int index, Store store) {
  as_val* v = to_value(L, index);
  if (v && store(v) != 0) as_val_destroy(v);
}

int list_insert(lua_State* L) {
  as_list* list = check_list(L, 1);
  const int64_t at = position(L, 2);
  if (storable(at))
    store_value(L, 3,
                [&](as_val* v) { return as_list_insert(list, static_cast<uint32_t>(at), v); });
  return 0;
}

int list_append(lua_State* L) {
  as_list* list = check_list(L, 1);
  store_value(L, 2, [&](as_val* v) { return as_list_append(list, v); });
  return 0;
}

int list_prepend(lua_State* L) {
  as_list* list = check_list(L, 1);
  store_value(L, 2, [&](as_val* v) { return as_list_prepend(list, v); });
  return 0;
}

int list_remove(lua_State* L) {
  as_list* list = check_list(L, 1);
  const int64_t at = position(L, 2);
  if (at >= 0) as_list_remove(list, static_cast<uint32_t>(at));
  return 0;
}

int list_concat(lua_State* L) {
  as_list* list = check_list(L, 1);
  as_list_concat(list, check_list(L, 2));
  return 0;
}

int list_trim(lua_State* L) {
  as_list* list = check_list(L, 1);
  const int64_t at = position(L, 2);
  if (at >= 0) as_list_trim(list, static_cast<uint32_t>(at));
  return 0;
}

// take and drop: a new list of the first n / all but the first n values
// (n cut to 32 bits as mod-lua does); nil for n below 1.
template <bool kTake>
int list_slice(lua_State* L) {
  as_list* list = check_list(L, 1);
  const lua_Integer n = luaL_optinteger(L, 2, 0);
  as_list* part = nullptr;
  if (n > 0) part = kTake ? as_list_take(list, low_bits(n)) : as_list_drop(list, low_bits(n));
  push_list(L, part);
  return 1;
}

int list_size(lua_State* L) {
  lua_pushinteger(L, as_list_size(check_list(L, 1)));
  return 1;
}

int list_nbytes(lua_State* L) { return box_nbytes(L, kListClass); }

int list_tostring(lua_State* L) { return box_tostring(L, kListClass, "List()"); }

int list_iterator_next(lua_State* L) {
  as_iterator* it = iteration_iterator(L);
  if (!it || !as_iterator_has_next(it)) return 0;
  const as_val* v = as_iterator_next(it);
  if (!v) return 0;
  push_value(L, v);
  return 1;
}

int list_iterator(lua_State* L) {
  as_list* list = check_list(L, 1);
  auto make = [](as_val* v) {
    return reinterpret_cast<as_iterator*>(as_list_iterator_new(reinterpret_cast<as_list*>(v)));
  };
  return push_iteration(L, 1, reinterpret_cast<as_val*>(list), make, list_iterator_next);
}

int list_index(lua_State* L) {
  as_list* list = check_list(L, 1);
  const int64_t at = element(L, 2);
  const as_val* v = at >= 0 ? as_list_get(list, static_cast<uint32_t>(at)) : nullptr;
  push_value(L, v);
  return 1;
}

int list_newindex(lua_State* L) {
  as_list* list = check_list(L, 1);
  const int64_t at = element(L, 2);
  if (storable(at))
    store_value(L, 3, [&](as_val* v) { return as_list_set(list, static_cast<uint32_t>(at), v); });
  return 0;
}

constexpr luaL_Reg kFunctions[] = {
    {"new", list_new},           {"create", list_new},        {"insert", list_insert},
    {"append", list_append},     {"prepend", list_prepend},   {"remove", list_remove},
    {"concat", list_concat},     {"trim", list_trim},         {"take", list_slice<true>},
    {"drop", list_slice<false>}, {"size", list_size},         {"nbytes", list_nbytes},
    {"iterator", list_iterator}, {"tostring", list_tostring}, {nullptr, nullptr},
};

constexpr luaL_Reg kMethods[] = {
    {"__index", list_index}, {"__newindex", list_newindex},
    {"__len", list_size},    {"__tostring", list_tostring},
    {nullptr, nullptr},
};

}  // namespace

void open_list(lua_State* L) {
  open_iterator(L);
  register_class(L, kListClass, kMethods, "list", kFunctions, list_cons);
}

}  // namespace aeroshim::udf
