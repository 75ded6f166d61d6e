// extern "C" entry points of citrusleaf/alloc.h. The plain allocators are the
// C library's, as in 7.4.0: memory from cf_malloc may be released with free()
// and the reverse, which programs and the value model rely on.
#include <citrusleaf/alloc.h>

#include <cstdlib>
#include <cstring>

namespace {

// The count is shared by every thread holding the block; the header is a
// plain C struct, so it is reached with the compiler's atomic builtins.
uint32_t* count_of(void* addr) { return &(static_cast<cf_rc_hdr*>(addr) - 1)->count; }

}  // namespace

extern "C" {

void* cf_malloc(size_t sz) { return std::malloc(sz); }
void* cf_calloc(size_t nmemb, size_t sz) { return std::calloc(nmemb, sz); }
void* cf_realloc(void* ptr, size_t sz) { return std::realloc(ptr, sz); }
void* cf_strdup(const char* s) { return s ? strdup(s) : nullptr; }
void* cf_strndup(const char* s, size_t n) { return s ? strndup(s, n) : nullptr; }
void* cf_valloc(size_t sz) { return valloc(sz); }
void cf_free(void* p) { std::free(p); }

void* cf_rc_alloc(size_t sz) {
  auto* head = static_cast<cf_rc_hdr*>(std::malloc(sizeof(cf_rc_hdr) + sz));
  if (!head) return nullptr;
  head->count = 1;
  head->sz = static_cast<uint32_t>(sz);
  return head + 1;
}

void cf_rc_free(void* addr) {
  if (addr) std::free(static_cast<cf_rc_hdr*>(addr) - 1);
}

uint32_t cf_rc_reserve(void* addr) {
  return __atomic_add_fetch(count_of(addr), 1, __ATOMIC_RELAXED);
}

// Release order, and acquire for the last holder, so that whoever frees the
// block sees every write the other holders made to it.
uint32_t cf_rc_release(void* addr) {
  return __atomic_sub_fetch(count_of(addr), 1, __ATOMIC_ACQ_REL);
}

uint32_t cf_rc_releaseandfree(void* addr) {
  uint32_t left = cf_rc_release(addr);
  if (left == 0) cf_rc_free(addr);
  return left;
}

}  // extern "C"
