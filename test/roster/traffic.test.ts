// Spare agents placed by traffic after hours and fairness (o5/o6), and --previous kept where
// the rules allow (o4): small cases worked by hand.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRoster, gridCells } from '../../src/roster/check.js';
import { shiftNeeds } from '../../src/roster/needs.js';
import { changedDays } from '../../src/roster/objectives.js';
import { type RosterProblem, monthDays } from '../../src/roster/problem.js';
import { DEFAULT_SHIFTS, type ShiftDef } from '../../src/roster/shifts.js';
import { solveRoster } from '../../src/roster/solve.js';
import { spareCosts, trafficFromProfile, trafficFromVolume } from '../../src/roster/traffic.js';
import { ROOT } from '../helpers.js';

// Monday 2026-11-02 .. Sunday 2026-11-08. 3 agents, 2 days off each → 3 × 5 = 15 agent-days;
// D=1 and N=1 every day need 14, so exactly one agent-day is spare. Where it goes does not
// change the hour or night spreads (they depend on shift kinds, not days), nor the weekend
// spread (4 weekend agent-days over 3 agents spread 2,1,1; with the spare 5 → 2,2,1: 1 either
// way), so traffic alone decides its day: the day whose 3rd agent costs least, 3 × unit(day),
// unit ∝ 1 / the day's chats.
const WEEK = monthDays(2026, 11).slice(1, 8);
function week(): RosterProblem {
  return { days: WEEK, agents: ['a', 'b', 'c'], shifts: DEFAULT_SHIFTS.map((s) => ({ ...s })), daysOff: 2, needs: shiftNeeds(WEEK, DEFAULT_SHIFTS, { D: 1, N: 1 }), requests: [], template: false };
}
const staffPerDay = (g: string[][]) => WEEK.map((_, d) => g.filter((row) => row[d] !== 'O').length);

describe('spare agents follow the traffic', () => {
  it('--volume: Saturday 60 chats/hour, Sunday 40, other days 10 → the spare agent works Saturday', async () => {
    const p = week();
    const rows = [];
    for (let h = 9; h < 23; h++) rows.push({ hour: h, chats: 10 }, { weekday: 6, hour: h, chats: 60 }, { weekday: 0, hour: h, chats: 40 });
    p.spareCost = spareCosts(p.shifts, trafficFromVolume(WEEK, rows, { zh: '', en: '' }));
    const r = await solveRoster(p, { requestsHard: true, timeLimit: 30, levels: ['o1', 'o2', 'o5', 'o6'] });
    expect(r.status).toBe('solved');
    if (r.status !== 'solved') return;
    expect(checkRoster(p, gridCells(r.grid))).toEqual([]);
    // 2026-11-07 is the Saturday (index 5).
    expect(staffPerDay(r.grid)).toEqual([2, 2, 2, 2, 2, 3, 2]);
    expect(r.levels.slice(0, 3).every((l) => l.proven)).toBe(true);
  });

  it('default profile (weekends × 1.3, Friday × 1.1): the spare agent works on the weekend', async () => {
    const p = week();
    const profile = JSON.parse(fs.readFileSync(path.join(ROOT, 'templates', 'roster', 'traffic.json'), 'utf8'));
    p.spareCost = spareCosts(p.shifts, trafficFromProfile(WEEK, profile, { zh: '', en: '' }));
    const r = await solveRoster(p, { requestsHard: true, timeLimit: 30, levels: ['o1', 'o2', 'o5', 'o6'] });
    expect(r.status).toBe('solved');
    if (r.status !== 'solved') return;
    const staff = staffPerDay(r.grid);
    // Saturday and Sunday have the same factor: either may get the spare agent, nobody else.
    expect(staff.slice(0, 5)).toEqual([2, 2, 2, 2, 2]);
    expect(staff[5]! + staff[6]!).toBe(5);
  });

  it('the default profile marks 11.11 and 12.12 heaviest, weekends above weekdays', () => {
    const profile = JSON.parse(fs.readFileSync(path.join(ROOT, 'templates', 'roster', 'traffic.json'), 'utf8'));
    const nov = monthDays(2026, 11);
    const t = trafficFromProfile(nov, profile, { zh: '', en: '' });
    const daily = t.chats.map((h) => h.reduce((a, b) => a + b, 0));
    expect(daily.indexOf(Math.max(...daily))).toBe(10); // 2026-11-11
    expect(daily[6]!).toBeGreaterThan(daily[1]!); // Saturday 11-07 over Monday 11-02
    // Evenings: 20:00–22:00 are the busiest hours of an ordinary day.
    expect(Math.max(...t.chats[1]!)).toBe(t.chats[1]![20]);
  });
});

describe('--previous: change as few agent-days as the rules allow', () => {
  // One shift (D, 09:00–17:00, role day), days 1–4 (no weekend), 2 agents, 2 days off each, D=1
  // every day: each day exactly one of a, b works, each works 2 days. Hours, nights and weekend
  // spreads are 0 for every roster, so only the similarity to the previous roster decides.
  // Previous: a D D O O, b O O D D. Now a asks day 2 off, so b works day 2 and one day x of
  // {1, 3, 4}; a works the other two. x = 3: a D O O D, b O D D O → days 2 and 4 differ for both
  // agents = 4 agent-days; x = 4 likewise 4; x = 1: a O O D D, b D D O O → all 8 differ. Fewest: 4.
  const D: ShiftDef = { code: 'D', name: { zh: '白班', en: 'day' }, label: '白', start: 540, end: 1020, paid: 480, role: 'day', aliases: [] };
  const days = ['1', '2', '3', '4'].map((key) => ({ key, weekend: false }));
  it('keeps the pattern except the 4 agent-days the request forces', async () => {
    const p: RosterProblem = {
      days,
      agents: ['a', 'b'],
      shifts: [D],
      daysOff: 2,
      needs: shiftNeeds(days, [D], { D: 1 }),
      requests: [[0, 1]],
      previous: { last: [undefined, undefined], byDay: [['D', 'D', 'O', 'O'], ['O', 'O', 'D', 'D']] },
      template: false,
    };
    const r = await solveRoster(p, { requestsHard: true, timeLimit: 30, levels: ['o1', 'o2', 'o4'] });
    expect(r.status).toBe('solved');
    if (r.status !== 'solved') return;
    expect(r.proven).toBe(true);
    expect(changedDays(p, r.grid)).toBe(4);
    expect(r.levels.find((l) => l.level === 'o4')!.value).toBe(4);
    expect(r.grid[0]![1]).toBe('O');
    expect(checkRoster(p, gridCells(r.grid))).toEqual([]);
  });
});
