// as_config operations: defaults, seed hosts, strings, racks, policies.
// Heap fields use malloc/free: applications free and replace them from C.
#pragma once

#include <aerospike/as_config.h>

namespace aeroshim {

// aeroshim's default shm_key (the seed's), where 7.4.0 uses 0xA9000000.
constexpr unsigned kDefaultShmKey = 0xA5000000u;

void config_init(as_config* config);
void config_destroy(as_config* config);
void config_add_host(as_config* config, const char* address, const char* tls_name, uint16_t port);
bool config_add_hosts(as_config* config, const char* text, uint16_t default_port);
void config_clear_hosts(as_config* config);
bool config_set_user(as_config* config, const char* user, const char* password);
void config_set_string(char** field, const char* value);
void config_add_rack_id(as_config* config, int rack_id);
bool auth_mode_from_string(as_auth_mode* mode, const char* text);
void config_massage_error_rate(as_config* config);

void policies_init(as_policies* policies);
void policies_destroy(as_policies* policies);

void metrics_policy_init(as_metrics_policy* policy);
void metrics_policy_destroy_labels(as_metrics_policy* policy);
void metrics_policy_add_label(as_metrics_policy* policy, const char* name, const char* value);
void metrics_policy_set_labels(as_metrics_policy* policy, as_vector* labels);
as_vector* metrics_labels_copy(const as_vector* labels);
bool metrics_labels_equal(const as_vector* a, const as_vector* b);
void metrics_labels_destroy(as_vector* labels);

}  // namespace aeroshim
