// Parsing the command line, and the usage text that documents it.
#include "options.h"

#include "exit_codes.h"
#include "key.h"

#include <fmt/format.h>

#include <optional>
#include <string_view>

namespace asshm {

const char kUsage[] =
    "usage: asshm status [--key K] [--tend-interval MS] [--json]\n"
    "       asshm partitions --ns NS [--key K] [--json]\n"
    "       asshm list [--tend-interval MS] [--json]\n"
    "       asshm rm --key K [--force] [--json]\n"
    "       asshm --help\n"
    "\n"
    "status      owner, liveness, tend age, nodes, namespaces and the verdict of one segment\n"
    "partitions  'PARTITION REPLICA NODE-NAME' per partition and replica index below the\n"
    "            namespace's replication factor, '-' where no node owns it\n"
    "list        every segment (foreign ones marked), owner and verdict of each cluster\n"
    "            segment, and the orphaned aeroshim lock files\n"
    "rm          removes a cluster segment nobody is attached to, and its lock file; or an\n"
    "            orphaned lock file alone. --force also removes a segment that is attached,\n"
    "            corrupt, or not a cluster segment at all\n"
    "\n"
    "K, the shm_key (default 0xA5000000 for status and partitions):\n"
    "  0x and 1-8 hex digits (0xA5000000); exactly 8 hex digits as in lock file names\n"
    "  (A5000000; 12345678 is also read as hex); otherwise decimal (2768240640, or\n"
    "  negative as /proc/sysvipc/shm prints it). Never octal; 0 and values past 32 bits\n"
    "  are refused.\n"
    "MS, the clients' tender_interval (default 1000): a live owner that has not tended\n"
    "  for more than two intervals is STALE.\n"
    "\n"
    "verdicts (status, list): OK, DEGRADED, CORRUPT, ORPHANED, STARTING, NOT READY,\n"
    "  NO OWNER, OWNER GONE, STALE, NO NODES (see tools/asshm/README.md)\n"
    "errors go to stderr; with --json an {\"error\":{\"code\",\"kind\",\"message\"}} object\n"
    "also goes to stdout.\n"
    "\n"
    "exit codes:\n"
    "  0   status: OK; other commands: done\n"
    "  1   no such segment, not a cluster segment, cannot attach, corrupt map or unknown\n"
    "      namespace (partitions), rm refused or failed\n"
    "  2   status: not tended (CORRUPT, ORPHANED, STARTING, NOT READY, NO OWNER,\n"
    "      OWNER GONE, STALE, NO NODES)\n"
    "  3   status: DEGRADED, tended but some partition of some namespace has no master\n"
    "  64  bad usage: unknown command or flag, missing or malformed value\n";

namespace {

Failure usage_failure(std::string message) {
  return Failure{kExitUsage, "usage", std::move(message) + " (asshm --help for usage)"};
}

constexpr uint32_t kMaxTendIntervalMs = 3600000;

std::optional<uint32_t> parse_interval(std::string_view text) {
  if (text.empty() || text.size() > 7) return std::nullopt;
  uint32_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<uint32_t>(c - '0');
  }
  if (value == 0 || value > kMaxTendIntervalMs) return std::nullopt;
  return value;
}

// The flags each command takes.
bool takes(const std::string& command, std::string_view flag) {
  if (flag == "--json") return true;
  if (flag == "--key") return command == "status" || command == "partitions" || command == "rm";
  if (flag == "--tend-interval") return command == "status" || command == "list";
  if (flag == "--ns") return command == "partitions";
  if (flag == "--force") return command == "rm";
  return false;
}

bool has_value(std::string_view flag) {
  return flag == "--key" || flag == "--ns" || flag == "--tend-interval";
}

}  // namespace

bool wants_json(int argc, char** argv) {
  for (int i = 1; i < argc; i++) {
    if (std::string_view(argv[i]) == "--json") return true;
  }
  return false;
}

namespace {

// Stores the value of a flag that takes one; a failure when it is malformed.
std::optional<Failure> apply_value(Options& options, std::string_view flag,
                                   std::string_view value) {
  if (flag == "--key") {
    std::string error;
    std::optional<int> key = parse_key(value, error);
    if (!key) return usage_failure("--key " + error);
    options.key = *key;
    options.key_given = true;
  } else if (flag == "--ns") {
    if (value.empty()) return usage_failure("--ns needs a namespace name");
    options.ns = std::string(value);
  } else {
    std::optional<uint32_t> interval = parse_interval(value);
    if (!interval) {
      return usage_failure(
          fmt::format("--tend-interval '{}' is not a tend interval: milliseconds, 1 to {}", value,
                      kMaxTendIntervalMs));
    }
    options.tend_interval_ms = *interval;
  }
  return std::nullopt;
}

// The flags after the command, from argv[2] on.
std::optional<Failure> parse_flags(Options& options, int argc, char** argv) {
  for (int i = 2; i < argc; i++) {
    std::string_view flag = argv[i];
    std::optional<std::string_view> value;
    if (size_t equals = flag.find('=');
        flag.substr(0, 2) == "--" && equals != std::string_view::npos) {
      value = flag.substr(equals + 1);
      flag = flag.substr(0, equals);
    }
    if (!takes(options.command, flag)) {
      return usage_failure(
          has_value(flag) || flag == "--force"
              ? fmt::format("{} does not take {}", options.command, flag)
              : fmt::format("unknown argument '{}' for {}", argv[i], options.command));
    }
    if (!has_value(flag)) {
      if (value) return usage_failure(fmt::format("{} takes no value", flag));
      (flag == "--json" ? options.json : options.force) = true;
      continue;
    }
    if (!value) {
      if (i + 1 >= argc) return usage_failure(fmt::format("{} needs a value", flag));
      value = std::string_view(argv[++i]);
    }
    if (std::optional<Failure> failure = apply_value(options, flag, *value)) return failure;
  }
  return std::nullopt;
}

}  // namespace

std::variant<Options, Failure> parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; i++) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h" || (i == 1 && arg == "help")) {
      options.command = "help";
      return options;
    }
  }
  if (argc < 2) return usage_failure("no command given");
  options.command = argv[1];
  if (options.command != "status" && options.command != "partitions" && options.command != "list" &&
      options.command != "rm") {
    return usage_failure(fmt::format("unknown command '{}'", options.command));
  }
  if (std::optional<Failure> failure = parse_flags(options, argc, argv)) return *failure;
  if (options.command == "partitions" && options.ns.empty()) {
    return usage_failure("partitions needs --ns NS");
  }
  if (options.command == "rm" && !options.key_given) {
    return usage_failure("rm needs --key K (it never assumes the default key)");
  }
  return options;
}

}  // namespace asshm
