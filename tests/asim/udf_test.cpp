// Record UDFs on a running asim, over info and message frames: module
// management with the server's answers (udf_cask.c), and the record-UDF
// command with its arguments, return types, bin writes and errors as the
// server's udf transaction and mod-lua give them. Expected values come from
// the server source: SUCCESS/FAILURE bins, code 100 for Lua errors, the
// "/opt/aerospike/usr/udf/lua/<file>:<line>: <message>" text, "function not
// found", "UDF: Execution Error 1", "UDF Execution Timeout", PARAMETER for
// generation and existence policies.
#include "asim_process.h"
#include "loopback_socket.h"
#include "ops/base64.h"
#include "proto/frame.h"
#include "proto/message.h"
#include "record/sha1.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>

// Last: cmocka's macros would clash with the standard headers.
#include "cmocka_cxx.h"

namespace proto = aeroshim::proto;
using namespace std::string_literals;

namespace {

asim_process g_asim;

// Line numbers matter: the error tests expect the lines of boom and bad_bin.
const char* const kModule =
    "function echo(rec, v)\n"  // 1
    "  return v\n"             // 2
    "end\n"                    // 3
    "function boom(rec)\n"     // 4
    "  error('boom')\n"        // 5
    "end\n"                    // 6
    "function bad_bin(rec)\n"  // 7
    "  rec['x'] = {}\n"        // 8
    "end\n"                    // 9
    "function put_bin(rec, name, v)\n"
    "  rec[name] = v\n"
    "  if aerospike:exists(rec) then return aerospike:update(rec) end\n"
    "  return aerospike:create(rec)\n"
    "end\n"
    "function read_bin(rec, name) return rec[name] end\n"
    "function set_only(rec, name, v)\n"
    "  rec[name] = v\n"
    "  return rec[name]\n"
    "end\n"
    "function meta(rec)\n"
    "  return list{record.gen(rec), record.numbins(rec), aerospike:exists(rec)}\n"
    "end\n"
    "function remove_rec(rec) return aerospike:remove(rec) end\n"
    "function spin(rec) while true do end end\n"
    "function make_list(rec)\n"
    "  local l = list{1, 'two', 3.5}\n"
    "  list.append(l, true)\n"
    "  return l\n"
    "end\n"
    "function make_map(rec)\n"
    "  local m = map()\n"
    "  m['a'] = 1\n"
    "  return m\n"
    "end\n"
    "function sum_list(rec, l)\n"
    "  local s = 0\n"
    "  for v in list.iterator(l) do s = s + v end\n"
    "  return s + list.size(l) * 100\n"
    "end\n"
    "function map_get(rec, m, k) return m[k] + map.size(m) * 100 end\n"
    "function bytes_size(rec, b) return bytes.size(b) end\n"
    "function make_bytes(rec)\n"
    "  local b = bytes(3)\n"
    "  bytes.set_byte(b, 1, 65)\n"
    "  return b\n"
    "end\n"
    "function with_ttl(rec, t)\n"
    "  rec['t'] = 1\n"
    "  record.set_ttl(rec, t)\n"
    "  return aerospike:create(rec)\n"
    "end\n"
    "function get_ttl(rec) return record.ttl(rec) end\n"
    "function get_key(rec) return record.key(rec) end\n"
    "function logs(rec) info('x %d', 1) trace('y') warn('z') debug('w') print('p') return 7 end\n"
    "not_a_function = 5\n"
    "function hog(rec)\n"
    "  local t = {}\n"
    "  for i = 1, 100000 do t[i] = string.rep('x', 1000000) .. i end\n"
    "end\n"
    "function quit(rec) os.exit(3) end\n"
    "function raise_table(rec) error({}) end\n"
    "function cycle(rec) local l = list{1} list.append(l, l) return l end\n"
    "function blowup(rec)\n"
    "  local l = list{string.rep('x', 1000)}\n"
    "  for i = 1, 40 do l = list{l, l} end\n"
    "  return l\n"
    "end\n"
    "function raise_number(rec) error(42) end\n"
    "function deep(rec, n) if n == 0 then return 0 end return deep(rec, n - 1) + 1 end\n"
    "function get_lut(rec) return record.last_update_time(rec) end\n";

std::string b64(const std::string& raw) {
  std::string out(((raw.size() + 2) / 3) * 4, '\0');
  aeroshim::b64_encode(reinterpret_cast<const uint8_t*>(raw.data()),
                       static_cast<uint32_t>(raw.size()), out.data());
  return out;
}

std::string put_command(const std::string& file, const std::string& source) {
  const std::string content = b64(source);
  return "udf-put:filename=" + file + ";content=" + content +
         ";content-len=" + std::to_string(content.size()) + ";udf-type=LUA;";
}

int connect_node(size_t node = 0) {
  // Generous for the sanitizer builds: under TSan `hog` takes 4 to 6 s and
  // converting `blowup`'s 64 MiB budget 15 s (every byte copied is checked).
  const int fd = connect_loopback(g_asim.ports[node], 40000);
  assert_true(fd >= 0);
  return fd;
}


// One info request of any size to node `node` (asim_info's buffer is too
// small for a module); the value of the answer's first line.
std::string info_at(size_t node, const std::string& request) {
  const std::string body = request + "\n";
  std::string frame(proto::kFrameHeaderSize, '\0');
  proto::encode_frame_header(proto::FrameType::kInfo, body.size(),
                             reinterpret_cast<uint8_t*>(frame.data()));
  frame += body;
  const int fd = connect_node(node);
  assert_int_equal(send(fd, frame.data(), frame.size(), 0), static_cast<ssize_t>(frame.size()));
  const std::string head = read_some(fd, proto::kFrameHeaderSize);
  assert_int_equal(head.size(), proto::kFrameHeaderSize);
  const auto h = proto::decode_frame_header(reinterpret_cast<const uint8_t*>(head.data()));
  std::string answer = read_some(fd, h.body_size);
  close(fd);
  const size_t tab = answer.find('\t');
  answer = tab == std::string::npos ? std::string() : answer.substr(tab + 1);
  return answer.substr(0, answer.find('\n'));
}

std::string info(const std::string& request) { return info_at(0, request); }

proto::Message round_trip(const proto::Message& request) {
  std::string frame;
  proto::encode_message(request, frame);
  const int fd = connect_node();
  assert_int_equal(send(fd, frame.data(), frame.size(), 0), static_cast<ssize_t>(frame.size()));
  const std::string head = read_some(fd, proto::kFrameHeaderSize);
  assert_int_equal(head.size(), proto::kFrameHeaderSize);
  const auto h = proto::decode_frame_header(reinterpret_cast<const uint8_t*>(head.data()));
  const std::string body = read_some(fd, h.body_size);
  close(fd);
  auto m = proto::parse_message(body);
  assert_true(m.is_ok());
  return *m;
}

proto::Message keyed(char which) {
  proto::Message m;
  m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kNamespace), "test"});
  m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kDigest), std::string(20, which)});
  return m;
}

