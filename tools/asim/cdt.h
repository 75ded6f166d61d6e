// List and map operations (CDT_READ / CDT_MODIFY ops): the msgpack payload
// [op code, args...] applied to a bin's list or map particle the way the
// server's particle_list.c / particle_map.c do for the operations asim serves.
#pragma once

#include <cstdint>
#include <string>

namespace asim {

struct CdtBin {
  bool exists = false;        // false: the bin is absent (a modify may create it)
  uint8_t particle_type = 0;  // 19 map, 20 list when it exists
  std::string value;          // the particle's msgpack
};

struct CdtResult {
  bool has = false;  // false: the op answers nothing
  uint8_t particle_type = 0;
  std::string value;
};

// A server result code (0: done). On success a modify may have changed or
// created `bin`, or emptied nothing: a list or map stays, even when empty.
uint8_t cdt_apply(const std::string& payload, bool modify, CdtBin& bin, CdtResult& result);

}  // namespace asim
