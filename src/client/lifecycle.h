// The aerospike object's own life: init copies the configuration (the object
// then owns its heap fields), destroy frees them.
#pragma once

struct aerospike_s;
struct as_config_s;

namespace aeroshim {

aerospike_s* client_init(aerospike_s* as, as_config_s* config, bool heap_allocated);
void client_destroy(aerospike_s* as);
void set_stop_on_interrupt(bool stop);

}  // namespace aeroshim
