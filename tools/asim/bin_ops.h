// The ops of one message applied to a record as the server's write and read
// paths do: which ops may go together, what each does to the bins, and
// which ones put a bin into the answer.
#pragma once

#include "proto/message.h"
#include "record_store.h"

#include <cstdint>
#include <vector>

namespace asim {

struct WritePolicy {
  bool must_not_create = false;  // update-only, replace-only or a touch op
  bool is_replace = false;       // create-or-replace or replace-only
};

// The checks the server makes on a write's ops before it looks the record
// up; 0 or a result code.
uint8_t check_write_ops(const aeroshim::proto::Message& request, WritePolicy& policy);

// Applies the write message's ops to `next` in order; answered ops go to
// `out`. 0 or a result code (then `next` is half-done and must be dropped).
uint8_t apply_write_ops(const aeroshim::proto::Message& request, Record& next,
                        std::vector<aeroshim::proto::Op>& out);

// A read message's named ops against `r`; 0 or a result code.
uint8_t apply_read_ops(const aeroshim::proto::Message& request, const Record& r,
                       std::vector<aeroshim::proto::Op>& out);

// The server's bin name rule: shorter than 16 bytes, no NUL.
bool valid_bin_name(const std::string& name);

}  // namespace asim
