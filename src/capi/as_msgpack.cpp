// extern "C" entry points of as_msgpack.h: the direct packers and readers
// and the encoded comparison. A NULL packer or unpacker (a crash in 7.4.0)
// answers the function's failure value.
#include "core/error.h"
#include "value/msgpack_compare.h"
#include "value/msgpack_pack.h"
#include "value/msgpack_unpack.h"

#include <aerospike/as_msgpack.h>

using namespace aeroshim;
using msgpack::Overflow;
using msgpack::Packer;

namespace {

// The direct functions never grow the packer's buffer.
template <typename Write>
int pack(as_packer* pk, Write&& write) {
  return guard_value(-1, {{pk, "pk"}}, [&] { return write(Packer(pk, Overflow::kFail)); });
}

// A whole caller buffer as an unpacker; NULL reads as empty.
as_unpacker over(const uint8_t* buf, uint32_t size) {
  return as_unpacker{buf, 0, buf != nullptr ? size : 0};
}

}  // namespace

extern "C" {

int as_pack_nil(as_packer* pk) {
  return pack(pk, [](Packer p) { return p.nil(); });
}

int as_pack_bool(as_packer* pk, bool val) {
  return pack(pk, [&](Packer p) { return p.boolean(val); });
}

int as_pack_cmp_inf(as_packer* pk) {
  return pack(pk, [](Packer p) { return p.cmp_inf(); });
}

int as_pack_cmp_wildcard(as_packer* pk) {
  return pack(pk, [](Packer p) { return p.cmp_wildcard(); });
}

uint32_t as_pack_uint64_size(uint64_t val) { return msgpack::uint_size(val); }

uint32_t as_pack_int64_size(int64_t val) { return msgpack::sint_size(val); }

int as_pack_uint64(as_packer* pk, uint64_t val) {
  return pack(pk, [&](Packer p) { return p.uint(val); });
}

int as_pack_int64(as_packer* pk, int64_t val) {
  return pack(pk, [&](Packer p) { return p.sint(val); });
}

int as_pack_float(as_packer* pk, float val) {
  return pack(pk, [&](Packer p) { return p.float32(val); });
}

int as_pack_double(as_packer* pk, double val) {
  return pack(pk, [&](Packer p) { return p.float64(val); });
}

int as_pack_bytes(as_packer* pk, const uint8_t* buf, uint32_t sz) {
  // 7.4.0 lets the header and particle byte of this one move to a new buffer.
  return guard_value(-1, {{pk, "pk"}}, [&] {
    return Packer(pk, Overflow::kGrow).typed_blob(msgpack::kParticleBlob, buf, sz, Overflow::kFail);
  });
}

uint32_t as_pack_str_size(uint32_t str_sz) { return msgpack::str_size(str_sz); }

uint32_t as_pack_bin_size(uint32_t buf_sz) { return msgpack::bin_size(buf_sz); }

int as_pack_str(as_packer* pk, const uint8_t* buf, uint32_t sz) {
  return pack(pk, [&](Packer p) { return p.str(buf, sz); });
}

int as_pack_str_with_type(as_packer* pk, uint8_t type, const uint8_t* buf, uint32_t sz) {
  return pack(pk, [&](Packer p) { return p.str_with_type(type, buf, sz); });
}

int as_pack_bin(as_packer* pk, const uint8_t* buf, uint32_t sz) {
  return pack(pk, [&](Packer p) { return p.bin(buf, sz); });
}

int as_pack_list_header(as_packer* pk, uint32_t ele_count) {
  return pack(pk, [&](Packer p) { return p.list_header(ele_count); });
}

uint32_t as_pack_list_header_get_size(uint32_t ele_count) {
  return msgpack::list_header_size(ele_count);
}

int as_pack_map_header(as_packer* pk, uint32_t ele_count) {
  return pack(pk, [&](Packer p) { return p.map_header(ele_count); });
}

uint32_t as_pack_ext_header_get_size(uint32_t content_size) {
  return msgpack::ext_header_size(content_size);
}

int as_pack_ext_header(as_packer* pk, uint32_t content_size, uint8_t type) {
  return pack(pk, [&](Packer p) { return p.ext_header(content_size, type); });
}

int as_pack_buf_ext_header(uint8_t* buf, uint32_t size, uint32_t content_size, uint8_t type) {
  as_packer pk{nullptr, nullptr, buf, 0, size};
  return as_pack_ext_header(&pk, content_size, type);
}

int as_pack_append(as_packer* pk, const unsigned char* buf, uint32_t sz) {
  return pack(pk, [&](Packer p) { return p.raw(buf, sz); });
}

as_val_t as_unpack_peek_type(const as_unpacker* pk) {
  return guard_value<as_val_t>(AS_UNDEF, {{pk, "pk"}}, [&] { return msgpack::peek_type(*pk); });
}

as_val_t as_unpack_buf_peek_type(const uint8_t* buf, uint32_t size) {
  as_unpacker pk = over(buf, size);
  return as_unpack_peek_type(&pk);
}

bool as_unpack_peek_is_ext(const as_unpacker* pk) {
  return guard_value(false, {{pk, "pk"}}, [&] { return msgpack::peek_is_ext(*pk); });
}

int as_unpack_boolean(as_unpacker* pk, bool* value) {
  return guard_value(-1, {{pk, "pk"}, {value, "value"}},
                     [&] { return msgpack::read_bool(*pk, value); });
}

int as_unpack_nil(as_unpacker* pk) {
  return guard_value(-1, {{pk, "pk"}}, [&] { return msgpack::read_nil(*pk); });
}

int64_t as_unpack_size(as_unpacker* pk) {
  return guard_value<int64_t>(-1, {{pk, "pk"}}, [&] { return msgpack::skip_one(*pk); });
}

int64_t as_unpack_blob_size(as_unpacker* pk) {
  return guard_value<int64_t>(-1, {{pk, "pk"}}, [&] { return msgpack::read_blob_size(*pk); });
}

int as_unpack_int64(as_unpacker* pk, int64_t* i) {
  return as_unpack_uint64(pk, reinterpret_cast<uint64_t*>(i));
}

int as_unpack_uint64(as_unpacker* pk, uint64_t* i) {
  return guard_value(-1, {{pk, "pk"}, {i, "i"}}, [&] { return msgpack::read_uint64(*pk, i); });
}

int as_unpack_double(as_unpacker* pk, double* x) {
  return guard_value(-1, {{pk, "pk"}, {x, "x"}}, [&] { return msgpack::read_double(*pk, x); });
}

const uint8_t* as_unpack_str(as_unpacker* pk, uint32_t* sz_r) {
  return guard_value<const uint8_t*>(nullptr, {{pk, "pk"}, {sz_r, "sz_r"}},
                                     [&] { return msgpack::read_blob(*pk, sz_r); });
}

const uint8_t* as_unpack_bin(as_unpacker* pk, uint32_t* sz_r) { return as_unpack_str(pk, sz_r); }

int as_unpack_ext(as_unpacker* pk, as_msgpack_ext* ext) {
  return guard_value(-1, {{pk, "pk"}, {ext, "ext"}}, [&] { return msgpack::read_ext(*pk, ext); });
}

int64_t as_unpack_buf_list_element_count(const uint8_t* buf, uint32_t size) {
  as_unpacker pk = over(buf, size);
  return as_unpack_list_header_element_count(&pk);
}

int64_t as_unpack_list_header_element_count(as_unpacker* pk) {
  return guard_value<int64_t>(-1, {{pk, "pk"}}, [&] { return msgpack::read_list_count(*pk); });
}

int64_t as_unpack_buf_map_element_count(const uint8_t* buf, uint32_t size) {
  as_unpacker pk = over(buf, size);
  return as_unpack_map_header_element_count(&pk);
}

int64_t as_unpack_map_header_element_count(as_unpacker* pk) {
  return guard_value<int64_t>(-1, {{pk, "pk"}}, [&] { return msgpack::read_map_count(*pk); });
}

msgpack_compare_t as_unpack_buf_compare(const uint8_t* buf1, uint32_t size1, const uint8_t* buf2,
                                        uint32_t size2) {
  as_unpacker pk1 = over(buf1, size1);
  as_unpacker pk2 = over(buf2, size2);
  return as_unpack_compare(&pk1, &pk2);
}

msgpack_compare_t as_unpack_compare(as_unpacker* pk1, as_unpacker* pk2) {
  return guard_value(MSGPACK_COMPARE_ERROR, {{pk1, "pk1"}, {pk2, "pk2"}},
                     [&] { return msgpack::compare(*pk1, *pk2); });
}

}  // extern "C"
