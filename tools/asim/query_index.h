// Secondary-index queries over the record store. asim keeps no index data:
// at query time it reads each candidate record's bin (through the index's
// CDT context and collection type) the way the server's index would have
// stored it, and keeps the records whose index values fall in the
// predicate. Each index value also gives the "bval" the server orders an
// index by and a client resumes from: the integer itself, a 64-bit FNV-1a
// hash of a string or blob (the server hashes with wyhash; a client treats
// the value as opaque), and 0 for GeoJSON.
#pragma once

#include "query_geo.h"
#include "query_request.h"
#include "record_store.h"
#include "sindex_catalog.h"

#include <cstdint>
#include <optional>
#include <string>

namespace asim::query {

inline constexpr uint8_t kIndexNotFound = 201;

// The index `request`'s predicate names or describes (by set, bin, key type,
// collection type and context, as the server's lookup by definition): 0 and
// `found`, or INDEX_NOTFOUND.
uint8_t find_index(const sindex::Catalog& catalog, const Request& request,
                   const sindex::Definition*& found);

class IndexMatcher {
 public:
  // 0, PARAMETER for GeoJSON or a context the server would refuse, or
  // UNSUPPORTED_FEATURE for an expression index (asim cannot compute the
  // values of an expression).
  uint8_t init(const Predicate& predicate, const sindex::Definition& def);
  // The smallest matching index value of `r`, or nullopt when it has none.
  std::optional<int64_t> match(const Record& r) const;

 private:
  std::optional<int64_t> scalar(uint8_t type, const std::string& value) const;
  std::optional<int64_t> element(const std::string& msgpack) const;
  std::optional<int64_t> collection(uint8_t type, const std::string& msgpack) const;

  Predicate p_;
  std::string bin_;
  uint8_t ktype_ = 0;
  IndexType itype_ = IndexType::kDefault;
  std::vector<std::string> ctx_;  // context items: type, value, type, value...
  std::optional<geo::Shape> geo_;
};

// Whether `raw` (INDEX_CONTEXT) is a CDT context the server would read: a
// msgpack list of (item type, value) pairs of known types.
bool valid_context(const std::string& raw);

// The bval of a string or blob index value.
int64_t hash_bval(const std::string& bytes);

}  // namespace asim::query
