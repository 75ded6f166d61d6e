// One record UDF call as the server's udf transaction runs it: the module
// loaded into a fresh Lua state, the function called with the record and
// the message's arguments, bin changes cached until aerospike:create,
// update or remove applies them, and what the call leaves for the store to
// write and answer.
#pragma once

#include "proto/message.h"
#include "record_store.h"
#include "udf_lua.h"

#include <cstdint>
#include <string>

namespace asim {

struct UdfOutcome {
  enum class Kind {
    kLuaError,  // answer UDF (100) with `value` in bin FAILURE
    kFailed,    // answer `result_code`, no bins
    kRead,      // answer SUCCESS, store nothing
    kWrite,     // store `record` (or delete it when binless), answer SUCCESS
  };
  Kind kind = Kind::kRead;
  uint8_t result_code = 0;
  uint8_t particle_type = 0;  // of the SUCCESS or FAILURE value
  std::string value;
  Record record;        // the record the UDF's applied changes made
  size_t old_bins = 0;  // bins the record had when the UDF first wrote
  bool key_dropped = false;
  uint32_t ttl = 0;  // the message's TTL, as record.set_ttl left it
};

struct UdfCall {
  std::string package;
  std::string function;
  std::string arglist;
  const Record* existing = nullptr;  // live record, or null
  std::string digest;
  uint32_t now = 0;
  uint64_t deadline_ms = 0;
};

// Runs the call against the registered `modules`.
UdfOutcome run_record_udf(const udf::Modules& modules, const aeroshim::proto::Message& request,
                          const UdfCall& call);

}  // namespace asim
