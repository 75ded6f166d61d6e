// The simulator's fidelity, judged by the stock Node client (aerospike@6.7.1):
// data commands, cluster changes, routing to masters and the shared-memory
// segment. Run by stock_fidelity.sh, which owns asim and the segment key.
//
// env: ASIM_SEEDS "127.0.0.1:P,..."  AEROSHIM_STOCK_DIR  SHM_KEY (decimal)
'use strict';

const path = require('path');
const { asimInfo } = require(path.join(__dirname, '..', '..', 'tools', 'asim', 'asim_info.js'));
const { execFileSync } = require('child_process');

const Aerospike = require(process.env.AEROSHIM_STOCK_DIR + '/node_modules/aerospike');

const TEND_MS = 250; // the stock client refuses less than 250 ms
const SETTLE_MS = 25 * TEND_MS; // generous deadline for any "await" below
const MAX_NODES = 16;
const MAX_NAMESPACES = 8;
const SHM_SIZE = 56 + 424 * MAX_NODES + (40 + 16 * 4096) * MAX_NAMESPACES;

const seeds = process.env.ASIM_SEEDS.split(',').map((s) => {
  const [addr, port] = s.split(':');
  return { addr, port: Number(port) };
});
const shmKey = Number(process.env.SHM_KEY);
const timings = [];

const shmHex = '0x' + shmKey.toString(16).padStart(8, '0');
// ipcs -m columns: key shmid owner perms bytes nattch status
function shmListed() {
  return execFileSync('ipcs', ['-m'], { encoding: 'utf8' })
    .split('\n').map((l) => l.trim().split(/\s+/)).find((f) => f[0] === shmHex);
}

class StepError extends Error {}
function check(cond, what) {
  if (!cond) throw new StepError(what);
}

// asim's info answers, with failures reported as this test's step errors.
function info(port, command, timeoutMs = 2000) {
  return asimInfo(port, command, timeoutMs).catch((e) => {
    throw new StepError(e.message);
  });
}

// asim-stats: "PORT:node=..,running=1,info=..,reads=..,...,info.NAME=N;PORT:..."
async function stats(port) {
  const out = {};
  for (const entry of (await info(port, 'asim-stats')).split(';')) {
    const colon = entry.indexOf(':');
    const fields = {};
    for (const kv of entry.slice(colon + 1).split(',')) {
      const eq = kv.indexOf('=');
      fields[kv.slice(0, eq)] = kv.slice(eq + 1);
    }
    out[Number(entry.slice(0, colon))] = fields;
  }
  return out;
}