proto::Message apply_msg(char which, const std::string& fn, const std::string& args,
                         const std::string& package = "udftest") {
  proto::Message m = keyed(which);
  m.info2 = proto::kInfo2Write;
  m.transaction_ttl = 1000;
  m.fields.push_back({30, package});
  m.fields.push_back({31, fn});
  m.fields.push_back({32, args});
  return m;
}

proto::Message apply(char which, const std::string& fn, const std::string& args = "\x90") {
  return round_trip(apply_msg(which, fn, args));
}

// msgpack pieces the stock client packs arguments with.
std::string str(const std::string& s) {
  return std::string(1, static_cast<char>(0xa0 | (s.size() + 1))) + '\x03' + s;
}
std::string args1(const std::string& element) { return "\x91" + element; }

// The one op of a UDF answer, checked by name.
const proto::Op& answer_bin(const proto::Message& m, const char* name) {
  assert_int_equal(m.ops.size(), 1);
  assert_string_equal(m.ops[0].name.c_str(), name);
  return m.ops[0];
}

void expect_success(const proto::Message& m, uint8_t type, const std::string& value) {
  assert_int_equal(m.result_code, 0);
  const proto::Op& op = answer_bin(m, "SUCCESS");
  if (op.particle_type != type || op.value != value) {
    std::string hex;
    for (unsigned char c : op.value) hex += std::to_string(c) + ' ';
    print_message("SUCCESS type %u value %s\n", op.particle_type, hex.c_str());
  }
  assert_int_equal(op.particle_type, type);
  assert_int_equal(op.value.size(), value.size());
  assert_memory_equal(op.value.data(), value.data(), value.size());
}

