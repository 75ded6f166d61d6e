// What the stock-client checks share (stock_data, stock_udf, stock_admin,
// each run by stock_js.sh): the stock client, asim's seeds, one line per
// check, and a runner that connects, runs the steps in order, closes and
// exits 1 when any check failed.
// env: ASIM_SEEDS "127.0.0.1:P,..."  AEROSHIM_STOCK_DIR
'use strict';

const Aerospike = require(process.env.AEROSHIM_STOCK_DIR + '/node_modules/aerospike');

const seeds = process.env.ASIM_SEEDS.split(',').map((s) => {
  const [addr, port] = s.split(':');
  return { addr, port: Number(port) };
});

let failures = 0;
function check(cond, what) {
  if (cond) {
    console.log('ok   ' + what);
  } else {
    failures++;
    console.log('FAIL ' + what);
  }
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// The error a promise rejects with ({ code, message }), code 0 when it resolves.
async function errorOf(promise) {
  try {
    await promise;
    return { code: 0, message: '' };
  } catch (e) {
    return { code: e.code, message: String(e.message) };
  }
}

// `config`: what Aerospike.connect gets besides the hosts.
function run(name, steps, config = {}) {
  const main = async () => {
    const client = await Aerospike.connect({ hosts: seeds, ...config });
    try {
      for (const step of steps) await step(client);
    } finally {
      await client.close();
    }
    console.log(failures === 0 ? `${name}: all checks passed` : `${name}: ${failures} checks FAILED`);
    process.exit(failures === 0 ? 0 : 1);
  };
  main().catch((e) => {
    console.log('FAIL ' + (e.stack || e));
    process.exit(1);
  });
}

module.exports = { Aerospike, seeds, check, same, errorOf, run };
