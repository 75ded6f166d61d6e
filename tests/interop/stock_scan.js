// asim's scans judged by the stock client (aerospike@6.7.1 over the C
// client 7.4): foreach over every partition of three nodes, partition
// ranges, pages by maxRecords (each next page resumes from the digests the
// client tracked), select, nobins, concurrent, records-per-second, a set
// that holds nothing, and background scans (write ops and a record UDF)
// with their jobs waited for and read back. Expected values are what the
// script wrote. Run by stock_js.sh, which owns asim.
//
// env: ASIM_SEEDS "127.0.0.1:P,..."  AEROSHIM_STOCK_DIR  SCRATCH_DIR (scratch)
'use strict';

const fs = require('fs');
const path = require('path');
const { Aerospike, check, same, run } = require('./stock_check');

const SET = 'scan';
const N = 300;

async function seed(client) {
  for (let i = 0; i < N; i++) {
    await client.put(new Aerospike.Key('test', SET, i), { i, s: 'v' + i, tag: i % 3 });
  }
  check(true, `wrote ${N} records`);
}

// The i bins of `records`, sorted, and whether every record is whole.
function summary(records) {
  const ids = records.map((r) => r.bins.i).sort((a, b) => a - b);
  const whole = records.every((r) => r.bins.s === 'v' + r.bins.i && r.bins.tag === r.bins.i % 3);
  return { ids, whole };
}

const allIds = Array.from({ length: N }, (_, i) => i);

async function fullScans(client) {
  const scan = client.scan('test', SET);
  const records = await scan.results();
  const { ids, whole } = summary(records);
  check(same(ids, allIds), `foreach returns each of the ${N} records once (${ids.length})`);
  check(whole, 'every record carries its bins');
  check(records.every((r) => r.key.digest && r.key.digest.length === 20), 'each record has its digest');

  const concurrent = client.scan('test', SET, { concurrent: true });
  check(same(summary(await concurrent.results()).ids, allIds), 'a concurrent scan returns the same records');

  const selected = client.scan('test', SET, { select: ['s'] });
  const sel = await selected.results();
  check(sel.length === N && sel.every((r) => same(Object.keys(r.bins), ['s'])), 'select returns only bin s');

  const nobins = client.scan('test', SET, { nobins: true });
  const meta = await nobins.results();
  check(meta.length === N && meta.every((r) => Object.keys(r.bins).length === 0 && r.gen === 1),
    'nobins returns metadata only');

  const empty = client.scan('test', 'no_such_set');
  check((await empty.results()).length === 0, 'a set that holds nothing returns no record');
}

async function partitionsAndPages(client) {
  const first = client.scan('test', SET);
  first.partitions(0, 2048);
  const second = client.scan('test', SET);
  second.partitions(2048, 2048);
  const a = summary(await first.results()).ids;
  const b = summary(await second.results()).ids;
  check(a.length + b.length === N && same([...a, ...b].sort((x, y) => x - y), allIds),
    `two partition halves split the records (${a.length} + ${b.length})`);

  const paged = client.scan('test', SET, { paginate: true });
  const seen = [];
  let pages = 0;
  let oversize = false;
  do {
    const page = await paged.results({ maxRecords: 70 });
    if (page.length > 70) oversize = true;
    seen.push(...page.map((r) => r.bins.i));
    pages++;
  } while (paged.hasNextPage() && pages < 50);
  check(!oversize, 'no page holds more than maxRecords');
  check(same(seen.sort((x, y) => x - y), allIds), `pages of 70 resume to cover every record once (${pages} pages)`);
}

async function paced(client) {
  const set = 'scan_rps';
  for (let i = 0; i < 60; i++) await client.put(new Aerospike.Key('test', set, i), { i });
  const started = Date.now();
  const records = await client.scan('test', set).results({ recordsPerSecond: 60 });
  const ms = Date.now() - started;
  // Each node paces its own third (about 20 records) at 60 per second.
  check(records.length === 60, `a paced scan returns every record (${records.length})`);
  check(ms >= 200, `records-per-second 60 takes its time (${ms} ms)`);
}

const MODULE = [
  'function mark(rec, v)',
  '  rec.marked = v',
  '  aerospike:update(rec)',
  'end',
  '',
].join('\n');

async function background(client) {
  const file = path.join(process.env.SCRATCH_DIR, 'scanbg.lua');
  fs.writeFileSync(file, MODULE);
  await (await client.udfRegister(file)).wait(10);

  const opsJob = await client.scan('test', SET).operate([Aerospike.operations.write('w', 5)]);
  await opsJob.wait(10);
  const info = await opsJob.info();
  check(info.status === Aerospike.jobStatus.COMPLETED, 'the ops job reports completed');
  check(info.recordsRead === N, `the ops job read every record (${info.recordsRead})`);
  let all = await client.scan('test', SET).results();
  check(all.length === N && all.every((r) => r.bins.w === 5), 'a background write op reached every record');

  const udfJob = await client.scan('test', SET).background('scanbg', 'mark', [7]);
  await udfJob.wait(10);
  all = await client.scan('test', SET).results();
  check(all.every((r) => r.bins.marked === 7), 'a background UDF updated every record');
  check((await udfJob.info()).recordsRead === N, 'the UDF job read every record');
}

run('stock_scan', [seed, fullScans, partitionsAndPages, paced, background]);
