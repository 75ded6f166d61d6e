/*
 * as_types: one include for the whole value model (every value type, the
 * collections and their iterators, records as values, streams, results).
 */
#pragma once

#include <aerospike/as_boolean.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_geojson.h>
#include <aerospike/as_string.h>
#include <aerospike/as_bytes.h>
#include <aerospike/as_pair.h>
#include <aerospike/as_nil.h>
#include <aerospike/as_val.h>
#include <aerospike/as_rec.h>
#include <aerospike/as_iterator.h>
#include <aerospike/as_stream.h>
#include <aerospike/as_list.h>
#include <aerospike/as_arraylist.h>
#include <aerospike/as_arraylist_iterator.h>
#include <aerospike/as_map.h>
#include <aerospike/as_hashmap.h>
#include <aerospike/as_hashmap_iterator.h>
#include <aerospike/as_result.h>
