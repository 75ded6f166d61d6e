// Allocation of value structs and the text they render. Everything a program
// may release with free(), cf_free() or as_val_destroy comes from malloc, as
// in 7.4.0, so these are thin and never throw.
#pragma once

#include <cstdlib>
#include <cstring>

namespace aeroshim {

// Uninitialised storage for one T from malloc, or nullptr.
template <typename T>
T* allocate_struct() noexcept {
  return static_cast<T*>(std::malloc(sizeof(T)));
}

// A malloc'd, terminated copy of the first len characters of text.
inline char* copy_text(const char* text, size_t len) noexcept {
  auto* copy = static_cast<char*>(std::malloc(len + 1));
  if (copy == nullptr) return nullptr;
  std::memcpy(copy, text, len);
  copy[len] = '\0';
  return copy;
}

inline char* copy_text(const char* text) noexcept { return copy_text(text, std::strlen(text)); }

}  // namespace aeroshim
