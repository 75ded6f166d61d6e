// libFuzzer target for the info codecs: bytes a server (or anything posing
// as one) can send must never crash a parser, and whatever a parser accepts
// must survive its formatter unchanged.
#include "info/info_error.h"
#include "info/info_text.h"
#include "info/peers.h"
#include "info/replicas.h"
#include "info/server_version.h"
#include "info/tend_answers.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace aeroshim;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);

  // Seeds are whole info bodies, so values reach the parsers as the tender
  // would pass them; the raw input is fed too so mutations of a bare value
  // are not wasted on breaking the line structure.
  InfoResponse response = parse_info_response(input);
  for (const auto& [name, value] : response.entries) {
    (void)is_info_error(value);
    (void)parse_peers(value);
    (void)parse_replicas(value);
    (void)parse_rack_ids(value);
    (void)parse_generation(response, name);
    (void)parse_server_version(value);
  }
  (void)parse_node_name(response);
  (void)find_info_error(input);
  (void)parse_rack_ids(input);
  std::string single(input);  // NUL-terminated and writable, as the C API receives it
  char* value = nullptr;
  if (split_single_response(single.data(), &value) == AEROSPIKE_OK &&
      (value < single.data() || value > single.data() + single.size()))
    abort();

  auto peers = parse_peers(input);
  if (peers.is_ok()) {
    auto again = parse_peers(format_peers(*peers));
    if (!again.is_ok() || !(*again == *peers)) abort();
  }
  auto replicas = parse_replicas(input);
  if (replicas.is_ok()) {
    auto again = parse_replicas(format_replicas(*replicas));
    if (!again.is_ok() || again->size() != replicas->size()) abort();
    for (size_t i = 0; i < replicas->size(); ++i) {
      const ReplicasUpdate& a = (*replicas)[i];
      const ReplicasUpdate& b = (*again)[i];
      if (a.ns != b.ns || a.regime != b.regime || a.replica_count != b.replica_count) abort();
      for (uint32_t r = 0; r < a.replica_count; ++r) {
        if (a.bitmaps[r] != b.bitmaps[r]) abort();
      }
    }
  }
  return 0;
}
