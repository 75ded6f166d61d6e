// asim's secondary-index queries judged by the stock client (aerospike@6.7.1
// over the C client 7.4): equal and range on an integer index, equal on a
// string index, contains on a list index and on map keys, GeoJSON points
// within a polygon and within a circle, regions containing a point, pages by
// maxRecords that resume from the (digest, bval) the client tracked, select,
// the INDEX_NOTFOUND error, background queries (write ops and a record
// UDF) limited to what the predicate picks, with their jobs waited for, and
// stream UDF aggregations (map, filter, reduce, aggregate, a Lua error).
// Expected values are computed from what the script wrote (circles by
// haversine, which asim uses too; the points sit far from every edge).
// Run by stock_js.sh, which owns asim.
//
// env: ASIM_SEEDS "127.0.0.1:P,..."  AEROSHIM_STOCK_DIR  SCRATCH_DIR (scratch)
'use strict';

const fs = require('fs');
const path = require('path');
const { Aerospike, check, same, errorOf, run } = require('./stock_check');

const SET = 'query';
const N = 100;
const { filter } = Aerospike;

// Record i: n = i, s = 'v' + i % 5, tags = [i, i + 1000], m = { ['k' + i % 4]: i },
// loc = a point at (i / 10, i / 20).
function point(i) {
  return new Aerospike.GeoJSON({ type: 'Point', coordinates: [i / 10 + 0.05, i / 20 + 0.025] });
}

async function seed(client) {
  const jobs = [
    await client.createIntegerIndex({ ns: 'test', set: SET, bin: 'n', index: 'q_n' }),
    await client.createStringIndex({ ns: 'test', set: SET, bin: 's', index: 'q_s' }),
    await client.createIndex({
      ns: 'test', set: SET, bin: 'tags', index: 'q_tags',
      type: Aerospike.indexType.LIST, datatype: Aerospike.indexDataType.NUMERIC,
    }),
    await client.createIndex({
      ns: 'test', set: SET, bin: 'm', index: 'q_mk',
      type: Aerospike.indexType.MAPKEYS, datatype: Aerospike.indexDataType.STRING,
    }),
    await client.createGeo2DSphereIndex({ ns: 'test', set: SET, bin: 'loc', index: 'q_loc' }),
    await client.createGeo2DSphereIndex({ ns: 'test', set: SET, bin: 'area', index: 'q_area' }),
  ];
  for (const job of jobs) await job.wait(10);
  for (let i = 0; i < N; i++) {
    await client.put(new Aerospike.Key('test', SET, i), {
      n: i, s: 'v' + (i % 5), tags: [i, i + 1000], m: { ['k' + (i % 4)]: i }, loc: point(i),
    });
  }
  check(true, `created 6 indexes and wrote ${N} records`);
}

async function ns(client, predicate, policy, setup) {
  const q = client.query('test', SET);
  q.where(predicate);
  if (setup) setup(q);
  const records = await q.results(policy);
  return records.map((r) => r.bins.n).sort((a, b) => a - b);
}

const range = (a, b) => Array.from({ length: b - a + 1 }, (_, k) => a + k);

async function predicates(client) {
  check(same(await ns(client, filter.equal('n', 42)), [42]), 'equal on an integer index');
  check(same(await ns(client, filter.range('n', 10, 19)), range(10, 19)), 'range on an integer index');
  check(same(await ns(client, filter.equal('s', 'v3')), range(0, 19).map((k) => k * 5 + 3)),
    'equal on a string index');
  check(same(await ns(client, filter.contains('tags', 1007, Aerospike.indexType.LIST)), [7]),
    'contains on a list index');
  check(same(await ns(client, filter.range('tags', 1090, 1200, Aerospike.indexType.LIST)), range(90, 99)),
    'range on a list index returns each record once');
  check(same(await ns(client, filter.contains('m', 'k2', Aerospike.indexType.MAPKEYS)),
    range(0, 24).map((k) => k * 4 + 2)), 'contains on map keys');
  const sel = client.query('test', SET);
  sel.where(filter.range('n', 0, 9));
  sel.select('n');
  const picked = await sel.results();
  check(picked.length === 10 && picked.every((r) => same(Object.keys(r.bins), ['n'])), 'select on a query');
}

