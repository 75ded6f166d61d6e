// Expressions: compiling an as_exp_entry table (what the as_exp_* macros
// expand to) into the msgpack wire form, the base64 form, and the result
// types the CDT macros compute.
#pragma once

#include <aerospike/as_exp.h>

#include <cstdint>

namespace aeroshim {

// NULL when the table is malformed (unbalanced variadics, an ERROR result
// type, an empty or misplaced context, a value that cannot be packed).
// Frees the geojson values the table created either way.
as_exp* exp_compile(as_exp_entry* table, uint32_t n);

char* exp_to_base64(const as_exp* exp);

as_exp* exp_from_base64(const char* base64);

// Writes the command field (4-byte big-endian size + 1, field id) and the
// packed bytes at ptr; returns the end.
uint8_t* exp_write_field(const as_exp* exp, uint8_t field_id, uint8_t* ptr);

int64_t exp_ctx_type(const as_cdt_ctx* ctx, as_exp_type default_type);
int64_t exp_list_type(as_exp_type type, as_list_return_type rtype, bool is_multi);
int64_t exp_map_type(as_exp_type type, as_map_return_type rtype, bool is_multi);

}  // namespace aeroshim
