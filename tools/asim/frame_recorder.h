// asim --record: every data request a node receives, written to a file as
// one line of lowercase hex (frame header included), so tests can replay or
// compare exactly what a client put on the wire.
#pragma once

#include "core/status.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

namespace asim {

class FrameRecorder {
 public:
  FrameRecorder() = default;
  ~FrameRecorder();
  FrameRecorder(const FrameRecorder&) = delete;
  FrameRecorder& operator=(const FrameRecorder&) = delete;

  // Opens `path` for appending; lines already there stay.
  aeroshim::Status open(const std::string& path);
  bool active() const { return file_ != nullptr; }
  // Writes one line and flushes it, so a reader that waits for the reply to
  // its request always finds the request's line complete.
  void record(const uint8_t* frame, size_t size);

 private:
  std::FILE* file_ = nullptr;
  std::string line_;
};

}  // namespace asim
