// asim's batch-index commands judged by the stock client (aerospike@6.7.1,
// whose addon is the real C client 7.4): batchRead with bins, all bins,
// header only and ops; batchWrite with write, operate, remove, apply and
// read rows; batchApply, batchRemove, batchExists, batchGet, batchSelect;
// duplicate and missing keys, several sets, 5,000 keys, and
// respond_all_keys off. Each row's status, bins and generation are the
// server's: NOT_FOUND (2) for a missing key, RECORD_EXISTS (5) for a create
// of an existing record, the UDF's value in a SUCCESS bin, the generation
// bumped by each write; without respond_all_keys a row in error fails the
// command with that row's code. Run by stock_js.sh, which owns asim.
//
// env: ASIM_SEEDS "127.0.0.1:P,..."  AEROSHIM_STOCK_DIR  SCRATCH_DIR (scratch)
'use strict';

const fs = require('fs');
const path = require('path');
const { Aerospike, check, same, errorOf, run } = require('./stock_check');

const op = Aerospike.operations;
const T = Aerospike.batchType;
const S = Aerospike.status;
const key = (set, k) => new Aerospike.Key('test', set, k);
const bins = (r) => (r.record && r.record.bins) || {};
const statuses = (rs) => rs.map((r) => r.status);

const MODULE = [
  'function echo(rec, v)',
  '  return v',
  'end',
  'function add(rec, name, n)',
  '  rec[name] = rec[name] + n',
  '  aerospike:update(rec)',
  '  return rec[name]',
  'end',
  '',
].join('\n');

async function seed(client) {
  for (let i = 0; i < 10; i++) await client.put(key('bat', 'a' + i), { n: i, s: 'v' + i });
  for (let i = 0; i < 5; i++) await client.put(key('bat2', 'b' + i), { n: 100 + i });
  const file = path.join(process.env.SCRATCH_DIR, 'stockbatch.lua');
  fs.writeFileSync(file, MODULE);
  const job = await client.udfRegister(file);
  await job.wait(10);
  check(true, 'records and the UDF module in place');
}

async function reads(client) {
  const r = await client.batchRead([
    { type: T.BATCH_READ, key: key('bat', 'a1'), bins: ['s'] },
    { type: T.BATCH_READ, key: key('bat', 'a2'), readAllBins: true },
    { type: T.BATCH_READ, key: key('bat', 'a3') },
    { type: T.BATCH_READ, key: key('bat', 'a4'), ops: [op.read('n')] },
    { type: T.BATCH_READ, key: key('bat', 'nope'), readAllBins: true },
    { type: T.BATCH_READ, key: key('bat', 'a2'), readAllBins: true },
    { type: T.BATCH_READ, key: key('bat2', 'b1'), readAllBins: true },
  ]);
  check(same(statuses(r), [0, 0, 0, 0, S.ERR_RECORD_NOT_FOUND, 0, 0]), `batchRead statuses (${statuses(r)})`);
  check(same(bins(r[0]), { s: 'v1' }), `named bins only (${JSON.stringify(bins(r[0]))})`);
  check(same(bins(r[1]), { n: 2, s: 'v2' }) && r[1].record.gen === 1, 'all bins and the generation');
  check(Object.keys(bins(r[2])).length === 0 && r[2].record.gen === 1, 'header only: the generation, no bins');
  check(same(bins(r[3]), { n: 4 }), 'a read op');
  check(Object.keys(bins(r[4])).length === 0, 'a missing key has no bins');
  check(same(bins(r[5]), bins(r[1])), 'a duplicate key answered twice');
  check(same(bins(r[6]), { n: 101 }), 'a key of another set');
}

async function legacy(client) {
  const keys = [key('bat', 'a0'), key('bat', 'nope'), key('bat', 'a5'), key('bat', 'a5'), key('bat2', 'b2')];
  const got = await client.batchGet(keys);
  check(same(statuses(got), [0, S.ERR_RECORD_NOT_FOUND, 0, 0, 0]), `batchGet statuses (${statuses(got)})`);
  check(same(bins(got[0]), { n: 0, s: 'v0' }) && same(bins(got[3]), { n: 5, s: 'v5' }) &&
    same(bins(got[4]), { n: 102 }), 'batchGet bins');
  const exists = await client.batchExists(keys);
  check(same(statuses(exists), [0, S.ERR_RECORD_NOT_FOUND, 0, 0, 0]), `batchExists statuses (${statuses(exists)})`);
  check(exists[0].record.gen === 1, 'batchExists gives the generation');
  const selected = await client.batchSelect(keys, ['s']);
  check(same(statuses(selected), [0, S.ERR_RECORD_NOT_FOUND, 0, 0, 0]), 'batchSelect statuses');
  check(same(bins(selected[2]), { s: 'v5' }) && Object.keys(bins(selected[4])).length === 0,
    'batchSelect: the named bin, none for a record without it');
}

