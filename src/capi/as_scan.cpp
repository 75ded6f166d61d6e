// extern "C" entry points of as_scan.h. A NULL scan (a crash in 7.4.0 for
// several of these) answers false or NULL.
#include "core/error.h"
#include "query/compare.h"
#include "query/scan.h"
#include "query/selection.h"
#include "query/serial.h"

#include <aerospike/as_scan.h>

using namespace aeroshim;

extern "C" {

as_scan* as_scan_init(as_scan* scan, const char* ns, const char* set) {
  return guard_value<as_scan*>(nullptr, {}, [&] { return scan_setup(scan, false, ns, set); });
}

as_scan* as_scan_new(const char* ns, const char* set) {
  return guard_value<as_scan*>(nullptr, {}, [&] { return scan_new(ns, set); });
}

void as_scan_destroy(as_scan* scan) {
  guard_void({}, [&] { scan_destroy(scan); });
}

bool as_scan_select_init(as_scan* scan, uint16_t n) {
  return guard_value(false, {{scan, "scan"}}, [&] { return selection_reserve(scan->select, n); });
}

bool as_scan_select(as_scan* scan, const char* bin) {
  return guard_value(false, {{scan, "scan"}}, [&] { return selection_add(scan->select, bin); });
}

bool as_scan_set_nobins(as_scan* scan, bool nobins) {
  return guard_value(false, {{scan, "scan"}}, [&] {
    scan->no_bins = nobins;
    return true;
  });
}

bool as_scan_set_concurrent(as_scan* scan, bool concurrent) {
  return guard_value(false, {{scan, "scan"}}, [&] {
    scan->concurrent = concurrent;
    return true;
  });
}

bool as_scan_apply_each(as_scan* scan, const char* module, const char* function, as_list* arglist) {
  return guard_value(false, {}, [&] { return scan_apply_each(scan, module, function, arglist); });
}

bool as_scan_to_bytes(const as_scan* scan, uint8_t** bytes, uint32_t* bytes_size) {
  return guard_value(false, {}, [&] { return scan_to_bytes(scan, bytes, bytes_size); });
}

bool as_scan_from_bytes(as_scan* scan, const uint8_t* bytes, uint32_t bytes_size) {
  return guard_value(false, {}, [&] { return scan_from_bytes(scan, bytes, bytes_size); });
}

as_scan* as_scan_from_bytes_new(const uint8_t* bytes, uint32_t bytes_size) {
  return guard_value<as_scan*>(nullptr, {}, [&] { return scan_from_bytes_new(bytes, bytes_size); });
}

bool as_scan_compare(as_scan* s1, as_scan* s2) {
  return guard_value(false, {}, [&] { return scans_equal(s1, s2); });
}

}  // extern "C"
