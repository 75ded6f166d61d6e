// extern "C" entry points of citrusleaf/cf_crypto.h.
#include "core/error.h"
#include "record/ripemd160.h"
#include "record/sha1.h"

#include <citrusleaf/cf_crypto.h>

using namespace aeroshim;

extern "C" {

void cf_SHA1(const uint8_t* d, size_t n, uint8_t* md) {
  guard_void({{md, "md"}}, [&] { sha1(d, n, md); });
}

int cf_RIPEMD160(const unsigned char* input, size_t ilen, unsigned char* output) {
  ripemd160(input, ilen, output);
  return 0;
}

int cf_RIPEMD160_Init(cf_RIPEMD160_CTX* ctx) {
  ripemd160_init(ctx);
  return 0;
}

int cf_RIPEMD160_Update(cf_RIPEMD160_CTX* ctx, const void* v_input, size_t ilen) {
  ripemd160_update(ctx, v_input, ilen);
  return 0;
}

int cf_RIPEMD160_Final(unsigned char* output, cf_RIPEMD160_CTX* ctx) {
  ripemd160_final(ctx, output);
  return 0;
}

}  // extern "C"
