// Status and Result: how every internal function reports failure.
//
// Codes are as_status values so that the C layer converts without a table.
// The message is written for the user who reads err->message: it names the
// field or resource and the value that was wrong, and what to do about it.
#pragma once

#include <aerospike/as_status.h>

#include <fmt/format.h>

#include <optional>
#include <string>
#include <utility>

namespace aeroshim {

class [[nodiscard]] Status {
 public:
  Status() = default;

  static Status ok() { return Status(); }

  template <typename... Args>
  static Status error(as_status code, fmt::format_string<Args...> format, Args&&... args) {
    return Status(code, fmt::format(format, std::forward<Args>(args)...));
  }

  Status(as_status code, std::string message) : code_(code), message_(std::move(message)) {}

  bool is_ok() const { return code_ == AEROSPIKE_OK; }
  explicit operator bool() const { return is_ok(); }
  as_status code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  as_status code_ = AEROSPIKE_OK;
  std::string message_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool is_ok() const { return value_.has_value(); }
  explicit operator bool() const { return is_ok(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace aeroshim
