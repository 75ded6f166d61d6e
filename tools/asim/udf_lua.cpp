#include "udf_lua.h"

#include "cdt_msgpack.h"
#include "particle.h"
#include "proto/message.h"

#include <cstdlib>
#include <cstring>
#include <ctime>

namespace asim::udf {

// Hidden table keys of the value classes: light userdata a UDF cannot make.
char kItems, kCount, kKeys, kVals, kData, kBtype;

namespace {

// One call's Lua memory; a UDF that needs more fails with Lua's memory error.
constexpr size_t kMemoryLimit = size_t{64} * 1024 * 1024;
// Instructions between deadline checks.
constexpr int kHookCount = 1000;
// Nesting mod-lua values may have on the way in or out.
constexpr int kMaxDepth = 64;
// Bytes one value may convert to: a list holding itself, or sharing one
// list many times over, must not run or grow without bound.
constexpr size_t kMaxValueBytes = size_t{64} * 1024 * 1024;

constexpr uint8_t kString = 3;
constexpr uint8_t kBlob = 4;

uint64_t be(std::string_view b, size_t pos, size_t n) {
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) v = (v << 8) | static_cast<uint8_t>(b[pos + i]);
  return v;
}

// The text up to the first NUL: mod-lua passes strings through C strings.
std::string_view c_string(std::string_view s) { return s.substr(0, s.find('\0')); }

void pack_raw(std::string& out, uint8_t type, std::string_view data, bool as_str) {
  const size_t n = data.size() + 1;
  if (as_str && n < 32) {
    out += static_cast<char>(0xa0 | n);
  } else if (n < 256) {
    out += static_cast<char>(as_str ? 0xd9 : 0xc4);
    out += static_cast<char>(n);
  } else if (n < 65536) {
    out += static_cast<char>(as_str ? 0xda : 0xc5);
    out += static_cast<char>(n >> 8);
    out += static_cast<char>(n);
  } else {
    out += static_cast<char>(as_str ? 0xdb : 0xc6);
    for (int s = 24; s >= 0; s -= 8) out += static_cast<char>(n >> s);
  }
  out += static_cast<char>(type);
  out.append(data.data(), data.size());
}

bool is_ext(uint8_t b) { return b == 0xc7 || b == 0xc8 || b == 0xc9 || (b >= 0xd4 && b <= 0xd8); }

// Size of a scalar msgpack element's header and payload, for the types
// push_msgpack reads as scalars; 0 when not one or out of bounds.
bool raw_span(std::string_view b, size_t pos, size_t& head, size_t& len) {
  const uint8_t t = static_cast<uint8_t>(b[pos]);
  const size_t left = b.size() - pos;
  auto need = [&](size_t h) {
    if (left < h) return false;
    head = h;
    return true;
  };
  if ((t & 0xe0) == 0xa0) {
    head = 1;
    len = t & 0x1f;
  } else if (t == 0xd9 || t == 0xc4 || t == 0xc7) {
    if (!need(t == 0xc7 ? 3 : 2)) return false;
    len = be(b, pos + 1, 1);
  } else if (t == 0xda || t == 0xc5 || t == 0xc8) {
    if (!need(t == 0xc8 ? 4 : 3)) return false;
    len = be(b, pos + 1, 2);
  } else if (t == 0xdb || t == 0xc6 || t == 0xc9) {
    if (!need(t == 0xc9 ? 6 : 5)) return false;
    len = be(b, pos + 1, 4);
  } else if (t >= 0xd4 && t <= 0xd8) {
    head = 2;
    len = size_t{1} << (t - 0xd4);
  } else {
    return false;
  }
  return head + len <= left;
}

}  // namespace

uint64_t now_ms() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000 + static_cast<uint64_t>(ts.tv_nsec) / 1000000;
}

void* State::alloc(void* ud, void* ptr, size_t osize, size_t nsize) {
  auto* self = static_cast<State*>(ud);
  const size_t old = ptr ? osize : 0;
  if (nsize == 0) {
    std::free(ptr);
    self->used_ -= old;
    return nullptr;
  }
  if (nsize > old && self->used_ - old + nsize > kMemoryLimit) return nullptr;
  void* p = std::realloc(ptr, nsize);
  if (p) self->used_ = self->used_ - old + nsize;
  return p;
}

