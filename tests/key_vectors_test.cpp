// Our client on the wire, against the stock client's bytes: the commands
// behind the keys group and the write-policy vectors of the values group
// (tests/vectors/*.calls.md, spelled in C as README.md there says) run
// through the public aerospike_key_* functions against an asim node that
// records every request (--record), and each recorded frame must equal the
// one stock 7.4.0 sent for the same call: same digest, same fields, same
// header bits from the same policies. The udf group does the same for
// aerospike_key_apply.
#include "asim_process.h"
#include "cmocka_cxx.h"
#include "vectors.h"

#include <aerospike/aerospike.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/as_arraylist.h>
#include <aerospike/as_orderedmap.h>
#include <aerospike/as_record.h>
#include <aerospike/as_stringmap.h>

#include <unistd.h>

#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace v = aeroshim::vectors;

namespace {

constexpr const char* kNs = "test";
constexpr const char* kSet = "vectors";

struct Fixture {
  asim_process asim{};
  aerospike as{};
  std::string record_path;
};

int setup(void** state) {
  auto* f = new Fixture;
  f->record_path = "/tmp/aeroshim-key-vectors-" + std::to_string(getpid()) + ".hex";
  unlink(f->record_path.c_str());
  const std::string args = "--nodes 1 --namespace test:1 --record " + f->record_path;
  if (!asim_start(&f->asim, args.c_str())) {
    delete f;
    return -1;
  }
  as_config config;
  as_config_init(&config);
  as_config_add_host(&config, "127.0.0.1", f->asim.ports[0]);
  aerospike_init(&f->as, &config);
  as_error err;
  if (aerospike_connect(&f->as, &err) != AEROSPIKE_OK) {
    print_error("connect: %s\n", err.message);
    return -1;
  }
  *state = f;
  return 0;
}

int teardown(void** state) {
  auto* f = static_cast<Fixture*>(*state);
  as_error err;
  aerospike_close(&f->as, &err);
  aerospike_destroy(&f->as);
  asim_stop(&f->asim);
  unlink(f->record_path.c_str());
  delete f;
  return 0;
}

// The recorded frames so far, oldest first.
std::vector<std::string> recorded(const Fixture& f) {
  std::vector<std::string> frames;
  std::ifstream in(f.record_path);
  for (std::string line; std::getline(in, line);) {
    auto bytes = v::from_hex(line);
    assert_true(bytes.is_ok());
    frames.push_back(*bytes);
  }
  return frames;
}

// Runs one command and compares the one frame it put on the wire.
void expect_frame(Fixture& f, const char* group, const char* name,
                  const std::function<void()>& run) {
  const size_t before = recorded(f).size();
  run();
  const auto frames = recorded(f);
  if (frames.size() != before + 1)
    fail_msg("%s: %zu frames on the wire", name, frames.size() - before);
  auto stock = v::vector_frame(group, name);
  assert_true(stock.is_ok());
  if (frames.back() != *stock)
    fail_msg("%s: stock sent\n  %s\nwe sent\n  %s", name, v::to_hex(*stock).c_str(),
             v::to_hex(frames.back()).c_str());
}

// BASE of the recordings: total 1000 ms, socket 0, no retries.
template <typename Policy>
Policy base_policy(Policy policy, bool send_key) {
  policy.base.total_timeout = 1000;
  policy.base.socket_timeout = 0;
  policy.base.max_retries = 0;
  policy.key = send_key ? AS_POLICY_KEY_SEND : AS_POLICY_KEY_DIGEST;
  return policy;
}

as_policy_read read_policy(bool send) {
  as_policy_read p;
  return base_policy(*as_policy_read_init(&p), send);
}
as_policy_write write_policy(bool send) {
  as_policy_write p;
  return base_policy(*as_policy_write_init(&p), send);
}

struct KeyCase {
  const char* prefix;  // key_<prefix>_<command>
  std::function<void(as_key*)> make;
};

std::vector<KeyCase> key_cases() {
  static const std::string kb(1024, 'x');
  static const std::string utf8 =
      "h\xc3\xa9llo w\xc3\xb6rld \xe2\x9c\x93 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x9a\x80";
  static const uint8_t bytes[] = {0, 1, 2, 0xfe, 0xff};
  static const uint8_t noset_bytes[] = {0xde, 0xad, 0xbe, 0xef};
  return {
      {"str_short", [](as_key* k) { as_key_init_str(k, kNs, kSet, "k"); }},
      {"str_1k", [](as_key* k) { as_key_init_str(k, kNs, kSet, kb.c_str()); }},
      {"str_utf8", [](as_key* k) { as_key_init_str(k, kNs, kSet, utf8.c_str()); }},
      {"int_0", [](as_key* k) { as_key_init_int64(k, kNs, kSet, 0); }},
      {"int_1", [](as_key* k) { as_key_init_int64(k, kNs, kSet, 1); }},
      {"int_neg1", [](as_key* k) { as_key_init_int64(k, kNs, kSet, -1); }},
      {"int_2p31", [](as_key* k) { as_key_init_int64(k, kNs, kSet, int64_t{1} << 31); }},
      {"int_min", [](as_key* k) { as_key_init_int64(k, kNs, kSet, INT64_MIN); }},
      {"int_max", [](as_key* k) { as_key_init_int64(k, kNs, kSet, INT64_MAX); }},
      {"bytes", [](as_key* k) { as_key_init_rawp(k, kNs, kSet, bytes, sizeof bytes, false); }},
      {"str_noset", [](as_key* k) { as_key_init_str(k, kNs, "", "k"); }},
      {"int_noset", [](as_key* k) { as_key_init_int64(k, kNs, "", 7); }},
      {"bytes_noset",
       [](as_key* k) { as_key_init_rawp(k, kNs, "", noset_bytes, sizeof noset_bytes, false); }},
  };
}

void put_b1(Fixture& f, as_key* key, bool send) {
  as_record rec;
  as_record_inita(&rec, 1);
  as_record_set_int64(&rec, "b", 1);
  const as_policy_write p = write_policy(send);
  as_error err;
  assert_int_equal(aerospike_key_put(&f.as, &err, &p, key, &rec), AEROSPIKE_OK);
  as_record_destroy(&rec);
}

void get(Fixture& f, as_key* key, bool send) {
  const as_policy_read p = read_policy(send);
  as_record* rec = nullptr;
  as_error err;
  const as_status status = aerospike_key_get(&f.as, &err, &p, key, &rec);
  assert_true(status == AEROSPIKE_OK || status == AEROSPIKE_ERR_RECORD_NOT_FOUND);
  if (rec) as_record_destroy(rec);
}

void test_keys_group(void** state) {
  Fixture& f = *static_cast<Fixture*>(*state);
  for (const KeyCase& c : key_cases()) {
    for (bool send : {false, true}) {
      const std::string suffix = send ? "_sendkey" : "";
      as_key key;
      c.make(&key);
      const std::string put_name = std::string("key_") + c.prefix + "_put" + suffix;
      const std::string get_name = std::string("key_") + c.prefix + "_get" + suffix;
      expect_frame(f, "keys", put_name.c_str(), [&] { put_b1(f, &key, send); });
      expect_frame(f, "keys", get_name.c_str(), [&] { get(f, &key, send); });
      as_key_destroy(&key);
    }
  }
}

void test_keys_other_commands(void** state) {
  Fixture& f = *static_cast<Fixture*>(*state);
  as_key key;
  as_key_init_str(&key, kNs, kSet, "k");
  as_error err;
  for (bool send : {false, true}) {
    const as_policy_read p = read_policy(send);
    as_record* rec = nullptr;
    expect_frame(f, "keys", send ? "key_str_short_exists_sendkey" : "key_str_short_exists", [&] {
      aerospike_key_exists(&f.as, &err, &p, &key, &rec);
      if (rec) as_record_destroy(rec);
    });
  }
  const as_policy_read p = read_policy(false);
  const char* bins[] = {"b", "c", nullptr};
  as_record* rec = nullptr;
  expect_frame(f, "keys", "key_str_short_select", [&] {
    aerospike_key_select(&f.as, &err, &p, &key, bins, &rec);
    if (rec) as_record_destroy(rec);
  });
  for (bool send : {false, true}) {
    as_policy_remove r;
    as_policy_remove rp = base_policy(*as_policy_remove_init(&r), send);
    expect_frame(f, "keys", send ? "key_str_short_remove_sendkey" : "key_str_short_remove",
                 [&] { aerospike_key_remove(&f.as, &err, &rp, &key); });
  }
  as_key_destroy(&key);
  uint8_t digest[20];
  for (int i = 0; i < 20; ++i) digest[i] = static_cast<uint8_t>(i);
  as_key_init_digest(&key, kNs, kSet, digest);
  expect_frame(f, "keys", "key_digest_only_get", [&] { get(f, &key, false); });
  expect_frame(f, "keys", "key_digest_only_get_sendkey", [&] { get(f, &key, true); });
}

// value_put_*: one bin v = 1, the write policy or record meta of each name.
void test_write_policies(void** state) {
  Fixture& f = *static_cast<Fixture*>(*state);
  struct Case {
    const char* name;
    std::function<void(as_policy_write&, as_record&)> adjust;
  };
  const std::vector<Case> cases = {
      {"value_put_ttl_100", [](as_policy_write&, as_record& r) { r.ttl = 100; }},
      {"value_put_create_only",
       [](as_policy_write& p, as_record&) { p.exists = AS_POLICY_EXISTS_CREATE; }},
      {"value_put_update",
       [](as_policy_write& p, as_record&) { p.exists = AS_POLICY_EXISTS_UPDATE; }},
      {"value_put_replace",
       [](as_policy_write& p, as_record&) { p.exists = AS_POLICY_EXISTS_REPLACE; }},
      {"value_put_create_or_replace",
       [](as_policy_write& p, as_record&) { p.exists = AS_POLICY_EXISTS_CREATE_OR_REPLACE; }},
      {"value_put_gen_eq_5",
       [](as_policy_write& p, as_record& r) { p.gen = AS_POLICY_GEN_EQ, r.gen = 5; }},
      {"value_put_gen_gt_5",
       [](as_policy_write& p, as_record& r) { p.gen = AS_POLICY_GEN_GT, r.gen = 5; }},
      {"value_put_durable_delete", [](as_policy_write& p, as_record&) { p.durable_delete = true; }},
  };
  for (const Case& c : cases) {
    as_key key;
    as_key_init_str(&key, kNs, kSet, c.name);
    as_record rec;
    as_record_inita(&rec, 1);
    as_record_set_int64(&rec, "v", 1);
    as_policy_write p = write_policy(false);
    c.adjust(p, rec);
    as_error err;
    expect_frame(f, "values", c.name, [&] { aerospike_key_put(&f.as, &err, &p, &key, &rec); });
    as_record_destroy(&rec);
    as_key_destroy(&key);
  }
}

// udf_*: aerospike_key_apply with the arguments and apply policy of each
// name (tests/vectors/udf.calls.md; Node's objects are ordered maps).
as_list* udf_args(const std::string& name) {
  static const std::string utf8 =
      "h\xc3\xa9llo w\xc3\xb6rld \xe2\x9c\x93 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x9a\x80";
  static const uint8_t blob3[] = {0, 1, 2};
  as_arraylist* args = as_arraylist_new(4, 4);
  if (name == "udf_int" || name == "udf_sendkey") as_arraylist_append_int64(args, 1);
  if (name == "udf_int_neg") as_arraylist_append_int64(args, -300);
  if (name == "udf_int_max") as_arraylist_append_int64(args, INT64_MAX);
  if (name == "udf_double") as_arraylist_append_double(args, 1.5);
  if (name == "udf_str") as_arraylist_append_str(args, "abc");
  if (name == "udf_str_utf8") as_arraylist_append_str(args, utf8.c_str());
  if (name == "udf_bytes")
    as_arraylist_append_bytes(args,
                              as_bytes_new_wrap(const_cast<uint8_t*>(blob3), sizeof blob3, false));
  if (name == "udf_list") {
    as_arraylist* inner = as_arraylist_new(1, 1);
    as_arraylist_append_int64(inner, 2);
    as_arraylist* list = as_arraylist_new(3, 3);
    as_arraylist_append_int64(list, 1);
    as_arraylist_append_str(list, "a");
    as_arraylist_append_list(list, reinterpret_cast<as_list*>(inner));
    as_arraylist_append_list(args, reinterpret_cast<as_list*>(list));
  }
  if (name == "udf_map") {
    as_orderedmap* map = as_orderedmap_new(1);
    as_stringmap_set_int64(reinterpret_cast<as_map*>(map), "a", 1);
    as_arraylist_append_map(args, reinterpret_cast<as_map*>(map));
  }
  if (name == "udf_mixed") {
    as_arraylist_append_int64(args, 7);
    as_arraylist_append_str(args, "b");
    as_arraylist_append_double(args, 2.25);
    as_arraylist* one = as_arraylist_new(1, 1);
    as_arraylist_append_int64(one, 1);
    as_arraylist_append_list(args, reinterpret_cast<as_list*>(one));
  }
  return reinterpret_cast<as_list*>(args);
}

void test_udf_group(void** state) {
  Fixture& f = *static_cast<Fixture*>(*state);
  auto all = v::load_vectors("udf");
  assert_true(all.is_ok());
  assert_true(all->size() >= 15);
  for (const v::Vector& vec : *all) {
    const std::string& name = vec.name;
    as_policy_apply p;
    as_policy_apply_init(&p);
    p.base.total_timeout = 1000;
    p.base.socket_timeout = 0;
    p.base.max_retries = 0;
    if (name == "udf_sendkey") p.key = AS_POLICY_KEY_SEND;
    if (name == "udf_ttl") p.ttl = 60;
    if (name == "udf_durable_delete") p.durable_delete = true;
    if (name == "udf_commit_master") p.commit_level = AS_POLICY_COMMIT_LEVEL_MASTER;
    const bool mixed = name == "udf_mixed";
    as_key key;
    as_key_init_str(&key, kNs, kSet, name.c_str());
    as_list* args = udf_args(name);
    as_error err;
    as_val* result = nullptr;
    expect_frame(f, "udf", name.c_str(), [&] {
      aerospike_key_apply(&f.as, &err, &p, &key, mixed ? "mod_long_name" : "vec",
                          mixed ? "a_function" : "f", args, &result);
    });
    as_val_destroy(result);
    as_list_destroy(args);
    as_key_destroy(&key);
  }
}

}  // namespace

int main() {
  const CMUnitTest tests[] = {
      cmocka_unit_test(test_keys_group),
      cmocka_unit_test(test_keys_other_commands),
      cmocka_unit_test(test_write_policies),
      cmocka_unit_test(test_udf_group),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
