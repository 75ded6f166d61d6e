#include "query/scan.h"
#include "query/serial.h"
#include "query/serial_sections.h"

#include <citrusleaf/alloc.h>

namespace aeroshim {
namespace {

bool write_scan(SerialWriter& out, const as_scan& scan) {
  out.text(scan.ns);
  out.text(scan.set);
  write_bins(out, scan.select.entries, scan.select.size);
  write_udf(out, scan.apply_each);
  write_operations(out, scan.ops);
  write_partitions(out, scan.parts_all);
  out.uint(scan.ttl);
  out.boolean(scan.paginate);
  out.boolean(scan.no_bins);
  out.boolean(scan.concurrent);
  out.boolean(scan.deserialize_list_map);
  return true;
}

bool read_scan(SerialReader& in, as_scan* scan) {
  if (!in.text(scan->ns, AS_NAMESPACE_MAX_SIZE) || !in.text(scan->set, AS_SET_MAX_SIZE) ||
      !read_bins(in, scan->select) || !read_udf(in, scan->apply_each) ||
      !read_operations(in, &scan->ops) || !read_partitions(in, &scan->parts_all))
    return false;
  uint64_t ttl = 0;
  if (!in.uint(&ttl)) return false;
  scan->ttl = static_cast<uint32_t>(ttl);
  return in.boolean(&scan->paginate) && in.boolean(&scan->no_bins) &&
         in.boolean(&scan->concurrent) && in.boolean(&scan->deserialize_list_map);
}

}  // namespace

bool scan_to_bytes(const as_scan* scan, uint8_t** bytes, uint32_t* bytes_size) noexcept {
  if (scan == nullptr || bytes == nullptr || bytes_size == nullptr) return false;
  return pack_in_two_passes([&](SerialWriter& out) { return write_scan(out, *scan); }, bytes,
                            bytes_size);
}

bool scan_from_bytes(as_scan* scan, const uint8_t* bytes, uint32_t bytes_size) noexcept {
  if (scan == nullptr) return false;
  scan_setup(scan, false, "", "");
  SerialReader in(bytes, bytes_size);
  if (read_scan(in, scan)) return true;
  scan_destroy(scan);
  return false;
}

as_scan* scan_from_bytes_new(const uint8_t* bytes, uint32_t bytes_size) noexcept {
  auto* scan = static_cast<as_scan*>(cf_malloc(sizeof(as_scan)));
  if (scan == nullptr) return nullptr;
  if (!scan_from_bytes(scan, bytes, bytes_size)) {
    cf_free(scan);
    return nullptr;
  }
  scan->_free = true;
  return scan;
}

}  // namespace aeroshim