async function until(what, deadlineMs, probe) {
  const end = Date.now() + deadlineMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > end) throw new StepError(`timed out after ${deadlineMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// The client's map is settled once every running node has answered two
// partition-generation requests after the change: the first tend to see the
// new generation fetches the replicas in the same pass, so by the second the
// map is the new one.
async function awaitMapSettled(ctlPort, what) {
  const before = await stats(ctlPort);
  const pg = (s, p) => Number(s[p]['info.partition-generation'] || 0);
  await until(`the client to refetch the partition map ${what}`, SETTLE_MS, async () => {
    const now = await stats(ctlPort);
    return Object.keys(now)
      .filter((p) => now[p].running === '1')
      .every((p) => pg(now, p) >= (before[p] ? pg(before, p) : 0) + 2);
  });
}

async function step(name, fn) {
  const t0 = process.hrtime.bigint();
  try {
    await fn();
  } catch (e) {
    const why = e instanceof StepError ? e.message : `${e.name}: ${e.message} (code ${e.code})`;
    throw new StepError(`step '${name}' failed: ${why}`);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  timings.push([name, ms]);
}

function config(extra) {
  return Object.assign({
    hosts: seeds,
    log: { level: Aerospike.log.ERROR },
    tenderInterval: TEND_MS, // the stock name; "tendInterval" is silently ignored
    connTimeoutMs: 1000,
  }, extra);
}

async function main() {
  let client;
  const ctlPort = seeds[0].port;
  const key = (k) => new Aerospike.Key('test', 'fidelity', k);

  await step('1 connect + put/get/exists/remove', async () => {
    client = await Aerospike.connect(config());
    check(client.isConnected(), 'client not connected');
    const bins = { i: 42, s: 'forty-two', d: 4.25 };
    await client.put(key('r1'), bins);
    const rec = await client.get(key('r1'));
    check(rec.bins.i === 42, `int bin: got ${rec.bins.i}`);
    check(rec.bins.s === 'forty-two', `string bin: got ${rec.bins.s}`);
    check(rec.bins.d === 4.25, `double bin: got ${rec.bins.d}`);
    check(rec.gen === 1, `generation: got ${rec.gen}, want 1`);
    let code = null;
    try {
      await client.get(key('missing'));
    } catch (e) {
      code = e.code;
    }
    check(code === 2, `get of a missing key: code ${code}, want 2 (not found)`);
    check((await client.exists(key('r1'))) === true, 'exists(r1) is false');
    await client.remove(key('r1'));
    check((await client.exists(key('r1'))) === false, 'exists(r1) is true after remove');
  });

  let added;
  await step('2a add node, client sees 4', async () => {
    const answer = await info(ctlPort, 'asim-add-node');
    added = Number(answer);
    check(Number.isInteger(added) && added > 0, `asim-add-node answered '${answer}'`);
    await until('client.getNodes() to list 4 nodes', SETTLE_MS, () => client.getNodes().length === 4);
  });

  const stopped = seeds[1].port;
  await step('2b stop node, client sees 3', async () => {
    const answer = await info(ctlPort, `asim-stop-node:port=${stopped}`);
    check(answer === 'ok', `asim-stop-node answered '${answer}'`);
    await until('client.getNodes() to list 3 nodes', SETTLE_MS, () => client.getNodes().length === 3);
    const names = client.getNodes().map((n) => n.address).join(' ');
    check(!names.includes(`:${stopped}`), `stopped node ${stopped} still listed: ${names}`);
  });

  await step('3 data after changes, no proxies', async () => {
    await awaitMapSettled(ctlPort, 'after the stop');
    check((await info(ctlPort, 'asim-stats-reset')) === 'ok', 'asim-stats-reset failed');
    const n = 200;
    for (let i = 0; i < n; i++) await client.put(key(`k${i}`), { i, s: `v${i}` });
    for (let i = 0; i < n; i++) {
      const rec = await client.get(key(`k${i}`));
      check(rec.bins.i === i && rec.bins.s === `v${i}`, `get k${i}: ${JSON.stringify(rec.bins)}`);
    }
    const s = await stats(ctlPort);
    let reads = 0;
    let writes = 0;
    for (const [port, f] of Object.entries(s)) {
      check(f.proxied === '0', `node ${port} proxied ${f.proxied} data commands (client not routing to masters)`);
      reads += Number(f.reads);
      writes += Number(f.writes);
      if (f.running === '1') check(Number(f.writes) > 0, `running node ${port} got no writes`);
    }
    check(reads === n && writes === n, `asim counted reads=${reads} writes=${writes}, want ${n} each`);
  });

  let shmClient;
  await step('4a shared-memory client creates the segment', async () => {
    shmClient = await Aerospike.connect(config({
      sharedMemory: { enable: true, key: shmKey, maxNodes: MAX_NODES, maxNamespaces: MAX_NAMESPACES },
    }));
    await shmClient.put(key('shm'), { v: 1 });
    const rec = await shmClient.get(key('shm'));
    check(rec.bins.v === 1, 'shared-memory client put/get');
    const row = shmListed();
    check(row, `ipcs -m does not list key ${shmHex}`);
    check(Number(row[4]) === SHM_SIZE, `segment ${shmHex} has ${row[4]} bytes, want ${SHM_SIZE}`);
    // The header: u64 timestamp, u32 owner_pid, u32 nodes_size, u32 capacity, ... u8 ready at 49.
    let hdr;
    await until('the segment to show 3 nodes and ready=1', SETTLE_MS, () => {
      hdr = JSON.parse(execFileSync('python3', ['-c', PY_READ_HEADER, String(shmKey)], { encoding: 'utf8' }));
      return hdr.nodes_size === 3 && hdr.ready === 1;
    }).catch((e) => {
      throw new StepError(`${e.message}; header ${JSON.stringify(hdr)}`);
    });
    check(hdr.nodes_capacity === MAX_NODES, `nodes_capacity ${hdr.nodes_capacity}, want ${MAX_NODES}`);
    check(hdr.n_partitions === 4096, `n_partitions ${hdr.n_partitions}, want 4096`);
    check(hdr.owner_pid === process.pid, `owner_pid ${hdr.owner_pid}, want ${process.pid}`);
  });

  await step('4b close, segment removed', async () => {
    // Close only queues the teardown; the stock client removes the segment
    // (last detach) within a few ms, before the process exits.
    shmClient.close();
    client.close();
    await until('the stock client to remove the segment after close', SETTLE_MS, () => !shmListed());
  });
}

const PY_READ_HEADER = `
import ctypes, json, struct, sys
libc = ctypes.CDLL(None, use_errno=True)
libc.shmat.restype = ctypes.c_void_p
libc.shmat.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_int]
libc.shmdt.argtypes = [ctypes.c_void_p]
shmid = libc.shmget(int(sys.argv[1]), 0, 0)
if shmid < 0: sys.exit("shmget: errno %d" % ctypes.get_errno())
addr = libc.shmat(shmid, None, 0o10000)  # SHM_RDONLY
if addr in (None, ctypes.c_void_p(-1).value): sys.exit("shmat: errno %d" % ctypes.get_errno())
raw = ctypes.string_at(addr, 56)
libc.shmdt(ctypes.c_void_p(addr))
ts, pid, size, cap, ngen, nparts = struct.unpack_from("<QIIIII", raw, 0)
print(json.dumps({"timestamp": ts, "owner_pid": pid, "nodes_size": size, "nodes_capacity": cap,
                  "nodes_gen": ngen, "n_partitions": nparts, "ready": raw[49]}))
`;

main().then(() => {
  for (const [name, ms] of timings) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${name}`);
  console.log('node: all steps passed; exiting naturally after close');
}, (e) => {
  console.error(`FAIL ${e.message}`);
  if (!(e instanceof StepError)) console.error(e.stack);
  process.exit(1);
});
