// Roster side files whose date cells were given a date-and-time format (YYYY/M/D H:MM) in
// LibreOffice 7.4 (zh-CN) and saved as csv (desk55; test/fixtures/desk/make.sh): 2026-11-11 is written
// `2026/11/11 0:00`, a date at midnight, the same day an xlsx date cell reads back as
// `2026-11-11 00:00:00` (read as the date since rev…: atMidnight). The one-digit hour was not taken:
//   --demand: both rows rejected as "date is not in the month being checked" (they are in it), and
//     the two coverage violations they bring were gone (exit 1 for the rejects only);
//   --requests: three of the four rows "not a date", and their three violations gone.
// And a date no reader takes (`11/11/26`, MM/DD/YY) in --demand was called outside the month too.
// Worked by hand from examples/roster/roster-2026-11.csv: on 11-11 and 11-12 only 小张 works D (L2…L6,
// M2…M6: N,H,D,N,N and N,N,D,N,H), so demand D=2 gives "D needs at least 2 (day), has 1" at L1 and M1;
// 小王 asked 11-11 and 11-12 off and is on N both days (L2, M2); 小陈 asked 11-01 off and is on D (B6).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, FIXTURES, runCli } from '../helpers.js';

const roster = path.join(EXAMPLES, 'roster', 'roster-2026-11.csv');
const D = (f: string) => path.join(FIXTURES, 'desk', f);

describe('dates written with a midnight time, one-digit hour (2026/11/11 0:00)', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`--demand reads them as the dates: the two coverage violations (TZ=${tz})`, () => {
      const r = runCli(['roster', 'check', roster, '--demand', D('demand-lo-datetime.csv'), '--lang', 'en'], { tz });
      expect(r.stderr).not.toContain('not in the month');
      expect(r.stdout.trim().split('\n')).toEqual([
        'agent,date,rule,detail,cell',
        ',2026-11-11,coverage,"D needs at least 2 (day), has 1",L1',
        ',2026-11-12,coverage,"D needs at least 2 (day), has 1",M1',
      ]);
      expect(r.code).toBe(1);
    });
  }

  it('--requests reads them as the dates: the four request violations', () => {
    const r = runCli(['roster', 'check', roster, '--requests', D('requests-lo-datetime.csv'), '--lang', 'en']);
    expect(r.stderr).not.toContain('not a date');
    const rows = r.stdout.trim().split('\n').slice(1).map((l) => l.split(',').slice(0, 3).join(',') + ',' + l.split(',').pop());
    expect(rows).toEqual(['小王,2026-11-11,request,L2', '小王,2026-11-12,request,M2', '小李,2026-11-28,request,AC3', '小陈,2026-11-01,request,B6']);
  });

  it('a --demand date no reader takes (11/11/26) is "not a date" with what to write, not "outside the month" (en, zh)', () => {
    const f = D('demand-lo-us-dates.csv');
    const en = runCli(['roster', 'check', roster, '--demand', f, '--lang', 'en']);
    expect(en.stderr).toContain(`${f}:2 [date]: "11/11/26" not a date: write 2026-11-11, 11-11 or 11`);
    expect(en.stderr).not.toContain('not in the month');
    const zh = runCli(['roster', 'check', roster, '--demand', f, '--lang', 'zh']);
    expect(zh.stderr).toContain(`${f}:2 [date]: "11/11/26" 不是日期: 写成 2026-11-11、11-11 或 11`);
  });
});
