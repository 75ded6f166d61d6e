// The Lua every stream UDF state starts with, written for aeroshim after
// what mod-lua documents: the Map/List/Bytes metatable globals and the
// helpers modules use (list.clone, list.merge, map.clone, map.merge,
// map.diff, math.sum, math.product, trace/debug/info/warn), and the stream
// operations a module's function chains (map, filter, aggregate, reduce,
// groupby).
//
// Running it leaves one value on the stack: the driver,
//   driver(f, read, write, ...)
// which calls f(stream, ...) to get the chain, keeps the operations that
// belong to the client (from the first reduce on: the nodes ran the ones
// before it and the reduce itself on their part), feeds them what read()
// returns until nil, passes every resulting value to write() while it
// returns 0, and ends with write(nil).
#pragma once

#include <cstddef>

namespace aeroshim::udf {

extern const char kSystemLua[];
extern const size_t kSystemLuaSize;  // without the terminating NUL

}  // namespace aeroshim::udf
