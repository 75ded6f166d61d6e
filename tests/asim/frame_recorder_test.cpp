// asim --record: the recorder writes each frame as one lowercase hex line and
// keeps what the file already held, and a running asim records the data
// requests it receives as received, compressed ones included (info requests
// are not data and stay out).
#include "frame_recorder.h"

#include "asim_process.h"
#include "proto/frame.h"
#include "proto/message.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

// Last: cmocka's macros (fail, ...) would clash with the standard headers.
#include "cmocka_cxx.h"

namespace proto = aeroshim::proto;

static std::string temp_path(const char* tag) {
  return std::string("/tmp/asim_record_") + tag + "_" + std::to_string(getpid()) + ".hex";
}

static std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream all;
  all << in.rdbuf();
  return all.str();
}

static std::string hex(const std::string& bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out.push_back(digits[b >> 4]);
    out.push_back(digits[b & 15]);
  }
  return out;
}

static void test_lines_are_lowercase_hex_and_appended(void**) {
  const std::string path = temp_path("unit");
  {
    std::ofstream earlier(path);
    earlier << "kept\n";
  }
  {
    asim::FrameRecorder r;
    assert_false(r.active());
    assert_true(r.open(path).is_ok());
    assert_true(r.active());
    const uint8_t a[] = {0x02, 0x03, 0xAB, 0x00, 0xff};
    r.record(a, sizeof a);
    // Flushed at once: a reader sees the line while the recorder is open.
    assert_string_equal(slurp(path).c_str(), "kept\n0203ab00ff\n");
    r.record(a, 0);
  }
  assert_string_equal(slurp(path).c_str(), "kept\n0203ab00ff\n\n");
  std::remove(path.c_str());
}

static void test_open_failure_names_the_file(void**) {
  asim::FrameRecorder r;
  auto opened = r.open("/nonexistent-dir/x.hex");
  assert_false(opened.is_ok());
  assert_non_null(std::strstr(opened.message().c_str(), "/nonexistent-dir/x.hex"));
  assert_false(r.active());
  r.record(reinterpret_cast<const uint8_t*>("x"), 1);  // inactive: nothing, no crash
}

static int connect_loopback(uint16_t port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  assert_int_equal(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  return fd;
}

// Sends `frame` to 127.0.0.1:port and waits for the whole answer.
static void send_and_await_answer(uint16_t port, const std::string& frame) {
  const int fd = connect_loopback(port);
  assert_int_equal(send(fd, frame.data(), frame.size(), 0), static_cast<ssize_t>(frame.size()));
  uint8_t head[proto::kFrameHeaderSize];
  assert_int_equal(recv(fd, head, sizeof head, MSG_WAITALL), static_cast<ssize_t>(sizeof head));
  std::string body(proto::decode_frame_header(head).body_size, '\0');
  if (!body.empty())
    assert_int_equal(recv(fd, &body[0], body.size(), MSG_WAITALL),
                     static_cast<ssize_t>(body.size()));
  close(fd);
}

// Sends `frame` and returns the result code of the message answering it.
static int send_and_read_result(uint16_t port, const std::string& frame) {
  const int fd = connect_loopback(port);
  assert_int_equal(send(fd, frame.data(), frame.size(), 0), static_cast<ssize_t>(frame.size()));
  uint8_t head[proto::kFrameHeaderSize];
  assert_int_equal(recv(fd, head, sizeof head, MSG_WAITALL), static_cast<ssize_t>(sizeof head));
  std::string body(proto::decode_frame_header(head).body_size, '\0');
  assert_true(body.size() >= proto::kMessageHeaderSize);
  assert_int_equal(recv(fd, &body[0], body.size(), MSG_WAITALL), static_cast<ssize_t>(body.size()));
  close(fd);
  return static_cast<uint8_t>(body[5]);
}

static void test_asim_records_data_requests(void**) {
  const std::string path = temp_path("asim");
  std::remove(path.c_str());
  const std::string args = "--nodes 1 --namespace test:1 --record " + path;
  asim_process asim;
  assert_true(asim_start(&asim, args.c_str()));
  // The tender's questions are info frames: not recorded.
  char* node = asim_info(asim.ports[0], "node");
  assert_non_null(node);
  std::free(node);

  proto::Message get;
  get.info1 = proto::kInfo1Read | proto::kInfo1GetAll;
  get.fields.push_back(proto::Field{static_cast<uint8_t>(proto::FieldType::kNamespace), "test"});
  get.fields.push_back(
      proto::Field{static_cast<uint8_t>(proto::FieldType::kDigest), std::string(20, '\x07')});
  std::string frame;
  proto::encode_message(get, frame);
  send_and_await_answer(asim.ports[0], frame);
  proto::Message put;
  put.info2 = proto::kInfo2Write;
  put.fields = get.fields;
  put.ops.push_back(
      proto::Op{static_cast<uint8_t>(proto::OpType::kWrite), 1, "b", proto::be_u64(5)});
  std::string second;
  proto::encode_message(put, second);
  send_and_await_answer(asim.ports[0], second);

  // Both answers arrived, so both lines were written before them.
  const std::string expected = hex(frame) + "\n" + hex(second) + "\n";
  assert_string_equal(slurp(path).c_str(), expected.c_str());

  // A compressed frame is recorded as received; this one does not inflate,
  // which asim answers with PARAMETER.
  std::string compressed(proto::kFrameHeaderSize, '\0');
  proto::encode_frame_header(proto::FrameType::kCompressed, 3,
                             reinterpret_cast<uint8_t*>(&compressed[0]));
  compressed += "abc";
  assert_int_equal(send_and_read_result(asim.ports[0], compressed), 4);
  assert_string_equal(slurp(path).c_str(), (expected + hex(compressed) + "\n").c_str());
  asim_stop(&asim);
  std::remove(path.c_str());
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_lines_are_lowercase_hex_and_appended),
      cmocka_unit_test(test_open_failure_names_the_file),
      cmocka_unit_test(test_asim_records_data_requests),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
