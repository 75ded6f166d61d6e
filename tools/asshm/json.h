// The one JSON helper asshm needs: a string literal with its escapes (the
// rest of each document is numbers and booleans written in place).
#pragma once

#include <string>

namespace asshm {

std::string json_string(const std::string& value);

}  // namespace asshm
