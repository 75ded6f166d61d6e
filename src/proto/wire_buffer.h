// A growable byte buffer for building and receiving frames. It keeps its
// capacity between uses, so a thread that owns one (thread_local in the
// command layer) stops allocating once it has seen its largest command.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace aeroshim::proto {

class WireBuffer {
 public:
  WireBuffer() = default;
  ~WireBuffer() { std::free(data_); }
  WireBuffer(const WireBuffer&) = delete;
  WireBuffer& operator=(const WireBuffer&) = delete;

  // At least `size` bytes (contents not kept), or nullptr when out of memory.
  uint8_t* reserve(size_t size) {
    if (size <= capacity_) return data_;
    // Doubling keeps a slowly growing workload from reallocating per command.
    size_t grown = capacity_ ? capacity_ : kInitial;
    while (grown < size) grown *= 2;
    void* fresh = std::malloc(grown);
    if (!fresh) return nullptr;
    std::free(data_);
    data_ = static_cast<uint8_t*>(fresh);
    capacity_ = grown;
    return data_;
  }
  // At least `size` bytes keeping the first `keep` (keep <= size).
  uint8_t* grow_keeping(size_t size, size_t keep) {
    if (size <= capacity_) return data_;
    auto* fresh = static_cast<uint8_t*>(std::malloc(size));
    if (!fresh) return nullptr;
    if (keep) std::memcpy(fresh, data_, keep);
    std::free(data_);
    data_ = fresh;
    capacity_ = size;
    return data_;
  }
  uint8_t* data() const { return data_; }
  size_t capacity() const { return capacity_; }

 private:
  static constexpr size_t kInitial = size_t{16} * 1024;
  uint8_t* data_ = nullptr;
  size_t capacity_ = 0;
};

}  // namespace aeroshim::proto
