// The Lua 5.4 side of asim's record UDFs: one sandboxed state per call
// (bounded in memory and in time, without io, os.exit or the debug
// library), the list/map/bytes classes UDFs use, and the conversions
// between those values and the wire forms of bins and msgpack.
#pragma once

#include "udf_modules.h"

#include <cstdint>
#include <lua.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace asim::udf {

// The server's mod-lua user path: module chunks are named after their file
// there, so error messages read "/opt/aerospike/usr/udf/lua/F.lua:LINE: ...".
inline constexpr const char* kUserPath = "/opt/aerospike/usr/udf/lua";

// The Lua source of the value classes and the apply wrapper (udf_prelude.cpp).
extern const char* const kPrelude;

// The hidden keys of list, map and bytes values (their items, count, keys,
// values, data and bytes type), shared with the prelude as light userdata.
extern char kItems, kCount, kKeys, kVals, kData, kBtype;

// What udf-put reports about a module that does not compile or whose top
// level fails, as mod-lua's validation splits the Lua message.
struct CompileError {
  std::string file;
  uint32_t line = 0;
  std::string message;
};

// How a Lua value converts to a stored or answered value.
enum class Conv {
  kOk,
  kUnsupported,  // not a value mod-lua converts (plain table, function ...)
  kUnusable,     // converts, but has no particle (a record)
};

class State {
 public:
  explicit State(const Modules& modules);
  ~State();
  State(const State&) = delete;
  State& operator=(const State&) = delete;

  lua_State* lua() const { return L_; }
  bool ok() const { return L_ != nullptr; }

  // Monotonic ms after which running Lua fails with "UDF Execution Timeout".
  void set_deadline(uint64_t deadline_ms) { deadline_ms_ = deadline_ms; }
  bool timed_out() const;

  // Runs require(name) protected; false when the module is missing or fails.
  bool require(const std::string& name);

  // Pushes a bin's value (nil for a malformed one).
  void push_bin(uint8_t particle_type, const std::string& value);
  // Pushes the msgpack element at `pos`, advancing it; false when malformed.
  bool push_msgpack(std::string_view bytes, size_t& pos, int depth);
  // The value at `idx` as a particle; nil gives type 0 and no bytes.
  Conv to_particle(int idx, uint8_t& type, std::string& value);
  // Appends the value at `idx` as one msgpack element.
  Conv to_msgpack(int idx, std::string& out, int depth);

  // The record class's metatable name, as mod-lua registers it.
  static constexpr const char* kRecordClass = "Record";

 private:
  static void* alloc(void* ud, void* ptr, size_t osize, size_t nsize);
  static void hook(lua_State* L, lua_Debug* ar);
  static int search_module(lua_State* L);
  void sandbox();
  bool load_prelude();
  bool has_meta(int idx, int ref) const;
  void push_list(std::string_view bytes, size_t& pos, uint32_t count, int depth, bool& ok);
  void push_map(std::string_view bytes, size_t& pos, uint32_t count, int depth, bool& ok);
  void push_bytes(std::string_view data, uint8_t type);
  // A number, nil or boolean: 1 pushed, 0 malformed, -1 not one of those.
  int push_number(std::string_view bytes, size_t& pos);
  bool push_raw(std::string_view bytes, size_t& pos);
  // Takes `bytes` from the current conversion's budget; false once spent.
  bool charge(size_t bytes);
  Conv list_to_msgpack(int idx, std::string& out, int depth);
  Conv map_to_msgpack(int idx, std::string& out, int depth);

  lua_State* L_ = nullptr;
  const Modules* modules_;
  size_t used_ = 0;
  uint64_t deadline_ms_ = 0;
  int list_ref_ = LUA_NOREF;
  int map_ref_ = LUA_NOREF;
  int bytes_ref_ = LUA_NOREF;
  size_t budget_ = 0;
  bool exhausted_ = false;
};

// Compiles `content` as udf-put does (chunk named by the file name) and runs
// its top level, which may require the registered `modules`; the error when
// either fails.
std::optional<CompileError> validate(const std::string& filename, const std::string& content,
                                     const Modules& modules);

uint64_t now_ms();

}  // namespace asim::udf
