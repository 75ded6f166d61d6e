#include "ops/udf_types.h"

#include "core/error.h"

#include <cstdlib>
#include <cstring>

namespace aeroshim {
namespace {

bool fits(const char* name, size_t max_length) { return !name || std::strlen(name) <= max_length; }

void copy_name(char* target, const char* name, int size) {
  if (name) {
    copy_truncated(target, name, size);
  } else {
    target[0] = '\0';
  }
}

}  // namespace

as_udf_call* udf_call_init(as_udf_call* call, const char* module, const char* function,
                           as_list* arglist, bool heap) noexcept {
  if (!fits(module, AS_UDF_MODULE_MAX_LEN) || !fits(function, AS_UDF_FUNCTION_MAX_LEN))
    return nullptr;
  if (heap) call = static_cast<as_udf_call*>(std::malloc(sizeof(as_udf_call)));
  if (!call) return nullptr;
  call->_free = heap;
  call->arglist = arglist;
  copy_name(call->module, module, sizeof call->module);
  copy_name(call->function, function, sizeof call->function);
  return call;
}

void udf_call_destroy(as_udf_call* call) noexcept {
  if (!call) return;
  call->module[0] = '\0';
  call->function[0] = '\0';
  if (call->arglist) {
    as_list_destroy(call->arglist);
    call->arglist = nullptr;
  }
  if (call->_free) std::free(call);
}

as_udf_file* udf_file_init(as_udf_file* file, bool heap) noexcept {
  if (heap) file = static_cast<as_udf_file*>(std::malloc(sizeof(as_udf_file)));
  if (!file) return nullptr;
  file->_free = heap;
  file->name[0] = '\0';
  // 7.4.0 clears the hex digits and leaves the terminator's byte as it was.
  std::memset(file->hash, 0, sizeof file->hash - 1);
  file->content._free = false;
  file->content.capacity = 0;
  file->content.size = 0;
  file->content.bytes = nullptr;
  return file;
}

void udf_file_destroy(as_udf_file* file) noexcept {
  if (!file) return;
  if (file->content.bytes && file->content._free) std::free(file->content.bytes);
  file->content._free = false;
  file->content.capacity = 0;
  file->content.size = 0;
  file->content.bytes = nullptr;
  if (file->_free) std::free(file);
}

as_udf_files* udf_files_defaults(as_udf_files* files, bool free_files, uint32_t capacity) noexcept {
  if (!files) return nullptr;
  files->_free = free_files;
  files->capacity = capacity;
  files->size = 0;
  files->entries = capacity > 0
                       ? static_cast<as_udf_file*>(std::malloc(sizeof(as_udf_file) * capacity))
                       : nullptr;
  return files;
}

as_udf_files* udf_files_new(uint32_t capacity) noexcept {
  return udf_files_defaults(static_cast<as_udf_files*>(std::malloc(sizeof(as_udf_files))), true,
                            capacity);
}

void udf_files_destroy(as_udf_files* files) noexcept {
  if (!files) return;
  std::free(files->entries);
  if (files->_free) {
    std::free(files);
    return;
  }
  files->capacity = 0;
  files->size = 0;
  files->entries = nullptr;
}

}  // namespace aeroshim
