// Logging through the user's g_as_log callback, formatted with fmt.
//
// As in 7.4.0, nothing is printed unless the application installed a
// callback, and a line is formatted only when its level is enabled.
#pragma once

#include <aerospike/as_log.h>

#include <fmt/format.h>

#include <string>

namespace aeroshim {

bool log_enabled(as_log_level level) noexcept;
void log_line(as_log_level level, const char* func, const char* file, unsigned line,
              const std::string& text) noexcept;

template <typename... Args>
void log_at(as_log_level level, const char* func, const char* file, unsigned line,
            fmt::format_string<Args...> format, Args&&... args) noexcept {
  if (!log_enabled(level)) {
    return;
  }
  try {
    log_line(level, func, file, line, fmt::format(format, std::forward<Args>(args)...));
  } catch (...) {
    // A log line that cannot be formatted (out of memory) is dropped.
  }
}

}  // namespace aeroshim

// The level is checked before the arguments are evaluated, so a disabled line
// costs one load and compare: no address string or message is built for it.
#define AEROSHIM_LOG_AT(level, ...)                                         \
  do {                                                                      \
    if (::aeroshim::log_enabled(level))                                     \
      ::aeroshim::log_at(level, __func__, __FILE__, __LINE__, __VA_ARGS__); \
  } while (false)
#define log_error(...) AEROSHIM_LOG_AT(AS_LOG_LEVEL_ERROR, __VA_ARGS__)
#define log_warn(...) AEROSHIM_LOG_AT(AS_LOG_LEVEL_WARN, __VA_ARGS__)
#define log_info(...) AEROSHIM_LOG_AT(AS_LOG_LEVEL_INFO, __VA_ARGS__)
#define log_debug(...) AEROSHIM_LOG_AT(AS_LOG_LEVEL_DEBUG, __VA_ARGS__)