void expect_failure(const proto::Message& m, const std::string& text) {
  assert_int_equal(m.result_code, 100);
  const proto::Op& op = answer_bin(m, "FAILURE");
  assert_int_equal(op.particle_type, 3);
  assert_string_equal(op.value.c_str(), text.c_str());
}

std::string be64(uint64_t v) { return proto::be_u64(v); }

proto::Message read_record(char which) {
  proto::Message m = keyed(which);
  m.info1 = proto::kInfo1Read | proto::kInfo1GetAll;
  return round_trip(m);
}

uint32_t server_now() { return static_cast<uint32_t>(time(nullptr) - 1262304000); }
uint64_t server_now_ms() {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::system_clock::now().time_since_epoch());
  return static_cast<uint64_t>(ms.count()) - uint64_t{1262304000} * 1000;
}

int setup(void**) {
  if (!asim_start(&g_asim, "--nodes 2 --namespace test:1")) return -1;
  return info(put_command("udftest.lua", kModule)) == "ok" ? 0 : -1;
}
int teardown(void**) {
  asim_stop(&g_asim);
  return 0;
}

}  // namespace

// udf-list's hash is SHA-1 of the module's system-metadata JSON, which
// udf-put builds with jansson from content64, type and name in that order.
static void test_register_list_get_remove(void**) {
  const std::string source = "function f(rec) return 1 end\n";
  assert_string_equal(info(put_command("m1.lua", source)).c_str(), "ok");
  const std::string json =
      "{\"content64\": \"" + b64(source) + "\", \"type\": \"LUA\", \"name\": \"m1.lua\"}";
  uint8_t digest[aeroshim::kSha1Size];
  aeroshim::sha1(reinterpret_cast<const uint8_t*>(json.data()), json.size(), digest);
  std::string hex;
  for (uint8_t b : digest) {
    char two[3];
    std::snprintf(two, sizeof two, "%02x", b);
    hex += two;
  }
  const std::string entry = "filename=m1.lua,hash=" + hex + ",type=LUA;";
  // Every node lists every module: a cluster shares them.
  assert_non_null(std::strstr(info("udf-list").c_str(), entry.c_str()));
  assert_non_null(std::strstr(info_at(1, "udf-list").c_str(), entry.c_str()));
  assert_string_equal(info("udf-get:filename=m1.lua").c_str(),
                      ("type=LUA;content=" + b64(source) + ";").c_str());
  assert_string_equal(info("udf-remove:filename=m1.lua").c_str(), "ok");
  assert_null(std::strstr(info("udf-list").c_str(), "m1.lua"));
  assert_string_equal(info("udf-get:filename=m1.lua").c_str(), "error=not_found");
  // Removing what is not there succeeds, as on servers since 4.5.1.
  assert_string_equal(info("udf-remove:filename=m1.lua").c_str(), "ok");
  assert_string_equal(info("udf-remove:").c_str(), "error=invalid_filename");

  // udf-list walks the server's metadata list: registration order, and a
  // removed module registered again keeps its place.
  assert_string_equal(info(put_command("zz.lua", source)).c_str(), "ok");
  assert_string_equal(info(put_command("aa.lua", source)).c_str(), "ok");
  std::string listed = info("udf-list");
  assert_true(listed.find("filename=zz.lua") < listed.find("filename=aa.lua"));
  assert_string_equal(info("udf-remove:filename=zz.lua").c_str(), "ok");
  assert_string_equal(info(put_command("zz.lua", source)).c_str(), "ok");
  listed = info("udf-list");
  assert_true(listed.find("filename=zz.lua") < listed.find("filename=aa.lua"));
  info("udf-remove:filename=zz.lua");
  info("udf-remove:filename=aa.lua");
  assert_string_equal(info("udf-get:").c_str(), "error=invalid_filename");
}

