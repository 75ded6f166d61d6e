// The command line: one command, then its flags, each checked against what
// that command takes, so a flag a command would ignore is an error instead
// of a surprise. Values follow their flag as the next argument or after '='
// (--key 0xA5000000, --key=0xA5000000).
#pragma once

#include "failure.h"

#include <cstdint>
#include <string>
#include <variant>

namespace asshm {

struct Options {
  std::string command;                      // status, partitions, list, rm; "help" for --help
  int key = static_cast<int>(0xA5000000u);  // the project's default shm_key
  bool key_given = false;
  bool json = false;
  bool force = false;
  std::string ns;
  uint32_t tend_interval_ms = 1000;  // the clients' default tender_interval
};

// The options, or a usage failure naming the argument at fault.
std::variant<Options, Failure> parse_options(int argc, char** argv);

// Whether --json is anywhere on the line: usage failures are reported in
// JSON too, even when parsing stopped before reaching it.
bool wants_json(int argc, char** argv);

extern const char kUsage[];

}  // namespace asshm
