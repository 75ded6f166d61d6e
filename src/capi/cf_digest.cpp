// The one exported datum of citrusleaf/cf_digest.h (the rest is inline).
#include <citrusleaf/cf_digest.h>

extern "C" {

const cf_digest cf_digest_zero = {};

}  // extern "C"
