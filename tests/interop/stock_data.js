// asim's data commands judged by the stock client (aerospike@6.7.1, whose
// addon is the real C client 7.4): every bin type round-trips, the policy
// errors come back with the server's codes, operate with list and map
// operations answers what the client expects, compression works both ways,
// and asim's namespace knob and faults reach the client as a server's
// FORBIDDEN and timeouts would. Run by stock_js.sh, which owns asim.
//
// env: ASIM_SEEDS "127.0.0.1:P,..."  AEROSHIM_STOCK_DIR
'use strict';

const path = require('path');
const { Aerospike, seeds, check, same, errorOf, run } = require('./stock_check');
const { asimInfo } = require(path.join(__dirname, '..', '..', 'tools', 'asim', 'asim_info.js'));
const lists = Aerospike.lists;
const maps = Aerospike.maps;
const op = Aerospike.operations;


// The client error code a promise rejects with, or 0 when it resolves.
async function codeOf(promise) {
  return (await errorOf(promise)).code;
}

async function everyPort(command) {
  for (const s of seeds) await asimInfo(s.port, command.replace('PORT', s.port), 2000);
}

async function bins(client) {
  const key = new Aerospike.Key('test', 'demo', 'types');
  const geo = new Aerospike.GeoJSON({ type: 'Point', coordinates: [103.9, 1.3] });
  const record = {
    i: 42, neg: -7, d: new Aerospike.Double(2.5), s: 'text', b: Buffer.from([1, 2, 3]),
    l: [1, 'two', [3]], m: { a: 1, b: [2] }, g: geo,
  };
  await client.put(key, record);
  const got = (await client.get(key)).bins;
  for (const name of ['i', 'neg', 's', 'l', 'm']) check(same(got[name], record[name]), `bin ${name} round-trips`);
  check(got.d === 2.5, 'double round-trips');
  check(Buffer.isBuffer(got.b) && got.b.equals(record.b), 'blob round-trips');
  // The Node client hands GeoJSON bins back as their JSON text.
  check(String(got.g.str || got.g) === geo.str, `geojson round-trips (${JSON.stringify(got.g)})`);
  const few = (await client.select(key, ['i', 'absent'])).bins;
  check(same(few, { i: 42 }), 'select answers only the bins there');
  check((await client.exists(key)) === true, 'exists');
}

async function policies(client) {
  const key = new Aerospike.Key('test', 'demo', 'policies');
  await client.put(key, { v: 1 }, { ttl: 1000 });
  const meta = await client.get(key);
  check(meta.gen === 1 && meta.ttl > 990 && meta.ttl <= 1000, `generation 1 and ttl ~1000 (${meta.ttl})`);
  const create = { exists: Aerospike.policy.exists.CREATE };
  check(await codeOf(client.put(key, { v: 2 }, null, create)) === 5, 'create-only on an existing record');
  const gen = { gen: Aerospike.policy.gen.EQ };
  check(await codeOf(client.put(key, { v: 2 }, { gen: 7 }, gen)) === 3, 'generation mismatch');
  check(await codeOf(client.put(key, { v: 2 }, { gen: 1 }, gen)) === 0, 'generation match');
  const update = { exists: Aerospike.policy.exists.UPDATE };
  const missing = new Aerospike.Key('test', 'demo', 'missing');
  check(await codeOf(client.put(missing, { v: 1 }, null, update)) === 2, 'update-only of a missing record');
  check(await codeOf(client.operate(missing, [op.touch()])) === 2, 'touch of a missing record');
  check(await codeOf(client.get(new Aerospike.Key('nope', 'demo', 'k'))) === 20, 'unknown namespace');
  check(await codeOf(client.put(key, { v: 3 }, { ttl: 315360001 })) === 4, 'ttl over ten years');
  await client.remove(key);
  check(await codeOf(client.get(key)) === 2, 'removed');
  check(await codeOf(client.remove(key)) === 2, 'remove of a missing record');
}

