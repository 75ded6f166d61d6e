// One blocking TCP connection carrying info requests, every wait bounded by
// a deadline (poll), so a silent node can delay a tend cycle but never hang it.
#pragma once

#include "core/status.h"

#include <sys/socket.h>

#include <chrono>
#include <string>

namespace aeroshim {

class InfoConnection {
 public:
  InfoConnection() = default;
  ~InfoConnection() { close(); }
  InfoConnection(InfoConnection&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  InfoConnection& operator=(InfoConnection&& other) noexcept;
  InfoConnection(const InfoConnection&) = delete;
  InfoConnection& operator=(const InfoConnection&) = delete;

  static Result<InfoConnection> open(const sockaddr_storage& address, std::chrono::milliseconds timeout);

  // Sends one info request body and returns the answer body. Any failure
  // closes the connection: a half-read answer would desynchronise it.
  Result<std::string> request(const std::string& body, std::chrono::milliseconds timeout);

  bool is_open() const { return fd_ >= 0; }
  void close();

 private:
  explicit InfoConnection(int fd) : fd_(fd) {}
  int fd_ = -1;
};

// Largest info answer accepted: a replicas answer for 32 namespaces is
// about 70 KB; anything near this bound is a broken peer.
inline constexpr size_t kMaxInfoAnswer = 16u << 20;

}  // namespace aeroshim
