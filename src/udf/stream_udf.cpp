#include "udf/stream_udf.h"

#include "core/log.h"
#include "udf/lua_classes.h"
#include "udf/lua_system.h"
#include "udf/lua_value.h"

#include <aerospike/as_nil.h>

namespace aeroshim::udf {
namespace {

struct SinkTarget {
  StreamSink sink;
  void* udata;
};

// read(): the next value from the nodes, or nil at the end.
int stream_read(lua_State* L) {
  auto* source = static_cast<StreamSource*>(lua_touserdata(L, lua_upvalueindex(1)));
  as_val* v = source->next();
  push_value(L, v);
  if (v) as_val_destroy(v);
  return 1;
}

// write(v): hands v to the sink; 0 while it wants more, as mod-lua's
// stream.write answers. nil is the end (NULL).
int stream_write(lua_State* L) {
  auto* target = static_cast<SinkTarget*>(lua_touserdata(L, lua_upvalueindex(1)));
  as_val* v = to_value(L, 1);
  if (v == &as_nil) v = nullptr;
  const bool more = target->sink(v, target->udata);
  if (v) as_val_destroy(v);
  lua_pushinteger(L, more ? 0 : 1);
  return 1;
}

// Everything a state needs before the module, then the module; run
// protected, so a failure (out of memory included) is an error, not a
// panic. Leaves the driver on the stack.
int prepare(lua_State* L) {
  const char* user_path = static_cast<const char*>(lua_touserdata(L, 1));
  const char* module = static_cast<const char*>(lua_touserdata(L, 2));
  lua_settop(L, 0);
  luaL_openlibs(L);
  lua_getglobal(L, "package");
  for (const char* field : {"path", "cpath"}) {
    lua_getfield(L, 1, field);
    lua_pushfstring(L, "%s;%s/?.%s", lua_tostring(L, -1), user_path,
                    field[0] == 'p' ? "lua" : "so");
    lua_setfield(L, 1, field);
    lua_pop(L, 1);
  }
  lua_settop(L, 0);
  open_list(L);
  open_map(L);
  open_bytes(L);
  open_geojson(L);
  open_aerospike(L);
  if (luaL_loadbufferx(L, kSystemLua, kSystemLuaSize, "=aeroshim-stream", "t") != LUA_OK)
    return lua_error(L);
  lua_call(L, 0, 1);
  lua_getglobal(L, "require");
  lua_pushstring(L, module);
  lua_call(L, 1, 0);
  return 1;
}

Status load(lua_State* L, const StreamUdfCall& call) {
  lua_pushcfunction(L, prepare);
  lua_pushlightuserdata(L, const_cast<char*>(call.user_path));
  lua_pushlightuserdata(L, const_cast<char*>(call.module));
  if (lua_pcall(L, 2, 1, 0) != LUA_OK) {
    const char* why = lua_tostring(L, -1);
    log_error("lua create error: {}", why ? why : "(not a string)");
    return Status(AEROSPIKE_ERR_UDF, "UDF: Execution Error 1");
  }
  // What the driver would say first, said before the nodes are asked.
  const bool missing = lua_getglobal(L, call.function) == LUA_TNIL;
  lua_pop(L, 1);
  if (missing) return Status(AEROSPIKE_ERR_UDF, "UDF: Execution Error 2 : function not found");
  return Status::ok();
}

// The driver is on the stack: pushes its arguments and runs it.
Status run(lua_State* L, const StreamUdfCall& call, StreamSource& source, SinkTarget& target) {
  lua_getglobal(L, call.function);
  lua_pushlightuserdata(L, &source);
  lua_pushcclosure(L, stream_read, 1);
  lua_pushlightuserdata(L, &target);
  lua_pushcclosure(L, stream_write, 1);
  const uint32_t argc = call.args ? as_list_size(call.args) : 0;
  // Lua's stack holds at most a million values.
  if (argc > 100000 || !lua_checkstack(L, static_cast<int>(argc) + 1))
    return Status(AEROSPIKE_ERR_UDF, "UDF: Execution Error 2 : too many arguments");
  for (uint32_t i = 0; i < argc; ++i) push_value(L, as_list_get(call.args, i));
  if (lua_pcall(L, static_cast<int>(argc) + 3, 1, 0) == LUA_OK) return Status::ok();
  if (lua_type(L, -1) != LUA_TSTRING)
    return Status(AEROSPIKE_ERR_UDF, "UDF: Execution Error 2 : Unknown stack as_val type");
  return Status::error(AEROSPIKE_ERR_UDF, "UDF: Execution Error 2 : {}", lua_tostring(L, -1));
}

}  // namespace

Result<StreamUdf> StreamUdf::load(const StreamUdfCall& call) {
  lua_State* L = luaL_newstate();
  if (!L) return Status(AEROSPIKE_ERR_UDF, "UDF: Execution Error 1");
  StreamUdf udf(L, call);
  if (Status loaded = aeroshim::udf::load(L, call); !loaded) return loaded;
  return udf;
}

StreamUdf::~StreamUdf() {
  if (state_) lua_close(state_);
}

Status StreamUdf::run(StreamSource& source, StreamSink sink, void* udata) {
  SinkTarget target{sink, udata};
  return aeroshim::udf::run(state_, call_, source, target);
}

}  // namespace aeroshim::udf
