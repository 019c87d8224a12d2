#!/usr/bin/env node
// Times `storeops roster plan` for 3, 10 and 30 agents (November 2026, 30 days, 4 days off).
// 3 agents cannot staff D=1,H=1,N=1 with 4 days off (⌈90/26⌉ = 4 agents are needed), so the
// 3-agent run staffs D and N only (the seed's minimum of 3 agents, RULES §4).
// Usage: node scripts/bench-roster.mjs   (after `npm run build`)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'storeops.js');
// Last month's rosters for the --previous cases (not timed).
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'storeops-bench-'));
const prev = (n, min) => {
  const f = path.join(tmp, `oct-${n}.csv`);
  spawnSync(process.execPath, [bin, 'roster', 'plan', '--month', '2026-10', '--agents', String(n), '--min', min, '-q', '-o', f]);
  return f;
};
const cases = [
  { name: '3 agents, D=1,N=1', args: ['--agents', '3', '--min', 'D=1,H=0,N=1'] },
  { name: '10 agents, D=1,H=1,N=1', args: ['--agents', '10'] },
  { name: '10 agents, D=2,H=1,N=2', args: ['--agents', '10', '--min', 'D=2,H=1,N=2'] },
  { name: '30 agents, D=8,H=4,N=8', args: ['--agents', '30', '--min', 'D=8,H=4,N=8'] },
  { name: '10 agents + --previous', args: ['--agents', '10', '--previous', prev(10, 'D=1,H=1,N=1')] },
  { name: '30 agents + --previous', args: ['--agents', '30', '--min', 'D=8,H=4,N=8', '--previous', prev(30, 'D=8,H=4,N=8')] },
];
console.log('roster plan, November 2026, --time-limit 30');
for (const c of cases) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, 'roster', 'plan', '--month', '2026-11', '--time-limit', '30', '-f', 'csv', '--lang', 'en', ...c.args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
  });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const verdict = (r.stderr.split('\n').find((l) => /proven optimal|not proven/.test(l)) ?? r.stderr.trim().split('\n').pop() ?? '').trim();
  console.log(`${c.name.padEnd(26)} ${secs.toFixed(2).padStart(6)} s  exit ${r.status}  ${verdict}`);
}
fs.rmSync(tmp, { recursive: true, force: true });