bool State::timed_out() const { return deadline_ms_ != 0 && now_ms() >= deadline_ms_; }

void State::hook(lua_State* L, lua_Debug* ar) {
  void* ud = nullptr;
  lua_getallocf(L, &ud);
  if (ar->event == LUA_HOOKCOUNT && static_cast<State*>(ud)->timed_out())
    luaL_error(L, "UDF Execution Timeout");
}

State::State(const Modules& modules) : modules_(&modules) {
  L_ = lua_newstate(&State::alloc, this);
  if (!L_) return;
  luaL_openlibs(L_);
  lua_sethook(L_, &State::hook, LUA_MASKCOUNT, kHookCount);
  sandbox();
  if (!load_prelude()) {
    lua_close(L_);
    L_ = nullptr;
  }
}

State::~State() {
  if (L_) lua_close(L_);
}

// What a UDF must not reach in a simulator other programs share: the
// process (os.exit, execute, files, stdout, which is a test's ready-line
// pipe), native code, binary chunks (a bad one
// can crash Lua) and the hook that bounds its time. Modules come from the
// registered ones only.
void State::sandbox() {
  static const char* const kCode = R"LUA(
    local searcher = ...
    io = nil
    print = function() end
    dofile, loadfile = nil, nil
    for _, name in ipairs({'exit', 'execute', 'remove', 'rename', 'tmpname', 'getenv', 'setlocale'}) do
      os[name] = nil
    end
    string.dump = nil
    local raw_load = load
    load = function(chunk, name, mode, env) return raw_load(chunk, name, 't', env) end
    package.loadlib = nil
    package.cpath = ''
    package.path = ''
    package.searchers = { package.searchers[1], searcher }
  )LUA";
  luaL_loadstring(L_, kCode);
  lua_pushlightuserdata(L_, this);
  lua_pushcclosure(L_, &State::search_module, 1);
  lua_pcall(L_, 1, 0, 0);
  lua_settop(L_, 0);
}

// require's searcher: `name` as the server's package.path finds it, a
// registered "<name with dots as slashes>.lua".
int State::search_module(lua_State* L) {
  auto* self = static_cast<State*>(lua_touserdata(L, lua_upvalueindex(1)));
  size_t len = 0;
  const char* name = luaL_checklstring(L, 1, &len);
  std::string file(name, len);
  for (char& c : file)
    if (c == '.') c = '/';
  file += ".lua";
  const auto& files = self->modules_->files;
  auto it = files.find(file);
  if (it == files.end()) {
    lua_pushfstring(L, "no file '%s/%s'", kUserPath, file.c_str());
    return 1;
  }
  const std::string chunk = std::string("@") + kUserPath + "/" + file;
  if (luaL_loadbufferx(L, it->second.data(), it->second.size(), chunk.c_str(), "t") != LUA_OK)
    return lua_error(L);
  lua_pushstring(L, chunk.c_str() + 1);
  return 2;
}

bool State::load_prelude() {
  if (luaL_loadstring(L_, kPrelude) != LUA_OK) return false;
  lua_createtable(L_, 0, 6);
  const std::pair<const char*, void*> keys[] = {{"items", &kItems}, {"count", &kCount},
                                                {"keys", &kKeys},   {"vals", &kVals},
                                                {"data", &kData},   {"btype", &kBtype}};
  for (const auto& [name, key] : keys) {
    lua_pushlightuserdata(L_, key);
    lua_setfield(L_, -2, name);
  }
  if (lua_pcall(L_, 1, 3, 0) != LUA_OK) return false;
  bytes_ref_ = luaL_ref(L_, LUA_REGISTRYINDEX);
  map_ref_ = luaL_ref(L_, LUA_REGISTRYINDEX);
  list_ref_ = luaL_ref(L_, LUA_REGISTRYINDEX);
  return true;
}

bool State::require(const std::string& name) {
  lua_getglobal(L_, "require");
  lua_pushlstring(L_, name.data(), name.size());
  const bool ok = lua_pcall(L_, 1, 0, 0) == LUA_OK;
  lua_settop(L_, 0);
  return ok;
}

