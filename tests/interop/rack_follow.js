// A stock rack-aware follower routes by the racks our owner publishes. Our
// process (fleet_member, rack-aware) owns the segment; a stock process
// (stock_member.js, rack-aware on rack RACK) follows it and reads with replica
// PREFER_RACK. asim runs 3 nodes and two namespaces of replication factor 3,
// so every node holds every partition and a rack can take all reads.
// Run by rack_follow.sh, which owns asim, the key and the cleanup of every
// process listed in PIDS_FILE.
//
// What the stock follower (7.4.0) does with the segment: on every PREFER_RACK
// read it compares each replica's node entry rack_id with its rack; an entry
// of -1 (racks differ per namespace) sends it to the racks it asked that node
// for itself, which it asks again whenever the segment's rebalance_gen moves.
//
// env: ASIM_SEEDS  SHM_KEY  FLEET_MEMBER  ASSHM  AEROSHIM_STOCK_DIR  PIDS_FILE
'use strict';

const path = require('path');
const fleet = require(path.join(__dirname, 'fleet.js'));
const { SETTLE_MS, check, hex, elapsed, until, stockCommand } = fleet;

const ports = process.env.ASIM_SEEDS.split(',').map((s) => Number(s.split(':')[1]));
const key = Number(process.env.SHM_KEY);
const RACK = 5; // the follower's; no node is on it until the test puts one there
const OWNER_RACK = 1; // the owner's own rack, which routes none of the follower's reads
const N = 300;
const NAMESPACES = ['test', 'other'];
const TOTAL_LIMIT_MS = 60000;

const control = (command) => fleet.control(ports[0], command);
const setRack = (port, rack, ns) => control(`asim-set-rack:port=${port};rack=${rack}${ns ? `;ns=${ns}` : ''}`);

// The rack_id of the active node entry of `port` in a segment header.
function entryRack(h, port) {
  const entry = h.nodes.find((n) => n.active && n.address.endsWith(`:${port}`));
  check(entry, `${hex(key)} has no active node entry for port ${port}: ${JSON.stringify(h.nodes)}`);
  return entry.rack_id;
}

// Until every node entry shows its wanted rack (and, with `afterGen`, the
// segment's rebalance_gen has moved past it); the header and how long it took.
async function awaitSegment(want, what, afterGen = null) {
  const t0 = process.hrtime.bigint();
  let h;
  await until(`the segment to show ${what}`, SETTLE_MS, async () => {
    h = await fleet.header(key);
    return h && ports.every((p) => entryRack(h, p) === want[p]) && (afterGen === null || h.rebalance_gen > afterGen);
  }).catch((e) => {
    throw new fleet.StepError(`${e.message}; last racks ${h && JSON.stringify(ports.map((p) => entryRack(h, p)))}`);
  });
  return { h, ms: elapsed(t0) };
}

// The follower's N gets in `ns`, counted per node by asim.
async function readsOf(follower, ns) {
  await control('asim-stats-reset');
  await stockCommand(follower, 'get', N, 'rack', ns);
  const counts = await fleet.stats(ports[0]);
  const out = {};
  for (const p of ports) out[p] = { reads: counts[p].reads, proxied: counts[p].proxied };
  return out;
}

const show = (reads) => ports.map((p) => `${p}:${reads[p].reads}`).join(' ');

// Every read on `port`'s node, none elsewhere.
function allOn(reads, port) {
  return ports.every((p) => reads[p].reads === (p === port ? N : 0));
}

// No node on the follower's rack: each read goes to its partition's master
// (proxied=0 everywhere), and the masters are spread over all three nodes.
function onMasters(reads, what) {
  const total = ports.reduce((s, p) => s + reads[p].reads, 0);
  check(total === N, `${what}: asim counted ${total} reads, want ${N} (${show(reads)})`);
  for (const p of ports) {
    check(reads[p].proxied === 0, `${what}: ${reads[p].proxied} reads on ${p} were not on the master (${show(reads)})`);
    check(reads[p].reads > 0, `${what}: no read on ${p}, which masters a third of the partitions (${show(reads)})`);
  }
  return `on the masters (${show(reads)}, proxied 0)`;
}

function expectAllOn(reads, port, what) {
  check(allOn(reads, port), `${what}: reads ${show(reads)}, want all ${N} on ${port}`);
  return `all on ${port} (${show(reads)})`;
}

