// `roster check` compares a grid's `leave days` / `请假天数` column with the grid (docs/rules.md §4,
// "The leave days column"). A count the grid cannot have was clamped without a word: fewer days
// than the grid dates as leave (请假 cells) was taken as the dated leave, exit 0; more than the
// dated leave and the O days together made every O day leave ("0 days off, must be exactly 7
// (besides 9 days of leave)", whole-day-off, hours-spread scaled from the days worked). Now rule
// `leave-days-column`, with the line, what the column says and what the grid shows, exit 1; that
// agent's column is not used (the grid is checked as written).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

const FEB = Array.from({ length: 28 }, (_, d) => `2026-02-${String(d + 1).padStart(2, '0')}`);
// As test/roster/days-off-column: agent i on day d works ['D','H','N','O'][(d + i) % 4]: one D, H,
// N and one agent off each day, each N followed by O; 7 O days each (--days-off 7).
const AG = ['A', 'B', 'C', 'D'];
const CYCLE = ['D', 'H', 'N', 'O'];
const grid = () => AG.map((_, i) => FEB.map((_, d) => CYCLE[(d + i) % 4]!));

function write(name: string, text: string): string {
  const f = path.join(tmpDir('roster-leave-days-column-'), name);
  fs.writeFileSync(f, text);
  return f;
}
/** The grid with a `leave days` column; `leave[i]` is agent i's cell as typed. */
function withLeave(g: string[][], leave: string[], head = 'leave days'): string {
  return [['agent', ...FEB, head].join(','), ...g.map((row, i) => [AG[i], ...row, leave[i]].join(','))].join('\n') + '\n';
}
// The four columns SPEC names; the cell is test/roster/handmade.cli.test.ts's.
const rowsOf = (stdout: string) => (parse(stdout) as string[][]).slice(1).map((x) => x.slice(0, 4));

