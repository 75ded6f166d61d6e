#include "ops/cdt_ctx.h"

#include "ops/base64.h"
#include "ops/cdt_pack.h"

#include <aerospike/as_boolean.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_list.h>
#include <citrusleaf/alloc.h>
#include <citrusleaf/cf_b64.h>

#include <cstring>
#include <memory>

namespace aeroshim {
namespace {

// msgpack `true`: the filter that keeps every child.
constexpr uint8_t kMsgpackTrue = 0xc3;

bool is_exp_step(uint32_t type) {
  return (type & ~static_cast<uint32_t>(AS_CDT_CTX_AND)) == AS_CDT_CTX_EXP;
}

struct FreeDeleter {
  void operator()(void* p) const { cf_free(p); }
};
using Buffer = std::unique_ptr<uint8_t, FreeDeleter>;

Buffer allocate(uint32_t size) {
  return Buffer(static_cast<uint8_t*>(cf_malloc(size == 0 ? 1 : size)));
}

// One (type, value) pair of a decoded context list; false when malformed.
bool item_from(const as_val* type, const as_val* value, as_cdt_ctx_item* item) {
  if (type == nullptr || value == nullptr || as_val_type(type) != AS_INTEGER) return false;
  item->type = static_cast<uint32_t>(reinterpret_cast<const as_integer*>(type)->value);
  if ((item->type & AS_CDT_CTX_VALUE) != 0) {
    // Booleans are not reference counted (reserve does nothing), yet a
    // decoded one is freed with the list: the item needs its own. 7.4.0
    // reserves it anyway and frees it twice.
    if (const as_boolean* flag = as_boolean_fromval(value)) {
      item->val.pval = reinterpret_cast<as_val*>(as_boolean_new(flag->value));
      return item->val.pval != nullptr;
    }
    item->val.pval = as_val_reserve(const_cast<as_val*>(value));
    return true;
  }
  if (as_val_type(value) != AS_INTEGER) return false;
  item->val.ival = reinterpret_cast<const as_integer*>(value)->value;
  return true;
}

}  // namespace

void ctx_destroy(as_cdt_ctx* ctx) {
  as_vector* list = &ctx->list;
  for (uint32_t i = 0; i < list->size; i++) {
    auto* item = static_cast<as_cdt_ctx_item*>(as_vector_get(list, i));
    if ((item->type & AS_CDT_CTX_VALUE) != 0) {
      as_val_destroy(item->val.pval);
    } else if (is_exp_step(item->type)) {
      cf_free(item->val.exp);
    }
  }
  as_vector_destroy(list);
}

void ctx_add_exp(as_cdt_ctx* ctx, uint32_t type, const as_exp* exp) {
  uint32_t size = exp != nullptr ? exp->packed_sz : 1;
  auto* copy = static_cast<as_exp*>(cf_malloc(sizeof(as_exp) + size));
  if (copy == nullptr) return;
  copy->packed_sz = size;
  if (exp != nullptr) {
    memcpy(copy->packed, exp->packed, size);
  } else {
    copy->packed[0] = kMsgpackTrue;
  }
  as_cdt_ctx_item item;
  item.type = type;
  item.val.exp = copy;
  as_vector_append(&ctx->list, &item);
}

uint32_t ctx_packed_size(const as_cdt_ctx* ctx) {
  as_packer pk{};
  pk.capacity = UINT32_MAX;
  return cdt_ctx_pack(ctx, &pk);
}

uint32_t ctx_to_bytes(const as_cdt_ctx* ctx, uint8_t* bytes, uint32_t capacity) {
  if (bytes == nullptr) return 0;
  as_packer pk{};
  pk.buffer = bytes;
  pk.capacity = capacity;
  return cdt_ctx_pack(ctx, &pk);
}

bool ctx_from_unpacker(as_cdt_ctx* ctx, as_unpacker* pk) {
  as_val* decoded = nullptr;
  if (as_unpack_val(pk, &decoded) != 0 || decoded == nullptr) return false;
  if (as_val_type(decoded) != AS_LIST) {
    as_val_destroy(decoded);
    return false;
  }
  auto* list = reinterpret_cast<as_list*>(decoded);
  uint32_t n = as_list_size(list);
  as_cdt_ctx_init(ctx, n / 2);
  bool ok = n % 2 == 0;
  for (uint32_t i = 0; ok && i < n; i += 2) {
    as_cdt_ctx_item item;
    ok = item_from(as_list_get(list, i), as_list_get(list, i + 1), &item);
    if (ok) as_vector_append(&ctx->list, &item);
  }
  if (!ok) ctx_destroy(ctx);
  as_val_destroy(decoded);
  return ok;
}

bool ctx_to_base64(const as_cdt_ctx* ctx, char* base64, uint32_t capacity) {
  if (base64 == nullptr) return false;
  uint32_t size = ctx_packed_size(ctx);
  if (size == 0 || cf_b64_encoded_len(size) + 1 > capacity) return false;
  Buffer bytes = allocate(size);
  if (!bytes || ctx_to_bytes(ctx, bytes.get(), size) != size) return false;
  b64_encode(bytes.get(), size, base64);
  base64[cf_b64_encoded_len(size)] = '\0';
  return true;
}

bool ctx_from_base64(as_cdt_ctx* ctx, const char* base64) {
  auto len = static_cast<uint32_t>(strlen(base64));
  Buffer bytes = allocate(cf_b64_decoded_buf_size(len));
  if (!bytes) return false;
  uint32_t size = 0;
  b64_decode(reinterpret_cast<const uint8_t*>(base64), len, bytes.get(), &size);
  as_unpacker pk{};
  pk.buffer = bytes.get();
  pk.length = size;
  return ctx_from_unpacker(ctx, &pk);
}

}  // namespace aeroshim
