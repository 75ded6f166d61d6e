// A mixed fleet: aeroshim processes (fleet_member) and stock-client processes
// (stock_member.js) sharing one shared-memory segment per scenario, against
// one asim cluster. Run by mixed_fleet.sh, which owns asim, the keys and the
// cleanup of every process listed in PIDS_FILE.
//
// env: ASIM_SEEDS  SHM_KEYS (four decimal keys, comma-separated)  FLEET_MEMBER
//      TAKEOVER_TIMER  ASSHM  AEROSHIM_STOCK_DIR  PIDS_FILE
'use strict';

const fs = require('fs');
const path = require('path');
const fleet = require(path.join(__dirname, 'fleet.js'));
const { SETTLE_MS, EXIT_MS, COMMAND_MS, StepError, check, hex, elapsed, until, stockCommand } = fleet;

const seeds = process.env.ASIM_SEEDS.split(',').map((s) => Number(s.split(':')[1]));
const ctlPort = seeds[0];
const keys = process.env.SHM_KEYS.split(',').map(Number);
const NS = 'test';

const OBSERVE_MS = 1500; // 6 tend intervals of 250 ms
// A released lock is taken by an aeroshim candidate within its 10 ms poll (or
// at once when woken), by a stock follower on its next 250 ms tend cycle.
const HANDOFF_LIMIT_MS = { aeroshim: 1000, stock: 2000 };
const TOTAL_LIMIT_MS = 90000;

const ours = (key) => fleet.ours(ctlPort, key);
const stock = (key) => fleet.stock(key);
const info = (command, timeoutMs) => fleet.info(ctlPort, command, timeoutMs);
const control = (command) => fleet.control(ctlPort, command);
const { run, header, ownerIs, awaitGone } = fleet;

async function ourRole(m) {
  m.send('role');
  return (await m.expect('role ', COMMAND_MS)).trim();
}

async function ourDump(m) {
  m.send(`dump ${NS}`);
  return m.expect('dump ', COMMAND_MS);
}

async function awaitOwner(key, m) {
  await until(`${m.name()} to own ${hex(key)} with ready=1`, SETTLE_MS, async () => {
    const h = await header(key);
    return h && h.owner_pid === m.pid && h.ready && h.lock;
  });
}

// takeover_timer signals the owner named in the header (SIGTERM: the member
// closes, handing over) and times until the header names another owner.
async function handoff(key, from, to) {
  const r = await run(process.env.TAKEOVER_TIMER, [String(key), '15', '10000']);
  check(r.code === 0, `takeover_timer ${hex(key)}: ${r.stderr.trim()}`);
  const [oldPid, newPid, ms] = r.stdout.trim().split(' ');
  check(Number(oldPid) === from.pid, `the signalled owner was pid ${oldPid}, want ${from.name()}`);
  check(Number(newPid) === to.pid, `pid ${newPid} took over from ${from.name()}, want ${to.name()}`);
  const status = await from.waitExit(EXIT_MS);
  check(status.code === 0, `${from.name()} exited ${JSON.stringify(status)} after SIGTERM`);
  const limit = HANDOFF_LIMIT_MS[to.kind];
  check(Number(ms) < limit, `${to.name()} took ${ms} ms to take over, limit ${limit} ms`);
  return Number(ms);
}

// Every node's counts summed: info frames, reads, writes, proxied.
async function totals() {
  const sum = { info: 0, reads: 0, writes: 0, proxied: 0 };
  for (const counts of Object.values(await fleet.stats(ctlPort))) {
    for (const k of Object.keys(sum)) sum[k] += counts[k] ?? 0;
  }
  return sum;
}

// asim's ownership and a member's lookups, both "m,r;m,r;..." per partition.
async function compareMaps(m, what) {
  const truth = await info(`asim-ownership:ns=${NS}`);
  const mine = await ourDump(m);
  if (mine === truth) return truth.split(';').length;
  const a = mine.split(';');
  const b = truth.split(';');
  const p = a.findIndex((v, i) => v !== b[i]);
  throw new StepError(`${what}: ${m.name()} routes partition ${p} to '${a[p]}', asim says '${b[p]}' ` +
    `(${a.length} entries vs ${b.length})`);
}

