// asim's admin info commands judged by the stock client (aerospike@6.7.1,
// whose addon is the real C client 7.4): truncate of a set, truncate of a
// namespace with a cut time, and the refusal of a cut in the future
// (PARAMETER 4, "would truncate in the future"); index create through
// createIntegerIndex/createStringIndex/createIndex/createExpIndex, their jobs
// (which poll sindex/NS/NAME on every node for load_pct=100), the index list
// every node shares, INDEX_FOUND (200) for a name taken by another
// definition, and indexRemove (ok even when the index is gone, as an 8.1
// server answers); the sets and namespace lines. Expected values come from
// the server source (thr_info.c, truncate.c, sindex_manager.c, namespace.c).
// Run by stock_js.sh, which owns asim.
//
// env: ASIM_SEEDS "127.0.0.1:P,..."  AEROSHIM_STOCK_DIR
'use strict';

const { Aerospike, seeds, check, errorOf, run } = require('./stock_check');




// The server cuts records last updated strictly before the cut's
// millisecond; waiting for the clock to pass the last write keeps a write
// and the cut that follows it in different milliseconds.
function passMillisecond() {
  const start = Date.now();
  while (Date.now() <= start + 1) { /* spin: the wall clock is the condition */ }
}

const key = (set, k) => new Aerospike.Key('test', set, k);
const value = (info) => info.slice(info.indexOf('\t') + 1).trim();

async function truncateSet(client) {
  for (const k of ['a', 'b', 'c']) await client.put(key('ta', k), { n: 1 });
  await client.put(key('tb', 'a'), { n: 1 });
  passMillisecond();
  await client.truncate('test', 'ta', 0);
  check(true, 'truncate of a set answers ok');
  const gone = await errorOf(client.get(key('ta', 'a')));
  check(gone.code === Aerospike.status.ERR_RECORD_NOT_FOUND, `a truncated record is not found (${gone.code})`);
  check((await client.exists(key('ta', 'b'))) === false, 'exists says false after the truncate');
  check((await client.get(key('tb', 'a'))).bins.n === 1, 'another set is untouched');
  await client.put(key('ta', 'a'), { n: 2 });
  const fresh = await client.get(key('ta', 'a'));
  check(fresh.gen === 1 && fresh.bins.n === 2, `a new write creates a fresh record (gen ${fresh.gen})`);
  const sets = value(await client.infoAny('sets/test/ta'));
  check(/^objects=1:tombstones=0:truncate_lut=\d+:sindexes=0:index_populating=false:truncating=false:/.test(sets),
    `the set line counts what is left (${sets})`);
}

async function truncateNamespace(client) {
  await client.put(key('tn', 'old'), { n: 1 });
  passMillisecond();
  const cut = Date.now() * 1e6;
  passMillisecond();
  await client.put(key('tn', 'new'), { n: 1 });
  // The Node addon always passes a set to aerospike_truncate (its set is a
  // char array, never NULL), so the namespace form is sent as the C client
  // sends it for a NULL set.
  await client.infoAny(`truncate-namespace:namespace=test;lut=${BigInt(cut)}`);
  check((await client.exists(key('tn', 'old'))) === false, 'truncate-namespace with a cut removes older records');
  check((await client.exists(key('tn', 'new'))) === true, 'and keeps those written after the cut');
  const future = await errorOf(client.truncate('test', 'tn', (Date.now() + 3600000) * 1e6));
  check(future.code === Aerospike.status.ERR_REQUEST_INVALID && future.message.includes('would truncate in the future'),
    `a cut in the future is refused (${future.code} ${future.message})`);
  check((await client.exists(key('tn', 'new'))) === true, 'the refused truncate removed nothing');
}

async function listed(client, name) {
  const all = await client.infoAll('sindex-list:ns=test');
  return all.map((r) => value(r.info).split(';').find((e) => e.includes(`:indexname=${name}:`)) || '');
}

