#include "cluster/cluster.h"

#include "cluster/node_view.h"
#include "core/clock.h"
#include "core/log.h"
#include "map/private_map.h"
#include "net/address.h"
#include "session/shm_session.h"
#include "session/tend_role.h"

#include <aerospike/aerospike.h>
#include <aerospike/version.h>

#include <time.h>

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <type_traits>

namespace aeroshim {
namespace {

TendSettings settings_from(const as_config& config) {
  TendSettings s;
  if (config.hosts) {
    for (uint32_t i = 0; i < config.hosts->size; ++i) {
      const auto* host = static_cast<const as_host*>(as_vector_get(config.hosts, i));
      s.seeds.push_back(TendSettings::Seed{host->name ? host->name : "", host->port});
    }
  }
  if (config.cluster_name) s.cluster_name = config.cluster_name;
  s.conn_timeout =
      std::chrono::milliseconds(config.conn_timeout_ms ? config.conn_timeout_ms : 1000);
  s.info_timeout =
      std::chrono::milliseconds(config.policies.info.timeout ? config.policies.info.timeout : 1000);
  s.use_services_alternate = config.use_services_alternate;
  s.rack_aware = config.rack_aware;
  s.fail_if_not_connected = config.fail_if_not_connected;
  for (uint32_t i = 0; i < config.ip_map_size; ++i)
    s.ip_map.emplace_back(config.ip_map[i].orig, config.ip_map[i].alt);
  s.user_agent = fmt::format("1,c-{},{}", aerospike_client_version,
                             config.app_id && *config.app_id ? config.app_id : "not-set");
  return s;
}

char* duplicate(const char* text) { return text ? strdup(text) : nullptr; }

}  // namespace

// The allocation behind as_cluster* views: the view first, so the pointer
// applications hold is the block, and its cluster right after.
struct ClusterBlock {
  as_cluster view;
  Cluster* cluster;
};
static_assert(std::is_standard_layout_v<ClusterBlock> && offsetof(ClusterBlock, view) == 0);

Cluster::Cluster(const as_config& config)
    : settings_(settings_from(config)),
      fail_if_not_connected_(config.fail_if_not_connected),
      upkeep_(CommandSettings::from(config)),
      tend_interval_ms_(config.tender_interval ? config.tender_interval : 1000),
      event_callback_(config.event_callback),
      event_udata_(config.event_callback_udata) {}

Result<std::unique_ptr<Cluster>> Cluster::connect(const as_config& config) {
  std::unique_ptr<Cluster> cluster(new Cluster(config));
  Status started = cluster->start(config);
  if (!started) return started;
  return cluster;
}

Cluster* Cluster::of(const as_cluster* view) {
  return view ? reinterpret_cast<const ClusterBlock*>(view)->cluster : nullptr;
}

Status Cluster::create_view(const as_config& config) {
  auto* block = static_cast<ClusterBlock*>(std::calloc(1, sizeof(ClusterBlock)));
  if (!block) return Status::error(AEROSPIKE_ERR_CLIENT, "out of memory creating the cluster");
  block->cluster = this;
  view_ = &block->view;
  view_->cluster_name = duplicate(config.cluster_name);
  view_->event_callback = config.event_callback;
  view_->event_callback_udata = config.event_callback_udata;
  view_->tend_interval = tend_interval_ms_;
  view_->conn_timeout_ms = config.conn_timeout_ms;
  view_->login_timeout_ms = config.login_timeout_ms;
  view_->max_conns_per_node = config.max_conns_per_node;
  view_->min_conns_per_node = config.min_conns_per_node;
  view_->n_partitions = SegmentLayout::kPartitions;
  view_->use_services_alternate = config.use_services_alternate;
  view_->rack_aware = config.rack_aware;
  view_->fail_if_not_connected = config.fail_if_not_connected;
  const uint32_t capacity = config.use_shm ? config.shm_max_nodes : PrivateMap::kGeometry.max_nodes;
  node_table_ = std::make_unique<NodeTable>(view_, capacity);
  if (!node_table_->publish({}))
    return Status::error(AEROSPIKE_ERR_CLIENT, "out of memory creating the cluster");
  return Status::ok();
}

// The first tend of a map nobody has published: this process owns it.
Status Cluster::first_tend(ClusterMap& map, TendRole& role) {
  tender_ = std::make_unique<Tender>(settings_, map, role, *this, view_);
  Status connected = tender_->connect();
  if (connected) return connected;
  if (fail_if_not_connected_) {
    tender_.reset();
    return connected;
  }
  log_warn("{}", connected.message());
  return Status::ok();
}

Status Cluster::start(const as_config& config) {
  if (Status made = create_view(config); !made) return made;
  auto tend = [this](ClusterMap& map, TendRole& role) { return first_tend(map, role); };
  if (config.use_shm) {
    ShmOptions options;
    options.key = config.shm_key;
    options.geometry = SegmentGeometry{config.shm_max_nodes, config.shm_max_namespaces};
    options.takeover_threshold_sec = config.shm_takeover_threshold_sec;
    auto session = ShmSession::attach(options, tend);
    if (!session) return session.status();
    shm_ = std::move(*session);
    map_ = &shm_->map();
    role_ = &shm_->role();
  } else {
    auto map = PrivateMap::create();
    if (!map) return map.status();
    private_map_ = std::move(*map);
    always_owner_ = std::make_unique<AlwaysOwner>();
    map_ = &private_map_->map();
    role_ = always_owner_.get();
    if (Status tended = tend(*map_, *role_); !tended) return tended;
    map_->publish_ready();
  }
  if (!tender_) {
    // The map was there already: start from its nodes; an owner's first
    // cycle then re-learns everything as a fresh owner does.
    tender_ = std::make_unique<Tender>(settings_, *map_, *role_, *this, view_);
    tender_->follow();
  }
  view_->valid = true;
  role_->set_wake([this] { wake(); });
  thread_ = std::thread([this] { tend_loop(); });
  return Status::ok();
}

Cluster::~Cluster() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (view_) view_->valid = false;
  // Saved sockets hold references to their nodes: they go before the nodes.
  recovery_.clear();
  // The tender's nodes go first (the table and arrays hold references of
  // their own), then the role hands ownership over and the map's memory goes.
  tender_.reset();
  if (role_) role_->release();
  shm_.reset();
  node_table_.reset();
  if (view_) {
    std::free(view_->cluster_name);
    std::free(reinterpret_cast<ClusterBlock*>(view_));
  }
}

