// A running asim on the wire: unknown namespaces, compressed requests and
// answers (zlib, as the stock client's as_command_compress lays them out),
// the namespace TTL knob, the features answer, and every fault a test can
// arm with asim-fault. Waits are bounded by socket receive timeouts.
#include "asim_process.h"
#include "loopback_socket.h"
#include "proto/frame.h"
#include "proto/message.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>

// Last: cmocka's macros would clash with the standard headers.
#include "cmocka_cxx.h"

namespace proto = aeroshim::proto;

namespace {

asim_process g_asim;

std::string info(const std::string& request) {
  char* v = asim_info(g_asim.ports[0], request.c_str());
  assert_non_null(v);
  std::string out(v);
  std::free(v);
  return out;
}

int connect_node(int timeout_ms = 5000) {
  const int fd = connect_loopback(g_asim.ports[0], timeout_ms);
  assert_true(fd >= 0);
  return fd;
}

void send_all(int fd, const std::string& bytes) {
  assert_int_equal(send(fd, bytes.data(), bytes.size(), 0), static_cast<ssize_t>(bytes.size()));
}


struct Frame {
  proto::FrameHeader header;
  std::string body;
};

Frame read_frame(int fd) {
  const std::string head = read_some(fd, proto::kFrameHeaderSize);
  assert_int_equal(head.size(), proto::kFrameHeaderSize);
  Frame f{proto::decode_frame_header(reinterpret_cast<const uint8_t*>(head.data())), {}};
  f.body = read_some(fd, f.header.body_size);
  assert_int_equal(f.body.size(), f.header.body_size);
  return f;
}

proto::Message read_message(int fd) {
  Frame f = read_frame(fd);
  assert_int_equal(f.header.type, 3);
  auto m = proto::parse_message(f.body);
  assert_true(m.is_ok());
  return *m;
}

proto::Message keyed(char which, const std::string& ns = "test") {
  proto::Message m;
  m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kNamespace), ns});
  m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kDigest), std::string(20, which)});
  return m;
}

std::string put_frame(char which, const std::string& value, uint32_t ttl = 0) {
  proto::Message m = keyed(which);
  m.info2 = proto::kInfo2Write;
  m.record_ttl = ttl;
  m.ops.push_back(proto::Op{2, 3, "b", value});
  std::string out;
  proto::encode_message(m, out);
  return out;
}

std::string get_frame(char which, uint8_t extra_info1 = 0, uint32_t server_timeout = 0) {
  proto::Message m = keyed(which);
  m.info1 = proto::kInfo1Read | proto::kInfo1GetAll | extra_info1;
  m.transaction_ttl = server_timeout;
  std::string out;
  proto::encode_message(m, out);
  return out;
}

proto::Message round_trip(const std::string& frame) {
  const int fd = connect_node();
  send_all(fd, frame);
  proto::Message m = read_message(fd);
  close(fd);
  return m;
}

// The stock client's compressed frame: header type 4, the inner frame's
// size (8 bytes big-endian), then compress2 of the whole inner frame.
std::string compressed(const std::string& frame) {
  uLongf size = compressBound(frame.size());
  std::string z(size, '\0');
  assert_int_equal(
      compress2(reinterpret_cast<Bytef*>(&z[0]), &size,
                reinterpret_cast<const Bytef*>(frame.data()), frame.size(), Z_BEST_SPEED),
      Z_OK);
  z.resize(size);
  std::string out(proto::kFrameHeaderSize, '\0');
  proto::encode_frame_header(proto::FrameType::kCompressed, 8 + z.size(),
                             reinterpret_cast<uint8_t*>(&out[0]));
  return out + proto::be_u64(frame.size()) + z;
}

long long elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               since)
      .count();
}

int setup(void**) { return asim_start(&g_asim, "--nodes 1 --namespace test:1") ? 0 : -1; }
int teardown(void**) {
  asim_stop(&g_asim);
  return 0;
}

}  // namespace

static void test_namespaces(void**) {
  proto::Message m = keyed('a', "nope");
  m.info1 = proto::kInfo1Read | proto::kInfo1GetAll;
  std::string frame;
  proto::encode_message(m, frame);
  assert_int_equal(round_trip(frame).result_code, 20);
  // A body that is not a message is a demarshal error: PARAMETER, connection kept.
  std::string junk(proto::kFrameHeaderSize, '\0');
  proto::encode_frame_header(proto::FrameType::kMessage, 3, reinterpret_cast<uint8_t*>(&junk[0]));
  const int fd = connect_node();
  send_all(fd, junk + "abc" + get_frame('a'));
  assert_int_equal(read_message(fd).result_code, 4);
  assert_int_equal(read_message(fd).result_code, 2);
  close(fd);
  assert_true(info("features").find("cdt-list") != std::string::npos);
  // Record UDFs are served, and a server lists them as "udf" (last).
  const std::string features = info("features");
  assert_true(features.size() >= 4 && features.compare(features.size() - 4, 4, ";udf") == 0);
  // Batch-index commands are served: listed first, in the server's order.
  assert_int_equal(features.compare(0, 22, "batch-any;batch-index;"), 0);
}

