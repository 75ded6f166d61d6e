// The four commands; each returns its exit code (exit_codes.h) and reports
// its own failures (failure.h).
#pragma once

#include "options.h"

namespace asshm {

int status_command(const Options& options);
int partitions_command(const Options& options);
int list_command(const Options& options);
int rm_command(const Options& options);

}  // namespace asshm
