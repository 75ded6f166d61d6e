// The guard of the data commands' entry points: core/error.h's guard, plus
// the one as_error field a command sets after it, whether a write it sent
// may have been applied although it reports failure (7.4.0's in_doubt).
#pragma once

#include "command/executor.h"
#include "core/error.h"

#include <aerospike/as_error.h>

#include <initializer_list>
#include <utility>

namespace aeroshim {

template <typename Body>
as_status command_guard(as_error* err, std::initializer_list<Required> required, Body&& body,
                        CallSite entry = CallSite::here()) noexcept {
  bool in_doubt = false;
  const as_status code = guard(
      err, required,
      [&] {
        CommandOutcome outcome = body();
        in_doubt = outcome.in_doubt;
        return std::move(outcome.status);
      },
      entry);
  if (err && in_doubt) err->in_doubt = true;
  return code;
}

}  // namespace aeroshim
