// Host-list grammar, per entry: NAME | NAME:PORT | NAME:TLS:PORT, where NAME
// may be an IPv6 address in brackets. Ports are 1..65535.
#include "config/host_list.h"

#include <charconv>

namespace aeroshim {
namespace {

Result<uint16_t> parse_port(std::string_view text, std::string_view entry) {
  unsigned value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value == 0 ||
      value > 65535) {
    return Status::error(AEROSPIKE_ERR_PARAM, "host '{}': port '{}' is not a number in 1..65535",
                         entry, text);
  }
  return static_cast<uint16_t>(value);
}

Result<HostSpec> parse_entry(std::string_view entry, uint16_t default_port) {
  HostSpec host;
  std::string_view rest;
  if (!entry.empty() && entry.front() == '[') {
    size_t close = entry.find(']');
    if (close == std::string_view::npos || close == 1) {
      return Status::error(AEROSPIKE_ERR_PARAM, "host '{}': unterminated or empty [IPv6] address",
                           entry);
    }
    host.name = std::string(entry.substr(1, close - 1));
    rest = entry.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') {
      return Status::error(AEROSPIKE_ERR_PARAM, "host '{}': expected ':' after ']'", entry);
    }
  } else {
    size_t colon = entry.find(':');
    host.name = std::string(entry.substr(0, colon));
    rest = colon == std::string_view::npos ? std::string_view() : entry.substr(colon);
  }
  if (host.name.empty()) {
    return Status::error(AEROSPIKE_ERR_PARAM, "host '{}': empty host name", entry);
  }
  host.port = default_port;
  if (!rest.empty()) {
    rest.remove_prefix(1);  // the ':'
    size_t colon = rest.find(':');
    if (colon != std::string_view::npos) {
      host.tls_name = std::string(rest.substr(0, colon));
      rest = rest.substr(colon + 1);
      if (host.tls_name.empty()) {
        return Status::error(AEROSPIKE_ERR_PARAM, "host '{}': empty TLS name", entry);
      }
    }
    Result<uint16_t> port = parse_port(rest, entry);
    if (!port) {
      return port.status();
    }
    host.port = *port;
  }
  if (host.port == 0) {
    return Status::error(AEROSPIKE_ERR_PARAM, "host '{}': no port and the default port is 0",
                         entry);
  }
  return host;
}

}  // namespace

Result<std::vector<HostSpec>> parse_host_list(std::string_view text, uint16_t default_port) {
  std::vector<HostSpec> hosts;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string_view entry = text.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    while (!entry.empty() && entry.front() == ' ') entry.remove_prefix(1);
    while (!entry.empty() && entry.back() == ' ') entry.remove_suffix(1);
    if (entry.empty()) {
      return Status::error(AEROSPIKE_ERR_PARAM, "host list '{}': empty entry", text);
    }
    Result<HostSpec> host = parse_entry(entry, default_port);
    if (!host) {
      return host.status();
    }
    hosts.push_back(std::move(host.value()));
    if (comma == std::string_view::npos) {
      break;
    }
    start = comma + 1;
  }
  return hosts;
}

}  // namespace aeroshim
