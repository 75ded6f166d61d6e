/*
 * Orders of server-side lists and maps, and the flag bits that ask the server to
 * create a missing list or map of that order (CDT context and create ops).
 */
#pragma once

#include <aerospike/as_std.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum as_list_order_e {
	AS_LIST_UNORDERED = 0,
	AS_LIST_ORDERED = 1
} as_list_order;

typedef enum as_map_order_e {
	AS_MAP_UNORDERED = 0,
	AS_MAP_KEY_ORDERED = 1,
	AS_MAP_KEY_VALUE_ORDERED = 3
} as_map_order;

/* Create flag of a list: ordered 0xc0; unordered 0x80 when padded, else 0x40. */
static inline uint32_t
as_list_order_to_flag(as_list_order order, bool pad)
{
	if (order == AS_LIST_ORDERED) {
		return 0xc0;
	}
	return pad ? 0x80 : 0x40;
}

/* Create flag of a map; unknown orders count as unordered. */
static inline uint32_t
as_map_order_to_flag(as_map_order order)
{
	if (order == AS_MAP_KEY_ORDERED) {
		return 0x80;
	}
	if (order == AS_MAP_KEY_VALUE_ORDERED) {
		return 0xc0;
	}
	return 0x40;
}

#ifdef __cplusplus
}
#endif
