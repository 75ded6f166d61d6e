// The rules behind check_config. The shared-memory limits keep every offset
// of the segment inside 32 bits (the header stores u32 offsets) and keep the
// takeover threshold well above the tend interval, so a live owner that is
// tending on time can never look stale.
#include "config/config_check.h"

#include <aerospike/as_shm_cluster.h>

#include <cstring>

namespace aeroshim {
namespace {

constexpr uint32_t kMaxShmNodes = 4096;
constexpr uint32_t kMaxShmNamespaces = 1024;

Status param(std::string message) { return Status(AEROSPIKE_ERR_PARAM, std::move(message)); }

Status check_hosts(const as_config& c) {
  if (c.hosts == nullptr || c.hosts->size == 0) {
    return param("as_config.hosts is empty: add a seed with as_config_add_host()");
  }
  if (c.hosts->item_size != sizeof(as_host) || c.hosts->list == nullptr) {
    return Status::error(AEROSPIKE_ERR_PARAM,
                         "as_config.hosts is not a vector of as_host (item_size {})",
                         c.hosts->item_size);
  }
  for (uint32_t i = 0; i < c.hosts->size; i++) {
    const as_host& host = static_cast<const as_host*>(c.hosts->list)[i];
    if (host.name == nullptr || *host.name == '\0') {
      return Status::error(AEROSPIKE_ERR_PARAM, "as_config.hosts[{}].name is empty", i);
    }
    if (host.port == 0) {
      return Status::error(AEROSPIKE_ERR_PARAM, "as_config.hosts[{}] '{}': port 0 is invalid", i,
                           host.name);
    }
  }
  return Status::ok();
}

Status check_shm(const as_config& c) {
  // Key 0 is IPC_PRIVATE: every process would get a segment of its own and
  // nothing would be shared, silently.
  if (c.shm_key == 0) {
    return param(
        "as_config.shm_key = 0 is IPC_PRIVATE, which no other process can attach: "
        "choose a non-zero key (default 0xA5000000)");
  }
  if (c.shm_max_nodes == 0 || c.shm_max_nodes > kMaxShmNodes) {
    return Status::error(AEROSPIKE_ERR_PARAM, "as_config.shm_max_nodes = {} is outside 1..{}",
                         c.shm_max_nodes, kMaxShmNodes);
  }
  if (c.shm_max_namespaces == 0 || c.shm_max_namespaces > kMaxShmNamespaces) {
    return Status::error(AEROSPIKE_ERR_PARAM, "as_config.shm_max_namespaces = {} is outside 1..{}",
                         c.shm_max_namespaces, kMaxShmNamespaces);
  }
  if (c.shm_takeover_threshold_sec == 0) {
    return param(
        "as_config.shm_takeover_threshold_sec = 0: "
        "a takeover threshold of at least 1 s is required");
  }
  if (uint64_t{c.shm_takeover_threshold_sec} * 1000 < 2 * uint64_t{c.tender_interval}) {
    return Status::error(
        AEROSPIKE_ERR_PARAM,
        "as_config.shm_takeover_threshold_sec = {} is less than two tend intervals "
        "(tender_interval = {} ms): a live owner could be taken over",
        c.shm_takeover_threshold_sec, c.tender_interval);
  }
  return Status::ok();
}

}  // namespace

Status check_config(const as_config& c) {
  Status hosts = check_hosts(c);
  if (!hosts) return hosts;
  if (c.tender_interval < AS_TEND_INTERVAL_MIN) {
    return Status::error(AEROSPIKE_ERR_PARAM,
                         "as_config.tender_interval = {} ms is below the minimum {} ms",
                         c.tender_interval, AS_TEND_INTERVAL_MIN);
  }
  if (c.conn_timeout_ms == 0) {
    return param("as_config.conn_timeout_ms = 0: a connect timeout is required");
  }
  if (c.user[0] != '\0') {
    return Status::error(AEROSPIKE_ERR_PARAM,
                         "as_config.user = '{}': authentication is not supported by aeroshim yet",
                         std::string(c.user, strnlen(c.user, sizeof(c.user))));
  }
  if (c.tls.enable) {
    return param("as_config.tls.enable = true: TLS is not supported by aeroshim yet");
  }
  if (c.ip_map_size > 0 && c.ip_map == nullptr) {
    return Status::error(AEROSPIKE_ERR_PARAM, "as_config.ip_map is NULL but ip_map_size = {}",
                         c.ip_map_size);
  }
  for (uint32_t i = 0; i < c.ip_map_size; i++) {
    if (c.ip_map[i].orig == nullptr || c.ip_map[i].alt == nullptr) {
      return Status::error(AEROSPIKE_ERR_PARAM, "as_config.ip_map[{}].{} is NULL", i,
                           c.ip_map[i].orig == nullptr ? "orig" : "alt");
    }
  }
  if (c.cluster_name != nullptr && strlen(c.cluster_name) >= AS_HOSTNAME_SIZE) {
    return Status::error(AEROSPIKE_ERR_PARAM, "as_config.cluster_name is {} bytes long (max {})",
                         strlen(c.cluster_name), AS_HOSTNAME_SIZE - 1);
  }
  if (c.use_shm) {
    return check_shm(c);
  }
  return Status::ok();
}

}  // namespace aeroshim
