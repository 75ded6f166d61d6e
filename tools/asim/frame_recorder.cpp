#include "frame_recorder.h"

#include <cerrno>
#include <cstring>

namespace asim {

FrameRecorder::~FrameRecorder() {
  if (file_) std::fclose(file_);
}

aeroshim::Status FrameRecorder::open(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "a");
  if (!f)
    return aeroshim::Status::error(AEROSPIKE_ERR_CLIENT, "cannot open {}: {}", path,
                                   strerror(errno));
  if (file_) std::fclose(file_);
  file_ = f;
  return aeroshim::Status::ok();
}

void FrameRecorder::record(const uint8_t* frame, size_t size) {
  if (!file_) return;
  static constexpr char kDigits[] = "0123456789abcdef";
  line_.clear();
  line_.reserve(size * 2 + 1);
  for (size_t i = 0; i < size; ++i) {
    line_.push_back(kDigits[frame[i] >> 4]);
    line_.push_back(kDigits[frame[i] & 15]);
  }
  line_.push_back('\n');
  std::fwrite(line_.data(), 1, line_.size(), file_);
  std::fflush(file_);
}

}  // namespace asim
