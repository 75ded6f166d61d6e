/*
 * Written the way a 7.4.0 user writes against <aerospike/as_proto.h> alone:
 * the error type and byte-order helpers come along, and the packed headers
 * have the wire sizes (8, 16, 22 and 30 bytes) and a 48-bit size field.
 */
#include <aerospike/as_proto.h>

int aeroshim_stock_style_proto(void);

int aeroshim_stock_style_proto(void)
{
	as_proto proto;
	as_error err;
	as_error_init(&err);
	if (sizeof(as_proto) != 8 || sizeof(as_compressed_proto) != 16 || sizeof(as_msg) != 22 ||
		sizeof(as_proto_msg) != 30) {
		return __LINE__;
	}
	proto.version = AS_PROTO_VERSION;
	proto.type = AS_MESSAGE_TYPE;
	proto.sz = 0xFFFFFFFFFFFFULL;
	if (proto.sz != 0xFFFFFFFFFFFFULL || PROTO_SIZE_MAX != 128 * 1024 * 1024) {
		return __LINE__;
	}
	return err.code == AEROSPIKE_OK && cf_swap_from_be16(cf_swap_to_be16(0x1234)) == 0x1234 ? 0
		: __LINE__;
}
