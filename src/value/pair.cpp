#include "value/pair.h"

#include "value/memory.h"
#include "value/val.h"

#include <cstring>

namespace aeroshim {

as_pair* pair_make(as_pair* pair, bool free, as_val* first, as_val* second) noexcept {
  if (pair == nullptr) return nullptr;
  as_val_init(&pair->_, AS_PAIR, free);
  pair->_1 = first;
  pair->_2 = second;
  return pair;
}

void pair_clear(as_val* v) noexcept {
  as_pair* pair = as_pair_fromval(v);
  if (pair == nullptr) return;
  if (pair->_1 != nullptr) val_release(pair->_1);
  if (pair->_2 != nullptr) val_release(pair->_2);
}

// A side without a rendering leaves the pair without one.
char* pair_text(const as_val* v) noexcept {
  const as_pair* pair = as_pair_fromval(v);
  if (pair == nullptr) return nullptr;
  char* first = val_text(pair->_1);
  char* second = val_text(pair->_2);
  char* text = nullptr;
  if (first != nullptr && second != nullptr) {
    size_t first_len = std::strlen(first);
    size_t second_len = std::strlen(second);
    text = static_cast<char*>(std::malloc(first_len + second_len + 5));
    if (text != nullptr) {
      char* out = text;
      *out++ = '(';
      out = static_cast<char*>(std::memcpy(out, first, first_len)) + first_len;
      *out++ = ',';
      *out++ = ' ';
      out = static_cast<char*>(std::memcpy(out, second, second_len)) + second_len;
      *out++ = ')';
      *out = '\0';
    }
  }
  std::free(first);
  std::free(second);
  return text;
}

}  // namespace aeroshim