async function operate(client) {
  const key = new Aerospike.Key('test', 'demo', 'operate');
  await client.put(key, { n: 1, s: 'ab' });
  let r = await client.operate(key, [op.incr('n', 4), op.append('s', 'c'), op.read('n'), op.read('s')]);
  check(r.bins.n === 5 && r.bins.s === 'abc', 'incr, append, read');
  check(await codeOf(client.operate(key, [op.incr('s', 1)])) === 12, 'incr of a string bin');
  r = await client.operate(key, [lists.appendItems('l', [3, 1, 2]), lists.append('l', 4)]);
  check(r.bins.l === 4, `list append answers the size (${JSON.stringify(r.bins.l)})`);
  r = await client.operate(key, [lists.getByIndex('l', -1, lists.returnType.VALUE)]);
  check(r.bins.l === 4, 'list get_by_index');
  r = await client.operate(key, [lists.getByIndexRange('l', 1, 2, lists.returnType.VALUE)]);
  check(same(r.bins.l, [1, 2]), 'list get_by_index_range');
  r = await client.operate(key, [lists.getByRank('l', 0, lists.returnType.VALUE)]);
  check(r.bins.l === 1, 'list get_by_rank');
  r = await client.operate(key, [lists.removeByValue('l', 3, lists.returnType.COUNT)]);
  check(r.bins.l === 1, 'list remove_by_value');
  r = await client.operate(key, [lists.pop('l', 0), lists.size('l')]);
  check(same(r.bins.l, [1, 2]) || r.bins.l === 2, `pop then size (${JSON.stringify(r.bins.l)})`);
  check(await codeOf(client.operate(key, [lists.get('l', 9)])) === 26, 'list index out of range');
  r = await client.operate(key, [maps.put('m', 'b', 2), maps.put('m', 'a', 1), maps.increment('m', 'a', 10)]);
  check(r.bins.m === 11, `map increment answers the value (${JSON.stringify(r.bins.m)})`);
  r = await client.operate(key, [maps.getByKey('m', 'a', maps.returnType.VALUE)]);
  check(r.bins.m === 11, 'map get_by_key');
  r = await client.operate(key, [maps.getByIndex('m', 0, maps.returnType.KEY)]);
  check(r.bins.m === 'a', 'map get_by_index is in key order');
  r = await client.operate(key, [maps.size('m')]);
  check(r.bins.m === 2, 'map size');
  const createOnly = new Aerospike.policy.MapPolicy({ writeFlags: maps.writeFlags.CREATE_ONLY });
  check(await codeOf(client.operate(key, [maps.put('m', 'a', 0, createOnly)])) === 24, 'map create-only of an existing key');
  r = await client.operate(key, [maps.removeByKey('m', 'b', maps.returnType.VALUE)]);
  check(r.bins.m === 2, 'map remove_by_key');
  const ctx = new Aerospike.cdt.Context().addMapKey('nested');
  await client.operate(key, [maps.put('m', 'nested', [1])]);
  r = await client.operate(key, [lists.append('m', 2).withContext(ctx)]);
  check(r.bins.m === 2, 'list append inside a map (context)');
  r = await client.get(key);
  check(same(r.bins.m, { a: 11, nested: [1, 2] }), `map after the context op (${JSON.stringify(r.bins.m)})`);
}

// The sum of one asim-stats field over every node.
async function statSum(field) {
  const all = await asimInfo(seeds[0].port, 'asim-stats', 2000);
  let sum = 0;
  for (const m of all.matchAll(new RegExp(`[,:]${field}=(\\d+)`, 'g'))) sum += Number(m[1]);
  return sum;
}

async function compression(client) {
  const key = new Aerospike.Key('test', 'demo', 'compressed');
  const big = 'z'.repeat(5000);
  const before = [await statSum('compressed_in'), await statSum('compressed_out')];
  await client.put(key, { big }, null, { compress: true });
  const got = await client.get(key, { compress: true });
  check(got.bins.big === big, 'compressed put and compressed get');
  check(await statSum('compressed_in') === before[0] + 1, 'the put arrived compressed');
  check(await statSum('compressed_out') === before[1] + 1, 'the answer went out compressed');
}

async function knobsAndFaults(client) {
  const key = new Aerospike.Key('test', 'demo', 'knobs');
  await everyPort('asim-ns-config:ns=test;nsup-period=0');
  check(await codeOf(client.put(key, { v: 1 }, { ttl: 60 })) === 22, 'ttl write with nsup-period 0 is FORBIDDEN');
  check(await codeOf(client.put(key, { v: 1 })) === 0, 'no-ttl write with nsup-period 0');
  await everyPort('asim-ns-config:ns=test;nsup-period=120');
  await everyPort('asim-fault:port=PORT;kind=delay;ms=3000;count=0');
  const slow = { totalTimeout: 300, socketTimeout: 300, maxRetries: 0 };
  const timedOut = await codeOf(client.get(key, slow));
  check(timedOut === 9 || timedOut === -1 || timedOut === 28, `a late answer times the client out (${timedOut})`);
  const serverTimeout = await codeOf(client.get(key, { totalTimeout: 200, socketTimeout: 0, maxRetries: 0 }));
  check(serverTimeout === 9, `server timeout (${serverTimeout})`);
  await everyPort('asim-fault-clear');
  await everyPort('asim-fault:port=PORT;kind=garbage;count=0');
  check((await codeOf(client.get(key, { maxRetries: 0 }))) < 0, 'garbage answers are a client error');
  await everyPort('asim-fault-clear');
  check(await codeOf(client.get(key)) === 0, 'answers again once cleared');
}

run('stock_data', [bins, policies, operate, compression, knobsAndFaults],
  { policies: { read: { totalTimeout: 2000 } } });
