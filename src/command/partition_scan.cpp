#include "command/partition_scan.h"

#include "command/command_cluster.h"
#include "command/executor.h"
#include "command/first_failure.h"
#include "command/partition_tracker.h"
#include "proto/wire_buffer.h"

#include <aerospike/as_atomic.h>
#include <aerospike/as_cluster.h>

#include <atomic>
#include <chrono>
#include <random>
#include <thread>
#include <vector>

namespace aeroshim {
namespace {

// One round's shared state: the first failure, and whether any node
// command failed (the others then stop, SCAN_ABORTED).
struct Round {
  PartitionScan& scan;
  as_partition_tracker& pt;
  FirstFailure failure;
};

Status stream_frame(void* context, const uint8_t* body, size_t size, as_node*, bool& last) {
  return parse_scan_frame(*static_cast<ScanStream*>(context), body, size, last);
}

void fill_partitions(proto::ScanRequest& r, as_partition_tracker& pt, as_node_partitions& np) {
  r.partitions.clear();
  r.resume_after.clear();
  r.resume_bvals.clear();
  for (uint32_t i = 0; i < np.parts_full.size; ++i)
    r.partitions.push_back(as_partition_tracker_get_id(&np.parts_full, i));
  for (uint32_t i = 0; i < np.parts_partial.size; ++i) {
    as_partition_status* ps = as_partition_tracker_get_status(&pt, &np.parts_partial, i);
    r.resume_after.push_back(ps->digest.value);
    r.resume_bvals.push_back(ps->bval);
  }
}

// One node's command, sent once: a failure the tracker can mend makes its
// partitions next-round work.
Status node_command(Round& round, as_node_partitions& np, uint64_t task_id) {
  PartitionScan& scan = round.scan;
  proto::ScanRequest request = scan.request;
  request.task_id = task_id;
  request.max_records = np.record_max;
  fill_partitions(request, round.pt, np);
  // Only a query with an index value sends the values beside the digests.
  if (!scan.query || request.query_fields.empty()) request.resume_bvals.clear();
  proto::WireBuffer buffer;
  auto size = proto::encode_scan(request, buffer);
  if (!size) return size.status();
  CommandTimer timer(*scan.policy);
  ScanStream stream{round.pt,      np,         scan.deserialize,    scan.query,
                    scan.callback, scan.udata, round.failure.failed};
  Attempt a =
      attempt_stream(*scan.policy, timer, np.node, buffer.data(), *size, stream_frame, &stream);
  Status status = std::move(a.status);
  if (a.retry && status.code() == AEROSPIKE_ERR_TIMEOUT)
    status = timeout_status(*scan.policy, a.server_timeout, 1, np.node);
  if (!status && tracker_should_retry(round.pt, np, status.code())) return Status::ok();
  return status;
}

Status run_round(PartitionScan& scan, as_partition_tracker& pt, uint64_t task_id) {
  Round round{scan, pt};
  const uint32_t n = pt.node_parts.size;
  auto np_at = [&](uint32_t i) -> as_node_partitions& {
    return *static_cast<as_node_partitions*>(as_vector_get(&pt.node_parts, i));
  };
  if (scan.concurrent && n > 1) {
    std::vector<std::thread> workers;
    workers.reserve(n);
    for (uint32_t i = 0; i < n; ++i) {
      workers.emplace_back([&, i] {
        if (round.failure.failed.load(std::memory_order_relaxed)) return;
        Status s = node_command(round, np_at(i), task_id);
        if (!s) round.failure.set(std::move(s));
      });
    }
    for (auto& w : workers) w.join();
    if (!round.failure.failed.load()) return Status::ok();
    Status first = round.failure.take();
    if (first) return Status(AEROSPIKE_ERR_CLIENT_ABORT);
    return first;
  }
  for (uint32_t i = 0; i < n; ++i) {
    Status s = node_command(round, np_at(i), task_id);
    if (!s) return s;
  }
  return Status::ok();
}

Status run_rounds(PartitionScan& scan, as_partition_tracker& pt);

}  // namespace

uint64_t random_task_id() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  uint64_t id = 0;
  while (id == 0) id = engine();
  return id;
}

Result<uint32_t> scan_cluster_size(const Cluster& cluster) {
  const uint32_t size = cluster_node_count(cluster);
  if (size == 0) return Status(AEROSPIKE_ERR_SERVER, "Command failed because cluster is empty.");
  return size;
}

Status run_partition_scan(PartitionScan& scan, as_partition_tracker& pt,
                          as_partitions_status* parts_all) {
  Status status = run_rounds(scan, pt);
  if (!status) as_partition_error(parts_all);
  tracker_destroy(pt);
  return status;
}

namespace {

Status run_rounds(PartitionScan& scan, as_partition_tracker& pt) {
  as_cluster_add_command_count(scan.cluster->view());
  Status status = Status::ok();
  for (;;) {
    const uint64_t task_id = random_task_id();
    if (Status assigned = tracker_assign(pt, *scan.cluster, scan.ns); !assigned) return assigned;
    if (pt.iteration > 1) {
      for (uint32_t i = 0; i < pt.node_parts.size; ++i) as_cluster_add_retry(scan.cluster->view());
    }
    status = run_round(scan, pt, task_id);
    if (status.code() == AEROSPIKE_ERR_CLIENT_ABORT) {
      status = Status::ok();
      break;
    }
    if (!status) return status;
    status = tracker_is_complete(pt, *scan.cluster);
    if (status.code() != AEROSPIKE_ERR_CLIENT) break;
    if (pt.sleep_between_retries > 0)
      std::this_thread::sleep_for(std::chrono::milliseconds(pt.sleep_between_retries));
  }
  if (status && scan.callback) scan.callback(nullptr, scan.udata);
  return status;
}

}  // namespace
}  // namespace aeroshim