for (const tz of ['UTC', 'America/Los_Angeles']) {
  describe(`roster check: the grid's leave days column (TZ=${tz})`, () => {
    // --min N=1 only: the 请假 cells below take a D and an H off 02-01 and 02-02.
    const check = (file: string, lang: string, ...extra: string[]) =>
      runCli(['roster', 'check', file, '--days-off', '7', '--min', 'D=0,H=0,N=1', '-f', 'csv', '--lang', lang, ...extra], { tz });

    it('the column says 1, the grid dates 2 days of leave: leave-days-column on A, exit 1; zh too', () => {
      // A's D on 02-01 ((0 + 0) % 4 = 0) and H on 02-02 ((1 + 0) % 4 = 1) written 请假: 2 days of
      // leave, A's 7 O days untouched (7 days off, the other rules kept). The column says 1.
      // Old code: undated = max(0, 1 − 2) = 0, no word: no violations, exit 0.
      const g = grid();
      g[0]![0] = '请假';
      g[0]![1] = '请假';
      const f = write('r.csv', withLeave(g, ['1', '', '', '']));
      const r = check(f, 'en');
      expect(rowsOf(r.stdout)).toEqual([['A', '', 'leave-days-column', 'line 2: the "leave days" column says 1, the grid shows 2 days of leave (2026-02-01, 2026-02-02): correct the column, or check the leave days']]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('r.csv: 4 agents × 28 days, 1 violation (leave-days-column 1)');
      const zh = check(write('r.csv', withLeave(g, ['1', '', '', ''], '请假天数')), 'zh');
      expect(rowsOf(zh.stdout)).toEqual([['A', '', '请假天数列与表格不符', '第 2 行: "请假天数" 列写 1 天, 表中请假 2 天 (2026-02-01、2026-02-02): 改正该列, 或核对请假的日子']]);
      expect(zh.code).toBe(1);
    });

    it('a 0 in the column is a count too: 0 against 2 dated days', () => {
      // Old code read only counts above 0: the 0 was no count at all, exit 0.
      const g = grid();
      g[0]![0] = '请假';
      g[0]![1] = '请假';
      const r = check(write('r.csv', withLeave(g, ['0', '0', '0', '0'])), 'en');
      expect(rowsOf(r.stdout)).toEqual([['A', '', 'leave-days-column', 'line 2: the "leave days" column says 0, the grid shows 2 days of leave (2026-02-01, 2026-02-02): correct the column, or check the leave days']]);
      expect(r.code).toBe(1);
    });

    it('the column says 9, the grid has 7 O days and no leave: 2 of its days are worked; the grid is checked as written', () => {
      // A: 7 O days, no 请假 cell, 21 shifts. 9 days of undated leave need 9 O days: at least
      // 9 − 7 = 2 of them are worked. Old code: every O day leave, off = max(0, 7 − 9) = 0:
      // days-off "0 days off, must be exactly 7 (besides 9 days of leave, …)", whole-day-off, and
      // hours-spread from A's hours scaled up. Now A is checked as written: 7 days off, kept.
      const r = check(write('r.csv', withLeave(grid(), ['9', '', '', ''])), 'en');
      expect(rowsOf(r.stdout)).toEqual([
        ['A', '', 'leave-days-column', 'line 2: the "leave days" column says 9, the grid shows only 7 days off (O): at least 2 days it counts as leave are worked; correct the column, or check the days edited (this agent is checked as the grid is written)'],
      ]);
      expect(r.code).toBe(1);
      // Nor is that leave said on stderr as undated leave among A's O days.
      expect(r.stderr).not.toContain('counts leave');
      const zh = check(write('r.csv', withLeave(grid(), ['9', '', '', ''], '请假天数')), 'zh');
      expect(rowsOf(zh.stdout)).toEqual([['A', '', '请假天数列与表格不符', '第 2 行: "请假天数" 列写 9 天, 表中休息 (休) 只有 7 天: 至少有 2 天请假排了班; 改正该列, 或核对改过的日子 (该客服按表中所写检查)']]);
    });

    it('with dated leave too: 2 请假 cells, the column 10: 10 − 2 = 8 undated against 7 O days', () => {
      // By hand: A's 请假 on 02-01 and 02-02 (2 dated), 7 O days; 8 undated > 7: 1 day worked.
      const g = grid();
      g[0]![0] = '请假';
      g[0]![1] = '请假';
      const r = check(write('r.csv', withLeave(g, ['10', '', '', ''])), 'en');
      expect(rowsOf(r.stdout)).toEqual([
        ['A', '', 'leave-days-column', 'line 2: the "leave days" column says 10, the grid shows only 7 days off (O) and 2 days of leave: at least 1 day it counts as leave is worked; correct the column, or check the days edited (this agent is checked as the grid is written)'],
      ]);
      expect(r.code).toBe(1);
    });

    it('counts the grid can have are taken as before: the dated leave, and undated leave among the O days', () => {
      // 2 请假 cells and the column 2: all dated. The column 3: 1 more undated among A's 7 O days,
      // said on stderr; 6 days off against --days-off 7 less the leave (docs/rules.md §4 pro rata:
      // no days-off line either way is asserted here, only that the column is not reported).
      const g = grid();
      g[0]![0] = '请假';
      g[0]![1] = '请假';
      const same = check(write('r.csv', withLeave(g, ['2', '', '', ''])), 'en');
      expect(rowsOf(same.stdout).map((x) => x[2])).not.toContain('leave-days-column');
      const more = check(write('r.csv', withLeave(g, ['3', '', '', ''])), 'en');
      expect(rowsOf(more.stdout).map((x) => x[2])).not.toContain('leave-days-column');
      expect(more.stderr).toContain('the leave days column counts leave (A 1 day)');
    });

    it('counts typed with their unit (1天, ７天) are read as counts, in both columns', () => {
      // A roster typed by hand: 请假天数 1天 for A (2 请假 cells, as the first case), 休息天数 8天 for
      // B (7 O days, by hand as in days-off-column). Old code: neither cell was read, exit 0.
      const g = grid();
      g[0]![0] = '请假';
      g[0]![1] = '请假';
      const head = ['客服', ...FEB, '休息天数', '请假天数'].join(',');
      const cells = [['7天', '1天'], ['8 天', ''], ['７天', ''], ['7', '0天']];
      const f = write('r.csv', [head, ...g.map((row, i) => [AG[i], ...row, ...cells[i]!].join(','))].join('\n') + '\n');
      const r = check(f, 'en');
      expect(rowsOf(r.stdout)).toEqual([
        ['A', '', 'leave-days-column', 'line 2: the "请假天数" column says 1, the grid shows 2 days of leave (2026-02-01, 2026-02-02): correct the column, or check the leave days'],
        ['B', '', 'days-off-column', 'line 3: the "休息天数" column says 8, the grid shows 7 days off (O): correct the column, or check the days edited'],
      ]);
      expect(r.code).toBe(1);
    });

    it('--requests leave is named as such', () => {
      // A's 02-05 (day 4: (4 + 0) % 4 = 0, a D) on leave by --requests, made O in the grid; the
      // column says 0. By hand: 1 day of leave, all from --requests.
      const g = grid();
      g[0]![4] = 'O';
      const req = write('req.csv', 'agent,date,type\nA,2026-02-05,leave\n');
      const r = check(write('r.csv', withLeave(g, ['0', '', '', ''])), 'en', '--requests', req);
      expect(rowsOf(r.stdout).filter((x) => x[2] === 'leave-days-column')).toEqual([
        ['A', '', 'leave-days-column', 'line 2: the "leave days" column says 0, --requests gives 1 day of leave (2026-02-05): correct the column, or check the leave days'],
      ]);
    });
  });
}
