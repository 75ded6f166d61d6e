#include "value/text_buffer.h"

#include <cstdlib>
#include <cstring>

namespace aeroshim {

TextBuffer::~TextBuffer() { std::free(data_); }

void TextBuffer::append(const char* text, size_t len) noexcept {
  if (failed_) return;
  if (length_ + len + 1 > capacity_) {
    size_t wanted = capacity_ == 0 ? 256 : capacity_ * 2;
    if (wanted < length_ + len + 1) wanted = length_ + len + 1;
    auto* grown = static_cast<char*>(std::realloc(data_, wanted));
    if (grown == nullptr) {
      failed_ = true;
      return;
    }
    data_ = grown;
    capacity_ = wanted;
  }
  std::memcpy(data_ + length_, text, len);
  length_ += len;
  data_[length_] = '\0';
}

void TextBuffer::append(const char* text) noexcept { append(text, std::strlen(text)); }

char* TextBuffer::release() noexcept {
  if (failed_ || data_ == nullptr) return nullptr;
  char* text = data_;
  data_ = nullptr;
  length_ = 0;
  capacity_ = 0;
  return text;
}

}  // namespace aeroshim
