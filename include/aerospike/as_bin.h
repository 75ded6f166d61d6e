/*
 * as_bin: one named value of a record. A bin either holds its value inline
 * (value, with valuep pointing at it) or points at a value the caller made
 * (valuep elsewhere); either way destroying the bin destroys *valuep.
 * as_bins is a fixed-capacity array of bins.
 */
#pragma once

#include <aerospike/as_boolean.h>
#include <aerospike/as_bytes.h>
#include <aerospike/as_geojson.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_list.h>
#include <aerospike/as_map.h>
#include <aerospike/as_string.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A bin name holds at most 15 characters and its terminator. */
#define AS_BIN_NAME_MAX_SIZE 16
#define AS_BIN_NAME_MAX_LEN (AS_BIN_NAME_MAX_SIZE - 1)

typedef char as_bin_name[AS_BIN_NAME_MAX_SIZE];

/* Room for any scalar or collection value held inline in a bin. */
typedef union as_bin_value_s {
	as_val nil;
	as_boolean boolean;
	as_integer integer;
	as_double dbl;
	as_string string;
	as_bytes bytes;
	as_list list;
	as_map map;
} as_bin_value;

typedef struct as_bin_s {
	as_bin_name name;
	as_bin_value value;
	as_bin_value* valuep;
} as_bin;

/* entries[0..size) are in use out of capacity; _free: entries is heap-owned. */
typedef struct as_bins_s {
	as_bin* entries;
	uint16_t capacity;
	uint16_t size;
	bool _free;
} as_bins;

static inline char* as_bin_get_name(const as_bin* bin)
{
	return (char*)bin->name;
}

static inline as_bin_value* as_bin_get_value(const as_bin* bin)
{
	return bin->valuep;
}

static inline as_val_t as_bin_get_type(const as_bin* bin)
{
	return as_val_type(bin->valuep);
}

#ifdef __cplusplus
}
#endif
