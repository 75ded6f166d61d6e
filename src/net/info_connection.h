// One connection carrying info requests, every wait bounded by a deadline,
// so a silent node can delay a tend cycle but never hang it.
#pragma once

#include "core/status.h"
#include "net/connection.h"

#include <sys/socket.h>

#include <chrono>
#include <string>

namespace aeroshim {

class InfoConnection {
 public:
  InfoConnection() = default;

  static Result<InfoConnection> open(const sockaddr_storage& address,
                                     std::chrono::milliseconds timeout);

  // Sends one info request body and returns the answer body. Any failure
  // closes the connection: a half-read answer would desynchronise it.
  Result<std::string> request(const std::string& body, std::chrono::milliseconds timeout);

  bool is_open() const { return connection_.is_open(); }
  void close() { connection_.close(); }

 private:
  explicit InfoConnection(Connection connection) : connection_(std::move(connection)) {}
  Connection connection_;
};

// One info exchange on any open connection (an InfoConnection's or one
// checked out of a node's pool): the request body out, the answer body in,
// both by `deadline`. After a failure the stream position is unknown, so the
// caller closes the connection.
Result<std::string> exchange_info(Connection& connection, const std::string& body,
                                  Deadline deadline);

// Largest info answer accepted: a replicas answer for 32 namespaces is
// about 70 KB; anything near this bound is a broken peer.
inline constexpr size_t kMaxInfoAnswer = 16u << 20;

}  // namespace aeroshim
