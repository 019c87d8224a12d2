// Part-time and shift-limited agents (docs/rules.md §4 "Reading adopted: limited agents"): an --agents
// file's columns 可上班次 (allowed shifts), 每月最多班次 (max shifts) and 每月最多工时 (max hours) are hard
// limits. A limited agent works exactly as many shifts as the limits allow (at most the month's
// W = days − days off), the rest of the month off; hours, nights and weekend days are compared pro
// rata as for leave (× W / W_a); roster check --agents reports shift-not-allowed, max-shifts and
// max-hours. Until 2026-12 the columns were named on stderr as unused and ignored.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BY_WORK_LIMIT, WORK_TIMEOUT, byWork, runCli, tmpDir } from '../helpers.js';
import { type AgentLimit, hoursCompared, shiftsOfAgent } from '../../src/roster/problem.js';
import { DEFAULT_SHIFTS } from '../../src/roster/shifts.js';

function write(name: string, text: string): string {
  const f = path.join(tmpDir('roster-limits-'), name);
  fs.writeFileSync(f, text);
  return f;
}
const FEB = Array.from({ length: 28 }, (_, d) => `2026-02-${String(d + 1).padStart(2, '0')}`);

describe('shifts a limited agent works (problem.ts shiftsOfAgent), seed shifts D 8.5 h, H 5.5 h, N 6.5 h', () => {
  const p = (limit: AgentLimit) => ({ daysOff: 4, shifts: [...DEFAULT_SHIFTS], limits: [limit] });
  it('by hand', () => {
    // 30 days, 4 off: W = 26. Max 15 shifts: 15. Max 100 h at the mean of D/H/N, (510 + 330 + 390)/3
    // = 410 min: ⌊6000/410⌋ = 14. Only H: ⌊6000/330⌋ = 18; with max 15 shifts too: 15. Max 300 h:
    // ⌊18000/410⌋ = 43, but W = 26. 2 days of leave and no cap: 24.
    expect(shiftsOfAgent(p({ maxShifts: 15 }), 0, 30, 0)).toBe(15);
    expect(shiftsOfAgent(p({ maxMinutes: 6000 }), 0, 30, 0)).toBe(14);
    expect(shiftsOfAgent(p({ maxMinutes: 6000, shifts: ['H'] }), 0, 30, 0)).toBe(18);
    expect(shiftsOfAgent(p({ maxMinutes: 6000, shifts: ['H'], maxShifts: 15 }), 0, 30, 0)).toBe(15);
    expect(shiftsOfAgent(p({ maxMinutes: 18000 }), 0, 30, 0)).toBe(26);
    expect(shiftsOfAgent(p({ shifts: ['D', 'H'] }), 0, 30, 2)).toBe(24);
  });
  it('in the hours comparison only when allowed the longest and the shortest shift', () => {
    expect(hoursCompared(p({ shifts: ['D', 'H'] }), 0)).toBe(true);
    expect(hoursCompared(p({ shifts: ['H'] }), 0)).toBe(false);
    expect(hoursCompared(p({ shifts: ['H', 'N'] }), 0)).toBe(false);
    expect(hoursCompared(p({ maxShifts: 3 }), 0)).toBe(true);
  });
});

