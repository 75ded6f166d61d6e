// The registered UDF modules, apart from Lua, so the record store can hold
// them without its users seeing the Lua headers.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace asim::udf {

struct Modules {
  std::map<std::string, std::string> files;  // file name ("x.lua") -> source
  // Names in first-registration order, removed ones included: the server's
  // metadata keeps items in a list, replaced in place and deleted as
  // tombstones, and udf-list walks that list.
  std::vector<std::string> order;
};

}  // namespace asim::udf
