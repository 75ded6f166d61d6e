// Stream UDF aggregation, the server's part: the module's function builds a
// chain of stream operations (map, filter, reduce, aggregate); a node runs
// the chain on each partition's records up to and including the first
// reduce, and answers every value that comes out (the client runs the rest
// on what all nodes sent). Records reach the Lua functions as tables of
// their bins.
#pragma once

#include "record_store.h"
#include "udf_lua.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace asim::query {

struct StreamValue {
  uint8_t particle_type = 0;
  std::string value;
};

class Aggregator {
 public:
  // Loads `module` (error() says when it cannot); each run may take
  // `timeout_ms` of Lua time.
  Aggregator(const udf::Modules& modules, const std::string& module, const std::string& function,
             const std::string& arglist, uint64_t timeout_ms);
  ~Aggregator();
  Aggregator(const Aggregator&) = delete;
  Aggregator& operator=(const Aggregator&) = delete;

  // The values one partition's records give; false (and error()) when the
  // Lua code fails.
  bool run(const std::vector<const Record*>& records, std::vector<StreamValue>& out);
  const std::string& error() const { return error_; }

 private:
  void push_records(const std::vector<const Record*>& records);

  std::unique_ptr<udf::State> lua_;
  std::string function_;
  std::string arglist_;
  uint64_t timeout_ms_ = 0;
  int driver_ = -1;  // registry reference of the chain driver
  std::string error_;
};

}  // namespace asim::query
