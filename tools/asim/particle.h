// Bin values as the server takes them from the wire: which particle types
// exist, what makes a value of each type acceptable, and the form it is
// stored (and later returned) in.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace asim {

// A result code of the server (0: accepted). `value` becomes the stored form:
// integers of 1, 2 or 4 bytes widen to 8, GeoJSON drops the client's cells.
uint8_t particle_from_wire(uint8_t type, std::string& value);

// Known particle types other than nil (the server's safe_particle_type).
bool known_particle(uint8_t type);

// String, blob, language blobs and vectors: the types append/prepend join.
bool blob_like(uint8_t type);

// One whole msgpack element of `bytes` starting at `pos`: its size, or 0 when
// it is malformed or runs past the end.
size_t msgpack_element_size(std::string_view bytes, size_t pos = 0);

}  // namespace asim
