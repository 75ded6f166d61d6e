// extern "C" entry points of as_config.h: argument checks, then delegation.
#include "config/config.h"
#include "core/error.h"

#include <aerospike/as_config.h>

using namespace aeroshim;

extern "C" {

as_config* as_config_init(as_config* config) {
  if (config != nullptr) config_init(config);
  return config;
}

void as_config_destroy(as_config* config) {
  guarded_value(0, __func__, [&] { config_destroy(config); return 0; });
}

void as_config_add_host(as_config* config, const char* address, uint16_t port) {
  if (config == nullptr || address == nullptr) return;
  guarded_value(0, __func__, [&] { config_add_host(config, address, nullptr, port); return 0; });
}

bool as_config_add_hosts(as_config* config, const char* string, uint16_t default_port) {
  if (config == nullptr || string == nullptr) return false;
  return guarded_value(false, __func__,
                       [&] { return config_add_hosts(config, string, default_port); });
}

void as_config_clear_hosts(as_config* config) {
  if (config != nullptr) config_clear_hosts(config);
}

bool as_config_set_user(as_config* config, const char* user, const char* password) {
  if (config == nullptr) return false;
  return config_set_user(config, user, password);
}

void as_config_set_string(char** str, const char* value) {
  if (str == nullptr) return;
  guarded_value(0, __func__, [&] { config_set_string(str, value); return 0; });
}

void as_config_tls_add_host(as_config* config, const char* address, const char* tls_name,
                            uint16_t port) {
  if (config == nullptr || address == nullptr) return;
  guarded_value(0, __func__, [&] { config_add_host(config, address, tls_name, port); return 0; });
}

void as_config_add_rack_id(as_config* config, int rack_id) {
  if (config == nullptr) return;
  guarded_value(0, __func__, [&] { config_add_rack_id(config, rack_id); return 0; });
}

bool as_auth_mode_from_string(as_auth_mode* auth, const char* str) {
  if (auth == nullptr || str == nullptr) return false;
  return auth_mode_from_string(auth, str);
}

void as_config_massage_error_rate(as_config* config) {
  if (config != nullptr) config_massage_error_rate(config);
}

as_policies* as_policies_init(as_policies* p) {
  if (p != nullptr) policies_init(p);
  return p;
}

void as_policies_destroy(as_policies* p) {
  if (p != nullptr) policies_destroy(p);
}

}  // extern "C"
