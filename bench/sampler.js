// Samples what bench/run.sh's steady-state rows need, once per second for
// SECONDS: the info requests asim's nodes received (asim-stats, summed over
// nodes; control requests like asim-stats itself are not counted), the
// owner's CPU, and over the whole window each follower's and each idle
// baseline process's CPU and resident memory.
//
// CPU is the sum of /proc/PID/task/*/schedstat run times (nanoseconds):
// utime+stime come in 10 ms ticks, too coarse for a tend that costs well
// under a millisecond a second.
//
// usage: node sampler.js PORT SECONDS OWNER_PID FOLLOWER_PIDS IDLE_PIDS
//   pid lists comma-separated, "-" for none
// prints: "rate X" and "owner_cpu X" (ms/s) per second, then per process
//   "follower_cpu X" / "idle_cpu X" (ms/s) and "follower_rss X" / "idle_rss X" (MiB)
'use strict';

const fs = require('fs');
const path = require('path');
const { asimInfo } = require(path.join(__dirname, '..', 'tools', 'asim', 'asim_info.js'));

const [portText, secondsText, ownerText, followersText, idleText] = process.argv.slice(2);
const port = Number(portText);
const seconds = Number(secondsText);
const owner = Number(ownerText);
const pids = (text) => (text === '-' ? [] : text.split(',').map(Number));
const followers = pids(followersText);
const idle = pids(idleText);

function info(command) {
  return asimInfo(port, command);
}

// asim-stats: "PORT:node=..,running=1,info=N,...;PORT:..."
async function infoTotal() {
  let total = 0;
  for (const entry of (await info('asim-stats')).split(';')) {
    const m = /[:,]info=(\d+)/.exec(entry);
    if (m) total += Number(m[1]);
  }
  return total;
}

function cpuNs(pid) {
  let total = 0;
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // A thread that ended between readdir and read: its time is gone with it.
    }
  }
  return total;
}

function rssMiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m[1]) / 1024;
}

const nowNs = () => Number(process.hrtime.bigint());
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const everyone = [...followers, ...idle];
  const cpuStart = new Map(everyone.map((p) => [p, cpuNs(p)]));
  const windowStart = nowNs();
  let lastTime = windowStart;
  let lastInfo = await infoTotal();
  let lastOwner = cpuNs(owner);
  for (let s = 1; s <= seconds; s++) {
    await sleep(windowStart / 1e6 + s * 1000 - nowNs() / 1e6);
    const t = nowNs();
    const total = await infoTotal();
    const ownerNow = cpuNs(owner);
    const elapsedS = (t - lastTime) / 1e9;
    console.log(`rate ${((total - lastInfo) / elapsedS).toFixed(3)}`);
    console.log(`owner_cpu ${((ownerNow - lastOwner) / 1e6 / elapsedS).toFixed(4)}`);
    [lastTime, lastInfo, lastOwner] = [t, total, ownerNow];
  }
  const windowS = (nowNs() - windowStart) / 1e9;
  for (const [label, group] of [['follower', followers], ['idle', idle]]) {
    for (const p of group) {
      console.log(`${label}_cpu ${((cpuNs(p) - cpuStart.get(p)) / 1e6 / windowS).toFixed(4)}`);
      console.log(`${label}_rss ${rssMiB(p).toFixed(2)}`);
    }
  }
}

main().catch((e) => {
  console.error(`sampler: ${e.message}`);
  process.exit(1);
});