bool State::has_meta(int idx, int ref) const {
  if (!lua_getmetatable(L_, idx)) return false;
  lua_rawgeti(L_, LUA_REGISTRYINDEX, ref);
  const bool same = lua_rawequal(L_, -1, -2);
  lua_pop(L_, 2);
  return same;
}

void State::push_bytes(std::string_view data, uint8_t type) {
  lua_createtable(L_, 0, 2);
  lua_pushlstring(L_, data.data(), data.size());
  lua_rawsetp(L_, -2, &kData);
  lua_pushinteger(L_, type);
  lua_rawsetp(L_, -2, &kBtype);
  lua_rawgeti(L_, LUA_REGISTRYINDEX, bytes_ref_);
  lua_setmetatable(L_, -2);
}

void State::push_bin(uint8_t type, const std::string& value) {
  using aeroshim::proto::read_be_u64;
  switch (type) {
    case 1:
      if (value.size() == 8) {
        lua_pushinteger(L_, static_cast<lua_Integer>(read_be_u64(value)));
        return;
      }
      break;
    case 2:
      if (value.size() == 8) {
        const uint64_t bits = read_be_u64(value);
        double d = 0;
        std::memcpy(&d, &bits, 8);
        lua_pushnumber(L_, d);
        return;
      }
      break;
    case kString:
    case 23: {
      const std::string_view s = c_string(value);
      lua_pushlstring(L_, s.data(), s.size());
      return;
    }
    case 17: lua_pushboolean(L_, !value.empty() && value[0] != 0); return;
    case 19:
    case 20: {
      size_t pos = 0;
      if (push_msgpack(value, pos, 0)) return;
      break;
    }
    case 0: break;
    default: push_bytes(value, type); return;
  }
  lua_pushnil(L_);
}

void State::push_list(std::string_view b, size_t& pos, uint32_t count, int depth, bool& ok) {
  // An ordered list starts with an ext element holding its flags.
  if (count > 0 && pos < b.size() && is_ext(static_cast<uint8_t>(b[pos]))) {
    size_t head = 0;
    size_t len = 0;
    if (!raw_span(b, pos, head, len)) {
      ok = false;
      return;
    }
    pos += head + len;
    --count;
  }
  lua_createtable(L_, 0, 2);
  lua_createtable(L_, static_cast<int>(count), 0);
  for (uint32_t i = 1; i <= count && ok; ++i) {
    ok = push_msgpack(b, pos, depth + 1);
    if (ok) lua_rawseti(L_, -2, i);
  }
  if (!ok) return;
  lua_rawsetp(L_, -2, &kItems);
  lua_pushinteger(L_, count);
  lua_rawsetp(L_, -2, &kCount);
  lua_rawgeti(L_, LUA_REGISTRYINDEX, list_ref_);
  lua_setmetatable(L_, -2);
}

void State::push_map(std::string_view b, size_t& pos, uint32_t count, int depth, bool& ok) {
  lua_createtable(L_, 0, 3);                        // map
  lua_createtable(L_, static_cast<int>(count), 0);  // keys
  lua_createtable(L_, 0, static_cast<int>(count));  // values
  lua_Integer n = 0;
  for (uint32_t i = 0; i < count && ok; ++i) {
    if (pos < b.size() && is_ext(static_cast<uint8_t>(b[pos]))) {
      // The ordered map's flags: an ext key with a nil value.
      size_t head = 0;
      size_t len = 0;
      ok = raw_span(b, pos, head, len);
      pos += head + len;
      size_t skip = 0;
      if (ok) ok = pos < b.size() && (skip = msgpack_element_size(b, pos)) != 0;
      pos += skip;
      continue;
    }
    ok = push_msgpack(b, pos, depth + 1);
    if (ok) ok = push_msgpack(b, pos, depth + 1);
    if (!ok) return;
    const bool bad_key = lua_isnil(L_, -2) || (lua_type(L_, -2) == LUA_TNUMBER &&
                                               lua_tonumber(L_, -2) != lua_tonumber(L_, -2));
    if (bad_key) {
      lua_pop(L_, 2);
      continue;
    }
    lua_pushvalue(L_, -2);
    if (lua_rawget(L_, -4) == LUA_TNIL) {  // a new key goes into the order
      lua_pushvalue(L_, -3);
      lua_rawseti(L_, -6, ++n);
    }
    lua_pop(L_, 1);
    lua_rawset(L_, -3);
  }
  if (!ok) return;
  lua_rawsetp(L_, -3, &kVals);
  lua_rawsetp(L_, -2, &kKeys);
  lua_pushinteger(L_, n);
  lua_rawsetp(L_, -2, &kCount);
  lua_rawgeti(L_, LUA_REGISTRYINDEX, map_ref_);
  lua_setmetatable(L_, -2);
}

