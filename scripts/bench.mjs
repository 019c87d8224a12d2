#!/usr/bin/env node
// `npm run bench`: storeops measured side by side with what it is built on and with DuckDB, in one
// run, so that a loaded machine shows as ratios (issue 21). A benchmark, not part of npm test.
//
//   npm run bench                      # everything below at full size (long: about an hour)
//   node scripts/bench.mjs --quick     # the same sections, small: 100k rows, flatness 100k/300k
//   node scripts/bench.mjs --only check,orders --rows 100000 --encodings utf8 --reps 3
//
// Sections (--only a,b,…; default all):
//   check    storeops compensate and the DuckDB query (scripts/duckdb-vouchers.mjs) on the same
//            UTF-8 file (--check-rows, default 10000), under the default rules and under
//            tmall-2023 forced, and storeops on the GBK file of the same orders: every voucher (its
//            orders, amount, to issue) and the totals must agree.
//   orders   for each generated 71-column 订单报表 (--rows, default 100000,1000000; --encodings,
//            default gbk,utf8) it times, alternating run by run (--reps, default 3): a bare csv-parse
//            pass (scripts/bare-csv-parse.mjs), `orders inspect`, `compensate`, `compensate -f
//            ndjson -o FILE`, and DuckDB's single-thread run of the same voucher query. DuckDB
//            cannot read GBK without its `encodings` extension (a download, not allowed here), so
//            for a GBK file it runs on the UTF-8 file of the same orders, and says so. With them
//            the other peers of issue 21's table, when installed: pandas (python3-pandas; reads GBK
//            itself), Miller (mlr), Polars 1 thread (nodejs-polars) and a plain JS byte scanner
//            (JavaScript's lower bound; reads GBK itself), the same query each
//            (scripts/*-vouchers.*); the check section compares each with DuckDB voucher by
//            voucher. `--no-peers` leaves them out.
//   flat     compensate once per size on UTF-8 files of --flat-rows (default 1000000,3000000;
//            --flat-reps, default 1): peak RSS of the largest over the smallest (flat memory).
//   reviews  `reviews queue` on --review-rows generated reviews (default 1000000;
//            scripts/gen-big-reviews.mjs) against bare csv-parse on the same file, alternating.
//   startup  `storeops --version` against `node -e 0`.
//   small    a 10k-row GBK export end to end (`compensate`) against `node -e 0`.
//   roster   `roster plan` for 3, 10 and 30 agents (--no-roster skips it too).
//   record   the hourly cron path, `compensate FILE --record --state S -o out.csv -q`, on the UTF-8
//            file of --record-rows (default 100000,1000000; --quick 100000), each pair from a fresh
//            state database in a temporary folder, --record-reps pairs (default 1): the first run
//            records every voucher, the second finds them all recorded (its time must stay that of
//            the first: a statement scanning the ledger per voucher made it grow with the square);
//            and grown windows, under tmall-2023: the first run on the file with every tenth order
//            left out (written to the temporary folder), the second on the whole file, where the
//            windows grown since are conflicts, said again each hour, each looking up the vouchers
//            that took money over from the one it holds orders of.
//
// Generated files are deterministic and cached in .cache/bench/ (outside git; the order generator
// takes ~20 s per million rows). Peak memory and CPU time (user + sys) are what the operating system
// saw (/usr/bin/time; else VmHWM from /proc and no CPU time); on a busy machine the CPU-time ratios
// are the steadier ones. A table goes to stdout and JSON to .cache/bench/results.json (or --json FILE).
// Exit 1 when the storeops/DuckDB check disagrees.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'storeops.js');
const cache = path.join(root, '.cache', 'bench');
// A state database the bench never creates: since the twenty-fourth round compensate without
// --record reads the operator's state database when one exists (to warn of vouchers it lists that the
// ledger records as paid); the bench measures the export's reading and judging, not that ledger.
const NO_STATE = ['--state', path.join(cache, 'no-state', 'state.db')];
fs.mkdirSync(cache, { recursive: true });

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const list = (s) => s.split(',').filter(Boolean);
const nums = (s) => list(s).map(Number);
const quick = args.includes('--quick');
const SECTIONS = ['check', 'orders', 'flat', 'reviews', 'startup', 'small', 'roster', 'record'];
const only = new Set(list(opt('--only', SECTIONS.join(','))));
for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`--only: unknown section ${s} (${SECTIONS.join(', ')})`);
if (args.includes('--no-roster')) only.delete('roster');
const sizes = nums(opt('--rows', quick ? '100000' : '100000,1000000'));
const encodings = list(opt('--encodings', 'gbk,utf8'));
const reps = Number(opt('--reps', '3'));
const checkRows = Number(opt('--check-rows', '10000'));
const flatRows = nums(opt('--flat-rows', quick ? '100000,300000' : '1000000,3000000'));
const flatReps = Number(opt('--flat-reps', '1'));
const reviewRows = Number(opt('--review-rows', quick ? '100000' : '1000000'));
const recordRows = nums(opt('--record-rows', quick ? '100000' : '100000,1000000'));
const recordReps = Number(opt('--record-reps', '1'));
const jsonOut = opt('--json', path.join(cache, 'results.json'));
const AS_OF = '2026-12-01 00:00:00';

