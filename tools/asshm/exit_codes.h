// The exit codes of every asshm command, in one place so usage, README.md
// and the code cannot drift apart.
#pragma once

namespace asshm {

enum ExitCode : int {
  kExitOk = 0,
  kExitUnreadable = 1,  // no such segment, foreign, cannot attach, rm refused or failed
  kExitNotTended =
      2,              // status: corrupt, orphaned, not ready, no owner, owner gone, stale, no nodes
  kExitDegraded = 3,  // status: tended, but a partition of some namespace has no master
  kExitUsage = 64,    // EX_USAGE: bad command, flag or value
};

}  // namespace asshm
