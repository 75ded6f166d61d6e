// List and map operations as the server's particle_list.c / particle_map.c
// answer them: op codes and argument layouts of the 7.4.0 client, results
// by return type, bins created by modify ops, and the error codes for
// out-of-range indexes, uniqueness, write flags and wrong bin types.
#include "cmocka_cxx.h"
#include "record_store.h"

#include <string>
#include <vector>

using aeroshim::proto::Message;
using aeroshim::proto::Op;
using asim::RecordStore;
namespace proto = aeroshim::proto;

namespace {

constexpr uint32_t kNow = 100;
constexpr uint8_t kNotApplicable = 26;
constexpr uint8_t kIncompatible = 12;
constexpr uint8_t kParameter = 4;
// Return types (as_list_return_type / as_map_return_type).
constexpr int kIndex = 1, kRank = 3, kCount = 5, kKey = 6, kValue = 7, kKeyValue = 8, kExists = 13;

// Small msgpack by hand: fixints, fix lists and maps, strings with the
// server's leading particle type byte.
std::string i(int v) { return std::string(1, static_cast<char>(v)); }
std::string s(const std::string& text) {
  return std::string(1, static_cast<char>(0xa0 | (text.size() + 1))) + '\x03' + text;
}
std::string list(const std::vector<std::string>& items) {
  std::string out(1, static_cast<char>(0x90 | items.size()));
  for (const auto& x : items) out += x;
  return out;
}
std::string map(const std::vector<std::string>& kv) {
  std::string out(1, static_cast<char>(0x80 | (kv.size() / 2)));
  for (const auto& x : kv) out += x;
  return out;
}
// [op, args...]
std::string cdt(int code, const std::vector<std::string>& args = {}) {
  std::vector<std::string> all{code < 128 ? i(code)
                                          : std::string("\xcc", 1) + static_cast<char>(code)};
  all.insert(all.end(), args.begin(), args.end());
  return list(all);
}

Message request(bool modify, std::vector<std::string> payloads, const std::string& bin = "l") {
  Message m;
  m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kNamespace), "test"});
  m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kDigest), std::string(20, 'c')});
  m.info1 = proto::kInfo1Read;
  if (modify) m.info2 = proto::kInfo2Write;
  for (auto& p : payloads)
    m.ops.push_back(
        Op{static_cast<uint8_t>(modify ? proto::OpType::kCdtModify : proto::OpType::kCdtRead), 0,
           bin, p});
  return m;
}

// The single answer of one op, checked for success.
Op one(RecordStore& store, bool modify, const std::string& payload, const std::string& bin = "l") {
  const Message r = store.execute(request(modify, {payload}, bin), kNow);
  assert_int_equal(r.result_code, 0);
  assert_int_equal(r.ops.size(), 1);
  return r.ops[0];
}

uint8_t fails(RecordStore& store, bool modify, const std::string& payload,
              const std::string& bin = "l") {
  return store.execute(request(modify, {payload}, bin), kNow).result_code;
}

int64_t int_of(const Op& o) {
  assert_int_equal(o.particle_type, 1);
  return static_cast<int64_t>(proto::read_be_u64(o.value));
}

std::string stored(RecordStore& store, const std::string& bin) {
  Message m = request(false, {}, bin);
  m.info1 = proto::kInfo1Read | proto::kInfo1GetAll;
  for (const auto& o : store.execute(m, kNow).ops)
    if (o.name == bin) return o.value;
  return "<absent>";
}

}  // namespace

