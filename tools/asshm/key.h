// Reading a shm_key the way an operator types or copies it, strictly: a key
// that is misread names another segment, and `rm` would act on it.
//
// Accepted, and nothing else:
//   0xA5000000 / 0Xa5000000   0x and 1 to 8 hex digits (ipcs -m prints this)
//   A5000000 / a5000000       exactly 8 hex digits, no prefix: the form of the
//                             lock file names (/dev/shm/aeroshim-A5000000.owner);
//                             also when all 8 are decimal digits (12345678 is
//                             0x12345678)
//   2768240640                decimal digits (any count but 8), never octal
//   -1526726656               negative decimal down to -2147483648, as
//                             /proc/sysvipc/shm prints keys
// The value must fit 32 bits (0x1FFFFFFFF and 4294967296 are refused) and not
// be 0, which is IPC_PRIVATE and names no segment.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace asshm {

// The key, or nullopt with `error` saying what is wrong, naming `text`.
std::optional<int> parse_key(std::string_view text, std::string& error);

// The key of a lock file name "aeroshim-XXXXXXXX.owner" (8 upper-case hex
// digits, as the library writes them), or nullopt for any other name.
std::optional<int> lock_file_key(std::string_view file_name);

}  // namespace asshm