static void test_put_errors(void**) {
  assert_string_equal(info("udf-put:content=AAAA;content-len=4;").c_str(),
                      "error=invalid_filename");
  assert_string_equal(info("udf-put:filename=noext;content=AAAA;content-len=4;").c_str(),
                      "error=invalid_filename");
  assert_string_equal(info("udf-put:filename=a.;content=AAAA;content-len=4;").c_str(),
                      "error=invalid_filename");
  assert_string_equal(info("udf-put:filename=a.lua;content=AAAA;").c_str(),
                      "error=invalid_content_len");
  assert_string_equal(info("udf-put:filename=a.lua;content=AAAA;content-len=5;").c_str(),
                      "error=invalid_content_len");
  assert_string_equal(info("udf-put:filename=a.lua;content=AAAA;content-len=8;").c_str(),
                      "error=invalid_content");
  assert_string_equal(
      info("udf-put:filename=a.lua;content=AAAA;content-len=4;udf-type=PYTHON;").c_str(),
      "error=invalid_udf_type");
  assert_string_equal(info("udf-put:filename=a.lua;content=!!!!;content-len=4;").c_str(),
                      "error=invalid_base64_content");
  // Lua's own messages, split by mod-lua into file, line and message.
  assert_string_equal(
      info(put_command("bad.lua", "x = = 1\n")).c_str(),
      ("error=compile_error;file=bad.lua;line=1;message=" + b64("unexpected symbol near '='"))
          .c_str());
  assert_string_equal(info(put_command("rt.lua", "local a = 1\nerror('top')\n")).c_str(),
                      ("error=compile_error;file=rt.lua;line=2;message=" + b64("top")).c_str());
  assert_null(std::strstr(info("udf-list").c_str(), "bad.lua"));
}

static void test_arguments_and_returns(void**) {
  expect_success(apply('a', "echo", args1("\x2a")), 1, be64(42));
  expect_success(apply('a', "echo", args1("\xd0\x85")), 1, be64(static_cast<uint64_t>(-123)));
  expect_success(apply('a', "echo", args1("\xcb\x40\x04\x00\x00\x00\x00\x00\x00"s)), 2,
                 be64(0x4004000000000000ull));  // 2.5
  expect_success(apply('a', "echo", args1(str("hi"))), 3, "hi");
  expect_success(apply('a', "echo", args1("\xc3")), 17, std::string(1, '\1'));
  expect_success(apply('a', "echo", args1("\xc0")), 0, "");
  expect_success(apply('a', "echo"), 0, "");
  expect_success(apply('a', "echo", args1("\x92\x01" + str("a"))), 20, "\x92\x01" + str("a"));
  expect_success(apply('a', "echo", args1("\x81" + str("k") + "\x07")), 19,
                 "\x81" + str("k") + "\x07");
  expect_success(apply('a', "make_list"), 20,
                 "\x94\x01" + str("two") + "\xcb\x40\x0c\x00\x00\x00\x00\x00\x00\xc3"s);
  expect_success(apply('a', "make_map"), 19, "\x81" + str("a") + "\x01");
  expect_success(apply('a', "sum_list", args1("\x93\x01\x02\x03")), 1, be64(306));
  expect_success(apply('a', "map_get", "\x92\x81" + str("k") + "\x07" + str("k")), 1, be64(107));
  expect_success(apply('a', "bytes_size", args1(std::string("\xc4\x03\x04\x01\x02", 5))), 1,
                 be64(2));
  expect_success(apply('a', "make_bytes"), 4, std::string("A\0\0", 3));
  expect_success(apply('a', "logs"), 1, be64(7));
  // A UDF that only reads leaves no record behind.
  assert_int_equal(read_record('a').result_code, 2);
}

static void test_bin_writes(void**) {
  proto::Message m = apply('b', "put_bin", "\x92" + str("n") + "\x05");
  expect_success(m, 1, be64(0));  // aerospike:create's 0
  assert_int_equal(m.generation, 1);
  proto::Message r = read_record('b');
  assert_int_equal(r.result_code, 0);
  assert_int_equal(r.ops.size(), 1);
  assert_string_equal(r.ops[0].name.c_str(), "n");
  assert_memory_equal(r.ops[0].value.data(), be64(5).data(), 8);

  m = apply('b', "put_bin", "\x92" + str("s") + str("x"));
  expect_success(m, 1, be64(0));  // aerospike:update's 0
  assert_int_equal(m.generation, 2);
  expect_success(apply('b', "read_bin", args1(str("n"))), 1, be64(5));
  // Bins set without create/update are never written.
  m = apply('b', "set_only", "\x92" + str("n") + "\x09");
  expect_success(m, 1, be64(9));
  assert_int_equal(m.generation, 2);
  expect_success(apply('b', "read_bin", args1(str("n"))), 1, be64(5));
  expect_success(apply('b', "meta"), 20, "\x93\x02\x02\xc3");
  // nil removes a bin.
  m = apply('b', "put_bin", "\x92" + str("s") + "\xc0");
  assert_int_equal(m.generation, 3);
  assert_int_equal(read_record('b').ops.size(), 1);

  expect_success(apply('b', "remove_rec"), 1, be64(0));
  assert_int_equal(read_record('b').result_code, 2);
  // Nothing to remove: aerospike:remove answers 1 and nothing is written.
  expect_success(apply('b', "remove_rec"), 1, be64(1));
  expect_success(apply('b', "meta"), 20, "\x93\x00\x00\xc2"s);
}

