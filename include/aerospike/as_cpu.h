/*
 * Pinning threads to a CPU. The affinity calls are GNU extensions of
 * pthreads, so the helpers exist when the program is compiled with them
 * visible (C++, gnu99, -D_GNU_SOURCE), as the library's users build.
 * On Linux 7.4.0 pins through the thread attributes before the thread
 * starts; pinning a running thread is a no-op there (0).
 */
#pragma once

#include <pthread.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_GNU_SOURCE)

#include <sched.h>

static inline int as_cpu_assign_thread_attr(pthread_attr_t* attr, int cpu_id)
{
#if defined(AS_ALPINE)
	(void)attr;
	(void)cpu_id;
	return 0;
#else
	cpu_set_t cpus;
	CPU_ZERO(&cpus);
	CPU_SET(cpu_id, &cpus);
	return pthread_attr_setaffinity_np(attr, sizeof(cpus), &cpus);
#endif
}

static inline int as_cpu_assign_thread(pthread_t thread, int cpu_id)
{
#if defined(AS_ALPINE)
	cpu_set_t cpus;
	CPU_ZERO(&cpus);
	CPU_SET(cpu_id, &cpus);
	return pthread_setaffinity_np(thread, sizeof(cpus), &cpus);
#else
	(void)thread;
	(void)cpu_id;
	return 0;
#endif
}

#endif

#ifdef __cplusplus
}
#endif
