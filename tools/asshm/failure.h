// Failure: why a command could not do its job, reported the same way by every
// command: the message on stderr always (people and scripts that only
// capture stdout both see it), and with --json also one error object on
// stdout, so a JSON reader never gets an empty or half-written document.
#pragma once

#include <string>

namespace asshm {

struct Failure {
  int exit_code;
  std::string kind;  // stable, for scripts: usage, no_segment, foreign, ...
  std::string message;
};

// Prints the failure (see above) and returns its exit code.
int report(const Failure& failure, bool json);

}  // namespace asshm
