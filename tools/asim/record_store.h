// The cluster's records: one logical store, as if every node saw the same
// data (replication is not simulated). Executes single-record messages and
// builds the answer a server would send.
#pragma once

#include "proto/message.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace asim {

struct Bin {
  std::string name;
  uint8_t particle_type = 0;
  std::string value;
};

struct Record {
  uint32_t generation = 0;
  uint32_t void_time = 0;  // seconds since 2010-01-01 UTC; 0: never expires
  std::vector<Bin> bins;
};

class RecordStore {
 public:
  // `now` is seconds since 2010-01-01 UTC (the server's epoch).
  aeroshim::proto::Message execute(const aeroshim::proto::Message& request, uint32_t now);
  size_t size() const { return records_.size(); }

 private:
  aeroshim::proto::Message read(const aeroshim::proto::Message& request, const std::string& key, uint32_t now);
  aeroshim::proto::Message write(const aeroshim::proto::Message& request, const std::string& key, uint32_t now);
  Record* live(const std::string& key, uint32_t now);

  std::unordered_map<std::string, Record> records_;
};

// Seconds since the server's epoch (2010-01-01 00:00:00 UTC).
uint32_t server_now();

}  // namespace asim
