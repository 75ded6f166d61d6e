// extern "C" entry points of as_config.h: argument checks, then delegation.
#include "config/config.h"
#include "core/error.h"

#include <aerospike/as_config.h>

using namespace aeroshim;

extern "C" {

as_config* as_config_init(as_config* config) {
  return guard_value<as_config*>(nullptr, {{config, "config"}}, [&] {
    config_init(config);
    return config;
  });
}

void as_config_destroy(as_config* config) {
  guard_void({}, [&] { config_destroy(config); });
}

void as_config_add_host(as_config* config, const char* address, uint16_t port) {
  guard_void({{config, "config"}, {address, "address"}},
             [&] { config_add_host(config, address, nullptr, port); });
}

bool as_config_add_hosts(as_config* config, const char* string, uint16_t default_port) {
  return guard_value(false, {{config, "config"}, {string, "string"}},
                     [&] { return config_add_hosts(config, string, default_port); });
}

void as_config_clear_hosts(as_config* config) {
  guard_void({{config, "config"}}, [&] { config_clear_hosts(config); });
}

bool as_config_set_user(as_config* config, const char* user, const char* password) {
  return guard_value(false, {{config, "config"}},
                     [&] { return config_set_user(config, user, password); });
}

void as_config_set_string(char** str, const char* value) {
  guard_void({{str, "str"}}, [&] { config_set_string(str, value); });
}

void as_config_tls_add_host(as_config* config, const char* address, const char* tls_name,
                            uint16_t port) {
  guard_void({{config, "config"}, {address, "address"}},
             [&] { config_add_host(config, address, tls_name, port); });
}

void as_config_add_rack_id(as_config* config, int rack_id) {
  guard_void({{config, "config"}}, [&] { config_add_rack_id(config, rack_id); });
}

bool as_auth_mode_from_string(as_auth_mode* auth, const char* str) {
  return guard_value(false, {{auth, "auth"}, {str, "str"}},
                     [&] { return auth_mode_from_string(auth, str); });
}

void as_config_massage_error_rate(as_config* config) {
  guard_void({{config, "config"}}, [&] { config_massage_error_rate(config); });
}

as_policies* as_policies_init(as_policies* p) {
  return guard_value<as_policies*>(nullptr, {{p, "p"}}, [&] {
    policies_init(p);
    return p;
  });
}

void as_policies_destroy(as_policies* p) {
  guard_void({}, [&] {
    if (p != nullptr) policies_destroy(p);
  });
}

}  // extern "C"