const haveTime = fs.existsSync('/usr/bin/time');
// The DuckDB reference runs when @duckdb/node-api and its native binding for this platform load.
let duckdb = null;
let DUCKDB_MISSING = 'DuckDB reference skipped: @duckdb/node-api is not installed (a devDependency: `npm install`; the bench installs nothing)';
try {
  createRequire(import.meta.url).resolve('@duckdb/node-api');
  try {
    await import('@duckdb/node-api');
    duckdb = path.join(root, 'scripts', 'duckdb-vouchers.mjs');
  } catch (e) {
    DUCKDB_MISSING = `DuckDB reference skipped: @duckdb/node-api is installed but does not load here (${String(e.message).split('\n')[0]})`;
  }
} catch {
  /* not installed: the DuckDB columns are skipped with a note */
}

// The other peers of issue 21's table, each the same voucher query (checked voucher by voucher in
// the check section), run when installed (the bench installs nothing; `--no-peers` skips them):
// pandas (Debian's python3-pandas, C parser; reads GBK itself), Miller (Debian's `miller`, mlr 6)
// and Polars (the devDependency nodejs-polars, one thread); Miller and Polars read UTF-8 only and
// run on the UTF-8 file of the same orders, as DuckDB does. The JS byte scanner
// (scripts/js-vouchers.mjs, no dependency, reads GBK itself) is JavaScript's lower bound.
const peers = [];
const PEERS_MISSING = [];
if (!args.includes('--no-peers')) {
  const py = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0);
  if (py) peers.push({ name: 'pandas', cmd: py, script: path.join(root, 'scripts', 'pandas-vouchers.py'), gbk: true });
  else PEERS_MISSING.push('pandas (no python3 with pandas: apt-get install python3-pandas)');
  if (spawnSync('mlr', ['--version'], { stdio: 'ignore' }).status === 0) peers.push({ name: 'Miller', cmd: process.execPath, script: path.join(root, 'scripts', 'miller-vouchers.mjs'), gbk: false });
  else PEERS_MISSING.push('Miller (no mlr: apt-get install miller)');
  try {
    await import('nodejs-polars');
    peers.push({ name: 'Polars 1 thread', cmd: process.execPath, script: path.join(root, 'scripts', 'polars-vouchers.mjs'), gbk: false });
  } catch (e) {
    PEERS_MISSING.push(`Polars (nodejs-polars, a devDependency, does not load: ${String(e.message).split('\n')[0]})`);
  }
  // The lower bound for JavaScript: the same query as a quote-aware byte scanner, no dependency
  // (always present; reads GBK itself).
  peers.push({ name: 'JS byte scanner (lower bound)', cmd: process.execPath, script: path.join(root, 'scripts', 'js-vouchers.mjs'), gbk: true });
}

