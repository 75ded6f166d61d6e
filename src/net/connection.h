// One TCP connection to a node, every wait bounded by a deadline.
//
// The socket is non-blocking while it connects (with TCP_NODELAY and
// close-on-exec). Once connected, writes stay non-blocking (MSG_DONTWAIT,
// waiting with poll() on EAGAIN) while reads block in recv() under a
// receive timeout (SO_RCVTIMEO) no later than the read's deadline, so an
// exchange costs one send and one recv: no poll() for an answer that has
// not arrived yet. The timeout is set only when the one already on the
// socket would wait past the deadline by more than a millisecond (poll()'s
// own precision), so commands of one policy set it once per connection.
// poll() rather than select() because a process may hold thousands of
// files, and select() cannot wait on a descriptor above FD_SETSIZE (1024).
#pragma once

#include "core/status.h"

#include <sys/socket.h>

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace aeroshim {

using Deadline = std::chrono::steady_clock::time_point;

class Connection {
 public:
  Connection() = default;
  ~Connection() { close(); }
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Connects to an IPv4 or IPv6 address. Refused or reset: CONNECTION;
  // not established by the deadline: TIMEOUT.
  static Result<Connection> open(const sockaddr_storage& address, Deadline deadline);

  // Both return as soon as the whole buffer has moved. After an error the
  // connection stays open but its stream position is unknown: a caller
  // that cannot resynchronise closes it.
  Status write_all(const void* data, size_t size, Deadline deadline);
  // The peer closing before `size` bytes arrived is a CONNECTION error.
  Status read_exactly(void* buffer, size_t size, Deadline deadline);
  // Reads at least `at_least` and at most `capacity` bytes into buffer,
  // counting them in `got` (also when it fails): a reply that is already
  // complete (header and body) then costs a single recv. Only for a peer
  // that sends nothing beyond the reply, as a node answering one
  // synchronous command does, or for a caller that keeps what follows it.
  Status read_at_least(void* buffer, size_t at_least, size_t capacity, size_t& got,
                       Deadline deadline);

  // One recv that does not wait: the bytes that were there (0 when none),
  // or CONNECTION when the peer closed or the socket failed.
  Result<size_t> read_available(void* buffer, size_t capacity);

  // Whether an idle connection can carry the next request: nothing unread
  // (a late answer to an abandoned request would be taken for the next
  // one's) and no end of stream from the peer. One non-blocking recv.
  bool is_reusable() const;

  bool is_open() const { return fd_ >= 0; }
  int fd() const { return fd_; }
  const sockaddr_storage& address() const { return address_; }
  void close();

 private:
  Connection(int fd, const sockaddr_storage& address) : fd_(fd), address_(address) {}
  // Waits for `events` until the deadline; TIMEOUT names `doing`.
  Status wait(short events, Deadline deadline, const char* doing) const;
  Status failure(const char* doing, int error) const;
  // Receives into buffer[got..capacity) until at least `at_least` bytes are in.
  Status receive(char* buffer, size_t at_least, size_t capacity, size_t& got, Deadline deadline);
  // Makes the socket's receive timeout end no later than `deadline` (within
  // a millisecond); TIMEOUT once the deadline has passed.
  Status bound_receive(Deadline deadline);

  int fd_ = -1;
  sockaddr_storage address_{};
  // The SO_RCVTIMEO on the socket, in microseconds; 0: none (wait forever).
  int64_t receive_timeout_us_ = 0;
};

}  // namespace aeroshim
