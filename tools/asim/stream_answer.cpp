#include "stream_answer.h"

#include "proto/frame.h"

namespace asim {

namespace proto = aeroshim::proto;

void StreamAnswer::add(const proto::Message& message) {
  if (frame_start_ == std::string::npos) {
    frame_start_ = frames_.size();
    frames_.append(proto::kFrameHeaderSize, '\0');
  }
  // encode_message writes a whole frame; only its body joins the open one.
  std::string one;
  proto::encode_message(message, one);
  frames_.append(one, proto::kFrameHeaderSize, std::string::npos);
  ++messages_;
  if (frames_.size() - frame_start_ - proto::kFrameHeaderSize >= kFrameBodyTarget) close_frame();
}

void StreamAnswer::close_frame() {
  if (frame_start_ == std::string::npos) return;
  proto::encode_frame_header(proto::FrameType::kMessage,
                             frames_.size() - frame_start_ - proto::kFrameHeaderSize,
                             reinterpret_cast<uint8_t*>(&frames_[frame_start_]));
  frame_start_ = std::string::npos;
}

std::string StreamAnswer::flush() {
  close_frame();
  std::string out;
  out.swap(frames_);
  return out;
}

std::string StreamAnswer::finish(uint8_t result_code) {
  proto::Message last;
  last.info3 = proto::kInfo3Last;
  last.result_code = result_code;
  add(last);
  close_frame();
  messages_ = 0;
  std::string out;
  out.swap(frames_);
  return out;
}

}  // namespace asim
