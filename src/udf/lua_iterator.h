// Generic-for over a list or map box: `for v in list.iterator(l)`,
// `for k, v in map.pairs(m)`. As in mod-lua the call answers two values, a
// step function and the iteration state (a userdata), and each step reads
// the state it is given; here the state also holds the collection's box (so
// the value outlives the loop whatever the code does with its own
// reference) and the as_iterator, which the collector destroys.
#pragma once

#include <aerospike/as_iterator.h>

#include <lua.hpp>

namespace aeroshim::udf {

// Pushes `step` and the state for `iterator` (taken over: destroyed with
// the state) over the collection whose box is at `collection`; answers 2,
// the count pushed. `step` gets the state as its first argument, pushes one
// loop step and returns how many values it pushed (0 ends the loop).
int push_iteration(lua_State* L, as_iterator* iterator, int collection, lua_CFunction step);

// Inside a `step` function: the iterator of the state at argument 1, or
// NULL when that is not an iteration state (the step then answers nothing).
as_iterator* iteration_iterator(lua_State* L);

}  // namespace aeroshim::udf
