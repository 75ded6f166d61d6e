// Which row answers of a batch reach the client. The server fills
// fixed-size response buffers and sends each when it is full; without
// respond_all_keys a row in error (anything but found, not found and
// filtered out) ends the stream: with the "error row" flag the buffer
// holding it is still sent, without it that buffer is not. The stream then
// closes with the error in its LAST message. Every row still runs.
#pragma once

#include "proto/message.h"
#include "stream_answer.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace asim::batch {

class Answer {
 public:
  // A buffer is sent once the next row would take it past this many bytes,
  // the server's 128 KiB block.
  static constexpr size_t kBufferBytes = size_t{128} * 1024;

  explicit Answer(uint8_t flags) : flags_(flags) {}

  void add(aeroshim::proto::Message row);
  // Ends the batch early: the rows not read get `result_code`, as the
  // server's answer to a batch it could not read through.
  void abort(uint8_t result_code);
  // The frames, the LAST message carrying the batch's result; frames are
  // compressed when `compress` and it saves 32 bytes or more.
  std::string finish(bool compress, uint64_t& compressed_frames);

 private:
  void close_buffer();

  uint8_t flags_;
  std::vector<aeroshim::proto::Message> buffer_;
  size_t buffer_bytes_ = 0;
  uint8_t buffer_error_ = 0;  // with the error-row flag: the error the buffer carries
  uint8_t result_ = 0;        // the batch's result; once set, no buffer is sent
  StreamAnswer stream_;
};

// The bytes `message` takes in a response buffer (its 22-byte header,
// fields and ops).
size_t message_bytes(const aeroshim::proto::Message& message);

}  // namespace asim::batch
