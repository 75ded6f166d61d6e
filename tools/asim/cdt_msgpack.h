// The msgpack pieces the CDT operations handle: a list or map particle split
// into its elements (each kept as its encoded bytes), scalars encoded the
// way the server packs results, and a result element turned into a bin.
#pragma once

#include "cdt.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace asim::cdt {

// A list (items) or map (items alternate key, value), with the ordering
// flags the server keeps in a leading ext element (0: none).
struct Container {
  uint8_t flags = 0;
  std::vector<std::string> items;
};

// The elements of one whole list (or map) element; nullopt when `packed` is
// not exactly one of that kind.
std::optional<Container> decode_list(const std::string& packed);
std::optional<Container> decode_map(const std::string& packed);
std::string encode_list(const Container& c);
std::string encode_map(const Container& c);

// Splits `packed` into consecutive whole elements; nullopt if malformed.
std::optional<std::vector<std::string>> split(const std::string& packed);

std::string pack_int(int64_t v);
std::string pack_double(double v);
std::string pack_bool(bool v);
std::string list_header(uint32_t count);
std::string map_header(uint32_t count);

std::optional<int64_t> as_int(const std::string& element);    // any msgpack integer
std::optional<double> as_double(const std::string& element);  // float 32 or 64
bool is_nil(const std::string& element);
bool is_map_key(const std::string& element);  // integers, strings, blobs

// The server's value order; -1, 0, 1.
int compare(const std::string& a, const std::string& b);

// A result bin from a msgpack element: integer, double, bool, string/blob
// (the str's leading particle type byte), list or map; nil gives no result.
CdtResult to_result(const std::string& element);
CdtResult int_result(int64_t v);
CdtResult bool_result(bool v);
CdtResult list_result(const std::vector<std::string>& items);
CdtResult map_result(const std::vector<std::string>& pairs);

}  // namespace asim::cdt
