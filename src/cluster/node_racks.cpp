#include "cluster/node_racks.h"

#include <aerospike/as_atomic.h>

#include <cstdlib>
#include <cstring>

namespace aeroshim {

Result<as_racks*> make_racks(const std::vector<NamespaceRack>& racks) {
  bool same = true;
  for (const NamespaceRack& r : racks) same = same && r.rack_id == racks.front().rack_id;
  const size_t entries = same ? 0 : racks.size();
  auto* block =
      static_cast<as_racks*>(std::calloc(1, sizeof(as_racks) + entries * sizeof(as_rack)));
  if (!block) return Status::error(AEROSPIKE_ERR_CLIENT, "out of memory for {} racks", entries);
  block->ref_count = 1;
  block->rack_id = same && !racks.empty() ? racks.front().rack_id : 0;
  block->size = static_cast<uint32_t>(entries);
  for (size_t i = 0; i < entries; ++i) {
    std::memcpy(block->racks[i].ns, racks[i].ns.c_str(), racks[i].ns.size() + 1);
    block->racks[i].rack_id = racks[i].rack_id;
  }
  return block;
}

as_racks* replace_racks(as_node* node, as_racks* racks) noexcept {
  as_racks* old = node->racks;
  // Release: a reader that loads the new block sees it filled in.
  __atomic_store_n(&node->racks, racks, __ATOMIC_RELEASE);
  return old;
}

void release_racks(as_racks* racks) noexcept {
  if (racks && __atomic_sub_fetch(&racks->ref_count, 1, __ATOMIC_ACQ_REL) == 0) std::free(racks);
}

bool node_has_rack(as_node* node, const char* ns, int rack_id) noexcept {
  as_racks* racks = __atomic_load_n(&node->racks, __ATOMIC_ACQUIRE);
  if (!racks) return false;
  __atomic_add_fetch(&racks->ref_count, 1, __ATOMIC_ACQ_REL);
  bool found = false;
  if (racks->size == 0) {
    found = racks->rack_id == rack_id;
  } else {
    for (uint32_t i = 0; i < racks->size; ++i)
      if (std::strcmp(racks->racks[i].ns, ns) == 0) {
        found = racks->racks[i].rack_id == rack_id;
        break;
      }
  }
  release_racks(racks);
  return found;
}

}  // namespace aeroshim
