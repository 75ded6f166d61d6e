// Where violations go: one line each on stderr with the run time, preceded
// for the first few by the driver's recent actions (the context needed to
// understand them), and a count that decides the exit status.
#pragma once

#include <cstdint>
#include <cstdio>
#include <deque>
#include <string>

namespace chaos {

class Report {
 public:
  explicit Report(uint64_t start_ms) : start_ms_(start_ms) {}

  // An action of the driver or a change it saw, kept for context.
  void event(uint64_t now_ms, const std::string& what) {
    recent_.push_back(stamp(now_ms) + " " + what);
    if (recent_.size() > kRecent) recent_.pop_front();
  }

  void violation(uint64_t now_ms, const std::string& what) {
    ++violations_;
    if (violations_ <= kWithContext) {
      std::fprintf(stderr, "recent events before the next violation:\n");
      for (const auto& line : recent_) std::fprintf(stderr, "  %s\n", line.c_str());
    }
    // A crash loop would otherwise bury the first, telling, reports.
    if (violations_ <= kPrinted) std::fprintf(stderr, "VIOLATION at %s: %s\n", stamp(now_ms).c_str(), what.c_str());
    if (violations_ == kPrinted) std::fprintf(stderr, "(further violations are counted, not printed)\n");
  }
  uint64_t violations() const { return violations_; }

 private:
  static constexpr uint64_t kPrinted = 100;
  static constexpr uint64_t kWithContext = 5;
  static constexpr size_t kRecent = 30;

  std::string stamp(uint64_t now_ms) const {
    char text[32];
    std::snprintf(text, sizeof(text), "%.3f s", (now_ms - start_ms_) / 1000.0);
    return text;
  }

  uint64_t start_ms_;
  uint64_t violations_ = 0;
  std::deque<std::string> recent_;
};

}  // namespace chaos