static void test_list_build_and_read(void**) {
  RecordStore store;
  // Append to a missing bin creates the list; the answer is the new size.
  assert_int_equal(int_of(one(store, true, cdt(1, {i(1)}))), 1);
  assert_int_equal(int_of(one(store, true, cdt(2, {list({i(2), i(3)})}))), 3);
  assert_int_equal(int_of(one(store, true, cdt(3, {i(0), i(0)}))), 4);  // insert at 0
  assert_true(stored(store, "l") == list({i(0), i(1), i(2), i(3)}));
  assert_int_equal(int_of(one(store, false, cdt(16))), 4);  // size
  // get (17) and get_by_index (19) with return types; negative = from the end.
  assert_int_equal(int_of(one(store, false, cdt(17, {i(-1)}))), 3);
  assert_int_equal(int_of(one(store, false, cdt(19, {i(kValue), i(1)}))), 1);
  assert_int_equal(int_of(one(store, false, cdt(19, {i(kIndex), i(-1)}))), 3);
  assert_int_equal(int_of(one(store, false, cdt(19, {i(kCount), i(0)}))), 1);
  assert_int_equal(fails(store, false, cdt(19, {i(kValue), i(4)})), kNotApplicable);
  assert_int_equal(fails(store, false, cdt(17, {i(-5)})), kNotApplicable);
  // Ranges answer lists, clipped to the list; no count: to the end.
  const Op range = one(store, false, cdt(24, {i(kValue), i(1), i(2)}));
  assert_int_equal(range.particle_type, 20);
  assert_true(range.value == list({i(1), i(2)}));
  assert_true(one(store, false, cdt(24, {i(kValue), i(2)})).value == list({i(2), i(3)}));
  assert_true(one(store, false, cdt(24, {i(kIndex), i(-2), i(9)})).value == list({i(2), i(3)}));
  assert_true(one(store, false, cdt(24, {i(kValue), i(9), i(1)})).value == list({}));
  // Inverted (0x10000) picks the others: VALUE | INVERTED as a uint 32.
  const std::string inverted_value = std::string("\xce\x00\x01\x00\x07", 5);
  assert_true(one(store, false, cdt(24, {inverted_value, i(1), i(2)})).value == list({i(0), i(3)}));
  assert_int_equal(fails(store, false, cdt(19, {inverted_value, i(1)})), kNotApplicable);
  // By value and by rank; exists.
  assert_int_equal(int_of(one(store, false, cdt(22, {i(kCount), i(2)}))), 1);
  assert_int_equal(one(store, false, cdt(22, {i(kExists), i(7)})).particle_type, 17);
  assert_int_equal(int_of(one(store, false, cdt(21, {i(kValue), i(-1)}))), 3);
  assert_true(one(store, false, cdt(22, {i(kRank), i(2)})).value == list({i(2)}));
  // Value intervals [begin, end) (no end: no bound) and value lists, in index order.
  assert_true(one(store, false, cdt(25, {i(kValue), i(1), i(3)})).value == list({i(1), i(2)}));
  assert_true(one(store, false, cdt(25, {i(kValue), i(1)})).value == list({i(1), i(2), i(3)}));
  assert_true(one(store, false, cdt(23, {i(kValue), list({i(3), i(0), i(9)})})).value ==
              list({i(0), i(3)}));
  assert_int_equal(fails(store, false, cdt(23, {i(kValue), i(3)})), kParameter);
  // Relative rank ranges: from where 2 sits (rank 2), one lower, two of them.
  assert_true(one(store, false, cdt(27, {i(kValue), i(2), i(-1), i(2)})).value ==
              list({i(1), i(2)}));
  assert_true(one(store, false, cdt(27, {i(kValue), i(2), i(-5), i(4)})).value == list({i(0)}));
  assert_true(one(store, false, cdt(27, {i(kValue), i(2), i(1)})).value == list({i(3)}));
  // A read with return type NONE makes no result: a read message leaves it
  // out, a write message answers it with nil.
  assert_int_equal(store.execute(request(false, {cdt(19, {i(0), i(0)})}), kNow).ops.size(), 0);
  Message in_write = request(false, {cdt(19, {i(0), i(0)})});
  in_write.info2 = proto::kInfo2Write;
  const Message answered = store.execute(in_write, kNow);
  assert_int_equal(answered.result_code, 0);
  assert_int_equal(answered.ops.size(), 1);
  assert_int_equal(answered.ops[0].particle_type, 0);
  // A CDT read of a missing bin answers nothing.
  assert_int_equal(store.execute(request(false, {cdt(16)}, "none"), kNow).ops.size(), 0);
}

