// The client's part of a stream UDF (as_query_apply run through
// aerospike_query_foreach): a fresh Lua state loads the module from the
// user path as mod-lua does (package.path gains "<user_path>/?.lua",
// require(module)), the module's function builds its chain, and the part of
// the chain from the first reduce on runs over the values the nodes sent,
// each result going to the sink and a NULL after the last.
//
// Failures are 7.4.0's: a module that does not load is AEROSPIKE_ERR_UDF
// "UDF: Execution Error 1" (found by load(), as is a function the module
// lacks: "UDF: Execution Error 2 : function not found"); a Lua error "UDF:
// Execution Error 2 : <message>" (the message as Lua gives it, "file:line:
// what"); the sink then gets no NULL. A sink that returns false ends the
// stream early (NULL follows).
#pragma once

#include "core/status.h"

#include <aerospike/as_list.h>
#include <aerospike/as_val.h>

#include <lua.hpp>

namespace aeroshim::udf {

// Where the nodes' values come from: each call blocks until one is there
// and hands it over (the runner destroys it); NULL when there are no more.
class StreamSource {
 public:
  virtual as_val* next() noexcept = 0;

 protected:
  ~StreamSource() = default;
};

// Gets each result (borrowed for the call), then NULL; false stops.
using StreamSink = bool (*)(const as_val* value, void* udata);

struct StreamUdfCall {
  const char* user_path = "";
  const char* module = "";
  const char* function = "";
  const as_list* args = nullptr;  // NULL: no arguments
};

// A module loaded into its own state, ready to run once: loading first lets
// a caller fail before it asks the nodes for anything.
class StreamUdf {
 public:
  static Result<StreamUdf> load(const StreamUdfCall& call);
  StreamUdf(StreamUdf&& other) noexcept : state_(other.state_), call_(other.call_) {
    other.state_ = nullptr;
  }
  StreamUdf& operator=(StreamUdf&&) = delete;
  StreamUdf(const StreamUdf&) = delete;
  ~StreamUdf();

  Status run(StreamSource& source, StreamSink sink, void* udata);

 private:
  StreamUdf(lua_State* state, const StreamUdfCall& call) : state_(state), call_(call) {}
  lua_State* state_;
  StreamUdfCall call_;
};

}  // namespace aeroshim::udf
