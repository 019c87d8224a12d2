// Approved leave in --requests (a 类型/type column: 请假, 年假, 病假 … or leave), docs/rules.md §4
// "Reading adopted: leave is a hard fact": the agent works no shift that day; the day is not one of
// the --days-off days off (each agent still gets them on other days); monthly hours are compared
// pro rata, minutes × W / W_a (W = days − days off, W_a = W − days of leave); a day left short of
// staff by the leave is an error naming the day, its needs and who is on leave. `roster check`
// reads the same file: a shift on a leave day is rule `leave`.
// Before this change the type column was ignored: leave rows were requested days off, counted
// against the 4 days off, and a month with more leave than --days-off was planned with the agent
// at work on some leave days and a warning on stderr.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { requestType } from '../../src/roster/read.js';

function write(name: string, text: string): string {
  const f = path.join(tmpDir('roster-leave-hard-'), name);
  fs.writeFileSync(f, text);
  return f;
}

const FEB = Array.from({ length: 28 }, (_, d) => `2026-02-${String(d + 1).padStart(2, '0')}`);

describe('requests file: the type column', () => {
  it('reads leave words as leave, request words (and empty) as a requested day off, anything else as unknown', () => {
    for (const t of ['请假', '年假', '婚假', '病假', '事假', '产假', '休假', '带薪年假', 'leave', 'Annual Leave', 'sick leave', 'on leave', 'L']) expect(requestType(t), t).toBe('leave');
    for (const t of ['', '申请休息', '休息', '休', '申请', 'request', 'Day off', 'off', 'rest', 'O']) expect(requestType(t), t).toBe('request');
    // 调休 (rest in lieu) is neither clearly: never guessed.
    for (const t of ['调休', '加班', 'holiday', 'x']) expect(requestType(t), t).toBeUndefined();
  });
});

