// The info codecs as pure functions: request/response bodies, peers-clear-std
// and replicas values. Every accepted shape round-trips through its
// formatter; every malformed one is refused with a message naming the spot.
#include "info/info_text.h"
#include "info/peers.h"
#include "info/replicas.h"

#include "cmocka_cxx.h"

#include <string>
#include <vector>

using namespace aeroshim;

// --- info bodies --------------------------------------------------------------

static void test_request(void**) {
  assert_string_equal(
      build_info_request({"node", "peers-generation", "partition-generation"}).c_str(),
      "node\npeers-generation\npartition-generation\n");
  assert_true(build_info_request({}).empty());
}

static void test_response(void**) {
  InfoResponse r =
      parse_info_response("node\tBB907F0000010C1C\npartition-generation\t1\nbuild\t8.1.0.1\n");
  assert_int_equal(r.entries.size(), 3);
  assert_string_equal(r.entries[0].first.c_str(), "node");
  assert_string_equal(r.entries[0].second.c_str(), "BB907F0000010C1C");
  assert_string_equal(r.entries[2].first.c_str(), "build");
  assert_string_equal(r.find("partition-generation")->c_str(), "1");
  assert_null(r.find("peers-generation"));

  // No final newline, a name without a tab, a value containing a tab.
  r = parse_info_response("features\nrack-ids\ttest:0\tx");
  assert_int_equal(r.entries.size(), 2);
  assert_string_equal(r.entries[0].first.c_str(), "features");
  assert_true(r.entries[0].second.empty());
  assert_string_equal(r.find("rack-ids")->c_str(), "test:0\tx");

  assert_true(parse_info_response("").entries.empty());
  r = parse_info_response("user-agent-set:value=MSxub2RlanMtNi43LjEsbm90LXNldA==\tok\n");
  assert_string_equal(r.entries[0].first.c_str(),
                      "user-agent-set:value=MSxub2RlanMtNi43LjEsbm90LXNldA==");
  assert_string_equal(r.entries[0].second.c_str(), "ok");
}

static void test_info_error(void**) {
  assert_true(is_info_error("ERROR::unknown namespace"));
  assert_true(is_info_error("FAIL:4:bad"));
  assert_false(is_info_error("ok"));
  assert_false(is_info_error(""));
  assert_false(is_info_error("error"));
}

// --- peers-clear-std ------------------------------------------------------------

static const char* kPeersExample =
    "1,3100,[[BB907F0000010C1D,,[127.0.0.1:3101]],[BB907F0000010C1E,,[127.0.0.1:3102]]]";

static void test_peers_example(void**) {
  auto peers = parse_peers(kPeersExample);
  assert_true(peers.is_ok());
  assert_int_equal(peers->generation, 1);
  assert_int_equal(peers->default_port, 3100);
  assert_int_equal(peers->peers.size(), 2);
  assert_string_equal(peers->peers[0].name.c_str(), "BB907F0000010C1D");
  assert_true(peers->peers[0].tls_name.empty());
  assert_true(peers->peers[0].addresses == (std::vector<HostPort>{{"127.0.0.1", 3101}}));
  assert_true(peers->peers[1].addresses == (std::vector<HostPort>{{"127.0.0.1", 3102}}));

  auto empty = parse_peers("1,3100,[]");
  assert_true(empty.is_ok());
  assert_true(empty->peers.empty());
  assert_string_equal(format_peers(*empty).c_str(), "1,3100,[]");
}

