// The registered UDF modules, apart from Lua, so the record store can hold
// them without its users seeing the Lua headers.
#pragma once

#include <map>
#include <string>

namespace asim::udf {

// Registered modules by file name ("x.lua") with their source.
using Modules = std::map<std::string, std::string>;

}  // namespace asim::udf
