#include "client/job_commands.h"

#include "client/admin_commands.h"
#include "client/info_commands.h"
#include "info/server_version.h"

#include <aerospike/as_cluster.h>
#include <aerospike/as_node.h>
#include <aerospike/as_version.h>

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace aeroshim {
namespace {

bool starts_with(const std::string& s, size_t at, const char* prefix) {
  return s.compare(at, std::strlen(prefix), prefix) == 0;
}

// One node's answer: colon-separated name=value pairs.
void merge_answer(const std::string& answer, as_job_info& info) {
  bool counted = false;
  size_t at = 0;
  while (at < answer.size()) {
    size_t end = answer.find(':', at);
    if (end == std::string::npos) end = answer.size();
    const std::string item = answer.substr(at, end - at);
    if (starts_with(item, 0, "status=")) {
      const std::string v = item.substr(7);
      if (v.rfind("active", 0) == 0 || v.rfind("IN_PROGRESS", 0) == 0) {
        info.status = AS_JOB_STATUS_INPROGRESS;
      } else if (strncasecmp(v.c_str(), "done", 4) == 0 && info.status == AS_JOB_STATUS_UNDEF) {
        info.status = AS_JOB_STATUS_COMPLETED;
      }
    } else if (starts_with(item, 0, "job-progress=")) {
      const auto pct = static_cast<uint32_t>(std::atoi(item.c_str() + 13));
      if (info.progress_pct == 0 || pct < info.progress_pct) info.progress_pct = pct;
    } else if (!counted &&
               (starts_with(item, 0, "recs-succeeded=") || starts_with(item, 0, "recs-read=") ||
                starts_with(item, 0, "recs_read="))) {
      info.records_read += static_cast<uint32_t>(std::atol(item.c_str() + item.find('=') + 1));
      counted = true;
    }
    at = end + 1;
  }
}

std::string job_command(aerospike* as, const as_policy_info* policy, as_node* node,
                        const char* module, uint64_t job_id) {
  if (node->features & AS_FEATURES_PARTITION_QUERY) {
    const as_version v = node_server_version(as, policy, node);
    const char* id = version_compare(&v, &as_server_version_8_1) >= 0 ? "id" : "trid";
    return fmt::format("query-show:{}={}\n", id, job_id);
  }
  if (node->features & AS_FEATURES_QUERY_SHOW)
    return fmt::format("{}-show:trid={}\n", module, job_id);
  return fmt::format("jobs:module={};cmd=get-job;trid={}\n", module, job_id);
}

// The value part of "command\tvalue\n".
std::string value_of(const std::string& answer) {
  const size_t tab = answer.find('\t');
  std::string v = tab == std::string::npos ? answer : answer.substr(tab + 1);
  while (!v.empty() && (v.back() == '\n' || v.back() == '\r')) v.pop_back();
  return v;
}

}  // namespace

Status job_info(aerospike* as, const as_policy_info* policy, const char* module, uint64_t job_id,
                bool stop_if_in_progress, as_job_info* info) {
  info->status = AS_JOB_STATUS_UNDEF;
  info->progress_pct = 0;
  info->records_read = 0;
  if (Status connected = require_cluster(as); !connected) return connected;
  as_nodes* nodes = as_nodes_reserve(as->cluster);
  std::vector<as_node*> list(nodes->array, nodes->array + nodes->size);
  for (as_node* n : list) as_node_reserve(n);
  as_nodes_release(nodes);
  Status status(AEROSPIKE_ERR_CLUSTER, "no node to ask");
  for (as_node* node : list) {
    auto answer =
        info_node(as, policy, node, job_command(as, policy, node, module, job_id).c_str());
    if (answer) {
      status = Status::ok();
      merge_answer(value_of(*answer), *info);
      if (stop_if_in_progress && info->status == AS_JOB_STATUS_INPROGRESS) break;
    } else if (answer.status().code() == AEROSPIKE_ERR_RECORD_NOT_FOUND) {
      // A node that never heard of the job has nothing left to do for it.
      if (info->status == AS_JOB_STATUS_UNDEF) info->status = AS_JOB_STATUS_COMPLETED;
      status = Status::ok();
    } else {
      status = answer.status();
      break;
    }
  }
  for (as_node* n : list) as_node_release(n);
  return status;
}

Status job_wait(aerospike* as, const as_policy_info* policy, const char* module, uint64_t job_id,
                uint32_t interval_ms) {
  if (interval_ms == 0) interval_ms = 1000;
  as_job_info info;
  Status status = Status::ok();
  do {
    std::this_thread::sleep_for(std::chrono::milliseconds(interval_ms));
    status = job_info(as, policy, module, job_id, true, &info);
  } while (status && info.status == AS_JOB_STATUS_INPROGRESS);
  return status;
}

Status scan_info(aerospike* as, const as_policy_info* policy, uint64_t scan_id,
                 as_scan_info* info) {
  as_job_info job;
  Status status = job_info(as, policy, "scan", scan_id, false, &job);
  if (!status) return status;
  switch (job.status) {
    case AS_JOB_STATUS_COMPLETED: info->status = AS_SCAN_STATUS_COMPLETED; break;
    case AS_JOB_STATUS_INPROGRESS: info->status = AS_SCAN_STATUS_INPROGRESS; break;
    default: info->status = AS_SCAN_STATUS_UNDEF; break;
  }
  info->progress_pct = job.progress_pct;
  info->records_scanned = job.records_read;
  return status;
}

}  // namespace aeroshim
