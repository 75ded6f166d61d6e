/*
 * as_msgpack: the MessagePack dialect the Aerospike server stores and
 * speaks. Integers take their smallest form; strings, blobs and GeoJSON
 * are msgpack str with a leading particle-type byte (AS_BYTES_*); an
 * ordered map or list carries its flags as an ext element in front; the
 * comparison wildcard and infinity are fixext1 values.
 *
 * as_packer writes into `buffer` from `offset`. With buffer NULL nothing
 * is written and `offset` only counts the bytes (sizing pass). The direct
 * pack functions fail (nonzero) when `capacity` would be exceeded;
 * as_pack_val instead moves the full buffer onto the head/tail chain and
 * continues in a new malloc buffer. as_unpacker reads `buffer` from
 * `offset` up to `length`.
 */
#pragma once

#include <aerospike/as_serializer.h>
#include <aerospike/as_std.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Size of the first buffer the msgpack serializer allocates. */
#define AS_PACKER_BUFFER_SIZE 8192

/* Map order flags, the ext type of a map's leading metadata element. */
#define AS_PACKED_MAP_FLAG_NONE 0x00
#define AS_PACKED_MAP_FLAG_K_ORDERED 0x01
/* Only valid together with K_ORDERED. */
#define AS_PACKED_MAP_FLAG_V_ORDERED 0x02
#define AS_PACKED_MAP_FLAG_PRESERVE_ORDER 0x08
#define AS_PACKED_MAP_FLAG_KV_ORDERED (AS_PACKED_MAP_FLAG_K_ORDERED | AS_PACKED_MAP_FLAG_V_ORDERED)

#define AS_PACKED_LIST_FLAG_NONE 0x00
#define AS_PACKED_LIST_FLAG_ORDERED 0x01

/* Asks the server to keep an index of an ordered list or map. */
#define AS_PACKED_PERSIST_INDEX 0x10

/* A filled buffer of a growing packer; `length` bytes are in use. */
typedef struct as_packer_buffer {
	struct as_packer_buffer* next;
	unsigned char* buffer;
	uint32_t length;
} as_packer_buffer;

typedef struct as_packer {
	struct as_packer_buffer* head;
	struct as_packer_buffer* tail;
	unsigned char* buffer;
	uint32_t offset;
	uint32_t capacity;
} as_packer;

typedef struct as_unpacker {
	const unsigned char* buffer;
	uint32_t offset;
	uint32_t length;
} as_unpacker;

/* An ext element as read: its type byte and its `size` content bytes. */
typedef struct as_msgpack_ext_s {
	const uint8_t* data;
	uint32_t size;
	/* Where the type byte sits in the unpacker's buffer. */
	uint32_t type_offset;
	uint8_t type;
} as_msgpack_ext;

/* Result of comparing two values in the server's order. */
typedef enum msgpack_compare_e {
	MSGPACK_COMPARE_ERROR = -2,
	MSGPACK_COMPARE_END = -1,
	MSGPACK_COMPARE_LESS = 0,
	MSGPACK_COMPARE_EQUAL = 1,
	MSGPACK_COMPARE_GREATER = 2,
} msgpack_compare_t;

AS_EXTERN as_serializer* as_msgpack_new(void);
AS_EXTERN as_serializer* as_msgpack_init(as_serializer*);

/* Encodes any value; 0 on success. */
AS_EXTERN int as_pack_val(as_packer* pk, const as_val* val);

/*
 * Decodes one element into a new value; 0 on success. nil becomes the
 * shared as_nil. An ext element (the comparison values included) is
 * skipped and leaves *val NULL.
 */
AS_EXTERN int as_unpack_val(as_unpacker* pk, as_val** val);

AS_EXTERN msgpack_compare_t as_val_cmp(const as_val* v1, const as_val* v2);

/* Writing single elements. Each returns 0 on success. */

static inline uint32_t as_pack_nil_size(void)
{
	return 1;
}

static inline uint32_t as_pack_bool_size(void)
{
	return 1;
}

AS_EXTERN int as_pack_nil(as_packer* pk);
AS_EXTERN int as_pack_bool(as_packer* pk, bool val);

/* fixext1: marker, ext type, value. */
static inline uint32_t as_pack_cmp_inf_size(void)
{
	return 3;
}

static inline uint32_t as_pack_cmp_wildcard_size(void)
{
	return 3;
}

AS_EXTERN int as_pack_cmp_inf(as_packer* pk);
AS_EXTERN int as_pack_cmp_wildcard(as_packer* pk);

AS_EXTERN uint32_t as_pack_uint64_size(uint64_t val);
AS_EXTERN uint32_t as_pack_int64_size(int64_t val);
AS_EXTERN int as_pack_uint64(as_packer* pk, uint64_t val);
AS_EXTERN int as_pack_int64(as_packer* pk, int64_t val);

/* Marker plus the IEEE 754 bytes, big-endian. */
static inline uint32_t as_pack_float_size(void)
{
	return 1 + 4;
}