async function createIndexes(client) {
  let job = await client.createIntegerIndex({ ns: 'test', set: 'demo', bin: 'n', index: 'idx_n' });
  await job.wait(10);
  check(true, 'createIntegerIndex and its job complete');
  const n = await listed(client, 'idx_n');
  check(n.length === seeds.length &&
    n.every((e) => e === 'ns=test:indexname=idx_n:set=demo:bin=n:type=numeric:indextype=default:context=null:exp=null:state=RW'),
  `every node lists idx_n (${n[0]})`);
  // With a set: the addon leaves an absent set unset in what it hands the C
  // client, which then sends either no set or an empty one ("missing 'set'
  // value" from a server), run by run.
  job = await client.createStringIndex({ ns: 'test', set: 'demo', bin: 's', index: 'idx_s' });
  await job.wait(10);
  job = await client.createIndex({
    ns: 'test', set: 'demo', bin: 'tags', index: 'idx_l',
    type: Aerospike.indexType.LIST, datatype: Aerospike.indexDataType.STRING,
  });
  await job.wait(10);
  const l = await listed(client, 'idx_l');
  check(l.every((e) => e.startsWith('ns=test:indexname=idx_l:set=demo:bin=tags:type=string:indextype=list:')),
    `a list index (${l[0]})`);
  job = await client.createExpIndex({
    ns: 'test', set: 'demo', exp: Aerospike.exp.binInt('n'), index: 'idx_e',
    datatype: Aerospike.indexDataType.NUMERIC,
  });
  await job.wait(10);
  const e = await listed(client, 'idx_e');
  check(e.every((x) => x.startsWith('ns=test:indexname=idx_e:set=demo:bin=null:type=numeric:indextype=default:')),
    `an expression index (${e[0]})`);
  const stat = value(await client.infoAny('sindex-stat:namespace=test;indexname=idx_n'));
  check(stat.includes('load_pct=100'), `sindex-stat reports it loaded (${stat})`);
  const taken = await errorOf(client.createStringIndex({ ns: 'test', set: 'demo', bin: 'other', index: 'idx_n' }));
  check(taken.code === Aerospike.status.ERR_INDEX_FOUND &&
    taken.message.includes("'indexname' already exists with different definition"),
  `a name taken by another definition is INDEX_FOUND (${taken.code} ${taken.message})`);
  const same = await errorOf(client.createIntegerIndex({ ns: 'test', set: 'demo', bin: 'n', index: 'idx_n' }));
  check(same.code === 0, 'creating the same index again is ok');
}

async function removeIndexes(client) {
  await client.indexRemove('test', 'idx_n');
  check((await listed(client, 'idx_n')).every((e) => e === ''), 'indexRemove takes it off every node');
  const again = await errorOf(client.indexRemove('test', 'idx_n'));
  check(again.code === 0, `removing it again is ok, as an 8.1 server answers (${again.code})`);
  const stat = await errorOf(client.infoAny('sindex-stat:namespace=test;indexname=idx_n'));
  check(stat.code === Aerospike.status.ERR_INDEX_NOT_FOUND, `sindex-stat of a removed index is INDEX_NOT_FOUND (${stat.code})`);
  for (const name of ['idx_s', 'idx_l', 'idx_e']) await client.indexRemove('test', name);
  const rest = value(await client.infoAny('sindex-list:ns=test'));
  check(rest === '', `no index is left (${rest})`);
}

async function namespaceInfo(client) {
  const ns = value(await client.infoAny('namespace/test'));
  check(ns.includes('replication-factor=2') && /(^|;)objects=\d+(;|$)/.test(ns), `namespace/test (${ns})`);
  check(value(await client.infoAny('namespace/nope')) === 'type=unknown', 'an unknown namespace');
  check(value(await client.infoAny('namespaces')) === 'test', 'namespaces');
}

run('stock_admin', [truncateSet, truncateNamespace, createIndexes, removeIndexes, namespaceInfo]);
