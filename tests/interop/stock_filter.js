// asim's filter expressions judged by the stock client (aerospike@6.7.1,
// whose addon is the real C client 7.4): expressions built by the client's
// exp module, sent in the policies of get, exists, put, operate, remove and
// apply. As a server does: an existing record the filter rejects answers
// FILTERED_OUT (27) and is left as it was; a bin the record lacks makes
// the filter unknown, which filters the record out; a write that creates
// the record is not filtered; an expression the server cannot build
// (mismatched types) is the server's PARAMETER (4, the client's
// ERR_REQUEST_INVALID). Run by stock_js.sh, which owns asim.
//
// env: ASIM_SEEDS "127.0.0.1:P,..."  AEROSHIM_STOCK_DIR  SCRATCH_DIR (scratch)
'use strict';

const fs = require('fs');
const path = require('path');
const { Aerospike, check, same, errorOf, run } = require('./stock_check');

const exp = Aerospike.exp;
const FILTERED_OUT = Aerospike.status.FILTERED_OUT;
const key = new Aerospike.Key('test', 'demo', 'filter-1');
const iIs = (n) => ({ filterExpression: exp.eq(exp.binInt('i'), exp.int(n)) });

async function seed(client) {
  await client.put(key, { i: 7, s: 'hello', l: [1, 2, 3] }, {}, { key: Aerospike.policy.key.SEND });
  check(FILTERED_OUT === 27, 'the client names FILTERED_OUT 27');
}

async function reads(client) {
  const rec = await client.get(key, iIs(7));
  check(rec.bins.i === 7 && rec.bins.s === 'hello', 'a passing filter reads the record');
  const out = await errorOf(client.get(key, iIs(8)));
  check(out.code === FILTERED_OUT, `a failing filter is FILTERED_OUT (${out.code})`);
  const missing = await errorOf(client.get(key, { filterExpression: exp.eq(exp.binInt('nope'), exp.int(1)) }));
  check(missing.code === FILTERED_OUT, `a missing bin makes the filter unknown: filtered out (${missing.code})`);
  const negated = await errorOf(client.get(key,
    { filterExpression: exp.not(exp.eq(exp.binInt('nope'), exp.int(1))) }));
  check(negated.code === FILTERED_OUT, `not(unknown) is still unknown (${negated.code})`);
  const exists = await errorOf(client.exists(key, iIs(8)));
  check(exists.code === FILTERED_OUT, `exists with a failing filter (${exists.code})`);
  check((await client.exists(key, iIs(7))) === true, 'exists with a passing filter');
  const meta = exp.and(
    exp.eq(exp.setName(), exp.str('demo')),
    exp.eq(exp.keyStr(), exp.str('filter-1')),
    exp.binExists('s'),
    exp.eq(exp.ttl(), exp.int(-1)),
    exp.eq(exp.lists.size(exp.binList('l')), exp.int(3)),
    exp.cmpRegex(Aerospike.regex.ICASE, '^HEL', exp.binStr('s')),
    exp.gt(exp.add(exp.binInt('i'), exp.int(1)), exp.int(7)));
  const all = await errorOf(client.get(key, { filterExpression: meta }));
  check(all.code === 0, `set, key, bin existence, ttl, list size, regex, arithmetic (${all.code} ${all.message})`);
  const bad = await errorOf(client.get(key, { filterExpression: exp.eq(exp.binInt('i'), exp.str('7')) }));
  check(bad.code === Aerospike.status.ERR_REQUEST_INVALID,
    `an expression the server cannot build is the server's PARAMETER, ERR_REQUEST_INVALID (${bad.code})`);
  const absent = await errorOf(client.get(new Aerospike.Key('test', 'demo', 'filter-none'), iIs(7)));
  check(absent.code === Aerospike.status.ERR_RECORD_NOT_FOUND, `a missing record is not found (${absent.code})`);
}

async function writes(client) {
  const out = await errorOf(client.put(key, { i: 100 }, {}, iIs(8)));
  check(out.code === FILTERED_OUT, `a put the filter rejects (${out.code})`);
  let rec = await client.get(key);
  check(rec.bins.i === 7 && rec.gen === 1, 'leaves the record as it was');
  await client.put(key, { i: 8 }, {}, iIs(7));
  rec = await client.get(key);
  check(rec.bins.i === 8 && rec.gen === 2, 'a put the filter passes writes');
  const fresh = new Aerospike.Key('test', 'demo', 'filter-2');
  await client.put(fresh, { i: 1 }, {}, iIs(999));
  check((await client.get(fresh)).bins.i === 1, 'a put creating the record is not filtered');
  const ops = [Aerospike.operations.incr('i', 1), Aerospike.operations.read('i')];
  const opOut = await errorOf(client.operate(key, ops, {}, iIs(7)));
  check(opOut.code === FILTERED_OUT, `operate with a failing filter (${opOut.code})`);
  check((await client.get(key)).bins.i === 8, 'changes nothing');
  const done = await client.operate(key, ops, {}, iIs(8));
  check(done.bins.i === 9, `operate with a passing filter (${JSON.stringify(done.bins)})`);
  const removeOut = await errorOf(client.remove(fresh, iIs(2)));
  check(removeOut.code === FILTERED_OUT, `remove with a failing filter (${removeOut.code})`);
  check((await client.exists(fresh)) === true, 'keeps the record');
  await client.remove(fresh, iIs(1));
  check((await client.exists(fresh)) === false, 'remove with a passing filter');
}

async function udf(client) {
  const file = path.join(process.env.SCRATCH_DIR, 'stockfilter.lua');
  fs.writeFileSync(file, [
    'function bump(rec)',
    "  rec['i'] = rec['i'] + 1",
    '  aerospike:update(rec)',
    "  return rec['i']",
    'end',
    '',
  ].join('\n'));
  const job = await client.udfRegister(file);
  await job.wait(10);
  const call = { module: 'stockfilter', funcname: 'bump', args: [] };
  const out = await errorOf(client.apply(key, call, iIs(1)));
  check(out.code === FILTERED_OUT, `apply with a failing filter (${out.code})`);
  check((await client.get(key)).bins.i === 9, 'runs nothing');
  check((await client.apply(key, call, iIs(9))) === 10, 'apply with a passing filter runs');
  const gone = await client.udfRemove('stockfilter.lua');
  await gone.wait(10);
  check(same((await client.get(key)).bins.l, [1, 2, 3]), 'other bins untouched throughout');
}

run('stock_filter', [seed, reads, writes, udf]);
