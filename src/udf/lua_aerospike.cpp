#include "core/log.h"
#include "udf/lua_classes.h"

namespace aeroshim::udf {
namespace {

as_log_level level_of(lua_Integer level) {
  switch (level) {
    case 1: return AS_LOG_LEVEL_WARN;
    case 2: return AS_LOG_LEVEL_INFO;
    case 3: return AS_LOG_LEVEL_DEBUG;
    default: return AS_LOG_LEVEL_TRACE;
  }
}

// aerospike:log(level, text): the place named is the Lua code that called
// trace/debug/info/warn (two frames up: log, then the helper).
int aerospike_log(lua_State* L) {
  const as_log_level level = level_of(luaL_optinteger(L, 2, 0));
  const char* text = luaL_optstring(L, 3, nullptr);
  if (!log_enabled(level)) return 0;
  lua_Debug where{};
  const char* source = "";
  int line = 0;
  if (lua_getstack(L, 2, &where) && lua_getinfo(L, "Sl", &where)) {
    source = where.source[0] == '@' || where.source[0] == '=' ? where.source + 1 : where.source;
    line = where.currentline;
  }
  log_at(level, __func__, __FILE__, __LINE__, "{}:{} - {}", source, line, text ? text : "(null)");
  return 0;
}

constexpr luaL_Reg kFunctions[] = {
    {"log", aerospike_log},
    {nullptr, nullptr},
};

}  // namespace

void open_aerospike(lua_State* L) {
  lua_newtable(L);
  luaL_setfuncs(L, kFunctions, 0);
  lua_setglobal(L, "aerospike");
}

}  // namespace aeroshim::udf