async function awaitMapsEqual(m, what) {
  let last;
  await until(`${m.name()}'s lookups to equal asim's ownership ${what}`, SETTLE_MS, async () => {
    try {
      await compareMaps(m, what);
      return true;
    } catch (e) {
      last = e;
      return false;
    }
  }).catch((e) => {
    throw new StepError(`${e.message}; last: ${last && last.message}`);
  });
}

function processState(pid) {
  // /proc/PID/stat: "pid (comm) S ..."; comm may hold spaces, so split after ')'.
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
}

// Two equal snapshots 100 ms apart: nothing in flight is still being counted.
async function awaitQuietCluster(what) {
  let previous = JSON.stringify(await totals());
  await until(`asim's counts to stop moving ${what}`, SETTLE_MS, async () => {
    await new Promise((r) => setTimeout(r, 100));
    const now = JSON.stringify(await totals());
    const quiet = now === previous;
    previous = now;
    return quiet;
  });
}

// 1. A stock owner's map, read by our follower: every lookup equals asim's
// ownership, and our follower sends nothing while it connects and looks up.
async function scenario1(key) {
  const t0 = process.hrtime.bigint();
  const owner = await stock(key);
  await awaitOwner(key, owner);
  // With the stock owner stopped, whatever asim counts comes from our follower.
  owner.child.kill('SIGSTOP');
  let follower;
  let entries;
  let quiet;
  try {
    await until(`${owner.name()} to be stopped`, SETTLE_MS, () => processState(owner.pid) === 'T');
    await awaitQuietCluster('after stopping the stock owner');
    await control('asim-stats-reset');
    follower = await ours(key);
    check(follower.role === 'follower', `${follower.name()} connected as ${follower.role} next to a stock owner`);
    entries = await compareMaps(follower, 'next to the stopped stock owner');
    // An observation window, not a synchronisation: our follower's tend
    // thread runs several cycles in it, and so would a tending stock owner.
    await new Promise((r) => setTimeout(r, OBSERVE_MS));
    quiet = await totals();
  } finally {
    owner.child.kill('SIGCONT');
  }
  check(quiet.info + quiet.reads + quiet.writes === 0,
    `while only our follower ran, asim counted ${JSON.stringify(quiet)} (want no requests at all)`);
  // The counts do move when someone tends: the resumed stock owner shows up.
  await until('the resumed stock owner\'s info requests to be counted', SETTLE_MS,
    async () => (await totals()).info > 0);
  const r0 = process.hrtime.bigint();
  await control('asim-rebalance');
  await awaitMapsEqual(follower, 'after asim-rebalance (the stock owner tends, ours reads)');
  const followMs = elapsed(r0);
  await ownerIs(key, owner, 'after the rebalance');
  check((await ourRole(follower)) === 'follower', `${follower.name()} is no longer a follower`);
  await follower.close();
  await owner.close();
  await awaitGone(key, 'after the stock owner, its last user, closed');
  console.log(`S1 stock owner + our follower: ${entries} partitions x all replicas equal asim-ownership ` +
    `(and again ${followMs.toFixed(0)} ms after a rebalance); our follower's connect (${follower.connectMs} ms) ` +
    `and lookups, then ${OBSERVE_MS} ms of its tend cycles, sent 0 info/0 data requests; ${elapsed(t0).toFixed(0)} ms`);
}

// 2. Our owner's map, used by a stock follower for its data commands.
async function scenario2(key) {
  const t0 = process.hrtime.bigint();
  const owner = await ours(key);
  check(owner.role === 'owner', `${owner.name()} connected as ${owner.role} to a fresh key`);
  const follower = await stock(key);
  await ownerIs(key, owner, 'after the stock follower joined');
  await control('asim-stats-reset');
  const n = 200;
  await stockCommand(follower, 'data', n, 's2');
  const counts = await totals();
  check(counts.writes === n && counts.reads === n, `asim counted ${JSON.stringify(counts)}, want ${n} reads and writes`);
  check(counts.proxied === 0, `${counts.proxied} data commands reached a node that is not the master in our map`);
  await ownerIs(key, owner, 'after the stock follower\'s data commands');
  // A stock follower leaving must not take the segment from under our owner.
  await follower.close();
  const h = await ownerIs(key, owner, 'after the stock follower closed');
  check(h.attached === 1, `${hex(key)} has ${h.attached} attached processes after the stock follower left, want 1`);
  check((await ourRole(owner)) === 'owner', `${owner.name()} stopped owning after the stock follower left`);
  await owner.close();
  await awaitGone(key, 'after our owner, its last user, closed');
  console.log(`S2 our owner + stock follower: ${n} puts + ${n} gets by the stock follower succeeded, ` +
    `proxied=0 (routed to the masters our map names); stock follower connect ${follower.connectMs} ms, ` +
    `its close left our segment in place; ${elapsed(t0).toFixed(0)} ms`);
}

