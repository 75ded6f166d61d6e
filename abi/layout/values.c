/*
 * Layout guard of the value model: every value, collection, hook table and
 * iterator type of 7.4.0's common library as x86-64 Linux lays it out (sizes,
 * alignments, offsets and member sizes transcribed from the 7.4.0 layout
 * tables), the enums of these headers, and their ABI macros. as_val and
 * as_string are checked in layout_check.c already. as_result and as_stream
 * have no table; their numbers follow from the 7.4.0 field lists under LP64.
 */
#include "../layout_check.h"

#include <aerospike/as_arraylist.h>
#include <aerospike/as_arraylist_iterator.h>
#include <aerospike/as_boolean.h>
#include <aerospike/as_bytes.h>
#include <aerospike/as_double.h>
#include <aerospike/as_geojson.h>
#include <aerospike/as_hashmap.h>
#include <aerospike/as_hashmap_iterator.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_iterator.h>
#include <aerospike/as_list.h>
#include <aerospike/as_list_iterator.h>
#include <aerospike/as_map.h>
#include <aerospike/as_map_iterator.h>
#include <aerospike/as_nil.h>
#include <aerospike/as_orderedmap.h>
#include <aerospike/as_pair.h>
#include <aerospike/as_result.h>
#include <aerospike/as_stream.h>
#include <aerospike/as_string_builder.h>
#include <aerospike/as_stringmap.h>

/* as_integer */
AS_CHECK(sizeof(as_integer) == 16);
AS_CHECK(AS_ALIGNOF(as_integer) == 8);
AS_CHECK(offsetof(as_integer, _) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_integer, _) == 8);
AS_CHECK(offsetof(as_integer, value) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_integer, value) == 8);

/* as_bytes */
AS_CHECK(sizeof(as_bytes) == 32);
AS_CHECK(AS_ALIGNOF(as_bytes) == 8);
AS_CHECK(offsetof(as_bytes, _) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_bytes, _) == 8);
AS_CHECK(offsetof(as_bytes, capacity) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_bytes, capacity) == 4);
AS_CHECK(offsetof(as_bytes, size) == 12);
AS_CHECK(AS_MEMBER_SIZE(as_bytes, size) == 4);
AS_CHECK(offsetof(as_bytes, value) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_bytes, value) == 8);
AS_CHECK(offsetof(as_bytes, free) == 24);
AS_CHECK(AS_MEMBER_SIZE(as_bytes, free) == 1);
AS_CHECK(offsetof(as_bytes, type) == 28);
AS_CHECK(AS_MEMBER_SIZE(as_bytes, type) == 4);

/* as_double */
AS_CHECK(sizeof(as_double) == 16);
AS_CHECK(AS_ALIGNOF(as_double) == 8);
AS_CHECK(offsetof(as_double, _) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_double, _) == 8);
AS_CHECK(offsetof(as_double, value) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_double, value) == 8);

/* as_boolean */
AS_CHECK(sizeof(as_boolean) == 12);
AS_CHECK(AS_ALIGNOF(as_boolean) == 4);
AS_CHECK(offsetof(as_boolean, _) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_boolean, _) == 8);
AS_CHECK(offsetof(as_boolean, value) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_boolean, value) == 1);

/* as_list */
AS_CHECK(sizeof(as_list) == 24);
AS_CHECK(AS_ALIGNOF(as_list) == 8);
AS_CHECK(offsetof(as_list, _) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_list, _) == 8);
AS_CHECK(offsetof(as_list, flags) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_list, flags) == 4);
AS_CHECK(offsetof(as_list, hooks) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_list, hooks) == 8);

/* as_map */
AS_CHECK(sizeof(as_map) == 24);
AS_CHECK(AS_ALIGNOF(as_map) == 8);
AS_CHECK(offsetof(as_map, _) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_map, _) == 8);
AS_CHECK(offsetof(as_map, flags) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_map, flags) == 4);
AS_CHECK(offsetof(as_map, hooks) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_map, hooks) == 8);

