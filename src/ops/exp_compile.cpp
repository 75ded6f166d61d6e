#include "ops/exp_compile.h"

#include "ops/base64.h"
#include "ops/cdt_ctx.h"
#include "ops/cdt_pack.h"

#include <aerospike/as_bytes.h>
#include <aerospike/as_string.h>
#include <citrusleaf/alloc.h>
#include <citrusleaf/cf_b64.h>

#include <cstring>

namespace aeroshim {
namespace {

constexpr int32_t kNone = -1;
constexpr int64_t kContextEval = AS_CDT_OP_CONTEXT_EVAL;

// Changes the element count of the innermost open variadic entry, if any.
void adjust(as_exp_entry* table, int32_t open, int32_t delta) {
  if (open != kNone) table[open].count += static_cast<uint32_t>(delta);
}

bool is_variadic(as_exp_ops op) {
  switch (op) {
    case _AS_EXP_CODE_COND:
    case _AS_EXP_CODE_LET:
    case _AS_EXP_CODE_AND:
    case _AS_EXP_CODE_OR:
    case _AS_EXP_CODE_EXCLUSIVE:
    case _AS_EXP_CODE_ADD:
    case _AS_EXP_CODE_SUB:
    case _AS_EXP_CODE_MUL:
    case _AS_EXP_CODE_DIV:
    case _AS_EXP_CODE_INT_AND:
    case _AS_EXP_CODE_INT_OR:
    case _AS_EXP_CODE_INT_XOR:
    case _AS_EXP_CODE_MIN:
    case _AS_EXP_CODE_MAX: return true;
    default: return false;
  }
}

// A policy entry packs 2 (create-capable) or 1 element, or none without a
// policy; the count of the enclosing variadic follows.
void count_policy_entry(as_exp_entry* table, int32_t open, const as_exp_entry* e) {
  bool has_policy = e->v.list_pol != nullptr;  // every policy member shares the union slot
  bool two = e->op == _AS_EXP_CODE_CDT_LIST_CRMOD || e->op == _AS_EXP_CODE_CDT_MAP_CRMOD;
  if (!has_policy) {
    adjust(table, open, -1);
  } else if (two) {
    adjust(table, open, 1);
  }
}

// A context on a call is only meaningful on a CDT call: the previous entry
// must be its system-call integer.
bool vop_context_valid(const as_exp_entry* table, uint32_t i) {
  const as_cdt_ctx* ctx = table[i].v.ctx;
  if (ctx == nullptr) return true;
  if (ctx->list.size == 0 || i == 0 || table[i - 1].op != _AS_EXP_CODE_VAL_INT) return false;
  int64_t system = table[i - 1].v.int_val & ~static_cast<int64_t>(_AS_EXP_SYS_FLAG_MODIFY_LOCAL);
  return system == _AS_EXP_SYS_CALL_CDT && ctx_packed_size(ctx) != 0;
}

// The counting pass: turns each variadic entry's count into its element
// count (its op code plus every direct operand) and checks the table's
// shape. The rules are 7.4.0's, so a table compiles to the same bytes.
bool resolve_counts(as_exp_entry* table, uint32_t n) {
  int32_t open = kNone;
  for (uint32_t i = 0; i < n; i++) {
    as_exp_entry* e = &table[i];
    adjust(table, open, 1);
    if (e->count != 0) adjust(table, open, 1 - static_cast<int32_t>(e->count));
    switch (e->op) {
      case _AS_EXP_CODE_CDT_LIST_CRMOD:
      case _AS_EXP_CODE_CDT_LIST_MOD:
      case _AS_EXP_CODE_CDT_MAP_CRMOD:
      case _AS_EXP_CODE_CDT_MAP_CR:
      case _AS_EXP_CODE_CDT_MAP_MOD: count_policy_entry(table, open, e); break;
      case _AS_EXP_CODE_VAL_RTYPE:
        if (e->v.int_val == AS_EXP_TYPE_ERROR) return false;
        break;
      case _AS_EXP_CODE_VAL_STR:
      case _AS_EXP_CODE_VAL_RAWSTR:
        if (e->v.str_val == nullptr) return false;
        e->sz = static_cast<uint32_t>(strlen(e->v.str_val));
        break;
      case _AS_EXP_CODE_END_OF_VA_ARGS:
        if (open == kNone) return false;
        open = table[open].prev_va_args;
        break;
      case _AS_EXP_CODE_CALL_VOP_START:
        adjust(table, open, -1);
        if (!vop_context_valid(table, i)) return false;
        break;
      case _AS_EXP_CODE_CTX:
        if (e->v.ctx == nullptr || ctx_packed_size(e->v.ctx) == 0) return false;
        break;
      case _AS_EXP_CODE_MERGE:
      case _AS_EXP_CODE_AS_VAL:
      case _AS_EXP_CODE_VAL_GEO:
        // expr and val share the union slot: a missing operand cannot be packed.
        if (e->v.val == nullptr) return false;
        break;
      case _AS_EXP_CODE_VAL_BYTES:
        if (e->v.bytes_val == nullptr && e->sz != 0) return false;
        break;
      default:
        if (is_variadic(e->op)) {
          e->count = 0;
          e->prev_va_args = open;
          open = static_cast<int32_t>(i);
        }
        break;
    }
  }
  return true;
}

int pack_value(as_packer* pk, const as_exp_entry* e) {
  switch (e->op) {
    case _AS_EXP_CODE_AS_VAL:
      if (as_val_type(e->v.val) == AS_LIST &&
          (as_pack_list_header(pk, 2) != 0 || as_pack_int64(pk, _AS_EXP_CODE_QUOTE) != 0)) {
        return -1;
      }
      return as_pack_val(pk, e->v.val);
    case _AS_EXP_CODE_VAL_GEO: return as_pack_val(pk, e->v.val);
    case _AS_EXP_CODE_VAL_STR: {
      as_string text;
      as_string_init_wlen(&text, const_cast<char*>(e->v.str_val), e->sz, false);
      return as_pack_val(pk, reinterpret_cast<const as_val*>(&text));
    }
    case _AS_EXP_CODE_VAL_BYTES: {
      as_bytes bytes;
      as_bytes_init_wrap(&bytes, e->v.bytes_val, e->sz, false);
      return as_pack_val(pk, reinterpret_cast<const as_val*>(&bytes));
    }
    case _AS_EXP_CODE_VAL_RAWSTR:
      return as_pack_str(pk, reinterpret_cast<const uint8_t*>(e->v.str_val), e->sz);
    case _AS_EXP_CODE_VAL_RTYPE:
    case _AS_EXP_CODE_VAL_INT: return as_pack_int64(pk, e->v.int_val);
    case _AS_EXP_CODE_VAL_UINT: return as_pack_uint64(pk, e->v.uint_val);
    case _AS_EXP_CODE_VAL_FLOAT: return as_pack_double(pk, e->v.float_val);
    case _AS_EXP_CODE_VAL_BOOL: return as_pack_bool(pk, e->v.bool_val);
    default: return -1;
  }
}

int pack_policy(as_packer* pk, const as_exp_entry* e) {
  switch (e->op) {
    case _AS_EXP_CODE_CDT_LIST_CRMOD:
      if (e->v.list_pol == nullptr) return 0;
      if (as_pack_uint64(pk, e->v.list_pol->order) != 0) return -1;
      return as_pack_uint64(pk, e->v.list_pol->flags);
    case _AS_EXP_CODE_CDT_LIST_MOD:
      return e->v.list_pol == nullptr ? 0 : as_pack_uint64(pk, e->v.list_pol->flags);
    case _AS_EXP_CODE_CDT_MAP_CRMOD:
      if (e->v.map_pol == nullptr) return 0;
      if (as_pack_uint64(pk, e->v.map_pol->attributes) != 0) return -1;
      return as_pack_uint64(pk, e->v.map_pol->flags);
    case _AS_EXP_CODE_CDT_MAP_CR:
      return e->v.map_pol == nullptr ? 0 : as_pack_uint64(pk, e->v.map_pol->attributes);
    default:  // _AS_EXP_CODE_CDT_MAP_MOD
      return e->v.map_pol == nullptr ? 0 : as_pack_uint64(pk, e->v.map_pol->flags);
  }
}

int pack_entry(as_packer* pk, const as_exp_entry* e) {
  if (e->count != 0 && e->op != _AS_EXP_CODE_CALL_VOP_START &&
      as_pack_list_header(pk, e->count) != 0) {
    return -1;
  }
  switch (e->op) {
    case _AS_EXP_CODE_CDT_LIST_CRMOD:
    case _AS_EXP_CODE_CDT_LIST_MOD:
    case _AS_EXP_CODE_CDT_MAP_CRMOD:
    case _AS_EXP_CODE_CDT_MAP_CR:
    case _AS_EXP_CODE_CDT_MAP_MOD: return pack_policy(pk, e);
    case _AS_EXP_CODE_AS_VAL:
    case _AS_EXP_CODE_VAL_GEO:
    case _AS_EXP_CODE_VAL_STR:
    case _AS_EXP_CODE_VAL_BYTES:
    case _AS_EXP_CODE_VAL_RAWSTR:
    case _AS_EXP_CODE_VAL_RTYPE:
    case _AS_EXP_CODE_VAL_INT:
    case _AS_EXP_CODE_VAL_UINT:
    case _AS_EXP_CODE_VAL_FLOAT:
    case _AS_EXP_CODE_VAL_BOOL: return pack_value(pk, e);
    case _AS_EXP_CODE_END_OF_VA_ARGS: return 0;
    case _AS_EXP_CODE_CALL_VOP_START:
      if (e->v.ctx != nullptr &&
          (as_pack_list_header(pk, 3) != 0 || as_pack_int64(pk, kContextEval) != 0 ||
           cdt_ctx_pack(e->v.ctx, pk) == 0)) {
        return -1;
      }
      return as_pack_list_header(pk, e->count);
    case _AS_EXP_CODE_MERGE: return as_pack_append(pk, e->v.expr->packed, e->v.expr->packed_sz);
    case _AS_EXP_CODE_CTX: return cdt_ctx_pack(e->v.ctx, pk) == 0 ? -1 : 0;
    default: return as_pack_int64(pk, static_cast<int64_t>(e->op));
  }
}

bool pack_table(as_packer* pk, const as_exp_entry* table, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) {
    if (pack_entry(pk, &table[i]) != 0) return false;
  }
  return true;
}

// The geojson values as_exp_geo created belong to the compile.
void destroy_created(as_exp_entry* table, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) {
    if (table[i].op == _AS_EXP_CODE_VAL_GEO && table[i].v.val != nullptr) {
      as_val_destroy(table[i].v.val);
      table[i].v.val = nullptr;
    }
  }
}

