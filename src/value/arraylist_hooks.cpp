// The exported hook tables of the arraylist and its iterator. Each slot
// views the generic pointer as the arraylist it is and delegates.
#include "value/arraylist_hooks.h"

#include "value/arraylist.h"
#include "value/arraylist_iterator.h"
#include "value/memory.h"

#include <aerospike/as_list_iterator.h>

namespace aeroshim {

namespace {

as_arraylist* self(as_list* l) { return reinterpret_cast<as_arraylist*>(l); }
const as_arraylist* self(const as_list* l) { return reinterpret_cast<const as_arraylist*>(l); }
as_list* generic(as_arraylist* l) { return reinterpret_cast<as_list*>(l); }

bool destroy(as_list* l) { return arraylist_release(self(l)); }
// Lists hash to 0, whatever they hold (7.4.0).
uint32_t hashcode(const as_list* /*l*/) { return 0; }
uint32_t size(const as_list* l) { return arraylist_size(self(l)); }
as_val* get(const as_list* l, uint32_t i) { return arraylist_get(self(l), i); }
int64_t get_int64(const as_list* l, uint32_t i) { return arraylist_get_int64(self(l), i); }
double get_double(const as_list* l, uint32_t i) { return arraylist_get_double(self(l), i); }
char* get_str(const as_list* l, uint32_t i) { return arraylist_get_str(self(l), i); }

int set(as_list* l, uint32_t i, as_val* v) { return arraylist_set(self(l), i, v); }
int set_int64(as_list* l, uint32_t i, int64_t v) { return arraylist_set_boxed(self(l), i, v); }
int set_double(as_list* l, uint32_t i, double v) { return arraylist_set_boxed(self(l), i, v); }
int set_str(as_list* l, uint32_t i, const char* v) { return arraylist_set_boxed(self(l), i, v); }

int insert(as_list* l, uint32_t i, as_val* v) { return arraylist_insert(self(l), i, v); }
int insert_int64(as_list* l, uint32_t i, int64_t v) {
  return arraylist_insert_boxed(self(l), i, v);
}
int insert_double(as_list* l, uint32_t i, double v) {
  return arraylist_insert_boxed(self(l), i, v);
}
int insert_str(as_list* l, uint32_t i, const char* v) {
  return arraylist_insert_boxed(self(l), i, v);
}

int append(as_list* l, as_val* v) { return arraylist_append(self(l), v); }
int append_int64(as_list* l, int64_t v) { return arraylist_append_boxed(self(l), v); }
int append_double(as_list* l, double v) { return arraylist_append_boxed(self(l), v); }
int append_str(as_list* l, const char* v) { return arraylist_append_boxed(self(l), v); }

int prepend(as_list* l, as_val* v) { return arraylist_prepend(self(l), v); }
int prepend_int64(as_list* l, int64_t v) { return arraylist_prepend_boxed(self(l), v); }
int prepend_double(as_list* l, double v) { return arraylist_prepend_boxed(self(l), v); }
int prepend_str(as_list* l, const char* v) { return arraylist_prepend_boxed(self(l), v); }

int remove(as_list* l, uint32_t i) { return arraylist_remove(self(l), i); }
int concat(as_list* l, const as_list* l2) { return arraylist_concat(self(l), l2); }
int trim(as_list* l, uint32_t i) { return arraylist_trim(self(l), i); }
as_val* head(const as_list* l) { return arraylist_head(self(l)); }
as_list* tail(const as_list* l) { return generic(arraylist_tail(self(l))); }
as_list* drop(const as_list* l, uint32_t n) { return generic(arraylist_drop(self(l), n)); }
as_list* take(const as_list* l, uint32_t n) { return generic(arraylist_take(self(l), n)); }

bool foreach (const as_list* l, as_list_foreach_callback callback, void* udata) {
  return arraylist_foreach(self(l), callback, udata);
}

as_list_iterator* iterator_new(const as_list* l) {
  auto* it = allocate_struct<as_arraylist_iterator>();
  return reinterpret_cast<as_list_iterator*>(arraylist_iterator_make(it, true, self(l)));
}

as_list_iterator* iterator_init(const as_list* l, as_list_iterator* it) {
  auto* iterator = reinterpret_cast<as_arraylist_iterator*>(it);
  return reinterpret_cast<as_list_iterator*>(arraylist_iterator_make(iterator, false, self(l)));
}

bool iterator_destroy_hook(as_iterator* i) {
  return arraylist_iterator_release(reinterpret_cast<as_arraylist_iterator*>(i));
}

bool iterator_has_next_hook(const as_iterator* i) {
  return arraylist_iterator_has_next(reinterpret_cast<const as_arraylist_iterator*>(i));
}

const as_val* iterator_next_hook(as_iterator* i) {
  return arraylist_iterator_next(reinterpret_cast<as_arraylist_iterator*>(i));
}

}  // namespace

}  // namespace aeroshim

// Slot order is the as_list_hooks member order (ABI).
extern "C" const as_list_hooks as_arraylist_list_hooks = {
    aeroshim::destroy,       aeroshim::hashcode,
    aeroshim::size,          aeroshim::get,
    aeroshim::get_int64,     aeroshim::get_double,
    aeroshim::get_str,       aeroshim::set,
    aeroshim::set_int64,     aeroshim::set_double,
    aeroshim::set_str,       aeroshim::insert,
    aeroshim::insert_int64,  aeroshim::insert_double,
    aeroshim::insert_str,    aeroshim::append,
    aeroshim::append_int64,  aeroshim::append_double,
    aeroshim::append_str,    aeroshim::prepend,
    aeroshim::prepend_int64, aeroshim::prepend_double,
    aeroshim::prepend_str,   aeroshim::remove,
    aeroshim::concat,        aeroshim::trim,
    aeroshim::head,          aeroshim::tail,
    aeroshim::drop,          aeroshim::take,
    aeroshim::foreach,       aeroshim::iterator_new,
    aeroshim::iterator_init,
};

extern "C" const as_iterator_hooks as_arraylist_iterator_hooks = {
    aeroshim::iterator_destroy_hook,
    aeroshim::iterator_has_next_hook,
    aeroshim::iterator_next_hook,
};
