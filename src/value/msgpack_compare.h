// Comparing two encoded values in the server's order, as
// as_unpack_compare does: first by as_val type number, then by value
// (integers signed, blobs bytewise then by length with the particle byte
// left out, lists element by element then by length, maps by size first,
// then their ordering ext, then key and value pair by pair). A wildcard
// equals anything and ends the comparison of the list or map holding it.
//
// The walk keeps its own stack, so nesting depth is bounded only by the
// input; both unpackers end past their compared values unless the result
// is MSGPACK_COMPARE_ERROR.
#pragma once

#include <aerospike/as_msgpack.h>

namespace aeroshim::msgpack {

msgpack_compare_t compare(as_unpacker& a, as_unpacker& b);

}  // namespace aeroshim::msgpack
