#include "udf_record.h"

#include <algorithm>
#include <vector>

namespace asim {
namespace {

using aeroshim::proto::FieldType;
using aeroshim::proto::Message;

// The server's UDF_BIN_LIMIT and UDF_UPDATE_LIMIT.
constexpr size_t kBinLimit = 512;
constexpr size_t kUpdateLimit = kBinLimit * 2;
constexpr size_t kMaxBinName = 15;
constexpr uint8_t kIncompatible = 12;
constexpr uint8_t kBinName = 21;

// A cached bin: read (dirty false) or set by the UDF and not yet applied.
struct Entry {
  std::string name;
  bool nil = false;
  bool dirty = false;
};

class Context {
 public:
  Context(udf::State& lua, const Message& request, const UdfCall& call)
      : lua_(lua), request_(request), call_(call), ttl_(request.record_ttl) {
    if (call.existing) {
      work_ = *call.existing;
      open_ = true;
      // A key the message brings is the record's from now on.
      const auto* key = request.field(FieldType::kKey);
      if (key && work_.key.empty()) work_.key = key->data;
    }
    lua_State* L = lua_.lua();
    lua_newtable(L);
    cache_ref_ = luaL_ref(L, LUA_REGISTRYINDEX);
  }

  void install();
  void fill(UdfOutcome& out) const;
  bool has_updates() const { return has_updates_; }
  uint8_t result_code() const { return result_code_; }

 private:
  static Context& self(lua_State* L) {
    return *static_cast<Context*>(lua_touserdata(L, lua_upvalueindex(1)));
  }
  static int index(lua_State* L);
  static int newindex(lua_State* L);
  static int create(lua_State* L);
  static int update(lua_State* L);
  static int exists(lua_State* L);
  static int remove(lua_State* L);
  static int log(lua_State* L);
  static int ttl(lua_State* L);
  static int gen(lua_State* L);
  static int last_update_time(lua_State* L);
  static int size(lua_State* L);
  static int key(lua_State* L);
  static int setname(lua_State* L);
  static int digest(lua_State* L);
  static int numbins(lua_State* L);
  static int bin_names(lua_State* L);
  static int set_ttl(lua_State* L);
  static int drop_key(lua_State* L);

  Entry* find(const char* name);
  // Caches the value on top of the stack (popped) for `name`.
  void cache_set(const char* name, bool dirty);
  void cache_clear();
  int execute_updates();
  void fail(uint8_t code);
  size_t bytes() const;

