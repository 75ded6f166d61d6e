#include "info/info_error.h"

#include "ops/base64.h"

#include <cstdlib>
#include <vector>

namespace aeroshim {
namespace {

// The udf-put failure's text ends with "message=<base64>" (then perhaps a
// newline): shown decoded when it decodes, as it came otherwise.
std::string decode_message_part(std::string_view text) {
  const size_t at = text.find("message=");
  if (at == std::string_view::npos) return std::string(text);
  std::string_view encoded = text.substr(at + 8);
  if (!encoded.empty() && encoded.back() == '\n') encoded.remove_suffix(1);
  const auto length = static_cast<uint32_t>(encoded.size());
  if (!b64_valid(encoded.data(), length)) return std::string(text);
  std::vector<uint8_t> decoded(length / 4 * 3 + 1);
  uint32_t size = 0;
  b64_decode(reinterpret_cast<const uint8_t*>(encoded.data()), length, decoded.data(), &size);
  std::string out(text.substr(0, at + 8));
  out.append(reinterpret_cast<const char*>(decoded.data()), size);
  return out;
}

// "[code][:text]" up to the next tab, else the next newline.
InfoError coded_error(std::string_view text) {
  size_t end = text.find('\t');
  if (end == std::string_view::npos) end = text.find('\n');
  text = text.substr(0, end);
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos) return InfoError{AEROSPIKE_ERR_SERVER, std::string(text)};
  // atoi's reading: leading blanks, a sign, digits; anything else is 0.
  const int code = std::atoi(std::string(text.substr(0, colon)).c_str());
  return InfoError{code == 0 ? AEROSPIKE_ERR_SERVER : static_cast<as_status>(code),
                   decode_message_part(text.substr(colon + 1))};
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::optional<InfoError> find_info_error(std::string_view answer) {
  if (starts_with(answer, "ERROR:")) return coded_error(answer.substr(6));
  for (size_t tab = answer.find('\t'); tab != std::string_view::npos;
       tab = answer.find('\t', tab + 1)) {
    const std::string_view rest = answer.substr(tab + 1);
    if (starts_with(rest, "ERROR:")) return coded_error(rest.substr(6));
    if (starts_with(rest, "FAIL:")) return coded_error(rest.substr(5));
    if (starts_with(rest, "error=")) return InfoError{AEROSPIKE_ERR_UDF, decode_message_part(rest)};
  }
  return std::nullopt;
}

}  // namespace aeroshim