as_exp* compile_resolved(const as_exp_entry* table, uint32_t n) {
  as_packer measure{};
  if (!pack_table(&measure, table, n)) return nullptr;
  uint32_t size = measure.offset;
  auto* exp = static_cast<as_exp*>(cf_malloc(sizeof(as_exp) + size));
  if (exp == nullptr) return nullptr;
  exp->packed_sz = size;
  as_packer pk{};
  pk.buffer = exp->packed;
  pk.capacity = size;
  if (!pack_table(&pk, table, n) || pk.offset != size) {
    cf_free(exp);
    return nullptr;
  }
  return exp;
}

}  // namespace

as_exp* exp_compile(as_exp_entry* table, uint32_t n) {
  as_exp* exp = resolve_counts(table, n) ? compile_resolved(table, n) : nullptr;
  destroy_created(table, n);
  return exp;
}

char* exp_to_base64(const as_exp* exp) {
  uint32_t size = cf_b64_encoded_len(exp->packed_sz);
  auto* text = static_cast<char*>(cf_malloc(size + 1));
  if (text == nullptr) return nullptr;
  b64_encode(exp->packed, exp->packed_sz, text);
  text[size] = '\0';
  return text;
}

as_exp* exp_from_base64(const char* base64) {
  auto len = static_cast<uint32_t>(strlen(base64));
  auto* exp = static_cast<as_exp*>(cf_malloc(sizeof(as_exp) + cf_b64_decoded_buf_size(len)));
  if (exp == nullptr) return nullptr;
  b64_decode(reinterpret_cast<const uint8_t*>(base64), len, exp->packed, &exp->packed_sz);
  return exp;
}

