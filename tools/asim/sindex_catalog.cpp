#include "sindex_catalog.h"

#include <algorithm>

namespace asim::sindex {

std::string Definition::identity() const {
  // The fields the server's metadata key holds, in its order, with the kind
  // of CDT path marked: two definitions are one index when these match.
  std::string path = !exp.empty() ? "e" + exp : !context.empty() ? "c" + context : "";
  return ns + '|' + set + '|' + bin + '|' + path + '|' + itype + '|' + ktype;
}

const Definition* Catalog::by_name(const std::string& ns, const std::string& name) const {
  if (auto it = slots_.find(ns); it != slots_.end())
    for (const auto& slot : it->second)
      if (slot && slot->name == name) return &*slot;
  if (auto it = set_indexes_.find(ns); it != set_indexes_.end())
    for (const auto& def : it->second)
      if (def.name == name) return &def;
  return nullptr;
}

const Definition* Catalog::by_identity(const Definition& def) const {
  const std::string id = def.identity();
  if (auto it = slots_.find(def.ns); it != slots_.end())
    for (const auto& slot : it->second)
      if (slot && slot->identity() == id) return &*slot;
  if (auto it = set_indexes_.find(def.ns); it != set_indexes_.end())
    for (const auto& d : it->second)
      if (d.identity() == id) return &d;
  return nullptr;
}

size_t Catalog::secondary_count(const std::string& ns) const {
  auto it = slots_.find(ns);
  if (it == slots_.end()) return 0;
  return static_cast<size_t>(std::count_if(it->second.begin(), it->second.end(),
                                           [](const auto& slot) { return slot.has_value(); }));
}

void Catalog::put(const Definition& def) {
  const std::string id = def.identity();
  auto& slots = slots_[def.ns];
  auto& sets = set_indexes_[def.ns];
  for (auto& slot : slots) {
    if (slot && slot->identity() == id) {
      slot->name = def.name;
      return;
    }
  }
  for (auto& d : sets) {
    if (d.identity() == id) {
      d.name = def.name;
      return;
    }
  }
  if (def.itype == "set") {
    sets.push_back(def);
    return;
  }
  auto free = std::find_if(slots.begin(), slots.end(), [](const auto& s) { return !s; });
  if (free == slots.end()) {
    slots.emplace_back(def);
  } else {
    *free = def;
  }
}

void Catalog::remove(const std::string& ns, const std::string& name) {
  if (auto it = slots_.find(ns); it != slots_.end())
    for (auto& slot : it->second)
      if (slot && slot->name == name) slot.reset();
  if (auto it = set_indexes_.find(ns); it != set_indexes_.end())
    it->second.erase(std::remove_if(it->second.begin(), it->second.end(),
                                    [&](const Definition& d) { return d.name == name; }),
                     it->second.end());
}

std::vector<const Definition*> Catalog::secondary(const std::string& ns) const {
  std::vector<const Definition*> out;
  if (auto it = slots_.find(ns); it != slots_.end())
    for (const auto& slot : it->second)
      if (slot) out.push_back(&*slot);
  return out;
}

std::vector<const Definition*> Catalog::set_indexes(const std::string& ns) const {
  std::vector<const Definition*> out;
  if (auto it = set_indexes_.find(ns); it != set_indexes_.end())
    for (const auto& def : it->second) out.push_back(&def);
  return out;
}

}  // namespace asim::sindex
