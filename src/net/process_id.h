// The id of the running process, readable on a hot path. getpid() is a
// system call (glibc stopped caching it), yet a pool must compare its
// owner's pid with the current one on every checkout to notice that it
// now lives in a fork() child. An atfork handler keeps this copy current.
// A child made by vfork() or a raw clone() runs no atfork handler: such a
// child must only exec, as POSIX requires for vfork().
#pragma once

#include <sys/types.h>

namespace aeroshim {

pid_t current_process_id();

}  // namespace aeroshim
