// The state database under several processes: concurrent recording, kill -9 mid-transaction, a
// lock held too long. Children import the built module (run `npx tsc -p .` first).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tmpDir } from '../helpers.js';

const LEDGER = pathToFileURL(path.join(ROOT, 'dist', 'src', 'state', 'ledger.js')).href;
const SQLITE = pathToFileURL(path.join(ROOT, 'node_modules', 'better-sqlite3', 'lib', 'index.js')).href;

interface Child {
  proc: ChildProcess;
  out: () => string;
  err: () => string;
  /** Resolves when a stdout line equal to `line` has appeared. */
  waitFor(line: string, ms?: number): Promise<void>;
  done: Promise<number | null>;
}

function child(dir: string, name: string, source: string, env: Record<string, string> = {}): Child {
  const script = path.join(dir, name);
  fs.writeFileSync(script, source);
  const proc = spawn(process.execPath, [script], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: Array<{ line: string; resolve: () => void }> = [];
  proc.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    const lines = out.split('\n');
    for (const w of [...waiters]) if (lines.includes(w.line)) (waiters.splice(waiters.indexOf(w), 1), w.resolve());
  });
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<number | null>((resolve) => proc.on('close', (code) => resolve(code)));
  return {
    proc,
    out: () => out,
    err: () => err,
    done,
    waitFor(line, ms = 30_000) {
      if (out.split('\n').includes(line)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`${name}: no "${line}" within ${ms} ms; stdout=${out} stderr=${err}`)), ms);
        waiters.push({ line, resolve: () => (clearTimeout(t), resolve()) });
        void done.then((code) => reject(new Error(`${name} ended (${code}) before "${line}"; stdout=${out} stderr=${err}`)));
      });
    },
  };
}

const voucherJs = `
const v = (k) => ({ voucherKey: k, buyer: 'tb_' + k, rules: 'tmall-2023', orderIds: ['9' + k.slice(2)], amount: '10.00', windowStart: null });
`;