void Cluster::wake() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    woken_ = true;
  }
  cv_.notify_all();
}

void Cluster::tend_loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    tender_->cycle(monotonic_ms());
    node_table_->release_retired();
    recovery_.drain();
    as_nodes* nodes = as_nodes_reserve(view_);
    upkeep_.after_cycle(*nodes);
    as_nodes_release(nodes);
    lock.lock();
    cv_.wait_for(lock, std::chrono::milliseconds(tend_interval_ms_),
                 [this] { return stopping_ || woken_; });
    woken_ = false;
  }
}

void Cluster::emit(as_cluster_event_type type, const std::string& name,
                   const std::string& address) {
  if (!event_callback_) return;
  as_cluster_event event{};
  event.node_name = name.c_str();
  event.node_address = address.c_str();
  event.udata = event_udata_;
  event.type = type;
  event_callback_(&event);
}

void Cluster::node_added(const Node& node) {
  log_info("Add node {} {}", node.name, address_to_string(node.address));
  emit(AS_CLUSTER_ADD_NODE, node.name, address_to_string(node.address));
}

void Cluster::node_removed(const Node& node) {
  // Arrays still listing the node keep its view alive (they hold a reference).
  log_info("Remove node {} {}", node.name, address_to_string(node.address));
  emit(AS_CLUSTER_REMOVE_NODE, node.name, address_to_string(node.address));
}

void Cluster::nodes_changed(const std::vector<const Node*>& nodes) {
  std::vector<as_node*> views;
  views.reserve(nodes.size());
  for (const Node* n : nodes) {
    node_object(n->view)->map_index = n->map_index;
    if (!upkeep_.attach(n->view)) {
      log_error("out of memory for the connection pool of node {}", n->name);
      continue;
    }
    views.push_back(n->view);
  }
  if (!node_table_->publish(views)) {
    log_error("out of memory publishing {} nodes", views.size());
    return;
  }
  if (nodes.empty()) emit(AS_CLUSTER_DISCONNECTED, "", "");
}

bool Cluster::is_connected() const {
  if (!view_ || !view_->valid) return false;
  // Reserved like any application reader: the tend thread may retire and
  // free this array while we look at it.
  as_nodes* nodes = as_nodes_reserve(view_);
  bool any_active = false;
  for (uint32_t i = 0; i < nodes->size && !any_active; ++i)
    any_active = node_is_active(nodes->array[i]);
  as_nodes_release(nodes);
  return any_active;
}

std::optional<std::string> Cluster::partition_node(const std::string& ns, uint32_t partition,
                                                   uint32_t replica) const {
  auto table = map_->find_namespace(ns);
  if (!table) return std::nullopt;
  auto index = map_->replica_node(*table, partition, replica);
  if (!index) return std::nullopt;
  return map_->node_name(*index);
}

}  // namespace aeroshim
