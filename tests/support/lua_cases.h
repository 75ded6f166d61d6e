// Lua cases for the client's Lua classes (tests/udf_*_test.cpp): a chunk
// and the text it must return, each run in a fresh state the test builds;
// compat/mod_lua_cases.c runs the same cases on the stock client's mod-lua.
#pragma once

#include "cmocka_cxx.h"

#include <cstddef>
#include <cstring>
#include <lua.hpp>
#include <string>

namespace lua_cases {

struct Case {
  const char* code;
  const char* expected;
};

// What the chunk returns, or "ERR: " and the error it raised.
inline std::string run(lua_State* L, const char* code) {
  std::string out;
  if (luaL_loadbuffer(L, code, std::strlen(code), "=t") != LUA_OK ||
      lua_pcall(L, 0, 1, 0) != LUA_OK) {
    out = "ERR: ";
  }
  const char* text = lua_tostring(L, -1);
  out += text ? text : "(not a string)";
  lua_pop(L, 1);
  return out;
}

// Each case in a fresh state from new_state; every mismatch is printed
// before the test fails.
template <size_t N>
void check(const Case (&cases)[N], lua_State* (*new_state)()) {
  int failures = 0;
  for (const Case& c : cases) {
    lua_State* L = new_state();
    std::string got = run(L, c.code);
    lua_close(L);
    if (got != c.expected) {
      print_error("%s\n  expected: %s\n  got:      %s\n", c.code, c.expected, got.c_str());
      ++failures;
    }
  }
  assert_int_equal(failures, 0);
}

}  // namespace lua_cases
