// The containers batch commands take their keys in: as_batch (the older
// API, a key array) and as_batch_records (a vector of per-key records), with
// 7.4.0's memory rules: as_batch_new puts the keys in the same block as the
// batch, as_batch_init allocates them apart (none for 0), and both destroys
// destroy every key (and every record) they hold.
#pragma once

#include <aerospike/aerospike_batch.h>
#include <aerospike/as_batch.h>

#include <cstdint>

namespace aeroshim {

as_batch* batch_new(uint32_t size) noexcept;
// Leaves `batch` as it was when the key array cannot be allocated.
as_batch* batch_init(as_batch* batch, uint32_t size) noexcept;
void batch_destroy(as_batch* batch) noexcept;
void batch_records_destroy(as_batch_records* records) noexcept;

}  // namespace aeroshim
