// Stock-client test vectors for C++ tests: tests/vectors/<group>.txt holds one
// `name<TAB>hex` line per request frame the stock client (npm aerospike@6.7.1,
// C client 7.4.0) sent to asim, recorded by scripts/record-vectors.sh. A test
// loads a group, picks a vector by name and compares our encoding with it,
// whole or field by field / operation by operation.
//
// Header-only; needs the proto codec, so use it from tests that link
// aeroshim_internal (tests/NAME_test.cpp). The files are found through
// $AEROSHIM_SOURCE_DIR, which ctest sets for every test.
#pragma once

#include "core/status.h"
#include "proto/frame.h"
#include "proto/message.h"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aeroshim::vectors {

struct Vector {
  std::string name;
  std::string frame;  // the whole request: 8-byte proto header, then the message
};

// A request frame split into its parts. `message` holds the 22-byte header's
// values, the fields (type, bytes) and the operations (op, particle type, bin
// name, value bytes) in wire order.
struct Request {
  uint8_t frame_type = 0;
  proto::Message message;

  // The bytes of the first field of `type`, or nullopt when absent.
  std::optional<std::string> field(uint8_t type) const {
    for (const auto& f : message.fields)
      if (f.type == type) return f.data;
    return std::nullopt;
  }
};

// Field types the stock client sends in single-record requests.
inline constexpr uint8_t kFieldNamespace = 0;
inline constexpr uint8_t kFieldSet = 1;
inline constexpr uint8_t kFieldKey = 2;
inline constexpr uint8_t kFieldDigest = 4;
inline constexpr uint8_t kFieldFilterExp = 43;

namespace detail {

inline int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;  // the recorder writes lowercase only
}

}  // namespace detail

// Lowercase hex of `bytes`, the vector files' spelling.
inline std::string to_hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

inline Result<std::string> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0)
    return Status::error(AEROSPIKE_ERR_PARAM, "odd hex length {}", hex.size());
  std::string out(hex.size() / 2, '\0');
  for (size_t i = 0; i < out.size(); ++i) {
    const int hi = detail::hex_digit(hex[2 * i]);
    const int lo = detail::hex_digit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0)
      return Status::error(AEROSPIKE_ERR_PARAM, "not lowercase hex at {}", 2 * i);
    out[i] = static_cast<char>(hi << 4 | lo);
  }
  return out;
}

// $AEROSHIM_SOURCE_DIR/tests/vectors/<group>.txt.
inline std::string vector_path(std::string_view group) {
  const char* root = std::getenv("AEROSHIM_SOURCE_DIR");
  return std::string(root ? root : ".") + "/tests/vectors/" + std::string(group) + ".txt";
}

// Every vector of a group, in file order. Blank lines and lines starting with
// '#' are skipped; anything else must be `name<TAB>hex`.
inline Result<std::vector<Vector>> load_vectors(std::string_view group) {
  const std::string path = vector_path(group);
  std::ifstream in(path);
  if (!in) return Status::error(AEROSPIKE_ERR_CLIENT, "cannot open {}", path);
  std::vector<Vector> out;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    if (tab == 0 || tab == std::string::npos)
      return Status::error(AEROSPIKE_ERR_CLIENT, "{}:{}: no name<TAB>hex", path, number);
    auto frame = from_hex(std::string_view(line).substr(tab + 1));
    if (!frame)
      return Status::error(AEROSPIKE_ERR_CLIENT, "{}:{}: {}", path, number,
                           frame.status().message());
    out.push_back(Vector{line.substr(0, tab), std::move(*frame)});
  }
  return out;
}

// The frame of the vector `name` in `group`.
inline Result<std::string> vector_frame(std::string_view group, std::string_view name) {
  auto all = load_vectors(group);
  if (!all) return all.status();
  for (auto& vec : *all)
    if (vec.name == name) return std::move(vec.frame);
  return Status::error(AEROSPIKE_ERR_CLIENT, "no vector {} in {}", name, vector_path(group));
}

// Splits a whole request frame. The proto header must say version 2, type 3
// (message) and exactly the size that follows; type 4 (compressed) is refused
// since no vector needs inflating.
inline Result<Request> decode_request(std::string_view frame) {
  if (frame.size() < proto::kFrameHeaderSize)
    return Status::error(AEROSPIKE_ERR_CLIENT, "frame of {} bytes has no proto header",
                         frame.size());
  const auto h = proto::decode_frame_header(reinterpret_cast<const uint8_t*>(frame.data()));
  if (h.version != proto::kVersion || h.type != static_cast<uint8_t>(proto::FrameType::kMessage))
    return Status::error(AEROSPIKE_ERR_CLIENT, "proto version {} type {}, expected 2 and 3",
                         h.version, h.type);
  if (h.body_size != frame.size() - proto::kFrameHeaderSize)
    return Status::error(AEROSPIKE_ERR_CLIENT, "proto header declares {} bytes, {} follow",
                         h.body_size, frame.size() - proto::kFrameHeaderSize);
  auto message = proto::parse_message(frame.substr(proto::kFrameHeaderSize));
  if (!message) return message.status();
  return Request{h.type, std::move(*message)};
}

// The named vector of `group`, already split: what most tests want.
inline Result<Request> vector_request(std::string_view group, std::string_view name) {
  auto frame = vector_frame(group, name);
  if (!frame) return frame.status();
  return decode_request(*frame);
}

}  // namespace aeroshim::vectors
