// `roster check` compares a grid's own days-off count (`days off` / `休息天数`, the wall calendar's
// `off` / `休息`) with the days off its cells show (docs/rules.md §4, "The days-off column"). A hand
// edit that moves a day off and leaves the count stale was read past: the column said 8, the grid
// showed 7, "no violations", exit 0. Now rule `days-off-column`, exit 1 (SPEC: check's violations).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

const FEB = Array.from({ length: 28 }, (_, d) => `2026-02-${String(d + 1).padStart(2, '0')}`);
// Agents A–D: agent i on day d works ['D','H','N','O'][(d + i) % 4]: one D, H, N and one agent off
// each day, each N followed by O; 28 / 4 = 7 days off each (--days-off 7); 7 × (8.5 + 5.5 + 6.5)
// = 143.5 h, 7 nights each. Weekend days worked: not compared, left empty or as written.
const AG = ['A', 'B', 'C', 'D'];
const CYCLE = ['D', 'H', 'N', 'O'];
const grid = () => AG.map((_, i) => FEB.map((_, d) => CYCLE[(d + i) % 4]!));

function write(name: string, text: string): string {
  const f = path.join(tmpDir('roster-days-off-column-'), name);
  fs.writeFileSync(f, text);
  return f;
}
/** The grid with roster plan's totals columns; `off[i]` is agent i's days-off cell as typed. */
function withTotals(g: string[][], off: string[], heads = ['hours', 'nights', 'weekend days', 'days off'], leave?: string[]): string {
  const head = ['agent', ...FEB, ...heads, ...(leave ? ['leave days'] : [])].join(',');
  return [head, ...g.map((row, i) => [AG[i], ...row, '143.5', '7', '', off[i], ...(leave ? [leave[i]] : [])].join(','))].join('\n') + '\n';
}
// The four columns SPEC names; the cell is test/roster/handmade.cli.test.ts's.
const rowsOf = (stdout: string) => (parse(stdout) as string[][]).slice(1).map((x) => x.slice(0, 4));

