/*
 * Latency histograms of the metrics layer: one per command type per
 * namespace per node (as_ns_metrics.latency), reference counted, one
 * counter per bucket.
 */
#pragma once

#include <aerospike/as_atomic.h>
#include <citrusleaf/alloc.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint8_t as_latency_type;

#define AS_LATENCY_TYPE_CONN 0
#define AS_LATENCY_TYPE_WRITE 1
#define AS_LATENCY_TYPE_READ 2
#define AS_LATENCY_TYPE_BATCH 3
#define AS_LATENCY_TYPE_QUERY 4
#define AS_LATENCY_TYPE_NONE 5
/* Number of histogram kinds (NONE records nothing). */
#define AS_LATENCY_TYPE_MAX 5

typedef struct as_latency_s {
	uint32_t ref_count;
	uint8_t shift;
	uint8_t size;
	uint64_t buckets[];
} as_latency;

AS_EXTERN char* as_latency_type_to_string(as_latency_type type);

static inline as_latency* as_latency_reserve(as_latency* latency)
{
	as_incr_uint32(&latency->ref_count);
	return latency;
}

static inline void as_latency_release(as_latency* latency)
{
	if (as_aaf_uint32_rls(&latency->ref_count, -1) == 0) {
		as_fence_acq();
		cf_free(latency);
	}
}

static inline uint64_t as_latency_get_bucket(as_latency* latency, uint32_t index)
{
	return as_load_uint64(&latency->buckets[index]);
}

#ifdef __cplusplus
}
#endif