static void test_peers_shapes(void**) {
  auto peers = parse_peers(
      "18446744073709551615,3000,[[A1,tls.example,[[::1]:4000,[fe80::2],h1,10.0.0.1:65535]],"
      "[B2,,[]]]");
  assert_true(peers.is_ok());
  assert_true(peers->generation == UINT64_MAX);
  const Peer& a = peers->peers[0];
  assert_string_equal(a.tls_name.c_str(), "tls.example");
  std::vector<HostPort> expected = {
      {"::1", 4000}, {"fe80::2", 3000}, {"h1", 3000}, {"10.0.0.1", 65535}};
  assert_true(a.addresses == expected);
  assert_true(peers->peers[1].addresses.empty());

  // Round trip: the formatter leaves default ports out and brackets IPv6.
  std::string text = format_peers(*peers);
  assert_string_equal(text.c_str(),
                      "18446744073709551615,3000,[[A1,tls.example,[[::1]:4000,[fe80::2],h1,"
                      "10.0.0.1:65535]],[B2,,[]]]");
  auto again = parse_peers(text);
  assert_true(again.is_ok());
  assert_true(*again == *peers);
  assert_string_equal(format_peers(*parse_peers(kPeersExample)).c_str(), kPeersExample);
}

static void test_peers_limits(void**) {
  // Exactly at every limit is accepted.
  Peers big{7, 3000, {}};
  for (size_t i = 0; i < Peers::kMaxPeers; ++i) {
    big.peers.push_back({fmt::format("N{:018}", i), std::string(255, 't'), {{"h", 1}}});
  }
  big.peers[0].addresses.clear();
  for (size_t i = 0; i < Peers::kMaxAddresses; ++i) {
    big.peers[0].addresses.push_back({fmt::format("10.0.0.{}", i), 3000});
  }
  auto parsed = parse_peers(format_peers(big));
  assert_true(parsed.is_ok());
  assert_true(*parsed == big);

  // One past each limit is refused.
  Peers too_many = big;
  too_many.peers.push_back({"X", "", {}});
  assert_false(parse_peers(format_peers(too_many)).is_ok());
  Peers too_many_addresses = big;
  too_many_addresses.peers[1].addresses.resize(Peers::kMaxAddresses + 1, {"h", 1});
  auto r = parse_peers(format_peers(too_many_addresses));
  assert_false(r.is_ok());
  assert_non_null(strstr(r.status().message().c_str(), "peer 1 (N000000000000000001)"));
  assert_non_null(strstr(r.status().message().c_str(), "more than 64 addresses"));
}

static void expect_peers_error(const std::string& text, const char* fragment) {
  auto r = parse_peers(text);
  if (r.is_ok()) fail_msg("accepted: %s", text.c_str());
  assert_int_equal(r.status().code(), AEROSPIKE_ERR_CLIENT);
  if (!strstr(r.status().message().c_str(), fragment)) {
    fail_msg("'%s': message '%s' lacks '%s'", text.c_str(), r.status().message().c_str(),
             fragment);
  }
}