static void test_compression(void**) {
  const std::string value(500, 'v');
  assert_string_equal(info("asim-stats-reset").c_str(), "ok");
  assert_int_equal(round_trip(compressed(put_frame('z', value))).result_code, 0);
  assert_int_equal(asim_stat(g_asim.ports[0], g_asim.ports[0], "compressed_in"), 1);
  const int fd = connect_node();
  // Asked to, asim compresses an answer carrying bins.
  send_all(fd, get_frame('z', proto::kInfo1CompressResponse));
  Frame f = read_frame(fd);
  assert_int_equal(f.header.type, 4);
  const uint64_t size = proto::read_be_u64(f.body.substr(0, 8));
  std::string inner(size, '\0');
  uLongf got = size;
  assert_int_equal(uncompress(reinterpret_cast<Bytef*>(&inner[0]), &got,
                              reinterpret_cast<const Bytef*>(f.body.data() + 8), f.body.size() - 8),
                   Z_OK);
  assert_int_equal(got, size);
  auto m = proto::parse_message(std::string_view(inner).substr(proto::kFrameHeaderSize));
  assert_true(m.is_ok());
  assert_int_equal(m->ops.size(), 1);
  assert_true(m->ops[0].value == value);
  assert_int_equal(asim_stat(g_asim.ports[0], g_asim.ports[0], "compressed_out"), 1);
  // Not asked: plain; a header-only answer is never compressed.
  send_all(fd, get_frame('z'));
  assert_int_equal(read_frame(fd).header.type, 3);
  send_all(fd, get_frame('y', proto::kInfo1CompressResponse));
  assert_int_equal(read_message(fd).result_code, 2);
  // Nor one that compression would not shrink by 32 bytes.
  assert_int_equal(round_trip(put_frame('s', "tiny")).result_code, 0);
  send_all(fd, get_frame('s', proto::kInfo1CompressResponse));
  assert_int_equal(read_frame(fd).header.type, 3);
  // A compressed frame that does not inflate: PARAMETER.
  std::string bad = compressed(put_frame('z', "x"));
  bad[bad.size() - 3] ^= 0x55;
  send_all(fd, bad);
  assert_int_equal(read_message(fd).result_code, 4);
  close(fd);
}

static void test_namespace_ttl_knob(void**) {
  assert_string_equal(info("asim-ns-config:ns=test;nsup-period=0").c_str(), "ok");
  assert_int_equal(round_trip(put_frame('t', "x", 60)).result_code, 22);
  assert_int_equal(round_trip(put_frame('t', "x", 0)).result_code, 0);
  assert_string_equal(info("asim-ns-config:ns=test;nsup-period=120").c_str(), "ok");
  assert_int_equal(round_trip(put_frame('t', "x", 60)).result_code, 0);
  assert_true(info("asim-ns-config:ns=other;nsup-period=0").rfind("ERROR", 0) == 0);
  assert_true(info("asim-ns-config:ns=test;default-ttl=x").rfind("ERROR", 0) == 0);
}

static void test_fault_delay_and_timeout(void**) {
  const std::string port = std::to_string(g_asim.ports[0]);
  assert_string_equal(info("asim-stats-reset").c_str(), "ok");
  assert_string_equal(info("asim-fault:port=" + port + ";kind=delay;ms=150").c_str(), "ok");
  auto start = std::chrono::steady_clock::now();
  assert_int_equal(round_trip(get_frame('a')).result_code, 2);
  assert_true(elapsed_ms(start) >= 150);
  // The fault was for one request only (counted, rather than timed, so a
  // loaded machine cannot fail this).
  round_trip(get_frame('a'));
  assert_int_equal(asim_stat(g_asim.ports[0], g_asim.ports[0], "faults"), 1);
  // Past the request's server timeout the answer is TIMEOUT, at that timeout.
  assert_string_equal(info("asim-fault:port=" + port + ";kind=delay;ms=5000").c_str(), "ok");
  start = std::chrono::steady_clock::now();
  assert_int_equal(round_trip(get_frame('a', 0, 50)).result_code, 9);
  assert_true(elapsed_ms(start) >= 50 && elapsed_ms(start) < 4000);
  // Answers keep request order behind a delayed one.
  assert_string_equal(info("asim-fault:port=" + port + ";kind=delay;ms=100").c_str(), "ok");
  const int fd = connect_node();
  send_all(fd, put_frame('o', "1") + get_frame('o'));
  assert_int_equal(read_message(fd).generation, 1);
  assert_int_equal(read_message(fd).ops.size(), 1);
  close(fd);
}

