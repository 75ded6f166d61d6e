// extern "C" entry points of as_event.h, as 7.4.0's default build (no event
// library) has them: there are no event loops, so closing them reports
// false, finding one finds nothing, and an external loop cannot be added
// (the capacity is 0). Synchronous programs call these at shutdown; the
// libuv flavour replaces this file when the async commands arrive.
#include "core/error.h"
#include "core/log.h"

#include <aerospike/as_event.h>

using namespace aeroshim;

extern "C" {

as_event_loop* as_event_loops = nullptr;
as_event_loop* as_event_loop_current = nullptr;
uint32_t as_event_loop_size = 0;
bool as_event_single_thread = false;

as_status as_set_external_event_loop(as_error* err, as_policy_event* policy, void* loop,
                                     as_event_loop** event_loop) {
  (void)loop;
  return guard(err, {{event_loop, "event_loop"}}, [&] {
    if (policy && (policy->max_commands_in_process < 0 ||
                   (policy->max_commands_in_process > 0 && policy->max_commands_in_process < 5)))
      return Status::error(AEROSPIKE_ERR_CLIENT, "max_commands_in_process {} must be 0 or >= 5",
                           policy->max_commands_in_process);
    return Status(AEROSPIKE_ERR_CLIENT, "Failed to add external loop. Capacity is 0");
  });
}

as_event_loop* as_event_set_external_loop(void* loop) {
  as_error err;
  as_event_loop* event_loop = nullptr;
  if (as_set_external_event_loop(&err, nullptr, loop, &event_loop) != AEROSPIKE_OK)
    log_error("{}", err.message);
  return event_loop;
}

as_event_loop* as_event_loop_find(void* loop) {
  (void)loop;
  return nullptr;
}

bool as_event_close_loops(void) { return as_event_loops != nullptr; }

void as_event_destroy_loops(void) {}

}  // extern "C"
