// Status stays cheap on the paths that succeed: an OK or message-less Status,
// and a Result holding a value, never touch the heap. The allocations are
// counted with a replaced global operator new. An error with a message does
// allocate (which shows the counter sees the library's allocations) and keeps
// the site that created it.
#include "core/status.h"

#include "cmocka_cxx.h"

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <utility>

using aeroshim::Result;
using aeroshim::Status;

static std::atomic<long> g_allocations{0};

void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* block = std::malloc(size == 0 ? 1 : size)) return block;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void operator delete(void* block) noexcept { std::free(block); }
void operator delete[](void* block) noexcept { std::free(block); }
void operator delete(void* block, std::size_t) noexcept { std::free(block); }
void operator delete[](void* block, std::size_t) noexcept { std::free(block); }

static long allocations() { return g_allocations.load(std::memory_order_relaxed); }

static bool ends_with(const char* text, const char* suffix) {
  size_t n = std::strlen(text);
  size_t m = std::strlen(suffix);
  return n >= m && std::strcmp(text + n - m, suffix) == 0;
}

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

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_ok_and_code_only_do_not_allocate),
      cmocka_unit_test(test_error_with_message_allocates_and_knows_its_site),
      cmocka_unit_test(test_constructed_with_text_knows_its_site),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
