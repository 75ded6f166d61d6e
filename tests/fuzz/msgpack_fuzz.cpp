// libFuzzer target for the msgpack readers: bytes from a server (or from
// anything posing as one) must never make a reader touch memory past the
// buffer, loop without end or allocate without bound. Whatever skipping
// accepts must be consistent with the other readers, and comparison must
// answer one of its four results with both offsets inside their buffers.
// The value decoder the client turns list and map bins with (as_unpack_val:
// nested lists and maps, exts, any depth) must leak nothing, and a value it
// makes must encode to bytes that decode to an equal value.
#include "value/msgpack_compare.h"
#include "value/msgpack_element.h"
#include "value/msgpack_unpack.h"
#include "value/serializer.h"
#include "value/value_codec.h"

#include <aerospike/as_buffer.h>
#include <aerospike/as_val.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace aeroshim;

namespace {

void check(bool ok) {
  if (!ok) abort();
}

// Reads every top-level element with the reader its type calls for.
void read_all(const uint8_t* data, uint32_t size) {
  as_unpacker pk{data, 0, size};
  while (pk.offset < pk.length) {
    as_unpacker probe = pk;
    int64_t whole = msgpack::skip_one(probe);
    msgpack::Element e = msgpack::peek_element(pk);
    (void)msgpack::peek_type(pk);
    uint64_t u = 0;
    double d = 0;
    uint32_t n = 0;
    as_msgpack_ext ext{};
    as_unpacker reader = pk;
    switch (e.kind) {
      case msgpack::Kind::kInt: check(msgpack::read_uint64(reader, &u) == 0); break;
      case msgpack::Kind::kFloat:
      case msgpack::Kind::kDouble: check(msgpack::read_double(reader, &d) == 0); break;
      case msgpack::Kind::kBlob:
        check((msgpack::read_blob(reader, &n) != nullptr) == (whole >= 0));
        break;
      case msgpack::Kind::kExt:
        check((msgpack::read_ext(reader, &ext) == 0) == (whole >= 0));
        break;
      case msgpack::Kind::kList: check(msgpack::read_list_count(reader) >= 0); break;
      case msgpack::Kind::kMap: check(msgpack::read_map_count(reader) >= 0); break;
      default: break;
    }
    check(reader.offset <= reader.length);
    if (whole < 0) return;
    check(probe.offset == pk.offset + whole && probe.offset <= size);
    pk = probe;
  }
}

// Encoded again, a decoded value decodes to one equal to it.
void check_round_trip(const as_val* v) {
  as_buffer buffer;
  as_buffer_init(&buffer);
  if (msgpack::serialize(v, &buffer) == 0) {
    as_unpacker again{buffer.data, 0, buffer.size};
    as_val* w = nullptr;
    check(msgpack::unpack_value(again, &w) == 0 && w != nullptr && again.offset == buffer.size);
    check(msgpack::compare_values(v, w) == MSGPACK_COMPARE_EQUAL);
    as_val_destroy(w);
  }
  as_buffer_destroy(&buffer);
}

// Every top-level value in turn, as a list or map bin is decoded.
void decode_values(const uint8_t* data, uint32_t size) {
  as_unpacker pk{data, 0, size};
  while (pk.offset < pk.length) {
    const uint32_t at = pk.offset;
    as_val* v = nullptr;
    if (msgpack::unpack_value(pk, &v) != 0) {
      check(v == nullptr);
      return;
    }
    check(pk.offset <= size);
    if (v == nullptr) {
      // A top-level ext is passed over, as 7.4.0 does, even when it is cut
      // short: then nothing was read and there is nothing more to decode.
      if (pk.offset == at) return;
      continue;
    }
    check(pk.offset > at);
    check_round_trip(v);
    as_val_destroy(v);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  auto n = static_cast<uint32_t>(size);
  read_all(data, n);
  decode_values(data, n);

  // The input against itself, and its two halves against each other.
  as_unpacker a{data, 0, n};
  as_unpacker b{data, 0, n};
  msgpack_compare_t same = msgpack::compare(a, b);
  check(same == MSGPACK_COMPARE_ERROR || same == MSGPACK_COMPARE_EQUAL);
  check(a.offset <= n && b.offset <= n);
  as_unpacker left{data, 0, n / 2};
  as_unpacker right{data + n / 2, 0, n - n / 2};
  msgpack_compare_t r = msgpack::compare(left, right);
  check(r == MSGPACK_COMPARE_ERROR || r == MSGPACK_COMPARE_LESS || r == MSGPACK_COMPARE_EQUAL ||
        r == MSGPACK_COMPARE_GREATER);
  return 0;
}
