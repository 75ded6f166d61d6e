// Writing as_error and turning exceptions into Status values.
#include "core/error.h"

#include "core/log.h"

#include <boost/interprocess/exceptions.hpp>

#include <cstring>
#include <exception>

namespace aeroshim {

as_status write_error(as_error* err, const Status& status, const char* func, const char* file,
                      unsigned line) noexcept {
  if (err == nullptr) {
    return status.code();
  }
  err->code = status.code();
  const std::string& message = status.message();
  size_t n = message.size() < AS_ERROR_MESSAGE_MAX_LEN ? message.size() : AS_ERROR_MESSAGE_MAX_LEN;
  std::memcpy(err->message, message.data(), n);
  err->message[n] = '\0';
  err->in_doubt = false;
  if (status.is_ok()) {
    err->func = nullptr;
    err->file = nullptr;
    err->line = 0;
  } else {
    err->func = func;
    err->file = file;
    err->line = line;
  }
  return status.code();
}

Status status_from_current_exception() noexcept {
  try {
    throw;
  } catch (const std::bad_alloc&) {
    return Status(AEROSPIKE_ERR_CLIENT, "out of memory");
  } catch (const boost::interprocess::interprocess_exception& e) {
    return Status(AEROSPIKE_ERR_CLIENT,
                  std::string("shared memory: ") + e.what() + " (errno " +
                      std::to_string(e.get_native_error()) + ")");
  } catch (const std::exception& e) {
    return Status(AEROSPIKE_ERR_CLIENT, std::string("internal error: ") + e.what());
  } catch (...) {
    return Status(AEROSPIKE_ERR_CLIENT, "internal error: unknown exception");
  }
}

void log_swallowed_exception(const char* func, const Status& status) noexcept {
  log_error("{}: {}", func, status.message());
}

}  // namespace aeroshim
