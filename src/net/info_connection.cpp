#include "net/info_connection.h"

#include "net/address.h"
#include "proto/frame.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace aeroshim {
namespace {

using Clock = std::chrono::steady_clock;

int remaining_ms(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left <= 0 ? 0 : static_cast<int>(left);
}

// Waits for `events` on fd until the deadline; false on timeout or error.
bool wait_for(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    pollfd p{fd, events, 0};
    const int rc = poll(&p, 1, remaining_ms(deadline));
    if (rc > 0) return true;
    if (rc == 0) return false;
    if (errno != EINTR) return false;
  }
}

}  // namespace

InfoConnection& InfoConnection::operator=(InfoConnection&& other) noexcept {
  if (this != &other) {
    close();
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

void InfoConnection::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

Result<InfoConnection> InfoConnection::open(const sockaddr_storage& address, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  const int fd = socket(address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return Status::error(AEROSPIKE_ERR_CLIENT, "socket for {}: {}", address_to_string(address), strerror(errno));
  InfoConnection c(fd);
  const socklen_t len = address.ss_family == AF_INET6 ? sizeof(sockaddr_in6) : sizeof(sockaddr_in);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), len) != 0) {
    if (errno != EINPROGRESS)
      return Status::error(AEROSPIKE_ERR_CONNECTION, "{}: {}", address_to_string(address), strerror(errno));
    if (!wait_for(fd, POLLOUT, deadline))
      return Status::error(AEROSPIKE_ERR_TIMEOUT, "{}: no connection after {} ms", address_to_string(address),
                           timeout.count());
    int error = 0;
    socklen_t error_len = sizeof error;
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &error_len);
    if (error != 0) return Status::error(AEROSPIKE_ERR_CONNECTION, "{}: {}", address_to_string(address), strerror(error));
  }
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return c;
}

Result<std::string> InfoConnection::request(const std::string& body, std::chrono::milliseconds timeout) {
  if (fd_ < 0) return Status::error(AEROSPIKE_ERR_CONNECTION, "info connection is closed");
  const auto deadline = Clock::now() + timeout;
  std::string frame(proto::kFrameHeaderSize, '\0');
  proto::encode_frame_header(proto::FrameType::kInfo, body.size(), reinterpret_cast<uint8_t*>(frame.data()));
  frame += body;
  auto fail = [this](as_status code, std::string message) {
    close();
    return Status(code, std::move(message));
  };
  size_t sent = 0;
  while (sent < frame.size()) {
    const ssize_t n = ::send(fd_, frame.data() + sent, frame.size() - sent, MSG_NOSIGNAL);
    if (n > 0) {
      sent += static_cast<size_t>(n);
    } else if (n < 0 && errno == EAGAIN) {
      if (!wait_for(fd_, POLLOUT, deadline)) return fail(AEROSPIKE_ERR_TIMEOUT, "info request timed out while sending");
    } else if (!(n < 0 && errno == EINTR)) {
      return fail(AEROSPIKE_ERR_CONNECTION, fmt::format("info request send failed: {}", strerror(errno)));
    }
  }
  std::string in;
  size_t wanted = proto::kFrameHeaderSize;
  bool have_header = false;
  char buf[16384];
  while (in.size() < wanted) {
    const ssize_t n = ::recv(fd_, buf, std::min(sizeof buf, wanted - in.size()), 0);
    if (n > 0) {
      in.append(buf, static_cast<size_t>(n));
    } else if (n == 0) {
      return fail(AEROSPIKE_ERR_CONNECTION, "node closed the info connection");
    } else if (errno == EAGAIN) {
      if (!wait_for(fd_, POLLIN, deadline)) return fail(AEROSPIKE_ERR_TIMEOUT, fmt::format("no info answer within {} ms", timeout.count()));
    } else if (errno != EINTR) {
      return fail(AEROSPIKE_ERR_CONNECTION, fmt::format("info answer read failed: {}", strerror(errno)));
    }
    if (!have_header && in.size() == proto::kFrameHeaderSize) {
      const auto h = proto::decode_frame_header(reinterpret_cast<const uint8_t*>(in.data()));
      if (h.version != proto::kVersion || h.type != static_cast<uint8_t>(proto::FrameType::kInfo))
        return fail(AEROSPIKE_ERR_CLIENT, fmt::format("info answer has version {} type {}", h.version, h.type));
      if (h.body_size > kMaxInfoAnswer)
        return fail(AEROSPIKE_ERR_CLIENT, fmt::format("info answer declares {} bytes", h.body_size));
      have_header = true;
      wanted += h.body_size;
      in.reserve(wanted);
    }
  }
  return in.substr(proto::kFrameHeaderSize);
}

}  // namespace aeroshim
