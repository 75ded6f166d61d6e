// Info parameters read the way the server's info layer reads them: a value
// has a buffer size it must fit, an empty value is an error of its own, and
// a failure answers "ERROR:<code>:<text>" with the server's wording.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace asim::info {

enum class ParamState { kMissing, kOk, kEmpty, kTooLong };

struct Param {
  ParamState state = ParamState::kMissing;
  std::string value;
};

// `key`'s value in "k=v;k=v" `params`; `buffer` is the server's buffer size
// for it (the value must be shorter).
Param get(const std::string& params, std::string_view key, size_t buffer);

// The namespace under "namespace=" or its older alias "ns=".
Param get_namespace_or_ns(const std::string& params, size_t buffer);

// The server's error answer; code 1 (unknown) leaves the number out.
std::string error(int code, std::string_view message);

// The error a present but unusable value answers (empty or too long);
// nullopt when `p` is fine or absent.
std::optional<std::string> optional_error(std::string_view key, const Param& p);

// As optional_error, and an absent value is an error too.
std::optional<std::string> required_error(std::string_view key, const Param& p);

// The server's buffer sizes for the common parameters, and the codes its
// info layer answers with.
constexpr size_t kNamespaceBuffer = 32;  // AS_ID_NAMESPACE_SZ
constexpr size_t kSetBuffer = 64;        // AS_SET_NAME_MAX_SIZE
constexpr int kErrParameter = 4;
constexpr int kErrNamespace = 20;

}  // namespace asim::info
