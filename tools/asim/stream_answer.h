// The answer to a multi-record request (batch, scan, query): many messages
// packed into type-3 frames, the last message of the stream carrying
// info3 LAST, as the server streams them. A client must accept any split of
// the messages into frames, so frames are cut at a size bound, never
// mid-message.
#pragma once

#include "proto/message.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace asim {

class StreamAnswer {
 public:
  // A frame is closed once its body reaches this many bytes.
  static constexpr size_t kFrameBodyTarget = size_t{128} * 1024;

  void add(const aeroshim::proto::Message& message);
  // Closes the stream with a header-only message carrying `result_code` and
  // info3 LAST, and returns every frame. The builder is empty afterwards.
  std::string finish(uint8_t result_code);
  // Closes the open frame and returns the frames so far, without LAST: a
  // stream sent in timed parts (a paced scan) continues in this builder.
  std::string flush();
  size_t messages() const { return messages_; }

 private:
  void close_frame();

  std::string frames_;
  size_t frame_start_ = std::string::npos;  // offset of the open frame's header
  size_t messages_ = 0;
};

}  // namespace asim
