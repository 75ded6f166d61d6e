// A connected cluster: where its map lives (private memory or a shared
// segment), the tend thread that keeps it current, the node table commands
// resolve partitions into, and the public as_cluster view that applications
// and inline header functions read.
#pragma once

#include "cluster/node_table.h"
#include "cluster/node_upkeep.h"
#include "cluster/tender.h"
#include "core/status.h"
#include "net/connection_recovery.h"

#include <aerospike/as_cluster.h>
#include <aerospike/as_config.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace aeroshim {

class PrivateMap;
class ShmSession;
class TendRole;

class Cluster final : public MembershipObserver {
 public:
  static Result<std::unique_ptr<Cluster>> connect(const as_config& config);
  ~Cluster() override;
  Cluster(const Cluster&) = delete;
  Cluster& operator=(const Cluster&) = delete;

  // The public view, and the way back from it: the view is the first member
  // of a block that also holds its cluster, so no registry is needed.
  as_cluster* view() const { return view_; }
  static Cluster* of(const as_cluster* view);

  ClusterMap& map() const { return *map_; }
  const NodeTable& nodes() const { return *node_table_; }
  const CommandSettings& command_settings() const { return upkeep_.settings(); }
  // Sockets whose late answers the tend thread drains (timeout_delay).
  ConnectionRecovery& recovery() { return recovery_; }
  bool is_connected() const;
  // True while this process writes the map (always without shared memory).
  bool tends() const { return tender_ && tender_->owner(); }

  // Name of the node holding `replica` of a partition, from the map both an
  // owner and a follower read.
  std::optional<std::string> partition_node(const std::string& ns, uint32_t partition,
                                            uint32_t replica) const;

  void node_added(const Node& node) override;
  void node_removed(const Node& node) override;
  void nodes_changed(const std::vector<const Node*>& nodes) override;

 private:
  explicit Cluster(const as_config& config);
  Status start(const as_config& config);
  Status create_view(const as_config& config);
  Status first_tend(ClusterMap& map, TendRole& role);
  void tend_loop();
  void wake();
  void emit(as_cluster_event_type type, const std::string& name, const std::string& address);

  as_cluster* view_ = nullptr;
  TendSettings settings_;
  bool fail_if_not_connected_ = true;
  std::unique_ptr<PrivateMap> private_map_;
  std::unique_ptr<ShmSession> shm_;
  std::unique_ptr<TendRole> always_owner_;
  ClusterMap* map_ = nullptr;
  TendRole* role_ = nullptr;
  std::unique_ptr<NodeTable> node_table_;
  NodeUpkeep upkeep_;
  ConnectionRecovery recovery_;
  std::unique_ptr<Tender> tender_;

  uint32_t tend_interval_ms_ = 1000;
  as_cluster_event_callback event_callback_ = nullptr;
  void* event_udata_ = nullptr;

  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stopping_ = false;
  bool woken_ = false;
};

}  // namespace aeroshim
