#include "config/lua_settings.h"

#include <cstring>
#include <mutex>

namespace aeroshim {
namespace {

struct Settings {
  std::mutex mutex;
  bool set = false;
  std::string user_path = AS_CONFIG_LUA_USER_PATH;
};

Settings& settings() {
  static Settings s;
  return s;
}

void store(Settings& s, const as_config_lua& lua) {
  s.user_path.assign(lua.user_path, strnlen(lua.user_path, sizeof lua.user_path));
  s.set = true;
}

}  // namespace

void set_lua_config(const as_config_lua& lua) {
  Settings& s = settings();
  std::lock_guard<std::mutex> lock(s.mutex);
  store(s, lua);
}

void set_lua_config_once(const as_config_lua& lua) {
  Settings& s = settings();
  std::lock_guard<std::mutex> lock(s.mutex);
  if (!s.set) store(s, lua);
}

std::string lua_user_path() {
  Settings& s = settings();
  std::lock_guard<std::mutex> lock(s.mutex);
  return s.user_path;
}

}  // namespace aeroshim
