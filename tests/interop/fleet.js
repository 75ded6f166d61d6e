// What the interop drivers share: fleet members (fleet_member, ours, and
// stock_member.js, the stock client) spoken to line by line, bounded waits,
// segment headers through asshm, and asim's info answers. Every member started
// here is listed in PIDS_FILE, so the driver's shell can stop what a failure
// leaves behind.
//
// env: FLEET_MEMBER  ASSHM  PIDS_FILE  (and what stock_member.js reads)
'use strict';

const fs = require('fs');
const path = require('path');
const readline = require('readline');
const { spawn, execFile } = require('child_process');
const { asimInfo } = require(path.join(__dirname, '..', '..', 'tools', 'asim', 'asim_info.js'));

const STOCK_MEMBER = path.join(__dirname, 'stock_member.js');

// Deadlines, generous for a loaded 2-core machine; none of them is a pause.
const CONNECT_MS = 15000; // followers wait up to 10 s for `ready`
const COMMAND_MS = 10000;
const SETTLE_MS = 8000; // 32 tend intervals of 250 ms
const EXIT_MS = 10000;
const STOCK_ABORT_RETRIES = 10; // the stock follower's abort at connect

const members = new Set();
const counters = { stockAborts: 0 };

class StepError extends Error {}
function check(cond, what) {
  if (!cond) throw new StepError(what);
}
const hex = (key) => '0x' + key.toString(16).toUpperCase().padStart(8, '0');
const elapsed = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

