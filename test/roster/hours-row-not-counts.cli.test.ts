// rev43, on roster46 ed24d980 (a grid row holding only numbers under the days is a count row, skipped):
// the rule also took an agent's row typed as hours a day (小李: 8 8 8 0 8 8 0, a common hand-made sheet)
// for counts. 小李 vanished from roster check: no unknown-shift, days-off or whole-day-off violation
// named her, only an info line on stderr ("a count row, not an agent; skipped"), which -q drops - so a
// cron's check said nothing about her at all (reproduced on ed24d980). Before ed24d980 each of her
// cells was an unknown shift. Now a row of numbers is counts only when its label says so (晚班人数,
// 合计 …, a shift's own name: 白班) or it has none; a name's row is read as an agent's again.
// Worked by hand (December 2026, the grid gives days 1-7; D/H/N/O shifts):
//   小李 B3..H3 = 8 8 8 0 8 8 0: 7 unknown shifts at B3, C3, D3, E3, F3, G3, H3 ("0" is no day off:
//   only O/休/off are), so she has 0 days off (days-off at A3) and no whole day off (whole-day-off, A3).
//   白班 (row 4) and 晚班人数 (row 5) hold counts: skipped, no violation names them.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

describe('roster check: an agent row of hours is not a count row', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`小李's numbers are unknown shifts; 白班 and 晚班人数 rows are counts (failed before: 小李 skipped) (${tz})`, () => {
      const f = path.join(tmpDir(), 'roster.csv');
      fs.writeFileSync(f, 'agent,2026-12-01,2026-12-02,2026-12-03,2026-12-04,2026-12-05,2026-12-06,2026-12-07\n小王,D,D,N,O,D,H,O\n小李,8,8,8,0,8,8,0\n白班,1,1,0,0,1,0,0\n晚班人数,0,0,1,0,0,0,0\n');
      const r = runCli(['roster', 'check', f, '-q', '-f', 'csv', '--lang', 'en'], { tz });
      expect(r.code).toBe(1);
      const rows = parse(r.stdout, { columns: true }) as { agent: string; date: string; rule: string; cell: string }[];
      const li = rows.filter((x) => x.agent === '小李' && x.rule !== 'missing-day');
      expect(li.map((x) => [x.rule, x.date, x.cell])).toEqual([
        ['unknown-shift', '2026-12-01', 'B3'],
        ['unknown-shift', '2026-12-02', 'C3'],
        ['unknown-shift', '2026-12-03', 'D3'],
        ['unknown-shift', '2026-12-04', 'E3'],
        ['unknown-shift', '2026-12-05', 'F3'],
        ['unknown-shift', '2026-12-06', 'G3'],
        ['unknown-shift', '2026-12-07', 'H3'],
        ['days-off', '', 'A3'],
        ['whole-day-off', '', 'A3'],
      ]);
      expect(rows.some((x) => x.agent === '白班' || x.agent === '晚班人数')).toBe(false);
    });
  }
});
