// Mutation fuzzing of the answer parser and the record builder: what a node
// (or anything posing as one) sends must never make parse_reply/fill_record
// read past the buffer, leak (ASan's leak check runs in the sanitizer pass),
// or return a record that disagrees with the answer. The seeds are the stock
// client's recorded requests of every group (a request body is laid out as
// an answer body: header, fields, ops with every particle type, lists and
// maps included); each seed is mutated by a seeded generator (byte flips,
// truncation, counts and sizes pushed to their limits), so a failure names
// a reproducible case. inflate_frame gets the same treatment.
#include "cmocka_cxx.h"
#include "vectors.h"

#include "proto/compression.h"
#include "proto/reply.h"

#include <aerospike/as_record.h>

#include <random>
#include <string>
#include <vector>

namespace v = aeroshim::vectors;
namespace proto = aeroshim::proto;

namespace {

constexpr int kMutationsPerSeed = 1000;

std::vector<std::string> seed_bodies() {
  std::vector<std::string> bodies;
  for (const char* group : {"keys", "values", "operations", "expressions"}) {
    auto all = v::load_vectors(group);
    assert_true(all.is_ok());
    for (const auto& vec : *all) bodies.push_back(vec.frame.substr(8));
  }
  return bodies;
}

void put_be32(std::string& s, size_t at, uint32_t value) {
  if (at + 4 > s.size()) return;
  for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>(value >> (24 - 8 * i));
}

std::string mutate(const std::string& seed, std::mt19937& rng) {
  std::string body = seed;
  const int kind = static_cast<int>(rng() % 6);
  const size_t at = body.empty() ? 0 : rng() % body.size();
  switch (kind) {
    case 0:  // flip a few bytes
      for (int i = 0; i < 4 && !body.empty(); ++i) body[rng() % body.size()] ^= static_cast<char>(1 + rng() % 255);
      break;
    case 1: body.resize(at); break;  // truncate
    case 2:                           // huge or off-by-one counts
      if (body.size() >= 22) {
        body[18] = static_cast<char>(rng());
        body[20] = static_cast<char>(rng());
        body[21] = static_cast<char>(rng());
      }
      break;
    case 3: put_be32(body, at, rng() % 2 ? 0xFFFFFFFFu : static_cast<uint32_t>(rng() % 64)); break;
    case 4:  // a particle type anywhere
      if (!body.empty()) body[at] = static_cast<char>(rng() % 2 ? 19 + rng() % 2 : 23);
      break;
    default:  // header size byte
      if (!body.empty()) body[0] = static_cast<char>(rng());
      break;
  }
  return body;
}

void parse_one(const std::string& body) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(body.data());
  auto reply = proto::parse_reply(bytes, body.size());
  if (!reply) return;
  assert_true(reply->ops >= bytes && reply->ops <= bytes + body.size());
  as_record* rec = nullptr;
  if (proto::fill_record(*reply, &rec, true).is_ok()) {
    assert_non_null(rec);
    assert_int_equal(rec->bins.size, reply->n_ops);
    as_record_destroy(rec);
  } else {
    assert_null(rec);
  }
  // Into a caller's record too: on failure it must be left empty, not half-filled.
  as_record mine;
  as_record_init(&mine, 1);
  as_record* target = &mine;
  const bool filled = proto::fill_record(*reply, &target, false).is_ok();
  assert_ptr_equal(target, &mine);
  if (!filled) assert_int_equal(mine.bins.size, 0);
  as_record_destroy(&mine);
}

void test_mutated_answers(void**) {
  std::mt19937 rng(20261201);
  const auto seeds = seed_bodies();
  assert_true(seeds.size() > 300);
  for (const auto& seed : seeds) {
    parse_one(seed);
    for (int i = 0; i < kMutationsPerSeed; ++i) parse_one(mutate(seed, rng));
  }
}

void test_mutated_compressed_frames(void**) {
  std::mt19937 rng(7);
  const auto seeds = seed_bodies();
  proto::WireBuffer packed;
  proto::WireBuffer inflated;
  for (size_t s = 0; s < seeds.size(); s += 7) {
    std::string frame = std::string("\x02\x03", 2) + std::string(6, '\0') + seeds[s];
    for (int i = 0; i < 6; ++i) frame[2 + i] = static_cast<char>(seeds[s].size() >> (40 - 8 * i));
    auto size = proto::compress_frame(reinterpret_cast<const uint8_t*>(frame.data()), frame.size(), packed);
    assert_true(size.is_ok());
    std::string body(reinterpret_cast<const char*>(packed.data()) + 8, *size - 8);
    auto whole = proto::inflate_frame(reinterpret_cast<const uint8_t*>(body.data()), body.size(), inflated);
    assert_true(whole.is_ok());
    assert_int_equal(*whole, seeds[s].size());
    for (int i = 0; i < 100; ++i) {
      const std::string bad = mutate(body, rng);
      (void)proto::inflate_frame(reinterpret_cast<const uint8_t*>(bad.data()), bad.size(), inflated);
    }
  }
}

}  // namespace

int main() {
  const CMUnitTest tests[] = {
      cmocka_unit_test(test_mutated_answers),
      cmocka_unit_test(test_mutated_compressed_frames),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
