// A node's address as people write it: 127.0.0.1:3000, [::1]:3000, "-" unset.
#pragma once

#include <sys/socket.h>

#include <string>

namespace asshm {

std::string address_text(const sockaddr_storage& address);

}  // namespace asshm
