#include "record/rec.h"

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>

namespace aeroshim {

as_rec* rec_cons(as_rec* rec, bool free, void* data, const as_rec_hooks* hooks) noexcept {
  if (rec == nullptr) return nullptr;
  as_val_init(&rec->_, AS_REC, free);
  rec->data = data;
  rec->hooks = hooks;
  return rec;
}

as_rec* rec_new(void* data, const as_rec_hooks* hooks) {
  auto* rec = static_cast<as_rec*>(std::malloc(sizeof(as_rec)));
  if (rec == nullptr) throw std::bad_alloc();
  return rec_cons(rec, true, data, hooks);
}

void rec_val_destroy(as_val* v) noexcept {
  as_rec* rec = as_rec_fromval(v);
  (void)as_util_hook(destroy, false, rec);
}

uint32_t rec_val_hashcode(const as_val* v) noexcept {
  as_rec* rec = as_rec_fromval(v);
  return as_util_hook(hashcode, 0, rec);
}

char* rec_val_tostring(const as_val* /*v*/) {
  // Records do not print their bins; 7.4.0 answers this fixed text.
  static constexpr char kText[] = "[ REC ]";
  auto* text = static_cast<char*>(std::malloc(sizeof(kText)));
  if (text == nullptr) throw std::bad_alloc();
  std::memcpy(text, kText, sizeof(kText));
  return text;
}

}  // namespace aeroshim
