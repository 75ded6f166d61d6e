// A growing malloc'd character buffer for the collection renderings; the
// finished text is handed to the caller, who frees it. Running out of
// memory makes the whole rendering nullptr rather than a truncated text.
#pragma once

#include <cstddef>

namespace aeroshim {

class TextBuffer {
 public:
  TextBuffer() noexcept = default;
  ~TextBuffer();
  TextBuffer(const TextBuffer&) = delete;
  TextBuffer& operator=(const TextBuffer&) = delete;
  TextBuffer(TextBuffer&&) = delete;
  TextBuffer& operator=(TextBuffer&&) = delete;

  void append(const char* text, size_t len) noexcept;
  void append(const char* text) noexcept;

  // The terminated text (ownership passes to the caller), or nullptr.
  char* release() noexcept;

 private:
  char* data_ = nullptr;
  size_t length_ = 0;
  size_t capacity_ = 0;
  bool failed_ = false;
};

}  // namespace aeroshim
