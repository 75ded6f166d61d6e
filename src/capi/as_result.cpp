// extern "C" entry points of as_result.h.
#include "core/error.h"
#include "value/result.h"

#include <aerospike/as_result.h>

using namespace aeroshim;

extern "C" {

as_result* as_result_init(as_result* r) {
  return guard_value<as_result*>(nullptr, {},
                                 [&] { return result_make(r, false, false, nullptr); });
}

as_result* as_result_new(void) {
  return guard_value<as_result*>(nullptr, {}, [&] { return result_new(false, nullptr); });
}

as_result* as_result_reserve(as_result* r) {
  return guard_value<as_result*>(nullptr, {}, [&] { return result_reserve(r); });
}

void as_result_destroy(as_result* r) {
  guard_void({}, [&] { result_destroy(r); });
}

as_result* as_success_new(as_val* v) {
  return guard_value<as_result*>(nullptr, {}, [&] { return result_new(true, v); });
}

as_result* as_failure_new(as_val* v) {
  return guard_value<as_result*>(nullptr, {}, [&] { return result_new(false, v); });
}

as_result* as_success_init(as_result* r, as_val* v) {
  return guard_value<as_result*>(nullptr, {}, [&] { return result_make(r, false, true, v); });
}

as_result* as_failure_init(as_result* r, as_val* v) {
  return guard_value<as_result*>(nullptr, {}, [&] { return result_make(r, false, false, v); });
}

as_val* as_result_value(as_result* r) {
  return guard_value<as_val*>(nullptr, {}, [&] { return r != nullptr ? r->value : nullptr; });
}

as_result* as_result_setsuccess(as_result* r, as_val* v) {
  return guard_value<as_result*>(nullptr, {}, [&] { return result_set(r, true, v); });
}

as_result* as_result_setfailure(as_result* r, as_val* v) {
  return guard_value<as_result*>(nullptr, {}, [&] { return result_set(r, false, v); });
}

}  // extern "C"
