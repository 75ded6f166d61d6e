// The rows of a batch-index request: the BATCH_INDEX field (41) of a message
// whose info1 carries BATCH_INDEX, read as an Aerospike 8 server reads it.
// Each row becomes a single-record message the record store can execute.
#pragma once

#include "proto/message.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace asim::batch {

// The batch field's flags byte.
inline constexpr uint8_t kInlineInMemory = 0x1;
inline constexpr uint8_t kInlineOnDevice = 0x2;
inline constexpr uint8_t kReportAllErrors = 0x4;  // the client's respond_all_keys
inline constexpr uint8_t kReportErrorRow = 0x8;   // the row in error is still answered

struct Row {
  uint32_t index = 0;  // the client's offset of the key, echoed in transaction_ttl
  std::string digest;  // 20 bytes
  size_t message = 0;  // into Request::messages: the row's own, or the one it repeats
};

struct Request {
  uint8_t flags = 0;
  uint32_t declared = 0;  // rows the field claims
  std::vector<Row> rows;  // the rows read before the end or the first bad one
  // One message per full row: header bits, generation, ttl, fields
  // (namespace first) and ops; a row's digest is added when it runs.
  std::vector<aeroshim::proto::Message> messages;
  // False when fewer rows than declared could be read: the server then
  // ends the batch with PARAMETER after the rows it did read.
  bool complete() const { return rows.size() == declared; }
};

// Reads `field` (the BATCH_INDEX field's data) of `parent`. A row naming a
// namespace `known` refuses stops the reading, as a malformed one does.
// Returns false when the field cannot even hold its count and flags.
bool parse_rows(std::string_view field, const aeroshim::proto::Message& parent,
                const std::function<bool(const std::string&)>& known, Request& out);

}  // namespace asim::batch