static void test_peers_rejections(void**) {
  expect_peers_error("", "generation is missing");
  expect_peers_error("1", "expected ',' after the generation but the value ended");
  expect_peers_error("x,3000,[]", "generation 'x' is not a number");
  expect_peers_error("-1,3000,[]", "generation '-1'");
  expect_peers_error("18446744073709551616,3000,[]", "generation");
  expect_peers_error("1,,[]", "default port is missing");
  expect_peers_error("1,0,[]", "default port is 0");
  expect_peers_error("1,65536,[]", "default port '65536'");
  expect_peers_error("1,3000", "after the default port but the value ended");
  expect_peers_error("1,3000,", "opening the peer list but the value ended");
  expect_peers_error("1,3000,[", "opening peer 0");
  expect_peers_error("1,3000,[]x", "unexpected text after the peer list (at byte 9)");
  expect_peers_error("1,3000,[]]", "unexpected text");
  expect_peers_error("1,3000,[[A,,[h]]", "closing the peer list but the value ended");
  expect_peers_error("1,3000,[[A,,[h]],]", "opening peer 1");
  expect_peers_error("1,3000,[[A,,[h]]]]", "unexpected text");
  expect_peers_error("1,3000,[[A,,[h]]", "closing the peer list");
  expect_peers_error("1,3000,[[A,,[h]", "closing peer 0 (A)");
  expect_peers_error("1,3000,[[A,,[h", "closing the addresses of peer 0 (A)");
  expect_peers_error("1,3000,[[A,,h]]", "opening the addresses of peer 0 (A)");
  expect_peers_error("1,3000,[[A,[h]]]", "after the TLS name of peer 0 (A)");
  expect_peers_error("1,3000,[[A]]", "after the name of peer 0 (A)");
  expect_peers_error("1,3000,[[,,[h]]]", "peer 0 node name '' must be 1..19 bytes");
  expect_peers_error("1,3000,[[" + std::string(20, 'N') + ",,[h]]]", "must be 1..19 bytes");
  expect_peers_error("1,3000,[[A," + std::string(256, 't') + ",[h]]]",
                     "TLS name is 256 bytes, more than 255");
  expect_peers_error(std::string("1,3000,[[A\0B,,[h]]]", 19), "0 node name contains a NUL");
  expect_peers_error(std::string("1,3000,[[A,\0,[h]]]", 18), "(A) TLS name contains a NUL");
  expect_peers_error(std::string("1,3000,[[A,,[h\0]]]", 18),
                     "address 0 of peer 0 (A) contains a NUL");
  expect_peers_error("1,3000,[[A,,[h:\x01]]]", "'\\x01' is not a number");
  expect_peers_error("1,3000,[[A,,[h:0]]]", "port of address 0 of peer 0 (A) is 0");
  expect_peers_error("1,3000,[[A,,[h:65536]]]", "port of address 0 of peer 0 (A) '65536'");
  expect_peers_error("1,3000,[[A,,[h:]]]", "port of address 0 of peer 0 (A) is missing");
  expect_peers_error("1,3000,[[A,,[h:x]]]", "'x' is not a number");
  expect_peers_error("1,3000,[[A,,[h,]]]", "address 1 of peer 0 (A) has an empty host");
  expect_peers_error("1,3000,[[A,,[h:1:2]]]", "closing the addresses of peer 0 (A) but found ':'");
  expect_peers_error("1,3000,[[A,,[[::1]]]", "closing the peer list but the value ended");
  expect_peers_error("1,3000,[[A,,[[::1]]", "closing peer 0 (A) but the value ended");
  expect_peers_error("1,3000,[[A,,[[::1,h]]]", "closing the IPv6 address 0 of peer 0 (A)");
  expect_peers_error("1,3000,[[A,,[[]:1]]]", "empty host");
  expect_peers_error("1,3000,[[A,,[[::1]x]]]", "found 'x'");
  expect_peers_error("1,3000,[[A,,[" + std::string(256, 'h') + "]]]", "more than 255");
}

// --- replicas -------------------------------------------------------------------

static const std::string kZeroBitmap = std::string(683, 'A') + "=";

static ReplicasUpdate make_update(const char* ns, uint32_t regime, uint8_t count) {
  ReplicasUpdate u;
  u.ns = ns;
  u.regime = regime;
  u.replica_count = count;
  for (uint32_t r = 0; r < 3; ++r) {
    for (uint32_t p = r; p < 4096; p += 3 + r) bitmap_set(u.bitmaps[r], p);
  }
  return u;
}

static bool same(const ReplicasUpdate& a, const ReplicasUpdate& b) {
  if (a.ns != b.ns || a.regime != b.regime || a.replica_count != b.replica_count) return false;
  for (uint32_t r = 0; r < a.replica_count; ++r) {
    if (a.bitmaps[r] != b.bitmaps[r]) return false;
  }
  return true;
}

static void test_bitmap_bits(void**) {
  PartitionBitmap bitmap{};
  bitmap_set(bitmap, 0);
  bitmap_set(bitmap, 9);
  bitmap_set(bitmap, 4095);
  assert_int_equal(bitmap[0], 0x80);
  assert_int_equal(bitmap[1], 0x40);
  assert_int_equal(bitmap[511], 0x01);
  assert_true(bitmap_test(bitmap, 0));
  assert_true(bitmap_test(bitmap, 9));
  assert_true(bitmap_test(bitmap, 4095));
  assert_false(bitmap_test(bitmap, 1));
  assert_false(bitmap_test(bitmap, 8));
  assert_false(bitmap_test(bitmap, 4094));
}

