// The answer of one batch-index command, read frame by frame: each message
// names the row it answers (its index in the whole batch), and the row's
// result, in-doubt flag and record are filled from it; the message marked
// LAST ends the stream with the command's own code. Kept apart from the
// sending so that any bytes can be checked against it with no socket.
#pragma once

#include "command/batch_executor.h"
#include "core/status.h"
#include "proto/reply.h"

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace aeroshim {

// One answered row into its slot. `sent` counts the sends of the command,
// this one included (a write answered after a resend may have been applied
// twice). `error_row` is set for a result that makes the batch fail.
Status store_batch_row(const BatchJob& job, const proto::Reply& reply, uint32_t sent,
                       std::atomic<bool>& error_row);

// Every message of one frame body; `last` is set when the LAST one is read.
Status parse_batch_frame(const BatchJob& job, const uint8_t* body, size_t size, uint32_t sent,
                         std::atomic<bool>& error_row, bool& last);

}  // namespace aeroshim
