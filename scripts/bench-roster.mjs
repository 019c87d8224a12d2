#!/usr/bin/env node
// Times `storeops roster plan` (November 2026, 30 days, 4 days off, --time-limit 30) next to
// references measured in the same run, so a loaded machine shows as a ratio:
// - `node -e 0` (process start-up),
// - the same plan on the full model alone (STOREOPS_ROSTER_MODEL_ONLY=1: the route every plan
//   took before aggregate bounds + layout), for the 10- and 30-agent cases.
// 3 agents cannot staff D=1,H=1,N=1 with 4 days off (⌈90/26⌉ = 4 agents are needed), so the
// 3-agent run staffs D and N only (the seed's minimum of 3 agents, RULES §4).
// Usage: node scripts/bench-roster.mjs [--quick]   (after `npm run build`; --quick skips the full-model references)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'storeops.js');
const quick = process.argv.includes('--quick');
// Last month's rosters for the --previous cases (not timed).
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'storeops-bench-'));
const prev = (n, min) => {
  const f = path.join(tmp, `oct-${n}.csv`);
  spawnSync(process.execPath, [bin, 'roster', 'plan', '--month', '2026-10', '--agents', String(n), '--min', min, '-q', '-o', f]);
  return f;
};
const model = { STOREOPS_ROSTER_MODEL_ONLY: '1' };
const cases = [
  { name: '3 agents, D=1,N=1', args: ['--agents', '3', '--min', 'D=1,H=0,N=1'] },
  { name: '5 agents, D=1,H=1,N=1', args: ['--agents', '5'] },
  { name: '10 agents, D=1,H=1,N=1', args: ['--agents', '10'] },
  ...(quick ? [] : [{ name: '  same, full model only', args: ['--agents', '10'], env: model }]),
  { name: '10 agents, D=2,H=1,N=2', args: ['--agents', '10', '--min', 'D=2,H=1,N=2'] },
  { name: '30 agents, D=8,H=4,N=8', args: ['--agents', '30', '--min', 'D=8,H=4,N=8'] },
  ...(quick ? [] : [{ name: '  same, full model only', args: ['--agents', '30', '--min', 'D=8,H=4,N=8'], env: model }]),
  { name: '10 agents + --previous', args: ['--agents', '10', '--previous', prev(10, 'D=1,H=1,N=1')] },
  { name: '30 agents + --previous', args: ['--agents', '30', '--min', 'D=8,H=4,N=8', '--previous', prev(30, 'D=8,H=4,N=8')] },
];
const time = (args, env = {}) => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 120_000 });
  return { secs: Number(process.hrtime.bigint() - t0) / 1e9, r };
};
const ref = time(['-e', '0']).secs;
console.log(`roster plan, November 2026, --time-limit 30; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`reference: node -e 0 ${ref.toFixed(2)} s`);
for (const c of cases) {
  const { secs, r } = time([bin, 'roster', 'plan', '--month', '2026-11', '--time-limit', '30', '-f', 'csv', '--lang', 'en', ...c.args], c.env);
  const verdict = (r.stderr.split('\n').find((l) => /proven optimal|not proven/.test(l)) ?? r.stderr.trim().split('\n').pop() ?? '').trim();
  console.log(`${c.name.padEnd(26)} ${secs.toFixed(2).padStart(6)} s  (${(secs / ref).toFixed(0).padStart(3)}× node -e 0)  exit ${r.status}  ${verdict.slice(0, 140)}`);
}
console.log(`reference again: node -e 0 ${time(['-e', '0']).secs.toFixed(2)} s`);
fs.rmSync(tmp, { recursive: true, force: true });