describe('two processes recording at once', () => {
  it('never records a voucher twice: each overlapping key is new in exactly one process', async () => {
    const dir = tmpDir();
    // A fresh path: both processes also race to create the file and its schema.
    const file = path.join(dir, 'data', 'state.db');
    const go = path.join(dir, 'go');
    // A records k-0000..k-1999, B records k-1000..k-2999, each in 20 runs of 100 so their
    // transactions interleave. Keys k-1000..k-1999 are offered by both.
    const src = (from: number) => `
import fs from 'node:fs';
import { openState } from '${LEDGER}';
${voucherJs}
console.log('ready');
while (!fs.existsSync(${JSON.stringify(go)})) await new Promise((r) => setTimeout(r, 2));
const db = await openState(${JSON.stringify(file)});
const fresh = [];
let answers = 0;
for (let b = 0; b < 20; b++) {
  const batch = [];
  for (let i = 0; i < 100; i++) batch.push(v('k-' + String(${from} + b * 100 + i).padStart(4, '0')));
  const res = db.recordVouchers(batch, Date.now());
  answers += res.size;
  for (const [k, s] of res) if (s === 'new') fresh.push(k);
}
db.close();
console.log(JSON.stringify({ answers, fresh }));
`;
    const a = child(dir, 'a.mjs', src(0));
    const b = child(dir, 'b.mjs', src(1000));
    await Promise.all([a.waitFor('ready'), b.waitFor('ready')]);
    fs.writeFileSync(go, '');
    const [ca, cb] = await Promise.all([a.done, b.done]);
    expect([ca, cb, a.err(), b.err()]).toEqual([0, 0, '', '']);
    const ra = JSON.parse(a.out().trim().split('\n').pop()!) as { answers: number; fresh: string[] };
    const rb = JSON.parse(b.out().trim().split('\n').pop()!) as { answers: number; fresh: string[] };
    // Every key offered got an answer: 2000 each.
    expect([ra.answers, rb.answers]).toEqual([2000, 2000]);
    // k-0000..k-0999 only A offered, k-2000..k-2999 only B: those are new for their process.
    // Of k-1000..k-1999 each is new for exactly one of them: 1000 + 1000 + 1000 = 3000 in all.
    const both = [...ra.fresh, ...rb.fresh];
    expect(both.length).toBe(3000);
    expect(new Set(both).size).toBe(3000);
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT count(*) AS n FROM vouchers').get()).toEqual({ n: 3000 });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  });
});

describe('kill -9 in the middle of a run', () => {
  it('leaves the database as before the run: none of its vouchers, file intact; a re-run records them all', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'state.db');
    // Before the run: one voucher recorded by an earlier run.
    const pre = child(dir, 'pre.mjs', `import { openState } from '${LEDGER}';\n${voucherJs}\nconst db = await openState(${JSON.stringify(file)}); db.recordVouchers([v('k-old')], 1); db.close();`);
    expect(await pre.done).toBe(0);

    // The run: 40000 vouchers in one transaction; reading the buyer of voucher 30000 (which the
    // insert does, inside the transaction) stops the process dead until it is killed. 30000 rows
    // of ~800 bytes overflow the 16 MB page cache better-sqlite3 builds with, so uncommitted pages reach the -wal file.
    const run = child(
      dir,
      'run.mjs',
      `
import fs from 'node:fs';
import { openState } from '${LEDGER}';
${voucherJs}
const db = await openState(${JSON.stringify(file)});
const list = [];
for (let i = 0; i < 40000; i++) list.push({ ...v('k-' + String(i).padStart(5, '0')), rules: 'tmall-2023/' + 'x'.repeat(700) });
const stopAt = list[30000];
const buyer = stopAt.buyer;
Object.defineProperty(stopAt, 'buyer', { get() {
  fs.writeSync(1, 'inside\\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120000);
  return buyer;
} });
db.recordVouchers(list, 2);
console.log('committed');
`,
    );
    await run.waitFor('inside');
    // Mid-run: the uncommitted transaction has spilled into the WAL, but nobody else sees it.
    expect(fs.statSync(file + '-wal').size).toBeGreaterThan(8_000_000);
    const peek = new Database(file, { readonly: true });
    expect(peek.prepare('SELECT count(*) AS n FROM vouchers').get()).toEqual({ n: 1 });
    peek.close();
    run.proc.kill('SIGKILL');
    await run.done;
    expect(run.out()).toBe('inside\n');

    // After: exactly as before the run.
    const after = new Database(file);
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(after.prepare('SELECT voucher_key AS k FROM vouchers').pluck().all()).toEqual(['k-old']);
    after.close();

    // Re-running the whole run records all 40000 as new.
    const rerun = child(
      dir,
      'rerun.mjs',
      `import { openState } from '${LEDGER}';\n${voucherJs}
const db = await openState(${JSON.stringify(file)});
const list = []; for (let i = 0; i < 40000; i++) list.push(v('k-' + String(i).padStart(5, '0')));
const res = db.recordVouchers(list, 3);
console.log([...res.values()].filter((s) => s === 'new').length);
console.log(db.listVouchers().length);
db.close();`,
    );
    expect(await rerun.done).toBe(0);
    // 40000 new + the earlier k-old = 40001 rows.
    expect(rerun.out()).toBe('40000\n40001\n');
  });

  it('a run killed after its commit keeps all of its vouchers', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'state.db');
    const run = child(
      dir,
      'run.mjs',
      `
import { openState } from '${LEDGER}';
${voucherJs}
const db = await openState(${JSON.stringify(file)});
const list = []; for (let i = 0; i < 5000; i++) list.push(v('k-' + String(i).padStart(5, '0')));
db.recordVouchers(list, 2);
console.log('committed');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120000);
`,
    );
    await run.waitFor('committed');
    run.proc.kill('SIGKILL');
    await run.done;
    const after = new Database(file);
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(after.prepare('SELECT count(*) AS n FROM vouchers').get()).toEqual({ n: 5000 });
    after.close();
  });
});

