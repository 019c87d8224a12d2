// `roster check` without --requests: leave written in the roster itself (docs/rules.md §4, "Leave in
// a roster checked without --requests"). A cell that says leave (请假, 假, 婚假 … `leave`) is neither
// a day off nor work; a grid from `roster plan` writes leave as O / 休 and counts it in its
// `leave days` column, which cannot say which O days are leave: that many O days are counted as
// leave, and stderr says the days cannot be told apart. Until 2026-12 every such day was a day off
// (an agent back from leave broke days-off), and 婚假 or 假 were unknown-shift.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

const FEB = Array.from({ length: 28 }, (_, d) => `2026-02-${String(d + 1).padStart(2, '0')}`);
// Agents A–D: agent i on day d works ['D','H','N','O'][(d + i) % 4]: one D, H, N and one agent off
// each day; 7 days off each; every agent 7 × (8.5 + 5.5 + 6.5) = 143.5 h over 21 shifts.
const AG = ['A', 'B', 'C', 'D'];
const CYCLE = ['D', 'H', 'N', 'O'];
const grid = () => AG.map((_, i) => FEB.map((_, d) => CYCLE[(d + i) % 4]!));

function write(name: string, text: string): string {
  const f = path.join(tmpDir('roster-leave-in-roster-'), name);
  fs.writeFileSync(f, text);
  return f;
}

