// The two text values, as_string and as_geojson: the same layout (flag,
// characters, cached length) under different type tags, so one template
// serves both. Also as_basename, which builds a borrowed-or-owned as_string.
#pragma once

#include <aerospike/as_geojson.h>
#include <aerospike/as_string.h>

#include <cstddef>
#include <cstdint>

namespace aeroshim {

// The type tag of each text struct.
template <typename Text>
struct TextTag;
template <>
struct TextTag<as_string> {
  static constexpr as_val_t value = AS_STRING;
};
template <>
struct TextTag<as_geojson> {
  static constexpr as_val_t value = AS_GEOJSON;
};

// len SIZE_MAX means "not measured yet".
template <typename Text>
Text* text_make(Text* text, bool free, char* value, size_t len, bool value_free) noexcept {
  if (text == nullptr) return nullptr;
  as_val_init(&text->_, TextTag<Text>::value, free);
  text->free = value_free;
  text->value = value;
  text->len = len;
  return text;
}

// A heap struct; nullptr when out of memory.
template <typename Text>
Text* text_new(char* value, size_t len, bool value_free) noexcept;

// A heap struct owning a copy of value (nullptr value: no characters).
template <typename Text>
Text* text_new_copy(const char* value) noexcept;

// Characters before the terminator, measured once and cached; 0 without text.
template <typename Text>
size_t text_length(Text* text) noexcept;

template <typename Text>
void text_clear(as_val* v) noexcept;

// The multiplicative hash 7.4.0 uses for text (65599), over signed chars.
template <typename Text>
uint32_t text_hash(const as_val* v) noexcept;

// The text between double quotes; nullptr for a value without characters.
template <typename Text>
char* text_quoted(const as_val* v) noexcept;

const char* basename_of(as_string* filename, const char* path) noexcept;

}  // namespace aeroshim
