// Writing as_error, and what the entry guards report when a body cannot run
// or throws. Everything here formats into fixed buffers: the path that
// reports "out of memory" must not need memory.
#include "core/error.h"

#include "core/log.h"

#include <boost/interprocess/exceptions.hpp>

#include <cstring>
#include <exception>
#include <new>

namespace aeroshim {
namespace {

using MessageBuffer = char[AS_ERROR_MESSAGE_MAX_SIZE];

// Formats into buffer, truncated to fit and always terminated.
template <typename... Args>
const char* format_into(MessageBuffer& buffer, fmt::format_string<Args...> format,
                        Args&&... args) noexcept {
  try {
    auto written =
        fmt::format_to_n(buffer, sizeof(buffer) - 1, format, std::forward<Args>(args)...);
    *written.out = '\0';
  } catch (...) {
    // fmt throws only when a format string does not fit its arguments.
    buffer[0] = '\0';
  }
  return buffer;
}

const char* missing_text(MessageBuffer& buffer, const char* name, CallSite entry) noexcept {
  return format_into(buffer, "{}: {} is NULL", entry.func, name);
}

// Must be called from inside a catch block.
const char* current_exception_text(MessageBuffer& buffer) noexcept {
  try {
    throw;
  } catch (const std::bad_alloc&) {
    return format_into(buffer, "out of memory");
  } catch (const boost::interprocess::interprocess_exception& e) {
    return format_into(buffer, "shared memory: {} (errno {})", e.what(), e.get_native_error());
  } catch (const std::exception& e) {
    return format_into(buffer, "internal error: {}", e.what());
  } catch (...) {
    return format_into(buffer, "internal error: unknown exception");
  }
}

}  // namespace

bool copy_truncated(char* trg, const char* src, int size) noexcept {
  if (trg == nullptr || size <= 0) return src != nullptr && *src != '\0';
  if (src == nullptr) {
    *trg = '\0';
    return false;
  }
  size_t room = static_cast<size_t>(size) - 1;
  size_t length = strnlen(src, room + 1);
  bool truncated = length > room;
  size_t n = truncated ? room : length;
  std::memcpy(trg, src, n);
  trg[n] = '\0';
  return truncated;
}

as_status write_error(as_error* err, as_status code, const char* message, CallSite site) noexcept {
  if (err == nullptr) return code;
  err->code = code;
  copy_truncated(err->message, message, sizeof(err->message));
  err->in_doubt = false;
  if (code == AEROSPIKE_OK) site = CallSite{};
  err->func = site.func;
  err->file = site.file;
  err->line = site.line;
  return code;
}

as_status write_error(as_error* err, const Status& status, CallSite entry) noexcept {
  CallSite own = status.site();
  return write_error(err, status.code(), status.message().c_str(), own.known() ? own : entry);
}

as_status write_missing_argument(as_error* err, const char* name, CallSite entry) noexcept {
  MessageBuffer buffer;
  return write_error(err, AEROSPIKE_ERR_PARAM, missing_text(buffer, name, entry), entry);
}

as_status write_current_exception(as_error* err, CallSite entry) noexcept {
  MessageBuffer buffer;
  return write_error(err, AEROSPIKE_ERR_CLIENT, current_exception_text(buffer), entry);
}

void log_missing_argument(const char* name, CallSite entry) noexcept {
  MessageBuffer buffer;
  log_at(AS_LOG_LEVEL_ERROR, entry.func, entry.file, entry.line, "{}",
         missing_text(buffer, name, entry));
}

void log_current_exception(CallSite entry) noexcept {
  MessageBuffer buffer;
  const char* text = current_exception_text(buffer);
  log_at(AS_LOG_LEVEL_ERROR, entry.func, entry.file, entry.line, "{}: {}", entry.func, text);
}

}  // namespace aeroshim
