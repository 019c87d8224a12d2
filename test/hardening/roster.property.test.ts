// Issue 9: `roster check` accepts every roster `roster plan` prints (grid and --long), for random
// months, team sizes, days off and staffing minimums. Through the CLI in process (the roster API
// is still being finished in src/roster; the command line is the stable contract).
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { cli } from './inproc.js';

const NAMES = ['小王', '小李', '小张', '小赵', '小钱', '小孙', '小周'];

describe('roster plan → roster check', () => {
  it('every printed roster passes the checker with the same rules (exit 0, no violations)', async () => {
    const dir = tmpDir('storeops-roster-prop-');
    let n = 0;
    let planned = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 4, max: 7 }),
        fc.integer({ min: 3, max: 6 }),
        fc.constantFrom('D=1,H=1,N=1', 'D=1,H=0,N=1', 'D=2,H=1,N=1'),
        fc.boolean(),
        async (month, agents, daysOff, min, long) => {
          const m = `2026-${String(month).padStart(2, '0')}`;
          const rules = ['--days-off', String(daysOff), '--min', min];
          const out = path.join(dir, `plan-${++n}.csv`);
          const plan = await cli(['roster', 'plan', '--month', m, '--agents', NAMES.slice(0, agents).join(','), ...rules, '--time-limit', '5', '-q', '-o', out, ...(long ? ['--long'] : [])]);
          // Too few agents for the minimums is a documented refusal (exit 1, nothing written), not a roster.
          // So is a time limit reached before any roster (exit 1, nothing written: plan.cli.test.ts):
          // --time-limit is wall time, and the slowest of these took 1.9 s alone (2 cores, load ~5),
          // so a CI machine three times as busy could reach the 5 s. Nothing printed, nothing to check.
          if (plan.code === 1 && /no roster possible|storeops: time ran out: no roster found within 5 s/.test(plan.stderr)) {
            expect(fs.existsSync(out)).toBe(false);
            return;
          }
          expect(plan.code).toBe(0);
          planned++;
          const check = await cli(['roster', 'check', out, '--month', m, ...rules, '-f', 'json']);
          expect(check.stderr).toContain('no violations');
          expect(JSON.parse(check.stdout)).toEqual([]);
          expect(check.code).toBe(0);
        },
      ),
      { numRuns: 12 },
    );
    expect(planned).toBeGreaterThan(0);
  }, 120_000);
});