for (const tz of ['UTC', 'America/Los_Angeles']) {
  describe(`roster check: the grid's days-off column (TZ=${tz})`, () => {
    const check = (file: string, lang: string, ...extra: string[]) => runCli(['roster', 'check', file, '--days-off', '7', '-f', 'csv', '--lang', lang, ...extra], { tz });

    it('the column says 8 for A, the grid shows 7: days-off-column on A (which line, what each says), exit 1; zh too', () => {
      // By hand: A's O cells are days 4, 8, …, 28 ((d + 0) % 4 = 3: d = 3, 7, …, 27): 7; no leave.
      // The grid keeps every rule (7 days off = --days-off 7), so this is the only line.
      // Old code: the column was not read: no violations, exit 0.
      const f = write('r.csv', withTotals(grid(), ['8', '7', '7', '7']));
      const r = check(f, 'en');
      expect(rowsOf(r.stdout)).toEqual([['A', '', 'days-off-column', 'line 2: the "days off" column says 8, the grid shows 7 days off (O): correct the column, or check the days edited']]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('r.csv: 4 agents × 28 days, 1 violation (days-off-column 1)');
      const zh = check(f, 'zh');
      expect(rowsOf(zh.stdout)).toEqual([['A', '', '休息天数列与表格不符', '第 2 行: "days off" 列写 8 天, 表中休息 7 天 (休): 改正该列, 或核对改过的日子']]);
      expect(zh.code).toBe(1);
    });

    it('a day off moved by hand, the count left: both the rule and the column are reported', () => {
      // B's H on 02-01 ((0 + 1) % 4 = 1) made O, the column left at 7. By hand: 8 O → days-off
      // "8 days off, must be exactly 7" and the column (7) against the grid (8). Coverage: 02-01
      // has no H then; --min H=0 keeps that out. Hours 138 h against 143.5 h: within 8.5 h.
      const g = grid();
      g[1]![0] = 'O';
      const r = check(write('r.csv', withTotals(g, ['7', '7', '7', '7'])), 'en', '--min', 'D=1,H=0,N=1');
      expect(rowsOf(r.stdout)).toEqual([
        ['B', '', 'days-off', '8 days off, must be exactly 7'],
        ['B', '', 'days-off-column', 'line 3: the "days off" column says 7, the grid shows 8 days off (O): correct the column, or check the days edited'],
      ]);
      expect(r.code).toBe(1);
    });

    it('the column right for every agent (休息天数, and the wall calendar\'s 休息 / off): no violation, exit 0', () => {
      for (const h of ['休息天数', '休息', 'off']) {
        const r = check(write('r.csv', withTotals(grid(), ['7', '7', '7', '7'], ['工时', '晚班', '周末班', h])), 'en');
        expect(rowsOf(r.stdout), h).toEqual([]);
        expect(r.code, h).toBe(0);
      }
      // And wrong under 休息: C 6 against 7.
      const r = check(write('r.csv', withTotals(grid(), ['7', '7', '6', '7'], ['工时', '晚班', '周末班', '休息'])), 'en');
      expect(rowsOf(r.stdout)).toEqual([['C', '', 'days-off-column', 'line 4: the "休息" column says 6, the grid shows 7 days off (O): correct the column, or check the days edited']]);
    });

    it('with a leave days column: the O days less the leave are the days off', () => {
      // A's D on 02-01 made O (8 O cells), leave days 1: 8 − 1 = 7 days off, as roster plan writes it.
      // Column 7: nothing. Column 8: the leave counted in (7 + 1), as another tool's grid may count
      // it: nothing either (lead, review of rev41: it was days-off-column, exit 1). Column 9: 7
      // besides 1 day of leave, neither count.
      const g = grid();
      g[0]![0] = 'O';
      const args = ['--min', 'D=0,H=1,N=1'];
      const ok = check(write('r.csv', withTotals(g, ['7', '7', '7', '7'], undefined, ['1', '0', '0', '0'])), 'en', ...args);
      expect(rowsOf(ok.stdout)).toEqual([]);
      expect(ok.code).toBe(0);
      const counted = check(write('r.csv', withTotals(g, ['8', '7', '7', '7'], undefined, ['1', '0', '0', '0'])), 'en', ...args);
      expect(rowsOf(counted.stdout)).toEqual([]);
      expect(counted.code).toBe(0);
      const bad = check(write('r.csv', withTotals(g, ['9', '7', '7', '7'], undefined, ['1', '0', '0', '0'])), 'en', ...args);
      expect(rowsOf(bad.stdout)).toEqual([['A', '', 'days-off-column', 'line 2: the "days off" column says 9, the grid shows 7 days off (O, besides 1 day of leave): correct the column, or check the days edited']]);
      expect(bad.code).toBe(1);
    });

    it('an agent with a missing day, or an empty count cell, is not compared', () => {
      // D's cell on 02-02 left empty: missing-day (D's 02-02 was a D shift: still 7 O, no days-off line), no column line
      // for D though it says 9 (the grid's count would be a guess). B's count cell empty: not compared.
      const g = grid();
      g[3]![1] = '';
      const r = check(write('r.csv', withTotals(g, ['7', '', '7', '9'])), 'en', '--min', 'D=0,H=0,N=0');
      expect(rowsOf(r.stdout).map((x) => x[2])).toEqual(['missing-day']);
    });

    it("roster plan's own csv passes its own check", () => {
      // 3 agents, February 2026, D=1: each 24 shifts and 4 days off; the days off column 4 each.
      const out = path.join(tmpDir('roster-days-off-column-'), 'feb.csv');
      const plan = runCli(['roster', 'plan', '--month', '2026-02', '--agents', 'A,B,C', '--min', 'D=1,H=0,N=0', '-o', out, '--lang', 'en'], { tz });
      expect(plan.code).toBe(0);
      const rows = parse(fs.readFileSync(out, 'utf8'), { bom: true }) as string[][];
      expect(rows[0]!.at(-1)).toBe('days off');
      expect(rows.slice(1, 4).map((x) => x.at(-1))).toEqual(['4', '4', '4']);
      const r = runCli(['roster', 'check', out, '--min', 'D=1,H=0,N=0', '-f', 'csv', '--lang', 'en'], { tz });
      expect(rowsOf(r.stdout)).toEqual([]);
      expect(r.code).toBe(0);
    });
  });
}