int State::push_number(std::string_view b, size_t& pos) {
  const uint8_t t = static_cast<uint8_t>(b[pos]);
  const size_t left = b.size() - pos;
  if (t <= 0x7f || t >= 0xe0) {
    lua_pushinteger(L_, t <= 0x7f ? lua_Integer{t} : lua_Integer{static_cast<int8_t>(t)});
  } else if (t == 0xc0) {
    lua_pushnil(L_);
  } else if (t == 0xc2 || t == 0xc3) {
    lua_pushboolean(L_, t == 0xc3);
  } else if (t >= 0xcc && t <= 0xd3) {
    const size_t n = size_t{1} << ((t - 0xcc) & 3);
    if (left < 1 + n) return 0;
    uint64_t v = be(b, pos + 1, n);
    if (t >= 0xd0 && n < 8 && (v >> (n * 8 - 1)) != 0) v |= ~uint64_t{0} << (n * 8);
    lua_pushinteger(L_, static_cast<lua_Integer>(v));
    pos += n;
  } else if (t == 0xca || t == 0xcb) {
    const size_t n = t == 0xca ? 4 : 8;
    if (left < 1 + n) return 0;
    const uint64_t bits = be(b, pos + 1, n);
    double d = 0;
    if (n == 4) {
      float f = 0;
      const auto bits32 = static_cast<uint32_t>(bits);
      std::memcpy(&f, &bits32, 4);
      d = f;
    } else {
      std::memcpy(&d, &bits, 8);
    }
    lua_pushnumber(L_, d);
    pos += n;
  } else {
    return -1;
  }
  pos += 1;
  return 1;
}

// Strings, blobs (by their leading type byte) and ext elements (nil).
bool State::push_raw(std::string_view b, size_t& pos) {
  const uint8_t t = static_cast<uint8_t>(b[pos]);
  size_t head = 0;
  size_t len = 0;
  if (!raw_span(b, pos, head, len)) return false;
  const std::string_view payload = b.substr(pos + head, len);
  pos += head + len;
  if (is_ext(t)) {
    lua_pushnil(L_);
  } else if (payload.empty()) {
    lua_pushliteral(L_, "");
  } else if (static_cast<uint8_t>(payload[0]) == kString ||
             static_cast<uint8_t>(payload[0]) == 23) {
    const std::string_view s = c_string(payload.substr(1));
    lua_pushlstring(L_, s.data(), s.size());
  } else {
    push_bytes(payload.substr(1), static_cast<uint8_t>(payload[0]));
  }
  return true;
}

bool State::push_msgpack(std::string_view b, size_t& pos, int depth) {
  if (depth > kMaxDepth || pos >= b.size() || !lua_checkstack(L_, 8)) return false;
  if (const int rc = push_number(b, pos); rc >= 0) return rc == 1;
  const uint8_t t = static_cast<uint8_t>(b[pos]);
  uint32_t count = 0;
  bool is_list = false;
  if ((t & 0xf0) == 0x90 || (t & 0xf0) == 0x80) {
    is_list = (t & 0xf0) == 0x90;
    count = t & 0x0f;
    pos += 1;
  } else if (t == 0xdc || t == 0xde || t == 0xdd || t == 0xdf) {
    const size_t n = (t == 0xdc || t == 0xde) ? 2 : 4;
    if (b.size() - pos < 1 + n) return false;
    is_list = t == 0xdc || t == 0xdd;
    count = static_cast<uint32_t>(be(b, pos + 1, n));
    pos += 1 + n;
  } else {
    return push_raw(b, pos);
  }
  // Every element takes a byte at least: a count past the end is a lie.
  if (count > b.size() - pos) return false;
  bool ok = true;
  const int top = lua_gettop(L_);
  if (is_list) {
    push_list(b, pos, count, depth, ok);
  } else {
    push_map(b, pos, count, depth, ok);
  }
  if (!ok) lua_settop(L_, top);
  return ok;
}

