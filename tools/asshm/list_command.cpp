// asshm list: every segment of the host, each called what it is: a cluster
// segment with its owner and verdict, another program's (foreign), one that
// cannot be read; then the aeroshim lock files nobody needs any more.
#include "commands.h"
#include "exit_codes.h"
#include "health.h"
#include "json.h"
#include "lock_files.h"
#include "segment_table.h"
#include "shm/segment.h"

#include <fmt/format.h>

#include <cstdio>

namespace asshm {

namespace {

struct Entry {
  SegmentRow row;
  std::string kind;  // cluster, foreign, private, unreadable
  std::optional<Snapshot> snapshot;
  std::optional<Health> health;
  std::string reason;  // what makes it foreign / unreadable / private
};

Entry inspect(const SegmentRow& row, uint32_t tend_interval_ms) {
  Entry entry{row, "cluster", std::nullopt, std::nullopt, {}};
  if (row.key == 0) {
    entry.kind = "private";
    entry.reason = "key 0: IPC_PRIVATE, or removed while still attached; no key names it";
    return entry;
  }
  std::variant<Snapshot, Failure> read = read_segment(row.key, row.id);
  if (auto* failure = std::get_if<Failure>(&read)) {
    entry.kind = failure->kind == "foreign" ? "foreign" : "unreadable";
    entry.reason = failure->message;
    return entry;
  }
  entry.snapshot = std::move(std::get<Snapshot>(read));
  entry.health = assess(*entry.snapshot, tend_interval_ms);
  return entry;
}

std::string json_entry(const Entry& e) {
  std::string out =
      fmt::format("{{\"key\":\"{}\",\"size\":{},\"attached\":{},\"creator_pid\":{},\"kind\":{}",
                  aeroshim::key_text(e.row.key), e.row.size, e.row.attached, e.row.creator_pid,
                  json_string(e.kind));
  if (e.health) {
    out += fmt::format(
        ",\"max_nodes\":{},\"max_namespaces\":{},\"owner_pid\":{},"
        "\"owner_alive\":{},\"state\":{},\"verdict\":{}",
        e.snapshot->geometry.max_nodes, e.snapshot->geometry.max_namespaces, e.health->owner_pid,
        e.health->owner_alive, json_string(state_name(e.health->state)),
        json_string(e.health->verdict));
  } else {
    out += fmt::format(",\"reason\":{}", json_string(e.reason));
  }
  return out + "}";
}

std::string text_entry(const Entry& e) {
  const std::string start =
      fmt::format("{}  {:>9} bytes", aeroshim::key_text(e.row.key), e.row.size);
  if (!e.health) {
    return fmt::format("{}  {}  {} attached  ({})\n", start, e.kind, e.row.attached, e.reason);
  }
  return fmt::format(
      "{}  shm_max_nodes={} shm_max_namespaces={}  {} attached  owner pid {} ({})  {}\n", start,
      e.snapshot->geometry.max_nodes, e.snapshot->geometry.max_namespaces, e.row.attached,
      e.health->owner_pid, e.health->owner_alive ? "alive" : "not running", e.health->verdict);
}

}  // namespace

int list_command(const Options& options) {
  std::vector<Entry> entries;
  for (const SegmentRow& row : segment_table())
    entries.push_back(inspect(row, options.tend_interval_ms));
  std::vector<LockFile> orphans;
  for (LockFile& file : all_lock_files()) {
    if (file.orphaned()) orphans.push_back(std::move(file));
  }

  std::string out;
  if (options.json) {
    out = "{\"segments\":[";
    for (size_t i = 0; i < entries.size(); i++) out += (i ? "," : "") + json_entry(entries[i]);
    out += "],\"orphaned_lock_files\":[";
    for (size_t i = 0; i < orphans.size(); i++) {
      const LockFile& f = orphans[i];
      out += fmt::format(
          "{}{{\"key\":\"{}\",\"path\":{},\"recorded_pid\":{},\"segment\":{},"
          "\"reason\":{}}}",
          i ? "," : "", aeroshim::key_text(f.key), json_string(f.path), f.recorded_pid, f.segment,
          json_string(f.orphan_reason()));
    }
    out += "]}\n";
  } else {
    for (const Entry& e : entries) out += text_entry(e);
    if (entries.empty()) out += "no segments\n";
    for (const LockFile& f : orphans) {
      out += fmt::format("orphaned lock file {} (key {}): {}\n", f.path, aeroshim::key_text(f.key),
                         f.orphan_reason());
    }
  }
  std::fputs(out.c_str(), stdout);
  return kExitOk;
}

}  // namespace asshm