/* as_list_hooks */
AS_CHECK(sizeof(as_list_hooks) == 264);
AS_CHECK(AS_ALIGNOF(as_list_hooks) == 8);
AS_CHECK(offsetof(as_list_hooks, destroy) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, destroy) == 8);
AS_CHECK(offsetof(as_list_hooks, hashcode) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, hashcode) == 8);
AS_CHECK(offsetof(as_list_hooks, size) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, size) == 8);
AS_CHECK(offsetof(as_list_hooks, get) == 24);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, get) == 8);
AS_CHECK(offsetof(as_list_hooks, get_int64) == 32);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, get_int64) == 8);
AS_CHECK(offsetof(as_list_hooks, get_double) == 40);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, get_double) == 8);
AS_CHECK(offsetof(as_list_hooks, get_str) == 48);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, get_str) == 8);
AS_CHECK(offsetof(as_list_hooks, set) == 56);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, set) == 8);
AS_CHECK(offsetof(as_list_hooks, set_int64) == 64);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, set_int64) == 8);
AS_CHECK(offsetof(as_list_hooks, set_double) == 72);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, set_double) == 8);
AS_CHECK(offsetof(as_list_hooks, set_str) == 80);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, set_str) == 8);
AS_CHECK(offsetof(as_list_hooks, insert) == 88);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, insert) == 8);
AS_CHECK(offsetof(as_list_hooks, insert_int64) == 96);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, insert_int64) == 8);
AS_CHECK(offsetof(as_list_hooks, insert_double) == 104);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, insert_double) == 8);
AS_CHECK(offsetof(as_list_hooks, insert_str) == 112);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, insert_str) == 8);
AS_CHECK(offsetof(as_list_hooks, append) == 120);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, append) == 8);
AS_CHECK(offsetof(as_list_hooks, append_int64) == 128);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, append_int64) == 8);
AS_CHECK(offsetof(as_list_hooks, append_double) == 136);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, append_double) == 8);
AS_CHECK(offsetof(as_list_hooks, append_str) == 144);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, append_str) == 8);
AS_CHECK(offsetof(as_list_hooks, prepend) == 152);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, prepend) == 8);
AS_CHECK(offsetof(as_list_hooks, prepend_int64) == 160);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, prepend_int64) == 8);
AS_CHECK(offsetof(as_list_hooks, prepend_double) == 168);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, prepend_double) == 8);
AS_CHECK(offsetof(as_list_hooks, prepend_str) == 176);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, prepend_str) == 8);
AS_CHECK(offsetof(as_list_hooks, remove) == 184);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, remove) == 8);
AS_CHECK(offsetof(as_list_hooks, concat) == 192);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, concat) == 8);
AS_CHECK(offsetof(as_list_hooks, trim) == 200);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, trim) == 8);
AS_CHECK(offsetof(as_list_hooks, head) == 208);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, head) == 8);
AS_CHECK(offsetof(as_list_hooks, tail) == 216);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, tail) == 8);
AS_CHECK(offsetof(as_list_hooks, drop) == 224);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, drop) == 8);
AS_CHECK(offsetof(as_list_hooks, take) == 232);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, take) == 8);
AS_CHECK(offsetof(as_list_hooks, foreach) == 240);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, foreach) == 8);
AS_CHECK(offsetof(as_list_hooks, iterator_new) == 248);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, iterator_new) == 8);
AS_CHECK(offsetof(as_list_hooks, iterator_init) == 256);
AS_CHECK(AS_MEMBER_SIZE(as_list_hooks, iterator_init) == 8);

/* as_arraylist */
AS_CHECK(sizeof(as_arraylist) == 56);
AS_CHECK(AS_ALIGNOF(as_arraylist) == 8);
AS_CHECK(offsetof(as_arraylist, _) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_arraylist, _) == 24);
AS_CHECK(offsetof(as_arraylist, block_size) == 24);
AS_CHECK(AS_MEMBER_SIZE(as_arraylist, block_size) == 4);
AS_CHECK(offsetof(as_arraylist, capacity) == 28);
AS_CHECK(AS_MEMBER_SIZE(as_arraylist, capacity) == 4);
AS_CHECK(offsetof(as_arraylist, size) == 32);
AS_CHECK(AS_MEMBER_SIZE(as_arraylist, size) == 4);
AS_CHECK(offsetof(as_arraylist, elements) == 40);
AS_CHECK(AS_MEMBER_SIZE(as_arraylist, elements) == 8);
AS_CHECK(offsetof(as_arraylist, free) == 48);
AS_CHECK(AS_MEMBER_SIZE(as_arraylist, free) == 1);

