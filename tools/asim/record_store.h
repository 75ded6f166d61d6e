// The cluster's records: one logical store, as if every node saw the same
// data (replication is not simulated). Executes single-record messages and
// builds the answer an Aerospike 8 server would send.
#pragma once

#include "proto/message.h"
#include "sindex_catalog.h"
#include "udf_modules.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace asim {

struct Bin {
  std::string name;
  uint8_t particle_type = 0;
  std::string value;  // the wire form the server answers with
};

struct Record {
  uint32_t generation = 0;
  uint32_t void_time = 0;    // seconds since 2010-01-01 UTC; 0: never expires
  uint32_t last_update = 0;  // seconds since 2010-01-01 UTC of the last write or touch
  uint64_t last_update_ms = 0;  // the same instant in milliseconds, which truncate compares
  std::string key;           // the KEY field the record was written with; empty: none stored
  std::string set;           // the set it was created in; empty: none
  std::vector<Bin> bins;
};

struct UdfOutcome;

// Seconds since the server's epoch (2010-01-01 00:00:00 UTC).
uint32_t server_now();
// Milliseconds since the server's epoch.
uint64_t server_now_ms();

// The namespace settings that change what a write may do, named as in the
// server's configuration.
struct NamespaceConfig {
  // 0 means a server whose nsup never runs (and allow-ttl-without-nsup is
  // false): writes that would give a record an expiry are FORBIDDEN.
  uint32_t nsup_period = 120;
  uint32_t default_ttl = 0;  // seconds; 0: records never expire by default
};

// A set a record has been stored in: the server keeps it, emptied or not,
// until restart.
struct SetState {
  std::string name;
  uint64_t truncate_lut = 0;  // ms since 2010 of the set's last truncate; 0: none
};

class RecordStore {
 public:
  // `now` is seconds since 2010-01-01 UTC (the server's epoch).
  aeroshim::proto::Message execute(const aeroshim::proto::Message& request, uint32_t now);
  size_t size() const { return records_.size(); }
  // The record `digest` names in `ns` when it exists and has not expired at
  // `now`, for checks made before a command runs (a batch row's filter).
  const Record* find(const std::string& ns, std::string_view digest, uint32_t now) const;

  void configure(const std::string& ns, const NamespaceConfig& config) { configs_[ns] = config; }
  NamespaceConfig config(const std::string& ns) const;

  // The registered UDF modules: one set for the whole cluster, as a server
  // cluster shares them through system metadata.
  udf::Modules& udf_modules() { return udf_modules_; }

  // The index definitions, likewise one catalog for the cluster.
  sindex::Catalog& sindexes() { return sindexes_; }
  const sindex::Catalog& sindexes() const { return sindexes_; }

  // The records of `ns` not expired at `now`, by digest, in no order. The
  // pointers stay valid until that record is written or removed.
  std::vector<std::pair<std::string, const Record*>> live_records(const std::string& ns,
                                                                  uint32_t now) const;

  // The records of `ns` (of its set `set` when given) not expired at `now`.
  uint64_t count(const std::string& ns, const std::string* set, uint32_t now) const;

  // Milliseconds since 2010-01-01 UTC, the clock last-update times use; a
  // test may replace it.
  uint64_t now_ms() const { return clock_ms_(); }
  void set_clock_ms(std::function<uint64_t()> clock) { clock_ms_ = std::move(clock); }

  // Removes the records of `ns` (of its set `set` when given) last updated
  // before `cut_ms`, as the server's truncate does; answers how many.
  size_t truncate(const std::string& ns, const std::string* set, uint64_t cut_ms);
  // Forgets a set's truncate time, as the server's truncate-undo does.
  void truncate_undo(const std::string& ns, const std::string& set);

  // The sets of `ns` in the order they were first written.
  const std::vector<SetState>& sets(const std::string& ns) const;
  // Adds `set` to its namespace's sets (a set index creates it too).
  void remember_set(const std::string& ns, const std::string& set);

  // Every bin name a stored record of `ns` has held, in the order they first
  // appeared: what a server before 7.0 kept in its bin-name table (names
  // stayed until restart, whatever became of the bins).
  const std::vector<std::string>& bin_names(const std::string& ns) const;

 private:
  struct Target {
    std::string ns;
    std::string id;  // namespace, NUL, digest
  };
  aeroshim::proto::Message read(const aeroshim::proto::Message& request, const Target& t,
                                uint32_t now);
  aeroshim::proto::Message write(const aeroshim::proto::Message& request, const Target& t,
                                 uint32_t now);
  aeroshim::proto::Message remove(const aeroshim::proto::Message& request, const Target& t,
                                  uint32_t now);
  aeroshim::proto::Message apply_udf(const aeroshim::proto::Message& request, const Target& t,
                                     uint32_t now);
  aeroshim::proto::Message store_udf_write(const Target& t, UdfOutcome& outcome,
                                           const Record* existing, uint32_t now);
  Record* live(const std::string& id, uint32_t now);
  void stamp(Record& r, uint32_t now) const;
  void remember_bins(const std::string& ns, const Record& r);

  std::unordered_map<std::string, Record> records_;
  std::map<std::string, NamespaceConfig> configs_;
  udf::Modules udf_modules_;
  sindex::Catalog sindexes_;
  std::map<std::string, std::vector<SetState>> sets_;
  std::map<std::string, std::vector<std::string>> bin_names_;
  std::function<uint64_t()> clock_ms_ = server_now_ms;
};


}  // namespace asim
