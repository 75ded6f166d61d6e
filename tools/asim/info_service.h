// Answers info requests: the names a client or tool asks, and the asim-*
// control names tests use to change the cluster under a running client.
#pragma once

#include "cluster.h"
#include "fault.h"
#include "record_store.h"

#include <optional>
#include <string>
#include <string_view>

namespace asim {

namespace query {
class Service;
}

// What the info service needs from the network side to act on control names.
class NodeControl {
 public:
  virtual ~NodeControl() = default;
  // Starts listening for node `node`; answers the port or why it failed.
  virtual aeroshim::Result<uint16_t> start(size_t node) = 0;
  // Closes the node's listener and every connection it accepted, after the
  // current answer has been written.
  virtual void stop(size_t node) = 0;
};

class InfoService {
 public:
  // `store` and `faults`, when given, are what asim-ns-config and the fault
  // names act on; without them those names answer an error.
  InfoService(Cluster& cluster, NodeControl& control, RecordStore* store = nullptr,
              FaultPlan* faults = nullptr)
      : cluster_(cluster), control_(control), store_(store), faults_(faults) {}

  // The scan and query jobs query-show reports; none until set.
  void set_queries(const query::Service* queries) { queries_ = queries; }

  // The whole answer body to `body`, asked of node `node`.
  std::string answer(size_t node, std::string_view body);

 private:
  std::string value_of(size_t node, const std::string& command);
  std::optional<std::string> control(const std::string& name, const std::string& params);
  std::optional<std::string> cluster_control(const std::string& name, const std::string& params);
  std::optional<std::string> data_control(const std::string& name, const std::string& params);
  std::string dump_set(const std::string& ns, const std::string& set) const;
  // The node `params`' port= names, if any.
  std::optional<size_t> target(const std::string& params) const;

  Cluster& cluster_;
  NodeControl& control_;
  RecordStore* store_;
  FaultPlan* faults_;
  const query::Service* queries_ = nullptr;
};

// Parses "k=v;k=v" control parameters; nullopt when `key` is absent.
std::optional<std::string> param(const std::string& params, std::string_view key);

}  // namespace asim
