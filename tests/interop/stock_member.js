// stock_member: one stock-client process (aerospike@6.7.1, the stock C client
// 7.4.0 inside) of a mixed fleet, with shared memory on one key. Driven line
// by line by mixed_fleet.js; it owns or follows as the stock client decides
// (the driver reads the segment header to know which).
//
// usage: node stock_member.js SHM_KEY [RACK_ID]   env: ASIM_SEEDS, AEROSHIM_STOCK_DIR
//   RACK_ID makes it rack-aware on that rack, and its gets prefer that rack
//   (replica PREFER_RACK)
// stdout, one line per event or command:
//   ready pid=P connect_ms=T                after connect
//   data N ok | error MESSAGE               "data N TAG": put then get N records
//   put N ok | error MESSAGE                "put N TAG [NS]": put N records (NS: test)
//   get N ok | error MESSAGE                "get N TAG [NS]": get and check them
//   closed                                  "close", SIGTERM or end of stdin
'use strict';

const readline = require('readline');

const Aerospike = require(process.env.AEROSHIM_STOCK_DIR + '/node_modules/aerospike');

const shmKey = Number(process.argv[2]);
const rackId = process.argv.length > 3 ? Number(process.argv[3]) : null;
const seeds = process.env.ASIM_SEEDS.split(',').map((s) => {
  const [addr, port] = s.split(':');
  return { addr, port: Number(port) };
});

function say(line) {
  process.stdout.write(line + '\n');
}

const recordKey = (ns, tag, i) => new Aerospike.Key(ns, 'fleet', `${tag}-${i}`);

async function put(client, n, tag, ns = 'test') {
  for (let i = 0; i < n; i++) await client.put(recordKey(ns, tag, i), { i, tag });
}

async function get(client, n, tag, ns = 'test') {
  const policy = rackId === null ? undefined
    : new Aerospike.ReadPolicy({ replica: Aerospike.policy.replica.PREFER_RACK });
  for (let i = 0; i < n; i++) {
    const rec = await client.get(recordKey(ns, tag, i), policy);
    if (rec.bins.i !== i || rec.bins.tag !== tag) {
      throw new Error(`get ${tag}-${i} returned ${JSON.stringify(rec.bins)}`);
    }
  }
}

async function data(client, n, tag) {
  await put(client, n, tag);
  await get(client, n, tag);
}

async function main() {
  // ERROR only, so the test's output is the driver's; the stock client's
  // known abort at connect is reported and retried by the driver instead.
  Aerospike.setDefaultLogging({ level: Aerospike.log.ERROR });
  const start = process.hrtime.bigint();
  const client = await Aerospike.connect({
    hosts: seeds,
    log: { level: Aerospike.log.ERROR },
    tenderInterval: 250, // the stock minimum; fleet_member tends at the same pace
    connTimeoutMs: 1000,
    sharedMemory: { enable: true, key: shmKey, maxNodes: 16, maxNamespaces: 8, takeoverThresholdSeconds: 30 },
    ...(rackId === null ? {} : { rackAware: true, rackId }),
  });
  say(`ready pid=${process.pid} connect_ms=${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(1)}`);

  const input = readline.createInterface({ input: process.stdin });
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    // Only then can the process exit once the stock client's teardown ends.
    input.close();
    process.stdin.destroy();
    client.close();
    say('closed');
  };
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
  input.on('close', close);

  let queue = Promise.resolve();
  input.on('line', (command) => {
    queue = queue.then(async () => {
      const words = command.split(' ');
      const commands = { data, put, get };
      if (words[0] in commands && (words.length === 3 || (words.length === 4 && words[0] !== 'data'))) {
        try {
          await commands[words[0]](client, Number(words[1]), words[2], ...words.slice(3));
          say(`${words[0]} ${words[1]} ok`);
        } catch (e) {
          say(`${words[0]} error ${e.message} (code ${e.code})`);
        }
      } else if (command === 'close') {
        close();
      } else {
        say(`error unknown command '${command}'`);
      }
    });
  });
}

main().catch((e) => {
  say(`error ${e.message} (code ${e.code})`);
  process.exit(1);
});
