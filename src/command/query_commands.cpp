#include "command/query_commands.h"

#include "cluster/cluster.h"
#include "command/command_cluster.h"
#include "command/partition_scan.h"
#include "command/partition_tracker.h"
#include "command/query_aggregate.h"
#include "ops/binops.h"
#include "ops/cdt_pack.h"
#include "proto/byte_order.h"
#include "proto/message.h"

#include <aerospike/as_cdt_ctx.h>
#include <aerospike/as_cluster.h>
#include <aerospike/as_operations.h>

#include <cstring>
#include <string>

namespace aeroshim {
namespace {

void put_value(std::string& out, const void* data, uint32_t size) {
  uint8_t len[4];
  proto::put_be32(len, size);
  out.append(reinterpret_cast<const char*>(len), 4);
  out.append(static_cast<const char*>(data), size);
}

void put_integer(std::string& out, int64_t v) {
  uint8_t be[8];
  proto::put_be64(be, static_cast<uint64_t>(v));
  put_value(out, be, 8);
}

// The INDEX_RANGE field: one filter, its bin, the particle type and the
// range's two ends (an equality sends its value twice).
Result<std::string> index_range(const as_predicate& pred) {
  std::string out(1, '\1');
  const size_t bin = strnlen(pred.bin, AS_BIN_NAME_MAX_SIZE);
  out.push_back(static_cast<char>(bin));
  out.append(pred.bin, bin);
  const bool equal = pred.type == AS_PREDICATE_EQUAL;
  if (pred.dtype == AS_INDEX_NUMERIC) {
    out.push_back(static_cast<char>(proto::ParticleType::kInteger));
    put_integer(out, equal ? pred.value.integer : pred.value.integer_range.min);
    put_integer(out, equal ? pred.value.integer : pred.value.integer_range.max);
  } else if (pred.dtype == AS_INDEX_STRING && equal) {
    const char* s = pred.value.string_val.string ? pred.value.string_val.string : "";
    out.push_back(static_cast<char>(proto::ParticleType::kString));
    put_value(out, s, static_cast<uint32_t>(std::strlen(s)));
    put_value(out, s, static_cast<uint32_t>(std::strlen(s)));
  } else if (pred.dtype == AS_INDEX_BLOB && equal) {
    out.push_back(static_cast<char>(proto::ParticleType::kBlob));
    put_value(out, pred.value.blob_val.bytes, pred.value.blob_val.bytes_size);
    put_value(out, pred.value.blob_val.bytes, pred.value.blob_val.bytes_size);
  } else if (pred.dtype == AS_INDEX_GEO2DSPHERE && !equal) {
    const char* s = pred.value.string_val.string ? pred.value.string_val.string : "";
    out.push_back(static_cast<char>(proto::ParticleType::kGeoJson));
    put_value(out, s, static_cast<uint32_t>(std::strlen(s)));
    put_value(out, s, static_cast<uint32_t>(std::strlen(s)));
  } else {
    return Status::error(AEROSPIKE_ERR_PARAM, "Invalid query predicate: type {} on data type {}",
                         static_cast<int>(pred.type), static_cast<int>(pred.dtype));
  }
  return out;
}

}  // namespace

Status query_index_fields(const as_predicate& pred, std::vector<proto::Field>& fields) {
  auto range = index_range(pred);
  if (!range) return range.status();
  if (pred.itype != AS_INDEX_TYPE_DEFAULT)
    fields.push_back({static_cast<uint8_t>(proto::FieldType::kIndexType),
                      std::string(1, static_cast<char>(pred.itype))});
  fields.push_back({static_cast<uint8_t>(proto::FieldType::kIndexRange), std::move(*range)});
  if (pred.ctx) {
    std::string ctx(pred.ctx_size, '\0');
    as_packer pk{};
    pk.buffer = reinterpret_cast<unsigned char*>(&ctx[0]);
    pk.capacity = pred.ctx_size;
    if (cdt_ctx_pack(pred.ctx, &pk) != pred.ctx_size)
      return Status(AEROSPIKE_ERR_PARAM, "Invalid query predicate context");
    fields.push_back({static_cast<uint8_t>(proto::FieldType::kIndexContext), std::move(ctx)});
  }
  if (pred.index_name[0])
    fields.push_back(
        {static_cast<uint8_t>(proto::FieldType::kIndexName),
         std::string(pred.index_name, strnlen(pred.index_name, sizeof pred.index_name))});
  if (pred.exp)
    fields.push_back(
        {static_cast<uint8_t>(proto::FieldType::kIndexExpression),
         std::string(reinterpret_cast<const char*>(pred.exp->packed), pred.exp->packed_sz)});
  return Status::ok();
}

namespace {

// aerospike_query_foreach's checks, in 7.4.0's order.
Status check_foreach(const as_query& q) {
  if (q.ops && q.apply.function[0])
    return Status(AEROSPIKE_ERR_PARAM, "Cannot combine query operations with aggregation");
  if (operations_has_write(q.ops))
    return Status(AEROSPIKE_ERR_PARAM,
                  "Query operations must be read-only. Use background query for write-only "
                  "operations.");
  return Status::ok();
}

}  // namespace

Status foreground_query_request(const as_policy_query& p, const as_query& q,
                                proto::ScanRequest& r) {
  if (q.where.size > 0) {
    if (Status fields = query_index_fields(q.where.entries[0], r.query_fields); !fields)
      return fields;
  }
  r.info1 = proto::kInfo1Read | (q.no_bins ? proto::kInfo1NoBinData : 0) |
            (p.base.compress ? proto::kInfo1CompressResponse : 0);
  if (p.short_query || p.expected_duration == AS_QUERY_DURATION_SHORT) {
    r.info1 |= proto::kInfo1ShortQuery;
  } else if (p.expected_duration == AS_QUERY_DURATION_LONG_RELAX_AP) {
    r.info2 |= proto::kInfo2RelaxApLongQuery;
  }
  if (q.ops) {
    if (!operations_read_all(q.ops)) r.info2 |= proto::kInfo2RespondAllOps;
    r.ops = q.ops;
  } else {
    r.bin_names = q.select.entries;
    r.n_bin_names = q.select.size;
  }
  r.info3 = proto::kInfo3PartitionDone;
  r.record_ttl = UINT32_MAX;
  r.total_timeout = p.base.total_timeout;
  r.ns = q.ns;
  r.set = q.set;
  r.records_per_second = q.records_per_second;
  r.socket_timeout = p.base.socket_timeout;
  r.filter = p.base.filter_exp;
  return Status::ok();
}

namespace {

// A connected client's engine for `query`, checked and its request built,
// before any tracker exists (a bad query then has nothing to undo).
Status prepare(aerospike* as, const as_policy_query& p, const as_query& q,
               aerospike_query_foreach_callback callback, void* udata, PartitionScan& engine) {
  auto cluster = command_cluster(as, p.base);
  if (!cluster) return cluster.status();
  engine.cluster = *cluster;
  engine.policy = &p.base;
  engine.ns = q.ns;
  engine.deserialize = p.deserialize;
  engine.query = true;
  // 7.4.0 runs a query's node commands one thread per node whenever there
  // is more than one (queries have no `concurrent` switch; scans do).
  engine.concurrent = true;
  engine.callback = callback;
  engine.udata = udata;
  return foreground_query_request(p, q, engine.request);
}

}  // namespace

Status query_foreach(aerospike* as, const as_policy_query* policy, as_query* query,
                     aerospike_query_foreach_callback callback, void* udata) {
  if (Status checked = check_foreach(*query); !checked) return checked;
  const as_policy_query& p = policy ? *policy : as->config.policies.query;
  if (query->apply.function[0]) return query_aggregate(as, p, *query, callback, udata);
  PartitionScan engine;
  if (Status ready = prepare(as, p, *query, callback, udata, engine); !ready) return ready;
  auto size = scan_cluster_size(*engine.cluster);
  if (!size) return size.status();
  as_partition_tracker pt;
  if (Status init = tracker_init_nodes(pt, p.base, query->max_records, p.replica, &query->parts_all,
                                       query->paginate, *size);
      !init)
    return init;
  return run_partition_scan(engine, pt, query->parts_all);
}

Status query_partitions(aerospike* as, const as_policy_query* policy, as_query* query,
                        as_partition_filter* filter, aerospike_query_foreach_callback callback,
                        void* udata) {
  if (query->apply.function[0] || operations_has_write(query->ops))
    return Status(AEROSPIKE_ERR_PARAM,
                  "Aggregation or background queries cannot query by partition");
  const as_policy_query& p = policy ? *policy : as->config.policies.query;
  PartitionScan engine;
  if (Status ready = prepare(as, p, *query, callback, udata, engine); !ready) return ready;
  auto size = scan_cluster_size(*engine.cluster);
  if (!size) return size.status();
  if (filter->parts_all && !query->parts_all)
    query->parts_all = as_partitions_status_reserve(filter->parts_all);
  as_partition_tracker pt;
  if (Status init = tracker_init_filter(pt, p.base, query->max_records, p.replica,
                                        &query->parts_all, query->paginate, *size, *filter);
      !init)
    return init;
  return run_partition_scan(engine, pt, query->parts_all);
}

}  // namespace aeroshim