/* as_arraylist_iterator */
AS_CHECK(sizeof(as_arraylist_iterator) == 40);
AS_CHECK(AS_ALIGNOF(as_arraylist_iterator) == 8);
AS_CHECK(offsetof(as_arraylist_iterator, _) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_arraylist_iterator, _) == 24);
AS_CHECK(offsetof(as_arraylist_iterator, list) == 24);
AS_CHECK(AS_MEMBER_SIZE(as_arraylist_iterator, list) == 8);
AS_CHECK(offsetof(as_arraylist_iterator, pos) == 32);
AS_CHECK(AS_MEMBER_SIZE(as_arraylist_iterator, pos) == 4);

/* as_list_iterator */
AS_CHECK(sizeof(as_list_iterator) == 40);
AS_CHECK(AS_ALIGNOF(as_list_iterator) == 8);
AS_CHECK(offsetof(as_list_iterator, arraylist) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_list_iterator, arraylist) == 40);

/* as_map_hooks */
AS_CHECK(sizeof(as_map_hooks) == 88);
AS_CHECK(AS_ALIGNOF(as_map_hooks) == 8);
AS_CHECK(offsetof(as_map_hooks, destroy) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_map_hooks, destroy) == 8);
AS_CHECK(offsetof(as_map_hooks, hashcode) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_map_hooks, hashcode) == 8);
AS_CHECK(offsetof(as_map_hooks, size) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_map_hooks, size) == 8);
AS_CHECK(offsetof(as_map_hooks, set) == 24);
AS_CHECK(AS_MEMBER_SIZE(as_map_hooks, set) == 8);
AS_CHECK(offsetof(as_map_hooks, get) == 32);
AS_CHECK(AS_MEMBER_SIZE(as_map_hooks, get) == 8);
AS_CHECK(offsetof(as_map_hooks, clear) == 40);
AS_CHECK(AS_MEMBER_SIZE(as_map_hooks, clear) == 8);
AS_CHECK(offsetof(as_map_hooks, remove) == 48);
AS_CHECK(AS_MEMBER_SIZE(as_map_hooks, remove) == 8);
AS_CHECK(offsetof(as_map_hooks, set_flags) == 56);
AS_CHECK(AS_MEMBER_SIZE(as_map_hooks, set_flags) == 8);
AS_CHECK(offsetof(as_map_hooks, foreach) == 64);
AS_CHECK(AS_MEMBER_SIZE(as_map_hooks, foreach) == 8);
AS_CHECK(offsetof(as_map_hooks, iterator_new) == 72);
AS_CHECK(AS_MEMBER_SIZE(as_map_hooks, iterator_new) == 8);
AS_CHECK(offsetof(as_map_hooks, iterator_init) == 80);
AS_CHECK(AS_MEMBER_SIZE(as_map_hooks, iterator_init) == 8);

/* map_entry */
AS_CHECK(sizeof(map_entry) == 16);
AS_CHECK(AS_ALIGNOF(map_entry) == 8);
AS_CHECK(offsetof(map_entry, key) == 0);
AS_CHECK(AS_MEMBER_SIZE(map_entry, key) == 8);
AS_CHECK(offsetof(map_entry, value) == 8);
AS_CHECK(AS_MEMBER_SIZE(map_entry, value) == 8);

/* as_orderedmap */
AS_CHECK(sizeof(as_orderedmap) == 64);
AS_CHECK(AS_ALIGNOF(as_orderedmap) == 8);
AS_CHECK(offsetof(as_orderedmap, _) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_orderedmap, _) == 24);
AS_CHECK(offsetof(as_orderedmap, count) == 24);
AS_CHECK(AS_MEMBER_SIZE(as_orderedmap, count) == 4);
AS_CHECK(offsetof(as_orderedmap, capacity) == 28);
AS_CHECK(AS_MEMBER_SIZE(as_orderedmap, capacity) == 4);
AS_CHECK(offsetof(as_orderedmap, table) == 32);
AS_CHECK(AS_MEMBER_SIZE(as_orderedmap, table) == 8);
AS_CHECK(offsetof(as_orderedmap, hold_count) == 40);
AS_CHECK(AS_MEMBER_SIZE(as_orderedmap, hold_count) == 4);
AS_CHECK(offsetof(as_orderedmap, hold_table) == 48);
AS_CHECK(AS_MEMBER_SIZE(as_orderedmap, hold_table) == 8);
AS_CHECK(offsetof(as_orderedmap, hold_locations) == 56);
AS_CHECK(AS_MEMBER_SIZE(as_orderedmap, hold_locations) == 8);

