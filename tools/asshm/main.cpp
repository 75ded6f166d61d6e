// asshm: what is in a shared cluster segment, at a glance or as JSON, and
// removing the ones nobody uses. Usage and exit codes: options.cpp (kUsage)
// and README.md.
#include "commands.h"
#include "exit_codes.h"
#include "failure.h"
#include "options.h"

#include <cstdio>
#include <exception>
#include <variant>

namespace {

int run(int argc, char** argv) {
  using namespace asshm;
  std::variant<Options, Failure> parsed = parse_options(argc, argv);
  if (auto* failure = std::get_if<Failure>(&parsed)) {
    return report(*failure, wants_json(argc, argv));
  }
  const Options& options = std::get<Options>(parsed);
  if (options.command == "help") {
    std::fputs(kUsage, stdout);
    return kExitOk;
  }
  if (options.command == "status") return status_command(options);
  if (options.command == "partitions") return partitions_command(options);
  if (options.command == "list") return list_command(options);
  return rm_command(options);
}

}  // namespace

int main(int argc, char** argv) {
  // Out of memory (or a formatting bug) still ends with a message and exit 1.
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "asshm: %s\n", e.what());
    return asshm::kExitUnreadable;
  }
}
