// Node addresses for display, IPv4 and IPv6.
#include "address_text.h"

#include <fmt/format.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstdint>

namespace asshm {

std::string address_text(const sockaddr_storage& address) {
  char text[INET6_ADDRSTRLEN] = "?";
  uint16_t port = 0;
  if (address.ss_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(&address);
    inet_ntop(AF_INET, &in->sin_addr, text, sizeof(text));
    port = ntohs(in->sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto* in = reinterpret_cast<const sockaddr_in6*>(&address);
    inet_ntop(AF_INET6, &in->sin6_addr, text, sizeof(text));
    port = ntohs(in->sin6_port);
  } else {
    return "-";
  }
  return fmt::format(address.ss_family == AF_INET6 ? "[{}]:{}" : "{}:{}", text, port);
}

}  // namespace asshm
