#include "query_aggregate.h"

#include <algorithm>

namespace asim::query {
namespace {

// The chain driver, asim's own: the stream object records each operation
// the module's function asks for; the node then applies them in order to
// the records, stopping after the first reduce (the operations after it are
// the client's), and collects what comes out. A generator's nil ends the
// stream, so a map to nil ends it early, as mod-lua's transform does.
constexpr const char* kDriver = R"LUA(
local list_meta, map_meta = getmetatable(list.create()), getmetatable(map.create())
local function copy(v)
  local mt = getmetatable(v)
  if mt == list_meta then return list.clone(v) end
  if mt == map_meta then return map.clone(v) end
  return v
end
local stages = {
  map = function(src, f) return function()
    local v = src()
    if v ~= nil then return f(v) end
  end end,
  filter = function(src, p) return function()
    for v in src do if p(v) then return v end end
  end end,
  reduce = function(src, f)
    local done = false
    return function()
      if done then return nil end
      done = true
      local a = src()
      if a == nil then return nil end
      for b in src do a = f(a, b) end
      return a
    end
  end,
  aggregate = function(src, init, f)
    local done = false
    return function()
      if done then return nil end
      done = true
      local a = copy(init)
      for b in src do a = f(a, b) end
      return a
    end
  end,
}
return function(f, recs, n, argl)
  if type(f) ~= 'function' then error('function not found', 0) end
  local ops = {}
  local stream = {}
  local function adder(name)
    return function(self, ...)
      ops[#ops + 1] = {name, table.pack(...)}
      return self
    end
  end
  local methods = {map = adder('map'), filter = adder('filter'), reduce = adder('reduce'),
                   aggregate = adder('aggregate')}
  -- groupby(f): an aggregate into a map of lists keyed by f(v), then a
  -- reduce that joins two such maps, as mod-lua defines it.
  function methods.groupby(self, key_of)
    local function collect(groups, v)
      local k = key_of and key_of(v) or nil
      local members = groups[k] or list()
      list.append(members, v)
      groups[k] = members
      return groups
    end
    local function join(a, b)
      local l = list.clone(a)
      for i = 1, list.size(b) do list.append(l, b[i]) end
      return l
    end
    return self:aggregate(map(), collect):reduce(function(a, b) return map.merge(a, b, join) end)
  end
  setmetatable(stream, {__index = methods})
  local args = {}
  local argc = 0
  if argl ~= nil then
    argc = list.size(argl)
    for i = 1, argc do args[i] = argl[i] end
  end
  f(stream, table.unpack(args, 1, argc))
  local i = 0
  local src = function()
    if i < n then i = i + 1 return recs[i] end
  end
  for _, op in ipairs(ops) do
    src = stages[op[1]](src, table.unpack(op[2], 1, op[2].n))
    if op[1] == 'reduce' then break end
  end
  local out = {}
  for v in src do out[#out + 1] = v end
  return out
end
)LUA";

}  // namespace

Aggregator::Aggregator(const udf::Modules& modules, const std::string& module,
                       const std::string& function, const std::string& arglist, uint64_t timeout_ms)
    : lua_(std::make_unique<udf::State>(modules)),
      function_(function),
      arglist_(arglist),
      timeout_ms_(timeout_ms) {
  if (!lua_->ok()) {
    error_ = "UDF: Execution Error 1";
    return;
  }
  lua_->set_deadline(udf::now_ms() + timeout_ms_ + 1);
  if (!lua_->require(module)) {
    error_ = "UDF: Execution Error 1";
    return;
  }
  lua_State* L = lua_->lua();
  if (luaL_loadbuffer(L, kDriver, std::char_traits<char>::length(kDriver), "=asim-stream") !=
          LUA_OK ||
      lua_pcall(L, 0, 1, 0) != LUA_OK) {
    error_ = "UDF: Execution Error 1";
    lua_settop(L, 0);
    return;
  }
  driver_ = luaL_ref(L, LUA_REGISTRYINDEX);
}

Aggregator::~Aggregator() = default;

void Aggregator::push_records(const std::vector<const Record*>& records) {
  lua_State* L = lua_->lua();
  lua_createtable(L, static_cast<int>(std::min<size_t>(records.size(), 1 << 20)), 0);
  lua_Integer i = 0;
  for (const Record* r : records) {
    lua_createtable(L, 0, static_cast<int>(std::min<size_t>(r->bins.size(), 1 << 15)));
    for (const auto& b : r->bins) {
      lua_pushlstring(L, b.name.data(), b.name.size());
      lua_->push_bin(b.particle_type, b.value);
      lua_rawset(L, -3);
    }
    lua_rawseti(L, -2, ++i);
  }
}

bool Aggregator::run(const std::vector<const Record*>& records, std::vector<StreamValue>& out) {
  if (driver_ < 0) return false;
  lua_State* L = lua_->lua();
  lua_->set_deadline(udf::now_ms() + timeout_ms_ + 1);
  lua_settop(L, 0);
  if (!lua_checkstack(L, 8)) return false;
  lua_rawgeti(L, LUA_REGISTRYINDEX, driver_);
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS);
  lua_pushlstring(L, function_.data(), function_.size());
  lua_rawget(L, -2);
  lua_remove(L, -2);
  push_records(records);
  lua_pushinteger(L, static_cast<lua_Integer>(records.size()));
  size_t pos = 0;
  const auto t = arglist_.empty() ? 0 : static_cast<uint8_t>(arglist_[0]);
  const bool is_list = (t & 0xf0) == 0x90 || t == 0xdc || t == 0xdd;
  if (!is_list || !lua_->push_msgpack(arglist_, pos, 0)) lua_pushnil(L);
  if (lua_pcall(L, 4, 1, 0) != LUA_OK) {
    const char* message = lua_tostring(L, -1);
    error_ = std::string("UDF: Execution Error 2 : ") + (message ? message : "?");
    lua_settop(L, 0);
    return false;
  }
  const auto n = static_cast<lua_Integer>(lua_rawlen(L, -1));
  for (lua_Integer i = 1; i <= n; ++i) {
    lua_rawgeti(L, -1, i);
    StreamValue v;
    if (lua_->to_particle(lua_gettop(L), v.particle_type, v.value) == udf::Conv::kOk &&
        v.particle_type != 0)
      out.push_back(std::move(v));
    lua_pop(L, 1);
  }
  lua_settop(L, 0);
  return true;
}

}  // namespace asim::query
