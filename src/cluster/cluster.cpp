#include "cluster/cluster.h"

#include "cluster/node_view.h"
#include "core/log.h"
#include "map/private_map.h"
#include "net/address.h"
#include "shm/shm_session.h"

#include <aerospike/aerospike.h>
#include <aerospike/version.h>

#include <time.h>

#include <cstdlib>
#include <cstring>

namespace aeroshim {
namespace {

// How long a follower waits for the owner's first complete map, as stock.
constexpr std::chrono::seconds kReadyWait{10};

uint64_t monotonic_now_ms() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000 + static_cast<uint64_t>(ts.tv_nsec) / 1000000;
}

TendSettings settings_from(const as_config& config) {
  TendSettings s;
  if (config.hosts) {
    for (uint32_t i = 0; i < config.hosts->size; ++i) {
      const auto* host = static_cast<const as_host*>(as_vector_get(config.hosts, i));
      s.seeds.push_back(TendSettings::Seed{host->name ? host->name : "", host->port});
    }
  }
  if (config.cluster_name) s.cluster_name = config.cluster_name;
  s.conn_timeout = std::chrono::milliseconds(config.conn_timeout_ms ? config.conn_timeout_ms : 1000);
  s.info_timeout = std::chrono::milliseconds(config.policies.info.timeout ? config.policies.info.timeout : 1000);
  s.use_services_alternate = config.use_services_alternate;
  s.rack_aware = config.rack_aware;
  for (uint32_t i = 0; i < config.ip_map_size; ++i)
    s.ip_map.emplace_back(config.ip_map[i].orig, config.ip_map[i].alt);
  s.user_agent = fmt::format("1,c-{},{}", aerospike_client_version,
                             config.app_id && *config.app_id ? config.app_id : "not-set");
  return s;
}

char* duplicate(const char* text) { return text ? strdup(text) : nullptr; }

}  // namespace

Cluster::Cluster(const as_config& config)
    : tend_interval_ms_(config.tender_interval ? config.tender_interval : 1000),
      event_callback_(config.event_callback),
      event_udata_(config.event_callback_udata) {}

Result<std::unique_ptr<Cluster>> Cluster::connect(const as_config& config) {
  std::unique_ptr<Cluster> cluster(new Cluster(config));
  Status started = cluster->start(config);
  if (!started) return started;
  return cluster;
}

