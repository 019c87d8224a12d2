#!/usr/bin/env node
// `npm run bench`: storeops measured side by side with what it is built on. Not part of npm test.
//
//   npm run bench                      # 100k and 1M rows, GBK and UTF-8, 3 runs each (long: ~30 min)
//   node scripts/bench.mjs --quick     # 100k rows only, GBK and UTF-8, 3 runs
//   node scripts/bench.mjs --rows 1000000 --encodings gbk --reps 3 --json out.json
//
// For each generated 71-column 订单报表 (deterministic, cached in .cache/bench/, outside git) it
// times, alternating run by run, a bare csv-parse pass (scripts/bare-csv-parse.mjs), `orders
// inspect`, `compensate`, and `compensate --format ndjson -o FILE`; it reports the medians, each
// command's ratio to the bare pass, and peak memory as the operating system saw it (/usr/bin/time,
// else VmHWM from /proc). Then `storeops --version` against `node -e 0`, and `roster plan` for
// 3, 10 and 30 agents. A table goes to stdout and JSON to .cache/bench/results.json (or --json).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'storeops.js');
const cache = path.join(root, '.cache', 'bench');
fs.mkdirSync(cache, { recursive: true });

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const quick = args.includes('--quick');
const sizes = (opt('--rows', quick ? '100000' : '100000,1000000')).split(',').map(Number);
const encodings = opt('--encodings', 'gbk,utf8').split(',');
const reps = Number(opt('--reps', '3'));
const jsonOut = opt('--json', path.join(cache, 'results.json'));
const skipRoster = args.includes('--no-roster');
const AS_OF = '2026-12-01 00:00:00';

const haveTime = fs.existsSync('/usr/bin/time');

/** Run a command; wall time from here, peak RSS from the OS. */
function measure(cmd, cmdArgs, { stdout = 'ignore' } = {}) {
  return new Promise((resolve, reject) => {
    const rssFile = path.join(cache, `rss-${process.pid}.txt`);
    const argv = haveTime ? ['-f', '%M', '-o', rssFile, cmd, ...cmdArgs] : cmdArgs;
    const t0 = process.hrtime.bigint();
    const child = spawn(haveTime ? '/usr/bin/time' : cmd, argv, { stdio: ['ignore', stdout, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let hwm = 0;
    const poll = haveTime
      ? null
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
            if (m) hwm = Math.max(hwm, Number(m[1]));
          } catch {
            /* exited */
          }
        }, 20);
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (poll) clearInterval(poll);
      let kb = hwm;
      if (haveTime) {
        try {
          kb = Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop());
        } catch {
          kb = NaN;
        }
      }
      if (code !== 0 && code !== 1) reject(new Error(`${cmd} ${cmdArgs.join(' ')} exited ${code}: ${err.slice(-500)}`));
      else resolve({ ms, mb: kb / 1024 });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function ensureFile(rows, enc) {
  const file = path.join(cache, `orders-${rows}-${enc}.csv`);
  if (!fs.existsSync(file)) {
    process.stderr.write(`generating ${file} …\n`);
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'gen-big-orders.mjs'), '--rows', String(rows), '--encoding', enc, '--out', file], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('generator failed');
  }
  return file;
}