async function until(what, deadlineMs, probe) {
  const end = Date.now() + deadlineMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > end) throw new StepError(`timed out after ${deadlineMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// One process of the fleet, spoken to line by line.
class Member {
  constructor(kind, child) {
    this.kind = kind;
    this.child = child;
    this.pid = child.pid;
    this.lines = [];
    this.stderr = '';
    this.notify = null;
    this.exited = null;
    members.add(this);
    fs.appendFileSync(process.env.PIDS_FILE, `${child.pid}\n`);
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      this.lines.push(line);
      this.wake();
    });
    child.stderr.on('data', (d) => {
      this.stderr += d;
    });
    child.stdin.on('error', () => {}); // a member that died is reported by expect()
    this.exit = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exited = { code, signal };
        members.delete(this);
        resolve(this.exited);
        this.wake();
      });
    });
  }

  wake() {
    if (this.notify) this.notify();
  }

  name() {
    return `${this.kind} pid ${this.pid}`;
  }

  send(command) {
    this.child.stdin.write(command + '\n');
  }

  // The next line, which must start with `prefix`.
  async expect(prefix, deadlineMs) {
    const end = Date.now() + deadlineMs;
    while (this.lines.length === 0) {
      if (this.exited) {
        throw new StepError(`${this.name()} exited (${JSON.stringify(this.exited)}) before '${prefix}'; ` +
          `stderr: ${this.stderr.trim().slice(-600)}`);
      }
      const left = end - Date.now();
      if (left <= 0) throw new StepError(`${this.name()} said nothing for ${deadlineMs} ms (wanted '${prefix}')`);
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, left);
        this.notify = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.notify = null;
    }
    const line = this.lines.shift();
    check(line.startsWith(prefix), `${this.name()} answered '${line.slice(0, 200)}', wanted '${prefix}...'`);
    return line.slice(prefix.length);
  }

  async waitExit(deadlineMs) {
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(resolve, deadlineMs, null);
    });
    const result = await Promise.race([this.exit, timeout]);
    clearTimeout(timer);
    check(result, `${this.name()} did not exit within ${deadlineMs} ms of its close`);
    return result;
  }

  // "close", its answer, and a clean exit.
  async close() {
    this.send('close');
    await this.expect('closed', COMMAND_MS);
    const status = await this.waitExit(EXIT_MS);
    check(status.code === 0, `${this.name()} exited ${JSON.stringify(status)} after close`);
  }
}

function fields(text) {
  const out = {};
  for (const word of text.trim().split(' ')) {
    const eq = word.indexOf('=');
    if (eq > 0) out[word.slice(0, eq)] = word.slice(eq + 1);
  }
  return out;
}

// Our member, seeded at `port`; `extra` are fleet_member's optional arguments.
async function ours(port, key, extra = []) {
  const m = new Member('aeroshim', spawn(process.env.FLEET_MEMBER, ['127.0.0.1', String(port), String(key), ...extra],
    { stdio: ['pipe', 'pipe', 'pipe'] }));
  const ready = fields(await m.expect('ready ', CONNECT_MS));
  m.role = ready.role;
  m.connectMs = Number(ready.connect_ms);
  return m;
}

// A stock process that aborts at connect (a stock client bug, most often as
// a follower) is started again, a bounded number of times, and counted.
async function stock(key, extra = []) {
  for (let attempt = 1; attempt <= 1 + STOCK_ABORT_RETRIES; attempt++) {
    const m = new Member('stock', spawn(process.execPath, [STOCK_MEMBER, String(key), ...extra],
      { stdio: ['pipe', 'pipe', 'pipe'] }));
    try {
      const ready = fields(await m.expect('ready ', CONNECT_MS));
      m.connectMs = Number(ready.connect_ms);
      return m;
    } catch (e) {
      if (!m.exited || m.exited.signal !== 'SIGABRT') throw e;
      counters.stockAborts++;
      console.log(`  note: stock pid ${m.pid} aborted at connect (SIGABRT); retry ${attempt} of ${STOCK_ABORT_RETRIES}`);
    }
  }
  throw new StepError(`the stock client aborted at connect ${STOCK_ABORT_RETRIES + 1} times in a row`);
}

// A stock member's command ("data", "put" or "get") over n records.
async function stockCommand(m, verb, n, ...rest) {
  m.send([verb, n, ...rest].join(' '));
  const answer = await m.expect(`${verb} `, COMMAND_MS + 50 * n);
  check(answer === `${n} ok`, `${m.name()}: ${[verb, n, ...rest].join(' ')}: ${answer}`);
}

function run(file, args) {
  return new Promise((resolve) => {
    execFile(file, args, { encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

// The segment header as asshm reads it, or null when no segment has the key.
async function header(key) {
  const r = await run(process.env.ASSHM, ['status', '--key', hex(key), '--json']);
  if (r.stderr.includes('no segment with key')) return null;
  check(r.stdout.startsWith('{'), `asshm status ${hex(key)}: ${r.stderr.trim()}`);
  return JSON.parse(r.stdout);
}

async function ownerIs(key, m, when) {
  const h = await header(key);
  check(h, `${hex(key)}: no segment ${when}`);
  check(h.owner_pid === m.pid, `${hex(key)}: owner pid ${h.owner_pid} ${when}, want ${m.name()}`);
  return h;
}

async function awaitGone(key, when) {
  await until(`segment ${hex(key)} to be removed ${when}`, SETTLE_MS, async () => !(await header(key)));
}

// asim's info answers (from the node on `port`), failures as step errors.
function info(port, command, timeoutMs = 5000) {
  return asimInfo(port, command, timeoutMs).catch((e) => {
    throw new StepError(e.message);
  });
}

async function control(port, command) {
  const answer = await info(port, command);
  check(answer === 'ok', `${command} answered '${answer}'`);
}

// asim-stats as { PORT: { reads: R, writes: W, ... } }, numbers only.
async function stats(port) {
  const out = {};
  for (const entry of (await info(port, 'asim-stats')).split(';')) {
    const colon = entry.indexOf(':');
    const counts = {};
    for (const kv of entry.slice(colon + 1).split(',')) {
      const [k, v] = kv.split('=');
      if (/^\d+$/.test(v)) counts[k] = Number(v);
    }
    out[entry.slice(0, colon)] = counts;
  }
  return out;
}

// Members left by a failure close as on SIGTERM (stopped ones resumed first),
// so the shell only has to collect what is still there.
function stopMembers() {
  for (const m of members) {
    try {
      m.child.kill('SIGCONT');
      m.child.kill('SIGTERM');
    } catch (e) {
      // already gone
    }
  }
}

// A driver's end: exit 0, or the failure, every member's stderr, and the
// members stopped.
function finish(promise) {
  promise.then(() => process.exit(0), (e) => {
    console.error(`FAIL ${e instanceof StepError ? e.message : e.stack}`);
    for (const m of members) {
      if (m.stderr.trim()) console.error(`--- stderr of ${m.name()}:\n${m.stderr.trim().slice(-1500)}`);
    }
    stopMembers();
    process.exit(1);
  });
}

module.exports = {
  CONNECT_MS, COMMAND_MS, SETTLE_MS, EXIT_MS,
  StepError, check, hex, elapsed, until, Member, fields, ours, stock, stockCommand, counters,
  run, header, ownerIs, awaitGone, info, control, stats, finish,
};
