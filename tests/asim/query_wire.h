// Shared by the scan and query tests: requests laid out field by field as
// the 7.4.0 encoder (as_scan_command_init / as_query_command_init) writes
// them, and answers split back into their messages, frame by frame and
// message by message, with no help from asim's own encoder.
#pragma once

#include "cluster.h"
#include "proto/message.h"
#include "query_service.h"
#include "record_store.h"

#include <cstdint>
#include <string>
#include <vector>

namespace qtest {

namespace proto = aeroshim::proto;

inline uint8_t ft(proto::FieldType t) { return static_cast<uint8_t>(t); }

inline std::string be32(uint32_t v) {
  return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                     static_cast<char>(v >> 8), static_cast<char>(v)};
}
inline std::string be64(uint64_t v) {
  return be32(static_cast<uint32_t>(v >> 32)) + be32(static_cast<uint32_t>(v));
}
inline std::string le16(uint16_t v) {
  return std::string{static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)};
}
inline std::string le64(uint64_t v) {
  std::string out;
  for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
  return out;
}

inline uint32_t get_be32(const std::string& s, size_t at) {
  return (static_cast<uint32_t>(static_cast<uint8_t>(s[at])) << 24) |
         (static_cast<uint32_t>(static_cast<uint8_t>(s[at + 1])) << 16) |
         (static_cast<uint32_t>(static_cast<uint8_t>(s[at + 2])) << 8) |
         static_cast<uint8_t>(s[at + 3]);
}

// A foreground scan as the 7.4.0 client lays it out: info1 READ, info3
// PARTITION_DONE, namespace, set, socket timeout, task id, then the
// partition arrays.
inline proto::Message scan_request(const std::string& ns, const std::string& set,
                                   const std::vector<uint16_t>& pids, uint64_t task_id = 0) {
  proto::Message m;
  m.info1 = proto::kInfo1Read;
  m.info3 = proto::kInfo3PartitionDone;
  m.fields.push_back({ft(proto::FieldType::kNamespace), ns});
  if (!set.empty()) m.fields.push_back({ft(proto::FieldType::kSet), set});
  m.fields.push_back({ft(proto::FieldType::kSocketTimeout), be32(30000)});
  m.fields.push_back({ft(proto::FieldType::kTaskId), be64(task_id)});
  std::string array;
  for (uint16_t p : pids) array += le16(p);
  if (!pids.empty()) m.fields.push_back({ft(proto::FieldType::kPartitionIdArray), array});
  return m;
}

inline std::vector<uint16_t> all_partitions() {
  std::vector<uint16_t> out;
  for (uint16_t p = 0; p < 4096; ++p) out.push_back(p);
  return out;
}

// The messages of an answer, in order, split from its frames.
inline std::vector<proto::Message> messages(const std::string& frames) {
  std::vector<proto::Message> out;
  size_t at = 0;
  while (at + 8 <= frames.size()) {
    uint64_t size = 0;
    for (int i = 2; i < 8; ++i) size = (size << 8) | static_cast<uint8_t>(frames[at + i]);
    const std::string body = frames.substr(at + 8, size);
    at += 8 + size;
    size_t pos = 0;
    while (pos + 22 <= body.size()) {
      const size_t start = pos;
      const auto n_fields = static_cast<uint16_t>((static_cast<uint8_t>(body[pos + 18]) << 8) |
                                                  static_cast<uint8_t>(body[pos + 19]));
      const auto n_ops = static_cast<uint16_t>((static_cast<uint8_t>(body[pos + 20]) << 8) |
                                               static_cast<uint8_t>(body[pos + 21]));
      pos += 22;
      for (uint32_t i = 0; i < uint32_t{n_fields} + n_ops && pos + 4 <= body.size(); ++i)
        pos += 4 + get_be32(body, pos);
      auto m = proto::parse_message(std::string_view(body).substr(start, pos - start));
      if (!m) return out;
      out.push_back(*m);
    }
  }
  return out;
}

inline std::vector<proto::Message> messages(const std::vector<asim::query::Piece>& pieces) {
  std::string all;
  for (const auto& p : pieces) all += p.bytes;
  return messages(all);
}

inline const proto::Field* field(const proto::Message& m, proto::FieldType t) { return m.field(t); }

// A cluster of `nodes` running nodes with namespace "test" (replication 2).
inline asim::Options options(int nodes) {
  asim::Options o;
  o.nodes = nodes;
  o.port = 4000;
  o.namespaces = {{"test", 2, false}};
  return o;
}

inline proto::Op put_int(const std::string& name, int64_t v) {
  return proto::Op{static_cast<uint8_t>(proto::OpType::kWrite),
                   static_cast<uint8_t>(proto::ParticleType::kInteger), name,
                   proto::be_u64(static_cast<uint64_t>(v))};
}
inline proto::Op put(uint8_t particle, const std::string& name, const std::string& v) {
  return proto::Op{static_cast<uint8_t>(proto::OpType::kWrite), particle, name, v};
}

// Writes a record whose digest is `digest` with `ops` in `set`, key stored.
inline void write(asim::RecordStore& store, const std::string& digest, const std::string& set,
                  std::vector<proto::Op> ops, const std::string& key = "") {
  proto::Message m;
  m.info2 = proto::kInfo2Write;
  m.fields.push_back({ft(proto::FieldType::kNamespace), "test"});
  if (!set.empty()) m.fields.push_back({ft(proto::FieldType::kSet), set});
  if (!key.empty()) m.fields.push_back({ft(proto::FieldType::kKey), key});
  m.fields.push_back({ft(proto::FieldType::kDigest), digest});
  m.ops = std::move(ops);
  store.execute(m, asim::server_now());
}

// A digest in partition `pid` whose remaining bytes are `fill` then `tag`.
inline std::string digest_in(uint16_t pid, char fill, uint8_t tag) {
  std::string d(20, fill);
  d[0] = static_cast<char>(pid & 0xFF);
  d[1] = static_cast<char>(((pid >> 8) & 0x0F) | (static_cast<uint8_t>(fill) & 0xF0));
  d[19] = static_cast<char>(tag);
  return d;
}

}  // namespace qtest