/* as_orderedmap_iterator */
AS_CHECK(sizeof(as_orderedmap_iterator) == 64);
AS_CHECK(AS_ALIGNOF(as_orderedmap_iterator) == 8);
AS_CHECK(offsetof(as_orderedmap_iterator, _) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_orderedmap_iterator, _) == 24);
AS_CHECK(offsetof(as_orderedmap_iterator, map) == 24);
AS_CHECK(AS_MEMBER_SIZE(as_orderedmap_iterator, map) == 8);
AS_CHECK(offsetof(as_orderedmap_iterator, ix) == 32);
AS_CHECK(AS_MEMBER_SIZE(as_orderedmap_iterator, ix) == 4);
AS_CHECK(offsetof(as_orderedmap_iterator, pair) == 40);
AS_CHECK(AS_MEMBER_SIZE(as_orderedmap_iterator, pair) == 24);

/* as_map_iterator */
AS_CHECK(sizeof(as_map_iterator) == 64);
AS_CHECK(AS_ALIGNOF(as_map_iterator) == 8);
AS_CHECK(offsetof(as_map_iterator, orderedmap) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_map_iterator, orderedmap) == 64);

/* as_pair */
AS_CHECK(sizeof(as_pair) == 24);
AS_CHECK(AS_ALIGNOF(as_pair) == 8);
AS_CHECK(offsetof(as_pair, _) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_pair, _) == 8);
AS_CHECK(offsetof(as_pair, _1) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_pair, _1) == 8);
AS_CHECK(offsetof(as_pair, _2) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_pair, _2) == 8);

/* as_iterator */
AS_CHECK(sizeof(as_iterator) == 24);
AS_CHECK(AS_ALIGNOF(as_iterator) == 8);
AS_CHECK(offsetof(as_iterator, free) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_iterator, free) == 1);
AS_CHECK(offsetof(as_iterator, data) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_iterator, data) == 8);
AS_CHECK(offsetof(as_iterator, hooks) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_iterator, hooks) == 8);

/* as_iterator_hooks */
AS_CHECK(sizeof(as_iterator_hooks) == 24);
AS_CHECK(AS_ALIGNOF(as_iterator_hooks) == 8);
AS_CHECK(offsetof(as_iterator_hooks, destroy) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_iterator_hooks, destroy) == 8);
AS_CHECK(offsetof(as_iterator_hooks, has_next) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_iterator_hooks, has_next) == 8);
AS_CHECK(offsetof(as_iterator_hooks, next) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_iterator_hooks, next) == 8);

/* as_geojson */
AS_CHECK(sizeof(as_geojson) == 32);
AS_CHECK(AS_ALIGNOF(as_geojson) == 8);
AS_CHECK(offsetof(as_geojson, _) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_geojson, _) == 8);
AS_CHECK(offsetof(as_geojson, free) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_geojson, free) == 1);
AS_CHECK(offsetof(as_geojson, value) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_geojson, value) == 8);
AS_CHECK(offsetof(as_geojson, len) == 24);
AS_CHECK(AS_MEMBER_SIZE(as_geojson, len) == 8);

/* as_string_builder */
AS_CHECK(sizeof(as_string_builder) == 24);
AS_CHECK(AS_ALIGNOF(as_string_builder) == 8);
AS_CHECK(offsetof(as_string_builder, data) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_string_builder, data) == 8);
AS_CHECK(offsetof(as_string_builder, capacity) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_string_builder, capacity) == 4);
AS_CHECK(offsetof(as_string_builder, length) == 12);
AS_CHECK(AS_MEMBER_SIZE(as_string_builder, length) == 4);
AS_CHECK(offsetof(as_string_builder, resize) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_string_builder, resize) == 1);
AS_CHECK(offsetof(as_string_builder, free) == 17);
AS_CHECK(AS_MEMBER_SIZE(as_string_builder, free) == 1);
/* as_hashmap is the ordered map under another name. */
AS_CHECK(sizeof(as_hashmap) == sizeof(as_orderedmap));
AS_CHECK(sizeof(as_hashmap_iterator) == sizeof(as_orderedmap_iterator));

