#include "value/text.h"

#include "value/memory.h"

#include <cstring>

namespace aeroshim {

namespace {

template <typename Text>
Text* text_of(const as_val* v) noexcept {
  return v != nullptr && v->type == TextTag<Text>::value
             ? reinterpret_cast<Text*>(const_cast<as_val*>(v))
             : nullptr;
}

bool is_separator(char c) noexcept { return c == '/' || c == '\\'; }

}  // namespace

template <typename Text>
Text* text_new(char* value, size_t len, bool value_free) noexcept {
  return text_make(allocate_struct<Text>(), true, value, len, value_free);
}

template <typename Text>
Text* text_new_copy(const char* value) noexcept {
  char* copy = value != nullptr ? copy_text(value) : nullptr;
  if (value != nullptr && copy == nullptr) return nullptr;
  Text* text = text_new<Text>(copy, SIZE_MAX, true);
  if (text == nullptr) std::free(copy);
  return text;
}

template <typename Text>
size_t text_length(Text* text) noexcept {
  if (text == nullptr || text->value == nullptr) return 0;
  if (text->len == SIZE_MAX) text->len = std::strlen(text->value);
  return text->len;
}

template <typename Text>
void text_clear(as_val* v) noexcept {
  Text* text = text_of<Text>(v);
  if (text == nullptr) return;
  if (text->value != nullptr && text->free) std::free(text->value);
  text->value = nullptr;
  text->free = false;
}

template <typename Text>
uint32_t text_hash(const as_val* v) noexcept {
  const Text* text = text_of<Text>(v);
  if (text == nullptr || text->value == nullptr) return 0;
  uint32_t hash = 0;
  for (const char* c = text->value; *c != '\0'; ++c) {
    // A char is signed on the platforms 7.4.0 ships for; bytes above 0x7F
    // enter the sum as negative numbers there, and so they do here.
    auto term = static_cast<uint32_t>(static_cast<int>(static_cast<signed char>(*c)));
    hash = term + (hash << 6) + (hash << 16) - hash;
  }
  return hash;
}

template <typename Text>
char* text_quoted(const as_val* v) noexcept {
  Text* text = text_of<Text>(v);
  if (text == nullptr || text->value == nullptr) return nullptr;
  size_t len = text_length(text);
  auto* quoted = static_cast<char*>(std::malloc(len + 3));
  if (quoted == nullptr) return nullptr;
  quoted[0] = '"';
  std::memcpy(quoted + 1, text->value, len);
  quoted[len + 1] = '"';
  quoted[len + 2] = '\0';
  return quoted;
}

template as_string* text_new<as_string>(char*, size_t, bool) noexcept;
template as_geojson* text_new<as_geojson>(char*, size_t, bool) noexcept;
template as_string* text_new_copy<as_string>(const char*) noexcept;
template as_geojson* text_new_copy<as_geojson>(const char*) noexcept;
template size_t text_length<as_string>(as_string*) noexcept;
template size_t text_length<as_geojson>(as_geojson*) noexcept;
template void text_clear<as_string>(as_val*) noexcept;
template void text_clear<as_geojson>(as_val*) noexcept;
template uint32_t text_hash<as_string>(const as_val*) noexcept;
template uint32_t text_hash<as_geojson>(const as_val*) noexcept;
template char* text_quoted<as_string>(const as_val*) noexcept;
template char* text_quoted<as_geojson>(const as_val*) noexcept;

namespace {

// The last name of a path that ends in separators ("a/b//" names "b"), as a
// new heap string; "/" when the path is only separators.
const char* trailing_name(as_string* filename, const char* path, const char* end) noexcept {
  const char* last = end - 1;
  while (is_separator(*last)) {
    if (last == path) {
      static char root[] = "/";
      text_make(filename, false, root, 1, false);
      return root;
    }
    --last;
  }
  const char* first = last;
  while (first != path && !is_separator(*(first - 1))) --first;
  size_t len = static_cast<size_t>(last - first) + 1;
  char* name = copy_text(first, len);
  text_make(filename, false, name, name != nullptr ? len : 0, true);
  return name;
}

}  // namespace

// The file name after the last separator, borrowed from path when it can
// be; 7.4.0 fills `filename` with the same characters it returns.
const char* basename_of(as_string* filename, const char* path) noexcept {
  if (path == nullptr || *path == '\0') {
    static char dot[] = ".";
    text_make(filename, false, dot, 1, false);
    return dot;
  }
  const char* end = path;
  const char* begin = nullptr;
  for (; *end != '\0'; ++end) {
    if (is_separator(*end)) begin = end + 1;
  }
  if (begin == nullptr) {
    text_make(filename, false, const_cast<char*>(path), static_cast<size_t>(end - path), false);
    return path;
  }
  if (begin == end) return trailing_name(filename, path, end);
  text_make(filename, false, const_cast<char*>(begin), static_cast<size_t>(end - begin), false);
  return begin;
}

}  // namespace aeroshim
