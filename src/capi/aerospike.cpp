// extern "C" entry points of aerospike.h: argument checks, then delegation.
#include "client/client.h"
#include "client/lifecycle.h"
#include "core/error.h"

#include <aerospike/aerospike.h>
#include <aerospike/version.h>

#include <cstdlib>

using namespace aeroshim;

extern "C" {

char* aerospike_client_version = const_cast<char*>("7.4.0");

aerospike* aerospike_init(aerospike* as, as_config* config) {
  if (as == nullptr) return nullptr;
  return client_init(as, config, false);
}

aerospike* aerospike_new(as_config* config) {
  auto* as = static_cast<aerospike*>(std::malloc(sizeof(aerospike)));
  if (as == nullptr) {
    as_config_destroy(config);
    return nullptr;
  }
  return client_init(as, config, true);
}

void aerospike_destroy(aerospike* as) {
  if (as != nullptr) client_destroy(as);
}

as_status aerospike_connect(aerospike* as, as_error* err) {
  as_error local;
  as_error* e = err != nullptr ? err : &local;
  as_error_reset(e);
  if (as == nullptr) {
    return write_error(e, Status(AEROSPIKE_ERR_PARAM, "aerospike_connect: as is NULL"), __func__,
                       __FILE__, __LINE__);
  }
  return guarded(e, __func__, [&] { return client_connect(as); });
}

as_status aerospike_close(aerospike* as, as_error* err) {
  as_error local;
  as_error* e = err != nullptr ? err : &local;
  as_error_reset(e);
  if (as == nullptr) {
    return write_error(e, Status(AEROSPIKE_ERR_PARAM, "aerospike_close: as is NULL"), __func__,
                       __FILE__, __LINE__);
  }
  return guarded(e, __func__, [&] { return client_close(as); });
}

bool aerospike_cluster_is_connected(aerospike* as) {
  if (as == nullptr) return false;
  return guarded_value(false, __func__, [&] { return client_is_connected(as); });
}

void aerospike_init_lua(as_config_lua* config) {
  if (config != nullptr) set_lua_config(*config);
}

void aerospike_stop_on_interrupt(bool stop) { set_stop_on_interrupt(stop); }

}  // extern "C"