for (const tz of ['UTC', 'America/Los_Angeles']) {
  describe(`roster check: leave in the roster, no --requests (TZ=${tz})`, () => {
    it('假 and 婚假 cells in place of two shifts: leave, 7 days off besides, no violation', () => {
      // A's D on 02-01 (index 0) and H on 02-06 (index 5: (5 + 0) % 4 = 1) written 婚假 and 假.
      // By hand: A has 7 O (days off) and 2 leave days: daysOff 7 fits the 26 days left, 7 due: no
      // days-off line. Hours: 143.5 − 8.5 − 5.5 = 129.5 h over 19 shifts; W = 21, W_A = 28 − 2 − 7 = 19:
      // 129.5 × 21/19 = 143.13 h against 143.5 h: within 8.5 h. --min D=0,H=0 for the two empty shifts.
      // Old code: 2 unknown-shift lines (婚假 and 假 were not read), exit 1.
      const g = grid();
      g[0]![0] = '婚假';
      g[0]![5] = '假';
      const csv = [['agent', ...FEB].join(','), ...g.map((row, i) => [AG[i], ...row].join(','))].join('\n') + '\n';
      const r = runCli(['roster', 'check', write('r.csv', csv), '--days-off', '7', '--min', 'D=0,H=0,N=1', '-f', 'csv', '--lang', 'en'], { tz });
      expect((parse(r.stdout) as string[][]).slice(1)).toEqual([]);
      expect(r.code).toBe(0);
    });

    it('a 请假 cell in place of an O leaves 6 days off: reported, with the leave named', () => {
      // A's O on 02-04 (index 3) written 请假: 6 O left, 1 day of leave; 7 days off still due.
      // Hours: A 143.5 h over 21 shifts × 21/20 = 150.675 h against 143.5 h: 7.175 h, within 8.5 h.
      // Old code: 请假 was a day off, 7 days off, no violation.
      const g = grid();
      g[0]![3] = '请假';
      const csv = [['客服', ...FEB].join(','), ...g.map((row, i) => [AG[i], ...row].join(','))].join('\n') + '\n';
      const f = write('r.csv', csv);
      const r = runCli(['roster', 'check', f, '--days-off', '7', '-f', 'csv', '--lang', 'en'], { tz });
      expect((parse(r.stdout) as string[][]).slice(1).map((x) => x.slice(0, 4))).toEqual([['A', '', 'days-off', '6 days off, must be exactly 7 (besides 1 day of leave, which are not days off)']]);
      expect(r.code).toBe(1);
      const zh = runCli(['roster', 'check', f, '--days-off', '7', '-f', 'csv', '--lang', 'zh'], { tz });
      expect(zh.stdout).toContain('休息 6 天, 应为 7 天 (另有请假 1 天, 不计入休息)');
    });

    it("a grid's leave days column: that many O days are leave, said on stderr (zh and en)", () => {
      // The grid as roster plan writes it with leave: A's D on 02-01 made O (8 O cells), and
      // `leave days` 1 for A. By hand: 8 O − 1 undated leave = 7 days off = --days-off 7; hours
      // 135 h over 20 shifts × 21/20 = 141.75 h against 143.5 h: within 8.5 h. No violation.
      // Old code: the column was not read: "8 days off, must be exactly 7", exit 1.
      const g = grid();
      g[0]![0] = 'O';
      const head = ['agent', ...FEB, 'hours', 'nights', 'weekend days', 'days off', 'leave days'].join(',');
      const csv = [head, ...g.map((row, i) => [AG[i], ...row, '', '', '', '7', i === 0 ? '1' : '0'].join(','))].join('\n') + '\n';
      const f = write('r.csv', csv);
      const r = runCli(['roster', 'check', f, '--days-off', '7', '--min', 'D=0,H=1,N=1', '-f', 'csv', '--lang', 'en'], { tz });
      expect((parse(r.stdout) as string[][]).slice(1)).toEqual([]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(
        "r.csv: the leave days column counts leave (A 1 day), but the grid writes leave as O like a day off, so which days are leave cannot be told: that many of the agent's O days are counted as leave (neither days off nor work), and whether a leave day was worked cannot be checked; give the leave dates in --requests (type leave) or write 请假 / leave in those cells to check them day by day",
      );
      const zh = runCli(['roster', 'check', f, '--days-off', '7', '--min', 'D=0,H=1,N=1', '-f', 'csv', '--lang', 'zh'], { tz });
      expect(zh.stderr).toContain('r.csv: 请假天数列写了请假 A 1 天, 但表中请假与休息一样写作 休 (O), 看不出是哪几天');
      // The leave dated in --requests: nothing left undated, no warning, same verdict.
      const req = write('q.csv', 'agent,date,type\nA,2026-02-01,请假\n');
      const dated = runCli(['roster', 'check', f, '--days-off', '7', '--min', 'D=0,H=1,N=1', '--requests', req, '-f', 'csv', '--lang', 'en'], { tz });
      expect((parse(dated.stdout) as string[][]).slice(1)).toEqual([]);
      expect(dated.stderr).not.toContain('leave days column');
    });

    it('roster plan with leave, then roster check of its csv without --requests: no violations', () => {
      // 3 agents, February 2026, D=1 (test/roster/leave-hard): A on leave 02-09..02-12 has 8 O cells,
      // 4 of them leave (the grid's leave days column: 4). By hand: 8 − 4 = 4 days off = --days-off 4;
      // hours pro rata (A × 24/20) as the plan made them equal. Old code: "A, days-off, 8 days off,
      // must be exactly 4", exit 1.
      const dir = tmpDir('roster-leave-in-roster-');
      const req = write('r.csv', 'agent,date,type\nA,2026-02-09;2026-02-10;2026-02-11;2026-02-12,leave\n');
      const out = path.join(dir, 'feb.csv');
      const plan = runCli(['roster', 'plan', '--month', '2026-02', '--agents', 'A,B,C', '--min', 'D=1,H=0,N=0', '--requests', req, '-o', out, '--lang', 'en'], { tz });
      expect(plan.code).toBe(0);
      const r = runCli(['roster', 'check', out, '--min', 'D=1,H=0,N=0', '-f', 'csv', '--lang', 'en'], { tz });
      expect((parse(r.stdout) as string[][]).slice(1)).toEqual([]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('the leave days column counts leave (A 4 days)');
    });
  });
}

describe('roster check of the wall calendar (-o x.xlsx) with leave, no --requests', () => {
  it('reads the leave its rules footer names (zh and en): no violations', () => {
    // 3 agents, February 2026, D=1: A on leave 02-09 and 02-10, B on 02-20 (病假). The wall calendar
    // shows leave as 休 / off and its footer says `请假 (不算休息天数): A 9、10日; B 20日` (en: `on leave
    // (not counted as days off): A 9,10; B 20`). By hand: A has 4 + 2 O cells, 2 of them leave: 4
    // days off; B 4 + 1, 1 leave: 4. Old code: "A 6 days off, must be exactly 4", "B 5 days off",
    // and the hours compared raw (A and B work fewer days): 3 violations, exit 1.
    const dir = tmpDir('roster-leave-in-roster-');
    const req = write('r.csv', 'agent,date,type\nA,2026-02-09;2026-02-10,leave\nB,2026-02-20,病假\n');
    for (const lang of ['zh', 'en']) {
      const out = path.join(dir, `feb-${lang}.xlsx`);
      const plan = runCli(['roster', 'plan', '--month', '2026-02', '--agents', 'A,B,C', '--min', 'D=1,H=0,N=0', '--requests', req, '-o', out, '--lang', lang]);
      expect(plan.code).toBe(0);
      const r = runCli(['roster', 'check', out, '--min', 'D=1,H=0,N=0', '-f', 'csv', '--lang', 'en']);
      expect((parse(r.stdout) as string[][]).slice(1), lang).toEqual([]);
      expect(r.code).toBe(0);
    }
  });
});
