#include "info/peers.h"

#include "info/decimal.h"
#include "info/excerpt.h"

namespace aeroshim {
namespace {

// A forward-only reader over the value. Every error carries the byte offset
// so that a log line points at the exact spot in a long server answer.
// Descriptions are formatted only on failure: a full answer has thousands of
// delimiters, and the happy path should not pay for messages it never shows.
class PeersReader {
 public:
  explicit PeersReader(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ == text_.size(); }
  bool next_is(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  bool consume(char c) {
    if (!next_is(c)) return false;
    ++pos_;
    return true;
  }

  template <typename... Args>
  Status fail(fmt::format_string<Args...> format, Args&&... args) const {
    return Status(AEROSPIKE_ERR_CLIENT,
                  fmt::format("invalid peers-clear-std value: {} (at byte {})",
                              fmt::format(format, std::forward<Args>(args)...), pos_));
  }

  // The error for a delimiter that consume() did not find.
  template <typename... Args>
  Status missing(char c, fmt::format_string<Args...> format, Args&&... args) const {
    std::string where = fmt::format(format, std::forward<Args>(args)...);
    if (at_end()) return fail("expected '{}' {} but the value ended", c, where);
    return fail("expected '{}' {} but found '{}'", c, where, text_[pos_]);
  }

  // Fields are free text up to the next delimiter; brackets inside them can
  // only mean the structure is broken, so they end the field too.
  std::string_view field(std::string_view delimiters) {
    size_t end = text_.find_first_of(delimiters, pos_);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view out = text_.substr(pos_, end - pos_);
    pos_ = end;
    return out;
  }

  Result<uint64_t> number(std::string_view what, uint64_t max) {
    std::string_view digits = field(",:[]");
    if (digits.empty()) return fail("{} is missing", what);
    std::optional<uint64_t> value = parse_decimal(digits, max);
    if (!value) return fail("{} '{}' is not a number in 0..{}", what, excerpt(digits), max);
    return *value;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

// Every text field ends up in a C string (node entry, getaddrinfo), where a
// NUL would silently cut it.
bool has_nul(std::string_view text) { return text.find('\0') != std::string_view::npos; }

// Peer positions as messages name them: index, and the name once known.
struct PeerLabel {
  size_t index;
  std::string_view name;
};

}  // namespace
}  // namespace aeroshim

template <>
struct fmt::formatter<aeroshim::PeerLabel> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const aeroshim::PeerLabel& label, Context& ctx) const {
    if (label.name.empty()) return fmt::format_to(ctx.out(), "peer {}", label.index);
    return fmt::format_to(ctx.out(), "peer {} ({})", label.index, aeroshim::excerpt(label.name));
  }
};

namespace aeroshim {
namespace {

Result<HostPort> read_address(PeersReader& in, uint16_t default_port, const PeerLabel& peer,
                              size_t index) {
  std::string_view host;
  if (in.consume('[')) {
    host = in.field(",[]");
    if (!in.consume(']')) {
      return in.missing(']', "closing the IPv6 address {} of {}", index, peer);
    }
  } else {
    host = in.field(",:[]");
  }
  if (host.empty()) return in.fail("address {} of {} has an empty host", index, peer);
  if (has_nul(host)) return in.fail("address {} of {} contains a NUL byte", index, peer);
  if (host.size() > Peers::kMaxHostBytes) {
    return in.fail("address {} of {} is {} bytes, more than {}", index, peer, host.size(),
                   Peers::kMaxHostBytes);
  }
  HostPort address{std::string(host), default_port};
  if (in.consume(':')) {
    auto port = in.number(fmt::format("port of address {} of {}", index, peer), 65535);
    if (!port) return port.status();
    if (*port == 0) return in.fail("port of address {} of {} is 0", index, peer);
    address.port = static_cast<uint16_t>(*port);
  }
  return address;
}

Result<Peer> read_peer(PeersReader& in, uint16_t default_port, size_t index) {
  PeerLabel label{index, {}};
  if (!in.consume('[')) return in.missing('[', "opening {}", label);
  std::string_view name = in.field(",[]");
  if (name.empty() || name.size() > Peers::kMaxNameBytes) {
    return in.fail("{} node name '{}' must be 1..{} bytes", label, excerpt(name),
                   Peers::kMaxNameBytes);
  }
  if (has_nul(name)) return in.fail("{} node name contains a NUL byte", label);
  label.name = name;
  if (!in.consume(',')) return in.missing(',', "after the name of {}", label);
  std::string_view tls_name = in.field(",[]");
  if (tls_name.size() > Peers::kMaxTlsNameBytes) {
    return in.fail("{} TLS name is {} bytes, more than {}", label, tls_name.size(),
                   Peers::kMaxTlsNameBytes);
  }
  if (has_nul(tls_name)) return in.fail("{} TLS name contains a NUL byte", label);
  if (!in.consume(',')) return in.missing(',', "after the TLS name of {}", label);
  if (!in.consume('[')) return in.missing('[', "opening the addresses of {}", label);
  Peer peer{std::string(name), std::string(tls_name), {}};
  if (!in.next_is(']')) {
    do {
      if (peer.addresses.size() == Peers::kMaxAddresses) {
        return in.fail("{} has more than {} addresses", label, Peers::kMaxAddresses);
      }
      auto address = read_address(in, default_port, label, peer.addresses.size());
      if (!address) return address.status();
      peer.addresses.push_back(std::move(*address));
    } while (in.consume(','));
  }
  if (!in.consume(']')) return in.missing(']', "closing the addresses of {}", label);
  if (!in.consume(']')) return in.missing(']', "closing {}", label);
  return peer;
}

void append_host(std::string& out, const HostPort& address, uint16_t default_port) {
  bool ipv6 = address.host.find(':') != std::string::npos;
  if (ipv6) out += '[';
  out += address.host;
  if (ipv6) out += ']';
  if (address.port != default_port) fmt::format_to(std::back_inserter(out), ":{}", address.port);
}

}  // namespace

Result<Peers> parse_peers(std::string_view value) {
  PeersReader in(value);
  Peers result;
  auto generation = in.number("generation", UINT64_MAX);
  if (!generation) return generation.status();
  result.generation = *generation;
  if (!in.consume(',')) return in.missing(',', "after the generation");
  auto default_port = in.number("default port", 65535);
  if (!default_port) return default_port.status();
  if (*default_port == 0) return in.fail("default port is 0");
  result.default_port = static_cast<uint16_t>(*default_port);
  if (!in.consume(',')) return in.missing(',', "after the default port");
  if (!in.consume('[')) return in.missing('[', "opening the peer list");
  if (!in.next_is(']')) {
    do {
      if (result.peers.size() == Peers::kMaxPeers) {
        return in.fail("more than {} peers", Peers::kMaxPeers);
      }
      auto peer = read_peer(in, result.default_port, result.peers.size());
      if (!peer) return peer.status();
      result.peers.push_back(std::move(*peer));
    } while (in.consume(','));
  }
  if (!in.consume(']')) return in.missing(']', "closing the peer list");
  if (!in.at_end()) return in.fail("unexpected text after the peer list");
  return result;
}

std::string format_peers(const Peers& peers) {
  std::string out = fmt::format("{},{},[", peers.generation, peers.default_port);
  for (size_t i = 0; i < peers.peers.size(); ++i) {
    const Peer& peer = peers.peers[i];
    if (i > 0) out += ',';
    fmt::format_to(std::back_inserter(out), "[{},{},[", peer.name, peer.tls_name);
    for (size_t j = 0; j < peer.addresses.size(); ++j) {
      if (j > 0) out += ',';
      append_host(out, peer.addresses[j], peers.default_port);
    }
    out += "]]";
  }
  out += ']';
  return out;
}

}  // namespace aeroshim