describe('a lock held by another run', () => {
  /** Holds the write lock (BEGIN IMMEDIATE) until killed; readers still read in WAL mode. */
  function holder(dir: string, file: string, exclusive: boolean): Child {
    return child(
      dir,
      'holder.mjs',
      `
import Database from '${SQLITE}';
const db = new Database(${JSON.stringify(file)});
${exclusive ? "db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN EXCLUSIVE');" : "db.exec('BEGIN IMMEDIATE');"}
db.exec("INSERT INTO contacts (order_id, at, status) VALUES ('1', 1, 'contacted')");
console.log('locked');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120000);
`,
    );
  }

  async function setUp(): Promise<{ dir: string; file: string }> {
    const dir = tmpDir();
    const file = path.join(dir, 'state.db');
    const mk = child(dir, 'mk.mjs', `import { openState } from '${LEDGER}';\n${voucherJs}\nconst db = await openState(${JSON.stringify(file)}); db.recordVouchers([v('k-1')], 1); db.close();`);
    expect(await mk.done).toBe(0);
    return { dir, file };
  }

  it('recording waits STOREOPS_BUSY_TIMEOUT_MS, then fails with exit code 4 "busy, retry"', async () => {
    const { dir, file } = await setUp();
    const h = holder(dir, file, false);
    await h.waitFor('locked');
    const w = child(
      dir,
      'writer.mjs',
      `
import { openState } from '${LEDGER}';
${voucherJs}
const db = await openState(${JSON.stringify(file)});
// Reading is not blocked by a writer in WAL mode.
console.log(db.recordedKeys(['k-1', 'k-2']).size);
const t0 = Date.now();
try { db.recordVouchers([v('k-2')], 2); console.log('recorded'); }
catch (e) { console.log(e.exitCode, Date.now() - t0 >= 300 ? 'waited' : 'did not wait'); console.log(e.text.en); }
db.close();
`,
      { STOREOPS_BUSY_TIMEOUT_MS: '300' },
    );
    expect(await w.done).toBe(0);
    h.proc.kill('SIGKILL');
    await h.done;
    expect(w.out()).toBe(
      `1\n4 waited\nstate database ${file} is busy, retry later: another program has held its lock for more than 300 ms; it is open in node (pid ${h.proc.pid})\n`,
    );
    // Nothing half-done by either: k-2 was not recorded, the holder's contact row is gone with it.
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT voucher_key FROM vouchers').pluck().all()).toEqual(['k-1']);
    expect(raw.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(0);
    raw.close();
  });

  it('SIGTERM while `reviews log` waits for the lock ends the run with 143 and records nothing', async () => {
    const { dir, file } = await setUp();
    const h = holder(dir, file, false);
    await h.waitFor('locked');
    const { spawnCli } = await import('../hardening/hostile.js');
    const run = spawnCli(['--state', file, 'reviews', 'log', '4300000000000000001', '--status', 'contacted', '--as-of', '2026-11-21 10:00:00'], { STOREOPS_BUSY_TIMEOUT_MS: '20000' });
    // Started and waiting for the lock (it is held for 120 s): terminate it, then let the lock go.
    await new Promise((r) => setTimeout(r, 1500));
    run.proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    h.proc.kill('SIGKILL');
    await h.done;
    const r = await run.done;
    // README "Exit codes": a signal ends the run with 128 + its number (SIGTERM 15 → 143).
    expect(r.code).toBe(143);
    expect(r.stdout).toBe('');
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(0);
    raw.close();
  });

  it('the CLI exits 4 with a "busy, retry" message when it cannot get the lock in time', async () => {
    const { dir, file } = await setUp();
    // An exclusive lock keeps even readers out, so `ledger list` cannot open the file.
    const h = holder(dir, file, true);
    await h.waitFor('locked');
    try {
      const r = runCli(['--state', file, 'ledger', 'list'], { env: { STOREOPS_BUSY_TIMEOUT_MS: '200' } });
      expect(r.code).toBe(4);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `storeops: error: state database ${file} is busy, retry later: another program has held its lock for more than 200 ms; it is open in node (pid ${h.proc.pid})\n` +
          '  hint: run again when the other run has finished (a cron job simply retries on its next round); a database tool holding it must write its changes (commit) or close it. STOREOPS_BUSY_TIMEOUT_MS waits longer.\n',
      );
    } finally {
      h.proc.kill('SIGKILL');
      await h.done;
    }
  });
});
