// The msgpack serializer. Encoding starts in an AS_PACKER_BUFFER_SIZE
// buffer; when as_pack_val had to move on to further buffers, they are
// joined into one at the end, so the caller always receives one block.
#include "value/serializer.h"

#include "value/value_codec.h"

#include <cstdlib>
#include <cstring>

namespace aeroshim::msgpack {
namespace {

void free_chain(as_packer_buffer* link) {
  while (link != nullptr) {
    as_packer_buffer* next = link->next;
    std::free(link->buffer);
    std::free(link);
    link = next;
  }
}

// Joins the chain and the current buffer into one block; NULL when out of
// memory. The packer's buffers are freed either way.
uint8_t* join(as_packer* pk, uint32_t* size) {
  uint64_t total = pk->offset;
  for (as_packer_buffer* link = pk->head; link != nullptr; link = link->next) total += link->length;
  auto* joined = static_cast<uint8_t*>(std::malloc(total == 0 ? 1 : total));
  if (joined != nullptr) {
    uint64_t at = 0;
    for (as_packer_buffer* link = pk->head; link != nullptr; link = link->next) {
      std::memcpy(joined + at, link->buffer, link->length);
      at += link->length;
    }
    std::memcpy(joined + at, pk->buffer, pk->offset);
  }
  free_chain(pk->head);
  std::free(pk->buffer);
  *size = static_cast<uint32_t>(total);
  return joined;
}

}  // namespace

int serialize(const as_val* val, as_buffer* buffer) {
  auto* first = static_cast<unsigned char*>(std::malloc(AS_PACKER_BUFFER_SIZE));
  if (first == nullptr) return 1;
  as_packer pk{nullptr, nullptr, first, 0, AS_PACKER_BUFFER_SIZE};
  int rc = pack_value(&pk, val);
  if (rc != 0) {
    free_chain(pk.head);
    std::free(pk.buffer);
    return rc;
  }
  if (pk.head == nullptr) {
    buffer->data = pk.buffer;
    buffer->size = pk.offset;
    buffer->capacity = pk.capacity;
    return 0;
  }
  uint32_t size = 0;
  uint8_t* joined = join(&pk, &size);
  if (joined == nullptr) return 1;
  buffer->data = joined;
  buffer->size = size;
  buffer->capacity = size;
  return 0;
}

int32_t serialize_presized(const as_val* val, uint8_t* buf) {
  // The caller sized buf, so the packer never needs to grow.
  as_packer pk{nullptr, nullptr, buf, 0, INT32_MAX};
  if (pack_value(&pk, val) != 0) return -1;
  return static_cast<int32_t>(pk.offset);
}

uint32_t serialized_size(const as_val* val) {
  as_packer pk{nullptr, nullptr, nullptr, 0, 0};
  if (pack_value(&pk, val) != 0) return 0;
  return pk.offset;
}

int deserialize(const as_buffer* buffer, as_val** val) {
  as_unpacker pk{buffer->data, 0, buffer->size};
  return unpack_value(pk, val);
}

}  // namespace aeroshim::msgpack
