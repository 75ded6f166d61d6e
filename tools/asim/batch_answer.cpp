#include "batch_answer.h"

#include "batch_request.h"
#include "compression.h"
#include "proto/frame.h"

namespace asim::batch {
namespace {

namespace proto = aeroshim::proto;

// The results that never stop a batch.
bool benign(uint8_t result) {
  return result == static_cast<uint8_t>(proto::ResultCode::kOk) ||
         result == static_cast<uint8_t>(proto::ResultCode::kNotFound) ||
         result == static_cast<uint8_t>(proto::ResultCode::kFilteredOut);
}

// Each frame of `frames` compressed when that saves 32 bytes or more, as the
// single-record answers are.
std::string compress_frames(const std::string& frames, uint64_t& compressed) {
  std::string out;
  size_t at = 0;
  while (frames.size() - at >= proto::kFrameHeaderSize) {
    const auto h = proto::decode_frame_header(reinterpret_cast<const uint8_t*>(frames.data() + at));
    const size_t size = proto::kFrameHeaderSize + h.body_size;
    const std::string_view frame(frames.data() + at, size);
    std::string deflated = deflate_frame(frame);
    if (deflated.size() + 32 <= frame.size()) {
      out += deflated;
      ++compressed;
    } else {
      out += frame;
    }
    at += size;
  }
  return out;
}

}  // namespace

size_t message_bytes(const proto::Message& m) {
  size_t n = proto::kMessageHeaderSize;
  for (const auto& f : m.fields) n += 5 + f.data.size();
  for (const auto& op : m.ops) n += 8 + op.name.size() + op.value.size();
  return n;
}

void Answer::add(proto::Message row) {
  const size_t bytes = message_bytes(row);
  if (!buffer_.empty() && buffer_bytes_ + bytes > kBufferBytes) close_buffer();
  const uint8_t result = row.result_code;
  buffer_.push_back(std::move(row));
  buffer_bytes_ += bytes;
  if ((flags_ & kReportAllErrors) || benign(result)) return;
  if (flags_ & kReportErrorRow) {
    buffer_error_ = result;
  } else {
    result_ = result;
  }
}

void Answer::close_buffer() {
  // A buffer completed after the batch failed is not sent.
  if (result_ == 0) {
    for (const auto& row : buffer_) stream_.add(row);
    result_ = buffer_error_;
  }
  buffer_.clear();
  buffer_bytes_ = 0;
  buffer_error_ = 0;
}

void Answer::abort(uint8_t result_code) { result_ = result_code; }

std::string Answer::finish(bool compress, uint64_t& compressed_frames) {
  close_buffer();
  std::string frames = stream_.finish(result_);
  if (!compress) return frames;
  return compress_frames(frames, compressed_frames);
}

}  // namespace asim::batch
