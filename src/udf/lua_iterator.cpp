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

void push_iteration(lua_State* L, as_iterator* iterator, int collection, lua_CFunction next) {
  collection = lua_absindex(L, collection);
  auto* holder = static_cast<Holder*>(lua_newuserdatauv(L, sizeof(Holder), 0));
  holder->iterator = iterator;
  if (luaL_newmetatable(L, kIteratorClass)) {
    lua_pushcfunction(L, holder_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  lua_pushvalue(L, collection);
  lua_pushcclosure(L, next, 2);
}

as_iterator* iteration_iterator(lua_State* L) {
  auto* holder = static_cast<Holder*>(lua_touserdata(L, lua_upvalueindex(1)));
  return holder ? holder->iterator : nullptr;
}

}  // namespace aeroshim::udf
