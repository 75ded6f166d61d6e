#include "options.h"

#include <algorithm>
#include <charconv>
#include <iterator>

namespace asim {
namespace {

using aeroshim::Result;
using aeroshim::Status;

bool parse_int(const std::string& text, long min, long max, long& out) {
  const char* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && p == end && !text.empty() && out >= min && out <= max;
}

Status bad(const std::string& flag, const std::string& value, const char* why) {
  return Status::error(AEROSPIKE_ERR_PARAM, "{} {}: {}", flag, value, why);
}

}  // namespace

Result<NamespaceSpec> parse_namespace(const std::string& spec) {
  NamespaceSpec ns;
  const auto first = spec.find(':');
  ns.name = spec.substr(0, first);
  if (ns.name.empty() || ns.name.size() >= 32)
    return bad("--namespace", spec, "the name must have 1 to 31 characters");
  for (char c : ns.name)
    if (c == ';' || c == ',' || c == ':' || c == '\t' || c == '\n' || c == ' ')
      return bad("--namespace", spec, "the name may not contain ; , : or blanks");
  if (first == std::string::npos) return ns;
  const auto second = spec.find(':', first + 1);
  long rf = 0;
  if (!parse_int(spec.substr(first + 1, second - first - 1), 1, 3, rf))
    return bad("--namespace", spec, "the replication factor must be 1, 2 or 3");
  ns.replication_factor = static_cast<int>(rf);
  if (second == std::string::npos) return ns;
  if (spec.substr(second + 1) != "sc") return bad("--namespace", spec, "the only mode is 'sc'");
  ns.strong_consistency = true;
  return ns;
}

Result<Options> parse_options(const std::vector<std::string>& args) {
  Options o;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    if (flag == "--help" || flag == "-h") {
      o.help = true;
      continue;
    }
    static const char* const kValueFlags[] = {"--nodes", "--port", "--namespace", "--cluster-name", "--build", "--duration", "--record"};
    if (std::find(std::begin(kValueFlags), std::end(kValueFlags), flag) == std::end(kValueFlags))
      return Status::error(AEROSPIKE_ERR_PARAM, "unknown flag {}", flag);
    if (i + 1 >= args.size()) return Status::error(AEROSPIKE_ERR_PARAM, "{} needs a value", flag);
    const std::string& value = args[++i];
    long n = 0;
    if (flag == "--nodes") {
      if (!parse_int(value, 1, 64, n)) return bad(flag, value, "must be 1 to 64");
      o.nodes = static_cast<int>(n);
    } else if (flag == "--port") {
      if (!parse_int(value, 0, 65535, n)) return bad(flag, value, "must be 0 to 65535");
      o.port = static_cast<uint16_t>(n);
    } else if (flag == "--namespace") {
      auto ns = parse_namespace(value);
      if (!ns) return ns.status();
      for (const auto& existing : o.namespaces)
        if (existing.name == ns->name) return bad(flag, value, "namespace given twice");
      if (o.namespaces.size() >= 32) return bad(flag, value, "at most 32 namespaces");
      o.namespaces.push_back(*ns);
    } else if (flag == "--cluster-name") {
      if (value.empty() || value.size() > 64 || value.find_first_of("\t\n;") != std::string::npos)
        return bad(flag, value, "must be 1 to 64 characters without tab, newline or ';'");
      o.cluster_name = value;
    } else if (flag == "--build") {
      if (value.empty() || value.size() > 32 || value.find_first_of("\t\n") != std::string::npos)
        return bad(flag, value, "must be a version like 8.1.0.1");
      o.build = value;
    } else if (flag == "--duration") {
      if (!parse_int(value, 1, 7 * 24 * 3600, n)) return bad(flag, value, "must be 1 to 604800 seconds");
      o.duration_sec = static_cast<int>(n);
    } else if (flag == "--record") {
      if (value.empty()) return bad(flag, value, "must name a file");
      o.record_path = value;
    }
  }
  if (o.port != 0 && o.port + o.nodes - 1 > 65535)
    return Status::error(AEROSPIKE_ERR_PARAM, "--port {} with --nodes {} runs past port 65535", o.port, o.nodes);
  if (o.namespaces.empty()) o.namespaces.push_back(NamespaceSpec{"test", 2, false});
  return o;
}

std::string usage() {
  return R"(usage: asim [--nodes N] [--port P] [--namespace NAME[:RF[:sc]]]... [--cluster-name NAME]
            [--build VERSION] [--duration SECONDS] [--record FILE]

An Aerospike cluster simulator on 127.0.0.1: N nodes on ports P..P+N-1 speaking
the info protocol and single-record messages. Prints one line
"asim ready 127.0.0.1:P,..." when every node listens; exits on SIGTERM, SIGINT
or after --duration.

  --nodes N            nodes to start, 1..64 (default 3)
  --port P             first port (default 3000); 0 gives every node an ephemeral port
  --namespace SPEC     NAME[:RF[:sc]], replication factor 1..3 (default 2), 'sc' for
                       strong consistency; repeatable (default test:2)
  --cluster-name NAME  answered to 'cluster-name' (default asim)
  --build VERSION      answered to 'build' (default 8.1.0.1)
  --duration SECONDS   exit after this long (default: run until signalled)
  --record FILE        append every data request (frame types 3 and 4) any node
                       receives to FILE, one line of lowercase hex per frame
  --help               this text

Control names, sent as info requests to any node (see tools/asim/README.md):
  asim-add-node                     start a new node; answers its port
  asim-stop-node:port=P             close node P's listener and connections
  asim-start-node:port=P            restart a stopped node
  asim-rebalance                    move partitions, bump generations
  asim-bump-partition-gen:port=P    bump one node's partition-generation only
  asim-bump-peers-gen[:port=P]      bump peers-generation (one node or all)
  asim-set-rack:port=P;rack=R[;ns=NS]
                                    set a node's rack id (every namespace, or NS only)
  asim-set-build:build=V[;port=P]   change the build string (one node or all)
  asim-stats                        per-node request counts by info name and data commands
  asim-stats-reset                  zero every count
  asim-ownership:ns=NS              partition owners, one entry per partition
)";
}

}  // namespace asim
