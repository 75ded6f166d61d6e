// The exported logging state and the one function that calls the callback.
#include "core/log.h"

// Initial state as in 7.4.0: level INFO, no callback, so nothing is printed.
as_log g_as_log = {AS_LOG_LEVEL_INFO, false, nullptr};

namespace aeroshim {

bool log_enabled(as_log_level level) noexcept {
  return g_as_log.callback != nullptr && level <= g_as_log.level;
}

void log_line(as_log_level level, const char* func, const char* file, unsigned line,
              const std::string& text) noexcept {
  as_log_callback callback = g_as_log.callback;
  if (callback != nullptr) {
    callback(level, func, file, line, "%s", text.c_str());
  }
}

}  // namespace aeroshim
