#include "query_service.h"

#include "filter_exp.h"
#include "info_service.h"
#include "query_aggregate.h"
#include "query_index.h"
#include "stream_answer.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace asim::query {

namespace proto = aeroshim::proto;
using proto::FieldType;
using proto::Message;
using proto::ResultCode;

namespace {

constexpr uint8_t code(ResultCode c) { return static_cast<uint8_t>(c); }
constexpr uint8_t kUnavailable = 11;  // a partition this node cannot serve
// A paced answer goes out in parts at most this many ms apart.
constexpr uint64_t kSliceMs = 20;

std::string le64(uint64_t v) {
  std::string out(8, '\0');
  for (size_t i = 0; i < 8; ++i) out[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
  return out;
}

std::string error_only(uint8_t rc) {
  Message m;
  m.result_code = rc;
  std::string out;
  proto::encode_message(m, out);
  return out;
}

}  // namespace

// Groups a stream into timed pieces: at `rps` records per second the k-th
// record (from 0) goes out no earlier than k / rps seconds after the start,
// as the server's throttle sleeps between records; the first record is
// never held.
class Pacer {
 public:
  explicit Pacer(uint32_t rps) : rps_(rps) {}
  void add_record(const Message& m) {
    const uint64_t due = rps_ == 0 ? 0 : count_ * 1000 / rps_;
    ++count_;
    if (open_ && rps_ != 0 && (pieces_.empty() || due >= open_first_ + kSliceMs)) cut();
    if (!open_) {
      open_ = true;
      open_first_ = due;
    }
    open_last_ = due;
    stream_.add(m);
  }
  void add_marker(const Message& m) {
    if (!open_) {
      open_ = true;
      open_first_ = open_last_ = last_due_;
    }
    stream_.add(m);
  }
  std::vector<Piece> finish(uint8_t rc) {
    pieces_.push_back(Piece{open_ ? open_last_ : last_due_, stream_.finish(rc)});
    return std::move(pieces_);
  }
  uint64_t records() const { return count_; }

 private:
  void cut() {
    pieces_.push_back(Piece{open_last_, stream_.flush()});
    last_due_ = open_last_;
    open_ = false;
  }

