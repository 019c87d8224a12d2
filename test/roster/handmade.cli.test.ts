// `roster check` on rosters as managers type them in Excel/WPS (test/fixtures/roster-handmade/, made
// by LibreOffice: scripts/roster-handmade.mjs rebuilds them): a title and merged week headers above
// the date row, dates as date cells (12/1 then =B3+1), as Excel serials (46357), as 12/1, 12月1日 or
// 1日; a weekday row; shift cells typed 白班, 晚班, 休息, ' 休 ', Ｎ, n, d; a name with a note,
// 小王(实习); a blank row between the two teams; a 出勤天数 totals column; a 晚班人数 row of COUNTIF
// formulas at the bottom; a second sheet. Every violation names its cell as the spreadsheet shows
// it, and every non-empty cell is read or named.
//
// By hand (the script's comment): roster plan's proven December 2026 for five agents (177.5 h, 8
// nights, 4 days off each; D=1,H=1,N=1 met every day), then three edits:
//   小王 12-05 半 → 白 after 晚 on 12-04: night-then-day at 小王 12-05, and 12-05 loses its only
//     半白班 (the plan's coverage row: 1): coverage H 0 < 1.
//   小张 12-10 白 → 早班: no shift of the default set: unknown-shift; 12-10 loses its only 白班: coverage D.
//   小赵 12-03 休 → 半: 3 days off, not 4.
// Hours: 小王 177.5 + 3 (510 − 330 min) = 180.5 h, 小赵 177.5 + 5.5 = 183 h, 小李 and 小陈 177.5 h
// (小张, with a day unread, is not compared): spread 5.5 h ≤ 8.5 h, no hours-spread. The spellings
// read as the shifts they were (小李 白班/晚班/休息, 小陈 ' 休 ', Ｎ, n, d): no violation of theirs.
// Cells: column A is the name, B day 1, so day 5 is F and day 10 is K; rows as numbered below.
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { ROOT, runCli, tmpDir } from '../helpers.js';

const DIR = path.join(ROOT, 'test', 'fixtures', 'roster-handmade');
const UNKNOWN = 'unknown shift ""早班"" (use D/H/N/O or 白/半/晚/休 or day/half-day/night/off)';

function check(file: string, ...extra: string[]) {
  const r = runCli(['roster', 'check', path.join(DIR, file), '--month', '2026-12', '-f', 'csv', '--lang', 'en', ...extra]);
  return { ...r, rows: parse(r.stdout) as string[][] };
}

/** The five violations with the rows of 小王, 小张, 小赵 and the header row where the file has them. */
function expected(rows: { header: number; wang: number; zhang: number; zhao: number }, sheet = '') {
  return [
    ['agent', 'date', 'rule', 'detail', 'cell'],
    ['小张', '2026-12-10', 'unknown-shift', `line ${rows.zhang}: ${UNKNOWN.replace(/""/g, '"')}`, `${sheet}K${rows.zhang}`],
    ['小王(实习)', '2026-12-05', 'night-then-day', 'day shift after a night shift on 2026-12-04: make it H, N or O', `${sheet}F${rows.wang}`],
    ['小赵', '', 'days-off', '3 days off, must be exactly 4', `${sheet}A${rows.zhao}`],
    ['', '2026-12-05', 'coverage', 'H needs at least 1 (half-day), has 0', `${sheet}F${rows.header}`],
    ['', '2026-12-10', 'coverage', 'D needs at least 1 (day), has 0', `${sheet}K${rows.header}`],
  ];
}

