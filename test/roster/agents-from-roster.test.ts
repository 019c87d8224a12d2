// An operator gives last month's roster (the grid `roster plan` wrote, with its coverage and
// service-level rows under the agents) as --agents. Its agent column was read row by row, and
// "coverage D", "coverage H", "coverage N" and "service level" were planned as four more people,
// each with shifts and days off. Run `npx tsc -p .` first.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BY_WORK_LIMIT, WORK_TIMEOUT, byWork, runCli, tmpDir } from '../helpers.js';

describe('roster plan --agents <a roster grid>', () => {
  it.each(['UTC', 'America/Los_Angeles'])('plans the agents only; the coverage and service-level rows are named as skipped (TZ=%s)', (tz) => {
    const dir = tmpDir('roster-agents-grid-');
    const f = path.join(dir, 'roster-2026-01.csv');
    // The shape `roster plan -f csv` writes (January 2026 shortened to its first 3 days: only the
    // agent column matters here).
    fs.writeFileSync(
      f,
      '\uFEFFagent,2026-01-01,2026-01-02,2026-01-03,hours,nights,weekend days,days off\n' +
        'A,D,N,O,15.0,1,1,1\nB,N,O,D,15.0,1,1,1\nC,H,D,N,20.5,1,1,0\nD,O,H,H,11.0,0,1,1\n' +
        'coverage D,1,1,1,,,,\ncoverage H,1,1,1,,,,\ncoverage N,1,1,1,,,,\nservice level,85.7%,85.7%,85.7%,,,,\n',
    );
    const r = runCli(['roster', 'plan', '--month', '2026-02', '--agents', f, '--days-off', '7', ...BY_WORK_LIMIT, '-f', 'csv', '--lang', 'en'], { tz, env: byWork() });
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { bom: true, relax_column_count: true }) as string[][];
    // By hand: the agents are the four rows above the coverage rows: A, B, C, D. The plan's own
    // rows under them are coverage D/H/N and service level, once each (before: 8 agent rows).
    expect(rows.map((x) => x[0])).toEqual(['agent', 'A', 'B', 'C', 'D', 'coverage D', 'coverage H', 'coverage N', 'service level']);
    expect(r.stderr).toContain(`${f}: lines 6, 7, 8, 9: a roster's coverage and service-level rows, not agents; skipped\n`);
    expect(r.stderr).toContain('roster 2026-02: 4 agents');
  }, WORK_TIMEOUT);
});