  udf::State& lua_;
  const Message& request_;
  const UdfCall& call_;
  Record work_;
  bool open_ = false;
  std::vector<Bin> old_bins_;
  size_t n_old_bins_ = 0;
  bool has_updates_ = false;
  uint8_t result_code_ = 0;
  std::vector<Entry> cache_;
  size_t inserts_ = 0;
  bool too_many_bins_ = false;
  int cache_ref_ = LUA_NOREF;
  uint32_t ttl_;
  bool key_dropped_ = false;
};

Entry* Context::find(const char* name) {
  for (auto& e : cache_)
    if (e.name == name) return &e;
  return nullptr;
}

void Context::cache_set(const char* name, bool dirty) {
  lua_State* L = lua_.lua();
  const bool insert = !lua_isnil(L, -1);
  if (too_many_bins_) {
    lua_pop(L, 1);
    return;
  }
  Entry* e = find(name);
  if (!e) {
    if (cache_.size() >= kUpdateLimit || (insert && inserts_ >= kBinLimit)) {
      too_many_bins_ = true;
      lua_pop(L, 1);
      return;
    }
    cache_.push_back(Entry{name, true, false});
    e = &cache_.back();
  }
  if (!e->nil) --inserts_;
  e->nil = !insert;
  e->dirty = dirty;
  if (insert) ++inserts_;
  lua_rawgeti(L, LUA_REGISTRYINDEX, cache_ref_);
  lua_insert(L, -2);
  lua_setfield(L, -2, name);
  lua_pop(L, 1);
}

void Context::cache_clear() {
  lua_State* L = lua_.lua();
  cache_.clear();
  inserts_ = 0;
  too_many_bins_ = false;
  lua_newtable(L);
  lua_rawseti(L, LUA_REGISTRYINDEX, cache_ref_);
}

// An update that fails puts the bins back as they were before the UDF's
// first write, and forgets every cached change.
void Context::fail(uint8_t code) {
  result_code_ = code;
  has_updates_ = false;
  work_.bins = old_bins_;
  cache_clear();
}

// Applies the dirty cached bins to the record: 0, or -1 with the reason in
// result_code_ (the UDF itself goes on).
int Context::execute_updates() {
  lua_State* L = lua_.lua();
  if (!has_updates_) {
    n_old_bins_ = work_.bins.size();
    old_bins_ = work_.bins;
  }
  if (too_many_bins_) {
    fail(kBinName);
    return -1;
  }
  lua_rawgeti(L, LUA_REGISTRYINDEX, cache_ref_);
  const int values = lua_gettop(L);
  for (size_t i = 0; i < cache_.size(); ++i) {
    Entry& e = cache_[i];
    if (!e.dirty) continue;
    auto bin = std::find_if(work_.bins.begin(), work_.bins.end(),
                            [&](const Bin& b) { return b.name == e.name; });
    if (e.nil) {
      if (bin != work_.bins.end()) work_.bins.erase(bin);
      cache_.erase(cache_.begin() + static_cast<std::ptrdiff_t>(i--));
      continue;
    }
    lua_getfield(L, values, e.name.c_str());
    Bin next{e.name, 0, {}};
    const udf::Conv conv = lua_.to_particle(-1, next.particle_type, next.value);
    lua_pop(L, 1);
    if (conv != udf::Conv::kOk || next.particle_type == 0) {
      lua_settop(L, values - 1);
      fail(kIncompatible);
      return -1;
    }
    if (bin == work_.bins.end() && work_.bins.size() == kBinLimit) {
      lua_settop(L, values - 1);
      fail(kBinName);
      return -1;
    }
    if (bin == work_.bins.end()) {
      work_.bins.push_back(std::move(next));
    } else {
      *bin = std::move(next);
    }
  }
  lua_settop(L, values - 1);
  for (auto& e : cache_) e.dirty = false;
  result_code_ = 0;
  has_updates_ = true;
  return 0;
}

size_t Context::bytes() const {
  size_t n = work_.key.size();
  for (const auto& b : work_.bins) n += b.name.size() + b.value.size();
  return n;
}

// rec[name]: the cached value, else the stored bin (cached from then on).
int Context::index(lua_State* L) {
  Context& c = self(L);
  luaL_checkudata(L, 1, udf::State::kRecordClass);
  const char* name = luaL_optstring(L, 2, nullptr);
  if (!name || std::char_traits<char>::length(name) > kMaxBinName) {
    lua_pushnil(L);
    return 1;
  }
  if (const Entry* e = c.find(name)) {
    if (e->nil) {
      lua_pushnil(L);
    } else {
      lua_rawgeti(L, LUA_REGISTRYINDEX, c.cache_ref_);
      lua_getfield(L, -1, name);
    }
    return 1;
  }
  const Bin* bin = nullptr;
  if (c.open_)
    for (const auto& b : c.work_.bins)
      if (b.name == name) bin = &b;
  if (!bin) {
    lua_pushnil(L);
    return 1;
  }
  c.lua_.push_bin(bin->particle_type, bin->value);
  lua_pushvalue(L, -1);
  c.cache_set(name, false);
  return 1;
}

// rec[name] = v: cached until create/update; nil marks the bin for removal.
int Context::newindex(lua_State* L) {
  Context& c = self(L);
  luaL_checkudata(L, 1, udf::State::kRecordClass);
  const char* name = luaL_optstring(L, 2, nullptr);
  if (!name) return 0;
  std::string scratch;
  uint8_t type = 0;
  if (c.lua_.to_particle(3, type, scratch) == udf::Conv::kUnsupported)
    return luaL_error(L, "can't set bin %s to unsupported type", name);
  if (std::char_traits<char>::length(name) > kMaxBinName) return 0;
  lua_settop(L, 3);
  c.cache_set(name, true);
  return 0;
}

int Context::create(lua_State* L) {
  Context& c = self(L);
  luaL_checkudata(L, 2, udf::State::kRecordClass);
  if (c.open_) {
    lua_pushinteger(L, c.work_.bins.empty() ? c.execute_updates() : 1);
    return 1;
  }
  Record fresh;
  if (const auto* set = c.request_.field(FieldType::kSet)) fresh.set = set->data;
  if (const auto* key = c.request_.field(FieldType::kKey)) fresh.key = key->data;
  c.work_ = std::move(fresh);
  const int rc = c.execute_updates();
  if (rc == 0) c.open_ = true;
  if (rc != 0) c.work_ = Record{};
  lua_pushinteger(L, rc);
  return 1;
}

int Context::update(lua_State* L) {
  Context& c = self(L);
  luaL_checkudata(L, 2, udf::State::kRecordClass);
  lua_pushinteger(L, c.open_ ? c.execute_updates() : -2);
  return 1;
}

int Context::exists(lua_State* L) {
  Context& c = self(L);
  luaL_checkudata(L, 2, udf::State::kRecordClass);
  lua_pushboolean(L, c.open_);
  return 1;
}

int Context::remove(lua_State* L) {
  Context& c = self(L);
  luaL_checkudata(L, 2, udf::State::kRecordClass);
  if (!c.open_) {
    lua_pushinteger(L, 1);
    return 1;
  }
  c.cache_clear();
  for (const auto& b : c.work_.bins) {
    lua_pushnil(L);
    c.cache_set(b.name.c_str(), true);
  }
  lua_pushinteger(L, c.execute_updates());
  return 1;
}

int Context::log(lua_State* L) {
  lua_pushinteger(L, 0);
  return 1;
}

int Context::ttl(lua_State* L) {
  Context& c = self(L);
  luaL_checkudata(L, 1, udf::State::kRecordClass);
  const uint32_t vt = c.open_ ? c.work_.void_time : 0;
  lua_pushinteger(L, vt > c.call_.now ? vt - c.call_.now : 0);
  return 1;
}

int Context::gen(lua_State* L) {
  Context& c = self(L);
  luaL_checkudata(L, 1, udf::State::kRecordClass);
  lua_pushinteger(L, c.open_ ? c.work_.generation : 0);
  return 1;
}

// Milliseconds since the server's 2010 epoch, as the record holds them.
int Context::last_update_time(lua_State* L) {
  Context& c = self(L);
  luaL_checkudata(L, 1, udf::State::kRecordClass);
  lua_pushinteger(L, c.open_ ? static_cast<lua_Integer>(c.work_.last_update_ms) : 0);
  return 1;
}

int Context::size(lua_State* L) {
  Context& c = self(L);
  luaL_checkudata(L, 1, udf::State::kRecordClass);
  lua_pushinteger(L, c.open_ ? static_cast<lua_Integer>(c.bytes()) : 0);
  return 1;
}

int Context::key(lua_State* L) {
  Context& c = self(L);
  luaL_checkudata(L, 1, udf::State::kRecordClass);
  const std::string& k = c.work_.key;
  if (!c.open_ || k.empty()) {
    lua_pushnil(L);
    return 1;
  }
  const auto type = static_cast<uint8_t>(k[0]);
  const std::string body = k.substr(1);
  if (type == 1 && body.size() == 8) {
    c.lua_.push_bin(1, body);
  } else if (type == 3 || type == 4) {
    c.lua_.push_bin(type, body);
  } else {
    lua_pushnil(L);
  }
  return 1;
}

int Context::setname(lua_State* L) {
  Context& c = self(L);
  luaL_checkudata(L, 1, udf::State::kRecordClass);
  if (c.open_ && !c.work_.set.empty()) {
    lua_pushlstring(L, c.work_.set.data(), c.work_.set.size());
  } else {
    lua_pushnil(L);
  }
  return 1;
}

int Context::digest(lua_State* L) {
  Context& c = self(L);
  luaL_checkudata(L, 1, udf::State::kRecordClass);
  c.lua_.push_bin(4, c.call_.digest);
  return 1;
}

int Context::numbins(lua_State* L) {
  Context& c = self(L);
  luaL_checkudata(L, 1, udf::State::kRecordClass);
  lua_pushinteger(L, c.open_ ? static_cast<lua_Integer>(c.work_.bins.size()) : 0);
  return 1;
}

int Context::bin_names(lua_State* L) {
  Context& c = self(L);
  luaL_checkudata(L, 1, udf::State::kRecordClass);
  if (!c.open_) return luaL_error(L, "can't get bin names");
  lua_createtable(L, static_cast<int>(c.work_.bins.size()), 0);
  lua_Integer i = 0;
  for (const auto& b : c.work_.bins) {
    lua_pushlstring(L, b.name.data(), b.name.size());
    lua_rawseti(L, -2, ++i);
  }
  return 1;
}

int Context::set_ttl(lua_State* L) {
  Context& c = self(L);
  luaL_checkudata(L, 1, udf::State::kRecordClass);
  c.ttl_ = static_cast<uint32_t>(luaL_optinteger(L, 2, 0));
  return 0;
}

int Context::drop_key(lua_State* L) {
  Context& c = self(L);
  luaL_checkudata(L, 1, udf::State::kRecordClass);
  if (c.open_) {
    c.work_.key.clear();
    c.key_dropped_ = true;
  }
  return 0;
}

// A raw global set: a metatable the module put on _G must not run here,
// outside any protected call.
void set_global(lua_State* L, const char* name) {
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
  lua_insert(L, -2);
  lua_pushstring(L, name);
  lua_insert(L, -2);
  lua_rawset(L, -3);
  lua_pop(L, 1);
}

void Context::install() {
  lua_State* L = lua_.lua();
  auto closure = [&](lua_CFunction f) {
    lua_pushlightuserdata(L, this);
    lua_pushcclosure(L, f, 1);
  };
  luaL_newmetatable(L, udf::State::kRecordClass);
  closure(&Context::index);
  lua_setfield(L, -2, "__index");
  closure(&Context::newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pop(L, 1);

  const std::pair<const char*, lua_CFunction> record_fns[] = {
      {"ttl", &Context::ttl},
      {"gen", &Context::gen},
      {"last_update_time", &Context::last_update_time},
      {"size", &Context::size},
      {"memory_size", &Context::size},
      {"device_size", &Context::size},
      {"key", &Context::key},
      {"setname", &Context::setname},
      {"digest", &Context::digest},
      {"numbins", &Context::numbins},
      {"bin_names", &Context::bin_names},
      {"set_ttl", &Context::set_ttl},
      {"drop_key", &Context::drop_key}};
  lua_newtable(L);
  for (const auto& [name, fn] : record_fns) {
    closure(fn);
    lua_setfield(L, -2, name);
  }
  set_global(L, "record");

  const std::pair<const char*, lua_CFunction> aerospike_fns[] = {{"create", &Context::create},
                                                                 {"update", &Context::update},
                                                                 {"exists", &Context::exists},
                                                                 {"remove", &Context::remove},
                                                                 {"log", &Context::log}};
  lua_newtable(L);
  for (const auto& [name, fn] : aerospike_fns) {
    closure(fn);
    lua_setfield(L, -2, name);
  }
  set_global(L, "aerospike");
}

void Context::fill(UdfOutcome& out) const {
  out.record = work_;
  out.old_bins = n_old_bins_;
  out.key_dropped = key_dropped_;
  out.ttl = ttl_;
}

// Decodes the arguments into a List (protected: a huge or deep arglist
// fails as a Lua error, never as a crash). A malformed arglist, or one that
// is not a list, gives no arguments (nil), as the server's unpacking does.
int decode_args(lua_State* L) {
  auto* lua = static_cast<udf::State*>(lua_touserdata(L, 1));
  size_t len = 0;
  const char* data = lua_tolstring(L, 2, &len);
  const std::string_view bytes(data, len);
  lua_settop(L, 0);
  size_t pos = 0;
  const auto t = len ? static_cast<uint8_t>(bytes[0]) : 0;
  const bool is_list = (t & 0xf0) == 0x90 || t == 0xdc || t == 0xdd;
  if (!is_list || !lua->push_msgpack(bytes, pos, 0)) lua_pushnil(L);
  return 1;
}

UdfOutcome lua_error_outcome(const char* message) {
  UdfOutcome out;
  out.kind = UdfOutcome::Kind::kLuaError;
  out.result_code = 100;
  out.particle_type = 3;
  out.value = message;
  return out;
}

}  // namespace

UdfOutcome run_record_udf(const udf::Modules& modules, const Message& request,
                          const UdfCall& call) {
  udf::State lua(modules);
  if (!lua.ok()) return lua_error_outcome("UDF: Execution Error 1");
  lua.set_deadline(call.deadline_ms);
  // The server loads a module by require, so "pkg" is the file "pkg.lua".
  if (!lua.require(call.package)) return lua_error_outcome("UDF: Execution Error 1");
  lua_State* L = lua.lua();
  Context ctx(lua, request, call);
  ctx.install();

  lua_pushcfunction(L, &decode_args);
  lua_pushlightuserdata(L, &lua);
  lua_pushlstring(L, call.arglist.data(), call.arglist.size());
  if (lua_pcall(L, 2, 1, 0) != LUA_OK) return lua_error_outcome("UDF: Execution Error 2");
  const int list = lua_gettop(L);
  lua_Integer argc = 0;
  if (lua_istable(L, list)) {
    lua_rawgetp(L, list, &udf::kCount);
    argc = lua_tointeger(L, -1);
    lua_pop(L, 1);
    lua_rawgetp(L, list, &udf::kItems);
    lua_replace(L, list);
  }
  if (!lua_checkstack(L, static_cast<int>(std::min<lua_Integer>(argc, 1000000)) + 8))
    return lua_error_outcome("UDF: Execution Error 2");

  const int base = lua_gettop(L);
  // Raw reads: a module's own metatable on _G must not run unprotected here.
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
  lua_pushliteral(L, "apply_record");
  lua_rawget(L, -2);
  lua_pushstring(L, call.function.c_str());
  lua_rawget(L, -3);
  lua_remove(L, -3);
  lua_newuserdatauv(L, 1, 0);
  luaL_setmetatable(L, udf::State::kRecordClass);
  for (lua_Integer i = 1; i <= argc; ++i) lua_rawgeti(L, list, i);
  const int rc = lua_pcall(L, static_cast<int>(argc) + 2, 1, 0);

  UdfOutcome out;
  if (rc != LUA_OK) {
    if (lua_type(L, -1) != LUA_TSTRING) return lua_error_outcome("result value type unexpected");
    return lua_error_outcome(lua_tostring(L, -1));
  }
  if (lua.to_particle(lua_gettop(L), out.particle_type, out.value) != udf::Conv::kOk) {
    out.particle_type = 0;
    out.value.clear();
  }
  lua_settop(L, base);
  if (ctx.result_code() != 0) {
    out.kind = UdfOutcome::Kind::kFailed;
    out.result_code = ctx.result_code();
    return out;
  }
  out.kind = ctx.has_updates() ? UdfOutcome::Kind::kWrite : UdfOutcome::Kind::kRead;
  ctx.fill(out);
  return out;
}

}  // namespace asim
