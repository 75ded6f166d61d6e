#include "value/list.h"

#include "value/text_buffer.h"
#include "value/val.h"

#include <cstdlib>

extern "C" const char NULL_STR[7] = "<NULL>";

namespace aeroshim {

as_list* list_make(as_list* list, bool free, const as_list_hooks* hooks) noexcept {
  if (list == nullptr) return nullptr;
  as_val_init(&list->_, AS_LIST, free);
  list->hooks = hooks;
  list->flags = 0;
  return list;
}

void list_clear(as_val* v) noexcept {
  as_list* list = as_list_fromval(v);
  if (list != nullptr && list->hooks != nullptr && list->hooks->destroy != nullptr) {
    list->hooks->destroy(list);
  }
}

uint32_t list_hash(const as_val* v) noexcept {
  return as_list_hashcode(as_list_fromval(const_cast<as_val*>(v)));
}

namespace {

struct ListRendering {
  TextBuffer text;
  bool first = true;
};

bool render_element(as_val* element, void* udata) {
  auto* rendering = static_cast<ListRendering*>(udata);
  if (!rendering->first) rendering->text.append(", ", 2);
  rendering->first = false;
  char* element_text = val_text(element);
  rendering->text.append(element_text != nullptr ? element_text : NULL_STR);
  std::free(element_text);
  return true;
}

}  // namespace

char* list_text(const as_val* v) noexcept {
  ListRendering rendering;
  rendering.text.append("[", 1);
  const as_list* list = as_list_fromval(const_cast<as_val*>(v));
  if (list != nullptr) as_list_foreach(list, render_element, &rendering);
  rendering.text.append("]", 1);
  return rendering.text.release();
}

}  // namespace aeroshim
