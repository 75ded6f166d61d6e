// Status stays cheap on the paths that succeed: an OK or message-less Status,
// and a Result holding a value, never touch the heap. The allocations are
// counted with a replaced global operator new. An error with a message does
// allocate (which shows the counter sees the library's allocations) and keeps
// the site that created it. Then the entry guard that carries a Status into
// as_error: which site it reports, and how it turns each kind of exception
// into a message (reporting out of memory without allocating).
#include "core/error.h"
#include "core/status.h"

#include "cmocka_cxx.h"

#include <boost/interprocess/exceptions.hpp>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>
#include <utility>

using aeroshim::Result;
using aeroshim::Status;

static std::atomic<long> g_allocations{0};

// All out of line: inlined, GCC pairs the malloc() and free() inside them
// across the test and warns of a mismatch that is not one.
[[gnu::noinline]] void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* block = std::malloc(size == 0 ? 1 : size)) return block;
  throw std::bad_alloc();
}
[[gnu::noinline]] void* operator new[](std::size_t size) { return operator new(size); }
[[gnu::noinline]] void operator delete(void* block) noexcept { std::free(block); }
[[gnu::noinline]] void operator delete[](void* block) noexcept { std::free(block); }
[[gnu::noinline]] void operator delete(void* block, std::size_t) noexcept { std::free(block); }
[[gnu::noinline]] void operator delete[](void* block, std::size_t) noexcept { std::free(block); }

static long allocations() { return g_allocations.load(std::memory_order_relaxed); }

static bool ends_with(const char* text, const char* suffix) {
  size_t n = std::strlen(text);
  size_t m = std::strlen(suffix);
  return n >= m && std::strcmp(text + n - m, suffix) == 0;
}

// A code plus one pointer: what every function that succeeds returns.
static_assert(sizeof(Status) == sizeof(void*) + sizeof(void*), "Status grew beyond a code and a pointer");

// Kept out of line so the compiler cannot fold the statuses away.
[[gnu::noinline]] static Status pass_through(Status status) { return status; }

static void test_ok_and_code_only_do_not_allocate(void**) {
  long before = allocations();
  Status ok = Status::ok();
  Status timeout(AEROSPIKE_ERR_TIMEOUT);
  Status empty_text(AEROSPIKE_ERR_PARAM, std::string());
  Status copy = timeout;
  Status moved = pass_through(std::move(copy));
  copy = ok;
  Result<int> value = 7;
  Result<int> failed = pass_through(Status(AEROSPIKE_ERR_CLIENT));
  bool all_as_expected = ok.is_ok() && bool(ok) && ok.message().empty() && !ok.site().known() &&
                         moved.code() == AEROSPIKE_ERR_TIMEOUT && moved.message().empty() &&
                         !timeout.is_ok() && empty_text.code() == AEROSPIKE_ERR_PARAM &&
                         !empty_text.site().known() && value.is_ok() && *value == 7 &&
                         !failed.is_ok() && failed.status().code() == AEROSPIKE_ERR_CLIENT;
  long after = allocations();
  assert_true(all_as_expected);
  assert_int_equal(after - before, 0);
}

static void test_error_with_message_allocates_and_knows_its_site(void**) {
  long before = allocations();
  unsigned line = __LINE__ + 1;
  Status status = Status::error(AEROSPIKE_ERR_PARAM, "port {} is invalid", 0);
  assert_true(allocations() > before);
  assert_int_equal(status.code(), AEROSPIKE_ERR_PARAM);
  assert_string_equal(status.message().c_str(), "port 0 is invalid");
  assert_true(status.site().known());
  assert_string_equal(status.site().func, "test_error_with_message_allocates_and_knows_its_site");
  assert_true(ends_with(status.site().file, "tests/status_test.cpp"));
  assert_int_equal(status.site().line, line);

  Status copy = pass_through(status);
  assert_string_equal(copy.message().c_str(), "port 0 is invalid");
  assert_int_equal(copy.site().line, line);
  assert_string_equal(("ERROR::" + copy.message()).c_str(), "ERROR::port 0 is invalid");
  assert_string_equal(fmt::format("[{}]", copy.message()).c_str(), "[port 0 is invalid]");
}

static void test_constructed_with_text_knows_its_site(void**) {
  unsigned line = __LINE__ + 1;
  Status status(AEROSPIKE_ERR_CLIENT, "no answer");
  Result<int> failed = status;
  assert_string_equal(failed.status().message().c_str(), "no answer");
  assert_int_equal(failed.status().site().line, line);
  assert_true(ends_with(failed.status().site().file, "tests/status_test.cpp"));
}

