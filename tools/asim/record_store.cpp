#include "record_store.h"

#include "bin_ops.h"
#include "filter_exp.h"
#include "udf_record.h"

#include <algorithm>
#include <chrono>
#include <ctime>

namespace asim {
namespace {

using aeroshim::proto::FieldType;
using aeroshim::proto::Message;
using aeroshim::proto::ParticleType;
using aeroshim::proto::ResultCode;
namespace proto = aeroshim::proto;

constexpr uint32_t kNeverExpire = 0xFFFFFFFF;
constexpr uint32_t kKeepTtl = 0xFFFFFFFE;
constexpr uint32_t kMaxTtl = 3600u * 24 * 365 * 10;  // the server's MAX_ALLOWED_TTL
constexpr uint32_t kNeverTouch = 0xFFFFFFFF;         // read-touch-ttl-percent "never"
// Memory namespaces of an 8.x server refuse records above write-block-size
// (1 MiB by default); asim counts bin names and values, a close bound.
constexpr size_t kMaxRecordBytes = size_t{1024} * 1024;

constexpr uint8_t code(ResultCode c) { return static_cast<uint8_t>(c); }

// The server's bound on a record UDF's module and function names.
constexpr size_t kUdfMaxName = 128;
constexpr uint8_t kUdfError = 100;
// transaction-max-ms: the server's bound on a UDF whose message sets none.
constexpr uint64_t kUdfDefaultTimeoutMs = 1000;

// A reply carrying the record's metadata, as the server's answers do even
// for most refusals.
Message reply(uint8_t result, const Record* r = nullptr) {
  Message m;
  m.result_code = result;
  if (r) {
    m.generation = r->generation;
    m.record_ttl = r->void_time;
  }
  return m;
}

// A sent key the server cannot store: empty, or an integer key whose flat
// form (type byte, 8 bytes) has the wrong size.
bool bad_key(const std::string& key) {
  if (key.empty()) return true;
  return static_cast<uint8_t>(key[0]) == static_cast<uint8_t>(ParticleType::kInteger) &&
         key.size() != 9;
}

bool key_mismatch(const Record& r, const proto::Field* sent) {
  return sent && !r.key.empty() && sent->data != r.key;
}

// The verdict of the request's filter expression on a record that exists
// (0 when it passes or there is none). The server builds and applies the
// filter only to an existing live record, so a filter on a missing record
// (even a malformed one) changes nothing.
uint8_t filter_verdict(const Message& request, const Record& r, const std::string& id,
                       uint32_t now) {
  const auto* f = request.field(FieldType::kFilterExpression);
  if (!f) return 0;
  const std::string_view digest = std::string_view(id).substr(id.size() - 20);
  return filter::evaluate(f->data, r, digest, now);
}

std::string sent_set(const Message& m) {
  const auto* f = m.field(FieldType::kSet);
  return f ? f->data : std::string();
}

// Reads and deletes may leave the set out; a set they do send must be the
// record's. A write to an existing record must name exactly its set.
bool set_mismatch(const Record& r, const Message& m, bool is_update) {
  const std::string set = sent_set(m);
  if (set.empty()) return is_update && !r.set.empty();
  return set != r.set;
}

// What a write checks of the record it would change, UDFs included: its
// set, and the key stored or sent (KEY_MISMATCH, or PARAMETER for a key the
// server cannot store). 0 when nothing conflicts.
uint8_t identity_conflict(const Record* existing, const Message& request) {
  if (existing && set_mismatch(*existing, request, true)) return code(ResultCode::kParameter);
  const auto* key = request.field(FieldType::kKey);
  if (existing && key_mismatch(*existing, key)) return code(ResultCode::kKeyMismatch);
  if (key && (!existing || existing->key.empty()) && bad_key(key->data))
    return code(ResultCode::kParameter);
  return 0;
}

bool ttl_valid(uint32_t ttl) { return ttl <= kMaxTtl || ttl == kNeverExpire || ttl == kKeepTtl; }

// nsup-period 0 (with allow-ttl-without-nsup false) refuses any write that
// would give the record an expiry.
bool ttl_forbidden(uint32_t ttl, const NamespaceConfig& ns) {
  const bool expires = static_cast<int32_t>(ttl) > 0 || (ttl == 0 && ns.default_ttl != 0);
  return expires && ns.nsup_period == 0;
}

uint32_t void_time_for(uint32_t ttl, const Record& r, const NamespaceConfig& ns, uint32_t now) {
  if (ttl == kNeverExpire) return 0;
  if (ttl == kKeepTtl) return r.void_time;
  if (ttl == 0) return ns.default_ttl ? now + ns.default_ttl : 0;
  return now + ttl;
}

size_t record_bytes(const Record& r) {
  size_t n = r.key.size();
  for (const auto& b : r.bins) n += b.name.size() + b.value.size();
  return n;
}

}  // namespace

uint32_t server_now() {
  constexpr time_t kEpoch2010 = 1262304000;
  return static_cast<uint32_t>(time(nullptr) - kEpoch2010);
}

uint64_t server_now_ms() {
  constexpr int64_t kEpoch2010Ms = int64_t{1262304000} * 1000;
  const auto since_unix = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::system_clock::now().time_since_epoch());
  return static_cast<uint64_t>(since_unix.count() - kEpoch2010Ms);
}