Status Cluster::start(const as_config& config) {
  view_ = static_cast<as_cluster*>(std::calloc(1, sizeof(as_cluster)));
  as_nodes* empty = create_nodes_view({});
  if (!view_ || !empty) {
    destroy_nodes_view(empty);
    return Status::error(AEROSPIKE_ERR_CLIENT, "out of memory creating the cluster");
  }
  view_->nodes = empty;
  view_->cluster_name = duplicate(config.cluster_name);
  view_->event_callback = config.event_callback;
  view_->event_callback_udata = config.event_callback_udata;
  view_->tend_interval = tend_interval_ms_;
  view_->conn_timeout_ms = config.conn_timeout_ms;
  view_->login_timeout_ms = config.login_timeout_ms;
  view_->max_conns_per_node = config.max_conns_per_node;
  view_->min_conns_per_node = config.min_conns_per_node;
  view_->n_partitions = 4096;
  view_->use_services_alternate = config.use_services_alternate;
  view_->rack_aware = config.rack_aware;
  view_->fail_if_not_connected = config.fail_if_not_connected;

  const SegmentGeometry geometry{config.shm_max_nodes, config.shm_max_namespaces};
  if (config.use_shm) {
    ShmOptions options;
    options.key = config.shm_key;
    options.geometry = geometry;
    options.takeover_threshold_sec = config.shm_takeover_threshold_sec;
    options.tend_interval_ms = tend_interval_ms_;
    auto session = ShmSession::open(options);
    if (!session) return session.status();
    shm_ = std::move(*session);
    map_ = &shm_->map();
    role_ = &shm_->role();
  } else {
    auto map = PrivateMap::create(geometry);
    if (!map) return map.status();
    private_map_ = std::move(*map);
    always_owner_ = std::make_unique<AlwaysOwner>();
    map_ = &private_map_->map();
    role_ = always_owner_.get();
  }
  tender_ = std::make_unique<Tender>(settings_from(config), *map_, *role_, *this, view_);

  bool tend_first = true;
  if (shm_ && !shm_->owner_at_connect()) {
    Status ready = shm_->wait_ready(kReadyWait);
    if (!ready) return ready;
    tend_first = shm_->owner_now() && !map_->ready();
  } else if (shm_ && map_->ready()) {
    // A ready segment left by an earlier owner: start from its nodes; the
    // first cycle re-learns everything as a fresh owner.
    tend_first = false;
  }
  if (tend_first) {
    if (shm_) map_->initialize_header();
    Status connected = tender_->connect();
    if (!connected && config.fail_if_not_connected) return connected;
    if (!connected) log_warn("{}", connected.message());
    map_->publish_ready();
    role_->tended(monotonic_now_ms());
  } else {
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
  // The tender's nodes go first (they hold one reference per view), then
  // the role hands ownership over and the map's memory goes.
  tender_.reset();
  if (role_) role_->release();
  shm_.reset();
  release_retired();
  release_retired();
  if (view_) {
    destroy_nodes_view(view_->nodes);
    std::free(view_->cluster_name);
    std::free(view_);
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
    tender_->cycle(monotonic_now_ms());
    release_retired();
    lock.lock();
    cv_.wait_for(lock, std::chrono::milliseconds(tend_interval_ms_), [this] { return stopping_ || woken_; });
    woken_ = false;
  }
}

void Cluster::release_retired() {
  // Called once per cycle: what was retired in the previous cycle goes now,
  // what was retired in this one waits for the next call.
  static_assert(sizeof(as_nodes*) == sizeof(void*));
  std::vector<as_nodes*> arrays;
  arrays.swap(retired_arrays_);
  for (as_nodes* a : arrays)
    if (__atomic_sub_fetch(&a->ref_count, 1, __ATOMIC_ACQ_REL) == 0) destroy_nodes_view(a);
}

void Cluster::emit(as_cluster_event_type type, const std::string& name, const std::string& address) {
  if (!event_callback_) return;
  as_cluster_event event{};
  event.node_name = name.c_str();
  event.node_address = address.c_str();
  event.udata = event_udata_;
  event.type = type;
  event_callback_(&event);
}

void Cluster::node_added(const Node& node) {
  emit(AS_CLUSTER_ADD_NODE, node.name, address_to_string(node.address));
}

void Cluster::node_removed(const Node& node) {
  // Arrays still listing the node keep its view alive (they hold a reference).
  emit(AS_CLUSTER_REMOVE_NODE, node.name, address_to_string(node.address));
}

void Cluster::nodes_changed(const std::vector<const Node*>& nodes) {
  std::vector<as_node*> views;
  for (const Node* n : nodes) views.push_back(n->view);
  as_nodes* fresh = create_nodes_view(views);
  if (!fresh) {
    log_error("out of memory publishing {} nodes", views.size());
    return;
  }
  as_nodes* old = __atomic_exchange_n(&view_->nodes, fresh, __ATOMIC_ACQ_REL);
  retired_arrays_.push_back(old);
  if (nodes.empty()) emit(AS_CLUSTER_DISCONNECTED, "", "");
}

bool Cluster::is_connected() const {
  if (!view_ || !view_->valid) return false;
  // Reserved like any application reader: the tend thread may retire and
  // free this array while we look at it.
  as_nodes* nodes = as_nodes_reserve(view_);
  bool any_active = false;
  for (uint32_t i = 0; i < nodes->size && !any_active; ++i) any_active = node_is_active(nodes->array[i]);
  as_nodes_release(nodes);
  return any_active;
}

std::optional<std::string> Cluster::partition_node(const std::string& ns, uint32_t partition, uint32_t replica) const {
  auto table = map_->find_namespace(ns);
  if (!table) return std::nullopt;
  auto index = map_->replica_node(*table, partition, replica);
  if (!index) return std::nullopt;
  return map_->node_name(*index);
}

}  // namespace aeroshim