Conv State::list_to_msgpack(int idx, std::string& out, int depth) {
  lua_rawgetp(L_, idx, &kCount);
  const lua_Integer n = lua_tointeger(L_, -1);
  lua_pop(L_, 1);
  out += cdt::list_header(static_cast<uint32_t>(n));
  lua_rawgetp(L_, idx, &kItems);
  const int items = lua_gettop(L_);
  for (lua_Integer i = 1; i <= n; ++i) {
    lua_rawgeti(L_, items, i);
    // Values mod-lua cannot hold in a list go out as nil.
    std::string element;
    if (to_msgpack(lua_gettop(L_), element, depth + 1) != Conv::kOk) element = "\xc0";
    out += element;
    lua_pop(L_, 1);
    if (exhausted_) break;
  }
  lua_pop(L_, 1);
  return exhausted_ ? Conv::kUnsupported : Conv::kOk;
}

Conv State::map_to_msgpack(int idx, std::string& out, int depth) {
  lua_rawgetp(L_, idx, &kCount);
  const lua_Integer n = lua_tointeger(L_, -1);
  lua_pop(L_, 1);
  lua_rawgetp(L_, idx, &kKeys);
  lua_rawgetp(L_, idx, &kVals);
  const int keys = lua_gettop(L_) - 1;
  std::string body;
  uint32_t pairs = 0;
  for (lua_Integer i = 1; i <= n; ++i) {
    lua_rawgeti(L_, keys, i);
    lua_pushvalue(L_, -1);
    lua_rawget(L_, keys + 1);
    std::string k;
    std::string v;
    if (to_msgpack(lua_gettop(L_) - 1, k, depth + 1) == Conv::kOk) {
      if (to_msgpack(lua_gettop(L_), v, depth + 1) != Conv::kOk) v = "\xc0";
      body += k;
      body += v;
      ++pairs;
    }
    lua_pop(L_, 2);
    if (exhausted_) break;
  }
  lua_pop(L_, 2);
  if (exhausted_) return Conv::kUnsupported;
  out += cdt::map_header(pairs);
  out += body;
  return Conv::kOk;
}

bool State::charge(size_t bytes) {
  if (exhausted_ || bytes >= budget_) {
    exhausted_ = true;
    return false;
  }
  budget_ -= bytes;
  return true;
}

Conv State::to_msgpack(int idx, std::string& out, int depth) {
  idx = lua_absindex(L_, idx);
  if (depth > kMaxDepth || !lua_checkstack(L_, 8) || !charge(1)) return Conv::kUnsupported;
  switch (lua_type(L_, idx)) {
    case LUA_TNIL: out += '\xc0'; return Conv::kOk;
    case LUA_TBOOLEAN: out += cdt::pack_bool(lua_toboolean(L_, idx)); return Conv::kOk;
    case LUA_TNUMBER:
      out += lua_isinteger(L_, idx) ? cdt::pack_int(lua_tointeger(L_, idx))
                                    : cdt::pack_double(lua_tonumber(L_, idx));
      return Conv::kOk;
    case LUA_TSTRING: {
      size_t len = 0;
      const char* s = lua_tolstring(L_, idx, &len);
      if (!charge(len)) return Conv::kUnsupported;
      pack_raw(out, kString, c_string(std::string_view(s, len)), true);
      return Conv::kOk;
    }
    case LUA_TTABLE:
      if (has_meta(idx, list_ref_)) return list_to_msgpack(idx, out, depth);
      if (has_meta(idx, map_ref_)) return map_to_msgpack(idx, out, depth);
      if (has_meta(idx, bytes_ref_)) {
        lua_rawgetp(L_, idx, &kData);
        lua_rawgetp(L_, idx, &kBtype);
        size_t len = 0;
        const char* s = lua_tolstring(L_, -2, &len);
        const auto type = static_cast<uint8_t>(lua_tointeger(L_, -1));
        const bool fits = charge(len);
        if (fits) pack_raw(out, type, std::string_view(s ? s : "", s ? len : 0), false);
        lua_pop(L_, 2);
        return fits ? Conv::kOk : Conv::kUnsupported;
      }
      return Conv::kUnsupported;
    case LUA_TUSERDATA:
      return luaL_testudata(L_, idx, kRecordClass) ? Conv::kUnusable : Conv::kUnsupported;
    default: return Conv::kUnsupported;
  }
}