void RecordStore::stamp(Record& r, uint32_t now) const {
  r.last_update = now;
  r.last_update_ms = clock_ms_();
}

const std::vector<SetState>& RecordStore::sets(const std::string& ns) const {
  static const std::vector<SetState> kNone;
  auto it = sets_.find(ns);
  return it == sets_.end() ? kNone : it->second;
}

void RecordStore::remember_set(const std::string& ns, const std::string& set) {
  if (set.empty()) return;
  auto& sets = sets_[ns];
  for (const auto& s : sets)
    if (s.name == set) return;
  sets.push_back(SetState{set, 0});
}

const std::vector<std::string>& RecordStore::bin_names(const std::string& ns) const {
  static const std::vector<std::string> kNone;
  auto it = bin_names_.find(ns);
  return it == bin_names_.end() ? kNone : it->second;
}

void RecordStore::remember_bins(const std::string& ns, const Record& r) {
  auto& names = bin_names_[ns];
  for (const auto& bin : r.bins)
    if (std::find(names.begin(), names.end(), bin.name) == names.end()) names.push_back(bin.name);
}

uint64_t RecordStore::count(const std::string& ns, const std::string* set, uint32_t now) const {
  uint64_t n = 0;
  for (const auto& [id, r] : records_) {
    if (id.compare(0, ns.size() + 1, ns + '\0') != 0 || (set && r.set != *set)) continue;
    if (r.void_time == 0 || r.void_time > now) ++n;
  }
  return n;
}

std::vector<std::pair<std::string, const Record*>> RecordStore::live_records(const std::string& ns,
                                                                             uint32_t now) const {
  std::vector<std::pair<std::string, const Record*>> out;
  for (const auto& [id, r] : records_) {
    if (id.size() != ns.size() + 21 || id.compare(0, ns.size() + 1, ns + '\0') != 0) continue;
    if (r.void_time == 0 || r.void_time > now) out.emplace_back(id.substr(ns.size() + 1), &r);
  }
  return out;
}

void RecordStore::truncate_undo(const std::string& ns, const std::string& set) {
  for (auto& s : sets_[ns])
    if (s.name == set) s.truncate_lut = 0;
}

size_t RecordStore::truncate(const std::string& ns, const std::string* set, uint64_t cut_ms) {
  // A set never written to is left alone, as the server ignores a truncate
  // of a set it does not know; a cut never moves back.
  if (set) {
    for (auto& s : sets_[ns])
      if (s.name == *set) s.truncate_lut = std::max(s.truncate_lut, cut_ms);
  }
  size_t removed = 0;
  for (auto it = records_.begin(); it != records_.end();) {
    const bool in_scope =
        it->first.compare(0, ns.size() + 1, ns + '\0') == 0 && (!set || it->second.set == *set);
    if (in_scope && it->second.last_update_ms < cut_ms) {
      it = records_.erase(it);
      ++removed;
    } else {
      ++it;
    }
  }
  return removed;
}

