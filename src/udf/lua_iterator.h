// Generic-for over a list or map box: `for v in list.iterator(l)`,
// `for k, v in map.pairs(m)`. The loop's function is a closure holding the
// collection's box (so the value outlives the loop whatever the code does
// with its own reference) and an as_iterator the collector destroys.
#pragma once

#include <aerospike/as_iterator.h>

#include <lua.hpp>

namespace aeroshim::udf {

// Pushes the loop function for `iterator` (taken over: destroyed with the
// closure) over the collection whose box is at `collection`. `next` is
// called with the iterator as its first upvalue; it pushes one loop step and
// returns how many values it pushed (0 ends the loop).
void push_iteration(lua_State* L, as_iterator* iterator, int collection, lua_CFunction next);

// Inside a `next` function: the closure's iterator.
as_iterator* iteration_iterator(lua_State* L);

}  // namespace aeroshim::udf
