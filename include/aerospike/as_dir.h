/*
 * Listing a directory one entry name at a time (used for UDF module
 * folders). Thin inline wrappers over <dirent.h>.
 */
#pragma once

#include <aerospike/as_std.h>

#include <dirent.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_dir_s {
	DIR* dir;
	struct dirent* entry;
} as_dir;

static inline bool as_dir_exists(const char* directory)
{
	DIR* dir = opendir(directory);
	if (dir == NULL) {
		return false;
	}
	closedir(dir);
	return true;
}

static inline bool as_dir_open(as_dir* dir, const char* directory)
{
	dir->dir = opendir(directory);
	return dir->dir != NULL;
}

/* The next entry's name (valid until the next call), or NULL at the end. */
static inline const char* as_dir_read(as_dir* dir)
{
	dir->entry = readdir(dir->dir);
	if (dir->entry == NULL || dir->entry->d_name[0] == '\0') {
		return NULL;
	}
	return dir->entry->d_name;
}

static inline void as_dir_close(as_dir* dir)
{
	closedir(dir->dir);
}

#ifdef __cplusplus
}
#endif
