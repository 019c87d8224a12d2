// user24 (王姐, a 家纺 shop, January 2027): a part-timer who works only the night shift (可上班次 晚) put every
// full-time agent on far more nights. Nights are compared pro rata (× W / W_a, docs/rules.md §4 "limited
// agents"), and a night-only agent's nights are all her shifts: 15 nights in 15 days count as 27 a month.
// Level 2 (nights + weekend days spread) then pulled every other agent toward 27 nights: with 7 full-timers,
// 阿芳 (白/半) and 小吴 (晚, 15 shifts), each full-timer got 15 nights of 27 shifts and the night shift 4
// agents a day against 1 on 白班; the summary said "晚班差 12" and nothing why. Her nights follow from her
// shift as an only-半白班 agent's hours do, so she is left out of the nights comparison as one who works
// no night is (problem.ts nightsCompared); her hours are not compared either (only the night's length).
//
// By hand, February 2026 (28 days, 4 off: W = 24), --min D=1,H=0,N=1, A, B, C full-time, E 只上晚班 at
// most 10 shifts: E works 10 nights (× 24/10 = 24 pro rata). Before: level 2 held A, B, C toward 24
// nights; the 28 day shifts leave them at most (3 × 24 − 28) / 3 = 14.67 nights each, so the spread is at
// least 24 − 14.67 > 9 — the summary said "nights spread 10" or more. After: nights compared among A, B, C
// only, who can all have the same count (spread 0), E's 10 nights not in it.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BY_WORK_LIMIT, WORK_TIMEOUT, byWork, runCli, tmpDir } from '../helpers.js';
import { nightsCompared } from '../../src/roster/problem.js';
import { DEFAULT_SHIFTS } from '../../src/roster/shifts.js';

describe('nightsCompared: in the nights comparison only when the agent may work a night and another shift', () => {
  const p = (shifts?: string[]) => ({ shifts: [...DEFAULT_SHIFTS], limits: [shifts ? { shifts } : { maxShifts: 10 }] });
  it('by hand', () => {
    expect(nightsCompared(p(['N']), 0)).toBe(false); // only nights: her nights are her shifts
    expect(nightsCompared(p(['D', 'H']), 0)).toBe(false); // no night at all (as before)
    expect(nightsCompared(p(['D', 'N']), 0)).toBe(true);
    expect(nightsCompared(p(['H', 'N']), 0)).toBe(true);
    expect(nightsCompared(p(), 0)).toBe(true); // a cap only
  });
});

for (const tz of ['UTC', 'America/Los_Angeles']) {
  describe(`roster plan with a night-only part-timer (TZ=${tz})`, () => {
    it('E 只上晚班 10 shifts: A, B, C compared among themselves, nights spread 0', () => {
      const f = path.join(tmpDir('roster-night-only-'), 'agents.csv');
      fs.writeFileSync(f, '客服,可上班次,每月最多班次\nA,,\nB,,\nC,,\nE,晚,10\n');
      const r = runCli(['roster', 'plan', '--month', '2026-02', '--agents', f, '--min', 'D=1,H=0,N=1', ...BY_WORK_LIMIT, '-f', 'csv', '--lang', 'en'], { tz, env: byWork(1000) });
      expect(r.code).toBe(0);
      const rows = parse(r.stdout) as string[][];
      const head = rows[0]!;
      const by = new Map(rows.slice(1, 5).map((x) => [x[0]!, x]));
      const nights = ['A', 'B', 'C', 'E'].map((a) => Number(by.get(a)![head.indexOf('nights')]));
      expect(nights[3]).toBe(10);
      expect(new Set(nights.slice(0, 3)).size).toBe(1);
      expect(r.stderr).toMatch(/nights spread 0,/);
      expect(r.stderr).toContain('nights not for one who works none or only nights');
      const zh = runCli(['roster', 'plan', '--month', '2026-02', '--agents', f, '--min', 'D=1,H=0,N=1', ...BY_WORK_LIMIT, '-f', 'csv', '--lang', 'zh'], { tz, env: byWork(1000) });
      expect(zh.stderr).toContain('不上晚班或只上晚班的不比较晚班');
      expect(zh.stderr).toMatch(/晚班差 0,/);
    }, WORK_TIMEOUT);
  });
}
