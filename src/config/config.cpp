// as_config defaults and mutators, matching 7.4.0's observable behaviour
// (defaults table in abi/README.md) except the default shm_key.
#include "config/config.h"

#include "config/host_list.h"
#include "core/log.h"
#include "core/vector.h"

#include <strings.h>

#include <cstdlib>
#include <cstring>
#include <new>

namespace aeroshim {
namespace {

char* copy_string(const char* value) {
  if (value == nullptr) return nullptr;
  char* copy = strdup(value);
  if (copy == nullptr) throw std::bad_alloc();
  return copy;
}

void free_tls_strings(as_config_tls& tls) {
  for (char** field : {&tls.cafile, &tls.castring, &tls.capath, &tls.protocols, &tls.cipher_suite,
                       &tls.cert_blacklist, &tls.keyfile, &tls.keyfile_pw, &tls.keystring,
                       &tls.certfile, &tls.certstring}) {
    std::free(*field);
    *field = nullptr;
  }
}

as_vector* ensure_vector(as_vector** vector, uint32_t item_size, uint32_t capacity) {
  if (*vector == nullptr) {
    *vector = vector_create(item_size, capacity);
  }
  return *vector;
}

}  // namespace

void config_init(as_config* c) {
  c->hosts = nullptr;
  std::memset(c->user, 0, sizeof(c->user));
  std::memset(c->password, 0, sizeof(c->password));
  c->cluster_name = nullptr;
  c->app_id = nullptr;
  c->event_callback = nullptr;
  c->event_callback_udata = nullptr;
  c->ip_map = nullptr;
  c->ip_map_size = 0;
  c->min_conns_per_node = 0;
  c->max_conns_per_node = 100;
  c->async_min_conns_per_node = 0;
  c->async_max_conns_per_node = 100;
  c->pipe_max_conns_per_node = 64;
  c->conn_pools_per_node = 1;
  c->conn_timeout_ms = 1000;
  c->login_timeout_ms = 5000;
  c->max_socket_idle = 0;
  c->max_error_rate = 100;
  c->error_rate_window = 1;
  c->tender_interval = 1000;
  c->thread_pool_size = 16;
  c->tend_thread_cpu = -1;
  policies_init(&c->policies);
  c->config_provider.path = nullptr;
  c->config_provider.interval = AS_CONFIG_PROVIDER_INTERVAL_DEFAULT;
  as_config_lua_init(&c->lua);
  std::memset(&c->tls, 0, sizeof(c->tls));
  c->auth_mode = AS_AUTH_INTERNAL;
  c->fail_if_not_connected = true;
  c->use_services_alternate = false;
  c->force_single_node = false;
  c->rack_aware = false;
  c->rack_id = 0;
  c->rack_ids = nullptr;
  c->use_shm = false;
  c->shm_key = static_cast<int>(kDefaultShmKey);
  c->shm_max_nodes = 16;
  c->shm_max_namespaces = 8;
  c->shm_takeover_threshold_sec = 30;
}

void config_destroy(as_config* c) {
  if (c == nullptr) return;
  if (c->hosts != nullptr) {
    config_clear_hosts(c);
    vector_destroy(c->hosts);
    c->hosts = nullptr;
  }
  vector_destroy(c->rack_ids);
  c->rack_ids = nullptr;
  config_set_string(&c->cluster_name, nullptr);
  config_set_string(&c->app_id, nullptr);
  config_set_string(&c->config_provider.path, nullptr);
  free_tls_strings(c->tls);
  policies_destroy(&c->policies);
}

void config_add_host(as_config* c, const char* address, const char* tls_name, uint16_t port) {
  as_vector* hosts = ensure_vector(&c->hosts, sizeof(as_host), 4);
  as_host host;
  host.name = copy_string(address);
  try {
    host.tls_name = copy_string(tls_name);
  } catch (...) {
    std::free(host.name);
    throw;
  }
  host.port = port;
  as_vector_append(hosts, &host);
}

bool config_add_hosts(as_config* c, const char* text, uint16_t default_port) {
  Result<std::vector<HostSpec>> parsed = parse_host_list(text, default_port);
  if (!parsed) {
    log_warn("as_config_add_hosts: {}", parsed.status().message());
    return false;
  }
  for (const HostSpec& host : *parsed) {
    config_add_host(c, host.name.c_str(), host.tls_name.empty() ? nullptr : host.tls_name.c_str(),
                    host.port);
  }
  return true;
}

void config_clear_hosts(as_config* c) {
  if (c->hosts == nullptr) return;
  for (uint32_t i = 0; i < c->hosts->size; i++) {
    as_host_destroy(static_cast<as_host*>(as_vector_get(c->hosts, i)));
  }
  as_vector_clear(c->hosts);
}

bool config_set_user(as_config* c, const char* user, const char* password) {
  if (user == nullptr || *user == '\0') return false;
  if (as_strncpy(c->user, user, sizeof(c->user))) return false;
  return !as_strncpy(c->password, password, sizeof(c->password));
}

void config_set_string(char** field, const char* value) {
  char* copy = copy_string(value);
  std::free(*field);
  *field = copy;
}

void config_add_rack_id(as_config* c, int rack_id) {
  as_vector_append(ensure_vector(&c->rack_ids, sizeof(int), 4), &rack_id);
}

bool auth_mode_from_string(as_auth_mode* mode, const char* text) {
  static const struct {
    const char* name;
    as_auth_mode mode;
  } kModes[] = {{"INTERNAL", AS_AUTH_INTERNAL},
                {"EXTERNAL", AS_AUTH_EXTERNAL},
                {"EXTERNAL_INSECURE", AS_AUTH_EXTERNAL_INSECURE},
                {"PKI", AS_AUTH_PKI}};
  for (const auto& entry : kModes) {
    if (strcasecmp(text, entry.name) == 0) {
      *mode = entry.mode;
      return true;
    }
  }
  return false;
}

void config_massage_error_rate(as_config* c) {
  if (c->error_rate_window == 0 || c->error_rate_window > 100 || c->max_error_rate < 1 ||
      c->max_error_rate > 100) {
    log_warn("max_error_rate {} / error_rate_window {} out of range: using 100 / 1",
             c->max_error_rate, c->error_rate_window);
    c->max_error_rate = 100;
    c->error_rate_window = 1;
  }
}

void policies_init(as_policies* p) {
  as_policy_read_init(&p->read);
  as_policy_write_init(&p->write);
  as_policy_operate_init(&p->operate);
  as_policy_remove_init(&p->remove);
  as_policy_apply_init(&p->apply);
  as_policy_batch_init(&p->batch);
  as_policy_batch_parent_write_init(&p->batch_parent_write);
  as_policy_batch_write_init(&p->batch_write);
  as_policy_batch_apply_init(&p->batch_apply);
  as_policy_batch_remove_init(&p->batch_remove);
  as_policy_scan_init(&p->scan);
  as_policy_query_init(&p->query);
  as_policy_info_init(&p->info);
  as_policy_admin_init(&p->admin);
  as_policy_txn_verify_init(&p->txn_verify);
  as_policy_txn_roll_init(&p->txn_roll);
  metrics_policy_init(&p->metrics);
}

// Filter expressions are opaque to aeroshim (no expression builder yet), so
// only the metrics labels are owned here.
void policies_destroy(as_policies* p) { metrics_policy_destroy_labels(&p->metrics); }

void metrics_policy_init(as_metrics_policy* p) {
  std::memset(&p->metrics_listeners, 0, sizeof(p->metrics_listeners));
  p->labels = nullptr;
  as_strncpy(p->report_dir, ".", sizeof(p->report_dir));
  p->report_size_limit = 0;
  p->interval = 30;
  p->latency_columns = 7;
  p->latency_shift = 1;
  p->enable = false;
}

void metrics_policy_destroy_labels(as_metrics_policy* p) {
  metrics_labels_destroy(p->labels);
  p->labels = nullptr;
}

void metrics_policy_add_label(as_metrics_policy* p, const char* name, const char* value) {
  as_vector* labels = ensure_vector(&p->labels, sizeof(as_metrics_label), 4);
  as_metrics_label label{copy_string(name), nullptr};
  try {
    label.value = copy_string(value);
  } catch (...) {
    std::free(label.name);
    throw;
  }
  as_vector_append(labels, &label);
}

void metrics_policy_set_labels(as_metrics_policy* p, as_vector* labels) {
  metrics_labels_destroy(p->labels);
  p->labels = labels;
}

as_vector* metrics_labels_copy(const as_vector* labels) {
  if (labels == nullptr) return nullptr;
  as_vector* copy = vector_create(sizeof(as_metrics_label), labels->size ? labels->size : 1);
  for (uint32_t i = 0; i < labels->size; i++) {
    auto* src =
        static_cast<const as_metrics_label*>(as_vector_get(const_cast<as_vector*>(labels), i));
    as_metrics_label label{copy_string(src->name), copy_string(src->value)};
    as_vector_append(copy, &label);
  }
  return copy;
}

bool metrics_labels_equal(const as_vector* a, const as_vector* b) {
  if (a == nullptr || b == nullptr) return a == b;
  if (a->size != b->size) return false;
  for (uint32_t i = 0; i < a->size; i++) {
    auto* x = static_cast<const as_metrics_label*>(as_vector_get(const_cast<as_vector*>(a), i));
    auto* y = static_cast<const as_metrics_label*>(as_vector_get(const_cast<as_vector*>(b), i));
    if (std::strcmp(x->name, y->name) != 0 || std::strcmp(x->value, y->value) != 0) return false;
  }
  return true;
}

void metrics_labels_destroy(as_vector* labels) {
  if (labels == nullptr) return;
  for (uint32_t i = 0; i < labels->size; i++) {
    auto* label = static_cast<as_metrics_label*>(as_vector_get(labels, i));
    std::free(label->name);
    std::free(label->value);
  }
  vector_destroy(labels);
}

}  // namespace aeroshim
