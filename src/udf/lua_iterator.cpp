#include "udf/lua_iterator.h"

#include "udf/lua_value.h"

namespace aeroshim::udf {
namespace {

// mod-lua's names: the metatable (also in error messages), the class table
// its __index and __metatable are, and the global of the same functions.
constexpr const char* kIteratorClass = "Iterator";
constexpr const char* kIteratorObject = "iterator";

struct Holder {
  as_iterator* iterator;
};

int holder_gc(lua_State* L) {
  auto* holder = static_cast<Holder*>(lua_touserdata(L, 1));
  if (holder && holder->iterator) {
    as_iterator_destroy(holder->iterator);
    holder->iterator = nullptr;
  }
  return 0;
}

as_iterator* check_iterator(lua_State* L) {
  luaL_checktype(L, 1, LUA_TUSERDATA);
  return static_cast<Holder*>(luaL_checkudata(L, 1, kIteratorClass))->iterator;
}

int iterator_has_next(lua_State* L) {
  as_iterator* it = check_iterator(L);
  lua_pushboolean(L, it && as_iterator_has_next(it));
  return 1;
}

// The next value, nil at the end. A map's entry comes as mod-lua hands it
// out: an opaque userdata (there a bare copy of the pair, which no Lua code
// can read).
int iterator_next(lua_State* L) {
  as_iterator* it = check_iterator(L);
  const as_val* v = it ? as_iterator_next(it) : nullptr;
  if (v && v->type == AS_PAIR) {
    lua_newuserdatauv(L, 0, 0);
  } else {
    push_value(L, v);
  }
  return 1;
}

constexpr luaL_Reg kFunctions[] = {
    {"has_next", iterator_has_next},
    {"next", iterator_next},
    {nullptr, nullptr},
};

}  // namespace

void open_iterator(lua_State* L) {
  if (!luaL_newmetatable(L, kIteratorClass)) {
    lua_pop(L, 1);
    return;
  }
  lua_pushcfunction(L, holder_gc);
  lua_setfield(L, -2, "__gc");
  luaL_newlib(L, kFunctions);
  lua_pushvalue(L, -1);
  lua_setfield(L, -3, "__index");
  lua_pushvalue(L, -1);
  lua_setfield(L, -3, "__metatable");
  lua_setglobal(L, kIteratorClass);
  lua_pop(L, 1);

  // `iterator` is callable as mod-lua's is: its __call is next, which then
  // gets the table itself first (and refuses it).
  luaL_newlib(L, kFunctions);
  lua_newtable(L);
  lua_pushcfunction(L, iterator_next);
  lua_setfield(L, -2, "__call");
  lua_pushvalue(L, -2);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
  lua_setglobal(L, kIteratorObject);
}

int push_iteration(lua_State* L, int collection, as_val* value, IteratorMaker make,
                   lua_CFunction step) {
  collection = lua_absindex(L, collection);
  open_iterator(L);
  lua_pushcfunction(L, step);
  // The state exists, with its metatable and the collection, before the
  // iterator is made, so nothing can raise while the iterator has no owner.
  auto* holder = static_cast<Holder*>(lua_newuserdatauv(L, sizeof(Holder), 1));
  holder->iterator = nullptr;
  luaL_setmetatable(L, kIteratorClass);
  lua_pushvalue(L, collection);
  lua_setiuservalue(L, -2, 1);
  holder->iterator = make(value);
  if (!holder->iterator) {
    lua_pop(L, 2);
    return 0;
  }
  return 2;
}

as_iterator* iteration_iterator(lua_State* L) {
  auto* holder = static_cast<Holder*>(luaL_testudata(L, 1, kIteratorClass));
  return holder ? holder->iterator : nullptr;
}

}  // namespace aeroshim::udf
