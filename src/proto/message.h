// Single-record messages (frame type 3): the 22-byte header, fields and
// operations, as the stock client sends them and the server answers them.
// Parsing never trusts a declared size; encoding is the exact inverse.
#pragma once

#include "core/status.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aeroshim::proto {

inline constexpr uint8_t kMessageHeaderSize = 22;

// info1 bits
inline constexpr uint8_t kInfo1Read = 1;
inline constexpr uint8_t kInfo1GetAll = 2;
inline constexpr uint8_t kInfo1ShortQuery = 4;
inline constexpr uint8_t kInfo1BatchIndex = 8;
inline constexpr uint8_t kInfo1NoBinData = 32;
inline constexpr uint8_t kInfo1ReadModeApAll = 64;
inline constexpr uint8_t kInfo1CompressResponse = 128;
// info2 bits
inline constexpr uint8_t kInfo2Write = 1;
inline constexpr uint8_t kInfo2Delete = 2;
inline constexpr uint8_t kInfo2Generation = 4;
inline constexpr uint8_t kInfo2GenerationGreater = 8;
inline constexpr uint8_t kInfo2DurableDelete = 16;
inline constexpr uint8_t kInfo2CreateOnly = 32;
inline constexpr uint8_t kInfo2RelaxApLongQuery = 64;
inline constexpr uint8_t kInfo2RespondAllOps = 128;
// info3 bits
inline constexpr uint8_t kInfo3Last = 1;  // the last message of a multi-message answer
inline constexpr uint8_t kInfo3CommitMaster = 2;
// Sent: the client takes partition-done markers (a server 8 refuses a basic
// query without it). Answered: the partition in the message's generation
// field is done, and with a result code (UNAVAILABLE) could not be served.
inline constexpr uint8_t kInfo3PartitionDone = 4;
inline constexpr uint8_t kInfo3UpdateOnly = 8;
inline constexpr uint8_t kInfo3CreateOrReplace = 16;
inline constexpr uint8_t kInfo3ReplaceOnly = 32;
inline constexpr uint8_t kInfo3ScReadType = 64;
inline constexpr uint8_t kInfo3ScReadRelax = 128;
// info4 bits
inline constexpr uint8_t kInfo4TxnOnLockingOnly = 16;

enum class FieldType : uint8_t {
  kNamespace = 0,
  kSet = 1,
  kKey = 2,
  kDigest = 4,
  kTaskId = 7,
  kSocketTimeout = 9,
  kRecordsPerSecond = 10,
  kPartitionIdArray = 11,
  kDigestArray = 12,
  kMaxRecords = 13,
  kBvalArray = 15,
  kIndexName = 21,
  kIndexRange = 22,
  kIndexContext = 23,
  kIndexExpression = 24,
  kIndexType = 26,
  kUdfPackageName = 30,
  kUdfFunction = 31,
  kUdfArglist = 32,
  kUdfOp = 33,
  kQueryBins = 40,
  kBatchIndex = 41,
  kFilterExpression = 43,
};

enum class OpType : uint8_t {
  kRead = 1,
  kWrite = 2,
  kCdtRead = 3,
  kCdtModify = 4,
  kIncrement = 5,
  kAppend = 9,
  kPrepend = 10,
  kTouch = 11,
  kDelete = 14,
};

enum class ParticleType : uint8_t {
  kNil = 0,
  kInteger = 1,
  kDouble = 2,
  kString = 3,
  kBlob = 4,
  // 7..12: language blobs (Java, C#, Python, Ruby, PHP, Erlang), stored as blobs
  kBool = 17,
  kHll = 18,
  kMap = 19,
  kList = 20,
  kGeoJson = 23,
};

// A particle type as the wire byte carries it.
constexpr uint8_t wire(ParticleType type) { return static_cast<uint8_t>(type); }

// Server result codes carried in the header's result_code byte.
enum class ResultCode : uint8_t {
  kOk = 0,
  kServerError = 1,
  kNotFound = 2,
  kGeneration = 3,
  kParameter = 4,
  kExists = 5,
  kTimeout = 9,
  kBinIncompatible = 12,
  kRecordTooBig = 13,
  kUnsupportedFeature = 16,
  kKeyMismatch = 19,
  kNamespace = 20,
  kBinName = 21,
  kForbidden = 22,
  kElementNotFound = 23,
  kElementExists = 24,
  kOpNotApplicable = 26,
  kFilteredOut = 27,
  kGeoInvalidGeoJson = 160,
};

struct Field {
  uint8_t type = 0;
  std::string data;
};

struct Op {
  uint8_t op = 0;
  uint8_t particle_type = 0;
  std::string name;  // < 256 bytes: its length is one byte on the wire
  std::string value;
};

struct Message {
  uint8_t info1 = 0;
  uint8_t info2 = 0;
  uint8_t info3 = 0;
  uint8_t info4 = 0;
  uint8_t result_code = 0;
  uint32_t generation = 0;
  uint32_t record_ttl = 0;
  uint32_t transaction_ttl = 0;
  std::vector<Field> fields;
  std::vector<Op> ops;

  const Field* field(FieldType type) const;
};

// Parses a frame body (everything after the 8-byte frame header).
Result<Message> parse_message(std::string_view body);

// Appends the frame header and body of `message` to `out`.
void encode_message(const Message& message, std::string& out);

// The partition a digest belongs to: the low 12 bits of its first two bytes,
// read little-endian.
inline uint32_t partition_of(std::string_view digest) {
  if (digest.size() < 2) return 0;
  return (static_cast<uint8_t>(digest[0]) |
          (static_cast<uint32_t>(static_cast<uint8_t>(digest[1])) << 8)) &
         4095u;
}

// Big-endian fixed-width helpers shared by the codecs and the simulator.
std::string be_u64(uint64_t v);
uint64_t read_be_u64(std::string_view bytes);  // bytes.size() must be 8

}  // namespace aeroshim::proto
