// The pieces every request is built from, shared by the single-record and
// the batch layouts: fields, op headers, bin values and the user key, each
// sized first and then written in place.
#pragma once

#include "core/status.h"
#include "proto/message.h"

#include <aerospike/as_bin.h>
#include <aerospike/as_operations.h>
#include <aerospike/as_val.h>

#include <cstddef>
#include <cstdint>

namespace aeroshim::proto {

inline constexpr size_t kFieldHeaderSize = 5;
inline constexpr size_t kOpHeaderSize = 8;

// msgpack size of a list or map.
Result<uint32_t> packed_size(const as_val* val);
// Bytes a bin value takes on the wire (after the op header and name);
// fails for a type the wire cannot carry.
Result<uint32_t> value_size(const as_val* val);
// Writes a value sized by value_size and returns its particle type.
uint8_t write_value(uint8_t* p, const as_val* val, uint32_t size);

uint8_t* write_field_header(uint8_t* p, FieldType type, size_t data_size);
uint8_t* write_field(uint8_t* p, FieldType type, const void* data, size_t size);
uint8_t* write_op_header(uint8_t* p, uint8_t op, uint8_t particle, const char* name,
                         size_t name_size, uint32_t value_size);
// One bin as an op; its value was sized by value_size.
uint8_t* write_bin(uint8_t* p, uint8_t op, const as_bin& bin);

// The user key's value size; 7.4.0 sends a type it cannot carry as nil.
uint32_t user_key_size(const as_val* val);
// The KEY field: particle byte and value.
uint8_t* write_user_key(uint8_t* p, const as_val* val);

// The wire code of a client operator (as_protocol_types of 7.4.0).
uint8_t wire_operator(as_operator op);

}  // namespace aeroshim::proto