static void test_list_modify(void**) {
  RecordStore store;
  one(store, true, cdt(2, {list({i(1), i(2), i(3), i(4), i(5)})}));
  // pop (5) answers the value, pop_range (6) a list, remove (7) a count.
  assert_int_equal(int_of(one(store, true, cdt(5, {i(0)}))), 1);
  assert_true(one(store, true, cdt(6, {i(-2), i(2)})).value == list({i(4), i(5)}));
  assert_int_equal(int_of(one(store, true, cdt(7, {i(0)}))), 1);
  assert_true(stored(store, "l") == list({i(3)}));
  assert_int_equal(fails(store, true, cdt(5, {i(3)})), kNotApplicable);
  // set (9) answers nothing; past the end it pads with nil.
  assert_int_equal(store.execute(request(true, {cdt(9, {i(2), i(7)})}), kNow).ops.size(), 0);
  assert_true(stored(store, "l") == list({i(3), std::string("\xc0", 1), i(7)}));
  // increment (12) answers the new value; no delta means 1.
  assert_int_equal(int_of(one(store, true, cdt(12, {i(0), i(5)}))), 8);
  assert_int_equal(int_of(one(store, true, cdt(12, {i(2)}))), 8);
  assert_int_equal(fails(store, true, cdt(12, {i(1), i(1)})), kParameter);  // nil element
  // remove_by_index_range (37) with count, remove_all_by_value (35).
  assert_int_equal(int_of(one(store, true, cdt(35, {i(kCount), i(8)}))), 2);
  assert_true(stored(store, "l") == list({std::string("\xc0", 1)}));
  // trim (10) keeps the range, answering how many went.
  const Message cleared = store.execute(request(true, {cdt(11)}), kNow);  // clear
  assert_int_equal(cleared.result_code, 0);
  assert_int_equal(cleared.ops.size(), 0);
  assert_true(stored(store, "l") == list({}));
  one(store, true, cdt(2, {list({i(1), i(2), i(3), i(4)})}));
  assert_int_equal(int_of(one(store, true, cdt(10, {i(1), i(2)}))), 2);
  assert_true(stored(store, "l") == list({i(2), i(3)}));
  // Remove ops on a missing bin do nothing and answer nothing.
  const Message none = store.execute(request(true, {cdt(32, {i(kValue), i(0)})}, "absent"), kNow);
  assert_int_equal(none.result_code, 0);
  assert_int_equal(none.ops.size(), 0);
  assert_true(stored(store, "absent") == "<absent>");
}

static void test_list_flags(void**) {
  RecordStore store;
  one(store, true, cdt(2, {list({i(1), i(2)})}));
  // ADD_UNIQUE (1): a value already there is ELEMENT_EXISTS, with NO_FAIL (4) ignored.
  assert_int_equal(fails(store, true, cdt(1, {i(2), i(0), i(1)})), 24);
  assert_int_equal(int_of(one(store, true, cdt(1, {i(2), i(0), i(5)}))), 2);
  // ADD_UNIQUE | PARTIAL (8) | NO_FAIL: the new ones go in.
  assert_int_equal(int_of(one(store, true, cdt(2, {list({i(2), i(3)}), i(0), i(13)}))), 3);
  // INSERT_BOUNDED (2): past the end is OP_NOT_APPLICABLE.
  assert_int_equal(fails(store, true, cdt(3, {i(9), i(1), i(2)})), kNotApplicable);
  // An ordered list (set_type 1) sorts, keeps appends sorted, refuses inserts.
  store.execute(request(true, {cdt(2, {list({i(9), i(4)})})}, "o"), kNow);
  assert_int_equal(store.execute(request(true, {cdt(0, {i(1)})}, "o"), kNow).result_code, 0);
  one(store, true, cdt(1, {i(5)}), "o");
  assert_true(stored(store, "o") == std::string("\x94\xc7\x00\x01", 4) + i(4) + i(5) + i(9));
  assert_int_equal(fails(store, true, cdt(3, {i(0), i(1)}), "o"), kNotApplicable);
  // sort (13) of an unordered list, dropping duplicates (2).
  store.execute(request(true, {cdt(2, {list({i(3), i(1), i(3)})})}, "u"), kNow);
  store.execute(request(true, {cdt(13, {i(2)})}, "u"), kNow);
  assert_true(stored(store, "u") == list({i(1), i(3)}));
}

static void test_cdt_errors(void**) {
  RecordStore store;
  Message w;
  w.fields = request(false, {}).fields;
  w.info2 = proto::kInfo2Write;
  w.ops.push_back(Op{2, 3, "str", "text"});
  store.execute(w, kNow);
  // List and map ops on a string bin, a map op on a list bin.
  assert_int_equal(fails(store, true, cdt(1, {i(1)}), "str"), kIncompatible);
  assert_int_equal(fails(store, false, cdt(16), "str"), kIncompatible);
  one(store, true, cdt(1, {i(1)}));
  assert_int_equal(fails(store, false, cdt(96), "l"), kIncompatible);
  // A modify op sent as a CDT read; an unknown op; wrong argument counts.
  assert_int_equal(fails(store, false, cdt(1, {i(1)})), kParameter);
  assert_int_equal(fails(store, true, cdt(50)), kParameter);
  assert_int_equal(fails(store, true, cdt(1)), kParameter);
  assert_int_equal(fails(store, false, cdt(16, {i(1)})), kParameter);
  assert_int_equal(fails(store, true, std::string("\x01", 1)), kParameter);  // not a list
  // sort of a missing bin is BIN_INCOMPATIBLE_TYPE.
  assert_int_equal(fails(store, true, cdt(13, {i(0)}), "missing"), kIncompatible);
  // A failing op leaves the record as it was.
  Message two = request(true, {cdt(1, {i(5)}), cdt(5, {i(9)})});
  assert_int_equal(store.execute(two, kNow).result_code, kNotApplicable);
  assert_true(stored(store, "l") == list({i(1)}));
}