static void test_replicas_example(void**) {
  // The shape from PROTOCOL.md: one namespace, AP, two replicas.
  ReplicasUpdate master = make_update("test", 0, 2);
  std::string text = format_replicas({master});
  assert_int_equal(text.size(), strlen("test:0,2,") + 684 + 1 + 684);
  assert_int_equal(text.compare(0, 9, "test:0,2,"), 0);
  auto parsed = parse_replicas(text);
  assert_true(parsed.is_ok());
  assert_int_equal(parsed->size(), 1);
  assert_true(same((*parsed)[0], master));
  assert_true(bitmap_test((*parsed)[0].bitmaps[0], 3));
  assert_false(bitmap_test((*parsed)[0].bitmaps[0], 4));
  assert_string_equal(format_replicas(*parsed).c_str(), text.c_str());

  auto zero = parse_replicas("test:0,1," + kZeroBitmap);
  assert_true(zero.is_ok());
  assert_true((*zero)[0].bitmaps[0] == PartitionBitmap{});
  assert_true(parse_replicas("")->empty());
}

static void test_replicas_shapes(void**) {
  std::vector<ReplicasUpdate> all = {make_update("test", 0, 1), make_update("bar", 4294967295u, 3),
                                     make_update(std::string(31, 'n').c_str(), 7, 2)};
  std::string text = format_replicas(all);
  for (const std::string& variant : {text, text + ";"}) {
    auto parsed = parse_replicas(variant);
    assert_true(parsed.is_ok());
    assert_int_equal(parsed->size(), 3);
    for (size_t i = 0; i < 3; ++i) assert_true(same((*parsed)[i], all[i]));
  }

  // A replication factor above 3: the fourth and fifth bitmaps are checked
  // but only three are kept.
  std::string five = "big:2,5";
  for (int i = 0; i < 5; ++i) five += "," + kZeroBitmap;
  auto parsed = parse_replicas(five);
  assert_true(parsed.is_ok());
  assert_int_equal((*parsed)[0].replica_count, 3);
  ReplicasUpdate declared = make_update("big", 2, 5);
  auto formatted = parse_replicas(format_replicas({declared}));
  assert_true(formatted.is_ok());
  assert_int_equal((*formatted)[0].replica_count, 3);
  assert_true((*formatted)[0].bitmaps == declared.bitmaps);
  std::string broken_fifth = "big:2,5";
  for (int i = 0; i < 4; ++i) broken_fifth += "," + kZeroBitmap;
  broken_fifth += "," + kZeroBitmap.substr(1);
  assert_false(parse_replicas(broken_fifth).is_ok());
}

static void expect_replicas_error(const std::string& text, const char* fragment) {
  auto r = parse_replicas(text);
  if (r.is_ok()) fail_msg("accepted: %.100s", text.c_str());
  assert_int_equal(r.status().code(), AEROSPIKE_ERR_CLIENT);
  if (!strstr(r.status().message().c_str(), fragment)) {
    fail_msg("'%.100s': message '%s' lacks '%s'", text.c_str(), r.status().message().c_str(),
             fragment);
  }
}