static void test_fault_drop_close(void**) {
  const std::string port = std::to_string(g_asim.ports[0]);
  // drop: the write is applied, its answer never sent; the next one is.
  assert_string_equal(info("asim-fault:port=" + port + ";kind=drop").c_str(), "ok");
  int fd = connect_node();
  send_all(fd, put_frame('d', "dropped"));
  send_all(fd, get_frame('d'));
  const proto::Message next = read_message(fd);
  assert_int_equal(next.result_code, 0);
  assert_true(next.ops.at(0).value == "dropped");
  close(fd);
  // close: no answer, the connection ends; info requests are never faulted.
  assert_string_equal(info("asim-fault:port=" + port + ";kind=close;count=2").c_str(), "ok");
  assert_false(info("node").empty());
  for (int i = 0; i < 2; ++i) {
    fd = connect_node();
    send_all(fd, get_frame('d'));
    assert_int_equal(read_some(fd, 1).size(), 0);
    close(fd);
  }
  assert_int_equal(round_trip(get_frame('d')).result_code, 0);
  // count=0 lasts until cleared.
  assert_string_equal(info("asim-fault:port=" + port + ";kind=close;count=0").c_str(), "ok");
  for (int i = 0; i < 3; ++i) {
    fd = connect_node();
    send_all(fd, get_frame('d'));
    assert_int_equal(read_some(fd, 1).size(), 0);
    close(fd);
  }
  assert_string_equal(info("asim-fault-clear:port=" + port).c_str(), "ok");
  assert_int_equal(round_trip(get_frame('d')).result_code, 0);
  assert_true(info("asim-fault:port=" + port + ";kind=melt").rfind("ERROR", 0) == 0);
  assert_true(info("asim-fault:port=1;kind=drop").rfind("ERROR", 0) == 0);
  assert_true(info("asim-fault:kind=drop").rfind("ERROR", 0) == 0);
}

static void test_fault_bad_answers(void**) {
  const std::string port = std::to_string(g_asim.ports[0]);
  const std::string whole_put = put_frame('w', std::string(100, 'x'));
  // An answer of this put: 8 + 22 bytes (no bins).
  const size_t answer_size = proto::kFrameHeaderSize + proto::kMessageHeaderSize;
  assert_string_equal(info("asim-fault:port=" + port + ";kind=close-mid").c_str(), "ok");
  int fd = connect_node();
  send_all(fd, whole_put);
  assert_int_equal(read_some(fd, answer_size).size(), answer_size / 2);
  close(fd);

  // close-after: not a byte of the answer, yet the write is applied.
  assert_int_equal(round_trip(get_frame('y')).result_code,
                   static_cast<uint8_t>(proto::ResultCode::kNotFound));
  assert_string_equal(info("asim-fault:port=" + port + ";kind=close-after").c_str(), "ok");
  fd = connect_node();
  send_all(fd, put_frame('y', "applied"));
  assert_int_equal(read_some(fd, 1).size(), 0);
  close(fd);
  assert_int_equal(round_trip(get_frame('y')).result_code, 0);
  // asim-dump shows it from the store, in the set-less records put_frame
  // writes: digest 20 x 'y', generation 1, bin "b" (62) the string (3) "applied".
  std::string entry;
  for (int i = 0; i < 20; ++i) entry += "79";
  entry += "/1/62:3:6170706c696564";
  const std::string dump = ";" + info("asim-dump:ns=test;set=") + ";";
  assert_true(dump.find(";" + entry + ";") != std::string::npos);
  assert_true(info("asim-dump:ns=nope;set=s").rfind("ERROR", 0) == 0);
  assert_string_equal(info("asim-dump:ns=test;set=no-such-set").c_str(), "");

  assert_string_equal(info("asim-fault:port=" + port + ";kind=garbage").c_str(), "ok");
  fd = connect_node();
  send_all(fd, whole_put);
  const std::string garbage = read_some(fd, 16);
  assert_int_equal(garbage.size(), 16);
  assert_int_not_equal(static_cast<uint8_t>(garbage[0]), proto::kVersion);
  close(fd);

  assert_string_equal(info("asim-fault:port=" + port + ";kind=huge-length").c_str(), "ok");
  fd = connect_node();
  send_all(fd, whole_put);
  const std::string head = read_some(fd, proto::kFrameHeaderSize);
  assert_int_equal(
      proto::decode_frame_header(reinterpret_cast<const uint8_t*>(head.data())).body_size,
      uint64_t{1} << 40);
  close(fd);

  // truncate: the header and half the body, and the connection stays open.
  assert_string_equal(info("asim-fault:port=" + port + ";kind=truncate").c_str(), "ok");
  fd = connect_node(1000);
  send_all(fd, whole_put);
  const std::string part = read_some(fd, answer_size);
  assert_int_equal(part.size(), proto::kFrameHeaderSize + proto::kMessageHeaderSize / 2);
  assert_int_equal(errno, EAGAIN);
  close(fd);
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_namespaces),         cmocka_unit_test(test_compression),
      cmocka_unit_test(test_namespace_ttl_knob), cmocka_unit_test(test_fault_delay_and_timeout),
      cmocka_unit_test(test_fault_drop_close),   cmocka_unit_test(test_fault_bad_answers),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
