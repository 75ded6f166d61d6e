/*
 * Naming the calling thread (visible in ps/top/debuggers). Names are cut to
 * AS_THREAD_NAME_MAX bytes including the terminator. pthread_setname_np is
 * a GNU extension, so the helpers exist in GNU compilations (C++, gnu99,
 * -D_GNU_SOURCE), as the library's users build.
 */
#pragma once

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AS_THREAD_NAME_MAX 16

#if defined(_GNU_SOURCE)

static inline void as_thread_set_name(const char* name)
{
	pthread_setname_np(pthread_self(), name);
}

/* name followed by index, e.g. "tend" 3 -> "tend3". */
static inline void as_thread_set_name_index(const char* name, uint32_t index)
{
	char name_index[AS_THREAD_NAME_MAX];
	snprintf(name_index, sizeof(name_index), "%s%u", name, index);
	as_thread_set_name(name_index);
}

#endif

#ifdef __cplusplus
}
#endif