static void test_ttl_and_key(void**) {
  const uint64_t before_ms = server_now_ms();
  proto::Message m = apply('t', "with_ttl", args1("\x64"));
  expect_success(m, 1, be64(0));
  const uint64_t after_ms = server_now_ms();
  const uint32_t now = server_now();
  // last_update_time is the write's millisecond since 2010, as the server keeps it.
  m = apply('t', "get_lut");
  assert_int_equal(m.result_code, 0);
  assert_in_range(proto::read_be_u64(answer_bin(m, "SUCCESS").value), before_ms, after_ms);
  assert_in_range(m.record_ttl, now + 98, now + 101);
  m = apply('t', "get_ttl");
  assert_int_equal(m.result_code, 0);
  assert_in_range(proto::read_be_u64(answer_bin(m, "SUCCESS").value), 98, 100);

  // A key sent with the create is stored (POLICY_KEY_SEND) and readable.
  proto::Message w = apply_msg('k', "put_bin", "\x92" + str("n") + "\x01");
  w.fields.push_back({static_cast<uint8_t>(proto::FieldType::kKey), "\x03key1"});
  expect_success(round_trip(w), 1, be64(0));
  expect_success(apply('k', "get_key"), 3, "key1");
  proto::Message other = apply_msg('k', "echo", "\x90");
  other.fields.push_back({static_cast<uint8_t>(proto::FieldType::kKey), "\x03key2"});
  assert_int_equal(round_trip(other).result_code, 19);  // KEY_MISMATCH
}

static void test_lua_errors(void**) {
  expect_failure(apply('e', "boom"), "/opt/aerospike/usr/udf/lua/udftest.lua:5: boom");
  expect_failure(apply('e', "bad_bin"),
                 "/opt/aerospike/usr/udf/lua/udftest.lua:8: can't set bin x to unsupported type");
  expect_failure(apply('e', "no_such_function"), "function not found");
  // An error value that is not a string: the server's fixed text.
  expect_failure(apply('e', "raise_table"), "result value type unexpected");
  expect_failure(apply('e', "raise_number"), "result value type unexpected");
  expect_failure(apply('e', "not_a_function"), "attempt to call a number value");
  expect_failure(round_trip(apply_msg('e', "echo", "\x90", "no_such_module")),
                 "UDF: Execution Error 1");
  // The loop fails at the message's server timeout with the server's text.
  proto::Message spin = apply_msg('e', "spin", "\x90");
  spin.transaction_ttl = 100;
  const auto start = std::chrono::steady_clock::now();
  expect_failure(round_trip(spin), "UDF Execution Timeout");
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  assert_in_range(ms, 100, 3000);
  assert_int_equal(read_record('e').result_code, 2);
}

