// What as_val's dispatch needs of an as_rec: its 7.4.0 layout (as_val
// header, data, hook table whose first two slots are destroy and hashcode).
// The value layer sits below the record layer and cannot include it, yet a
// record is a value; this view reads exactly those three members. The
// layout is checked against as_rec where the record layer defines it.
#pragma once

#include <aerospike/as_val.h>

#include <cstdint>

namespace aeroshim {

struct RecordView;

struct RecordHooksView {
  bool (*destroy)(RecordView* rec);
  uint32_t (*hashcode)(const RecordView* rec);
};

struct RecordView {
  as_val _;
  void* data;
  const RecordHooksView* hooks;
};

}  // namespace aeroshim