for (const tz of ['UTC', 'America/Los_Angeles']) {
  describe(`roster plan with leave (TZ=${tz})`, () => {
    it('3 agents, February 2026, D=1: A on leave 4 days works 20 days, 4 days off besides, hours pro rata (spread 0)', () => {
      // By hand: 28 days, --days-off 4: W = 24 shifts each; A on leave 02-09..02-12 (Mon–Thu, no
      // weekend day): W_A = 28 − 4 − 4 = 20. Hours compared as minutes × 24/20 for A. Spread 0 is a
      // lower bound and is reachable (every agent on D every working day: 68 D shifts ≥ 28 needed),
      // so the optimum has hours_A × 24 = hours_B × 20 = hours_C × 20.
      // Old code: the type column ignored, the 4 leave days were A's 4 days off (A worked 24 days).
      const req = write('r.csv', 'agent,date,type\nA,2026-02-09;2026-02-10;2026-02-11;2026-02-12,leave\n');
      const r = runCli(['roster', 'plan', '--month', '2026-02', '--agents', 'A,B,C', '--min', 'D=1,H=0,N=0', '--requests', req, '-f', 'csv', '--lang', 'en'], { tz });
      expect(r.code).toBe(0);
      const rows = parse(r.stdout) as string[][];
      const head = rows[0]!;
      expect(head.slice(-5)).toEqual(['hours', 'nights', 'weekend days', 'days off', 'leave days']);
      const byAgent = new Map(rows.slice(1, 4).map((row) => [row[0]!, row]));
      const col = (name: string) => head.indexOf(name);
      const a = byAgent.get('A')!;
      const b = byAgent.get('B')!;
      const c = byAgent.get('C')!;
      // Leave days are off; A has 4 + 4 = 8 O cells, B and C 4 each.
      for (const d of ['2026-02-09', '2026-02-10', '2026-02-11', '2026-02-12']) expect(a[col(d)]).toBe('O');
      expect(a.slice(1, 29).filter((x) => x === 'O')).toHaveLength(8);
      expect(b.slice(1, 29).filter((x) => x === 'O')).toHaveLength(4);
      expect(c.slice(1, 29).filter((x) => x === 'O')).toHaveLength(4);
      expect([a, b, c].map((x) => x[col('days off')])).toEqual(['4', '4', '4']);
      expect([a, b, c].map((x) => x[col('leave days')])).toEqual(['4', '0', '0']);
      const h = (x: string[]) => Math.round(Number(x[col('hours')]) * 10);
      expect(h(a) * 24).toBe(h(b) * 20);
      expect(h(b)).toBe(h(c));
      // Nights and weekend days pro rata too (level 2, × 24/20 for A): 0 is reachable (all on D,
      // A on 5 of the 8 weekend days, B and C on 6), so nights_A × 24 = nights_B × 20 = nights_C × 20
      // and weekend_A × 24 = weekend_B × 20: weekend_A ≤ 8 makes it 0 or 5, and A, off 4 days
      // besides the leave, works at least 8 − 4 = 4 of them: 5, so B and C work 6.
      const n = (x: string[]) => Number(x[col('nights')]);
      expect(n(a) * 24).toBe(n(b) * 20);
      expect(n(b)).toBe(n(c));
      expect([a, b, c].map((x) => x[col('weekend days')])).toEqual(['5', '6', '6']);
      expect(r.stderr).toContain('A 4 days of leave, works 20, 4 days off besides');
      // The leave note is a whole line of its own starting storeops: (desk52, 2026-12: it was bare
      // among storeops: warnings); works 20 = 28 − 4 leave − 4 off (by hand, above). The run's
      // closing summary (roster 2026-02: …) stays bare.
      const lines = r.stderr.split('\n');
      expect(lines).toContain('storeops: leave (not counted in the days off; hours, nights and weekend days compared pro rata by days worked): A 4 days of leave, works 20, 4 days off besides');
      expect(lines.filter((l) => l.startsWith('roster 2026-02: 3 agents'))).toHaveLength(1);
      expect(r.stderr).toContain('hour spread 0 h (agents on leave pro rata');
      expect(r.stderr).toContain('nights spread 0, weekend-days spread 0');
      expect(r.stderr).toContain('proven optimal');
    });

    it('-f ics: a leave day is an all-day "leave" event, a day off stays "off (day off)"', () => {
      // The same month as above: A's 02-09 is leave (all-day, DTSTART;VALUE=DATE:20260209); A has 4
      // days off besides, each an all-day "off (day off) (A)" event; B has no leave event.
      const req = write('r.csv', 'agent,date,type\nA,2026-02-09;2026-02-10;2026-02-11;2026-02-12,leave\n');
      const r = runCli(['roster', 'plan', '--month', '2026-02', '--agents', 'A,B,C', '--min', 'D=1,H=0,N=0', '--requests', req, '-f', 'ics', '--lang', 'en'], { tz });
      expect(r.code).toBe(0);
      const events = r.stdout.split('BEGIN:VEVENT').slice(1);
      const ofA = events.filter((e) => e.includes('(A)'));
      expect(ofA).toHaveLength(28);
      const leaveA = ofA.filter((e) => e.includes('SUMMARY:leave (A)'));
      expect(leaveA.map((e) => /DTSTART;VALUE=DATE:(\d+)/.exec(e)![1])).toEqual(['20260209', '20260210', '20260211', '20260212']);
      expect(ofA.filter((e) => e.includes('SUMMARY:off (day off) (A)'))).toHaveLength(4);
      expect(events.filter((e) => e.includes('SUMMARY:leave'))).toHaveLength(4);
    });

    it('a day the leave leaves short of --min is no roster: exit 1, the day, its needs and who is on leave', () => {
      // By hand: 5 agents, D=2,H=1,N=1: 4 at work every day; B and D on leave on 02-10: 3 left.
      // (Counting alone is fine: 28 × 4 = 112 shifts, the agents give 5 × 24 − 2 = 118.)
      const req = write('r.csv', '客服,日期,类型\nB,2026-02-10,病假\nD,2026-02-10,年假\n');
      const r = runCli(['roster', 'plan', '--month', '2026-02', '--agents', 'A,B,C,D,E', '--min', 'D=2,H=1,N=1', '--requests', req, '--lang', 'en'], { tz });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('no roster possible: not enough agents left by the leave: 2026-02-10 needs 4 agents at work (D=2, H=1, N=1), 2 of the 5 are on leave (B, D), so only 3 can work');
      expect(r.stderr).toContain('hint: leave is approved and is never overridden: add agents (--agents), move a leave (--requests), or lower the staff needed that day');
      const zh = runCli(['roster', 'plan', '--month', '2026-02', '--agents', 'A,B,C,D,E', '--min', 'D=2,H=1,N=1', '--requests', req, '--lang', 'zh'], { tz });
      expect(zh.code).toBe(1);
      expect(zh.stderr).toContain('请假后人手不够: 2026-02-10 需要 4 人同时上班 (D=2, H=1, N=1), 5 名客服中 2 人请假 (B、D), 只有 3 人可上班');
    });

    it('leave that leaves the month short of shifts: counted, with the leave, and how many agents', () => {
      // By hand: February, D=1,H=1,N=1: 28 × 3 = 84 shifts. A on leave 02-01..02-14, B 02-15..02-28:
      // every day keeps 3 of 4 agents (no day short), but A and B work 28 − 14 − 4 = 10 days each, C
      // and D 24: 68, 16 short; one more agent works 24: 4 + ⌈16/24⌉ = 5 agents.
      const days = (from: number, to: number) => FEB.slice(from - 1, to).join(';');
      const req = write('r.csv', `agent,date,type\nA,${days(1, 14)},leave\nB,${days(15, 28)},leave\n`);
      const r = runCli(['roster', 'plan', '--month', '2026-02', '--agents', 'A,B,C,D', '--requests', req, '--lang', 'en'], { tz });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        'no roster possible: 4 agents are not enough: minimum staff with 4 days off each: 28 days need 84 agent-shifts, and with 28 days of leave the 4 agents give 68, 16 short; each more agent works 24 days',
      );
      // One shift fewer a day is enough (28 × 2 = 56 ≤ 68; desk50): the hint names the default minimum as
      // what asks for the 5th agent, the --min that plans with these 4, and still the 5 that would do.
      expect(r.stderr).toContain('hint: the 5th agent is needed by the default minimum staff D=1,H=1,N=1');
      expect(r.stderr).toContain('--agents A,B,C,D --min D=1,H=0,N=1 (plus your other options; a roster with it was found)');
      expect(r.stderr).toContain('Or add agents to --agents (a roster with 5 was found).');
    });

    it('leave longer than the month minus --days-off: the rest are days off, no shift, said on stderr', () => {
      // By hand: A on leave 02-01..02-25 (25 days): 3 days are left, fewer than --days-off 4, so
      // all 3 are days off and A works 0 days (W_A = 0: left out of the hours comparison). B and C
      // carry D=1 (28 shifts; they give 48). Old code: A had 25 "requests", 21 refused, A at work.
      const req = write('r.csv', `agent,date,type\nA,${FEB.slice(0, 25).join(';')},请假\n`);
      const r = runCli(['roster', 'plan', '--month', '2026-02', '--agents', 'A,B,C', '--min', 'D=1,H=0,N=0', '--requests', req, '-f', 'csv', '--lang', 'en'], { tz });
      expect(r.code).toBe(0);
      const rows = parse(r.stdout) as string[][];
      const a = rows[1]!;
      expect(a[0]).toBe('A');
      expect(a.slice(1, 29)).toEqual(FEB.map(() => 'O'));
      expect(a.slice(29)).toEqual(['0.0', '0', '0', '3', '25']);
      expect(r.stderr).toContain('A is on leave 25 days, leaving 3 of the month\'s 28: 4 days off do not fit, so those 3 days are days off and no shift is planned (--days-off 4)');
    });
  });

  describe(`roster check with leave (TZ=${tz})`, () => {
    // February 2026, agents A–D: agent i on day d works ['D','H','N','O'][(d + i) % 4]: one D, H, N
    // and one agent off each day; 7 days off each (as test/roster/leave-and-morning.cli.test.ts).
    const AG = ['A', 'B', 'C', 'D'];
    const CYCLE = ['D', 'H', 'N', 'O'];
    const grid = () => AG.map((_, i) => FEB.map((_, d) => CYCLE[(d + i) % 4]!));
    const csv = (g: string[][]) => [['agent', ...FEB].join(','), ...g.map((row, i) => [AG[i], ...row].join(','))].join('\n') + '\n';
    const req = () => write('leave.csv', 'agent,date,type\nA,2026-02-01,请假\n');

    it('a shift on a leave day is rule leave (A works D on 02-01, on leave)', () => {
      // A's days off stay 7 on the other 27 days (index 3, 7, …, 27): no days-off line. Hours: A
      // 7 × (8.5 + 5.5 + 6.5) = 143.5 h over 21 shifts, W_A = 28 − 7 − 1 = 20: 143.5 × 21/20 =
      // 150.675 h against 143.5 h: 7.175 h apart, within 8.5 h.
      const r = runCli(['roster', 'check', write('r.csv', csv(grid())), '--days-off', '7', '--requests', req(), '-f', 'csv', '--lang', 'en'], { tz });
      expect((parse(r.stdout) as string[][]).slice(1).map((x) => x.slice(0, 4))).toEqual([
        ['A', '2026-02-01', 'leave', 'on leave (--requests), rostered on the day shift: make it O (or leave) and have an agent off that day cover it'],
      ]);
      expect(r.code).toBe(1);
    });

    it('the leave day written 请假 is not one of the days off: 8 O-like days, 7 days off, no violation', () => {
      // A's D on 02-01 made 请假; --min D=0 so the empty D that day is allowed. A: 8 days without
      // work, 1 of them leave: 7 days off = --days-off 7. Hours: 7 × 20.5 − 8.5 = 135 h over 20
      // shifts, × 21/20 = 141.75 h against 143.5 h: within 8.5 h.
      const g = grid();
      g[0]![0] = '请假';
      const withLeave = runCli(['roster', 'check', write('r.csv', csv(g)), '--days-off', '7', '--min', 'D=0,H=1,N=1', '--requests', req(), '-f', 'csv', '--lang', 'en'], { tz });
      expect((parse(withLeave.stdout) as string[][]).slice(1)).toEqual([]);
      expect(withLeave.code).toBe(0);
      // Without the requests file the cell itself says leave (docs/rules.md §4): the same 7 days off,
      // no violation (until 2026-12 it was a day off: "8 days off, must be exactly 7").
      const without = runCli(['roster', 'check', write('r.csv', csv(g)), '--days-off', '7', '--min', 'D=0,H=1,N=1', '-f', 'csv', '--lang', 'en'], { tz });
      expect((parse(without.stdout) as string[][]).slice(1)).toEqual([]);
      expect(without.code).toBe(0);
    });

    it('a leave day written O with only 7 O cells: 6 days off besides the leave, reported', () => {
      // A's D on 02-01 made O and A's O on 02-04 (index 3) made H (after A's N on 02-03: H is not a
      // day shift, allowed): still 7 O cells, one of them the leave day, so 6 days off. (02-04 has
      // two on H, none off: no rule against it; 02-01 has no D: --min D=0.)
      const g = grid();
      g[0]![0] = 'O';
      g[0]![3] = 'H';
      const r = runCli(['roster', 'check', write('r.csv', csv(g)), '--days-off', '7', '--min', 'D=0,H=1,N=1', '--requests', req(), '-f', 'csv', '--lang', 'en'], { tz });
      expect((parse(r.stdout) as string[][]).slice(1).map((x) => x.slice(0, 4))).toEqual([['A', '', 'days-off', '6 days off, must be exactly 7 (besides 1 day of leave, which are not days off)']]);
      expect(r.code).toBe(1);
    });
  });
}

describe('requests file: a type nobody can read', () => {
  it('is rejected with file:line and what to write, the other rows used', () => {
    const req = write('r.csv', 'agent,date,type\nA,2026-02-09,调休\nB,2026-02-10,请假\n');
    const r = runCli(['roster', 'check', write('g.csv', ['agent,' + FEB.join(','), ...['A', 'B', 'C', 'D'].map((x, i) => [x, ...FEB.map((_, d) => ['D', 'H', 'N', 'O'][(d + i) % 4])].join(','))].join('\n') + '\n'), '--days-off', '7', '--requests', req, '-f', 'csv', '--lang', 'en']);
    expect(r.stderr).toContain('r.csv:2');
    expect(r.stderr).toContain('unknown type: "调休"');
    // B on 02-10 (index 9): (9 + 1) % 4 = 2: N — a shift on a leave day, found from line 3. B's 7
    // O cells are all on other days: 7 days off besides the leave, no days-off line.
    expect((parse(r.stdout) as string[][]).slice(1).map((x) => x.slice(0, 3))).toEqual([['B', '2026-02-10', 'leave']]);
  });
});
