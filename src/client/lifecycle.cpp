// The process-wide stop-on-interrupt setting is kept for compatibility:
// aeroshim's waits are not interrupted by signals.
#include "client/lifecycle.h"

#include "config/config.h"

#include <aerospike/aerospike.h>

#include <atomic>
#include <cstdlib>
#include <cstring>

namespace aeroshim {
namespace {
std::atomic<bool> stop_on_interrupt{false};
}  // namespace

aerospike_s* client_init(aerospike_s* as, as_config_s* config, bool heap_allocated) {
  as->cluster = nullptr;
  if (config != nullptr) {
    std::memcpy(&as->config, config, sizeof(as_config));
  } else {
    config_init(&as->config);
  }
  as->config_orig = nullptr;
  as->config_bitmap = nullptr;
  as->_free = heap_allocated;
  return as;
}

void client_destroy(aerospike_s* as) {
  config_destroy(&as->config);
  if (as->_free) {
    std::free(as);
  }
}

void set_stop_on_interrupt(bool stop) { stop_on_interrupt.store(stop, std::memory_order_relaxed); }

}  // namespace aeroshim