const results = { date: new Date().toISOString(), node: process.version, reps, files: [], startup: null, roster: [] };
const lines = [];
const fmt = (n, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');

for (const rows of sizes) {
  for (const enc of encodings) {
    const file = ensureFile(rows, enc);
    const out = path.join(cache, 'out.ndjson');
    const variants = {
      'bare csv-parse': [process.execPath, [path.join(root, 'scripts', 'bare-csv-parse.mjs'), file, enc]],
      'orders inspect': [process.execPath, [bin, 'orders', 'inspect', file, '-q', '-f', 'json']],
      compensate: [process.execPath, [bin, 'compensate', file, '--as-of', AS_OF, '-q']],
      'compensate -f ndjson -o': [process.execPath, [bin, 'compensate', file, '--as-of', AS_OF, '-q', '--format', 'ndjson', '-o', out]],
    };
    const runs = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
    for (let r = 0; r < reps; r++) {
      for (const [name, [cmd, a]] of Object.entries(variants)) {
        const m = await measure(cmd, a);
        runs[name].push(m);
        process.stderr.write(`${rows} ${enc} ${name}: ${fmt(m.ms / 1000)} s, ${fmt(m.mb, 0)} MB\n`);
      }
    }
    const bare = median(runs['bare csv-parse'].map((m) => m.ms));
    const entry = { rows, encoding: enc, bytes: fs.statSync(file).size, commands: {} };
    for (const [name, ms] of Object.entries(runs)) {
      const med = median(ms.map((m) => m.ms));
      const peak = Math.max(...ms.map((m) => m.mb));
      entry.commands[name] = { medianSeconds: med / 1000, ratioToBare: med / bare, peakMB: peak, runs: ms };
      lines.push(`${String(rows).padStart(8)}  ${enc.padEnd(5)}  ${name.padEnd(24)}  ${fmt(med / 1000).padStart(7)} s  ${fmt(med / bare).padStart(5)}×  ${fmt(peak, 0).padStart(5)} MB`);
    }
    results.files.push(entry);
  }
}

// Start-up: storeops --version against node -e 0, alternating.
const v = [];
const n = [];
for (let i = 0; i < 15; i++) {
  v.push((await measure(process.execPath, [bin, '--version'])).ms);
  n.push((await measure(process.execPath, ['-e', '0'])).ms);
}
results.startup = { storeopsVersionMs: median(v), nodeMs: median(n), ratio: median(v) / median(n) };

// A small export end to end (issue 21: ≤ 4× node -e 0), alternating with its own node -e 0.
{
  const small = ensureFile(10000, 'gbk');
  const c = [];
  const n0 = [];
  for (let i = 0; i < 7; i++) {
    c.push((await measure(process.execPath, [bin, 'compensate', small, '--as-of', AS_OF, '-q'])).ms);
    n0.push((await measure(process.execPath, ['-e', '0'])).ms);
  }
  results.small = { rows: 10000, compensateMs: median(c), nodeMs: median(n0), ratio: median(c) / median(n0) };
}

// DuckDB as the reference the issue asks for: only when @duckdb/node-api is already installed
// (the bench installs nothing). The voucher query itself is not written yet (issue 21).
let duckdbNote;
try {
  createRequire(import.meta.url).resolve('@duckdb/node-api');
  duckdbNote = 'DuckDB reference: @duckdb/node-api is installed, but the DuckDB voucher query is not written yet: skipped';
} catch {
  duckdbNote = 'DuckDB reference: skipped (@duckdb/node-api is not installed; the bench installs nothing)';
}
results.duckdb = duckdbNote;

if (!skipRoster) {
  for (const agents of [3, 10, 30]) {
    const min = agents === 3 ? 'D=1,H=0,N=1' : agents === 10 ? 'D=1,H=1,N=1' : 'D=8,H=4,N=8';
    const a = [bin, 'roster', 'plan', '--month', '2026-11', '--agents', String(agents), '--min', min, '--time-limit', '30', '-q', '-f', 'json'];
    const help = spawnSync(process.execPath, [bin, 'roster', '--help']);
    if (help.status !== 0) {
      results.roster.push({ agents, error: 'roster command not available' });
      continue;
    }
    const m = await measure(process.execPath, a, { stdout: 'ignore' });
    results.roster.push({ agents, min, seconds: m.ms / 1000, peakMB: m.mb });
  }
}

const table = [
  `storeops bench — ${results.date} — node ${results.node} — ${reps} runs each, medians, alternating`,
  '',
  '    rows  enc    command                      median  ratio   peak',
  ...lines,
  '',
  `start-up: storeops --version ${fmt(results.startup.storeopsVersionMs, 1)} ms, node -e 0 ${fmt(results.startup.nodeMs, 1)} ms, ratio ${fmt(results.startup.ratio)}×`,
  `10k-row GBK export end to end: compensate ${fmt(results.small.compensateMs, 0)} ms, node -e 0 ${fmt(results.small.nodeMs, 0)} ms, ratio ${fmt(results.small.ratio)}×`,
  duckdbNote,
  ...results.roster.map((r) => (r.error ? `roster plan ${r.agents} agents: ${r.error}` : `roster plan ${String(r.agents).padStart(2)} agents (${r.min}): ${fmt(r.seconds)} s, ${fmt(r.peakMB, 0)} MB`)),
  '',
  'targets: compensate ≤ 1.25× bare csv-parse; peak < 300 MB at 1M rows; --version ≤ 1.5× node -e 0; 10k-row export ≤ 4× node -e 0 (issue 21)',
];
process.stdout.write(table.join('\n') + '\n');
fs.writeFileSync(jsonOut, JSON.stringify(results, null, 2));
process.stderr.write(`results written to ${jsonOut}\n`);
