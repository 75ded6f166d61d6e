#include "udf/lua_iterator.h"

namespace aeroshim::udf {
namespace {

constexpr const char* kIteratorClass = "aeroshim.Iterator";

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

}  // namespace

int push_iteration(lua_State* L, as_iterator* iterator, int collection, lua_CFunction step) {
  collection = lua_absindex(L, collection);
  lua_pushcfunction(L, step);
  // The state exists (and owns the iterator) before anything else can
  // raise, so a failed allocation after it leaves it to the collector.
  auto* holder = static_cast<Holder*>(lua_newuserdatauv(L, sizeof(Holder), 1));
  holder->iterator = iterator;
  if (luaL_newmetatable(L, kIteratorClass)) {
    lua_pushcfunction(L, holder_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  lua_pushvalue(L, collection);
  lua_setiuservalue(L, -2, 1);
  return 2;
}

as_iterator* iteration_iterator(lua_State* L) {
  auto* holder = static_cast<Holder*>(luaL_testudata(L, 1, kIteratorClass));
  return holder ? holder->iterator : nullptr;
}

}  // namespace aeroshim::udf
