/*
 * as_map_iterator: storage big enough for any map's iterator (only the
 * ordered map one exists), what as_map_iterator_init fills in.
 */
#pragma once

#include <aerospike/as_orderedmap.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef union as_map_iterator_u {
	as_orderedmap_iterator orderedmap;
} as_map_iterator;

#ifdef __cplusplus
}
#endif
