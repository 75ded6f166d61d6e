// as_val to and from the server's msgpack: as_pack_val, as_unpack_val and
// the as_val ordering as_val_cmp. Encoding follows 7.4.0 byte for byte
// (strings, blobs and GeoJSON with their particle byte, a key-ordered map
// led by its flags ext and a nil, pairs as two-element lists). Decoding
// makes the values 7.4.0 makes (as_arraylist, as_orderedmap, or for a
// preserve-order map an as_arraylist of keys and values in turn) with
// their flags, and bounds what it allocates by the bytes it was given.
#pragma once

#include <aerospike/as_msgpack.h>

namespace aeroshim::msgpack {

// 0, or nonzero when a value cannot be encoded or the packer is full.
int pack_value(as_packer* pk, const as_val* val);

// 0 with *val set (NULL for an ext element), or negative with *val
// untouched. Nesting depth is bounded by the input, not the stack.
int unpack_value(as_unpacker& pk, as_val** val);

msgpack_compare_t compare_values(const as_val* v1, const as_val* v2);

}  // namespace aeroshim::msgpack