uint8_t* exp_write_field(const as_exp* exp, uint8_t field_id, uint8_t* ptr) {
  uint32_t field_size = exp->packed_sz + 1;
  *ptr++ = static_cast<uint8_t>(field_size >> 24);
  *ptr++ = static_cast<uint8_t>(field_size >> 16);
  *ptr++ = static_cast<uint8_t>(field_size >> 8);
  *ptr++ = static_cast<uint8_t>(field_size);
  *ptr++ = field_id;
  memcpy(ptr, exp->packed, exp->packed_sz);
  return ptr + exp->packed_sz;
}

int64_t exp_ctx_type(const as_cdt_ctx* ctx, as_exp_type default_type) {
  if (ctx == nullptr || ctx->list.size == 0) return default_type;
  const auto* first =
      static_cast<const as_cdt_ctx_item*>(as_vector_get(const_cast<as_vector*>(&ctx->list), 0));
  // List steps have the 0x10 bit, map steps do not.
  return (first->type & 0x10) != 0 ? AS_EXP_TYPE_LIST : AS_EXP_TYPE_MAP;
}

namespace {

// The type a result of this kind has, or ERROR; what the caller asked for
// must be AUTO or agree.
int64_t settle(as_exp_type asked, int64_t expected) {
  constexpr int64_t kError = AS_EXP_TYPE_ERROR;
  if (expected == kError) return kError;
  return asked == AS_EXP_TYPE_AUTO || asked == expected ? expected : kError;
}

// Return kinds lists and maps share (same values in both enums).
int64_t common_kind(int64_t kind, as_exp_type asked, bool is_multi) {
  switch (kind) {
    case AS_LIST_RETURN_INDEX:
    case AS_LIST_RETURN_REVERSE_INDEX:
    case AS_LIST_RETURN_RANK:
    case AS_LIST_RETURN_REVERSE_RANK: return is_multi ? AS_EXP_TYPE_LIST : AS_EXP_TYPE_INT;
    case AS_LIST_RETURN_COUNT: return AS_EXP_TYPE_INT;
    case AS_LIST_RETURN_VALUE: return is_multi ? AS_EXP_TYPE_LIST : asked;
    case AS_LIST_RETURN_EXISTS: return AS_EXP_TYPE_BOOL;
    default: return AS_EXP_TYPE_ERROR;
  }
}

}  // namespace

int64_t exp_list_type(as_exp_type type, as_list_return_type rtype, bool is_multi) {
  int64_t kind = rtype & ~static_cast<int64_t>(AS_LIST_RETURN_INVERTED);
  return settle(type, common_kind(kind, type, is_multi));
}

int64_t exp_map_type(as_exp_type type, as_map_return_type rtype, bool is_multi) {
  int64_t kind = rtype & ~static_cast<int64_t>(AS_MAP_RETURN_INVERTED);
  switch (kind) {
    case AS_MAP_RETURN_KEY: return settle(type, is_multi ? AS_EXP_TYPE_LIST : type);
    case AS_MAP_RETURN_KEY_VALUE:
    case AS_MAP_RETURN_UNORDERED_MAP:
    case AS_MAP_RETURN_ORDERED_MAP: return settle(type, AS_EXP_TYPE_MAP);
    default: return settle(type, common_kind(kind, type, is_multi));
  }
}

}  // namespace aeroshim
