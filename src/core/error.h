// The one place that writes an as_error, and the guard every extern "C"
// entry point runs its body through so no C++ exception reaches C.
#pragma once

#include "core/status.h"

#include <aerospike/as_error.h>

#include <new>
#include <utility>

namespace aeroshim {

// Fills err (when not NULL) from status and returns status.code(): the only
// writer of as_error in the library, so err->code always equals the return.
as_status write_error(as_error* err, const Status& status, const char* func, const char* file,
                      unsigned line) noexcept;

// Converts whatever the current exception is into a Status.
Status status_from_current_exception() noexcept;

// Runs body (which returns Status) and converts exceptions; used as
//   return guarded(err, __func__, [&] { return do_work(...); });
template <typename Body>
as_status guarded(as_error* err, const char* func, Body&& body) noexcept {
  try {
    Status status = std::forward<Body>(body)();
    return write_error(err, status, func, __FILE__, __LINE__);
  } catch (...) {
    return write_error(err, status_from_current_exception(), func, __FILE__, __LINE__);
  }
}

// For entry points that return no status (void, bool, pointers): runs body
// and returns fallback when it throws, after logging the reason.
template <typename T, typename Body>
T guarded_value(T fallback, const char* func, Body&& body) noexcept {
  try {
    return std::forward<Body>(body)();
  } catch (...) {
    void log_swallowed_exception(const char* func, const Status& status) noexcept;
    log_swallowed_exception(func, status_from_current_exception());
    return fallback;
  }
}

}  // namespace aeroshim
