// The process-wide Lua settings of 7.4.0 (mod-lua's one configuration):
// aerospike_init_lua sets them whenever it is called, and the first
// aerospike_connect sets them from its config when nothing did before.
// The user path is where aggregations load their modules from.
#pragma once

#include <aerospike/as_config.h>

#include <string>

namespace aeroshim {

void set_lua_config(const as_config_lua& lua);

// At connect: the config's settings, unless some were set already.
void set_lua_config_once(const as_config_lua& lua);

std::string lua_user_path();

}  // namespace aeroshim
