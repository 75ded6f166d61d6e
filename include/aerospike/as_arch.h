/*
 * CPU hints used by the spin loops of the lock words (as_atomic_gcc.h):
 * a pause inside busy-waits, a compiler-only barrier and a non-temporal
 * prefetch. Written with __asm__ so that strict ISO C modes accept them.
 */
#pragma once

#define as_arch_compiler_barrier() __asm__ __volatile__("" : : : "memory")
#define as_arch_prefetch_nt(_p) __builtin_prefetch((_p), 0, 0)

#if defined(__x86_64__)
#define as_arch_pause() __asm__ __volatile__("pause" : : : "memory")
#elif defined(__aarch64__)
#define as_arch_pause() __asm__ __volatile__("isb" : : : "memory")
#else
/* No spin hint on this CPU: at least stop the compiler caching the word. */
#define as_arch_pause() as_arch_compiler_barrier()
#endif
