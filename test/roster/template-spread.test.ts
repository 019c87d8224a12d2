// roster plan --template: the summary's first line gave the hour spread of the 31 days shown (1 h)
// while the solver's line gave its first level, the widest spread over the 28–31-day months the
// template serves (3 h, in a 28-day month): "hour spread 1 h" then "hour spread 3 h (bound 1 h …)".
// The first line now gives the widest spread, with its month length when that is not the grid's.
import { describe, expect, it } from 'vitest';
import { type Grid, monthDays, templateDays } from '../../src/roster/problem.js';
import { hourSpread } from '../../src/roster/render.js';
import { DEFAULT_SHIFTS } from '../../src/roster/shifts.js';
import { asMeasured } from '../../src/roster/solve.js';
import { BY_WORK_LIMIT, WORK_TIMEOUT, byWork, runCli } from '../helpers.js';

// D 09:00–17:30 = 8.5 h, H 10:00–15:30 = 5.5 h (D − H = 3 h).
// Agent x: D on day 1, H on day 29; y: H on day 1, D on day 29; otherwise both the same.
// First 28 days: x 3 h more → spread 3 h; 29, 30, 31 days: even → 0 h.
function grid(n: number): Grid {
  const same = (d: number) => (d % 7 === 6 ? 'O' : 'N');
  const x = Array.from({ length: n }, (_, d) => (d === 0 ? 'D' : d === 28 ? 'H' : same(d)));
  const y = Array.from({ length: n }, (_, d) => (d === 0 ? 'H' : d === 28 ? 'D' : same(d)));
  return [x, y] as Grid;
}
const shifts = DEFAULT_SHIFTS.map((s) => ({ ...s }));

describe('hourSpread', () => {
  it('template: the widest of the 28–31-day months, 3 h in the 28-day one (0 h over 31)', () => {
    const p = { template: true, days: templateDays(), agents: ['x', 'y'], shifts };
    expect(p.days.length).toBe(31);
    expect(hourSpread(p, grid(31))).toEqual({ hours: 3, days: 28 });
  });

  it('a month (2026-12, 31 days): over the whole month only, 0 h', () => {
    const p = { template: false, days: monthDays(2026, 12), agents: ['x', 'y'], shifts };
    expect(hourSpread(p, grid(31))).toEqual({ hours: 0, days: 31 });
  });
});

describe('asMeasured: a level says what the roster measures', () => {
  it('o1 variable 124 (units of 60 min) over a roster measuring 27: 27, bound 0, not proven; o2 9 → 6', () => {
    const r = asMeasured(
      [
        { level: 'o1', value: 124, bound: 0, proven: false, seconds: 5 },
        { level: 'o2', value: 9, bound: 0, proven: false, seconds: 0 },
      ],
      { o1: 27, o2: 6, o3: 0, o4: 0, o5: 0, o6: 0 },
    );
    expect(r.map((x) => [x.level, x.value, x.bound, x.proven])).toEqual([
      ['o1', 27, 0, false],
      ['o2', 6, 0, false],
    ]);
  });

  it('a measured value reaching the bound is proven; a proven level is left as it is', () => {
    const r = asMeasured(
      [
        { level: 'o1', value: 3, bound: 1, proven: false, seconds: 5 },
        { level: 'o3', value: 2, bound: 2, proven: true, seconds: 1 },
      ],
      { o1: 1, o2: 0, o3: 2, o4: 0, o5: 0, o6: 0 },
    );
    expect(r.map((x) => [x.level, x.value, x.bound, x.proven])).toEqual([
      ['o1', 1, 1, true],
      ['o3', 2, 2, true],
    ]);
  });
});

// Hours of each shift code as the csv grid writes it (D 8.5, H 5.5, N 6.5, O 0).
const HOURS: Record<string, number> = { D: 8.5, H: 5.5, N: 6.5, O: 0 };

describe('roster plan --template: both summary lines give the printed roster\'s own spread', () => {
  it('stopped before it is proven (10 nodes a solve, not a 5 s clock that a loaded machine may end before any roster): the hour spread of both lines is the widest over 28–31 days of the csv grid', () => {
    const r = runCli(['roster', 'plan', '--template', '--agents', '5', ...BY_WORK_LIMIT, '-f', 'csv', '--lang', 'en'], { env: byWork() });
    expect(r.code).toBe(0);
    // The grid: agent, 31 day columns, then totals; the 5 agent rows follow the header.
    const rows = r.stdout.trim().split('\n').slice(1, 6).map((l) => l.split(','));
    let widest = 0;
    for (const L of [28, 29, 30, 31]) {
      const hours = rows.map((c) => c.slice(1, 1 + L).reduce((t, code) => t + HOURS[code]!, 0));
      widest = Math.max(widest, Math.max(...hours) - Math.min(...hours));
    }
    const head = /hour spread (\d+(?:\.\d+)?) h/.exec(r.stderr.split('\n').find((l) => l.startsWith('roster template'))!)!;
    const level = /(?:lexicographic|every level)[^:]*: hour spread (\d+(?:\.\d+)?) h/.exec(r.stderr)!;
    expect(Number(head[1])).toBe(widest);
    expect(Number(level[1])).toBe(widest);
  }, WORK_TIMEOUT);
});
