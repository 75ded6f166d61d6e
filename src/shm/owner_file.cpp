// The lock file: open (0666 regardless of umask), OFD locks, pid record.
#include "shm/owner_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace aeroshim::shm {

namespace {

struct flock whole_file(short type) {
  struct flock lock {};
  lock.l_type = type;
  lock.l_whence = SEEK_SET;
  lock.l_start = 0;
  lock.l_len = 0;  // to the end of the file, however long it grows
  return lock;
}

}  // namespace

std::string OwnerFile::path_for(int key) {
  return fmt::format("/dev/shm/aeroshim-{:08X}.owner", static_cast<unsigned>(key));
}

Result<OwnerFile> OwnerFile::open(int key) {
  std::string path = path_for(key);
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0) {
    return Status::error(AEROSPIKE_ERR_CLIENT,
                         "shm_key 0x{:08X}: cannot open the ownership lock file {}: {}; it must "
                         "be writable by every client user (mode 0666)",
                         static_cast<unsigned>(key), path, std::strerror(errno));
  }
  // Every user sharing the segment (mode 0666) must be able to lock it too;
  // fails harmlessly when another user created it.
  fchmod(fd, 0666);
  return OwnerFile(fd, key);
}

OwnerFile::OwnerFile(OwnerFile&& other) noexcept : fd_(other.fd_), key_(other.key_) {
  other.fd_ = -1;
}

OwnerFile& OwnerFile::operator=(OwnerFile&& other) noexcept {
  if (this != &other) {
    close();
    fd_ = other.fd_;
    key_ = other.key_;
    other.fd_ = -1;
  }
  return *this;
}

OwnerFile::~OwnerFile() { close(); }

bool OwnerFile::try_lock() {
  for (;;) {
    struct flock lock = whole_file(F_WRLCK);
    if (fd_ < 0 || fcntl(fd_, F_OFD_SETLK, &lock) != 0) return false;
    if (still_linked()) return true;
    if (!reopen()) return false;
  }
}

bool OwnerFile::lock_blocking() {
  for (;;) {
    struct flock lock = whole_file(F_WRLCK);
    if (fd_ < 0 || fcntl(fd_, F_OFD_SETLKW, &lock) != 0) return false;
    if (still_linked()) return true;
    if (!reopen()) return false;
  }
}

bool OwnerFile::still_linked() const {
  // The last process of a key removes the file with the segment; a lock
  // taken on the removed file would exclude nobody who opens the new one.
  struct stat held {};
  struct stat named {};
  return fstat(fd_, &held) == 0 && held.st_nlink > 0 && stat(path_for(key_).c_str(), &named) == 0 &&
         named.st_ino == held.st_ino && named.st_dev == held.st_dev;
}

bool OwnerFile::reopen() {
  Result<OwnerFile> fresh = open(key_);
  if (!fresh) return false;
  *this = std::move(fresh.value());
  return true;
}

void OwnerFile::remove(int key) { ::unlink(path_for(key).c_str()); }

void OwnerFile::unlock() {
  struct flock lock = whole_file(F_UNLCK);
  if (fd_ >= 0) fcntl(fd_, F_OFD_SETLK, &lock);
}

void OwnerFile::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

uint32_t OwnerFile::recorded_pid() const {
  char text[16] = {};
  if (fd_ < 0 || pread(fd_, text, sizeof(text) - 1, 0) <= 0) return 0;
  return static_cast<uint32_t>(std::strtoul(text, nullptr, 10));
}

void OwnerFile::record_pid(uint32_t pid) {
  // Fixed width, so a shorter pid never leaves digits of a longer one.
  std::string text = fmt::format("{:<11}\n", pid);
  if (fd_ >= 0 && pwrite(fd_, text.data(), text.size(), 0) < 0) {
    // A pid that cannot be recorded only costs the fast crash takeover.
  }
}

bool OwnerFile::held_by_someone(int key) {
  int fd = ::open(path_for(key).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct flock probe = whole_file(F_WRLCK);
  bool held = fcntl(fd, F_OFD_GETLK, &probe) == 0 && probe.l_type != F_UNLCK;
  ::close(fd);
  return held;
}

}  // namespace aeroshim::shm
