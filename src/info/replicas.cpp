#include "info/replicas.h"

#include "info/decimal.h"
#include "info/excerpt.h"

#include <openssl/evp.h>

#include <algorithm>

namespace aeroshim {
namespace {

template <typename... Args>
Status replicas_error(std::string_view ns, fmt::format_string<Args...> format, Args&&... args) {
  return Status(AEROSPIKE_ERR_CLIENT,
                fmt::format("invalid replicas value for namespace '{}': {}", excerpt(ns),
                            fmt::format(format, std::forward<Args>(args)...)));
}

bool is_base64_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/';
}

// 512 bytes encode as 170 full groups plus one group with a single '='.
// Checking that shape up front matters because EVP_DecodeBlock skips
// surrounding whitespace and always reports whole groups, so its return
// value alone cannot tell a well-formed bitmap from a near miss.
Status decode_bitmap(std::string_view ns, uint32_t index, std::string_view text,
                     PartitionBitmap& out) {
  if (text.size() != ReplicasLimits::kBitmapBase64Chars) {
    return replicas_error(ns, "bitmap {} is {} base64 characters, expected {}", index, text.size(),
                          ReplicasLimits::kBitmapBase64Chars);
  }
  size_t last = text.size() - 1;
  bool shaped = text[last] == '=' && std::all_of(text.begin(), text.begin() + last, is_base64_char);
  if (!shaped) {
    return replicas_error(ns, "bitmap {} is not base64 of {} bytes", index, out.size());
  }
  std::array<unsigned char, ReplicasLimits::kBitmapBase64Chars / 4 * 3> decoded;
  int n = EVP_DecodeBlock(decoded.data(), reinterpret_cast<const unsigned char*>(text.data()),
                          static_cast<int>(text.size()));
  if (n != static_cast<int>(decoded.size())) {
    return replicas_error(ns, "bitmap {} does not decode as base64", index);
  }
  std::copy_n(decoded.begin(), out.size(), out.begin());
  return Status::ok();
}

Result<ReplicasUpdate> parse_namespace(std::string_view entry) {
  size_t colon = entry.find(':');
  if (colon == std::string_view::npos) {
    return replicas_error(entry, "no ':' after the namespace name");
  }
  ReplicasUpdate update;
  std::string_view ns = entry.substr(0, colon);
  if (ns.empty() || ns.size() > ReplicasLimits::kMaxNamespaceBytes) {
    return replicas_error(ns, "the name must be 1..{} bytes", ReplicasLimits::kMaxNamespaceBytes);
  }
  // Names end up in fixed C strings, where a NUL would silently cut them.
  if (ns.find('\0') != std::string_view::npos) {
    return replicas_error(ns, "the name contains a NUL byte");
  }
  update.ns = std::string(ns);

  std::vector<std::string_view> fields;
  for (std::string_view rest = entry.substr(colon + 1);;) {
    size_t comma = rest.find(',');
    fields.push_back(rest.substr(0, comma));
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
  }
  if (fields.size() < 2) return replicas_error(ns, "the replica count is missing");

  std::optional<uint64_t> regime = parse_decimal(fields[0], UINT32_MAX);
  if (!regime) return replicas_error(ns, "regime '{}' is not a u32", excerpt(fields[0]));
  update.regime = static_cast<uint32_t>(*regime);

  std::optional<uint64_t> count = parse_decimal(fields[1], ReplicasLimits::kMaxDeclaredReplicas);
  if (!count || *count == 0) {
    return replicas_error(ns, "replica count '{}' is not in 1..{}", excerpt(fields[1]),
                          ReplicasLimits::kMaxDeclaredReplicas);
  }
  size_t present = fields.size() - 2;
  if (present != *count) {
    return replicas_error(ns, "{} bitmaps declared but {} present", *count, present);
  }
  update.replica_count = static_cast<uint8_t>(std::min<uint64_t>(*count, update.bitmaps.size()));

  PartitionBitmap discarded;
  for (uint32_t i = 0; i < *count; ++i) {
    PartitionBitmap& target = i < update.bitmaps.size() ? update.bitmaps[i] : discarded;
    if (Status s = decode_bitmap(ns, i, fields[i + 2], target); !s) return s;
  }
  return update;
}

}  // namespace

Result<std::vector<ReplicasUpdate>> parse_replicas(std::string_view value) {
  std::vector<ReplicasUpdate> updates;
  while (!value.empty()) {
    size_t semi = value.find(';');
    std::string_view entry = value.substr(0, semi);
    value = semi == std::string_view::npos ? std::string_view() : value.substr(semi + 1);
    if (entry.empty()) {
      return Status::error(AEROSPIKE_ERR_CLIENT,
                           "invalid replicas value: empty namespace entry after {} namespaces",
                           updates.size());
    }
    auto update = parse_namespace(entry);
    if (!update) return update.status();
    updates.push_back(std::move(*update));
  }
  return updates;
}

std::string format_replicas(const std::vector<ReplicasUpdate>& updates) {
  static const PartitionBitmap kEmpty{};
  std::string out;
  std::array<unsigned char, ReplicasLimits::kBitmapBase64Chars + 1> encoded;  // + NUL
  for (size_t i = 0; i < updates.size(); ++i) {
    const ReplicasUpdate& update = updates[i];
    if (i > 0) out += ';';
    fmt::format_to(std::back_inserter(out), "{}:{},{}", update.ns, update.regime,
                   update.replica_count);
    for (uint32_t r = 0; r < update.replica_count; ++r) {
      const PartitionBitmap& bitmap = r < update.bitmaps.size() ? update.bitmaps[r] : kEmpty;
      int n = EVP_EncodeBlock(encoded.data(), bitmap.data(), static_cast<int>(bitmap.size()));
      out += ',';
      out.append(reinterpret_cast<const char*>(encoded.data()), static_cast<size_t>(n));
    }
  }
  return out;
}

}  // namespace aeroshim
