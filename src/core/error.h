// The one place that writes an as_error, and the guard every extern "C"
// entry point runs its body through.
//
// An entry point is one call:
//   return guard(err, {{as, "as"}}, [&] { return client_connect(as); });
// The guard resets err as 7.4.0 does, answers a NULL required argument with
// "aerospike_connect: as is NULL", runs the body, converts any exception, and
// writes the result into err. The guard is noexcept, which is what keeps C++
// exceptions out of C: the public headers stay exactly as 7.4.0 declares them.
// Its last parameter defaults to the caller's site, so the C layer never
// spells __func__/__FILE__/__LINE__; a Status that knows where it was created
// reports that site instead.
#pragma once

#include "core/status.h"

#include <aerospike/as_error.h>

#include <initializer_list>
#include <utility>

namespace aeroshim {

// Fills err (when not NULL) and returns code: the only writer of as_error in
// the library, so err->code always equals the return. An OK code leaves
// func/file/line cleared, as as_error_reset does.
as_status write_error(as_error* err, as_status code, const char* message, CallSite site) noexcept;

// The same from a Status: its own site when it has one, otherwise entry.
as_status write_error(as_error* err, const Status& status, CallSite entry) noexcept;

// Copies src into trg[size] (truncating, always terminated) and tells whether
// it had to truncate: as_strncpy's contract, and how messages enter as_error.
bool copy_truncated(char* trg, const char* src, int size) noexcept;

// A pointer argument the entry point cannot work without, with its name for
// the message. Any pointer type, function pointers included.
struct Required {
  template <typename T>
  Required(T* pointer, const char* argument_name) noexcept  // NOLINT: built from {p, "p"}
      : present(pointer != nullptr), name(argument_name) {}

  bool present;
  const char* name;
};

// What the guards do around the body; out of line, and none of them allocates.
as_status write_missing_argument(as_error* err, const char* name, CallSite entry) noexcept;
as_status write_current_exception(as_error* err, CallSite entry) noexcept;
void log_missing_argument(const char* name, CallSite entry) noexcept;
void log_current_exception(CallSite entry) noexcept;

// For entry points that return as_status and fill an as_error: body returns
// Status.
template <typename Body>
as_status guard(as_error* err, std::initializer_list<Required> required, Body&& body,
                CallSite entry = CallSite::here()) noexcept {
  if (err != nullptr) as_error_reset(err);
  for (const Required& argument : required) {
    if (!argument.present) return write_missing_argument(err, argument.name, entry);
  }
  try {
    return write_error(err, std::forward<Body>(body)(), entry);
  } catch (...) {
    return write_current_exception(err, entry);
  }
}

// For entry points with no as_error (values, bools, pointers, or a bare
// as_status): a missing argument or an exception returns fallback, and the
// reason goes to the log, the only channel such a function has.
template <typename T, typename Body>
T guard_value(T fallback, std::initializer_list<Required> required, Body&& body,
              CallSite entry = CallSite::here()) noexcept {
  for (const Required& argument : required) {
    if (!argument.present) {
      log_missing_argument(argument.name, entry);
      return fallback;
    }
  }
  try {
    return std::forward<Body>(body)();
  } catch (...) {
    log_current_exception(entry);
    return fallback;
  }
}

// guard_value for entry points that return nothing.
template <typename Body>
void guard_void(std::initializer_list<Required> required, Body&& body,
                CallSite entry = CallSite::here()) noexcept {
  guard_value(
      0, required,
      [&] {
        std::forward<Body>(body)();
        return 0;
      },
      entry);
}

}  // namespace aeroshim
