// Status and Result: how every internal function reports failure.
//
// Codes are as_status values so that the C layer converts without a table.
// The message is written for the user who reads err->message: it names the
// field or resource and the value that was wrong, and what to do about it.
//
// Success is the common case on every path, so a Status without a message is
// just its code: nothing is allocated. A message, and the site that created
// it (reported in as_error.func/file/line), live in one heap block that only
// an error with text pays for.
#pragma once

#include <aerospike/as_status.h>

#include <fmt/format.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace aeroshim {

// Where a Status or an entry point was created in the source. The defaults of
// here() are evaluated at the caller's line, so a function that takes
// `CallSite site = CallSite::here()` learns who called it without macros.
struct CallSite {
  const char* func = nullptr;
  const char* file = nullptr;
  unsigned line = 0;

  static constexpr CallSite here(const char* func = __builtin_FUNCTION(),
                                 const char* file = __builtin_FILE(),
                                 unsigned line = __builtin_LINE()) noexcept {
    return CallSite{func, file, line};
  }
  constexpr bool known() const noexcept { return file != nullptr; }
};

namespace status_detail {
template <typename T>
struct identity {
  using type = T;
};
}  // namespace status_detail

// The format string of Status::error together with the site of the call. A
// string literal converts to it implicitly, and that conversion is where the
// default argument reads the caller's site: a variadic function cannot have a
// defaulted parameter after its pack, but its first parameter can carry one.
template <typename... Args>
struct FormatAt {
  template <typename Text>
  FormatAt(const Text& text, CallSite where = CallSite::here())  // NOLINT: implicit by design
      : format(text), site(where) {}

  fmt::format_string<Args...> format;
  CallSite site;
};

class [[nodiscard]] Status {
 public:
  Status() noexcept = default;

  // A code without text: as cheap as the code itself.
  explicit Status(as_status code) noexcept : code_(code) {}

  // An empty message stores nothing, so it also keeps no site.
  Status(as_status code, std::string message, CallSite site = CallSite::here())
      : code_(code), detail_(message.empty() ? nullptr : new Detail{std::move(message), site}) {}

  static Status ok() noexcept { return Status(); }

  template <typename... Args>
  static Status error(as_status code,
                      FormatAt<typename status_detail::identity<Args>::type...> format,
                      Args&&... args) {
    return Status(code, fmt::format(format.format, std::forward<Args>(args)...), format.site);
  }

  Status(const Status& other)
      : code_(other.code_), detail_(other.detail_ ? new Detail(*other.detail_) : nullptr) {}
  Status(Status&& other) noexcept = default;
  Status& operator=(const Status& other) {
    if (this != &other) *this = Status(other);
    return *this;
  }
  Status& operator=(Status&& other) noexcept = default;
  ~Status() = default;

  bool is_ok() const noexcept { return code_ == AEROSPIKE_OK; }
  explicit operator bool() const noexcept { return is_ok(); }
  as_status code() const noexcept { return code_; }
  const std::string& message() const noexcept { return detail_ ? detail_->message : no_message(); }
  // Unknown (!known()) when the status carries no message.
  CallSite site() const noexcept { return detail_ ? detail_->site : CallSite{}; }

 private:
  struct Detail {
    std::string message;
    CallSite site;
  };

  static const std::string& no_message() noexcept {
    static const std::string empty;
    return empty;
  }

  as_status code_ = AEROSPIKE_OK;
  std::unique_ptr<Detail> detail_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
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