// 3. Handoffs on close, both directions, in one fleet.
async function scenario3(key) {
  const t0 = process.hrtime.bigint();
  const ourOwner = await ours(key);
  check(ourOwner.role === 'owner', `${ourOwner.name()} connected as ${ourOwner.role} to a fresh key`);
  const stockFollower = await stock(key);
  await ownerIs(key, ourOwner, 'after the stock follower joined');
  const toStockMs = await handoff(key, ourOwner, stockFollower);
  await stockCommand(stockFollower, 'data', 50, 's3');

  const ourFollower = await ours(key);
  check(ourFollower.role === 'follower', `${ourFollower.name()} connected as ${ourFollower.role} next to a stock owner`);
  const toOursMs = await handoff(key, stockFollower, ourFollower);
  const h = await ownerIs(key, ourFollower, 'after the stock owner closed');
  check(h.attached === 1, `${hex(key)} has ${h.attached} attached processes after the stock owner left, want 1`);
  check((await ourRole(ourFollower)) === 'owner', `${ourFollower.name()} does not say it owns after taking over`);
  await control('asim-rebalance');
  await awaitMapsEqual(ourFollower, 'after asim-rebalance (ours tends the segment it took over)');
  await ourFollower.close();
  await awaitGone(key, 'after its last user closed');
  console.log(`S3 handoff on close: our owner -> stock follower in ${toStockMs.toFixed(1)} ms ` +
    `(stock takes a released lock on its next 250 ms tend cycle); stock owner -> our follower in ` +
    `${toOursMs.toFixed(1)} ms; the stock owner's close left the segment to our process, which then ` +
    `tended a rebalance; ${elapsed(t0).toFixed(0)} ms`);
}

// 4. Joins across kinds: ours into a stock-owned fleet, then, once ours has
// taken over, a stock process into the fleet we own.
async function scenario4(key) {
  const t0 = process.hrtime.bigint();
  const stockOwner = await stock(key);
  await awaitOwner(key, stockOwner);
  const ourJoiner = await ours(key);
  check(ourJoiner.role === 'follower', `${ourJoiner.name()} joined a stock-owned segment as ${ourJoiner.role}`);
  await compareMaps(ourJoiner, 'right after joining the stock-owned fleet');
  await ownerIs(key, stockOwner, 'after our process joined');
  const takeoverMs = await handoff(key, stockOwner, ourJoiner);

  const stockJoiner = await stock(key);
  await ownerIs(key, ourJoiner, 'after the stock process joined');
  await control('asim-stats-reset');
  await stockCommand(stockJoiner, 'data', 100, 's4');
  const counts = await totals();
  check(counts.proxied === 0, `${counts.proxied} data commands of the stock joiner were proxied`);
  await stockJoiner.close();
  await ourJoiner.close();
  await awaitGone(key, 'after its last user closed');
  console.log(`S4 joins: ours joined a stock-owned fleet as follower in ${ourJoiner.connectMs} ms with ` +
    `lookups equal to asim's at once; after taking over (${takeoverMs.toFixed(1)} ms) it owned while a stock ` +
    `process joined as follower in ${stockJoiner.connectMs} ms and put/got 100 records, proxied=0; ` +
    `${elapsed(t0).toFixed(0)} ms`);
}

async function main() {
  const t0 = process.hrtime.bigint();
  const scenarios = [scenario1, scenario2, scenario3, scenario4];
  for (let i = 0; i < scenarios.length; i++) {
    try {
      await scenarios[i](keys[i]);
    } catch (e) {
      const why = e instanceof StepError ? e.message : `${e.stack}`;
      throw new StepError(`scenario ${i + 1} (key ${hex(keys[i])}): ${why}`);
    }
  }
  const total = elapsed(t0);
  check(total < TOTAL_LIMIT_MS, `the scenarios took ${total.toFixed(0)} ms, limit ${TOTAL_LIMIT_MS} ms`);
  console.log(`stock follower aborts at connect retried: ${fleet.counters.stockAborts}; scenarios took ${total.toFixed(0)} ms`);
}

fleet.finish(main());