/** Run a command; wall time from here, peak RSS and CPU time (user + sys) from the OS. */
function measure(cmd, cmdArgs, { stdout = 'ignore' } = {}) {
  return new Promise((resolve, reject) => {
    const rssFile = path.join(cache, `rss-${process.pid}.txt`);
    const argv = haveTime ? ['-f', '%M %U %S', '-o', rssFile, cmd, ...cmdArgs] : cmdArgs;
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
      let cpu = NaN;
      if (haveTime) {
        try {
          const [k, u, sy] = fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
          kb = k;
          cpu = (u + sy) * 1000;
        } catch {
          kb = NaN;
        }
      }
      if (code !== 0 && code !== 1) reject(new Error(`${cmd} ${cmdArgs.join(' ')} exited ${code}: ${err.slice(-500)}`));
      else resolve({ ms, cpuMs: cpu, mb: kb / 1024, stderr: err.slice(-4000) });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (n, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const say = (s) => process.stderr.write(`${s}\n`);

function generate(file, script, genArgs) {
  if (fs.existsSync(file)) return file;
  say(`generating ${file} …`);
  const tmp = `${file}.part`;
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', script), ...genArgs, '--out', tmp], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${script} failed`);
  fs.renameSync(tmp, file);
  return file;
}
const ordersFile = (rows, enc) => generate(path.join(cache, `orders-${rows}-${enc}.csv`), 'gen-big-orders.mjs', ['--rows', String(rows), '--encoding', enc]);
const reviewsFile = (rows) => generate(path.join(cache, `reviews-${rows}.csv`), 'gen-big-reviews.mjs', ['--rows', String(rows)]);

/** Run variants alternating, `n` rounds; medians, peaks and the raw runs by name. */
async function alternate(label, variants, n) {
  const runs = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let r = 0; r < n; r++) {
    for (const [name, [cmd, a]] of Object.entries(variants)) {
      const m = await measure(cmd, a);
      runs[name].push({ ms: m.ms, cpuMs: m.cpuMs, mb: m.mb });
      say(`${label} ${name}: ${fmt(m.ms / 1000)} s (CPU ${fmt(m.cpuMs / 1000)} s), ${fmt(m.mb, 0)} MB`);
    }
  }
  return Object.fromEntries(
    Object.entries(runs).map(([name, ms]) => [
      name,
      { medianSeconds: median(ms.map((m) => m.ms)) / 1000, medianCpuSeconds: median(ms.map((m) => m.cpuMs)) / 1000, peakMB: Math.max(...ms.map((m) => m.mb)), runs: ms },
    ]),
  );
}

/** "123.45" → 12345 fen, exactly (no binary floats for money). */
function fen(s) {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(String(s));
  if (!m) throw new Error(`not an amount with two decimals: ${s}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}
const yuan = (f) => `${f < 0 ? '-' : ''}${Math.floor(Math.abs(f) / 100)}.${String(Math.abs(f) % 100).padStart(2, '0')}`;

const results = { date: new Date().toISOString(), node: process.version, loadAverage: os.loadavg(), reps, files: [] };
const out = [];

// ---- check: storeops and DuckDB agree on the same file, voucher by voucher ----
if (only.has('check')) {
  if (!duckdb) {
    results.check = { skipped: DUCKDB_MISSING };
    out.push(`check: ${DUCKDB_MISSING}`, '');
  } else {
    const file = ordersFile(checkRows, 'utf8');
    results.check = [];
    // The default (auto: every generated order is paid in tmall-2026's time, combined by calendar
    // day), tmall-2023 forced (30 %, no maximum, a rolling 24 h window per buyer), and storeops on
    // the GBK file of the same orders (DuckDB cannot read GBK here: it reads the UTF-8 one).
    for (const [rules, enc] of [['auto', 'utf8'], ['tmall-2023', 'utf8'], ['auto', 'gbk']]) {
      const mineFile = enc === 'utf8' ? file : ordersFile(checkRows, enc);
      const s = spawnSync(process.execPath, [bin, ...NO_STATE, 'compensate', mineFile, '--as-of', AS_OF, '--rules', rules, '-q', '-f', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
      if (s.status !== 0 && s.status !== 1) throw new Error(`storeops compensate exited ${s.status}: ${s.stderr}`);
      const d = spawnSync(process.execPath, [duckdb, file, '--as-of', AS_OF, '--rules', rules, '--counts', '--list'], { encoding: 'utf8', maxBuffer: 1 << 30 });
      if (d.status !== 0) throw new Error(`duckdb-vouchers failed: ${d.stderr}`);
      const ref = JSON.parse(d.stdout);
      const totals = (vs) => {
        const t = { vouchers: vs.length, lateOrders: 0, amount: 0, toIssue: 0 };
        for (const v of vs) {
          t.lateOrders += v.lateOrders;
          t.amount += fen(v.amount);
          t.toIssue += fen(v.toIssue);
        }
        return t;
      };
      const mineList = JSON.parse(s.stdout);
      const mine = totals(mineList);
      const theirs = totals(ref.list);
      // Voucher by voucher: the same orders in one voucher, with the same amount and amount to issue.
      const key = (v) => [...v.orderIds].sort().join(',');
      const byKey = new Map(ref.list.map((v) => [key(v), v]));
      let differ = 0;
      for (const v of mineList) {
        const w = byKey.get(key(v));
        if (!w || w.amount !== v.amount || w.toIssue !== v.toIssue || w.lateOrders !== v.lateOrders) differ++;
        byKey.delete(key(v));
      }
      differ += byKey.size;
      const same = differ === 0 && ['vouchers', 'lateOrders', 'amount', 'toIssue'].every((k) => mine[k] === theirs[k]) && ref.unknownStatus === 0;
      const line = (who, x) => `${who.padEnd(34)} ${String(x.vouchers).padStart(7)} vouchers  ${String(x.lateOrders).padStart(7)} late orders  amount ${yuan(x.amount).padStart(12)}  to issue ${yuan(x.toIssue).padStart(12)}`;
      const show = (x) => ({ ...x, amount: yuan(x.amount), toIssue: yuan(x.toIssue) });
      results.check.push({ rows: checkRows, file: path.relative(root, mineFile), duckdbFile: path.relative(root, file), asOf: AS_OF, rules, storeops: show(mine), duckdb: { ...show(theirs), orders: ref.orders, unknownStatus: ref.unknownStatus, version: ref.duckdb }, vouchersDiffering: differ, same });
      out.push(
        `check --rules ${rules} (${ref.rules}): ${enc === 'utf8' ? `the same ${checkRows}-row UTF-8 file` : `storeops on the ${checkRows}-row GBK file, DuckDB on the UTF-8 file of the same orders`}, as of ${AS_OF} (DuckDB ${ref.duckdb}, 1 thread; ${ref.orders} rows read, ${ref.unknownStatus} unknown statuses)`,
        `  ${line(`storeops compensate${enc === 'utf8' ? '' : ' GBK'}`, mine)}`,
        `  ${line('DuckDB query', theirs)}`,
        `  ${same ? 'the same vouchers (orders, amount, to issue), late orders and totals' : `MISMATCH: ${differ} vouchers differ between storeops and the DuckDB query`}`,
      );
      if (!same) process.exitCode = 1;
      // Every other peer, on the file it can read (pandas: the same file as storeops, GBK too),
      // voucher by voucher against the DuckDB query's list.
      for (const p of peers) {
        const pf = p.gbk ? mineFile : file;
        const r = spawnSync(p.cmd, [p.script, pf, '--as-of', AS_OF, '--rules', rules, '--list'], { encoding: 'utf8', maxBuffer: 1 << 30 });
        if (r.status !== 0) throw new Error(`${path.basename(p.script)} failed: ${r.stderr}`);
        const got = JSON.parse(r.stdout);
        const norm = (vs) => JSON.stringify(vs.map((v) => [key(v), v.lateOrders, v.amount, v.toIssue]).sort());
        const agree = norm(got.list) === norm(ref.list);
        results.check[results.check.length - 1][p.name] = { vouchers: got.vouchers, lateOrders: got.lateOrders, amount: got.amount, toIssue: got.toIssue, same: agree };
        out.push(`  ${line(`${p.name}${pf === file ? '' : ' GBK'}`, { vouchers: got.vouchers, lateOrders: got.lateOrders, amount: fen(got.amount), toIssue: fen(got.toIssue) })}  ${agree ? 'the same vouchers as DuckDB' : 'MISMATCH with DuckDB'}`);
        if (!agree) process.exitCode = 1;
      }
    }
    if (PEERS_MISSING.length) out.push(`  peers skipped: ${PEERS_MISSING.join('; ')}`);
    out.push('');
  }
}

// ---- orders: compensate against bare csv-parse and DuckDB, alternating ----
if (only.has('orders')) {
  const lines = [];
  const ratios = [];
  for (const rows of sizes) {
    for (const enc of encodings) {
      const file = ordersFile(rows, enc);
      const twin = enc === 'utf8' ? file : duckdb || peers.some((p) => !p.gbk) ? ordersFile(rows, 'utf8') : null;
      const o = path.join(cache, 'out.ndjson');
      const variants = {
        'bare csv-parse': [process.execPath, [path.join(root, 'scripts', 'bare-csv-parse.mjs'), file, enc]],
        'orders inspect': [process.execPath, [bin, 'orders', 'inspect', file, '-q', '-f', 'json']],
        compensate: [process.execPath, [bin, ...NO_STATE, 'compensate', file, '--as-of', AS_OF, '-q']],
        'compensate -f ndjson -o': [process.execPath, [bin, ...NO_STATE, 'compensate', file, '--as-of', AS_OF, '-q', '--format', 'ndjson', '-o', o]],
      };
      const duckName = enc === 'utf8' ? 'DuckDB 1 thread' : 'DuckDB 1 thread (UTF-8)';
      if (duckdb) variants[duckName] = [process.execPath, [duckdb, twin, '--as-of', AS_OF]];
      for (const p of peers) variants[p.gbk || enc === 'utf8' ? p.name : `${p.name} (UTF-8)`] = [p.cmd, [p.script, p.gbk ? file : twin, '--as-of', AS_OF]];
      const cmds = await alternate(`${rows} ${enc}`, variants, reps);
      const bare = cmds['bare csv-parse'].medianSeconds;
      for (const [name, c] of Object.entries(cmds)) {
        c.ratioToBare = c.medianSeconds / bare;
        lines.push(`${String(rows).padStart(8)}  ${enc.padEnd(5)}  ${name.padEnd(30)}  ${fmt(c.medianSeconds).padStart(7)} s  ${fmt(c.ratioToBare).padStart(5)}×  ${fmt(c.medianCpuSeconds).padStart(7)} s  ${fmt(c.peakMB, 0).padStart(5)} MB`);
      }
      const comp = cmds.compensate;
      const duck = cmds[duckName];
      const entry = { rows, encoding: enc, bytes: fs.statSync(file).size, commands: cmds, compensateToBare: comp.medianSeconds / bare };
      if (duck) {
        entry.compensateToDuckDB = comp.medianSeconds / duck.medianSeconds;
        entry.compensateToDuckDBCpu = comp.medianCpuSeconds / duck.medianCpuSeconds;
      }
      entry.compensateToBareCpu = comp.medianCpuSeconds / cmds['bare csv-parse'].medianCpuSeconds;
      results.files.push(entry);
      ratios.push(
        `${String(rows).padStart(8)}  ${enc.padEnd(5)}  compensate / DuckDB ${duck ? `${fmt(entry.compensateToDuckDB)}× (CPU ${fmt(entry.compensateToDuckDBCpu)}×)` : 'n/a'}` +
          `   compensate / bare csv-parse ${fmt(entry.compensateToBare)}× (CPU ${fmt(entry.compensateToBareCpu)}×)   peak compensate ${fmt(comp.peakMB, 0)} MB${duck ? `, DuckDB ${fmt(duck.peakMB, 0)} MB` : ''}` +
          `${enc === 'utf8' || !duck ? '' : '   (DuckDB on the UTF-8 file of the same orders)'}`,
      );
    }
  }
  out.push(`orders: ${reps} runs each, medians, alternating`, '    rows  enc    command                            median  ratio  CPU time   peak', ...lines, '', ...ratios);
  if (!duckdb) out.push(DUCKDB_MISSING);
  else if (encodings.includes('gbk')) out.push('DuckDB reads GBK only with its `encodings` extension, which it would download at run time: it runs on the UTF-8 file of the same orders');
  if (peers.some((p) => !p.gbk) && encodings.includes('gbk')) out.push(`${peers.filter((p) => !p.gbk).map((p) => p.name).join(' and ')} read UTF-8 only: on a GBK line they run on the UTF-8 file of the same orders ("(UTF-8)"); pandas and the JS byte scanner read the GBK file themselves`);
  if (PEERS_MISSING.length) out.push(`peers skipped: ${PEERS_MISSING.join('; ')}`);
  out.push('');
}

// ---- flat: compensate's peak RSS as the export grows ----
if (only.has('flat')) {
  const runs = [];
  for (const rows of flatRows) {
    const file = ordersFile(rows, 'utf8');
    const c = await alternate(`flat ${rows} utf8`, { compensate: [process.execPath, [bin, ...NO_STATE, 'compensate', file, '--as-of', AS_OF, '-q']] }, flatReps);
    runs.push({ rows, seconds: c.compensate.medianSeconds, cpuSeconds: c.compensate.medianCpuSeconds, peakMB: c.compensate.peakMB });
  }
  const lo = runs[0];
  const hi = runs[runs.length - 1];
  results.flat = { runs, ratio: hi.peakMB / lo.peakMB };
  out.push(
    `flat memory: compensate on UTF-8 exports, ${flatReps} run(s) each`,
    ...runs.map((r) => `${String(r.rows).padStart(8)} rows  ${fmt(r.seconds).padStart(7)} s (CPU ${fmt(r.cpuSeconds)} s)  peak ${fmt(r.peakMB, 0).padStart(5)} MB`),
    `peak ${hi.rows} / ${lo.rows} rows: ${fmt(results.flat.ratio)}×`,
    '',
  );
}

// ---- reviews: reviews queue against bare csv-parse on the same file ----
if (only.has('reviews')) {
  const file = reviewsFile(reviewRows);
  const c = await alternate(
    `reviews ${reviewRows}`,
    {
      'bare csv-parse': [process.execPath, [path.join(root, 'scripts', 'bare-csv-parse.mjs'), file, 'utf8']],
      'reviews queue': [process.execPath, [bin, 'reviews', 'queue', file, '--as-of', AS_OF, '--state', path.join(cache, 'reviews-state.db'), '-q', '-f', 'csv']],
    },
    reps,
  );
  const bare = c['bare csv-parse'];
  const q = c['reviews queue'];
  results.reviews = { rows: reviewRows, bytes: fs.statSync(file).size, commands: c, ratio: q.medianSeconds / bare.medianSeconds };
  out.push(
    `reviews: ${reviewRows} generated reviews (UTF-8), ${reps} runs each, medians, alternating`,
    `  bare csv-parse ${fmt(bare.medianSeconds)} s (CPU ${fmt(bare.medianCpuSeconds)} s), ${fmt(bare.peakMB, 0)} MB; reviews queue ${fmt(q.medianSeconds)} s (CPU ${fmt(q.medianCpuSeconds)} s), ${fmt(q.peakMB, 0)} MB; ratio ${fmt(results.reviews.ratio)}× (CPU ${fmt(q.medianCpuSeconds / bare.medianCpuSeconds)}×)`,
    '',
  );
}

// ---- startup: storeops --version against node -e 0, alternating ----
if (only.has('startup')) {
  const v = [];
  const n = [];
  for (let i = 0; i < 15; i++) {
    v.push((await measure(process.execPath, [bin, '--version'])).ms);
    n.push((await measure(process.execPath, ['-e', '0'])).ms);
  }
  results.startup = { storeopsVersionMs: median(v), nodeMs: median(n), ratio: median(v) / median(n) };
  out.push(`start-up: storeops --version ${fmt(results.startup.storeopsVersionMs, 1)} ms, node -e 0 ${fmt(results.startup.nodeMs, 1)} ms, ratio ${fmt(results.startup.ratio)}×`);
}

// ---- small: a 10k-row export end to end, alternating with its own node -e 0 ----
if (only.has('small')) {
  const small = ordersFile(10000, 'gbk');
  const c = [];
  const n0 = [];
  for (let i = 0; i < 7; i++) {
    c.push((await measure(process.execPath, [bin, ...NO_STATE, 'compensate', small, '--as-of', AS_OF, '-q'])).ms);
    n0.push((await measure(process.execPath, ['-e', '0'])).ms);
  }
  results.small = { rows: 10000, compensateMs: median(c), nodeMs: median(n0), ratio: median(c) / median(n0) };
  out.push(`10k-row GBK export end to end: compensate ${fmt(results.small.compensateMs, 0)} ms, node -e 0 ${fmt(results.small.nodeMs, 0)} ms, ratio ${fmt(results.small.ratio)}×`);
}

// ---- roster ----
if (only.has('roster')) {
  results.roster = [];
  const help = spawnSync(process.execPath, [bin, 'roster', '--help']);
  for (const agents of [3, 10, 30]) {
    const min = agents === 3 ? 'D=1,H=0,N=1' : agents === 10 ? 'D=1,H=1,N=1' : 'D=8,H=4,N=8';
    if (help.status !== 0) {
      results.roster.push({ agents, error: 'roster command not available' });
      continue;
    }
    const a = [bin, 'roster', 'plan', '--month', '2026-11', '--agents', String(agents), '--min', min, '--time-limit', '30', '--lang', 'en', '-f', 'json'];
    const m = await measure(process.execPath, a, { stdout: 'ignore' });
    const verdict = (m.stderr.split('\n').find((l) => /proven optimal|not proven/.test(l)) ?? '').trim();
    results.roster.push({ agents, min, seconds: m.ms / 1000, peakMB: m.mb, verdict });
  }
  out.push(
    ...results.roster.map((r) =>
      r.error ? `roster plan ${r.agents} agents: ${r.error}` : `roster plan ${String(r.agents).padStart(2)} agents (${r.min}): ${fmt(r.seconds)} s, ${fmt(r.peakMB, 0)} MB  ${r.verdict.replace(/ \(.*/, '')}`,
    ),
  );
}

// ---- record: the hourly --record run, first and second, on a fresh state database ----
if (only.has('record')) {
  results.record = [];
  const lines = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'storeops-bench-record-'));
  try {
    /** The export without every `n`th order (records kept byte for byte; a quoted cell may hold a line break). */
    const without = (file, n, to) => {
      const fd = fs.openSync(file, 'r');
      const od = fs.openSync(to, 'w');
      const buf = Buffer.alloc(1 << 24);
      let quoted = false;
      let record = 0;
      let carry = [];
      for (let got; (got = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) {
        let start = 0;
        for (let i = 0; i < got; i++) {
          if (buf[i] === 0x22) quoted = !quoted;
          else if (buf[i] === 0x0a && !quoted) {
            if (record === 0 || record % n !== 0) {
              for (const c of carry) fs.writeSync(od, c);
              fs.writeSync(od, buf, start, i + 1 - start);
            }
            carry = [];
            record++;
            start = i + 1;
          }
        }
        if (start < got) carry.push(Buffer.from(buf.subarray(start, got)));
      }
      for (const c of carry) fs.writeSync(od, c);
      fs.closeSync(fd);
      fs.closeSync(od);
      return to;
    };
    for (const rows of recordRows) {
      const file = ordersFile(rows, 'utf8');
      const cases = [
        { name: 'the same export twice', rules: [], first: file },
        { name: 'grown windows, tmall-2023', rules: ['--rules', 'tmall-2023'], first: without(file, 10, path.join(tmp, `orders-${rows}-without-tenth.csv`)) },
      ];
      for (const c of cases) {
        const runs = { first: [], second: [] };
        for (let r = 0; r < recordReps; r++) {
          const state = path.join(tmp, `state-${rows}-${r}.db`);
          for (const [which, f] of [['first', c.first], ['second', file]]) {
            const m = await measure(process.execPath, [bin, 'compensate', f, ...c.rules, '--as-of', AS_OF, '--record', '--state', state, '-o', path.join(tmp, 'out.csv'), '-q']);
            runs[which].push({ ms: m.ms, cpuMs: m.cpuMs, mb: m.mb });
            say(`record ${rows} ${c.name} ${which}: ${fmt(m.ms / 1000)} s (CPU ${fmt(m.cpuMs / 1000)} s), ${fmt(m.mb, 0)} MB`);
          }
          for (const x of ['', '-wal', '-shm']) fs.rmSync(state + x, { force: true });
        }
        const sum = (ms) => ({ medianSeconds: median(ms.map((m) => m.ms)) / 1000, medianCpuSeconds: median(ms.map((m) => m.cpuMs)) / 1000, peakMB: Math.max(...ms.map((m) => m.mb)), runs: ms });
        const e = { rows, case: c.name, first: sum(runs.first), second: sum(runs.second) };
        e.secondToFirstCpu = e.second.medianCpuSeconds / e.first.medianCpuSeconds;
        results.record.push(e);
        const one = (x) => `${fmt(x.medianSeconds).padStart(7)} s (CPU ${fmt(x.medianCpuSeconds).padStart(6)} s) ${fmt(x.peakMB, 0).padStart(5)} MB`;
        lines.push(`${String(rows).padStart(8)}  ${c.name.padEnd(26)} ${one(e.first)}   ${one(e.second)}   ${fmt(e.secondToFirstCpu)}×`);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  out.push(
    `record: compensate --record twice from a fresh state database (UTF-8), ${recordReps} pair(s), medians`,
    '    rows  case                       first run                              second run                             CPU 2nd/1st',
    ...lines,
    '',
  );
}

const table = [
  `storeops bench — ${results.date} — node ${results.node} — load average ${results.loadAverage.map((x) => x.toFixed(1)).join(' ')} at the start`,
  '',
  ...out,
  '',
  'targets (issue 21): compensate on 1M rows (UTF-8 and GBK) ≤ 2× DuckDB 1 thread and ≤ 0.1× bare csv-parse;',
  '  peak RSS 3M rows ≤ 1.2× 1M rows, both ≤ 250 MB; reviews queue on 1M reviews ≤ 1.5× bare csv-parse, peak ≤ 300 MB;',
  '  10k-row export ≤ 4× node -e 0; roster plan 30 agents D=8,H=4,N=8 proven optimal ≤ 10 s;',
  'twenty-eighth round (not issue 21): compensate --record, the second run ≤ 1.5× the first (CPU), grown windows too (a scan per voucher made it 2.4×)',
];
process.stdout.write(table.join('\n') + '\n');
fs.writeFileSync(jsonOut, JSON.stringify(results, null, 2));
say(`results written to ${jsonOut}`);