  uint32_t rps_;
  uint64_t count_ = 0;
  bool open_ = false;
  uint64_t open_first_ = 0;
  uint64_t open_last_ = 0;
  uint64_t last_due_ = 0;
  StreamAnswer stream_;
  std::vector<Piece> pieces_;
};

struct Service::Run {
  Request req;
  size_t ns_index = 0;
  uint32_t now = 0;  // server seconds
  bool respond_all_ops = false;
  uint8_t durable_delete = 0;  // the request's info2 bit, passed to background writes
  uint8_t info3 = 0;
  uint32_t record_ttl = 0;
  const sindex::Definition* index = nullptr;
  IndexMatcher matcher;
  std::map<uint32_t, std::vector<std::pair<std::string, const Record*>>> by_partition;
  Job job;
  uint64_t sampled = 0;  // records past the filter, which max-records bounds
};

bool is_query(const Message& m) {
  return !m.field(FieldType::kDigest) && !m.field(FieldType::kBatchIndex) &&
         !(m.info1 & proto::kInfo1BatchIndex);
}

bool Service::trid_active(size_t node, uint64_t trid, uint64_t /*now_ms*/) const {
  // The server refuses a trid it still remembers, finished or not.
  auto it = jobs_.find(node);
  if (it == jobs_.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(),
                     [&](const Job& j) { return j.trid == trid; });
}

void Service::remember(size_t node, Job job) {
  auto& list = jobs_[node];
  list.push_back(std::move(job));
  // Only finished jobs are forgotten, oldest first.
  while (list.size() > kMaxDone) {
    auto done = std::find_if(list.begin(), list.end(), [](const Job& j) { return !j.running; });
    if (done == list.end()) break;
    list.erase(done);
  }
}

// Everything the server checks before a job starts, in its order; 0 or the
// code it answers.
uint8_t Service::prepare(size_t node, const Message& m, Run& run) {
  Request& req = run.req;
  if (const uint8_t rc = parse_request(m, req)) return rc;
  const auto ns = cluster_.namespace_index(req.ns);
  if (!ns) return code(ResultCode::kNamespace);
  run.ns_index = *ns;
  run.now = server_now();
  run.respond_all_ops = m.info2 & proto::kInfo2RespondAllOps;
  run.durable_delete = m.info2 & proto::kInfo2DurableDelete;
  run.info3 = m.info3 & proto::kInfo3ReplaceOnly;
  run.record_ttl = m.record_ttl;
  const bool background = req.kind == Kind::kOpsBackground || req.kind == Kind::kUdfBackground;
  if (req.where && req.where->ktype == 23 && !geo::parse(req.where->value))
    return code(ResultCode::kParameter);
  if (req.where && !req.where->context.empty() && !valid_context(req.where->context))
    return code(ResultCode::kParameter);
  if (background) {
    const auto& sets = store_.sets(req.ns);
    if (!req.set.empty() && std::none_of(sets.begin(), sets.end(),
                                         [&](const SetState& s) { return s.name == req.set; }))
      return code(ResultCode::kNotFound);
    if (req.rps > kBackgroundMaxRps) return code(ResultCode::kParameter);
    if (req.rps == 0) req.rps = kBackgroundMaxRps;
  }
  if (req.where) {
    if (const uint8_t rc = find_index(store_.sindexes(), req, run.index)) return rc;
    if (const uint8_t rc = run.matcher.init(*req.where, *run.index)) return rc;
  }
  if (req.kind == Kind::kBasic && !parse_basic_tail(m, req)) return code(ResultCode::kParameter);
  // The server refuses filters on aggregations; asim cannot pace Lua output
  // by records read, so it refuses a paced one rather than ignore the pace.
  if (req.kind == Kind::kAggregate && (req.has_filter || req.rps != 0))
    return code(ResultCode::kUnsupportedFeature);
  if (req.has_filter) {
    // An expression the server could not build fails before any record.
    const uint8_t verdict = filter::evaluate(req.filter, Record{}, std::string(20, '\0'), run.now);
    if (verdict == code(ResultCode::kParameter) || verdict == code(ResultCode::kUnsupportedFeature))
      return verdict;
  }
  if (req.trid != 0 && !req.short_query && trid_active(node, req.trid, 0))
    return code(ResultCode::kParameter);
  return 0;
}

std::vector<Piece> Service::serve(size_t node, const Message& m, uint64_t now_ms) {
  Run run;
  if (const uint8_t rc = prepare(node, m, run)) return {Piece{0, error_only(rc)}};
  Job& job = run.job;
  job.trid = run.req.trid != 0 ? run.req.trid : ++next_trid_;
  job.kind = run.req.kind;
  job.ns = run.req.ns;
  job.set = run.req.set;
  job.sindex = run.index ? run.index->name : "";
  job.rps = run.req.rps;
  job.socket_timeout = run.req.socket_timeout;
  job.n_pids_requested = run.req.n_pids_requested;
  job.n_keyds_requested = run.req.n_keyds_requested;
  job.start_ms = now_ms;
  for (auto& [digest, r] : store_.live_records(run.req.ns, run.now)) {
    const uint32_t pid = proto::partition_of(digest);
    if (run.req.has_partitions && !run.req.partitions[pid].requested) continue;
    if (!run.req.set.empty() && r->set != run.req.set) continue;
    run.by_partition[pid].emplace_back(digest, r);
  }
  if (run.req.kind == Kind::kBasic) return basic(node, run, now_ms);
  if (run.req.kind == Kind::kAggregate) return aggregate(node, run, now_ms);
  const uint8_t rc = background(node, run, now_ms);
  if (rc != 0) return {Piece{0, error_only(rc)}};
  job.finish_ms = now_ms;
  StreamAnswer fin;
  std::string bytes = fin.finish(0);
  job.net_io_bytes = bytes.size();
  remember(node, job);
  tick(now_ms);  // what is due at once
  return {Piece{0, std::move(bytes)}};
}

namespace {

Message record_message(const std::string& ns, const std::string& digest, const Record& r,
                       const int64_t* bval, bool no_bins) {
  Message m;
  m.info1 = no_bins ? proto::kInfo1NoBinData : 0;
  m.generation = r.generation;
  m.record_ttl = r.void_time;
  m.fields.push_back({static_cast<uint8_t>(FieldType::kNamespace), ns});
  m.fields.push_back({static_cast<uint8_t>(FieldType::kDigest), digest});
  if (!r.set.empty()) m.fields.push_back({static_cast<uint8_t>(FieldType::kSet), r.set});
  if (!r.key.empty()) m.fields.push_back({static_cast<uint8_t>(FieldType::kKey), r.key});
  if (bval)
    m.fields.push_back(
        {static_cast<uint8_t>(FieldType::kBvalArray), le64(static_cast<uint64_t>(*bval))});
  return m;
}

Message single_record(const std::string& ns, const std::string& digest, const Record& r) {
  Message m;
  m.fields.push_back({static_cast<uint8_t>(FieldType::kNamespace), ns});
  m.fields.push_back({static_cast<uint8_t>(FieldType::kDigest), digest});
  if (!r.set.empty()) m.fields.push_back({static_cast<uint8_t>(FieldType::kSet), r.set});
  return m;
}

// The records of one partition in the order the server's tree gives them
// (descending digest; an index by ascending value, then digest), from after
// the resume point.
std::vector<std::tuple<int64_t, std::string, const Record*>> ordered(
    const std::vector<std::pair<std::string, const Record*>>& records, const PartitionRequest* part,
    const IndexMatcher* matcher) {
  std::vector<std::tuple<int64_t, std::string, const Record*>> out;
  for (const auto& [digest, r] : records) {
    int64_t bval = 0;
    if (matcher) {
      auto v = matcher->match(*r);
      if (!v) continue;
      bval = *v;
    }
    out.emplace_back(bval, digest, r);
  }
  if (matcher) {
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
    });
  } else {
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return std::get<1>(a) > std::get<1>(b); });
  }
  if (part && part->has_resume) {
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const auto& e) {
                               if (!matcher) return std::get<1>(e) >= part->digest;
                               return std::tie(std::get<0>(e), std::get<1>(e)) <=
                                      std::tie(part->bval, part->digest);
                             }),
              out.end());
  }
  return out;
}

