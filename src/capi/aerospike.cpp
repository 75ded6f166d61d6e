// extern "C" entry points of aerospike.h: argument checks, then delegation.
#include "client/admin_commands.h"
#include "client/client.h"
#include "client/lifecycle.h"
#include "config/config.h"
#include "config/lua_settings.h"
#include "core/error.h"

#include <aerospike/aerospike.h>
#include <aerospike/version.h>

#include <cstdlib>

using namespace aeroshim;

extern "C" {

char* aerospike_client_version = const_cast<char*>("7.4.0");

aerospike* aerospike_init(aerospike* as, as_config* config) {
  return guard_value<aerospike*>(nullptr, {{as, "as"}},
                                 [&] { return client_init(as, config, false); });
}

// As in 7.4.0, the configuration is consumed even when the object cannot be
// allocated.
aerospike* aerospike_new(as_config* config) {
  return guard_value<aerospike*>(nullptr, {}, [&]() -> aerospike* {
    auto* as = static_cast<aerospike*>(std::malloc(sizeof(aerospike)));
    if (as == nullptr) {
      config_destroy(config);
      return nullptr;
    }
    return client_init(as, config, true);
  });
}

void aerospike_destroy(aerospike* as) {
  guard_void({}, [&] {
    if (as != nullptr) client_destroy(as);
  });
}

as_status aerospike_connect(aerospike* as, as_error* err) {
  return guard(err, {{as, "as"}}, [&] { return client_connect(as); });
}

as_status aerospike_close(aerospike* as, as_error* err) {
  return guard(err, {{as, "as"}}, [&] { return client_close(as); });
}

bool aerospike_cluster_is_connected(aerospike* as) {
  return guard_value(false, {{as, "as"}}, [&] { return client_is_connected(as); });
}

void aerospike_init_lua(as_config_lua* config) {
  guard_void({{config, "config"}}, [&] { set_lua_config(*config); });
}

void aerospike_stop_on_interrupt(bool stop) {
  guard_void({}, [&] { set_stop_on_interrupt(stop); });
}

as_status aerospike_truncate(aerospike* as, as_error* err, as_policy_info* policy, const char* ns,
                             const char* set, uint64_t before_nanos) {
  return guard(err, {{as, "as"}, {ns, "ns"}},
               [&] { return truncate_records(as, policy, ns, set, before_nanos); });
}

}  // extern "C"