for (const tz of ['UTC', 'America/Los_Angeles']) {
  describe(`roster check: hand-made rosters (TZ=${tz})`, () => {
    it('csv headed 12/1 with a 出勤天数 column: the five violations at their cells; the column named, not read', () => {
      // Line 1 the title, 2 the header, 3 小王, 4 小李, 5 小张, 6 blank, 7 小赵, 8 小陈.
      const r = check('december-md.csv');
      expect(r.code).toBe(1);
      expect(r.rows).toEqual(expected({ header: 2, wang: 3, zhang: 5, zhao: 7 }));
      // Until 2026-12 the column's five counts were passed over without a word.
      expect(r.stderr).toContain('december-md.csv: column AG "出勤天数" is not read (5 agent rows hold something in it, the first at AG3)');
      expect(r.stderr).toContain('december-md.csv: the header is on line 2; the line above it (title or blank) was skipped');
    });

    it('csv headed 12月1日 with a weekday row under it: the weekdays are checked against the dates and the row is no agent', () => {
      // Line 3 the weekdays (二 under 12月1日, a Tuesday …): it was rejected as "this row has no agent name".
      const r = check('december-cn.csv');
      expect(r.code).toBe(1);
      expect(r.rows).toEqual(expected({ header: 2, wang: 4, zhang: 6, zhao: 8 }));
      expect(r.stderr).not.toContain('no agent name');
      expect(r.stderr).not.toContain('weekday row');
    });

    it('csv headed 1日 … 31日, no totals: the same cells; nothing else said of the grid', () => {
      const r = check('december-day.csv');
      expect(r.rows).toEqual(expected({ header: 2, wang: 3, zhang: 5, zhao: 7 }));
      expect(r.stderr).not.toContain('is not read');
    });

    it('the WPS workbook: cells named with the sheet; the 晚班人数 row, the totals column and the second sheet named', () => {
      // Row 1 the merged title, 2 the merged weeks, 3 the dates (date cells: 12/1, then =B3+1), 4 the
      // weekdays, 5 小王, 6 小李, 7 小张, 8 blank, 9 小赵, 10 小陈, 11 blank, 12 晚班人数. The sheet's
      // name starts with a digit, so Excel quotes it: '12月排班'!K7.
      const r = check('december-wps.xlsx');
      expect(r.code).toBe(1);
      expect(r.rows).toEqual(expected({ header: 3, wang: 5, zhang: 7, zhao: 9 }, "'12月排班'!"));
      // Before: 晚班人数 was an agent: 31 unknown shifts ("1", "0", "2"), days-off and whole-day-off.
      expect(r.stderr).toContain('december-wps.xlsx:12: "晚班人数" holds numbers under the days, not shifts: a count row, not an agent; skipped');
      expect(r.stderr).toContain(`column AG "出勤天数" is not read (5 agent rows hold something in it, the first at '12月排班'!AG5)`);
      expect(r.stderr).toContain('the workbook\'s sheet "11月" (2 rows with data) was not read');
      expect(r.stderr).toContain('december-wps.xlsx: 5 agents × 31 days, 5 violations');
    });

    it('a date row of Excel serials (46357 = 2026-12-01) is read as the dates (it was "no date columns", exit 3)', () => {
      // 46357 days after 1899-12-30 is 2026-12-01 (46022 is 2026-01-01, + 335 days of 2026 before December).
      const r = check('december-serials.xlsx');
      expect(r.code).toBe(1);
      expect(r.rows).toEqual(expected({ header: 3, wang: 5, zhang: 7, zhao: 9 }, 'Sheet1!'));
      // Without --month the serials give the year: the month is read from them.
      const bare = runCli(['roster', 'check', path.join(DIR, 'december-serials.xlsx'), '-f', 'csv', '--lang', 'en']);
      expect((parse(bare.stdout) as string[][]).slice(1).map((x) => x[4])).toEqual(['Sheet1!K7', 'Sheet1!F5', 'Sheet1!A9', 'Sheet1!F3', 'Sheet1!K3']);
    });

    it("a weekday row that is another month's is warned, naming the cells (November's weekdays under December's dates)", () => {
      // November 2026 starts on a Sunday: 日 一 二 … under 12-01 (a Tuesday), 12-02 (Wednesday) …
      const text = fs.readFileSync(path.join(DIR, 'december-cn.csv'), 'utf8').split('\r\n');
      const nov = ['日', '一', '二', '三', '四', '五', '六'];
      text[2] = ['', ...Array.from({ length: 31 }, (_, i) => nov[i % 7]), ''].join(',');
      const f = path.join(tmpDir('roster-handmade-'), 'wrong-weekdays.csv');
      fs.writeFileSync(f, text.join('\r\n'));
      const r = runCli(['roster', 'check', f, '--month', '2026-12', '-f', 'csv', '--lang', 'en']);
      expect(r.stderr).toContain(`${f}:3: the weekday row does not match the dates: B3 says 日, but 2026-12-01 is a Tuesday; C3 says 一, but 2026-12-02 is a Wednesday; D3 says 二, but 2026-12-03 is a Thursday and 28 more; check that the date row is not another month's`);
      expect((parse(r.stdout) as string[][]).length).toBe(6);
    });

    it('a long roster: a violation names the shift cell of its row', () => {
      // agent,date,shift: A on N 2026-02-01 (line 2), D 2026-02-02 (line 3): night-then-day at C3;
      // B's 早班 on line 4: unknown-shift at C4.
      const f = path.join(tmpDir('roster-handmade-'), 'long.csv');
      fs.writeFileSync(f, 'agent,date,shift\nA,2026-02-01,N\nA,2026-02-02,D\nB,2026-02-01,早班\nB,2026-02-02,O\n');
      const r = runCli(['roster', 'check', f, '--days-off', '1', '-f', 'csv', '--lang', 'en']);
      const rows = (parse(r.stdout) as string[][]).slice(1);
      expect(rows.find((x) => x[2] === 'night-then-day')?.[4]).toBe('C3');
      expect(rows.find((x) => x[2] === 'unknown-shift')?.[4]).toBe('C4');
    });
  });
}
