#include "net/connection.h"

#include "net/address.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

namespace aeroshim {
namespace {

// poll()'s timeout for a deadline, rounded up so that a wait never ends
// before the deadline and then has to be repeated with a zero timeout.
int poll_timeout_ms(Deadline deadline) {
  const auto left = deadline - std::chrono::steady_clock::now();
  if (left <= Deadline::duration::zero()) return 0;
  const auto ms = std::chrono::ceil<std::chrono::milliseconds>(left).count();
  return ms > INT_MAX ? INT_MAX : static_cast<int>(ms);
}

socklen_t address_length(const sockaddr_storage& address) {
  return address.ss_family == AF_INET6 ? sizeof(sockaddr_in6) : sizeof(sockaddr_in);
}

}  // namespace

Connection::Connection(Connection&& other) noexcept
    : fd_(other.fd_), address_(other.address_), receive_timeout_us_(other.receive_timeout_us_) {
  other.fd_ = -1;
}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    close();
    fd_ = other.fd_;
    address_ = other.address_;
    receive_timeout_us_ = other.receive_timeout_us_;
    other.fd_ = -1;
  }
  return *this;
}

void Connection::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

Status Connection::failure(const char* doing, int error) const {
  return Status::error(AEROSPIKE_ERR_CONNECTION, "{} {}: {}", doing, address_to_string(address_),
                       strerror(error));
}

Status Connection::wait(short events, Deadline deadline, const char* doing) const {
  for (;;) {
    const int timeout = poll_timeout_ms(deadline);
    if (timeout == 0)
      return Status::error(AEROSPIKE_ERR_TIMEOUT, "timed out {} {}", doing,
                           address_to_string(address_));
    pollfd p{fd_, events, 0};
    const int rc = poll(&p, 1, timeout);
    // Readiness, an error or a hangup: the next send or recv tells which.
    if (rc > 0) return Status::ok();
    if (rc < 0 && errno != EINTR) return failure(doing, errno);
  }
}

Result<Connection> Connection::open(const sockaddr_storage& address, Deadline deadline) {
  const int fd = socket(address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  Connection c(fd, address);
  if (fd < 0) return c.failure("socket for", errno);
  int one = 1;
  if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) != 0)
    return c.failure("TCP_NODELAY for", errno);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), address_length(address)) != 0) {
    // An interrupted non-blocking connect goes on in the background, like one in progress.
    if (errno != EINPROGRESS && errno != EINTR) return c.failure("connecting to", errno);
    Status waited = c.wait(POLLOUT, deadline, "connecting to");
    if (!waited) return waited;
    int error = 0;
    socklen_t error_len = sizeof error;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &error_len) != 0) error = errno;
    if (error != 0) return c.failure("connecting to", error);
  }
  // Reads block from now on, under a receive timeout (see the header).
  int blocking = 0;
  if (ioctl(fd, FIONBIO, &blocking) != 0) return c.failure("blocking reads for", errno);
  return c;
}

Status Connection::write_all(const void* data, size_t size, Deadline deadline) {
  const char* next = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::send(fd_, next, size, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n >= 0) {
      next += n;
      size -= static_cast<size_t>(n);
    } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
      Status waited = wait(POLLOUT, deadline, "writing to");
      if (!waited) return waited;
    } else if (errno != EINTR) {
      return failure("writing to", errno);
    }
  }
  return Status::ok();
}

Status Connection::bound_receive(Deadline deadline) {
  int64_t wanted_us = 0;
  if (deadline != Deadline::max()) {
    const auto left = deadline - std::chrono::steady_clock::now();
    if (left <= Deadline::duration::zero())
      return Status::error(AEROSPIKE_ERR_TIMEOUT, "timed out reading from {}",
                           address_to_string(address_));
    wanted_us = std::max<int64_t>(1, std::chrono::ceil<std::chrono::microseconds>(left).count());
    // The timeout in place ends by the deadline, or a millisecond after it
    // (then the kernel's timer tick, 4 ms here, as with any socket timeout),
    // and is not so short that a slow answer costs extra wake-ups.
    if (receive_timeout_us_ != 0 && receive_timeout_us_ <= wanted_us + 1000 &&
        receive_timeout_us_ * 2 >= wanted_us)
      return Status::ok();
  } else if (receive_timeout_us_ == 0) {
    return Status::ok();
  }
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(wanted_us / 1000000);
  tv.tv_usec = static_cast<suseconds_t>(wanted_us % 1000000);
  if (setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) != 0)
    return failure("a receive timeout for", errno);
  receive_timeout_us_ = wanted_us;
  return Status::ok();
}

Status Connection::receive(char* buffer, size_t at_least, size_t capacity, size_t& got,
                           Deadline deadline) {
  while (got < at_least) {
    if (Status bounded = bound_receive(deadline); !bounded) return bounded;
    const ssize_t n = ::recv(fd_, buffer + got, capacity - got, 0);
    if (n > 0) {
      got += static_cast<size_t>(n);
    } else if (n == 0) {
      return Status::error(AEROSPIKE_ERR_CONNECTION,
                           "{} closed the connection after {} of {} bytes",
                           address_to_string(address_), got, at_least);
    } else if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
      return failure("reading from", errno);
    }
    // EAGAIN: the receive timeout ran out; the next bound_receive says
    // whether the deadline did too.
  }
  return Status::ok();
}

Status Connection::read_exactly(void* buffer, size_t size, Deadline deadline) {
  size_t got = 0;
  return receive(static_cast<char*>(buffer), size, size, got, deadline);
}

Status Connection::read_at_least(void* buffer, size_t at_least, size_t capacity, size_t& got,
                                 Deadline deadline) {
  got = 0;
  return receive(static_cast<char*>(buffer), std::min(at_least, capacity), capacity, got, deadline);
}

bool Connection::is_reusable() const {
  if (fd_ < 0) return false;
  char byte;
  const ssize_t n = ::recv(fd_, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

}  // namespace aeroshim

namespace aeroshim {

Result<size_t> Connection::read_available(void* buffer, size_t capacity) {
  for (;;) {
    const ssize_t n = ::recv(fd_, buffer, capacity, MSG_DONTWAIT);
    if (n > 0) return static_cast<size_t>(n);
    if (n == 0)
      return Status::error(AEROSPIKE_ERR_CONNECTION, "{} closed the connection",
                           address_to_string(address_));
    if (errno == EAGAIN || errno == EWOULDBLOCK) return size_t{0};
    if (errno != EINTR) return failure("reading from", errno);
  }
}

}  // namespace aeroshim
