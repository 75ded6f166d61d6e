// CDT contexts beyond the header-inline adders: expression steps, destroy,
// and the serialized (msgpack, base64) forms.
#pragma once

#include <aerospike/as_cdt_ctx.h>
#include <aerospike/as_exp.h>
#include <aerospike/as_msgpack.h>

namespace aeroshim {

void ctx_destroy(as_cdt_ctx* ctx);

// Appends an expression step of type (EXP, or AND|EXP) owning a copy of exp
// (or, for NULL, the expression `true`: all children).
void ctx_add_exp(as_cdt_ctx* ctx, uint32_t type, const as_exp* exp);

// Packed size of the context; 0 when it cannot be packed.
uint32_t ctx_packed_size(const as_cdt_ctx* ctx);

// Packs into bytes[capacity]; the size, or 0 when it does not fit.
uint32_t ctx_to_bytes(const as_cdt_ctx* ctx, uint8_t* bytes, uint32_t capacity);

// Initialises ctx from a packed [type, value, ...] list; on failure ctx is
// left destroyed (7.4.0's contract).
bool ctx_from_unpacker(as_cdt_ctx* ctx, as_unpacker* pk);

bool ctx_to_base64(const as_cdt_ctx* ctx, char* base64, uint32_t capacity);

bool ctx_from_base64(as_cdt_ctx* ctx, const char* base64);

}  // namespace aeroshim
