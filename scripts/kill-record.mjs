#!/usr/bin/env node
// compensate --record -o killed with SIGKILL at random points (guard45): the next run must pay
// nothing twice and lose no voucher. Each trial: a fresh ledger; run 1 (-o out-1.csv) killed at a
// random point, run 2 (-o out-2.csv) completes. A point is one of the run's file and SQLite calls
// (just before or just after each fs open/write/fsync/rename/link/unlink/close/copy and Database
// exec/prepare), counted by a preload: a clean run counts them, each trial kills itself at one of
// them, odd trials uniform over all, even ones over the last tenth (the commit, the output's rename:
// a timer mostly lands in the reading). Checked against one clean run's vouchers:
//   - the ledger holds exactly the clean run's recorded keys (none lost, none extra);
//   - each key is `recorded = new` in at most one file in place (never listed to issue twice);
//   - each key is `new` in a file in place, or run 2 names run 1's vouchers to check (its marker:
//     killed after the commit, before the rename) and its complete file is there to rename;
//   - a file in place is whole (as many rows as the clean run's).
//
//   node scripts/kill-record.mjs --orders FILE --as-of "2026-11-20 12:00:00" [--trials 50] [--seed 1]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((a, x, i, all) => (x.startsWith('--') ? [...a, [x.slice(2), all[i + 1]]] : a), []));
const BIN = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'bin', 'storeops.js');
const trials = Number(args.trials ?? 50);
let seed = Number(args.seed ?? 1);
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const base = ['compensate', args.orders, '--as-of', args['as-of'], '--record', '-q', '--lang', 'en'];

function rows(file) {
  const lines = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split('\n').filter((l) => l !== '');
  const head = lines[0].split(',');
  const k = head.indexOf('voucherKey');
  const rec = head.indexOf('recorded');
  return lines.slice(1).map((l) => {
    const c = l.split(',');
    return { key: c[k], recorded: c[rec] };
  });
}
function ledgerKeys(state) {
  const r = spawnSync(process.execPath, [BIN, 'ledger', 'list', '--state', state, '-f', 'csv', '-q'], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`ledger list exit ${r.status}: ${r.stderr}`);
  const lines = r.stdout.replace(/^\uFEFF/, '').split('\n').filter((l) => l !== '');
  const k = lines[0].split(',').indexOf('voucherKey');
  return new Set(lines.slice(1).map((l) => l.split(',')[k]));
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kill-record-'));
const preload = path.join(root, 'kill.mjs');
fs.writeFileSync(
  preload,
  `import fs from 'node:fs';
import { createRequire } from 'node:module';
const at = Number(process.env.KILL_AT || 0);
let n = 0;
const tick = () => { n++; if (n === at) process.kill(process.pid, 'SIGKILL'); };
for (const f of ['openSync', 'writeSync', 'fsyncSync', 'renameSync', 'linkSync', 'unlinkSync', 'closeSync', 'copyFileSync', 'rmSync']) {
  const real = fs[f];
  fs[f] = function (...a) { tick(); const r = real.apply(this, a); tick(); return r; };
}
const Database = createRequire(${JSON.stringify(path.resolve(path.dirname(BIN), '..', 'package.json'))})('better-sqlite3');
for (const f of ['exec', 'prepare']) {
  const real = Database.prototype[f];
  Database.prototype[f] = function (...a) { tick(); const r = real.apply(this, a); tick(); return r; };
}
process.on('exit', () => { if (process.env.KILL_COUNT) fs.writeFileSync(process.env.KILL_COUNT, String(n)); });
`,
);
const withPreload = (extra) => ({ ...process.env, NODE_OPTIONS: `--import ${preload}`, ...extra });
const clean = path.join(root, 'clean');
fs.mkdirSync(clean);
const t0 = Date.now();
const countFile = path.join(root, 'count');
const c = spawnSync(process.execPath, [BIN, ...base, '--state', path.join(clean, 'state.db'), '-o', path.join(clean, 'out.csv')], { encoding: 'utf8', env: withPreload({ KILL_COUNT: countFile }) });
const points = Number(fs.readFileSync(countFile, 'utf8'));
const T = Date.now() - t0;
if (c.status !== 0 && c.status !== 1) throw new Error(`clean run exit ${c.status}: ${c.stderr}`);
const want = rows(path.join(clean, 'out.csv'));
const wantKeys = ledgerKeys(path.join(clean, 'state.db'));
console.log(`clean run: ${T} ms, ${points} points, ${want.length} rows, ${wantKeys.size} recorded`);

let bad = 0;
const seen = { killedBefore: 0, fileInPlace: 0, marker: 0, notKilled: 0 };
for (let i = 1; i <= trials; i++) {
  const dir = path.join(root, `t${i}`);
  fs.mkdirSync(dir);
  const state = path.join(dir, 'state.db');
  // Odd trials anywhere, even ones among the last tenth of the points (the output's rename, the commit).
  const delay = i % 2 ? 1 + Math.floor(rand() * points) : points - Math.floor(rand() * Math.ceil(points / 10));
  const r1 = spawnSync(process.execPath, [BIN, ...base, '--state', state, '-o', path.join(dir, 'out-1.csv')], { stdio: 'ignore', env: withPreload({ KILL_AT: String(delay) }) });
  const first = { code: r1.status, sig: r1.signal };
  const second = spawnSync(process.execPath, [BIN, ...base, '--state', state, '-o', path.join(dir, 'out-2.csv')], { encoding: 'utf8' });
  const problems = [];
  if (second.status !== 0 && second.status !== 1) problems.push(`run 2 exit ${second.status}: ${second.stderr.slice(-400)}`);
  const have = ledgerKeys(state);
  for (const k of wantKeys) if (!have.has(k)) problems.push(`lost ${k}`);
  for (const k of have) if (!wantKeys.has(k)) problems.push(`extra ${k}`);
  const newIn = new Map();
  for (const f of ['out-1.csv', 'out-2.csv']) {
    const p = path.join(dir, f);
    if (!fs.existsSync(p)) continue;
    const r = rows(p);
    if (r.length !== want.length) problems.push(`${f}: ${r.length} rows, not ${want.length}`);
    for (const x of r) if (x.recorded === 'new') newIn.set(x.key, (newIn.get(x.key) ?? 0) + 1);
  }
  const marker = /check whether (it was|they were) issued/.test(second.stderr);
  for (const [k, n] of newIn) if (n > 1) problems.push(`${k} new in ${n} files`);
  const missing = [...wantKeys].filter((k) => !newIn.has(k));
  if (missing.length && !marker) problems.push(`${missing.length} recorded keys new in no file and no marker said (e.g. ${missing[0]})`);
  if (first.sig === null) seen.notKilled++;
  else if (fs.existsSync(path.join(dir, 'out-1.csv'))) seen.fileInPlace++;
  else if (marker) seen.marker++;
  else seen.killedBefore++;
  if (problems.length) {
    bad++;
    console.log(`trial ${i} (kill at point ${delay}, ${first.sig ?? `exit ${first.code}`}): ${problems.slice(0, 5).join('; ')}`);
  }
}
console.log(`${trials} trials, ${bad} bad; killed before its commit ${seen.killedBefore}, after (marker said) ${seen.marker}, file in place ${seen.fileInPlace}, finished first ${seen.notKilled}; ${root}`);
process.exitCode = bad ? 1 : 0;
