#include "value/map.h"

#include "value/text_buffer.h"
#include "value/val.h"

#include <cstdlib>

namespace aeroshim {

as_map* map_make(as_map* map, bool free, uint32_t flags, const as_map_hooks* hooks) noexcept {
  if (map == nullptr) return nullptr;
  as_val_init(&map->_, AS_MAP, free);
  map->flags = flags;
  map->hooks = hooks;
  return map;
}

void map_clear(as_val* v) noexcept {
  as_map* map = as_map_fromval(v);
  if (map != nullptr && map->hooks != nullptr && map->hooks->destroy != nullptr) {
    map->hooks->destroy(map);
  }
}

uint32_t map_hash(const as_val* v) noexcept { return as_map_hashcode(as_map_fromval(v)); }

namespace {

struct MapRendering {
  TextBuffer text;
  bool first = true;
};

bool render_entry(const as_val* key, const as_val* value, void* udata) {
  auto* rendering = static_cast<MapRendering*>(udata);
  char* key_text = val_text(key);
  char* value_text = key_text != nullptr ? val_text(value) : nullptr;
  bool rendered = key_text != nullptr && value_text != nullptr;
  if (rendered) {
    if (!rendering->first) rendering->text.append(", ", 2);
    rendering->first = false;
    rendering->text.append(key_text);
    rendering->text.append(":", 1);
    rendering->text.append(value_text);
  }
  std::free(key_text);
  std::free(value_text);
  return rendered;
}

}  // namespace

char* map_text(const as_val* v) noexcept {
  MapRendering rendering;
  rendering.text.append("{", 1);
  const as_map* map = as_map_fromval(v);
  if (map != nullptr) as_map_foreach(map, render_entry, &rendering);
  rendering.text.append("}", 1);
  return rendering.text.release();
}

}  // namespace aeroshim
