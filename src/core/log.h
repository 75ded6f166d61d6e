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

#define log_error(...) \
  ::aeroshim::log_at(AS_LOG_LEVEL_ERROR, __func__, __FILE__, __LINE__, __VA_ARGS__)
#define log_warn(...) \
  ::aeroshim::log_at(AS_LOG_LEVEL_WARN, __func__, __FILE__, __LINE__, __VA_ARGS__)
#define log_info(...) \
  ::aeroshim::log_at(AS_LOG_LEVEL_INFO, __func__, __FILE__, __LINE__, __VA_ARGS__)
#define log_debug(...) \
  ::aeroshim::log_at(AS_LOG_LEVEL_DEBUG, __func__, __FILE__, __LINE__, __VA_ARGS__)
