// Linked into every fuzzer beside partition_tracker.cpp, whose scan-stream
// part (marking partitions unavailable) the scan fuzzer drives and whose
// round planning needs a live cluster. The fuzzers have no cluster, so the
// three cluster functions that planning calls end the run if anything ever
// reaches them: a fuzzed parser that did would be the bug.
#include "command/partition.h"

#include <aerospike/as_node.h>

#include <cstdlib>

namespace aeroshim {

Result<PartitionInfo> locate_namespace(const Cluster&, const char*) { std::abort(); }

as_node* choose_node(const Cluster&, const PartitionInfo&, const as_node*, as_policy_replica,
                     uint8_t&) {
  std::abort();
}

}  // namespace aeroshim

extern "C" void as_node_destroy(as_node*) { std::abort(); }
