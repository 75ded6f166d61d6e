// The secondary and set index definitions of the simulated cluster: one
// catalog shared by every node, as a server cluster shares them through
// system metadata. asim builds no index data; a definition is all there is.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace asim::sindex {

struct Definition {
  std::string ns;
  std::string name;
  std::string set;      // empty: every record of the namespace
  std::string bin;      // empty for expression and set indexes
  std::string context;  // base64 CDT context as sent; empty: none
  std::string exp;      // base64 expression as sent; empty: none
  std::string itype;    // the server's name: default, list, mapkeys, mapvalues or set
  std::string ktype;    // numeric, string, blob or geo2dsphere; empty for set indexes
  // What makes two definitions the same index, whatever their names.
  std::string identity() const;
};

class Catalog {
 public:
  // The server's limit on secondary indexes per namespace (set indexes
  // are not counted).
  static constexpr size_t kMaxPerNamespace = 256;

  // The definitions of `ns` named `name` (at most one), any kind.
  const Definition* by_name(const std::string& ns, const std::string& name) const;
  const Definition* by_identity(const Definition& def) const;
  size_t secondary_count(const std::string& ns) const;

  // Adds `def`, or renames the index of the same identity to its name.
  void put(const Definition& def);
  // Removes the index `name` of `ns`, if any.
  void remove(const std::string& ns, const std::string& name);

  // Secondary indexes of `ns` in slot order (a freed slot is reused first,
  // as the server's index array is), then its set indexes in creation order.
  std::vector<const Definition*> secondary(const std::string& ns) const;
  std::vector<const Definition*> set_indexes(const std::string& ns) const;

 private:
  std::map<std::string, std::vector<std::optional<Definition>>> slots_;
  std::map<std::string, std::vector<Definition>> set_indexes_;
};

}  // namespace asim::sindex
