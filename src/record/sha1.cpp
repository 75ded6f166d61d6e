#include "record/sha1.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace aeroshim {

void sha1(const uint8_t* data, std::size_t size, uint8_t* out) {
  unsigned int written = 0;
  if (EVP_Digest(data, size, out, &written, EVP_sha1(), nullptr) != 1 || written != kSha1Size) {
    throw std::runtime_error("OpenSSL could not compute a SHA-1 digest");
  }
}

}  // namespace aeroshim