NamespaceConfig RecordStore::config(const std::string& ns) const {
  auto it = configs_.find(ns);
  return it == configs_.end() ? NamespaceConfig{} : it->second;
}

Record* RecordStore::live(const std::string& id, uint32_t now) {
  auto it = records_.find(id);
  if (it == records_.end()) return nullptr;
  if (it->second.void_time != 0 && it->second.void_time <= now) {
    records_.erase(it);
    return nullptr;
  }
  return &it->second;
}

const Record* RecordStore::find(const std::string& ns, std::string_view digest,
                               uint32_t now) const {
  std::string id = ns;
  id += '\0';
  id += digest;
  auto it = records_.find(id);
  if (it == records_.end()) return nullptr;
  const Record& r = it->second;
  return r.void_time != 0 && r.void_time <= now ? nullptr : &r;
}

Message RecordStore::execute(const Message& request, uint32_t now) {
  // The server answers a missing namespace field as an unknown namespace,
  // and uses the zero digest when the digest field is absent.
  const auto* ns = request.field(FieldType::kNamespace);
  if (!ns) return reply(code(ResultCode::kNamespace));
  const auto* digest = request.field(FieldType::kDigest);
  if (digest && digest->data.size() != 20) return reply(code(ResultCode::kParameter));
  Target t{ns->data, ns->data};
  t.id += '\0';
  t.id += digest ? digest->data : std::string(20, '\0');
  if (request.info2 & proto::kInfo2Write) {
    if (request.field(FieldType::kUdfPackageName)) return apply_udf(request, t, now);
    if (request.info2 & proto::kInfo2Delete) return remove(request, t, now);
    return write(request, t, now);
  }
  if (request.info1 & proto::kInfo1Read) return read(request, t, now);
  return reply(code(ResultCode::kParameter));
}

Message RecordStore::remove(const Message& request, const Target& t, uint32_t now) {
  Record* r = live(t.id, now);
  if (!r) return reply(code(ResultCode::kNotFound));
  if ((request.info2 & proto::kInfo2Generation) && request.generation != r->generation)
    return reply(code(ResultCode::kGeneration));
  if ((request.info2 & proto::kInfo2GenerationGreater) && request.generation <= r->generation)
    return reply(code(ResultCode::kGeneration));
  if (set_mismatch(*r, request, false)) return reply(code(ResultCode::kParameter));
  if (const uint8_t rc = filter_verdict(request, *r, t.id, now)) return reply(rc);
  if (key_mismatch(*r, request.field(FieldType::kKey)))
    return reply(code(ResultCode::kKeyMismatch));
  // Durable deletes leave a tombstone on a server; to a reader the record is
  // gone either way.
  records_.erase(t.id);
  return reply(code(ResultCode::kOk));
}

Message RecordStore::read(const Message& request, const Target& t, uint32_t now) {
  Record* r = live(t.id, now);
  if (!r) return reply(code(ResultCode::kNotFound));
  if (set_mismatch(*r, request, false)) return reply(code(ResultCode::kParameter), r);
  // record_ttl of a read is read-touch-ttl-percent: 0 the namespace default
  // (asim's is 0: never touch), 0xFFFFFFFF never, 1..100 a percentage.
  const uint32_t pct = request.record_ttl;
  if (pct != kNeverTouch && pct > 100) return reply(code(ResultCode::kParameter), r);
  if (const uint8_t rc = filter_verdict(request, *r, t.id, now)) return reply(rc, r);
  if (key_mismatch(*r, request.field(FieldType::kKey)))
    return reply(code(ResultCode::kKeyMismatch), r);
  Message m = reply(code(ResultCode::kOk), r);
  if (!(request.info1 & proto::kInfo1NoBinData)) {
    if (request.info1 & proto::kInfo1GetAll) {
      for (const auto& b : r->bins)
        m.ops.push_back(proto::Op{static_cast<uint8_t>(proto::OpType::kRead), b.particle_type,
                                  b.name, b.value});
    } else if (const uint8_t rc = apply_read_ops(request, *r, m.ops)) {
      return reply(rc, r);
    }
  }
  // The server queues the touch and answers the read with the metadata it
  // had; the touch rewrites the record with the TTL it was last written with.
  if (pct != 0 && pct != kNeverTouch && r->void_time != 0) {
    const uint32_t write_ttl = r->void_time - r->last_update;
    const uint32_t threshold = static_cast<uint32_t>(uint64_t{write_ttl} * pct / 100);
    if (now >= r->void_time - threshold) {
      r->void_time = now + write_ttl;
      stamp(*r, now);
      r->generation = static_cast<uint16_t>(r->generation + 1) == 0 ? 1 : r->generation + 1;
    }
  }
  return m;
}

