// Socket addresses as the tender handles them: resolved from host names,
// printed as "host:port", compared by value.
#pragma once

#include "core/status.h"

#include <sys/socket.h>

#include <cstdint>
#include <string>
#include <vector>

namespace aeroshim {

// Every IPv4 and IPv6 address `host` resolves to, with `port`.
Result<std::vector<sockaddr_storage>> resolve_host(const std::string& host, uint16_t port);

// "127.0.0.1:3000" or "[::1]:3000".
std::string address_to_string(const sockaddr_storage& address);
uint16_t address_port(const sockaddr_storage& address);
bool same_address(const sockaddr_storage& a, const sockaddr_storage& b);

}  // namespace aeroshim