enum class Projected { kSend, kNothing, kFailed };

// The bins a basic query sends for `r`: none found by a projection sends no
// message, and a failing read op counts the record failed.
Projected project(RecordStore& store, const Request& req, bool respond_all, uint32_t now,
                  const std::string& digest, const Record& r, Message& out) {
  if (req.no_bins) return Projected::kSend;
  const auto read = static_cast<uint8_t>(proto::OpType::kRead);
  if (!req.bin_names.empty()) {
    for (const auto& name : req.bin_names)
      for (const auto& b : r.bins)
        if (b.name == name) out.ops.push_back(proto::Op{read, b.particle_type, b.name, b.value});
    return out.ops.empty() ? Projected::kNothing : Projected::kSend;
  }
  if (req.ops.empty()) {
    for (const auto& b : r.bins)
      out.ops.push_back(proto::Op{read, b.particle_type, b.name, b.value});
    return Projected::kSend;
  }
  Message m = single_record(req.ns, digest, r);
  m.info1 = proto::kInfo1Read;
  m.info2 = respond_all ? proto::kInfo2RespondAllOps : 0;
  m.ops = req.ops;
  Message reply = store.execute(m, now);
  if (reply.result_code != 0) return Projected::kFailed;
  out.ops = std::move(reply.ops);
  return out.ops.empty() ? Projected::kNothing : Projected::kSend;
}

}  // namespace

uint8_t Service::scan_partition(uint32_t pid, Run& run, Pacer& pacer) {
  const Request& req = run.req;
  auto it = run.by_partition.find(pid);
  if (it == run.by_partition.end()) return 0;
  const PartitionRequest* part = req.has_partitions ? &req.partitions[pid] : nullptr;
  for (const auto& [bval, digest, r] :
       ordered(it->second, part, run.index ? &run.matcher : nullptr)) {
    if (req.max_records != 0 && run.sampled >= req.max_records) return 0;
    if (req.has_filter) {
      const uint8_t verdict = filter::evaluate(req.filter, *r, digest, run.now);
      if (verdict == code(ResultCode::kFilteredOut)) {
        ++run.job.filtered_bins;
        continue;
      }
      if (verdict != 0) return verdict;
    }
    ++run.sampled;
    Message m = record_message(req.ns, digest, *r, run.index ? &bval : nullptr, req.no_bins);
    const Projected p = project(store_, req, run.respond_all_ops, run.now, digest, *r, m);
    if (p == Projected::kFailed) {
      ++run.job.failed;
      continue;
    }
    ++run.job.succeeded;
    if (p == Projected::kSend) pacer.add_record(m);
  }
  return 0;
}

