// The `peers-clear-std` value: the nodes a server knows, and how to reach
// them. The tender uses it to discover nodes beyond the seeds; the simulator
// formats it to answer.
#pragma once

#include "core/status.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aeroshim {

struct HostPort {
  std::string host;  // IPv6 without its brackets
  uint16_t port = 0;
  bool operator==(const HostPort& o) const { return host == o.host && port == o.port; }
};

struct Peer {
  std::string name;      // 1..19 bytes, as a node entry stores it
  std::string tls_name;  // < 256 bytes; empty without TLS
  std::vector<HostPort> addresses;
  bool operator==(const Peer& o) const {
    return name == o.name && tls_name == o.tls_name && addresses == o.addresses;
  }
};

struct Peers {
  static constexpr size_t kMaxPeers = 4096;
  static constexpr size_t kMaxAddresses = 64;
  static constexpr size_t kMaxNameBytes = 19;
  static constexpr size_t kMaxTlsNameBytes = 255;
  static constexpr size_t kMaxHostBytes = 255;

  uint64_t generation = 0;
  uint16_t default_port = 0;  // applies to addresses written without a port
  std::vector<Peer> peers;
  bool operator==(const Peers& o) const {
    return generation == o.generation && default_port == o.default_port && peers == o.peers;
  }
};

// `gen,default_port,[[name,tls_name,[host:port,host,...]],...]`. The value
// comes from the network, so every limit the node table relies on is checked
// here and a violation fails the whole value (AEROSPIKE_ERR_CLIENT) with the
// peer, address and byte offset in the message.
Result<Peers> parse_peers(std::string_view value);

// The inverse of parse_peers; ports equal to the default are left out, as a
// server does.
std::string format_peers(const Peers& peers);

}  // namespace aeroshim