// asim's sandbox: no UDF takes the simulator down with it.
static void test_sandbox(void**) {
  // A runaway allocator is stopped by a sandbox bound: memory in a plain
  // build; under ASan (whose allocator is far slower) the time bound can
  // come first, as a clean-clone run showed. Either way the call fails
  // with code 100 and asim answers afterwards.
  proto::Message hog = apply_msg('s', "hog", "\x90");
  hog.transaction_ttl = 30000;
  const proto::Message stopped = round_trip(hog);
  assert_int_equal(stopped.result_code, 100);
  const std::string why = answer_bin(stopped, "FAILURE").value;
  assert_true(why == "not enough memory" || why == "UDF Execution Timeout");
  proto::Message m = apply('s', "quit");
  assert_int_equal(m.result_code, 100);
  assert_non_null(std::strstr(answer_bin(m, "FAILURE").value.c_str(), "field 'exit'"));
  m = apply('s', "deep", args1("\xcd\x27\x10"));  // 10000 levels of Lua recursion are fine
  expect_success(m, 1, be64(10000));
  m = apply('s', "deep", args1("\xce\x00\x0f\x42\x40"s));  // a million overflow Lua's stack
  assert_int_equal(m.result_code, 100);
  assert_non_null(std::strstr(answer_bin(m, "FAILURE").value.c_str(), "stack overflow"));
  expect_success(apply('s', "echo", args1("\x07")), 1, be64(7));

  // A list holding itself is cut at the nesting bound; one sharing a list
  // 2^40 times exceeds the conversion budget and answers nil.
  m = apply('s', "cycle");
  assert_int_equal(m.result_code, 0);
  assert_int_equal(answer_bin(m, "SUCCESS").particle_type, 20);
  expect_success(apply('s', "blowup"), 0, "");

  // A module that guards its globals with a metatable on _G.
  const std::string strict =
      "function f(rec) return 1 end\n"
      "setmetatable(_G, {__index = function(_, k) error('no global ' .. k) end,\n"
      "                  __newindex = function() error('read-only') end})\n";
  assert_string_equal(info(put_command("strict.lua", strict)).c_str(), "ok");
  expect_success(round_trip(apply_msg('s', "f", "\x90", "strict")), 1, be64(1));
  expect_failure(round_trip(apply_msg('s', "g", "\x90", "strict")), "function not found");
  assert_string_equal(info("udf-remove:filename=strict.lua").c_str(), "ok");

  // Modules require registered modules, when registered and when run.
  assert_string_equal(
      info(put_command("lib.lua", "local M = {}\nfunction M.two() return 2 end\nreturn M\n"))
          .c_str(),
      "ok");
  assert_string_equal(
      info(put_command("user.lua",
                       "local lib = require('lib')\nfunction f(rec) return lib.two() end\n"))
          .c_str(),
      "ok");
  expect_success(round_trip(apply_msg('s', "f", "\x90", "user")), 1, be64(2));
}

static void test_bad_arguments_and_policies(void**) {
  // An arglist that does not unpack as a list gives the function no arguments.
  expect_success(apply('p', "echo", "\x93\x01"), 0, "");
  expect_success(apply('p', "echo", "\x81\x01\x02"), 0, "");
  expect_success(apply('p', "echo", std::string("\xdd\xff\xff\xff\xff", 5)), 0, "");
  std::string deep(100000, '\x91');
  expect_success(apply('p', "echo", deep), 0, "");
  // A huge string argument comes back whole.
  const std::string big(200000, 'z');
  std::string arg = "\x91\xdb";
  const uint32_t n = static_cast<uint32_t>(big.size() + 1);
  for (int s = 24; s >= 0; s -= 8) arg += static_cast<char>(n >> s);
  arg += '\x03' + big;
  expect_success(apply('p', "echo", arg), 3, big);

  // The server refuses generation and existence policies on a UDF.
  proto::Message m = apply_msg('p', "echo", "\x90");
  m.info2 |= proto::kInfo2Generation;
  assert_int_equal(round_trip(m).result_code, 4);
  m = apply_msg('p', "echo", "\x90");
  m.info2 |= proto::kInfo2CreateOnly;
  assert_int_equal(round_trip(m).result_code, 4);
  m = apply_msg('p', "echo", "\x90");
  m.info3 |= proto::kInfo3UpdateOnly;
  assert_int_equal(round_trip(m).result_code, 4);
  // Without its function or arglist field the message is malformed.
  m = apply_msg('p', "echo", "\x90");
  m.fields.pop_back();
  assert_int_equal(round_trip(m).result_code, 4);
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_register_list_get_remove),
      cmocka_unit_test(test_put_errors),
      cmocka_unit_test(test_arguments_and_returns),
      cmocka_unit_test(test_bin_writes),
      cmocka_unit_test(test_ttl_and_key),
      cmocka_unit_test(test_lua_errors),
      cmocka_unit_test(test_sandbox),
      cmocka_unit_test(test_bad_arguments_and_policies),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
