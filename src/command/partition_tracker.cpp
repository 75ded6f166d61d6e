#include "command/partition_tracker.h"

#include "command/partition.h"
#include "core/status_names.h"

#include <aerospike/as_atomic.h>
#include <aerospike/as_node.h>
#include <aerospike/as_vector.h>
#include <citrusleaf/alloc.h>
#include <citrusleaf/cf_clock.h>

#include <fmt/format.h>

#include <cstring>
#include <string>

namespace aeroshim {
namespace {

// One failed node command or unavailable partition, for the message of a
// command that runs out of rounds.
struct TrackerError {
  char address[AS_IP_ADDRESS_SIZE];
  as_status status;
  uint32_t iteration;
  uint32_t part_id;
};

as_partitions_status* create_parts(uint16_t begin, uint16_t count, const as_digest* digest) {
  auto* all = static_cast<as_partitions_status*>(
      cf_malloc(sizeof(as_partitions_status) + sizeof(as_partition_status) * count));
  if (!all) return nullptr;
  all->ref_count = 1;
  all->part_begin = begin;
  all->part_count = count;
  all->done = false;
  all->retry = true;
  for (uint16_t i = 0; i < count; ++i) {
    as_partition_status& ps = all->parts[i];
    ps.part_id = static_cast<uint16_t>(begin + i);
    ps.replica_index = 0;
    ps.retry = true;
    ps.digest.init = false;
    ps.bval = 0;
    ps.node = nullptr;
  }
  if (digest && digest->init) all->parts[0].digest = *digest;
  return all;
}

Status adopt_parts(as_partition_tracker& pt, as_partitions_status** resume, bool paginate,
                   uint16_t begin, uint16_t count, const as_digest* digest, uint64_t max_records) {
  as_partitions_status* previous = resume ? *resume : nullptr;
  if (!previous) {
    pt.parts_all = create_parts(begin, count, digest);
    if (!pt.parts_all) return Status(AEROSPIKE_ERR_CLIENT, "out of memory for partitions");
    if (paginate && resume) *resume = as_partitions_status_reserve(pt.parts_all);
    return Status::ok();
  }
  if (begin != previous->part_begin || count != previous->part_count)
    return Status::error(AEROSPIKE_ERR_PARAM,
                         "Partition filter can not change when pagination is enabled. "
                         "prev={},{} current={},{}",
                         previous->part_begin, previous->part_count, begin, count);
  pt.parts_all = as_partitions_status_reserve(previous);
  if (max_records == 0) pt.parts_all->retry = true;
  for (uint16_t i = 0; i < count; ++i) {
    pt.parts_all->parts[i].replica_index = 0;
    pt.parts_all->parts[i].node = nullptr;
  }
  return Status::ok();
}

Status init(as_partition_tracker& pt, const as_policy_base& policy, as_partitions_status** resume,
            uint64_t max_records, as_policy_replica replica, bool paginate, uint16_t begin,
            uint16_t count, const as_digest* digest) {
  if (replica == AS_POLICY_REPLICA_RANDOM)
    return Status(AEROSPIKE_ERR_PARAM, "Invalid replica: AS_POLICY_REPLICA_RANDOM");
  pt.parts_all = nullptr;
  pt.errors = nullptr;
  as_vector_init(&pt.node_parts, sizeof(as_node_partitions), pt.node_capacity);
  pthread_mutex_init(&pt.lock, nullptr);
  if (Status parts = adopt_parts(pt, resume, paginate, begin, count, digest, max_records); !parts) {
    tracker_destroy(pt);
    return parts;
  }
  pt.max_records = max_records;
  pt.record_count = 0;
  pt.check_max = false;
  pt.replica = replica;
  pt.sleep_between_retries = policy.sleep_between_retries;
  pt.connect_timeout = policy.connect_timeout;
  pt.socket_timeout = policy.socket_timeout;
  pt.total_timeout = policy.total_timeout;
  pt.timeout_delay = policy.timeout_delay;
  pt.max_retries = policy.max_retries;
  pt.deadline = 0;
  if (pt.total_timeout > 0) {
    pt.deadline = cf_getms() + pt.total_timeout;
    if (pt.socket_timeout == 0 || pt.socket_timeout > pt.total_timeout)
      pt.socket_timeout = pt.total_timeout;
  }
  pt.iteration = 1;
  return Status::ok();
}

as_node_partitions& node_parts_of(as_partition_tracker& pt, as_node* node) {
  for (uint32_t i = 0; i < pt.node_parts.size; ++i) {
    auto* np = static_cast<as_node_partitions*>(as_vector_get(&pt.node_parts, i));
    if (np->node == node) return *np;
  }
  auto* np = static_cast<as_node_partitions*>(as_vector_reserve(&pt.node_parts));
  as_node_reserve(node);
  np->node = node;
  as_vector_init(&np->parts_full, sizeof(uint16_t), pt.parts_capacity);
  as_vector_init(&np->parts_partial, sizeof(uint16_t), pt.parts_capacity);
  return *np;
}

void add_error(as_partition_tracker& pt, as_node* node, as_status status, uint32_t part_id) {
  TrackerError e{};
  std::strncpy(e.address, as_node_get_address_string(node), sizeof e.address - 1);
  e.status = status;
  e.iteration = pt.iteration;
  e.part_id = part_id;
  pthread_mutex_lock(&pt.lock);
  if (!pt.errors) pt.errors = as_vector_create(sizeof(TrackerError), 32);
  as_vector_append(pt.errors, &e);
  pthread_mutex_unlock(&pt.lock);
}

void mark_retry(as_partition_tracker& pt, as_node_partitions& np, bool next_replica) {
  for (as_vector* list : {&np.parts_full, &np.parts_partial}) {
    for (uint32_t i = 0; i < list->size; ++i) {
      as_partition_status* ps = as_partition_tracker_get_status(&pt, list, i);
      ps->retry = true;
      if (next_replica) ++ps->replica_index;
    }
  }
}

void release_node_parts(as_partition_tracker& pt) {
  for (uint32_t i = 0; i < pt.node_parts.size; ++i) {
    auto* np = static_cast<as_node_partitions*>(as_vector_get(&pt.node_parts, i));
    as_vector_destroy(&np->parts_full);
    as_vector_destroy(&np->parts_partial);
    as_node_release(np->node);
  }
  as_vector_clear(&pt.node_parts);
}

void split_max_records(as_partition_tracker& pt) {
  const uint32_t nodes = pt.node_parts.size;
  if (pt.max_records == 0) return;
  if (pt.max_records < nodes) {
    // Fewer records than nodes: one each, and the count checked as they come.
    for (uint32_t i = 0; i < nodes; ++i)
      static_cast<as_node_partitions*>(as_vector_get(&pt.node_parts, i))->record_max = 1;
    pt.check_max = true;
    return;
  }
  const uint64_t each = pt.max_records / nodes;
  const auto rest = static_cast<uint32_t>(pt.max_records - each * nodes);
  for (uint32_t i = 0; i < nodes; ++i)
    static_cast<as_node_partitions*>(as_vector_get(&pt.node_parts, i))->record_max =
        i < rest ? each + 1 : each;
}

// The error of a command out of rounds: the last failure's code, with
// every failure of every round listed.
Status exhausted(const as_partition_tracker& pt) {
  const auto* last =
      static_cast<const TrackerError*>(as_vector_get(pt.errors, pt.errors->size - 1));
  std::string message = status_name(last->status);
  message += "\nsub-errors:";
  for (uint32_t i = 0; i < pt.errors->size; ++i) {
    const auto* e = static_cast<const TrackerError*>(as_vector_get(pt.errors, i));
    message += fmt::format("\n{},{},{},", static_cast<int>(e->status), e->iteration, e->address);
    if (e->status == AEROSPIKE_ERR_CLUSTER) {
      message += fmt::format("Partition {} unavailable", e->part_id);
    } else {
      message += status_name(e->status);
    }
  }
  return Status(last->status, message);
}

// A round without unavailable partitions: done, unless max_records stopped
// a node early (then its partitions continue in a later call).
void settle_round(as_partition_tracker& pt) {
  as_partitions_status* all = pt.parts_all;
  if (pt.max_records == 0) {
    all->done = true;
    return;
  }
  if (pt.iteration > 1) {
    all->retry = true;
    all->done = false;
    return;
  }
  all->retry = false;
  bool done = true;
  for (uint32_t i = 0; i < pt.node_parts.size; ++i) {
    auto* np = static_cast<as_node_partitions*>(as_vector_get(&pt.node_parts, i));
    if (np->retry || np->record_count >= np->record_max) {
      mark_retry(pt, *np, false);
      done = false;
    }
  }
  all->done = done;
}

}  // namespace

Status tracker_init_nodes(as_partition_tracker& pt, const as_policy_base& policy,
                          uint64_t max_records, as_policy_replica replica,
                          as_partitions_status** resume, bool paginate, uint32_t cluster_size) {
  pt.node_filter = nullptr;
  pt.node_capacity = cluster_size ? cluster_size : 1;
  uint32_t per_node = kPartitionCount / pt.node_capacity;
  pt.parts_capacity = per_node + (per_node >> 2);
  return init(pt, policy, resume, max_records, replica, paginate, 0, kPartitionCount, nullptr);
}

Status tracker_init_node(as_partition_tracker& pt, const as_policy_base& policy,
                         uint64_t max_records, as_policy_replica replica,
                         as_partitions_status** resume, bool paginate, as_node* node) {
  pt.node_filter = node;
  pt.node_capacity = 1;
  pt.parts_capacity = kPartitionCount;
  return init(pt, policy, resume, max_records, replica, paginate, 0, kPartitionCount, nullptr);
}

Status tracker_init_filter(as_partition_tracker& pt, const as_policy_base& policy,
                           uint64_t max_records, as_policy_replica replica,
                           as_partitions_status** resume, bool paginate, uint32_t cluster_size,
                           as_partition_filter& filter) {
  if (filter.digest.init)
    filter.begin = static_cast<uint16_t>(as_partition_getid(filter.digest.value, kPartitionCount));
  if (filter.begin >= kPartitionCount)
    return Status::error(AEROSPIKE_ERR_PARAM, "Invalid partition begin {}. Valid range: 0-{}",
                         filter.begin, kPartitionCount - 1);
  if (filter.count == 0)
    return Status::error(AEROSPIKE_ERR_PARAM, "Invalid partition count {}", filter.count);
  if (filter.begin + filter.count > kPartitionCount)
    return Status::error(AEROSPIKE_ERR_PARAM, "Invalid partition range ({},{})", filter.begin,
                         filter.count);
  pt.node_filter = nullptr;
  pt.node_capacity = cluster_size ? cluster_size : 1;
  pt.parts_capacity = filter.count;
  return init(pt, policy, resume, max_records, replica, paginate, filter.begin, filter.count,
              &filter.digest);
}

Status tracker_assign(as_partition_tracker& pt, const Cluster& cluster, const char* ns) {
  as_partitions_status* all = pt.parts_all;
  const bool every = all->retry && pt.iteration == 1;
  auto table = locate_namespace(cluster, ns);
  if (!table) return Status::error(AEROSPIKE_ERR_NAMESPACE_NOT_FOUND, "Invalid namespace: {}", ns);
  for (uint16_t i = 0; i < all->part_count; ++i) {
    as_partition_status& ps = all->parts[i];
    if (!every && !ps.retry) continue;
    PartitionInfo info = *table;
    info.partition_id = ps.part_id;
    as_node* node = choose_node(cluster, info, ps.node, pt.replica, ps.replica_index);
    if (!node)
      return Status::error(AEROSPIKE_ERR_INVALID_NODE, "Node not found for partition {}",
                           ps.part_id);
    // Compared by address only on the next round, as 7.4.0 does.
    ps.node = node;
    ps.retry = false;
    const bool wanted = !pt.node_filter || std::strcmp(pt.node_filter->name, node->name) == 0;
    if (wanted) {
      as_node_partitions& np = node_parts_of(pt, node);
      as_vector_append(ps.digest.init ? &np.parts_partial : &np.parts_full, &ps.part_id);
    }
    as_node_release(node);
  }
  if (pt.node_parts.size == 0) return Status(AEROSPIKE_ERR_INVALID_NODE, "No nodes were assigned");
  all->retry = true;
  pt.record_count = 0;
  pt.check_max = false;
  for (uint32_t i = 0; i < pt.node_parts.size; ++i) {
    auto* np = static_cast<as_node_partitions*>(as_vector_get(&pt.node_parts, i));
    np->record_count = 0;
    np->record_max = 0;
    np->parts_unavailable = 0;
    np->retry = false;
  }
  split_max_records(pt);
  return Status::ok();
}

void tracker_part_unavailable(as_partition_tracker& pt, as_node_partitions& np, uint32_t part_id) {
  as_partitions_status* all = pt.parts_all;
  if (part_id < all->part_begin || part_id >= uint32_t{all->part_begin} + all->part_count) return;
  as_partition_status& ps = all->parts[part_id - all->part_begin];
  ps.retry = true;
  ++ps.replica_index;
  ++np.parts_unavailable;
  add_error(pt, np.node, AEROSPIKE_ERR_CLUSTER, part_id);
}

Status tracker_is_complete(as_partition_tracker& pt, const Cluster&) {
  uint64_t records = 0;
  uint32_t unavailable = 0;
  for (uint32_t i = 0; i < pt.node_parts.size; ++i) {
    auto* np = static_cast<as_node_partitions*>(as_vector_get(&pt.node_parts, i));
    records += np->record_count;
    unavailable += np->parts_unavailable;
  }
  if (unavailable == 0) {
    settle_round(pt);
    return Status::ok();
  }
  if (pt.max_records > 0 && records >= pt.max_records) return Status::ok();
  if (pt.iteration > pt.max_retries) return exhausted(pt);
  if (pt.deadline > 0) {
    const int64_t remaining = static_cast<int64_t>(pt.deadline) - static_cast<int64_t>(cf_getms()) -
                              pt.sleep_between_retries;
    if (remaining <= 0)
      return Status::error(AEROSPIKE_ERR_TIMEOUT, "timeout: iterations={}", pt.iteration);
    if (remaining < pt.total_timeout) {
      pt.total_timeout = static_cast<uint32_t>(remaining);
      if (pt.socket_timeout > pt.total_timeout) pt.socket_timeout = pt.total_timeout;
    }
  }
  if (pt.max_records > 0) pt.max_records -= records;
  release_node_parts(pt);
  ++pt.iteration;
  return Status(AEROSPIKE_ERR_CLIENT);
}

bool tracker_should_retry(as_partition_tracker& pt, as_node_partitions& np, as_status status) {
  switch (status) {
    case AEROSPIKE_ERR_CLUSTER:
    case AEROSPIKE_ERR_INVALID_NODE:
    case AEROSPIKE_ERR_CONNECTION:
    case AEROSPIKE_ERR_ASYNC_CONNECTION:
    case AEROSPIKE_ERR_TIMEOUT:
    case AEROSPIKE_ERR_INDEX_NOT_FOUND:
    case AEROSPIKE_ERR_INDEX_NOT_READABLE:
      add_error(pt, np.node, status, 0);
      mark_retry(pt, np, true);
      np.parts_unavailable = np.parts_full.size + np.parts_partial.size;
      return true;
    default: return false;
  }
}

void tracker_destroy(as_partition_tracker& pt) {
  if (pt.errors) {
    as_vector_destroy(pt.errors);
    pt.errors = nullptr;
  }
  release_node_parts(pt);
  as_vector_destroy(&pt.node_parts);
  if (pt.parts_all) as_partitions_status_release(pt.parts_all);
  pt.parts_all = nullptr;
  pthread_mutex_destroy(&pt.lock);
}

}  // namespace aeroshim