static void test_map_ops(void**) {
  RecordStore store;
  // put (67): [key, value, attributes]; answers the size.
  assert_int_equal(int_of(one(store, true, cdt(67, {s("b"), i(2), i(0)}), "m")), 1);
  assert_int_equal(int_of(one(store, true, cdt(67, {s("a"), i(1), i(0)}), "m")), 2);
  assert_int_equal(int_of(one(store, true, cdt(67, {s("b"), i(3), i(0)}), "m")), 2);
  // Unordered: insertion order kept, value replaced in place.
  assert_true(stored(store, "m") == map({s("b"), i(3), s("a"), i(1)}));
  // Write flags: CREATE_ONLY (1) on an existing key, UPDATE_ONLY (2) on a new one.
  assert_int_equal(fails(store, true, cdt(67, {s("a"), i(5), i(0), i(1)}), "m"), 24);
  assert_int_equal(fails(store, true, cdt(67, {s("z"), i(5), i(0), i(2)}), "m"), 23);
  assert_int_equal(int_of(one(store, true, cdt(67, {s("z"), i(5), i(0), i(6)}), "m")), 2);
  assert_int_equal(fails(store, true, cdt(69, {s("z"), i(5)}), "m"), 23);  // replace
  // put_items (68); size (96).
  assert_int_equal(
      int_of(one(store, true, cdt(68, {map({s("c"), i(4), s("d"), i(5)}), i(0)}), "m")), 4);
  assert_int_equal(int_of(one(store, false, cdt(96), "m")), 4);
  // By key (97), by index (98, key order), by rank (100, value order).
  assert_int_equal(int_of(one(store, false, cdt(97, {i(kValue), s("c")}), "m")), 4);
  assert_true(one(store, false, cdt(97, {i(kKeyValue), s("a")}), "m").value == map({s("a"), i(1)}));
  assert_true(one(store, false, cdt(98, {i(kKey), i(0)}), "m").value == "a");
  assert_int_equal(int_of(one(store, false, cdt(97, {i(kIndex), s("b")}), "m")), 1);
  assert_true(one(store, false, cdt(100, {i(kKey), i(-1)}), "m").value == "d");
  assert_int_equal(int_of(one(store, false, cdt(97, {i(kIndex), s("nope")}), "m")), -1);
  // A missing key read for its value answers nothing.
  assert_int_equal(
      store.execute(request(false, {cdt(97, {i(kValue), s("nope")})}, "m"), kNow).ops.size(), 0);
  // increment (73) creates, adds, refuses non-numbers.
  assert_int_equal(int_of(one(store, true, cdt(73, {s("n"), i(7), i(0)}), "m")), 7);
  assert_int_equal(int_of(one(store, true, cdt(73, {s("n"), i(-2), i(0)}), "m")), 5);
  one(store, true, cdt(67, {s("t"), s("x"), i(0)}), "m");
  assert_int_equal(fails(store, true, cdt(73, {s("t"), i(1), i(0)}), "m"), kParameter);
  // Keys must be integers, strings or blobs.
  assert_int_equal(fails(store, true, cdt(67, {list({}), i(1), i(0)}), "m"), kParameter);
  // Key intervals and key lists.
  assert_true(one(store, false, cdt(103, {i(kKey), s("b"), s("d")}), "m").value ==
              list({s("b"), s("c")}));
  assert_int_equal(int_of(one(store, false, cdt(107, {i(kCount), list({s("a"), s("q")})}), "m")),
                   1);
  // Key-relative index ranges: from where "b" sits (index 1).
  assert_true(one(store, false, cdt(109, {i(kKey), s("b"), i(1), i(2)}), "m").value ==
              list({s("c"), s("d")}));
  // remove_by_key (76) answers by return type.
  assert_int_equal(int_of(one(store, true, cdt(76, {i(kValue), s("a")}), "m")), 1);
  assert_int_equal(int_of(one(store, false, cdt(96), "m")), 5);
  // clear (75) empties the map, which stays.
  store.execute(request(true, {cdt(75)}, "m"), kNow);
  assert_true(stored(store, "m") == map({}));
}

