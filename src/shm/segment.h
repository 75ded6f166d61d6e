// Segment: one attached System V segment holding a cluster map, created when
// absent (mode 0666) and attached otherwise; the size is checked against the
// geometry before anything is read. Detaches on destruction and removes the
// segment when this process was the last one attached, unless the segment was
// refused: what we would not read is not ours to delete either.
#pragma once

#include "core/status.h"
#include "shm/segment_layout.h"

#include <boost/interprocess/mapped_region.hpp>
#include <boost/interprocess/xsi_shared_memory.hpp>

#include <memory>
#include <string>

namespace aeroshim {

class Segment {
 public:
  static Result<std::unique_ptr<Segment>> open(int key, SegmentGeometry geometry);
  ~Segment();
  Segment(const Segment&) = delete;
  Segment& operator=(const Segment&) = delete;

  void* base() const { return region_.get_address(); }
  uint64_t size() const { return region_.get_size(); }
  bool created() const { return created_; }
  int id() const { return memory_.get_shmid(); }
  // Detach without removing: the segment's header was refused, so it may be
  // another program's data or evidence a person wants to inspect.
  void leave_in_place() { remove_when_last_ = false; }
  bool removable() const { return remove_when_last_; }
  // Detaches now (the destructor does it otherwise) and removes the segment
  // when no process is attached any more; true when this call removed it.
  bool detach();

 private:
  Segment(boost::interprocess::xsi_shared_memory memory, boost::interprocess::mapped_region region,
          bool created);
  static Result<std::unique_ptr<Segment>> open_once(int key, SegmentGeometry geometry);

  boost::interprocess::xsi_shared_memory memory_;
  boost::interprocess::mapped_region region_;
  bool created_;
  bool remove_when_last_ = true;
  bool detached_ = false;
};

// The key as users and ipcs write it: 0xA5000000.
std::string key_text(int key);

// Attached-process count of a segment (shm_nattch), or -1 when it is gone.
long attached_processes(int shmid);

}  // namespace aeroshim
