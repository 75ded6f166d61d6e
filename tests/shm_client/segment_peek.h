// What a driver reads of a client's segment from outside: a copy of its
// bytes, taken without staying attached (the last client to detach must be
// able to remove the segment), and the removal of whatever a failed run left.
#pragma once

#include <aerospike/as_shm_cluster.h>

#include <cstdint>
#include <vector>

// The whole segment of `key`, or nothing when there is none.
std::vector<unsigned char> copy_segment(int key);
// The header fields from a copy, or a zeroed header when the copy is empty.
as_cluster_shm segment_header(const std::vector<unsigned char>& copy);
// Node entry `index` of a copy, or nullptr when outside nodes_size.
const as_node_shm* segment_node(const std::vector<unsigned char>& copy, uint32_t index);
// Removes the segment of `key` and its owner lock file.
void remove_segment(int key);