static void test_map_key_ordered(void**) {
  RecordStore store;
  // Created key-ordered by put's attributes (1): stored sorted, with the
  // flags ext as the first pair.
  one(store, true, cdt(67, {i(3), s("c"), i(1)}), "k");
  one(store, true, cdt(67, {i(1), s("a"), i(1)}), "k");
  assert_true(stored(store, "k") ==
              std::string("\x83\xc7\x00\x01\xc0", 5) + i(1) + s("a") + i(3) + s("c"));
  const Op range = one(store, false, cdt(104, {i(kKeyValue), i(0)}), "k");
  assert_int_equal(range.particle_type, 19);
  assert_true(range.value == map({i(1), s("a"), i(3), s("c")}));
}

// [0xff, [type, value...], [op, args...]]: the op applies inside the bin.
std::string in_ctx(const std::vector<std::string>& path, const std::string& op) {
  return list({std::string("\xcc\xff", 2), list(path), op});
}

static void test_context(void**) {
  RecordStore store;
  one(store, true, cdt(67, {s("a"), list({i(1), i(2)}), i(0)}), "m");
  // Map key "a", then a list op on the list there.
  assert_int_equal(int_of(one(store, true, in_ctx({i(0x22), s("a")}, cdt(1, {i(3)})), "m")), 3);
  assert_true(stored(store, "m") == map({s("a"), list({i(1), i(2), i(3)})}));
  assert_int_equal(
      int_of(one(store, false, in_ctx({i(0x22), s("a")}, cdt(19, {i(kValue), i(-1)})), "m")), 3);
  // Map index 0, then list index 1: an integer. A list op there is of the
  // wrong type; digging further into it finds no list or map.
  assert_int_equal(fails(store, true, in_ctx({i(0x20), i(0), i(0x10), i(1)}, cdt(1, {i(3)})), "m"),
                   kIncompatible);
  assert_int_equal(
      fails(store, true, in_ctx({i(0x20), i(0), i(0x10), i(1), i(0x10), i(0)}, cdt(1, {i(3)})),
            "m"),
      kNotApplicable);
  // A key that is not there, a list item type on a map.
  assert_int_equal(fails(store, false, in_ctx({i(0x22), s("b")}, cdt(16)), "m"), kNotApplicable);
  assert_int_equal(fails(store, false, in_ctx({i(0x10), i(0)}, cdt(16)), "m"), kNotApplicable);
  // A map op where the context names a list.
  assert_int_equal(fails(store, false, in_ctx({i(0x22), s("a")}, cdt(96)), "m"), kIncompatible);
  // With create flags a context makes what is missing: the map holding key
  // "n" (0x40: unordered), then the op makes the list there.
  assert_int_equal(int_of(one(store, true, in_ctx({i(0x62), s("n")}, cdt(1, {i(5)})), "new")), 1);
  assert_true(stored(store, "new") == map({s("n"), list({i(5)})}));
  assert_int_equal(int_of(one(store, true, in_ctx({i(0x62), s("o")}, cdt(1, {i(6)})), "new")), 1);
  assert_true(stored(store, "new") == map({s("n"), list({i(5)}), s("o"), list({i(6)})}));
  // A padded list index (0x80) past the end: nils up to it, then the map the op makes.
  assert_int_equal(
      int_of(one(store, true,
                 in_ctx({std::string("\xcc\x90", 2), i(2)}, cdt(67, {s("k"), i(1), i(0)})), "p")),
      1);
  const std::string nil(1, '\xc0');
  assert_true(stored(store, "p") == list({nil, nil, map({s("k"), i(1)})}));
  assert_int_equal(int_of(one(store, false, cdt(16), "p")), 3);  // the bin is a list
  // Padding beyond what a record can hold is RECORD_TOO_BIG.
  assert_int_equal(fails(store, true, cdt(3, {std::string("\xce\x10\x00\x00\x00", 5), i(1)}), "p"),
                   13);
  // Unpadded (0x40) only at the end; reads never create.
  assert_int_equal(fails(store, true, in_ctx({i(0x50), i(7)}, cdt(1, {i(1)})), "p"),
                   kNotApplicable);
  assert_int_equal(fails(store, false, in_ctx({i(0x62), s("zz")}, cdt(16)), "new"), kNotApplicable);
  // Without create flags a missing bin cannot be dug into.
  assert_int_equal(fails(store, true, in_ctx({i(0x22), s("a")}, cdt(1, {i(3)})), "none"),
                   kNotApplicable);
  // An odd context is a parameter error.
  assert_int_equal(fails(store, false, in_ctx({i(0x22)}, cdt(16)), "m"), kParameter);
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_list_build_and_read),
      cmocka_unit_test(test_list_modify),
      cmocka_unit_test(test_list_flags),
      cmocka_unit_test(test_cdt_errors),
      cmocka_unit_test(test_map_ops),
      cmocka_unit_test(test_map_key_ordered),
      cmocka_unit_test(test_context),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
