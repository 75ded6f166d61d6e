// The Lua half of asim's UDF environment: the list, map and bytes value
// classes, the logging functions and the record-UDF entry wrapper, written
// for asim after the behaviour mod-lua documents. The C++ half (udf_lua.cpp)
// passes the hidden storage keys in and keeps the three metatables.
#include "udf_lua.h"

namespace asim::udf {

const char* const kPrelude = R"LUA(
local K = ...
local ITEMS, COUNT, KEYS, VALS, DATA, BTYPE = K.items, K.count, K.keys, K.vals, K.data, K.btype
local rawget, rawset, setmetatable, getmetatable = rawget, rawset, setmetatable, getmetatable
local type, mtype, tostring, error, select = type, math.type, tostring, error, select
local concat, schar, sbyte, ssub, srep = table.concat, string.char, string.byte, string.sub, string.rep

List, Map, Bytes = {}, {}, {}
local ListMeta, MapMeta, BytesMeta = List, Map, Bytes

-- Lists ---------------------------------------------------------------
local function new_list(items, n)
  return setmetatable({[ITEMS] = items, [COUNT] = n}, ListMeta)
end
local function is_list(v) return getmetatable(v) == ListMeta end

local function show(v)
  if type(v) == 'string' then return v end
  return tostring(v)
end

ListMeta.__index = function(l, i)
  if mtype(i) ~= 'integer' or i < 1 then return nil end
  return rawget(l, ITEMS)[i]
end
ListMeta.__newindex = function(l, i, v)
  if mtype(i) ~= 'integer' or i < 1 then return end
  rawget(l, ITEMS)[i] = v
  if i > rawget(l, COUNT) then rawset(l, COUNT, i) end
end
ListMeta.__len = function(l) return rawget(l, COUNT) end
ListMeta.__tostring = function(l)
  local parts, items = {}, rawget(l, ITEMS)
  for i = 1, rawget(l, COUNT) do parts[i] = show(items[i]) end
  return 'List(' .. concat(parts, ',') .. ')'
end

list = setmetatable({}, {__call = function(_, t)
  local items, n = {}, 0
  if type(t) == 'table' and getmetatable(t) == nil then
    for i = 1, #t do items[i] = t[i] end
    n = #t
  end
  return new_list(items, n)
end})

function list.create() return new_list({}, 0) end
list.new = list.create

function list.size(l)
  if not is_list(l) then return 0 end
  return rawget(l, COUNT)
end
function list.append(l, v)
  if not is_list(l) then return end
  local n = rawget(l, COUNT) + 1
  rawget(l, ITEMS)[n] = v
  rawset(l, COUNT, n)
end
function list.insert(l, i, v)
  if not is_list(l) or mtype(i) ~= 'integer' or i < 1 then return end
  local items, n = rawget(l, ITEMS), rawget(l, COUNT)
  if i > n then
    items[i] = v
    rawset(l, COUNT, i)
    return
  end
  for j = n, i, -1 do items[j + 1] = items[j] end
  items[i] = v
  rawset(l, COUNT, n + 1)
end
function list.prepend(l, v) list.insert(l, 1, v) end
function list.remove(l, i)
  if not is_list(l) or mtype(i) ~= 'integer' or i < 1 then return end
  local items, n = rawget(l, ITEMS), rawget(l, COUNT)
  if i > n then return end
  for j = i, n - 1 do items[j] = items[j + 1] end
  items[n] = nil
  rawset(l, COUNT, n - 1)
end
function list.concat(l, other)
  if not is_list(l) or not is_list(other) then return end
  local items, n = rawget(l, ITEMS), rawget(l, COUNT)
  local src, m = rawget(other, ITEMS), rawget(other, COUNT)
  for j = 1, m do items[n + j] = src[j] end
  rawset(l, COUNT, n + m)
end
function list.trim(l, i)
  if not is_list(l) or mtype(i) ~= 'integer' or i < 1 then return end
  local items, n = rawget(l, ITEMS), rawget(l, COUNT)
  for j = i, n do items[j] = nil end
  if i - 1 < n then rawset(l, COUNT, i - 1) end
end
local function sub_list(l, from, to)
  local items, out = rawget(l, ITEMS), {}
  for j = from, to do out[j - from + 1] = items[j] end
  return new_list(out, to >= from and to - from + 1 or 0)
end
function list.take(l, n)
  if not is_list(l) then return nil end
  n = mtype(n) == 'integer' and n or 0
  local size = rawget(l, COUNT)
  return sub_list(l, 1, n < size and n or size)
end
function list.drop(l, n)
  if not is_list(l) then return nil end
  n = mtype(n) == 'integer' and n or 0
  if n < 0 then n = 0 end
  return sub_list(l, n + 1, rawget(l, COUNT))
end
function list.iterator(l)
  if not is_list(l) then return nil end
  local items, n, i = rawget(l, ITEMS), rawget(l, COUNT), 0
  return function()
    if i >= n then return nil end
    i = i + 1
    return items[i]
  end
end
function list.tostring(l) return ListMeta.__tostring(l) end
function list.clone(l) return sub_list(l, 1, rawget(l, COUNT)) end
function list.merge(a, b)
  local out = list.clone(a)
  list.concat(out, b)
  return out
end

-- Maps ----------------------------------------------------------------
local function new_map() return setmetatable({[KEYS] = {}, [VALS] = {}, [COUNT] = 0}, MapMeta) end
local function is_map(v) return getmetatable(v) == MapMeta end

local function map_set(m, k, v)
  if k == nil or k ~= k then return end
  local vals = rawget(m, VALS)
  if v == nil then
    if vals[k] == nil then return end
    vals[k] = nil
    local keys, n = rawget(m, KEYS), rawget(m, COUNT)
    for j = 1, n do
      if keys[j] == k then
        for x = j, n - 1 do keys[x] = keys[x + 1] end
        keys[n] = nil
        break
      end
    end
    rawset(m, COUNT, n - 1)
    return
  end
  if vals[k] == nil then
    local n = rawget(m, COUNT) + 1
    rawget(m, KEYS)[n] = k
    rawset(m, COUNT, n)
  end
  vals[k] = v
end

MapMeta.__index = function(m, k)
  if k == nil then return nil end
  return rawget(m, VALS)[k]
end
MapMeta.__newindex = map_set
MapMeta.__len = function(m) return rawget(m, COUNT) end
MapMeta.__tostring = function(m)
  local parts, keys, vals = {}, rawget(m, KEYS), rawget(m, VALS)
  for j = 1, rawget(m, COUNT) do parts[j] = show(keys[j]) .. '=' .. show(vals[keys[j]]) end
  return 'Map(' .. concat(parts, ',') .. ')'
end

map = setmetatable({}, {__call = function(_, t)
  local m = new_map()
  if type(t) == 'table' and getmetatable(t) == nil then
    for k, v in pairs(t) do map_set(m, k, v) end
  end
  return m
end})

function map.create() return new_map() end
map.new = map.create
function map.size(m)
  if not is_map(m) then return 0 end
  return rawget(m, COUNT)
end
function map.remove(m, k)
  if is_map(m) then map_set(m, k, nil) end
end
function map.pairs(m)
  if not is_map(m) then return nil end
  local keys, vals, i = rawget(m, KEYS), rawget(m, VALS), 0
  return function()
    i = i + 1
    local k = keys[i]
    if k == nil then return nil end
    return k, vals[k]
  end
end
map.iterator = map.pairs
function map.keys(m)
  if not is_map(m) then return nil end
  local keys, i = rawget(m, KEYS), 0
  return function()
    i = i + 1
    return keys[i]
  end
end
function map.values(m)
  if not is_map(m) then return nil end
  local keys, vals, i = rawget(m, KEYS), rawget(m, VALS), 0
  return function()
    i = i + 1
    local k = keys[i]
    if k == nil then return nil end
    return vals[k]
  end
end
function map.tostring(m) return MapMeta.__tostring(m) end
function map.clone(m)
  local out = new_map()
  for k, v in map.pairs(m) do map_set(out, k, v) end
  return out
end
function map.merge(a, b, f)
  local out = map.clone(a)
  for k, v in map.pairs(b) do
    local have = rawget(out, VALS)[k]
    if have ~= nil and type(f) == 'function' then v = f(have, v) end
    map_set(out, k, v)
  end
  return out
end
function map.diff(a, b)
  local out = new_map()
  for k, v in map.pairs(a) do if b[k] == nil then map_set(out, k, v) end end
  for k, v in map.pairs(b) do if a[k] == nil then map_set(out, k, v) end end
  return out
end

-- Bytes ---------------------------------------------------------------
local function new_bytes(s, t) return setmetatable({[DATA] = s, [BTYPE] = t or 4}, BytesMeta) end
local function is_bytes(v) return getmetatable(v) == BytesMeta end

bytes = setmetatable({}, {__call = function(_, n)
  n = mtype(n) == 'integer' and n > 0 and n or 0
  return new_bytes(srep('\0', n))
end})

local function data(b) return rawget(b, DATA) end
local function put(b, pos, s)
  local d = data(b)
  if pos < 1 then return false end
  if pos > #d + 1 then d = d .. srep('\0', pos - #d - 1) end
  rawset(b, DATA, ssub(d, 1, pos - 1) .. s .. ssub(d, pos + #s))
  return true
end
local function int_bytes(v, width, little)
  local out = {}
  for j = 1, width do
    out[j] = schar(v & 0xFF)
    v = v >> 8
  end
  if not little then
    local rev = {}
    for j = 1, width do rev[j] = out[width + 1 - j] end
    out = rev
  end
  return concat(out)
end
local function read_int(b, pos, width, little)
  local d = data(b)
  if mtype(pos) ~= 'integer' or pos < 1 or pos + width - 1 > #d then return nil end
  local v = 0
  for j = 0, width - 1 do
    local byte = sbyte(d, little and pos + width - 1 - j or pos + j)
    v = (v << 8) | byte
  end
  if width < 8 and v >= (1 << (width * 8 - 1)) then v = v - (1 << (width * 8)) end
  return v
end

function bytes.size(b) return is_bytes(b) and #data(b) or 0 end
function bytes.set_size(b, n)
  if not is_bytes(b) or mtype(n) ~= 'integer' or n < 0 then return false end
  local d = data(b)
  rawset(b, DATA, n <= #d and ssub(d, 1, n) or d .. srep('\0', n - #d))
  return true
end
function bytes.get_type(b) return is_bytes(b) and rawget(b, BTYPE) or nil end
function bytes.set_type(b, t)
  if not is_bytes(b) or mtype(t) ~= 'integer' then return false end
  rawset(b, BTYPE, t)
  return true
end
function bytes.get_byte(b, i)
  if not is_bytes(b) or mtype(i) ~= 'integer' then return nil end
  return sbyte(data(b), i)
end
function bytes.set_byte(b, i, v)
  if not is_bytes(b) or mtype(i) ~= 'integer' or mtype(v) ~= 'integer' then return false end
  return put(b, i, schar(v & 0xFF))
end
function bytes.get_string(b, i, n)
  if not is_bytes(b) or mtype(i) ~= 'integer' or mtype(n) ~= 'integer' then return nil end
  if i < 1 or i + n - 1 > #data(b) then return nil end
  return ssub(data(b), i, i + n - 1)
end
function bytes.get_bytes(b, i, n)
  local s = bytes.get_string(b, i, n)
  return s and new_bytes(s) or nil
end
function bytes.set_string(b, i, s)
  if not is_bytes(b) or mtype(i) ~= 'integer' or type(s) ~= 'string' then return false end
  return put(b, i, s)
end
function bytes.set_bytes(b, i, o, n)
  if not is_bytes(b) or not is_bytes(o) or mtype(i) ~= 'integer' then return false end
  local s = data(o)
  if mtype(n) == 'integer' then s = ssub(s, 1, n) end
  return put(b, i, s)
end
function bytes.append_string(b, s)
  if not is_bytes(b) or type(s) ~= 'string' then return false end
  rawset(b, DATA, data(b) .. s)
  return true
end
function bytes.append_bytes(b, o, n)
  if not is_bytes(b) or not is_bytes(o) then return false end
  local s = data(o)
  if mtype(n) == 'integer' then s = ssub(s, 1, n) end
  rawset(b, DATA, data(b) .. s)
  return true
end
function bytes.append_byte(b, v)
  if not is_bytes(b) or mtype(v) ~= 'integer' then return false end
  rawset(b, DATA, data(b) .. schar(v & 0xFF))
  return true
end
for _, spec in ipairs({{'int16', 2}, {'int32', 4}, {'int64', 8}}) do
  local name, width = spec[1], spec[2]
  for _, order in ipairs({{'', false}, {'_be', false}, {'_le', true}}) do
    local suffix, little = order[1], order[2]
    bytes['get_' .. name .. suffix] = function(b, i)
      if not is_bytes(b) then return nil end
      return read_int(b, i, width, little)
    end
    bytes['set_' .. name .. suffix] = function(b, i, v)
      if not is_bytes(b) or mtype(i) ~= 'integer' or mtype(v) ~= 'integer' then return false end
      return put(b, i, int_bytes(v, width, little))
    end
    bytes['append_' .. name .. suffix] = function(b, v)
      if not is_bytes(b) or mtype(v) ~= 'integer' then return false end
      rawset(b, DATA, data(b) .. int_bytes(v, width, little))
      return true
    end
  end
end
BytesMeta.__index = function(b, i) return bytes.get_byte(b, i) end
BytesMeta.__newindex = function(b, i, v) bytes.set_byte(b, i, v) end
BytesMeta.__len = function(b) return #data(b) end
BytesMeta.__tostring = function(b)
  local d, parts = data(b), {}
  for j = 1, #d do parts[j] = string.format('%02X', sbyte(d, j)) end
  return 'Bytes(' .. concat(parts) .. ')'
end

-- Logging formats its message (a bad format still fails the UDF) and
-- keeps it nowhere: asim has no server log. As on a server, debug is this
-- function, not Lua's debug library.
local sformat = string.format
function trace(m, ...) sformat(m, ...) end
function debug(m, ...) sformat(m, ...) end
function info(m, ...) sformat(m, ...) end
function warn(m, ...) sformat(m, ...) end

-- The entry every record UDF goes through, so errors read as the server's:
-- a missing function, or the function's own error passed on unchanged.
function apply_record(f, r, ...)
  if f == nil then error('function not found', 2) end
  local ok, result = pcall(f, r, ...)
  if ok then return result end
  error(result, 2)
end

return ListMeta, MapMeta, BytesMeta
)LUA";

}  // namespace asim::udf