/* as_result */
AS_CHECK(sizeof(as_result) == 16);
AS_CHECK(AS_ALIGNOF(as_result) == 8);
AS_CHECK(offsetof(as_result, value) == 0);
AS_CHECK(offsetof(as_result, count) == 8);
AS_CHECK(offsetof(as_result, is_malloc) == 12);
AS_CHECK(offsetof(as_result, is_success) == 13);

/* as_stream and its hooks */
AS_CHECK(sizeof(as_stream) == 24);
AS_CHECK(AS_ALIGNOF(as_stream) == 8);
AS_CHECK(offsetof(as_stream, free) == 0);
AS_CHECK(offsetof(as_stream, data) == 8);
AS_CHECK(offsetof(as_stream, hooks) == 16);
AS_CHECK(sizeof(as_stream_hooks) == 24);
AS_CHECK(offsetof(as_stream_hooks, destroy) == 0);
AS_CHECK(offsetof(as_stream_hooks, read) == 8);
AS_CHECK(offsetof(as_stream_hooks, write) == 16);

/* Enums are int-sized, as 7.4.0 lays them out in structs. */
AS_CHECK(sizeof(as_bytes_type) == 4);
AS_CHECK(sizeof(as_stream_status) == 4);
AS_CHECK(sizeof(as_arraylist_status) == 4);
AS_CHECK(sizeof(as_val_t) == 1);

/* as_val_type_e */
AS_CHECK(AS_UNDEF == 0);
AS_CHECK(AS_UNKNOWN == 0);
AS_CHECK(AS_NIL == 1);
AS_CHECK(AS_BOOLEAN == 2);
AS_CHECK(AS_INTEGER == 3);
AS_CHECK(AS_STRING == 4);
AS_CHECK(AS_LIST == 5);
AS_CHECK(AS_MAP == 6);
AS_CHECK(AS_REC == 7);
AS_CHECK(AS_PAIR == 8);
AS_CHECK(AS_BYTES == 9);
AS_CHECK(AS_DOUBLE == 10);
AS_CHECK(AS_GEOJSON == 11);
AS_CHECK(AS_CMP_EXT == 12);
AS_CHECK(AS_CMP_WILDCARD == 13);
AS_CHECK(AS_CMP_INF == 14);
AS_CHECK(AS_VAL_T_MAX == 15);

/* as_bytes_type */
AS_CHECK(AS_BYTES_UNDEF == 0);
AS_CHECK(AS_BYTES_INTEGER == 1);
AS_CHECK(AS_BYTES_DOUBLE == 2);
AS_CHECK(AS_BYTES_STRING == 3);
AS_CHECK(AS_BYTES_BLOB == 4);
AS_CHECK(AS_BYTES_JAVA == 7);
AS_CHECK(AS_BYTES_CSHARP == 8);
AS_CHECK(AS_BYTES_PYTHON == 9);
AS_CHECK(AS_BYTES_RUBY == 10);
AS_CHECK(AS_BYTES_PHP == 11);
AS_CHECK(AS_BYTES_ERLANG == 12);
AS_CHECK(AS_BYTES_VECTOR == 16);
AS_CHECK(AS_BYTES_BOOL == 17);
AS_CHECK(AS_BYTES_HLL == 18);
AS_CHECK(AS_BYTES_MAP == 19);
AS_CHECK(AS_BYTES_LIST == 20);
AS_CHECK(AS_BYTES_GEOJSON == 23);
AS_CHECK(AS_BYTES_TYPE_MAX == 24);

/* as_stream_status */
AS_CHECK(AS_STREAM_OK == 0);
AS_CHECK(AS_STREAM_ERR == 1);

/* as_arraylist_status */
AS_CHECK(AS_ARRAYLIST_OK == 0);
AS_CHECK(AS_ARRAYLIST_ERR_ALLOC == 1);
AS_CHECK(AS_ARRAYLIST_ERR_MAX == 2);
AS_CHECK(AS_ARRAYLIST_ERR_INDEX == 3);
/* ABI macros */
AS_CHECK(AS_MAP_FLAGS_MASK == 0x13);
AS_CHECK(sizeof(AS_STREAM_END) == sizeof(void*));
