// A scan or query message (a message with no digest field) read into what
// the server's query start takes from it: the kind of job, the partitions
// and resume points, the index predicate, the limits and the projection.
// Every size is checked before it is trusted, as the server's field getters
// do; a field it would refuse makes the whole request PARAMETER.
#pragma once

#include "proto/message.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace asim::query {

inline constexpr uint32_t kPartitions = 4096;

enum class Kind { kBasic, kAggregate, kUdfBackground, kOpsBackground };

// Index types as the INDEX_TYPE field carries them.
enum class IndexType : uint8_t { kDefault = 0, kList = 1, kMapKeys = 2, kMapValues = 3 };

// The INDEX_RANGE field and the fields that pick its index.
struct Predicate {
  std::string bin;    // empty when an index name or expression picks the index
  uint8_t ktype = 0;  // particle type: 1 integer, 3 string, 4 blob, 23 GeoJSON
  int64_t begin = 0;  // integers: the inclusive range
  int64_t end = 0;
  std::string value;  // strings and blobs: the equal value; GeoJSON: the text
  IndexType itype = IndexType::kDefault;
  std::string context;     // INDEX_CONTEXT, raw msgpack; empty: none
  std::string expression;  // INDEX_EXPRESSION, raw; empty: none
  std::string index_name;  // INDEX_NAME; empty: none
  bool is_range() const { return ktype == 1 ? begin != end : ktype == 23; }
};

struct PartitionRequest {
  bool requested = false;
  bool has_resume = false;
  std::string digest;  // resume after this digest (20 bytes)
  int64_t bval = 0;    // and, for an index query, this index value
};

struct Request {
  Kind kind = Kind::kBasic;
  std::string ns;
  std::string set;                           // empty: every set
  uint64_t trid = 0;                         // TASK_ID; 0: none sent
  uint32_t rps = 0;                          // 0: unpaced
  int32_t socket_timeout = -1;               // ms; -1: none (the server's reading of 0)
  uint64_t max_records = 0;                  // 0: no bound
  bool has_partitions = false;               // PID_ARRAY or DIGEST_ARRAY sent
  std::vector<PartitionRequest> partitions;  // by partition id, when has_partitions
  uint16_t n_pids_requested = 0;
  uint16_t n_keyds_requested = 0;
  std::optional<Predicate> where;
  std::string filter;  // FILTER_EXPRESSION, raw; empty: none
  bool has_filter = false;
  bool no_bins = false;
  bool short_query = false;
  std::vector<aeroshim::proto::Op> ops;  // read projection, or the background write ops
  std::vector<std::string> bin_names;    // the deprecated QUERY_BINS list
  std::string module;                    // UDF module, function and msgpack arguments
  std::string function;
  std::string arglist;
};

// Reads `m` into `out`: 0, or the result code the server's job start
// answers (PARAMETER for a field it cannot read, UNSUPPORTED_FEATURE for a
// basic query without partitions or without the partition-done bit).
uint8_t parse_request(const aeroshim::proto::Message& m, Request& out);

// What a basic query reads once its index is found: socket timeout, max
// records and the projection (bin list or read ops). False: PARAMETER.
bool parse_basic_tail(const aeroshim::proto::Message& m, Request& out);

// Read ops as the server classes them (read, CDT, bit, HLL and expression
// reads).
bool is_read_op(uint8_t op);

}  // namespace asim::query
