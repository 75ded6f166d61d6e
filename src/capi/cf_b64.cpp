// extern "C" entry points of citrusleaf/cf_b64.h.
#include "core/error.h"
#include "ops/base64.h"

#include <citrusleaf/cf_b64.h>

using namespace aeroshim;

extern "C" {

void cf_b64_encode(const uint8_t* in, uint32_t in_size, char* out) {
  guard_void({}, [&] { b64_encode(in, in_size, out); });
}

void cf_b64_decode(const char* in, uint32_t in_len, uint8_t* out, uint32_t* out_size) {
  guard_void({}, [&] { b64_decode(reinterpret_cast<const uint8_t*>(in), in_len, out, out_size); });
}

void cf_b64_decode_in_place(uint8_t* in_out, uint32_t in_len, uint32_t* out_size) {
  guard_void({}, [&] { b64_decode(in_out, in_len, in_out, out_size); });
}

bool cf_b64_validate_and_decode(const char* in, uint32_t in_len, uint8_t* out, uint32_t* out_size) {
  return guard_value(false, {}, [&] {
    if (!b64_valid(in, in_len)) return false;
    b64_decode(reinterpret_cast<const uint8_t*>(in), in_len, out, out_size);
    return true;
  });
}

bool cf_b64_validate_and_decode_in_place(uint8_t* in_out, uint32_t in_len, uint32_t* out_size) {
  return guard_value(false, {}, [&] {
    if (!b64_valid(reinterpret_cast<const char*>(in_out), in_len)) return false;
    b64_decode(in_out, in_len, in_out, out_size);
    return true;
  });
}

}  // extern "C"