Message RecordStore::write(const Message& request, const Target& t, uint32_t now) {
  WritePolicy policy;
  if (const uint8_t rc = check_write_ops(request, policy)) return reply(rc);
  Record* existing = live(t.id, now);
  if (policy.must_not_create && !existing) return reply(code(ResultCode::kNotFound));
  if (existing && (request.info2 & proto::kInfo2CreateOnly))
    return reply(code(ResultCode::kExists), existing);
  if (existing && (request.info2 & proto::kInfo2Generation) &&
      request.generation != existing->generation)
    return reply(code(ResultCode::kGeneration), existing);
  if (existing && (request.info2 & proto::kInfo2GenerationGreater) &&
      request.generation <= existing->generation)
    return reply(code(ResultCode::kGeneration), existing);
  if (existing && set_mismatch(*existing, request, true))
    return reply(code(ResultCode::kParameter), existing);
  if (existing) {
    if (const uint8_t rc = filter_verdict(request, *existing, t.id, now))
      return reply(rc, existing);
  }
  if (const uint8_t rc = identity_conflict(existing, request)) return reply(rc, existing);

  // "Keep the TTL" means the namespace default for a record being created.
  const uint32_t ttl = request.record_ttl == kKeepTtl && !existing ? 0 : request.record_ttl;
  const NamespaceConfig ns = config(t.ns);
  if (!ttl_valid(ttl)) return reply(code(ResultCode::kParameter), existing);
  if (ttl_forbidden(ttl, ns)) return reply(code(ResultCode::kForbidden), existing);

  // Work on a copy so a failing op leaves the stored record untouched.
  Record next = existing ? *existing : Record{};
  if (policy.is_replace) next.bins.clear();
  Message out;
  if (const uint8_t rc = apply_write_ops(request, next, out.ops)) return reply(rc, existing);
  if (next.bins.empty()) {
    // Every bin gone: the write is a delete, of nothing if nothing was there.
    if (!existing || existing->bins.empty()) return reply(code(ResultCode::kNotFound));
    records_.erase(t.id);
    Message m = reply(code(ResultCode::kOk));
    m.ops = std::move(out.ops);
    return m;
  }
  const auto* key = request.field(FieldType::kKey);
  if (key && next.key.empty()) next.key = key->data;
  if (!existing) next.set = sent_set(request);
  if (record_bytes(next) > kMaxRecordBytes) return reply(code(ResultCode::kRecordTooBig), existing);
  next.void_time = void_time_for(ttl, next, ns, now);
  stamp(next, now);
  // The index keeps 16 bits of generation and skips 0 when it wraps.
  next.generation = static_cast<uint16_t>(next.generation + 1) == 0 ? 1 : next.generation + 1;
  remember_set(t.ns, next.set);
  remember_bins(t.ns, next);
  Record& stored = records_[t.id];
  stored = std::move(next);
  Message m = reply(code(ResultCode::kOk), &stored);
  m.ops = std::move(out.ops);
  return m;
}