static void test_replicas_rejections(void**) {
  const std::string& b = kZeroBitmap;
  expect_replicas_error("test:0,1," + b.substr(1), "namespace 'test': bitmap 0 is 683 base64");
  expect_replicas_error("test:0,1," + b + "A", "bitmap 0 is 685 base64 characters, expected 684");
  expect_replicas_error("test:0,2," + b + "," + b.substr(0, 679) + "AAA=",
                        "bitmap 1 is 683 base64");
  expect_replicas_error("test:0,1,", "bitmap 0 is 0 base64");
  std::string bad_char = b;
  bad_char[10] = '*';
  expect_replicas_error("test:0,1," + bad_char, "bitmap 0 is not base64 of 512 bytes");
  std::string two_pad = b;
  two_pad[682] = '=';
  expect_replicas_error("test:0,1," + two_pad, "not base64");
  std::string no_pad = b;
  no_pad[683] = 'A';
  expect_replicas_error("test:0,1," + no_pad, "not base64");
  std::string space = b;
  space[0] = ' ';
  expect_replicas_error("test:0,1," + space, "not base64");

  expect_replicas_error("test", "namespace 'test': no ':'");
  expect_replicas_error("test:", "namespace 'test': the replica count is missing");
  expect_replicas_error("test:0", "replica count is missing");
  expect_replicas_error("test:x,1," + b, "regime 'x' is not a u32");
  expect_replicas_error("test:-1,1," + b, "regime '-1'");
  expect_replicas_error("test:4294967296,1," + b, "regime '4294967296' is not a u32");
  expect_replicas_error("test:,1," + b, "regime ''");
  expect_replicas_error("test:0,0", "replica count '0' is not in 1..16");
  expect_replicas_error("test:0,17", "replica count '17' is not in 1..16");
  expect_replicas_error("test:0,99999999999999999999", "replica count");
  expect_replicas_error("test:0,2," + b, "2 bitmaps declared but 1 present");
  expect_replicas_error("test:0,1," + b + "," + b, "1 bitmaps declared but 2 present");
  expect_replicas_error("test:0,1," + b + ",", "1 bitmaps declared but 2 present");
  expect_replicas_error(":0,1," + b, "the name must be 1..31 bytes");
  expect_replicas_error(std::string(32, 'n') + ":0,1," + b, "must be 1..31 bytes");
  expect_replicas_error(std::string("te\0st:0,1,", 10) + b,
                        "namespace 'te\\x00st': the name contains a NUL byte");
  expect_replicas_error("test:0,1," + b + ";;", "empty namespace entry after 1 namespaces");
  expect_replicas_error(";test:0,1," + b, "empty namespace entry after 0");
  expect_replicas_error("test:0,1," + b + ";bar:0,1,AAAA", "namespace 'bar': bitmap 0 is 4");

  // An absurdly long name is quoted, not copied whole into the message.
  auto r = parse_replicas(std::string(100000, 'n') + ":0,1," + b);
  assert_false(r.is_ok());
  assert_true(r.status().message().size() < 200);
}

// --- truncation ----------------------------------------------------------------

// Every prefix of a valid value must parse or fail cleanly; under the
// sanitizer build this also proves no read past the given bytes.
static void test_every_prefix(void**) {
  std::string peers =
      "12,3000,[[A1,tls,[[::1]:4000,[fe80::2],h1,10.0.0.1:65535]],[BB907F0000010C1E,,[]]]";
  std::string replicas = format_replicas({make_update("test", 3, 2), make_update("bar", 0, 1)});
  std::string body = "node\tBB9\npeers-clear-std\t" + peers + "\nreplicas\t" + replicas + "\n";
  for (size_t n = 0; n <= body.size(); ++n) {
    // Copies to the heap so that any over-read lands outside the allocation.
    std::string prefix = body.substr(0, n);
    InfoResponse response = parse_info_response(prefix);
    assert_true(response.entries.size() <= 3);
  }
  size_t accepted = 0;
  for (size_t n = 0; n <= peers.size(); ++n) {
    auto r = parse_peers(peers.substr(0, n));
    if (r.is_ok()) {
      ++accepted;
    } else {
      assert_false(r.status().message().empty());
    }
  }
  assert_int_equal(accepted, 1);  // only the whole value is complete
  accepted = 0;
  for (size_t n = 0; n <= replicas.size(); ++n) {
    auto r = parse_replicas(replicas.substr(0, n));
    if (r.is_ok()) {
      ++accepted;
    } else {
      assert_false(r.status().message().empty());
    }
  }
  // The empty prefix, the first namespace alone, with its ';', and the whole.
  assert_int_equal(accepted, 4);
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_request),          cmocka_unit_test(test_response),
      cmocka_unit_test(test_info_error),       cmocka_unit_test(test_peers_example),
      cmocka_unit_test(test_peers_shapes),     cmocka_unit_test(test_peers_limits),
      cmocka_unit_test(test_peers_rejections), cmocka_unit_test(test_bitmap_bits),
      cmocka_unit_test(test_replicas_example), cmocka_unit_test(test_replicas_shapes),
      cmocka_unit_test(test_replicas_rejections), cmocka_unit_test(test_every_prefix),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
