/*
 * Layout of the serialization area (layout-data.md section 2): buffers,
 * the buffer pool, the serializer and its hooks, the msgpack packer,
 * unpacker and ext, with the msgpack flag macros and the compare enum.
 * as_buffer_result and as_buffer_pool are not in the tables; their sizes
 * follow from the 7.4.0 field lists (pointer then 32-bit fields).
 */
#include "../layout_check.h"

#include <aerospike/as_buffer.h>
#include <aerospike/as_buffer_pool.h>
#include <aerospike/as_msgpack.h>
#include <aerospike/as_msgpack_ext.h>
#include <aerospike/as_msgpack_serializer.h>
#include <aerospike/as_serializer.h>

AS_CHECK(sizeof(as_buffer) == 16);
AS_CHECK(AS_ALIGNOF(as_buffer) == 8);
AS_CHECK(offsetof(as_buffer, capacity) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_buffer, capacity) == 4);
AS_CHECK(offsetof(as_buffer, size) == 4);
AS_CHECK(AS_MEMBER_SIZE(as_buffer, size) == 4);
AS_CHECK(offsetof(as_buffer, data) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_buffer, data) == 8);

AS_CHECK(sizeof(as_buffer_result) == 16);
AS_CHECK(AS_ALIGNOF(as_buffer_result) == 8);
AS_CHECK(offsetof(as_buffer_result, data) == 0);
AS_CHECK(offsetof(as_buffer_result, capacity) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_buffer_result, capacity) == 4);

AS_CHECK(sizeof(as_buffer_pool) == 16);
AS_CHECK(AS_ALIGNOF(as_buffer_pool) == 8);
AS_CHECK(offsetof(as_buffer_pool, queue) == 0);
AS_CHECK(offsetof(as_buffer_pool, header_size) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_buffer_pool, header_size) == 4);
AS_CHECK(offsetof(as_buffer_pool, buffer_size) == 12);
AS_CHECK(AS_MEMBER_SIZE(as_buffer_pool, buffer_size) == 4);

AS_CHECK(sizeof(as_serializer) == 16);
AS_CHECK(AS_ALIGNOF(as_serializer) == 8);
AS_CHECK(offsetof(as_serializer, free) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_serializer, free) == 1);
AS_CHECK(offsetof(as_serializer, hooks) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_serializer, hooks) == 8);

AS_CHECK(sizeof(as_serializer_hooks) == 40);
AS_CHECK(AS_ALIGNOF(as_serializer_hooks) == 8);
AS_CHECK(offsetof(as_serializer_hooks, destroy) == 0);
AS_CHECK(offsetof(as_serializer_hooks, serialize) == 8);
AS_CHECK(offsetof(as_serializer_hooks, serialize_presized) == 16);
AS_CHECK(offsetof(as_serializer_hooks, deserialize) == 24);
AS_CHECK(offsetof(as_serializer_hooks, serialize_getsize) == 32);
AS_CHECK(AS_MEMBER_SIZE(as_serializer_hooks, serialize_getsize) == 8);

AS_CHECK(sizeof(as_packer_buffer) == 24);
AS_CHECK(AS_ALIGNOF(as_packer_buffer) == 8);
AS_CHECK(offsetof(as_packer_buffer, next) == 0);
AS_CHECK(offsetof(as_packer_buffer, buffer) == 8);
AS_CHECK(offsetof(as_packer_buffer, length) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_packer_buffer, length) == 4);

AS_CHECK(sizeof(as_packer) == 32);
AS_CHECK(AS_ALIGNOF(as_packer) == 8);
AS_CHECK(offsetof(as_packer, head) == 0);
AS_CHECK(offsetof(as_packer, tail) == 8);
AS_CHECK(offsetof(as_packer, buffer) == 16);
AS_CHECK(offsetof(as_packer, offset) == 24);
AS_CHECK(AS_MEMBER_SIZE(as_packer, offset) == 4);
AS_CHECK(offsetof(as_packer, capacity) == 28);
AS_CHECK(AS_MEMBER_SIZE(as_packer, capacity) == 4);

AS_CHECK(sizeof(as_unpacker) == 16);
AS_CHECK(AS_ALIGNOF(as_unpacker) == 8);
AS_CHECK(offsetof(as_unpacker, buffer) == 0);
AS_CHECK(offsetof(as_unpacker, offset) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_unpacker, offset) == 4);
AS_CHECK(offsetof(as_unpacker, length) == 12);
AS_CHECK(AS_MEMBER_SIZE(as_unpacker, length) == 4);

AS_CHECK(sizeof(as_msgpack_ext) == 24);
AS_CHECK(AS_ALIGNOF(as_msgpack_ext) == 8);
AS_CHECK(offsetof(as_msgpack_ext, data) == 0);
AS_CHECK(offsetof(as_msgpack_ext, size) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_msgpack_ext, size) == 4);
AS_CHECK(offsetof(as_msgpack_ext, type_offset) == 12);
AS_CHECK(AS_MEMBER_SIZE(as_msgpack_ext, type_offset) == 4);
AS_CHECK(offsetof(as_msgpack_ext, type) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_msgpack_ext, type) == 1);

AS_CHECK(sizeof(msgpack_compare_t) == 4);
AS_CHECK(MSGPACK_COMPARE_ERROR == -2);
AS_CHECK(MSGPACK_COMPARE_END == -1);
AS_CHECK(MSGPACK_COMPARE_LESS == 0);
AS_CHECK(MSGPACK_COMPARE_EQUAL == 1);
AS_CHECK(MSGPACK_COMPARE_GREATER == 2);

AS_CHECK(AS_PACKER_BUFFER_SIZE == 8192);
AS_CHECK(AS_PACKED_MAP_FLAG_NONE == 0);
AS_CHECK(AS_PACKED_MAP_FLAG_K_ORDERED == 1);
AS_CHECK(AS_PACKED_MAP_FLAG_V_ORDERED == 2);
AS_CHECK(AS_PACKED_MAP_FLAG_PRESERVE_ORDER == 8);
AS_CHECK(AS_PACKED_MAP_FLAG_KV_ORDERED == 3);
AS_CHECK(AS_PACKED_LIST_FLAG_NONE == 0);
AS_CHECK(AS_PACKED_LIST_FLAG_ORDERED == 1);
AS_CHECK(AS_PACKED_PERSIST_INDEX == 16);
