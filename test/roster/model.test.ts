import { describe, expect, it } from 'vitest';
import { checkRoster, gridCells } from '../../src/roster/check.js';
import { countingBound } from '../../src/roster/diagnose.js';
import { spreadUnit } from '../../src/roster/model.js';
import { shiftNeeds } from '../../src/roster/needs.js';
import { type RosterProblem, monthDays, templateDays } from '../../src/roster/problem.js';
import { DEFAULT_SHIFTS } from '../../src/roster/shifts.js';
import { totals } from '../../src/roster/render.js';
import { solveRoster } from '../../src/roster/solve.js';

const days4 = ['1', '2', '3', '4'].map((key) => ({ key, weekend: false }));

function small(): RosterProblem {
  return {
    days: days4,
    agents: ['a', 'b', 'c'],
    shifts: DEFAULT_SHIFTS.map((s) => ({ ...s })),
    daysOff: 1,
    needs: shiftNeeds(days4, DEFAULT_SHIFTS, { D: 1, N: 1 }),
    requests: [],
    template: false,
  };
}

describe('spread unit (parity bound)', () => {
  // Shift lengths 510, 330, 390 min; differences 180 and 120 (and 60); gcd 60 → whole hours.
  it('is one hour for the default shifts', () => {
    expect(spreadUnit({ shifts: DEFAULT_SHIFTS })).toBe(60);
  });
  it('follows the configured shifts', () => {
    // Paid 8 h and 6 h: totals of W shifts differ by multiples of 2 h.
    const def = (code: string, paid: number) => ({ code, name: { zh: code, en: code }, label: code, start: 540, end: 540 + paid, paid, role: 'other' as const, aliases: [] });
    expect(spreadUnit({ shifts: [def('D', 480), def('N', 360)] })).toBe(120);
    // Paid 7.5 h, 8 h, 6.5 h: differences 30 and 90 min → half-hours.
    expect(spreadUnit({ shifts: [def('E', 450), def('D', 480), def('N', 390)] })).toBe(30);
    // One shift only: everybody works the same hours (unit 1 minute, spread 0).
    expect(spreadUnit({ shifts: [def('D', 480)] })).toBe(1);
  });
});

describe('counting bound', () => {
  // November 2026: 30 days × 3 shifts = 90 agent-shifts; each agent works 30 − 4 = 26 days; ⌈90/26⌉ = 4.
  it('needs 4 agents for D=1,H=1,N=1 in a 30-day month', () => {
    const days = monthDays(2026, 11);
    const p: RosterProblem = { ...small(), days, agents: ['x', 'y'], daysOff: 4, needs: shiftNeeds(days, DEFAULT_SHIFTS, { D: 1, H: 1, N: 1 }) };
    expect(countingBound(p).agentsNeeded).toBe(4);
  });
});

describe('solver (exact, hand-worked)', () => {
  // 3 agents, 4 days, 1 day off each → 9 shifts; D and N every day take 8, one extra shift.
  // Each agent works 3 shifts of 8.5/5.5/6.5 h, so every total ends in .5 h and totals differ by
  // whole hours. Equal totals would need 3h = 60 + e (e ∈ {8.5, 5.5, 6.5}) — impossible, so the
  // spread is ≥ 1 h. 1 h is reached only with e = H: DDH = 22.5 h and DNN = 21.5 h twice
  // (with e = N the only totals are 25.5/23.5/21.5/19.5, two apart; e = D has no 22.5).
  // Example: a O D D H, b D O N N, c N N O D. Then nights are 0, 2, 2: spread 2 is forced.
  it('proves hour spread 1 h and night spread 2', async () => {
    const p = small();
    const r = await solveRoster(p, { requestsHard: true, timeLimit: 20, levels: ['o1', 'o2'] });
    expect(r.status).toBe('solved');
    if (r.status !== 'solved') return;
    expect(r.proven).toBe(true);
    expect(r.levels.map((l) => [l.level, l.value])).toEqual([
      ['o1', 1],
      ['o2', 2],
    ]);
    const t = totals(p, r.grid);
    expect(t.map((x) => x.hours).sort()).toEqual([21.5, 21.5, 22.5]);
    expect(t.map((x) => x.nights).sort()).toEqual([0, 2, 2]);
    expect(checkRoster(p, gridCells(r.grid))).toEqual([]);
  });

  it('reports infeasible when the night-then-day rule cannot be met across the boundary', async () => {
    // Every agent worked the night of the last day before: nobody may take day 1's D shift.
    const p: RosterProblem = { ...small(), previous: { last: ['N', 'N', 'N'], byDay: [[], [], []] } };
    const r = await solveRoster(p, { requestsHard: true, timeLimit: 20, levels: ['o1'] });
    expect(r.status).toBe('infeasible');
  });

  it('makes a template valid for 28, 29, 30 and 31-day months', async () => {
    const days = templateDays();
    const p: RosterProblem = { ...small(), days, agents: ['a', 'b', 'c', 'd', 'e'], daysOff: 4, needs: shiftNeeds(days, DEFAULT_SHIFTS, { D: 1, H: 1, N: 1 }), template: true };
    const r = await solveRoster(p, { requestsHard: true, timeLimit: 15, levels: ['o1'] });
    expect(r.status).toBe('solved');
    if (r.status !== 'solved') return;
    expect(checkRoster(p, gridCells(r.grid))).toEqual([]);
    // Days 29–31 are working days for everyone: the 4 days off fall within days 1–28.
    for (const row of r.grid) expect(row.slice(28)).not.toContain('O');
  });
});
