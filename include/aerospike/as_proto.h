/*
 * The 8-byte header of every server message (version, type, 48-bit body
 * length; big-endian on the wire) and the 22-byte header of data
 * messages (type 3). All structs are packed, exactly the wire bytes; the
 * zero-length data members mark where a body starts. The parsers are the
 * protocol layer's: declared only; the inline wrappers call them.
 */
#pragma once

#include <aerospike/as_std.h>
#include <aerospike/as_error.h>
#include <citrusleaf/cf_byte_order.h>

#include <stddef.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AS_PROTO_VERSION 2
#define AS_INFO_MESSAGE_TYPE 1
#define AS_ADMIN_MESSAGE_TYPE 2
#define AS_MESSAGE_TYPE 3
#define AS_COMPRESSED_MESSAGE_TYPE 4
/* Largest body the client accepts: 128 MiB. */
#define PROTO_SIZE_MAX (128 * 1024 * 1024)

/*
 * __extension__ keeps strict-ISO builds quiet about what the wire format
 * needs: a 48-bit field of a 64-bit type and zero-length trailing arrays.
 */
typedef struct as_proto_s {
	uint8_t version;
	uint8_t type;
	__extension__ uint64_t sz : 48;
	__extension__ uint8_t data[0];
} __attribute__((__packed__)) as_proto;

/* Type 4: a proto header, the inflated size (big-endian), then zlib data. */
typedef struct as_compressed_proto_s {
	as_proto proto;
	uint64_t uncompressed_sz;
	__extension__ uint8_t data[0];
} __attribute__((__packed__)) as_compressed_proto;

typedef struct as_msg_s {
	/* Always 22. */
	uint8_t header_sz;
	uint8_t info1;
	uint8_t info2;
	uint8_t info3;
	uint8_t unused;
	uint8_t result_code;
	uint32_t generation;
	uint32_t record_ttl;
	uint32_t transaction_ttl;
	uint16_t n_fields;
	uint16_t n_ops;
	/* Fields, then operations. */
	__extension__ uint8_t data[0];
} __attribute__((__packed__)) as_msg;

typedef struct as_proto_msg_s {
	as_proto proto;
	as_msg m;
} __attribute__((__packed__)) as_proto_msg;

AS_EXTERN void as_proto_swap_to_be(as_proto* m);
AS_EXTERN void as_proto_swap_from_be(as_proto* m);
AS_EXTERN void as_msg_swap_header_from_be(as_msg* m);
AS_EXTERN as_status as_proto_version_error(as_error* err, as_proto* proto);
AS_EXTERN as_status as_proto_type_error(as_error* err, as_proto* proto, uint8_t expected);
AS_EXTERN as_status as_proto_size_error(as_error* err, size_t size);
AS_EXTERN as_status as_compressed_size_error(as_error* err, size_t size);
/* Checks version and size of a header already swapped to host order. */
AS_EXTERN as_status as_proto_parse(as_error* err, as_proto* proto);
AS_EXTERN as_status as_proto_decompress(as_error* err, uint8_t* trg, size_t trg_sz,
	uint8_t* src, size_t src_sz);

static inline as_status as_proto_parse_type(as_error* err, as_proto* proto,
	uint8_t expected_type)
{
	if (proto->type != expected_type) {
		return as_proto_type_error(err, proto, expected_type);
	}
	return as_proto_parse(err, proto);
}

/* size is what was read of the message; on success the header is in host order. */
static inline as_status as_msg_parse(as_error* err, as_msg* msg, size_t size)
{
	if (size < sizeof(as_msg)) {
		return as_proto_size_error(err, size);
	}
	as_msg_swap_header_from_be(msg);
	return AEROSPIKE_OK;
}

/* Reads the big-endian inflated size at buf and bounds it by PROTO_SIZE_MAX. */
static inline as_status as_compressed_size_parse(as_error* err, const uint8_t* buf,
	size_t* size)
{
	uint64_t be;
	memcpy(&be, buf, sizeof(be));
	*size = (size_t)cf_swap_from_be64(be);
	if (*size > PROTO_SIZE_MAX) {
		return as_compressed_size_error(err, *size);
	}
	return AEROSPIKE_OK;
}

#ifdef __cplusplus
}
#endif
