// The stock client's side of bench/run.sh: one application process using the
// stock Node client aerospike@6.7.1 (the real C client 7.4 inside), with the
// settings bench_client.c gives aeroshim. It times client.connect() alone
// (Node start-up and loading the addon excluded), prints "connect_ms X", then
// closes at once or holds the connection until SIGTERM/SIGINT.
//
// usage: node stock_client.js noshm|shm|idle SEEDS SHM_KEY HOLD(0|1)
//   SEEDS "127.0.0.1:P,..."; idle loads the addon and never connects: the
//   Node baseline that stock rows subtract or report beside.
// env: AEROSHIM_STOCK_DIR
'use strict';

const Aerospike = require(process.env.AEROSHIM_STOCK_DIR + '/node_modules/aerospike');

const [mode, seedList, keyText, holdText] = process.argv.slice(2);
const hold = holdText === '1';

// Keeps the event loop alive while holding, whatever the addon does, and
// stops when run.sh is gone (SIGKILLed, so its trap could not stop us): Node
// has no parent-death signal, so the parent pid is checked every 5 s.
const parent = process.ppid;
let keepAlive = null;
function waitForStop(onStop) {
  const stop = () => {
    clearInterval(keepAlive);
    onStop();
  };
  keepAlive = setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 5000);
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

async function main() {
  if (mode === 'idle') {
    console.log('ready');
    waitForStop(() => {});
    return;
  }
  const config = {
    hosts: seedList.split(',').map((s) => {
      const [addr, port] = s.split(':');
      return { addr, port: Number(port) };
    }),
    log: { level: Aerospike.log.ERROR },
    tenderInterval: 1000, // also the stock default
    connTimeoutMs: 1000,
  };
  if (mode === 'shm') {
    config.sharedMemory = {
      enable: true,
      key: Number(keyText),
      maxNodes: 16,
      maxNamespaces: 8,
      takeoverThresholdSeconds: 30,
    };
  }
  const client = Aerospike.client(config);
  const start = process.hrtime.bigint();
  await client.connect();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`connect_ms ${ms.toFixed(3)}`);
  // No process.exit after close: the stock client finishes closing (tend
  // thread stopped, lock released, segment detached) on Node's event loop,
  // and the process ends by itself once that is done.
  const close = () => client.close();
  if (hold) waitForStop(close);
  else close();
}

main().catch((e) => {
  console.error(`stock_client: ${e.message}`);
  process.exit(1);
});
