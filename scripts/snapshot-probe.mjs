#!/usr/bin/env node
// Issue 21, seventeenth round: a probe (not part of storeops, not run by any test) for node's
// user-land start-up snapshot. It answers one question before any of it goes into the build: how
// much of a `compensate` run's wall and CPU time does a snapshot with the CLI already loaded save?
//
//   npm install --prefix /tmp/esb esbuild        # a bundler; not a dependency of storeops
//   npm run build
//   node scripts/snapshot-probe.mjs --esbuild /tmp/esb/node_modules/esbuild [--reps 7] [--warm FILE] [FILE...]
//
// In a temporary folder it bundles dist/ (the compensate path's modules initialised, every other
// command's bundled but left uninitialised; better-sqlite3, exceljs, highs, @inquirer/prompts and
// iconv-lite left out and required at run time from the repository) into one CommonJS script, and
// builds a blob from it with `node --snapshot-blob snap.blob --build-snapshot`. With --warm FILE a
// second blob ("warm") is built after compensate has run three times on FILE inside the builder,
// to see whether what V8 learnt survives into the snapshot (by node 20.20's V8 only the bytecode
// does: no feedback, no optimised code). Each FILE (default: the bench's 10k-row GBK export and
// its first 10 rows) is first run by each build and the outputs compared byte for byte; then
// `node bin/storeops.js compensate FILE --as-of … -q`, the same through the blob(s), and `node -e 0`
// are run alternately --reps times; medians of wall (hrtime) and CPU (user+sys by /usr/bin/time)
// are printed with their ratio to `node -e 0`, as the bench's `small` section computes it.
//
// Paths are baked into the blob (import.meta.url of each module, the repository's node_modules):
// this is a measurement, not a build anyone could ship.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const esbuildDir = opt('--esbuild');
const reps = Number(opt('--reps', '7'));
const warm = opt('--warm');
if (!esbuildDir) {
  console.error('usage: node scripts/snapshot-probe.mjs --esbuild DIR [--reps N] [--warm FILE] [FILE...]');
  process.exit(2);
}
const AS_OF = '2026-11-30T12:00:00';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'storeops-snap-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
const dist = path.join(root, 'dist');
let files = args.map((f) => path.resolve(f));
if (files.length === 0) {
  const big = path.join(root, '.cache/bench/orders-10000-gbk.csv');
  if (!fs.existsSync(big)) throw new Error(`${big} missing: run node scripts/bench.mjs --only small once`);
  const lines = fs.readFileSync(big).toString('latin1').split('\n').slice(0, 11).join('\n') + '\n';
  const small = path.join(work, 'orders-10-gbk.csv');
  fs.writeFileSync(small, Buffer.from(lines, 'latin1'));
  files = [small, big];
}

// ---- the snapshot's entry: what it loads, and the function run when the blob starts ----
const EXTERNAL = ['better-sqlite3', 'exceljs', 'highs', '@inquirer/prompts', 'iconv-lite'];
const entry = (warmFile) => `
import v8 from 'node:v8';
import { Writable, Readable } from 'node:stream';
import { run } from ${JSON.stringify(path.join(dist, 'src/cli/entry.js'))};
import * as main from ${JSON.stringify(path.join(dist, 'src/cli/main.js'))};
import ${JSON.stringify(path.join(dist, 'commands/compensate.js'))};
import ${JSON.stringify(path.join(dist, 'src/compensation/run.js'))};
import ${JSON.stringify(path.join(dist, 'src/orders/read.js'))};
v8.startupSnapshot.setDeserializeMainFunction(() => {
  globalThis.__storeopsRequire = require('node:module').createRequire(${JSON.stringify(path.join(dist, 'src/cli/entry.js'))});
  run(process.argv.slice(1)).catch((e) => { console.error(e); process.exitCode = 1; });
});
${warmFile ? `
const sink = () => Object.assign(new Writable({ write(c, e, cb) { cb(); } }), { isTTY: false });
const io = { stdin: Readable.from([]), stdout: sink(), stderr: sink(), env: { HOME: ${JSON.stringify(work)} }, cwd: ${JSON.stringify(work)}, now: () => Date.now() };
(async () => {
  for (let i = 0; i < 3; i++) {
    const code = await main.run(['compensate', ${JSON.stringify(warmFile)}, '--as-of', '${AS_OF}', '-q'], io, false);
    if (code !== 0) throw new Error('warming run exited ' + code);
  }
})().catch((e) => { console.error(e); process.exitCode = 1; });` : ''}
`;

