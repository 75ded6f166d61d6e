// extern "C" entry points of as_msgpack_serializer.h and the serializer's
// hook table. The hooks are called from C (the inline dispatchers of
// as_serializer.h), so each runs through the guard.
#include "core/error.h"
#include "value/serializer.h"

#include <aerospike/as_msgpack_serializer.h>

using namespace aeroshim;

namespace {

void msgpack_destroy(as_serializer* /*s*/) {}

int msgpack_serialize(as_serializer* /*s*/, const as_val* v, as_buffer* buffer) {
  return guard_value(1, {{buffer, "buffer"}}, [&] { return msgpack::serialize(v, buffer); });
}

int32_t msgpack_serialize_presized(as_serializer* /*s*/, const as_val* v, uint8_t* buf) {
  return guard_value<int32_t>(-1, {}, [&] { return msgpack::serialize_presized(v, buf); });
}

int msgpack_deserialize(as_serializer* /*s*/, as_buffer* buffer, as_val** v) {
  return guard_value(-1, {{buffer, "buffer"}, {v, "v"}},
                     [&] { return msgpack::deserialize(buffer, v); });
}

uint32_t msgpack_serialize_getsize(as_serializer* /*s*/, const as_val* v) {
  return guard_value<uint32_t>(0, {}, [&] { return msgpack::serialized_size(v); });
}

const as_serializer_hooks kMsgpackHooks = {
    msgpack_destroy,     msgpack_serialize,         msgpack_serialize_presized,
    msgpack_deserialize, msgpack_serialize_getsize,
};

}  // namespace

extern "C" {

as_serializer* as_msgpack_new(void) { return as_serializer_new(&kMsgpackHooks); }

as_serializer* as_msgpack_init(as_serializer* s) {
  as_serializer_init(s, &kMsgpackHooks);
  return s;
}

}  // extern "C"