// The per-namespace case: the segment cannot hold the racks, so the follower
// asks the node after the rebalance_gen moves, on its next tend cycle. Its
// reads are awaited to land on `port`, then must stay exact.
async function awaitAllOn(follower, ns, port, what) {
  const t0 = process.hrtime.bigint();
  let last;
  await until(`${what}: all reads in ${ns} on ${port}`, SETTLE_MS, async () => {
    last = await readsOf(follower, ns);
    return allOn(last, port);
  }).catch((e) => {
    throw new fleet.StepError(`${e.message}; last reads ${show(last)}`);
  });
  return { text: expectAllOn(await readsOf(follower, ns), port, what), ms: elapsed(t0) };
}

async function main() {
  const t0 = process.hrtime.bigint();
  const [a, b, c] = ports;
  const owner = await fleet.ours(a, key, [String(OWNER_RACK)]);
  check(owner.role === 'owner', `${owner.name()} connected as ${owner.role} to a fresh key`);
  await until(`${owner.name()} to publish a ready map`, SETTLE_MS, async () => {
    const h = await fleet.header(key);
    return h && h.ready && h.owner_pid === owner.pid;
  });
  const follower = await fleet.stock(key, [String(RACK)]);
  await fleet.ownerIs(key, owner, 'after the stock follower joined');
  for (const ns of NAMESPACES) await stockCommand(follower, 'put', N, 'rack', ns);
  console.log(`our owner pid ${owner.pid} (rack ${OWNER_RACK}), stock follower pid ${follower.pid} ` +
    `(rackAware, rack ${RACK}, PREFER_RACK) on ${hex(key)}; ${N} records in each of ${NAMESPACES.join(', ')}`);

  await awaitSegment({ [a]: 0, [b]: 0, [c]: 0 }, 'every node on rack 0');
  console.log(`1. no node on rack ${RACK}: ${onMasters(await readsOf(follower, 'test'), 'no node on the rack')}`);

  await setRack(b, RACK);
  let s = await awaitSegment({ [a]: 0, [b]: RACK, [c]: 0 }, `${b} on rack ${RACK}`);
  const lines = [];
  for (const ns of NAMESPACES) lines.push(`${ns} ${expectAllOn(await readsOf(follower, ns), b, `${b} on rack ${RACK}`)}`);
  console.log(`2. ${b} on rack ${RACK} (segment after ${s.ms.toFixed(0)} ms): ${lines.join('; ')}`);

  await setRack(b, 0);
  await setRack(c, RACK);
  s = await awaitSegment({ [a]: 0, [b]: 0, [c]: RACK }, `rack ${RACK} moved to ${c}`);
  lines.length = 0;
  for (const ns of NAMESPACES) lines.push(`${ns} ${expectAllOn(await readsOf(follower, ns), c, `rack moved to ${c}`)}`);
  console.log(`3. rack ${RACK} moved from ${b} to ${c} (segment after ${s.ms.toFixed(0)} ms): ${lines.join('; ')}`);

  // Racks per namespace: the owner writes -1 for that node.
  await setRack(c, 0);
  await setRack(a, RACK, 'test');
  s = await awaitSegment({ [a]: -1, [b]: 0, [c]: 0 }, `${a} on rack ${RACK} in test only (entry -1)`);
  let r = await awaitAllOn(follower, 'test', a, `${a} on rack ${RACK} in test only`);
  console.log(`4. ${a} on rack ${RACK} in test, 0 in other (segment -1 after ${s.ms.toFixed(0)} ms): ` +
    `test ${r.text}, ${r.ms.toFixed(0)} ms later; other ${onMasters(await readsOf(follower, 'other'), 'rack in test only')}`);

  // Swapped: the entry stays -1, only the segment's rebalance_gen moves.
  const gen = s.h.rebalance_gen;
  await setRack(a, 0, 'test');
  await setRack(a, RACK, 'other');
  s = await awaitSegment({ [a]: -1, [b]: 0, [c]: 0 }, `rebalance_gen past ${gen} with ${a} still -1`, gen);
  r = await awaitAllOn(follower, 'other', a, `${a} on rack ${RACK} in other only`);
  console.log(`5. ${a}'s racks swapped (entry still -1, rebalance_gen ${gen} -> ${s.h.rebalance_gen} after ` +
    `${s.ms.toFixed(0)} ms): other ${r.text}, ${r.ms.toFixed(0)} ms later; ` +
    `test ${onMasters(await readsOf(follower, 'test'), 'rack in other only')}`);

  await fleet.ownerIs(key, owner, 'after the rack changes');
  await follower.close();
  await owner.close();
  await fleet.awaitGone(key, 'after its last user closed');
  const total = elapsed(t0);
  check(total < TOTAL_LIMIT_MS, `the test took ${total.toFixed(0)} ms, limit ${TOTAL_LIMIT_MS} ms`);
  console.log(`stock follower aborts at connect retried: ${fleet.counters.stockAborts}; took ${total.toFixed(0)} ms`);
}

fleet.finish(main());