std::vector<Piece> Service::basic(size_t node, Run& run, uint64_t now_ms) {
  const Request& req = run.req;
  const auto& sets = store_.sets(req.ns);
  const bool set_known =
      req.set.empty() ||
      std::any_of(sets.begin(), sets.end(), [&](const SetState& s) { return s.name == req.set; });
  Pacer pacer(req.rps);
  for (uint32_t pid = 0; pid < kPartitions; ++pid) {
    if (!req.partitions[pid].requested) continue;
    if (cluster_.owner(run.ns_index, pid, 0) != node) {
      Message marker;
      marker.info3 = proto::kInfo3PartitionDone;
      marker.result_code = kUnavailable;
      marker.generation = pid;
      pacer.add_marker(marker);
      continue;
    }
    if (!set_known) continue;
    if (const uint8_t rc = scan_partition(pid, run, pacer)) return {Piece{0, error_only(rc)}};
  }
  std::vector<Piece> pieces = pacer.finish(0);
  Job& job = run.job;
  job.finish_ms = now_ms + pieces.back().delay_ms;
  for (const auto& p : pieces) job.net_io_bytes += p.bytes.size();
  if (!req.short_query) remember(node, job);
  return pieces;
}

// The stream UDF run on each partition this node masters (records picked
// by set and index predicate), its values answered in bin SUCCESS; a Lua
// failure is answered in bin FAILURE and ends the stream with UNKNOWN (1),
// as the server abandons the job.
std::vector<Piece> Service::aggregate(size_t node, Run& run, uint64_t now_ms) {
  const Request& req = run.req;
  Aggregator lua(store_.udf_modules(), req.module, req.function, req.arglist, kAggregateTimeoutMs);
  StreamAnswer stream;
  uint8_t rc = 0;
  const auto read = static_cast<uint8_t>(proto::OpType::kRead);
  for (auto& [pid, records] : run.by_partition) {
    if (cluster_.owner(run.ns_index, pid, 0) != node) continue;
    std::vector<const Record*> picked;
    for (const auto& [bval, digest, r] :
         ordered(records, nullptr, run.index ? &run.matcher : nullptr))
      picked.push_back(r);
    if (picked.empty()) continue;
    run.job.succeeded += picked.size();
    std::vector<StreamValue> values;
    if (!lua.run(picked, values)) {
      Message failure;
      failure.ops.push_back(proto::Op{read, static_cast<uint8_t>(proto::ParticleType::kString),
                                      "FAILURE", lua.error()});
      stream.add(failure);
      rc = 1;
      break;
    }
    for (auto& v : values) {
      Message m;
      m.ops.push_back(proto::Op{read, v.particle_type, "SUCCESS", std::move(v.value)});
      stream.add(m);
    }
  }
  std::string bytes = stream.finish(rc);
  run.job.finish_ms = now_ms;
  run.job.net_io_bytes = bytes.size();
  remember(node, run.job);
  return {Piece{0, std::move(bytes)}};
}

// The write transactions a background job makes, one per matching record
// of the partitions this node masters, in the order the server reduces
// them; the predicate and filter are judged now, the writes made as the
// job's pace allows.
uint8_t Service::background(size_t node, Run& run, uint64_t now_ms) {
  const Request& req = run.req;
  Pending pending;
  pending.node = node;
  pending.trid = run.job.trid;
  pending.start_ms = now_ms;
  pending.rps = req.rps;
  for (auto& [pid, records] : run.by_partition) {
    if (cluster_.owner(run.ns_index, pid, 0) != node) continue;
    for (const auto& [bval, digest, r] :
         ordered(records, nullptr, run.index ? &run.matcher : nullptr)) {
      if (req.has_filter) {
        const uint8_t verdict = filter::evaluate(req.filter, *r, digest, run.now);
        if (verdict == code(ResultCode::kFilteredOut)) {
          ++run.job.filtered_bins;
          continue;
        }
        if (verdict != 0) return verdict;
      }
      Message m = single_record(req.ns, digest, *r);
      m.info2 = proto::kInfo2Write | run.durable_delete;
      m.record_ttl = run.record_ttl;
      if (req.kind == Kind::kOpsBackground) {
        m.info3 = proto::kInfo3UpdateOnly | run.info3;
        m.ops = req.ops;
      } else {
        m.fields.push_back({static_cast<uint8_t>(FieldType::kUdfPackageName), req.module});
        m.fields.push_back({static_cast<uint8_t>(FieldType::kUdfFunction), req.function});
        m.fields.push_back({static_cast<uint8_t>(FieldType::kUdfArglist), req.arglist});
      }
      pending.writes.push_back(std::move(m));
    }
  }
  run.job.running = true;
  run.job.planned = pending.writes.size();
  pending_.push_back(std::move(pending));
  return 0;
}

Job* Service::job_of(size_t node, uint64_t trid) {
  auto it = jobs_.find(node);
  if (it == jobs_.end()) return nullptr;
  for (auto& j : it->second)
    if (j.trid == trid) return &j;
  return nullptr;
}