for (const tz of ['UTC', 'America/Los_Angeles']) {
  describe(`roster plan with limited agents (TZ=${tz})`, () => {
    it('每月最多班次 14: D works exactly 14 shifts, hours and nights equal pro rata (180 h and 105 h)', () => {
      // By hand: February 2026, A–D, --min D=1,H=0,N=1, 4 days off: W = 24; D (max 14 shifts) works
      // 14, 14 days off. Pro rata hours equal (spread 0) means (8.5y + 6.5(14 − y)) × 24/14 =
      // 8.5x + 6.5(24 − x) for D's y day shifts and a full-timer's x: 156 + 48y/14 = 156 + 2x, so
      // x = 12y/7: y = 7, x = 12 (y = 0 or 14 would leave no D or no N shift at all). Reachable
      // (D…D then N…N rows keep no N before a D), so A, B, C 12 × 8.5 + 12 × 6.5 = 180 h with 12
      // nights, D 7 × 15 = 105 h with 7 nights (× 24/14 = 12: nights spread 0 too).
      const agents = write('agents.csv', '客服,每月最多班次\nA,\nB,\nC,\nD,14\n');
      const r = runCli(['roster', 'plan', '--month', '2026-02', '--agents', agents, '--min', 'D=1,H=0,N=1', ...BY_WORK_LIMIT, '-f', 'csv', '--lang', 'en'], { tz, env: byWork(1000) });
      expect(r.code).toBe(0);
      const rows = parse(r.stdout) as string[][];
      const head = rows[0]!;
      const by = new Map(rows.slice(1, 5).map((x) => [x[0]!, x]));
      const col = (n: string) => head.indexOf(n);
      expect(['A', 'B', 'C', 'D'].map((a) => by.get(a)![col('hours')])).toEqual(['180.0', '180.0', '180.0', '105.0']);
      expect(['A', 'B', 'C', 'D'].map((a) => by.get(a)![col('nights')])).toEqual(['12', '12', '12', '7']);
      expect(['A', 'B', 'C', 'D'].map((a) => by.get(a)![col('days off')])).toEqual(['4', '4', '4', '14']);
      expect(r.stderr).toContain('limited agents (hard limits;');
      expect(r.stderr).toContain('D at most 14 shifts, works 14 days, 14 off');
      expect(r.stderr).toContain('hour spread 0 h (part-time agents pro rata');
      expect(r.stderr).toContain('proven optimal');
      // The plan's note gives the check command with the --agents file; check finds nothing.
      expect(r.stderr).toContain(`--agents ${agents}`);
      const out = write('feb.csv', r.stdout);
      const c = runCli(['roster', 'check', out, '--agents', agents, '--min', 'D=1,H=0,N=1', '-f', 'csv', '--lang', 'en'], { tz });
      expect((parse(c.stdout) as string[][]).slice(1)).toEqual([]);
      expect(c.code).toBe(0);
    }, WORK_TIMEOUT);

    it('可上班次 白/半: no night shift for D', () => {
      // By hand: February 2026, A–D, D=1,H=1,N=1: 84 shifts, 96 given; the 28 nights fall to A, B, C.
      const agents = write('agents.csv', 'agent,可上班次\nA,\nB,\nC,\nD,白/半\n');
      const r = runCli(['roster', 'plan', '--month', '2026-02', '--agents', agents, ...BY_WORK_LIMIT, '-f', 'csv', '--lang', 'en'], { tz, env: byWork() });
      expect(r.code).toBe(0);
      const rows = parse(r.stdout) as string[][];
      const d = rows.find((x) => x[0] === 'D')!;
      expect(d.slice(1, 29).filter((c) => c === 'N')).toEqual([]);
      expect(d.slice(1, 29).filter((c) => c === 'O')).toHaveLength(4);
      expect(r.stderr).toContain('D only day/half-day, works 24 days, 4 off');
    }, WORK_TIMEOUT);

    it('a day and shift only others may take: no roster, named with who may not (zh, en)', () => {
      // By hand: --min D=1,H=0,N=2, B and C only 白班: every day needs 2 on N, only A may work it.
      const agents = write('agents.csv', '客服,可上班次\nA,\nB,白\nC,白\n');
      const r = runCli(['roster', 'plan', '--month', '2026-02', '--agents', agents, '--min', 'D=1,H=0,N=2', '--lang', 'en'], { tz });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(
        "storeops: no roster possible: the agents' allowed shifts fall short: 2026-02-01 needs 2 agents on the night shift, and only 1 may work it (A); B, C do not work the night shift (allowed shifts); ",
      );
      // 28 days, 5 shown.
      expect(r.stderr).toContain('; 23 more\n');
      expect(r.stderr).toContain("hint: allowed shifts are hard limits and never overridden: add agents who may work that shift (--agents), widen their allowed shifts, or lower that shift's minimum (--min / --demand).");
      const zh = runCli(['roster', 'plan', '--month', '2026-02', '--agents', agents, '--min', 'D=1,H=0,N=2', '--lang', 'zh'], { tz });
      expect(zh.stderr).toContain('客服的可上班次不够: 2026-02-01 晚班需要 2 人, 只有 1 人可上晚班 (A); B、C 不上晚班 (可上班次)');
    });

    it('a shift the month needs more of than those allowed it give: named', () => {
      // By hand: --min D=1,H=0,N=1, B and C only 白班: 28 nights, A alone may work them, 24 shifts.
      const agents = write('agents.csv', '客服,可上班次\nA,\nB,白\nC,白\n');
      const r = runCli(['roster', 'plan', '--month', '2026-02', '--agents', agents, '--min', 'D=1,H=0,N=1', '--lang', 'en'], { tz });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        "the agents' allowed shifts fall short: the night shift needs 28 agent-shifts in the month, and the 1 agent who may work it (A) gives at most 24; B, C do not work it (allowed shifts)",
      );
    });
  });

  describe(`roster check --agents (TZ=${tz})`, () => {
    // February 2026, A–D: agent i on day d works ['D','H','N','O'][(d + i) % 4]; 7 days off, 21
    // shifts (7 each of D, H, N) = 143.5 h each.
    const AG = ['A', 'B', 'C', 'D'];
    const CYCLE = ['D', 'H', 'N', 'O'];
    const grid = AG.map((_, i) => FEB.map((_, d) => CYCLE[(d + i) % 4]!));
    const csv = [['agent', ...FEB].join(','), ...grid.map((row, i) => [AG[i], ...row].join(','))].join('\n') + '\n';

    it('shift-not-allowed, max-shifts and max-hours, each with what to do', () => {
      // By hand: A may work 白/半 only: A's N days are d with d % 4 = 2: 02-03, 02-07, …, 02-27 (7).
      // B max 20 shifts: works 21, 1 too many. C max 140 h: 143.5 h. Days off: B and C have 7, at
      // least 7 due (limited: more allowed). Hours: all 143.5 h (B 143.5 × 21/21): no spread.
      const agents = write('agents.csv', '客服,可上班次,每月最多班次,每月最多工时\nA,白/半,,\nB,,20,\nC,,,140\nD,,,\n');
      const r = runCli(['roster', 'check', write('r.csv', csv), '--days-off', '7', '--agents', agents, '-f', 'csv', '--lang', 'en'], { tz });
      const rows = (parse(r.stdout) as string[][]).slice(1).map((x) => x.slice(0, 4));
      const fix = 'works only the day/half-day shifts (allowed shifts), rostered on the night shift: make it D, H or O, or swap with an agent who may work it';
      expect(rows).toEqual([
        ...[3, 7, 11, 15, 19, 23, 27].map((d) => ['A', `2026-02-${String(d).padStart(2, '0')}`, 'shift-not-allowed', fix]),
        ['B', '', 'max-shifts', '21 shifts, at most 20 a month (max shifts): make 1 of them O'],
        ['C', '', 'max-hours', '143.5 h in the month, at most 140 h (max hours): take off or shorten shifts'],
      ]);
      expect(r.code).toBe(1);
      const zh = runCli(['roster', 'check', write('r.csv', csv), '--days-off', '7', '--agents', agents, '-f', 'csv', '--lang', 'zh'], { tz });
      expect(zh.stdout).toContain('B,,超过每月最多班次,"上班 21 个班, 每月最多 20 个 (每月最多班次): 把 1 个班改成休息"');
      expect(zh.stdout).toContain('只上白班、半白班 (可上班次), 却排了晚班: 改成白班、半白班、休息, 或与可上该班次的客服换班');
    });

    it('days off: at least --days-off with a monthly cap, exactly without one', () => {
      // By hand: A (白/半 only, no cap) and B (max 20 shifts) each get one more day off: A's D on
      // 02-01 and B's H on 02-01 ((0 + 1) % 4 = 1) made O. A: 8 days off, exactly 7 due: reported.
      // B: 8, at least 7: not reported; 20 shifts = the cap. 02-01 then has no D and no H (coverage).
      // Hours (check compares a limited agent by the shifts worked, × 21/20 here): A 135 h over 20
      // shifts → 141.75 h; B 138 h → 144.9 h; C, D 143.5 h: 3.15 h apart, within 8.5 h.
      const g = grid.map((row) => [...row]);
      g[0]![0] = 'O';
      g[1]![0] = 'O';
      const text = [['agent', ...FEB].join(','), ...g.map((row, i) => [AG[i], ...row].join(','))].join('\n') + '\n';
      const agents = write('agents.csv', '客服,可上班次,每月最多班次\nA,白/半,\nB,,20\nC,,\nD,,\n');
      const r = runCli(['roster', 'check', write('r.csv', text), '--days-off', '7', '--agents', agents, '-f', 'csv', '--lang', 'en'], { tz });
      const rows = (parse(r.stdout) as string[][]).slice(1).map((x) => x.slice(0, 4)).filter((x) => x[2] !== 'shift-not-allowed');
      expect(rows).toEqual([
        ['A', '', 'days-off', '8 days off, must be exactly 7'],
        ['', '2026-02-01', 'coverage', 'D needs at least 1 (day), has 0'],
        ['', '2026-02-01', 'coverage', 'H needs at least 1 (half-day), has 0'],
      ]);
    });

    it('without --agents the same roster has none of these', () => {
      const r = runCli(['roster', 'check', write('r.csv', csv), '--days-off', '7', '-f', 'csv', '--lang', 'en'], { tz });
      expect((parse(r.stdout) as string[][]).slice(1)).toEqual([]);
    });
  });
}

describe('--agents limit cells that cannot be read', () => {
  it('stop the run with file:line and what to write (exit 3), never guessed', () => {
    const agents = write('agents.csv', '客服,可上班次\nA,\nB,早/中\n');
    const r = runCli(['roster', 'plan', '--month', '2026-02', '--agents', agents, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('agents.csv:3: "早/中" in column "可上班次" names no shift "早"');
  });
});
