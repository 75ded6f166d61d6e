// asim's record UDFs judged by the stock client (aerospike@6.7.1, whose
// addon is the real C client 7.4): udfRegister/udfRemove and their jobs
// (which poll every node's udf-list), apply with each argument and return
// type, bin writes seen by ordinary reads, and the errors with the codes and
// texts a server gives: 100 (ERR_UDF) with "/opt/aerospike/usr/udf/lua/
// <file>:<line>: <message>" for a Lua error, "function not found",
// "UDF: Execution Error 1" for a module that is not registered, and the
// info "error=compile_error;file=...;line=...;message=..." of a module that
// does not compile. Expected values come from the server and mod-lua
// sources. Run by stock_js.sh, which owns asim.
//
// env: ASIM_SEEDS "127.0.0.1:P,..."  AEROSHIM_STOCK_DIR  SCRATCH_DIR (scratch)
'use strict';

const fs = require('fs');
const path = require('path');
const { Aerospike, seeds, check, same, errorOf, run } = require('./stock_check');



// Line numbers matter: the error checks expect boom on line 5.
const MODULE = [
  'function echo(rec, v)',
  '  return v',
  'end',
  'function boom(rec)',
  "  error('boom')",
  'end',
  'function put_bin(rec, name, v)',
  '  rec[name] = v',
  '  if aerospike:exists(rec) then return aerospike:update(rec) end',
  '  return aerospike:create(rec)',
  'end',
  'function meta(rec)',
  '  return list{record.gen(rec), record.numbins(rec), aerospike:exists(rec)}',
  'end',
  'function add(rec, name, n)',
  '  rec[name] = (rec[name] or 0) + n',
  '  aerospike:update(rec)',
  '  return rec[name]',
  'end',
  'function shape(rec)',
  "  local m = map{name = 'x'}",
  '  m.items = list{1, 2}',
  '  return m',
  'end',
  'function drop(rec) return aerospike:remove(rec) end',
  '',
].join('\n');

function writeModule(name, text) {
  const file = path.join(process.env.SCRATCH_DIR, name);
  fs.writeFileSync(file, text);
  return file;
}

async function register(client) {
  const job = await client.udfRegister(writeModule('stockudf.lua', MODULE));
  await job.wait(10);
  check(true, 'udfRegister and its job complete');
  const list = await client.infoAll('udf-list');
  check(list.length === seeds.length && list.every((r) => r.info.includes('filename=stockudf.lua,hash=')),
    'every node lists the module');
  const bad = await errorOf(client.udfRegister(writeModule('bad_udf.lua', 'x = = 1\n')));
  check(bad.code === Aerospike.status.ERR_UDF, `a module that does not compile is ERR_UDF (${bad.code})`);
  check(bad.message.includes("error=compile_error;file=bad_udf.lua;line=1;message=unexpected symbol near '='"),
    `compile error text (${bad.message})`);
}

async function applyValues(client) {
  const key = new Aerospike.Key('test', 'demo', 'udf-values');
  const echo = async (args) => client.apply(key, { module: 'stockudf', funcname: 'echo', args });
  check((await echo([42])) === 42, 'integer argument and result');
  check((await echo([-7])) === -7, 'negative integer');
  check((await echo([new Aerospike.Double(2.5)])) === 2.5, 'double');
  check((await echo(['text'])) === 'text', 'string');
  check((await echo([true])) === true, 'boolean');
  check(same(await echo([[1, 'two', [3]]]), [1, 'two', [3]]), 'list');
  check(same(await echo([{ a: 1, b: [2] }]), { a: 1, b: [2] }), 'map');
  const blob = await echo([Buffer.from([1, 2, 3])]);
  check(Buffer.isBuffer(blob) && blob.equals(Buffer.from([1, 2, 3])), 'bytes');
  check((await echo([])) === null, 'no argument gives nil');
  const shape = await client.apply(key, { module: 'stockudf', funcname: 'shape' });
  check(same(shape.items, [1, 2]) && shape.name === 'x', `map and list built in Lua (${JSON.stringify(shape)})`);
  check((await client.exists(key)) === false, 'a reading UDF leaves no record');
  const notArray = await errorOf(client.apply(key, { module: 'stockudf', funcname: 'echo', args: 42 }));
  check(notArray.code === Aerospike.status.ERR_PARAM, 'arguments that are not an array are the client\'s ERR_PARAM');
}

async function applyWrites(client) {
  const key = new Aerospike.Key('test', 'demo', 'udf-writes');
  const call = (funcname, args) => client.apply(key, { module: 'stockudf', funcname, args });
  check((await call('put_bin', ['n', 5])) === 0, 'aerospike:create answers 0');
  let rec = await client.get(key);
  check(rec.bins.n === 5 && rec.gen === 1, `the created record (${JSON.stringify(rec.bins)}, gen ${rec.gen})`);
  check((await call('add', ['n', 3])) === 8, 'read-modify-write');
  rec = await client.get(key);
  check(rec.bins.n === 8 && rec.gen === 2, 'the update bumped the generation');
  check(same(await call('meta'), [2, 1, true]), 'record.gen, record.numbins, aerospike:exists');
  check((await call('drop')) === 0, 'aerospike:remove answers 0');
  check((await client.exists(key)) === false, 'the removed record is gone');
}

async function applyErrors(client) {
  const key = new Aerospike.Key('test', 'demo', 'udf-errors');
  const boom = await errorOf(client.apply(key, { module: 'stockudf', funcname: 'boom' }));
  check(boom.code === Aerospike.status.ERR_UDF, `a Lua error is ERR_UDF (${boom.code})`);
  check(boom.message.includes('/opt/aerospike/usr/udf/lua/stockudf.lua:5: boom'), `its text (${boom.message})`);
  const missingFn = await errorOf(client.apply(key, { module: 'stockudf', funcname: 'no_such' }));
  check(missingFn.code === Aerospike.status.ERR_UDF && missingFn.message.includes('function not found'),
    `an unknown function (${missingFn.code} ${missingFn.message})`);
  const missingModule = await errorOf(client.apply(key, { module: 'no_such_module', funcname: 'echo' }));
  check(missingModule.code === Aerospike.status.ERR_UDF &&
    missingModule.message.includes('UDF: Execution Error 1'),
  `an unknown module (${missingModule.code} ${missingModule.message})`);
}

async function remove(client) {
  const job = await client.udfRemove('stockudf.lua');
  await job.wait(10);
  const list = await client.infoAll('udf-list');
  check(list.every((r) => !r.info.includes('stockudf.lua')), 'udfRemove takes it off every node');
  const gone = await errorOf(client.apply(new Aerospike.Key('test', 'demo', 'x'), { module: 'stockudf', funcname: 'echo' }));
  check(gone.code === Aerospike.status.ERR_UDF && gone.message.includes('UDF: Execution Error 1'),
    'a removed module is an unknown one');
  const again = await errorOf(client.udfRemove('stockudf.lua'));
  check(again.code === 0, 'removing it again is not an error');
}

run('stock_udf', [register, applyValues, applyWrites, applyErrors, remove]);