async function writes(client) {
  const exists = { exists: Aerospike.policy.exists.CREATE };
  const r = await client.batchWrite([
    { type: T.BATCH_WRITE, key: key('bw', 'w1'), ops: [op.write('x', 1), op.write('y', 'a')] },
    { type: T.BATCH_WRITE, key: key('bat', 'a6'), ops: [op.incr('n', 10), op.read('n')] },
    { type: T.BATCH_REMOVE, key: key('bat', 'a7') },
    { type: T.BATCH_REMOVE, key: key('bat', 'gone') },
    { type: T.BATCH_APPLY, key: key('bat', 'a8'), udf: { module: 'stockbatch', funcname: 'echo', args: [42] } },
    { type: T.BATCH_READ, key: key('bat', 'a9'), readAllBins: true },
    { type: T.BATCH_WRITE, key: key('bat', 'a9'), ops: [op.write('n', 0)], policy: new Aerospike.BatchWritePolicy(exists) },
  ]);
  check(same(statuses(r), [0, 0, 0, S.ERR_RECORD_NOT_FOUND, 0, 0, S.ERR_RECORD_EXISTS]),
    `batchWrite statuses (${statuses(r)})`);
  check(r[0].record.gen === 1, 'a created record is at generation 1');
  check(same((await client.get(key('bw', 'w1'))).bins, { x: 1, y: 'a' }), 'the write row stored its bins');
  check(bins(r[1]).n === 16 && r[1].record.gen === 2, `operate row: incr then read (${JSON.stringify(bins(r[1]))})`);
  check((await client.exists(key('bat', 'a7'))) === false, 'the remove row removed');
  check(bins(r[4]).SUCCESS === 42, 'the apply row answers in SUCCESS');
  check(same(bins(r[5]), { n: 9, s: 'v9' }), 'a read row among writes');
  check(same((await client.get(key('bat', 'a9'))).bins, { n: 9, s: 'v9' }), 'the refused create changed nothing');
}

async function applyRemove(client) {
  const keys = [key('bat', 'a0'), key('bat', 'a1'), key('bat', 'a1')];
  const r = await client.batchApply(keys, { module: 'stockbatch', funcname: 'add', args: ['n', 100] });
  check(same(statuses(r), [0, 0, 0]), `batchApply statuses (${statuses(r)})`);
  check(bins(r[0]).SUCCESS === 100 && bins(r[1]).SUCCESS === 101 && bins(r[2]).SUCCESS === 201,
    'batchApply runs each row in order, duplicates included');
  const a1 = await client.get(key('bat', 'a1'));
  check(a1.bins.n === 201 && a1.gen === 3, 'the UDF writes are stored');
  const removed = await client.batchRemove([key('bat2', 'b0'), key('bat2', 'b1'), key('bat2', 'none')]);
  check(same(statuses(removed), [0, 0, S.ERR_RECORD_NOT_FOUND]), `batchRemove statuses (${statuses(removed)})`);
  check((await client.exists(key('bat2', 'b0'))) === false, 'batchRemove removed');
}

// asim-stats per node: { reads, proxied, compressedOut }.
async function stats(client) {
  const answer = String(await client.infoAny('asim-stats'));
  const value = answer.slice(answer.indexOf('\t') + 1).trim();
  return value.split(';').map((entry) => {
    const num = (name) => Number((entry.match(new RegExp(`[:,]${name}=(\\d+)`)) || [])[1]);
    return { reads: num('reads'), proxied: num('proxied'), compressedOut: num('compressed_out') };
  });
}

async function many(client) {
  const n = 5000;
  const rows = [];
  for (let i = 0; i < n; i++) rows.push({ type: T.BATCH_WRITE, key: key('many', 'k' + i), ops: [op.write('i', i)] });
  const written = await client.batchWrite(rows);
  check(written.length === n && written.every((r) => r.status === 0), '5,000 write rows');
  const keys = [];
  for (let i = 0; i < n; i++) keys.push(key('many', 'k' + i));
  keys.push(key('many', 'k-missing'));
  await client.infoAny('asim-stats-reset');
  const got = await client.batchGet(keys);
  const counts = await stats(client);
  const reads = counts.reduce((sum, c) => sum + c.reads, 0);
  check(reads === n + 1 && counts.every((c) => c.reads > 0 && c.proxied === 0),
    `each node got only the keys it masters (${JSON.stringify(counts)})`);
  check(got.length === n + 1 && got.slice(0, n).every((r, i) => r.status === 0 && bins(r).i === i) &&
    got[n].status === S.ERR_RECORD_NOT_FOUND, '5,000 keys read back, one missing');
  const packed = await client.batchGet(keys, new Aerospike.BatchPolicy({ compress: true }));
  const compressed = (await stats(client)).reduce((sum, c) => sum + c.compressedOut, 0);
  check(compressed > 0 && same(packed.map(bins), got.map(bins)), `compressed answers read the same (${compressed} frames)`);
}

async function respondSome(client) {
  const policy = new Aerospike.BatchPolicy({ respondAllKeys: false });
  const create = new Aerospike.BatchWritePolicy({ exists: Aerospike.policy.exists.CREATE });
  const rows = [
    { type: T.BATCH_READ, key: key('bat', 'nope'), readAllBins: true },
    { type: T.BATCH_WRITE, key: key('bat', 'a3'), ops: [op.write('n', 0)], policy: create },
  ];
  const failed = await errorOf(client.batchWrite(rows, policy));
  check(failed.code === S.ERR_RECORD_EXISTS, `without respond_all_keys a row in error fails the batch (${failed.code})`);
  const missing = await client.batchRead([rows[0]], policy);
  check(missing[0].status === S.ERR_RECORD_NOT_FOUND, 'a missing key is no error there');
}

run('stock_batch', [seed, reads, legacy, writes, applyRemove, many, respondSome]);
