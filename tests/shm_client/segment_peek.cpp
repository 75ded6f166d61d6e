#include "segment_peek.h"

#include <sys/ipc.h>
#include <sys/shm.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

std::vector<unsigned char> copy_segment(int key) {
  const int id = shmget(key, 0, 0);
  shmid_ds info{};
  if (id < 0 || shmctl(id, IPC_STAT, &info) != 0) return {};
  void* at = shmat(id, nullptr, SHM_RDONLY);
  if (at == reinterpret_cast<void*>(-1)) return {};
  std::vector<unsigned char> copy(info.shm_segsz);
  std::memcpy(copy.data(), at, copy.size());
  shmdt(at);
  return copy;
}

as_cluster_shm segment_header(const std::vector<unsigned char>& copy) {
  as_cluster_shm header{};
  if (copy.size() >= sizeof(header)) std::memcpy(&header, copy.data(), sizeof(header));
  return header;
}

const as_node_shm* segment_node(const std::vector<unsigned char>& copy, uint32_t index) {
  const as_cluster_shm header = segment_header(copy);
  const size_t end = sizeof(as_cluster_shm) + (size_t(index) + 1) * sizeof(as_node_shm);
  if (index >= header.nodes_size || end > copy.size()) return nullptr;
  return reinterpret_cast<const as_node_shm*>(copy.data() + sizeof(as_cluster_shm) +
                                              index * sizeof(as_node_shm));
}

void remove_segment(int key) {
  const int id = shmget(key, 0, 0);
  if (id >= 0) shmctl(id, IPC_RMID, nullptr);
  char path[64];
  std::snprintf(path, sizeof(path), "/dev/shm/aeroshim-%08X.owner", static_cast<unsigned>(key));
  unlink(path);
}
