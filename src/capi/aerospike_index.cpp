// extern "C" entry points of aerospike_index.h, plus the status command
// 7.4.0 exports without declaring it in a public header.
#include "client/admin_commands.h"
#include "core/error.h"

#include <aerospike/aerospike_index.h>

using namespace aeroshim;

extern "C" {

AS_EXTERN void aerospike_index_stat_command(as_node* node, as_index_task* task, char* command,
                                            size_t command_size);

as_status aerospike_index_create_ctx(aerospike* as, as_error* err, as_index_task* task,
                                     const as_policy_info* policy, const char* ns, const char* set,
                                     const char* bin_name, const char* index_name,
                                     as_index_type itype, as_index_datatype dtype,
                                     struct as_cdt_ctx* ctx) {
  return guard(err, {{as, "as"}, {ns, "ns"}, {index_name, "index_name"}}, [&] {
    return index_create(as, policy,
                        IndexSpec{ns, set, bin_name, index_name, itype, dtype, ctx, nullptr}, task);
  });
}

as_status aerospike_index_create_exp(aerospike* as, as_error* err, as_index_task* task,
                                     const as_policy_info* policy, const char* ns, const char* set,
                                     const char* index_name, as_index_type itype,
                                     as_index_datatype dtype, struct as_exp* exp) {
  return guard(err, {{as, "as"}, {ns, "ns"}, {index_name, "index_name"}, {exp, "exp"}}, [&] {
    return index_create(as, policy,
                        IndexSpec{ns, set, nullptr, index_name, itype, dtype, nullptr, exp}, task);
  });
}

as_status aerospike_index_create_wait(as_error* err, as_index_task* task, uint32_t interval_ms) {
  return guard(err, {{task, "task"}}, [&] { return index_create_wait(task, interval_ms); });
}

as_status aerospike_index_remove(aerospike* as, as_error* err, const as_policy_info* policy,
                                 const char* ns, const char* index_name) {
  return guard(err, {{as, "as"}, {ns, "ns"}, {index_name, "index_name"}},
               [&] { return index_remove(as, policy, ns, index_name); });
}

void aerospike_index_stat_command(as_node* node, as_index_task* task, char* command,
                                  size_t command_size) {
  guard_void({{node, "node"}, {task, "task"}, {command, "command"}},
             [&] { index_stat_command(node, task, command, command_size); });
}

}  // extern "C"
