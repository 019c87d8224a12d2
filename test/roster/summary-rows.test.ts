// A 合计/Total row typed below the rows of a roster input (--demand, --requests, an --agents file):
// skipped and named (file:line), not rejected as a bad date or read as an agent called 合计.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const R = (f: string) => path.join(EXAMPLES, 'roster', f);

describe('a trailing summary row in roster inputs', () => {
  const dir = tmpDir();
  it('--demand and --requests: skipped and named; the violations are those without it', () => {
    const demand = path.join(dir, 'demand.csv');
    const requests = path.join(dir, 'requests.csv');
    const d = fs.readFileSync(R('demand.csv'), 'utf8');
    const q = fs.readFileSync(R('requests.csv'), 'utf8');
    fs.writeFileSync(demand, d + '合计,4,2,3\n');
    fs.writeFileSync(requests, q + '合计,\n');
    const dl = d.split('\n').filter((l) => l !== '').length + 1;
    const ql = q.split('\n').filter((l) => l !== '').length + 1;
    const plain = runCli(['roster', 'check', R('roster-2026-11.csv'), '--demand', R('demand.csv'), '--requests', R('requests.csv'), '-f', 'csv', '--lang', 'en']);
    const r = runCli(['roster', 'check', R('roster-2026-11.csv'), '--demand', demand, '--requests', requests, '-f', 'csv', '--lang', 'en']);
    // Before: demand.csv:4 "合计" date is not in the month being checked; requests.csv:6 no date.
    expect(r.stderr).toContain(`${demand}:${dl}: summary line, skipped`);
    expect(r.stderr).toContain(`${requests}:${ql}: summary line, skipped`);
    expect(r.stderr).not.toContain('not in the month');
    expect(r.stderr).not.toContain('no date');
    expect(r.code).toBe(plain.code);
    expect(r.stdout).toBe(plain.stdout);
  });

  it('an --agents file: the 合计 row is no agent (5 agents, not 6)', () => {
    const agents = path.join(dir, 'agents.csv');
    const a = fs.readFileSync(R('agents.csv'), 'utf8');
    fs.writeFileSync(agents, a + '合计,5人\n');
    const line = a.split('\n').filter((l) => l !== '').length + 1;
    const r = runCli(['roster', 'plan', '--month', '2026-11', '--agents', agents, '--time-limit', '3', '-f', 'csv', '--lang', 'en'], { timeoutMs: 60_000 });
    expect(r.stderr).toContain(`${agents}:${line}: summary line, skipped`);
    expect(r.stdout).not.toContain('合计');
    expect(r.stderr).not.toMatch(/\b6 agents\b/);
  });

  it('a 合计 row with rows after it is rejected (two lists pasted together)', () => {
    const requests = path.join(dir, 'req2.csv');
    fs.writeFileSync(requests, '客服,日期\n合计,\n小王,2026-11-11\n');
    const r = runCli(['roster', 'check', R('roster-2026-11.csv'), '--requests', requests, '-f', 'csv', '--lang', 'en']);
    expect(r.stderr).toContain(`${requests}:2: a summary (total) line, but more rows follow it (line 3)`);
  });
});
