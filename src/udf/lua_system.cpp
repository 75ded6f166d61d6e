#include "udf/lua_system.h"

namespace aeroshim::udf {

// The scope numbers are mod-lua's: an operation of the server scope runs on
// the nodes only, one of "either" where the chain is when it comes, and the
// one of "both" (reduce) on the nodes and again on the client, where the
// rest of the chain follows it.
const char kSystemLua[] = R"LUA(
Map = Map or getmetatable(map())
List = List or getmetatable(list())
Bytes = Bytes or getmetatable(bytes())

function list.clone(l)
  local items = {}
  for v in list.iterator(l) do items[#items + 1] = v end
  return list(items)
end

function list.merge(a, b)
  local items = {}
  for v in list.iterator(a) do items[#items + 1] = v end
  for v in list.iterator(b) do items[#items + 1] = v end
  return list(items)
end

function map.clone(m)
  local t = {}
  for k, v in map.pairs(m) do t[k] = v end
  return map(t, map.size(m))
end

-- Keys of both; where both have one, f(a[k], b[k]) when f is a function and
-- its answer is not false or nil, else b's value.
function map.merge(a, b, f)
  local t = {}
  for k, v in map.pairs(a) do t[k] = v end
  local combine = type(f) == 'function' and f or nil
  for k, v in map.pairs(b) do
    local merged = t[k] and combine and combine(a[k], b[k])
    t[k] = merged or v
  end
  return map(t, map.size(a) + map.size(b))
end

-- Keys in exactly one of the two.
function map.diff(a, b)
  local t = {}
  for k, v in map.pairs(a) do if not b[k] then t[k] = v end end
  for k, v in map.pairs(b) do if not a[k] then t[k] = v end end
  return map(t, map.size(a) + map.size(b))
end

function math.sum(a, b) return a + b end
function math.product(a, b) return a * b end

function trace(fmt, ...) return aerospike:log(4, string.format(fmt, ...)) end
function debug(fmt, ...) return aerospike:log(3, string.format(fmt, ...)) end
function info(fmt, ...) return aerospike:log(2, string.format(fmt, ...)) end
function warn(fmt, ...) return aerospike:log(1, string.format(fmt, ...)) end

local SERVER, EITHER, BOTH = 1, 3, 4

local function copy(v)
  local t = type(v)
  if t == 'table' then
    local c = {}
    for k, x in pairs(v) do c[k] = x end
    return c
  elseif t == 'userdata' then
    local mt = getmetatable(v)
    if mt == Map then return map.clone(v) end
    if mt == List then return list.clone(v) end
    return nil
  end
  return v
end

-- Each stage turns a generator into a generator; nil ends a generator.
local stages = {}

function stages.filter(source, keep)
  local finished = false
  return function()
    if finished then return nil end
    for v in source do
      if keep(v) then return v end
    end
    finished = true
  end
end

function stages.map(source, f)
  local finished = false
  return function()
    if finished then return nil end
    local v = source()
    if v ~= nil then return f(v) end
    finished = true
  end
end

function stages.reduce(source, f)
  local finished = false
  return function()
    if finished then return nil end
    finished = true
    local acc = source()
    if acc ~= nil then
      for v in source do acc = f(acc, v) end
    end
    return acc
  end
end

-- A number of 1000 or more is let out early and the aggregation starts
-- again from init, as mod-lua bounds what one value may grow to.
function stages.aggregate(source, init, f)
  local finished = false
  return function()
    if finished then return nil end
    local acc = copy(init)
    for v in source do
      acc = f(acc, v)
      if type(acc) == 'number' and acc >= 1000 then return acc end
    end
    finished = true
    return acc
  end
end

local Chain = {}
Chain.__index = Chain

local function add(chain, scope, name, ...)
  chain.ops[#chain.ops + 1] = {scope = scope, name = name, args = table.pack(...)}
  return chain
end

function Chain:map(...) return add(self, EITHER, 'map', ...) end
function Chain:filter(...) return add(self, EITHER, 'filter', ...) end
function Chain:aggregate(...) return add(self, SERVER, 'aggregate', ...) end
function Chain:reduce(...) return add(self, BOTH, 'reduce', ...) end

function Chain:groupby(key_of)
  local function collect(groups, v)
    local k = key_of and key_of(v) or nil
    local members = groups[k] or list()
    list.append(members, v)
    groups[k] = members
    return groups
  end
  local function join(a, b)
    local l = list.clone(a)
    for v in list.iterator(b) do list.append(l, v) end
    return l
  end
  return self:aggregate(map(), collect):reduce(function(a, b) return map.merge(a, b, join) end)
end

local function client_ops(ops)
  for i, op in ipairs(ops) do
    if op.scope == BOTH then return table.move(ops, i, #ops, 1, {}) end
  end
  return {}
end

return function(f, read, write, ...)
  if f == nil then error('function not found', 0) end
  local chain = setmetatable({ops = {}}, Chain)
  local built = f(chain, ...)
  local finished = false
  local source = function()
    if finished then return nil end
    local v = read()
    if v == nil then finished = true end
    return v
  end
  for _, op in ipairs(client_ops(built.ops)) do
    source = stages[op.name](source, table.unpack(op.args, 1, op.args.n)) or source
  end
  for v in source do
    if write(v) ~= 0 then break end
  end
  write(nil)
  return 0
end
)LUA";

const size_t kSystemLuaSize = sizeof kSystemLua - 1;

}  // namespace aeroshim::udf
