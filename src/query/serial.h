// Scans and queries as bytes (as_scan_to_bytes, as_query_from_bytes, ...),
// byte for byte 7.4.0's format, so bytes saved by either library read back
// in the other. Layout, in order (sections in serial_sections.h):
//   scan:  str ns, str set, bins, udf, operations, partitions, uint ttl,
//          bool paginate, bool no_bins, bool concurrent,
//          bool deserialize_list_map
//   query: str ns, str set, bins, uint predicate count, predicates, udf,
//          operations, partitions, uint max_records,
//          uint records_per_second, uint ttl, bool paginate, bool no_bins
//   predicate: str index_name, str bin, (false | true, the packed context,
//          uint its size), (false | true, the expression as a blob),
//          int type, int dtype, int itype, then the value: EQUAL STRING
//          str, EQUAL NUMERIC int, EQUAL BLOB blob, RANGE NUMERIC int min
//          and int max, RANGE GEO2DSPHERE str, nothing otherwise.
#pragma once

#include <aerospike/as_query.h>
#include <aerospike/as_scan.h>

#include <cstdint>

namespace aeroshim {

// A new cf_malloc'd buffer in *bytes; false (outputs untouched) when
// anything is NULL or the object cannot be written.
bool scan_to_bytes(const as_scan* scan, uint8_t** bytes, uint32_t* bytes_size) noexcept;
bool query_to_bytes(const as_query* query, uint8_t** bytes, uint32_t* bytes_size) noexcept;

// Initializes the target (not owned by it: `_free` false) and reads it; on
// false the target is left destroyed, every allocation released.
bool scan_from_bytes(as_scan* scan, const uint8_t* bytes, uint32_t bytes_size) noexcept;
bool query_from_bytes(as_query* query, const uint8_t* bytes, uint32_t bytes_size) noexcept;

// A new heap scan/query read from the bytes, or NULL.
as_scan* scan_from_bytes_new(const uint8_t* bytes, uint32_t bytes_size) noexcept;
as_query* query_from_bytes_new(const uint8_t* bytes, uint32_t bytes_size) noexcept;

}  // namespace aeroshim