// A record UDF, as the server's udf transaction applies one: policies it
// forbids, the record's set and key checked as for a write, the function
// run, and its applied changes stored as a write would store them.
Message RecordStore::apply_udf(const Message& request, const Target& t, uint32_t now) {
  const bool forbidden_policy =
      (request.info2 &
       (proto::kInfo2Generation | proto::kInfo2GenerationGreater | proto::kInfo2CreateOnly)) ||
      (request.info3 &
       (proto::kInfo3UpdateOnly | proto::kInfo3CreateOrReplace | proto::kInfo3ReplaceOnly));
  if (forbidden_policy) return reply(code(ResultCode::kParameter));
  const auto* package = request.field(FieldType::kUdfPackageName);
  const auto* function = request.field(FieldType::kUdfFunction);
  const auto* arglist = request.field(FieldType::kUdfArglist);
  if (!function || !arglist || package->data.size() >= kUdfMaxName ||
      function->data.size() >= kUdfMaxName)
    return reply(code(ResultCode::kParameter));
  Record* existing = live(t.id, now);
  if (existing && set_mismatch(*existing, request, true))
    return reply(code(ResultCode::kParameter), existing);
  if (existing) {
    if (const uint8_t rc = filter_verdict(request, *existing, t.id, now))
      return reply(rc, existing);
  }
  if (const uint8_t rc = identity_conflict(existing, request)) return reply(rc, existing);

  UdfCall call;
  call.package = package->data;
  call.function = function->data;
  call.arglist = arglist->data;
  call.existing = existing;
  call.digest = t.id.substr(t.ns.size() + 1);
  call.now = now;
  const uint64_t timeout = request.transaction_ttl ? request.transaction_ttl : kUdfDefaultTimeoutMs;
  // now_ms() truncates: one more keeps the bound at least as long as asked.
  call.deadline_ms = udf::now_ms() + timeout + 1;
  UdfOutcome out = run_record_udf(udf_modules_, request, call);
  switch (out.kind) {
    case UdfOutcome::Kind::kLuaError: {
      Message m = reply(kUdfError, existing);
      m.ops.push_back(proto::Op{static_cast<uint8_t>(proto::OpType::kRead), out.particle_type,
                                "FAILURE", out.value});
      return m;
    }
    case UdfOutcome::Kind::kFailed: return reply(out.result_code, existing);
    case UdfOutcome::Kind::kRead: {
      Message m = reply(code(ResultCode::kOk), existing);
      m.ops.push_back(proto::Op{static_cast<uint8_t>(proto::OpType::kRead), out.particle_type,
                                "SUCCESS", out.value});
      return m;
    }
    case UdfOutcome::Kind::kWrite: break;
  }
  return store_udf_write(t, out, existing, now);
}

Message RecordStore::store_udf_write(const Target& t, UdfOutcome& out, const Record* existing,
                                     uint32_t now) {
  // "Keep the TTL" means the namespace default for a record the UDF created.
  const uint32_t ttl = out.ttl == kKeepTtl && out.old_bins == 0 ? 0 : out.ttl;
  const NamespaceConfig ns = config(t.ns);
  if (!ttl_valid(ttl)) return reply(code(ResultCode::kParameter), existing);
  if (ttl_forbidden(ttl, ns)) return reply(code(ResultCode::kForbidden), existing);
  const proto::Op success{static_cast<uint8_t>(proto::OpType::kRead), out.particle_type, "SUCCESS",
                          out.value};
  Record next = std::move(out.record);
  if (next.bins.empty()) {
    // Every bin gone: the UDF deleted the record, or created nothing.
    if (out.old_bins == 0 || !existing) return reply(code(ResultCode::kNotFound), existing);
    records_.erase(t.id);
    Message m = reply(code(ResultCode::kOk));
    m.ops.push_back(success);
    return m;
  }
  if (record_bytes(next) > kMaxRecordBytes) return reply(code(ResultCode::kRecordTooBig), existing);
  next.void_time = void_time_for(ttl, next, ns, now);
  stamp(next, now);
  next.generation = static_cast<uint16_t>(next.generation + 1) == 0 ? 1 : next.generation + 1;
  remember_set(t.ns, next.set);
  remember_bins(t.ns, next);
  Record& stored = records_[t.id];
  stored = std::move(next);
  Message m = reply(code(ResultCode::kOk), &stored);
  m.ops.push_back(success);
  return m;
}

}  // namespace asim
