// Generic-for over a list or map box: `for v in list.iterator(l)`,
// `for k, v in map.pairs(m)`. As in mod-lua the call answers two values, a
// step function and the iteration state, a userdata of the class Iterator
// (iterator.has_next(s), iterator.next(s), s:has_next(), s:next()); each
// step reads the state it is given. The state also holds the collection's
// box (so the value outlives the loop whatever the code does with its own
// reference) and the as_iterator, which the collector destroys.
#pragma once

#include <aerospike/as_iterator.h>
#include <aerospike/as_val.h>

#include <lua.hpp>

namespace aeroshim::udf {

// Registers the Iterator class and the `iterator` and `Iterator` globals
// once per state (a later call does nothing).
void open_iterator(lua_State* L);

// Makes the as_iterator over a collection (NULL when it cannot).
using IteratorMaker = as_iterator* (*)(as_val* collection);

// Pushes `step` and a state iterating `value`, the value of the box at
// `collection`; answers the count pushed (2, or 0 when no iterator could be
// made). `step` gets the state as its first argument, pushes one loop step
// and returns how many values it pushed (0 ends the loop).
int push_iteration(lua_State* L, int collection, as_val* value, IteratorMaker make,
                   lua_CFunction step);

// Inside a `step` function: the iterator of the state at argument 1, or
// NULL when that is not an iteration state (the step then answers nothing).
as_iterator* iteration_iterator(lua_State* L);

}  // namespace aeroshim::udf