// Longitudes and latitudes in degrees; metres.
function haversine(lng1, lat1, lng2, lat2) {
  const rad = Math.PI / 180;
  const h = Math.sin((lat2 - lat1) * rad / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin((lng2 - lng1) * rad / 2) ** 2;
  return 2 * 6371000 * Math.asin(Math.sqrt(h));
}

async function geo(client) {
  const box = new Aerospike.GeoJSON({
    type: 'Polygon', coordinates: [[[2, 1], [5, 1], [5, 2.5], [2, 2.5], [2, 1]]],
  });
  const inBox = range(0, N - 1).filter((i) => {
    const [x, y] = point(i).value().coordinates;
    return x > 2 && x < 5 && y > 1 && y < 2.5;
  });
  check(same(await ns(client, filter.geoWithinGeoJSONRegion('loc', box)), inBox),
    `points within a polygon (${inBox.length})`);
  const radius = 60000;
  const inCircle = range(0, N - 1).filter((i) => {
    const [x, y] = point(i).value().coordinates;
    return haversine(7, 3.5, x, y) <= radius;
  });
  check(same(await ns(client, filter.geoWithinRadius('loc', 7, 3.5, radius)), inCircle),
    `points within a circle (${inCircle.length})`);
  await client.put(new Aerospike.Key('test', SET, 'area1'), { n: 1001, area: box });
  await client.put(new Aerospike.Key('test', SET, 'area2'), {
    n: 1002, area: new Aerospike.GeoJSON({ type: 'AeroCircle', coordinates: [[3, 2], 50000] }),
  });
  const at = new Aerospike.GeoJSON({ type: 'Point', coordinates: [3.1, 2.1] });
  check(same(await ns(client, filter.geoContainsGeoJSONPoint('area', at)), [1001, 1002]),
    'regions containing a point');
  const far = new Aerospike.GeoJSON({ type: 'Point', coordinates: [4.9, 2.4] });
  check(same(await ns(client, filter.geoContainsGeoJSONPoint('area', far)), [1001]),
    'a point outside the circle is only in the polygon');
}

async function pagesAndErrors(client) {
  const q = client.query('test', SET, { paginate: true, maxRecords: 30 });
  q.where(filter.range('n', 0, N - 1));
  const seen = [];
  let pages = 0;
  let oversize = false;
  do {
    const page = await q.results();
    if (page.length > 30) oversize = true;
    seen.push(...page.map((r) => r.bins.n));
    pages++;
  } while (q.hasNextPage() && pages < 50);
  check(!oversize && pages >= 4, `no page holds more than maxRecords (${pages} pages)`);
  check(same(seen.sort((a, b) => a - b), range(0, N - 1)), 'pages of 30 resume by bval to cover every record once');

  const missing = client.query('test', SET);
  missing.where(filter.equal('nobin', 1));
  const e = await errorOf(missing.results({ maxRetries: 0 }));
  check(e.code === Aerospike.status.ERR_INDEX_NOT_FOUND, `a query without an index is INDEX_NOTFOUND (${e.code})`);
}

const MODULE = [
  'function mark(rec, v)',
  '  rec.marked = v',
  '  aerospike:update(rec)',
  'end',
  '',
].join('\n');

async function background(client) {
  const file = path.join(process.env.SCRATCH_DIR, 'querybg.lua');
  fs.writeFileSync(file, MODULE);
  await (await client.udfRegister(file)).wait(10);

  const q = client.query('test', SET);
  q.where(filter.range('n', 20, 29));
  const job = await q.operate([Aerospike.operations.write('w', 1)]);
  await job.wait(10);
  check((await job.info()).recordsRead === 10, 'the ops query job read the 10 matching records');
  const withW = (await client.query('test', SET).results()).filter((r) => r.bins.w === 1).map((r) => r.bins.n);
  check(same(withW.sort((a, b) => a - b), range(20, 29)), 'a background query writes only what it matches');

  const u = client.query('test', SET);
  u.where(filter.equal('s', 'v0'));
  const udfJob = await u.background('querybg', 'mark', [3]);
  await udfJob.wait(10);
  const marked = (await client.query('test', SET).results()).filter((r) => r.bins.marked === 3).map((r) => r.bins.n);
  check(same(marked.sort((a, b) => a - b), range(0, 19).map((k) => k * 5)), 'a background UDF query marks v0 only');
}

// Stream UDFs: the client runs the part after the first reduce on what the
// nodes sent, so it needs the module too (in its modlua user path).
const AGG = [
  'local function one(rec) return 1 end',
  'local function add(a, b) return a + b end',
  'function count(stream) return stream : map(one) : reduce(add) end',
  'function sum_from(stream, low)',
  '  local function big(rec) return rec.n >= low end',
  '  local function n(rec) return rec.n end',
  '  return stream : filter(big) : map(n) : reduce(add)',
  'end',
  'function by_s(stream)',
  '  local function tally(m, rec) m[rec.s] = (m[rec.s] or 0) + 1 return m end',
  '  local function merge(a, b) return map.merge(a, b, add) end',
  '  return stream : aggregate(map(), tally) : reduce(merge)',
  'end',
  'function boom(stream)',
  "  local function bad(rec) error('no way') end",
  '  return stream : map(bad)',
  'end',
  '',
].join('\n');

async function aggregation(client) {
  const file = path.join(process.env.SCRATCH_DIR, 'aggmod.lua');
  fs.writeFileSync(file, AGG);
  await (await client.udfRegister(file)).wait(10);
  const all = client.query('test', SET);
  all.where(filter.range('n', 0, N - 1));
  check((await all.apply('aggmod', 'count')) === N, 'a map/reduce count over every node');
  const some = client.query('test', SET);
  some.where(filter.range('n', 0, N - 1));
  const expected = range(90, N - 1).reduce((a, b) => a + b, 0);
  check((await some.apply('aggmod', 'sum_from', [90])) === expected, `filter, map and reduce with an argument (${expected})`);
  const groups = client.query('test', SET);
  groups.where(filter.range('n', 0, N - 1));
  const tally = await groups.apply('aggmod', 'by_s');
  check(same(Object.entries(tally).sort(), [['v0', 20], ['v1', 20], ['v2', 20], ['v3', 20], ['v4', 20]]),
    'aggregate then reduce a map');
  const bad = client.query('test', SET);
  bad.where(filter.equal('n', 3));
  const e = await errorOf(bad.apply('aggmod', 'boom'));
  check(e.code !== 0, `a Lua error fails the aggregation (${e.code} ${e.message})`);
}

run('stock_query', [seed, predicates, geo, pagesAndErrors, background, aggregation],
  { modlua: { userPath: process.env.SCRATCH_DIR } });
