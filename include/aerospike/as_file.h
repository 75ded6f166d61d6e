/*
 * as_file_status: the modification time of the dynamic configuration file
 * (as_cluster.config_file_status), and the checks that tell whether the file
 * changed since. The checks need struct stat's st_mtim, which <sys/stat.h>
 * offers only in a POSIX.1-2008 compilation (C++, gnu99, -D_GNU_SOURCE);
 * strict ISO C sees the type alone.
 */
#pragma once

#include <sys/stat.h>

#include <stdbool.h>
#include <time.h>
/* struct timespec in every mode: <time.h> has it only from C11 or in POSIX mode. */
#include <pthread.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
	struct timespec timestamp;
} as_file_status;

#if defined(_POSIX_C_SOURCE) && _POSIX_C_SOURCE >= 200809L

static inline struct timespec* as_file_get_timestamp(struct stat* stats)
{
	return &stats->st_mtim;
}

/* Records path's modification time in fs; false if path cannot be read. */
static inline bool as_file_get_status(const char* path, as_file_status* fs)
{
	struct stat stats;
	if (stat(path, &stats) != 0) {
		return false;
	}
	fs->timestamp = *as_file_get_timestamp(&stats);
	return true;
}

/* True, and fs updated, when path was modified after fs's time. */
static inline bool as_file_has_changed(const char* path, as_file_status* fs)
{
	struct stat stats;
	if (stat(path, &stats) != 0) {
		return false;
	}
	const struct timespec* ts = as_file_get_timestamp(&stats);
	bool newer = ts->tv_sec > fs->timestamp.tv_sec ||
		(ts->tv_sec == fs->timestamp.tv_sec && ts->tv_nsec > fs->timestamp.tv_nsec);
	if (newer) {
		fs->timestamp = *ts;
	}
	return newer;
}

#endif

#ifdef __cplusplus
}
#endif
