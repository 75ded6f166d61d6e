// Reading the server's msgpack from an as_unpacker: the direct as_unpack_*
// functions. Unlike 7.4.0, which trusts lengths and reads past the end of
// short or hostile input, every reader here checks each byte it touches is
// below `length` and fails instead (the codes are 7.4.0's: 0 or negative,
// NULL, AS_UNDEF). Skipping is iterative, so nesting depth costs nothing.
#pragma once

#include "value/msgpack_element.h"

#include <aerospike/as_msgpack.h>

#include <cstdint>

namespace aeroshim::msgpack {

// The element at the unpacker's offset (Kind::kInvalid at the end).
Element peek_element(const as_unpacker& pk);

// The as_val type the next element decodes to; AS_UNDEF when unreadable.
as_val_t peek_type(const as_unpacker& pk);
bool peek_is_ext(const as_unpacker& pk);

// Moves past `count` whole elements; false (offset unspecified) when one
// is malformed or runs past the end.
bool skip(as_unpacker& pk, uint64_t count);
// Moves past one element and returns its size, or -1.
int64_t skip_one(as_unpacker& pk);

int read_bool(as_unpacker& pk, bool* value);
int read_nil(as_unpacker& pk);
int64_t read_blob_size(as_unpacker& pk);
int read_uint64(as_unpacker& pk, uint64_t* value);
int read_double(as_unpacker& pk, double* value);
// The content of a str or bin; NULL when it is not one or runs past the end.
const uint8_t* read_blob(as_unpacker& pk, uint32_t* size);
int read_ext(as_unpacker& pk, as_msgpack_ext* ext);
int64_t read_list_count(as_unpacker& pk);
int64_t read_map_count(as_unpacker& pk);

}  // namespace aeroshim::msgpack
