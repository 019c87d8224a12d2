#!/usr/bin/env node
// Self time per function and per file from a V8 CPU profile (issue 21, seventeenth round):
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/storeops.js compensate FILE --as-of … -q > /dev/null
//   node scripts/cpuprofile-summary.mjs /tmp/prof/CPU.*.cpuprofile [TOP]
// Prints the profile's total, the TOP (default 40) functions by self time (name, file:line) and the
// 25 files by self time. Paths are shortened to dist/… and node_modules/…; V8's own entries
// ("(garbage collector)", "(program)", "(idle)") and native calls count under "(native)".
import fs from 'node:fs';
const f = process.argv[2]; const top = +(process.argv[3] ?? 40);
const p = JSON.parse(fs.readFileSync(f, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const dt = new Map();
for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
const fn = new Map(), file = new Map(); let total = 0;
for (const [id, t] of dt) {
  const n = byId.get(id); const cf = n.callFrame;
  const url = (cf.url || '(native)').replace(/^.*\/(dist|node_modules)\//, '$1/');
  const k = `${cf.functionName || '(anon)'} ${url}:${cf.lineNumber + 1}`;
  fn.set(k, (fn.get(k) ?? 0) + t); file.set(url, (file.get(url) ?? 0) + t); total += t;
}
const show = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).forEach(([k, t]) => console.log(`${(t / 1000).toFixed(0).padStart(7)} ms ${(100 * t / total).toFixed(1).padStart(5)}%  ${k}`));
console.log(`total ${(total / 1e6).toFixed(2)} s`); console.log('--- per function'); show(fn, top); console.log('--- per file'); show(file, 25);