static inline uint32_t as_pack_double_size(void)
{
	return 1 + 8;
}

AS_EXTERN int as_pack_float(as_packer* pk, float val);
AS_EXTERN int as_pack_double(as_packer* pk, double val);

/* A blob: str header for sz + 1, AS_BYTES_BLOB, the bytes. */
AS_EXTERN int as_pack_bytes(as_packer* pk, const uint8_t* buf, uint32_t sz);

AS_EXTERN uint32_t as_pack_str_size(uint32_t str_sz);
AS_EXTERN uint32_t as_pack_bin_size(uint32_t buf_sz);

/*
 * str (as_pack_str), str with a leading type byte (as_pack_str_with_type)
 * or bin (as_pack_bin). A NULL buf writes the header only.
 */
AS_EXTERN int as_pack_str(as_packer* pk, const uint8_t* buf, uint32_t sz);
AS_EXTERN int as_pack_str_with_type(as_packer* pk, uint8_t type, const uint8_t* buf, uint32_t sz);
AS_EXTERN int as_pack_bin(as_packer* pk, const uint8_t* buf, uint32_t sz);

AS_EXTERN int as_pack_list_header(as_packer* pk, uint32_t ele_count);
AS_EXTERN uint32_t as_pack_list_header_get_size(uint32_t ele_count);
AS_EXTERN int as_pack_map_header(as_packer* pk, uint32_t ele_count);

/* Map headers have the list headers' sizes. */
static inline uint32_t as_pack_map_header_get_size(uint32_t ele_count)
{
	return as_pack_list_header_get_size(ele_count);
}

/* Size of the header (marker, length, type) of an ext of content_size bytes. */
AS_EXTERN uint32_t as_pack_ext_header_get_size(uint32_t content_size);
AS_EXTERN int as_pack_ext_header(as_packer* pk, uint32_t content_size, uint8_t type);

/* The ext header into buf, which holds size bytes. */
AS_EXTERN int as_pack_buf_ext_header(uint8_t* buf, uint32_t size, uint32_t content_size,
	uint8_t type);

/* Raw bytes, already encoded. */
AS_EXTERN int as_pack_append(as_packer* pk, const unsigned char* buf, uint32_t sz);

/* Reading single elements. */

/* The type of the next element without consuming it; AS_UNDEF at the end. */
AS_EXTERN as_val_t as_unpack_peek_type(const as_unpacker* pk);
AS_EXTERN as_val_t as_unpack_buf_peek_type(const uint8_t* buf, uint32_t size);
AS_EXTERN bool as_unpack_peek_is_ext(const as_unpacker* pk);

/* 0 on success. */
AS_EXTERN int as_unpack_boolean(as_unpacker* pk, bool* value);
AS_EXTERN int as_unpack_nil(as_unpacker* pk);

/* Skips one whole element; its encoded size, or negative on error. */
AS_EXTERN int64_t as_unpack_size(as_unpacker* pk);

/* Consumes a str/bin header; the content length, or negative. */
AS_EXTERN int64_t as_unpack_blob_size(as_unpacker* pk);

/* 0 on success. */
AS_EXTERN int as_unpack_int64(as_unpacker* pk, int64_t* i);
AS_EXTERN int as_unpack_uint64(as_unpacker* pk, uint64_t* i);
AS_EXTERN int as_unpack_double(as_unpacker* pk, double* x);

/* The content of a str or bin and its length in *sz_r; NULL on failure. */
AS_EXTERN const uint8_t* as_unpack_str(as_unpacker* pk, uint32_t* sz_r);
AS_EXTERN const uint8_t* as_unpack_bin(as_unpacker* pk, uint32_t* sz_r);

/* 0 on success. */
AS_EXTERN int as_unpack_ext(as_unpacker* pk, as_msgpack_ext* ext);

/* Element counts of list and map headers; negative when not one. */
AS_EXTERN int64_t as_unpack_buf_list_element_count(const uint8_t* buf, uint32_t size);
AS_EXTERN int64_t as_unpack_list_header_element_count(as_unpacker* pk);
AS_EXTERN int64_t as_unpack_buf_map_element_count(const uint8_t* buf, uint32_t size);
AS_EXTERN int64_t as_unpack_map_header_element_count(as_unpacker* pk);

/* Compares two encoded values in the server's order. */
AS_EXTERN msgpack_compare_t as_unpack_buf_compare(const uint8_t* buf1, uint32_t size1,
	const uint8_t* buf2, uint32_t size2);
AS_EXTERN msgpack_compare_t as_unpack_compare(as_unpacker* pk1, as_unpacker* pk2);

static inline bool as_unpack_buf_is_less(const uint8_t* buf1, uint32_t size1, const uint8_t* buf2,
	uint32_t size2)
{
	return as_unpack_buf_compare(buf1, size1, buf2, size2) == MSGPACK_COMPARE_LESS;
}

#ifdef __cplusplus
}
#endif