// A failed guard as a C caller sees it: code, exact text, and the site.
static void assert_error(const as_error& err, as_status code, const char* message, unsigned line) {
  assert_int_equal(err.code, code);
  assert_string_equal(err.message, message);
  assert_non_null(err.file);
  assert_true(ends_with(err.file, "tests/status_test.cpp"));
  assert_int_equal(err.line, line);
}

static void test_guard_reports_the_site(void**) {
  using aeroshim::guard;
  as_error err;
  const char* stale = "stale";
  as_error_update(&err, AEROSPIKE_ERR_TIMEOUT, "%s", stale)
  assert_int_equal(guard(&err, {}, [] { return Status::ok(); }), AEROSPIKE_OK);
  assert_string_equal(err.message, "");
  assert_null(err.func);
  assert_null(err.file);
  assert_int_equal(err.line, 0);

  // A Status without a site: the guard's caller is the site.
  unsigned line = __LINE__ + 1;
  assert_int_equal(guard(&err, {}, [] { return Status(AEROSPIKE_ERR_TIMEOUT); }), AEROSPIKE_ERR_TIMEOUT);
  assert_error(err, AEROSPIKE_ERR_TIMEOUT, "", line);
  assert_string_equal(err.func, "test_guard_reports_the_site");

  // A Status with a site: where it was made, not where it was guarded.
  unsigned made = __LINE__ + 1;
  Status late = Status::error(AEROSPIKE_ERR_TIMEOUT, "late by {} ms", 5);
  assert_int_equal(guard(&err, {}, [&] { return late; }), AEROSPIKE_ERR_TIMEOUT);
  assert_error(err, AEROSPIKE_ERR_TIMEOUT, "late by 5 ms", made);

  // A missing argument is named, and the body does not run.
  int* absent = nullptr;
  bool ran = false;
  line = __LINE__ + 1;
  as_status status = guard(&err, {{&ran, "ran"}, {absent, "absent"}}, [&] { ran = true; return Status::ok(); });
  assert_int_equal(status, AEROSPIKE_ERR_PARAM);
  assert_error(err, AEROSPIKE_ERR_PARAM, "test_guard_reports_the_site: absent is NULL", line);
  assert_false(ran);

  // A NULL err still gets the code back.
  assert_int_equal(guard(nullptr, {}, [] { return Status(AEROSPIKE_ERR_PARAM); }), AEROSPIKE_ERR_PARAM);
}

static void test_guard_converts_exceptions(void**) {
  using aeroshim::guard;
  as_error err;
  long before = allocations();
  unsigned line = __LINE__ + 1;
  as_status status = guard(&err, {}, []() -> Status { throw std::bad_alloc(); });
  long after = allocations();
  assert_int_equal(status, AEROSPIKE_ERR_CLIENT);
  assert_error(err, AEROSPIKE_ERR_CLIENT, "out of memory", line);
  assert_string_equal(err.func, "test_guard_converts_exceptions");
  assert_int_equal(after - before, 0);

  line = __LINE__ + 1;
  status = guard(&err, {}, []() -> Status { throw std::runtime_error("boom"); });
  assert_int_equal(status, AEROSPIKE_ERR_CLIENT);
  assert_error(err, AEROSPIKE_ERR_CLIENT, "internal error: boom", line);

  line = __LINE__ + 1;
  status = guard(&err, {}, []() -> Status { throw 42; });
  assert_error(err, AEROSPIKE_ERR_CLIENT, "internal error: unknown exception", line);

  namespace bip = boost::interprocess;
  status = guard(&err, {}, []() -> Status { throw bip::interprocess_exception(bip::error_info(ENOENT)); });
  assert_int_equal(status, AEROSPIKE_ERR_CLIENT);
  assert_non_null(std::strstr(err.message, "shared memory: "));
  assert_non_null(std::strstr(err.message, "(errno 2)"));

  // Without an as_error the fallback comes back.
  int* absent = nullptr;
  assert_int_equal(aeroshim::guard_value(-1, {}, []() -> int { throw std::bad_alloc(); }), -1);
  assert_int_equal(aeroshim::guard_value(-1, {{absent, "absent"}}, [] { return 1; }), -1);
  assert_int_equal(aeroshim::guard_value(-1, {}, [] { return 1; }), 1);
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_ok_and_code_only_do_not_allocate),
      cmocka_unit_test(test_error_with_message_allocates_and_knows_its_site),
      cmocka_unit_test(test_constructed_with_text_knows_its_site),
      cmocka_unit_test(test_guard_reports_the_site),
      cmocka_unit_test(test_guard_converts_exceptions),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
