// asshm partitions: every partition's owner per replica index, one line each
// ("PARTITION REPLICA NODE-NAME", "-" for no owner), so a test can check
// each partition against what the servers say, not just the totals.
#include "commands.h"
#include "exit_codes.h"
#include "json.h"
#include "namespace_summary.h"
#include "shm/segment.h"
#include "snapshot.h"

#include <fmt/format.h>

#include <cstdio>

namespace asshm {

int partitions_command(const Options& options) {
  std::variant<Snapshot, Failure> read = read_segment(options.key);
  if (auto* failure = std::get_if<Failure>(&read)) return report(*failure, options.json);
  const Snapshot& snapshot = std::get<Snapshot>(read);
  const aeroshim::ClusterMap map = snapshot.map();
  const std::string key = aeroshim::key_text(options.key);
  if (aeroshim::Status valid = map.validate(); !valid) {
    return report(
        {kExitUnreadable, "corrupt", fmt::format("{} is corrupt: {}", key, valid.message())},
        options.json);
  }
  std::optional<uint32_t> table = map.find_namespace(options.ns);
  if (!table) {
    return report(
        {kExitUnreadable, "no_namespace", fmt::format("{} has no namespace '{}'", key, options.ns)},
        options.json);
  }
  const std::vector<aeroshim::MapNode> nodes = map.nodes();
  const uint32_t counted = counted_replicas(map.replica_size(*table));
  std::string out;
  if (options.json) {
    out =
        fmt::format("{{\"key\":\"{}\",\"namespace\":{},\"replication_factor\":{},\"partitions\":[",
                    key, json_string(options.ns), map.replica_size(*table));
  }
  for (uint32_t p = 0; p < aeroshim::SegmentLayout::kPartitions; p++) {
    if (options.json) out += p ? ",[" : "[";
    for (uint32_t r = 0; r < counted; r++) {
      std::optional<uint32_t> node = map.replica_node(*table, p, r);
      const bool named = node && *node < nodes.size();
      if (options.json) {
        out += fmt::format("{}{}", r ? "," : "", named ? json_string(nodes[*node].name) : "null");
      } else {
        out += fmt::format("{} {} {}\n", p, r, named ? nodes[*node].name : "-");
      }
    }
    if (options.json) out += "]";
  }
  if (options.json) out += "]}\n";
  std::fputs(out.c_str(), stdout);
  return kExitOk;
}

}  // namespace asshm