int Service::tick(uint64_t now_ms) {
  int64_t next = -1;
  for (auto p = pending_.begin(); p != pending_.end();) {
    Job* job = job_of(p->node, p->trid);
    // The k-th write (from 0) is due k / rps seconds after the start.
    auto due = [&](size_t k) { return p->start_ms + uint64_t{k} * 1000 / p->rps; };
    while (p->next < p->writes.size() && due(p->next) <= now_ms) {
      const Message reply = store_.execute(p->writes[p->next++], server_now());
      if (job) ++(reply.result_code == 0 ? job->succeeded : job->failed);
    }
    if (p->next == p->writes.size()) {
      if (job) {
        job->running = false;
        job->finish_ms = now_ms;
      }
      p = pending_.erase(p);
      continue;
    }
    const auto wait = static_cast<int64_t>(due(p->next) - now_ms);
    if (next < 0 || wait < next) next = wait;
    ++p;
  }
  return static_cast<int>(next);
}

namespace {

const char* type_name(Kind k) {
  switch (k) {
    case Kind::kBasic: return "basic";
    case Kind::kAggregate: return "aggregation";
    case Kind::kUdfBackground: return "background-udf";
    case Kind::kOpsBackground: return "background-ops";
  }
  return "?";
}

std::string job_line(const Job& j, uint64_t now_ms) {
  const bool done = !j.running && now_ms >= j.finish_ms;
  const uint64_t span = j.finish_ms - j.start_ms;
  double progress = 100.0;
  if (j.running && j.planned != 0)
    progress = 100.0 * static_cast<double>(j.succeeded + j.failed) / static_cast<double>(j.planned);
  else if (!done && span != 0)
    progress = 100.0 * static_cast<double>(now_ms - j.start_ms) / static_cast<double>(span);
  std::string out = fmt::format("trid={}:ns={}", j.trid, j.ns);
  if (!j.set.empty()) out += ":set=" + j.set;
  if (!j.sindex.empty()) out += ":sindex-name=" + j.sindex;
  if (j.n_pids_requested != 0)
    out += fmt::format(":n-pids-requested={}:n-keyds-requested={}", j.n_pids_requested,
                       j.n_keyds_requested);
  out += fmt::format(
      ":rps={}:active-threads={}:status={}(ok):job-progress={:.2f}:run-time={}:time-since-done={}"
      ":recs-throttled={}:recs-filtered-meta=0:recs-filtered-bins={}:recs-succeeded={}:recs-failed="
      "{}"
      ":from=127.0.0.1:job-type={}:net-io-bytes={}",
      j.rps, done ? 0 : 1, done ? "done" : "active", progress,
      (done ? j.finish_ms : now_ms) - j.start_ms, done ? now_ms - j.finish_ms : 0,
      j.rps != 0 ? j.succeeded : 0, j.filtered_bins, j.succeeded, j.failed, type_name(j.kind),
      j.net_io_bytes);
  if (j.kind == Kind::kBasic)
    out += fmt::format(":net-io-time=0:socket-timeout={}",
                       j.socket_timeout < 0 ? 0 : j.socket_timeout);
  else out += fmt::format(":socket-timeout=10000:ops-active=0");
  return out;
}

}  // namespace

std::optional<std::string> Service::info_command(size_t node, const std::string& name,
                                                 const std::string& params, uint64_t now_ms) const {
  if (name != "query-show") return std::nullopt;
  static const std::deque<Job> kNone;
  auto it = jobs_.find(node);
  const std::deque<Job>& list = it == jobs_.end() ? kNone : it->second;
  auto id = param(params, "id");
  if (!id) id = param(params, "trid");
  if (!id || id->empty()) {
    // Active jobs first, then finished ones, newest first in each.
    std::string out;
    for (bool active : {true, false})
      for (auto j = list.rbegin(); j != list.rend(); ++j)
        if ((j->running || now_ms < j->finish_ms) == active)
          out += (out.empty() ? "" : ";") + job_line(*j, now_ms);
    return out;
  }
  uint64_t trid = 0;
  auto [p, ec] = std::from_chars(id->data(), id->data() + id->size(), trid);
  if (ec != std::errc() || p != id->data() + id->size() || trid == 0) return "ERROR:4:bad id";
  for (const auto& j : list)
    if (j.trid == trid) return job_line(j, now_ms);
  return "ERROR:2:job not found";
}

}  // namespace asim::query
