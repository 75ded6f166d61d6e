#include "batch.h"

#include "batch_answer.h"
#include "batch_request.h"
#include "filter_exp.h"

namespace asim::batch {
namespace {

namespace proto = aeroshim::proto;
using proto::FieldType;
using proto::Message;

constexpr uint8_t kParameter = static_cast<uint8_t>(proto::ResultCode::kParameter);
constexpr uint8_t kFilteredOut = static_cast<uint8_t>(proto::ResultCode::kFilteredOut);
// A community server refuses every command of a transaction.
constexpr uint8_t kEnterpriseOnly = 25;
constexpr uint8_t kTxnIdField = 5;
constexpr uint8_t kBatchWithSetField = 42;

// The whole answer to a batch refused before any row runs: the LAST
// message alone.
std::string refused(uint8_t result) {
  StreamAnswer stream;
  return stream.finish(result);
}

// The rows field: the last field with id 41, or the older 42 (rows with
// sets), which the server reads the same way.
const proto::Field* rows_of(const Message& parent) {
  const proto::Field* found = nullptr;
  for (const auto& f : parent.fields)
    if (f.type == static_cast<uint8_t>(FieldType::kBatchIndex) || f.type == kBatchWithSetField)
      found = &f;
  return found;
}

class Runner {
 public:
  Runner(Cluster& cluster, RecordStore& store, size_t node, uint32_t now)
      : cluster_(cluster), store_(store), node_(node), now_(now) {}

  Message run(const Message& shape, const Row& row, const proto::Field* parent_filter);

 private:
  void count(const Message& m, const std::string& digest);
  // The verdict of the row's filter (or the batch's) on the record; 0 when
  // it passes or there is nothing to filter.
  uint8_t filter(const Message& m, const std::string& digest, const proto::Field* parent_filter,
                 const Record*& record) const;

  Cluster& cluster_;
  RecordStore& store_;
  size_t node_;
  uint32_t now_;
};

void Runner::count(const Message& m, const std::string& digest) {
  auto& stats = cluster_.nodes()[node_].stats;
  ++((m.info2 & proto::kInfo2Write) ? stats.writes : stats.reads);
  const auto ns = cluster_.namespace_index(m.fields.front().data);
  if (!ns) return;
  // The node proxies a row it does not master, as it would a single command.
  const auto master = cluster_.owner(*ns, proto::partition_of(digest), 0);
  if (master && *master != node_) ++stats.proxied;
}

uint8_t Runner::filter(const Message& m, const std::string& digest,
                       const proto::Field* parent_filter, const Record*& record) const {
  const proto::Field* expression = m.field(FieldType::kFilterExpression);
  if (!expression) expression = parent_filter;
  if (!expression) return 0;
  // A record not there (created by a write, not found by a read) or in
  // another set (refused by the command itself) is not filtered.
  record = store_.find(m.fields.front().data, digest, now_);
  const proto::Field* set = m.field(FieldType::kSet);
  if (!record || (set && !set->data.empty() && set->data != record->set)) return 0;
  return filter::evaluate(expression->data, *record, digest, now_);
}

Message Runner::run(const Message& shape, const Row& row, const proto::Field* parent_filter) {
  Message m = shape;
  // Right after the namespace, so it is the digest the store finds first.
  m.fields.insert(m.fields.begin() + 1,
                  proto::Field{static_cast<uint8_t>(FieldType::kDigest), row.digest});
  count(m, row.digest);
  Message reply;
  const Record* record = nullptr;
  if (m.field(static_cast<FieldType>(kTxnIdField))) {
    reply.result_code = kEnterpriseOnly;
  } else if (const uint8_t verdict = filter(m, row.digest, parent_filter, record)) {
    reply.result_code = verdict;
    if (verdict == kFilteredOut) {
      reply.generation = record->generation;
      reply.record_ttl = record->void_time;
    }
  } else {
    reply = store_.execute(m, now_);
  }
  // A row answer carries no flags and no fields; a delete's acknowledgement
  // no metadata either. Its batch index rides in transaction_ttl.
  reply.info1 = reply.info2 = reply.info3 = reply.info4 = 0;
  reply.fields.clear();
  if ((m.info2 & proto::kInfo2Delete) && (m.info2 & proto::kInfo2Write)) {
    reply.generation = 0;
    reply.record_ttl = 0;
  }
  reply.transaction_ttl = row.index;
  return reply;
}

}  // namespace

bool is_batch(std::string_view body) {
  return body.size() > 1 && (static_cast<uint8_t>(body[1]) & proto::kInfo1BatchIndex);
}

std::string serve(Cluster& cluster, RecordStore& store, size_t node, std::string_view body,
                  uint32_t now) {
  auto parent = proto::parse_message(body);
  if (!parent) {
    ++cluster.nodes()[node].stats.bad_frames;
    return refused(kParameter);
  }
  const proto::Field* rows_field = rows_of(*parent);
  if (!rows_field) return refused(kParameter);
  // The batch's own filter is built once, before any row runs.
  const proto::Field* parent_filter = parent->field(FieldType::kFilterExpression);
  if (parent_filter &&
      filter::evaluate(parent_filter->data, Record{}, std::string(20, '\0'), now) == kParameter)
    return refused(kParameter);
  Request request;
  auto known = [&cluster](const std::string& ns) {
    return cluster.namespace_index(ns).has_value();
  };
  if (!parse_rows(rows_field->data, *parent, known, request) || request.declared == 0)
    return refused(kParameter);

  Runner runner(cluster, store, node, now);
  Answer answer(request.flags);
  for (const Row& row : request.rows)
    answer.add(runner.run(request.messages[row.message], row, parent_filter));
  if (!request.complete()) answer.abort(kParameter);
  auto& stats = cluster.nodes()[node].stats;
  return answer.finish(parent->info1 & proto::kInfo1CompressResponse, stats.compressed_out);
}

}  // namespace asim::batch
