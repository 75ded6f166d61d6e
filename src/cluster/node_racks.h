// A node's racks per namespace, published in as_node.racks the way 7.4.0
// publishes them: one rack for every namespace is kept as that rack alone
// (size 0); racks that differ per namespace as one entry each. Readers on
// any thread load the pointer and hold a reference while they look; the
// tend thread replaces it and releases the old one a cycle later, so a
// reader that loaded it just before never sees it freed.
#pragma once

#include "core/status.h"
#include "info/tend_answers.h"

#include <aerospike/as_node.h>

#include <vector>

namespace aeroshim {

// A racks block with one reference, from a parsed rack-ids answer.
Result<as_racks*> make_racks(const std::vector<NamespaceRack>& racks);

// Tend thread: installs `racks` (taking its reference) and returns the
// block it replaced, or nullptr.
as_racks* replace_racks(as_node* node, as_racks* racks) noexcept;
void release_racks(as_racks* racks) noexcept;

// Any thread: whether the node is on `rack_id` in namespace `ns`.
bool node_has_rack(as_node* node, const char* ns, int rack_id) noexcept;

}  // namespace aeroshim