const { build } = await import(pathToFileURL(path.join(path.resolve(esbuildDir), 'lib/main.js')).href);
async function blob(name, warmFile) {
  const src = path.join(work, `${name}.mjs`);
  fs.writeFileSync(src, entry(warmFile));
  const out = path.join(work, `${name}.cjs`);
  await build({
    entryPoints: [src], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out,
    logLevel: 'warning', nodePaths: [path.join(root, 'node_modules')],
    plugins: [{
      name: 'storeops-snapshot',
      setup(b) {
        // A user-land snapshot's script can require only node's own modules: the rest at run time.
        b.onResolve({ filter: new RegExp(`^(${EXTERNAL.map((e) => e.replace('/', '\\/')).join('|')})$`) }, (a) => ({ path: a.path, namespace: 'runtime' }));
        b.onLoad({ filter: /.*/, namespace: 'runtime' }, (a) => ({ contents: `module.exports = globalThis.__storeopsRequire(${JSON.stringify(a.path)});`, loader: 'js' }));
        // import.meta does not exist in CommonJS: each module's own URL, as a literal.
        b.onLoad({ filter: /\.js$/ }, (a) => a.path.startsWith(dist + path.sep)
          ? { contents: fs.readFileSync(a.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(a.path).href)), loader: 'js' }
          : undefined);
      },
    }],
  });
  const file = path.join(work, `${name}.blob`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--snapshot-blob', file, '--build-snapshot', out], { encoding: 'utf8', cwd: work });
  if (r.status !== 0) throw new Error(`building ${name}.blob: ${r.stderr}`);
  console.log(`${name}.blob: ${(fs.statSync(file).size / 1e6).toFixed(1)} MB, bundle ${(fs.statSync(out).size / 1e6).toFixed(2)} MB, built in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`);
  return file;
}

const builds = { current: (f) => [path.join(root, 'bin/storeops.js'), 'compensate', f, '--as-of', AS_OF, '-q'] };
const snap = await blob('snap');
builds.snapshot = (f) => ['--snapshot-blob', snap, 'compensate', f, '--as-of', AS_OF, '-q'];
if (warm) {
  const w = await blob('warm', path.resolve(warm));
  builds.warmed = (f) => ['--snapshot-blob', w, 'compensate', f, '--as-of', AS_OF, '-q'];
}

for (const f of files) {
  const outs = Object.entries(builds).map(([name, a]) => {
    const r = spawnSync(process.execPath, a(f), { encoding: 'buffer', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 30 });
    return { name, status: r.status, out: Buffer.concat([r.stdout, Buffer.from('\0'), r.stderr]) };
  });
  for (const o of outs.slice(1)) {
    if (o.status !== outs[0].status || !o.out.equals(outs[0].out)) throw new Error(`${o.name} differs from the current build on ${f}`);
  }
}
console.log('outputs (stdout, stderr, exit code) the same for every build');

const haveTime = fs.existsSync('/usr/bin/time');
function measure(argv) {
  return new Promise((resolve, reject) => {
    const tf = path.join(work, 'time.txt');
    const t0 = process.hrtime.bigint();
    const child = haveTime
      ? spawn('/usr/bin/time', ['-f', '%U %S', '-o', tf, process.execPath, ...argv], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } })
      : spawn(process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', () => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      let cpu = NaN;
      if (haveTime) {
        const [u, s] = fs.readFileSync(tf, 'utf8').trim().split('\n').pop().split(' ').map(Number);
        cpu = (u + s) * 1000;
      }
      resolve({ ms, cpu });
    });
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const lines = (f) => fs.readFileSync(f).reduce((n, b) => n + (b === 10 ? 1 : 0), 0);

console.log(`node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the start, ${reps} alternated runs each`);
for (const f of files) {
  const all = { ...builds, 'node -e 0': () => ['-e', '0'] };
  const got = Object.fromEntries(Object.keys(all).map((k) => [k, []]));
  for (let i = 0; i < reps; i++) for (const [k, a] of Object.entries(all)) got[k].push(await measure(a(f)));
  const base = got['node -e 0'];
  const bw = median(base.map((r) => r.ms));
  const bc = median(base.map((r) => r.cpu));
  console.log(`${path.basename(f)} (${lines(f)} lines):`);
  for (const [k, rs] of Object.entries(got)) {
    const w = median(rs.map((r) => r.ms));
    const c = median(rs.map((r) => r.cpu));
    console.log(`  ${k.padEnd(10)} wall ${w.toFixed(0).padStart(5)} ms (${(w / bw).toFixed(2)}×)  CPU ${c.toFixed(0).padStart(5)} ms (${(c / bc).toFixed(2)}×)`);
  }
}
console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`);
