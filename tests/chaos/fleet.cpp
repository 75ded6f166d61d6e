#include "fleet.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>

namespace chaos {

Fleet::Fleet(WorkerSettings settings, int slots) : settings_(std::move(settings)), workers_(slots) {}

Fleet::~Fleet() {
  for (int slot = 0; slot < size(); ++slot) {
    if (workers_[slot].pid <= 0) continue;
    kill(workers_[slot].pid, SIGKILL);
    waitpid(workers_[slot].pid, nullptr, 0);
    release(slot);
  }
}

bool Fleet::start(int slot, uint64_t incarnation, uint64_t now_ms) {
  int commands[2];
  int answers[2];
  if (pipe2(commands, O_CLOEXEC) != 0) return false;
  if (pipe2(answers, O_CLOEXEC) != 0) {
    close(commands[0]);
    close(commands[1]);
    return false;
  }
  std::vector<std::string> args{settings_.program,
                                "--slot", std::to_string(slot),
                                "--board-fd", "3",
                                "--ledger-fd", "4",
                                "--incarnation", std::to_string(incarnation),
                                "--key", std::to_string(settings_.key),
                                "--tend-ms", std::to_string(settings_.tend_ms),
                                "--threshold-sec", std::to_string(settings_.threshold_sec)};
  for (uint16_t port : settings_.seed_ports) {
    args.push_back("--seed-port");
    args.push_back(std::to_string(port));
  }
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid == 0) {
    // Workers die with the driver, so a driver killed by ctest's timeout
    // leaves no client attached to the segment. Async-signal-safe only.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);
    signal(SIGPIPE, SIG_DFL);
    dup2(commands[0], STDIN_FILENO);
    dup2(answers[1], STDOUT_FILENO);
    // The board as fd 3 and the ledger as fd 4, by way of copies above
    // both, so neither can overwrite the other; dup2 clears close-on-exec.
    const int board = fcntl(settings_.board_fd, F_DUPFD_CLOEXEC, 10);
    const int ledger = fcntl(settings_.ledger_fd, F_DUPFD_CLOEXEC, 10);
    if (board < 0 || ledger < 0 || dup2(board, 3) != 3 || dup2(ledger, 4) != 4) _exit(127);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(commands[0]);
  close(answers[1]);
  if (pid < 0) {
    close(commands[1]);
    close(answers[0]);
    return false;
  }
  fcntl(answers[0], F_SETFL, O_NONBLOCK);
  WorkerProcess& w = workers_[slot];
  w = WorkerProcess{};
  w.pid = pid;
  w.commands = commands[1];
  w.answers = answers[0];
  w.running_since_ms = now_ms;
  return true;
}

std::vector<pid_t> Fleet::pids() const {
  std::vector<pid_t> out;
  for (const auto& w : workers_)
    if (w.pid > 0) out.push_back(w.pid);
  return out;
}

void Fleet::send(int slot, const std::string& line) {
  WorkerProcess& w = workers_[slot];
  if (w.pid <= 0 || w.commands < 0) return;
  const std::string out = line + "\n";
  // A dead reader gives EPIPE (SIGPIPE is ignored); its exit is reaped.
  (void)!write(w.commands, out.data(), out.size());
}

void Fleet::kill9(int slot) {
  WorkerProcess& w = workers_[slot];
  if (w.pid <= 0) return;
  w.kill_sent = true;
  kill(w.pid, SIGKILL);
}

void Fleet::stop(int slot, uint64_t resume_at_ms) {
  WorkerProcess& w = workers_[slot];
  kill(w.pid, SIGSTOP);
  w.stopped = true;
  w.resume_at_ms = resume_at_ms;
}

void Fleet::resume(int slot, uint64_t now_ms) {
  WorkerProcess& w = workers_[slot];
  kill(w.pid, SIGCONT);
  w.stopped = false;
  w.running_since_ms = now_ms;
}

std::vector<Answer> Fleet::collect(int wait_ms) {
  std::vector<pollfd> fds;
  std::vector<int> slots;
  for (int slot = 0; slot < size(); ++slot) {
    if (workers_[slot].answers < 0) continue;
    fds.push_back(pollfd{workers_[slot].answers, POLLIN, 0});
    slots.push_back(slot);
  }
  std::vector<Answer> out;
  if (poll(fds.data(), fds.size(), wait_ms) <= 0) return out;
  for (size_t i = 0; i < fds.size(); ++i) {
    if (!(fds[i].revents & (POLLIN | POLLHUP))) continue;
    WorkerProcess& w = workers_[slots[i]];
    char buffer[4096];
    const ssize_t n = read(w.answers, buffer, sizeof(buffer));
    if (n == 0) {
      // End of its answers (it exited); its status comes from reap().
      close(w.answers);
      w.answers = -1;
      continue;
    }
    if (n < 0) continue;
    w.partial.append(buffer, static_cast<size_t>(n));
    for (size_t newline; (newline = w.partial.find('\n')) != std::string::npos;) {
      out.push_back(Answer{slots[i], w.partial.substr(0, newline)});
      w.partial.erase(0, newline + 1);
    }
  }
  return out;
}

std::vector<Exit> Fleet::reap() {
  std::vector<Exit> out;
  for (int slot = 0; slot < size(); ++slot) {
    WorkerProcess& w = workers_[slot];
    if (w.pid <= 0) continue;
    int status = 0;
    if (waitpid(w.pid, &status, WNOHANG) != w.pid) continue;
    out.push_back(Exit{slot, w, status});
    release(slot);
  }
  return out;
}

void Fleet::release(int slot) {
  WorkerProcess& w = workers_[slot];
  if (w.commands >= 0) close(w.commands);
  if (w.answers >= 0) close(w.answers);
  w = WorkerProcess{};
}

std::string describe_status(int status) {
  if (WIFSIGNALED(status))
    return "killed by signal " + std::to_string(WTERMSIG(status)) + " (" + strsignal(WTERMSIG(status)) + ")";
  if (WIFEXITED(status)) return "exit status " + std::to_string(WEXITSTATUS(status));
  return "status " + std::to_string(status);
}

}  // namespace chaos