Conv State::to_particle(int idx, uint8_t& type, std::string& value) {
  idx = lua_absindex(L_, idx);
  type = 0;
  value.clear();
  budget_ = kMaxValueBytes;
  exhausted_ = false;
  switch (lua_type(L_, idx)) {
    case LUA_TNIL: return Conv::kOk;
    case LUA_TBOOLEAN:
      type = 17;
      value.assign(1, lua_toboolean(L_, idx) ? '\1' : '\0');
      return Conv::kOk;
    case LUA_TNUMBER:
      if (lua_isinteger(L_, idx)) {
        type = 1;
        value = aeroshim::proto::be_u64(static_cast<uint64_t>(lua_tointeger(L_, idx)));
      } else {
        const double d = lua_tonumber(L_, idx);
        uint64_t bits = 0;
        std::memcpy(&bits, &d, 8);
        type = 2;
        value = aeroshim::proto::be_u64(bits);
      }
      return Conv::kOk;
    case LUA_TSTRING: {
      size_t len = 0;
      const char* s = lua_tolstring(L_, idx, &len);
      type = kString;
      value = std::string(c_string(std::string_view(s, len)));
      return Conv::kOk;
    }
    case LUA_TTABLE:
      if (has_meta(idx, bytes_ref_)) {
        lua_rawgetp(L_, idx, &kData);
        size_t len = 0;
        const char* s = lua_tolstring(L_, -1, &len);
        value.assign(s ? s : "", s ? len : 0);
        lua_pop(L_, 1);
        type = kBlob;
        return Conv::kOk;
      }
      if (has_meta(idx, list_ref_) || has_meta(idx, map_ref_)) {
        type = has_meta(idx, list_ref_) ? 20 : 19;
        return to_msgpack(idx, value, 0);
      }
      return Conv::kUnsupported;
    default:
      return to_msgpack(idx, value, 0) == Conv::kUnusable ? Conv::kUnusable : Conv::kUnsupported;
  }
}

namespace {

// mod-lua's reading of a Lua error: `[string "F"]:LINE: MESSAGE` splits into
// its parts; any other text gives its first line (at most 256 bytes).
CompileError split_error(const char* text, const std::string& filename, int status) {
  CompileError e;
  const std::string msg = text ? text : "(Null error message returned by lua)";
  if (status != LUA_ERRSYNTAX && status != LUA_ERRRUN) {
    e.file = filename;
    e.message = msg;
    return e;
  }
  if (!msg.empty() && msg[0] == '[') {
    const size_t l = msg.find('"');
    const size_t r = l == std::string::npos ? l : msg.find('"', l + 1);
    const size_t a = r == std::string::npos ? r : msg.find(':', r);
    const size_t b = a == std::string::npos ? a : msg.find(':', a + 1);
    if (r != std::string::npos) e.file = msg.substr(l + 1, r - l - 1);
    if (b != std::string::npos) {
      e.line = static_cast<uint32_t>(std::atoi(msg.substr(a + 1, b - a - 1).c_str()));
      e.message = b + 2 <= msg.size() ? msg.substr(b + 2) : std::string();
    }
    return e;
  }
  e.message = msg.substr(0, std::min<size_t>(msg.find('\n'), 256));
  return e;
}

}  // namespace

std::optional<CompileError> validate(const std::string& filename, const std::string& content,
                                     const Modules& modules) {
  State s(modules);
  if (!s.ok()) return CompileError{"", 0, "Unable to create a new Lua state"};
  s.set_deadline(now_ms() + 1000);
  lua_State* L = s.lua();
  int rc = luaL_loadbufferx(L, content.data(), content.size(), filename.c_str(), "t");
  if (rc == LUA_OK) rc = lua_pcall(L, 0, 1, 0);
  if (rc == LUA_OK) return std::nullopt;
  return split_error(lua_tostring(L, -1), filename, rc);
}

}  // namespace asim::udf
