// mod-lua's `list` class over the client's as_list: positions are 1-based,
// a position below 1 is ignored, a value Lua has no as_val for (a table, a
// function) is not stored, and nothing here raises except a first argument
// that is not a list.
#include "udf/lua_box.h"
#include "udf/lua_classes.h"
#include "udf/lua_iterator.h"
#include "udf/lua_value.h"

#include <aerospike/as_arraylist.h>
#include <aerospike/as_list.h>
#include <aerospike/as_msgpack.h>
#include <aerospike/as_serializer.h>

#include <cstdlib>

namespace aeroshim::udf {
namespace {

as_list* check_list(lua_State* L, int index) {
  return reinterpret_cast<as_list*>(check_box(L, index, kListClass));
}

void push_list(lua_State* L, as_list* owned) {
  push_box(L, reinterpret_cast<as_val*>(owned), kListClass);
}

// The position argument as a C index, or -1 when below 1.
lua_Integer position(lua_State* L, int index) {
  const lua_Integer at = luaL_optinteger(L, index, 0);
  return at > 0 && at <= UINT32_MAX ? at - 1 : -1;
}

int list_new(lua_State* L) {
  const int n = lua_gettop(L);
  if (n < 1 || n > 2) return 0;
  const lua_Integer capacity = luaL_optinteger(L, 1, -1);
  const lua_Integer step = luaL_optinteger(L, 2, 10);
  if (capacity < 0 || step < 0 || capacity > UINT32_MAX || step > UINT32_MAX) return 0;
  push_list(L, reinterpret_cast<as_list*>(
                   as_arraylist_new(static_cast<uint32_t>(capacity), static_cast<uint32_t>(step))));
  return 1;
}

// list{...}: the values at the table's number keys, in table order.
int list_cons(lua_State* L) {
  const bool from_table = lua_gettop(L) == 2 && lua_type(L, 2) == LUA_TTABLE;
  push_list(L, reinterpret_cast<as_list*>(as_arraylist_new(5, 10)));
  as_list* list = check_list(L, -1);
  if (!from_table) return 1;
  lua_pushnil(L);
  while (lua_next(L, 2) != 0) {
    if (lua_type(L, -2) == LUA_TNUMBER) {
      as_val* v = to_value(L, -1);
      if (v && as_list_append(list, v) != 0) as_val_destroy(v);
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
  const lua_Integer at = position(L, 2);
  if (at >= 0)
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
  const lua_Integer at = position(L, 2);
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
  const lua_Integer at = position(L, 2);
  if (at >= 0) as_list_trim(list, static_cast<uint32_t>(at));
  return 0;
}

// take and drop: a new list of the first n / all but the first n values;
// nil for n below 1.
template <bool kTake>
int list_slice(lua_State* L) {
  as_list* list = check_list(L, 1);
  const lua_Integer n = luaL_optinteger(L, 2, 0);
  as_list* part = nullptr;
  if (n > 0) {
    const auto count = static_cast<uint32_t>(n > UINT32_MAX ? UINT32_MAX : n);
    part = kTake ? as_list_take(list, count) : as_list_drop(list, count);
  }
  push_list(L, part);
  return 1;
}

int list_size(lua_State* L) {
  lua_pushinteger(L, as_list_size(check_list(L, 1)));
  return 1;
}

int list_nbytes(lua_State* L) {
  as_list* list = check_list(L, 1);
  as_serializer s;
  as_msgpack_init(&s);
  const uint32_t size = as_serializer_serialize_getsize(&s, reinterpret_cast<as_val*>(list));
  as_serializer_destroy(&s);
  lua_pushinteger(L, size);
  return 1;
}

int list_tostring(lua_State* L) {
  char* text = as_val_tostring(check_box(L, 1, kListClass));
  if (!text) {
    lua_pushliteral(L, "List()");
    return 1;
  }
  // Copied into Lua before the text is freed; a failed copy leaks it.
  lua_pushstring(L, text);
  std::free(text);
  return 1;
}

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
  auto* it = reinterpret_cast<as_iterator*>(as_list_iterator_new(list));
  if (!it) return 0;
  push_iteration(L, it, 1, list_iterator_next);
  return 1;
}

int list_index(lua_State* L) {
  as_list* list = check_list(L, 1);
  const lua_Integer at = position(L, 2);
  const as_val* v = at >= 0 ? as_list_get(list, static_cast<uint32_t>(at)) : nullptr;
  push_value(L, v);
  return 1;
}

int list_newindex(lua_State* L) {
  as_list* list = check_list(L, 1);
  const lua_Integer at = position(L, 2);
  if (at >= 0)
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
  register_class(L, kListClass, kMethods, "list", kFunctions, list_cons);
}

}  // namespace aeroshim::udf
