// The objective levels of SPEC "roster", measured directly on a finished grid. The solver's
// models (model.ts, aggregate.ts) define the same quantities as rows; this file counts them
// without either model, so a roster built outside the MIP can be proven optimal by comparing
// its measured values with a proven lower bound.
import { type Grid, type RosterProblem, comparableOf, hoursCompared, leaveCounts, lengthsOf, nightsCompared, proRata, scaledAgent } from './problem.js';
import { dayLowerBounds } from './diagnose.js';
import { OFF, paidOf } from './shifts.js';

export function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Every agent works the same number of shifts W in a month (exactly `daysOff` days off), so
 * monthly paid minutes are Σ paid(sᵢ) over W shifts ≡ W·paid(s₀) (mod g), g = gcd of the
 * differences between the paid lengths. Any two agents therefore differ by a multiple of g
 * (paid 510, 330, 390 min ⇒ differences 180, 60 ⇒ g = 60: a whole number of hours; paid 450,
 * 480, 390 ⇒ g = 30). Declaring spread = g·k with k integer is a valid bound that lets the
 * solver round the LP bound up. With one shift (or equal lengths) every total is equal: unit 1.
 */
export function spreadUnit(p: { readonly shifts: readonly Pick<RosterProblem['shifts'][number], 'paid'>[]; readonly leave?: RosterProblem['leave'] }): number {
  // With leave, hours are compared pro rata (problem.ts comparableMinutes): the scaled spread is
  // no multiple of g, and o1 counts it in units of g rounded up (1 h with the seed's shifts).
  const lens = p.shifts.map((s) => s.paid);
  let g = 0;
  for (const l of lens) g = gcd(g, l - lens[0]!);
  return g === 0 ? 1 : g;
}

/** Staff on (day, shift) that the rules require anyway: the largest single-shift need. */
export function requiredStaff(p: RosterProblem): number[][] {
  const m = p.days.map(() => p.shifts.map(() => 0));
  for (const n of p.needs) {
    if (n.shifts.length !== 1 || n.prevShifts?.length) continue;
    const i = p.shifts.findIndex((s) => s.code === n.shifts[0]);
    if (i >= 0) m[n.day]![i] = Math.max(m[n.day]![i]!, n.count);
  }
  return m;
}

/**
 * Most agents a (day, shift) can have: all agents not asked off that day, less the staff the
 * other shifts of the day require. Bounds the spare-staff cost terms.
 */
export function maxStaff(p: RosterProblem): number[][] {
  const m = requiredStaff(p);
  const off = p.days.map(() => 0);
  for (const [, d] of p.requests) off[d]!++;
  for (const [, d] of p.leave ?? []) off[d]!++;
  return m.map((row, d) => {
    const total = row.reduce((x, y) => x + y, 0);
    return row.map((mi) => Math.max(mi, p.agents.length - off[d]! - (total - mi)));
  });
}

/** Agents each day must have (counting bound of diagnose.ts) and may have (all not asked off). */
export function dayStaffRange(p: RosterProblem): { lo: number[]; hi: number[] } {
  const off = p.days.map(() => 0);
  for (const [, d] of p.requests) off[d]!++;
  for (const [, d] of p.leave ?? []) off[d]!++;
  return { lo: dayLowerBounds(p), hi: off.map((o) => p.agents.length - o) };
}

const spread = (xs: number[]) => (xs.length ? Math.max(...xs) - Math.min(...xs) : 0);

export interface Measured {
  /** Hour spread in units of spreadUnit (the worst month length for a template). */
  o1: number;
  /** Nights spread + weekend-days spread. */
  o2: number;
  /** Requested days off not honoured. */
  o3: number;
  /** Agent-days that differ from --previous (same day of month). */
  o4: number;
  /** Spare staff by day: the k-th agent beyond a day's required staff costs k·unit(day). */
  o5: number;
  /** Spare staff by shift within the days: the same on (day, shift). */
  o6: number;
}

export function measure(p: RosterProblem, g: Grid): Measured {
  const unit = spreadUnit(p);
  let o1 = 0;
  for (const L of lengthsOf(p)) {
    const mins = g.map((row) => row.slice(0, L).reduce((t, c) => t + paidOf(p.shifts, c), 0));
    if (proRata(p)) {
      // Pro rata (comparableOf), in units of g rounded up as the model's g·o1 ≥ hmax − hmin;
      // agents limited to some shifts left out (docs/rules.md §4).
      const leave = leaveCounts(p, L);
      const cmp = mins.flatMap((m, a) => {
        const v = hoursCompared(p, a) ? comparableOf(p, a, L, leave[a]!, m) : undefined;
        return v === undefined ? [] : [v];
      });
      o1 = Math.max(o1, Math.ceil(spread(cmp) / unit - 1e-6));
      continue;
    }
    o1 = Math.max(o1, Math.round(spread(mins) / unit));
  }
  const night = new Set(p.shifts.filter((s) => s.role === 'night').map((s) => s.code));
  const nights = g.map((row) => row.filter((c) => night.has(c)).length);
  const weekend = g.map((row) => row.filter((c, d) => c !== OFF && p.days[d]!.weekend).length);
  let o2 = spread(nights) + spread(weekend);
  if (proRata(p)) {
    // Pro rata (model.ts level 2): × W / W_a for agents on leave or limited, the sum rounded up;
    // an agent who may work no night shift left out of the nights.
    const L = p.days.length;
    const leave = leaveCounts(p, L);
    const cmp = (xs: number[], night: boolean) => xs.flatMap((x, a) => (night && !nightsCompared(p, a) ? [] : scaledAgent(p, a, leave[a]!) ? (comparableOf(p, a, L, leave[a]!, x) ?? []) : x));
    o2 = Math.ceil(spread(cmp(nights, true)) + spread(cmp(weekend, false)) - 1e-6);
  }
  const o3 = p.requests.filter(([a, d]) => g[a]![d] !== OFF).length;
  let o4 = 0;
  if (p.previous) {
    g.forEach((row, a) =>
      row.forEach((c, d) => {
        const was = p.previous!.byDay[a]?.[d];
        if (was !== undefined && was !== c) o4++;
      }),
    );
  }
  let o5 = 0;
  let o6 = 0;
  if (p.spareCost) {
    const m = requiredStaff(p);
    const lb = dayLowerBounds(p);
    p.days.forEach((_, d) => {
      const Y = g.filter((row) => row[d] !== OFF).length;
      for (let k = lb[d]! + 1; k <= Y; k++) o5 += k * p.spareCost!.day[d]!;
      p.shifts.forEach((s, i) => {
        const y = g.filter((row) => row[d] === s.code).length;
        for (let k = m[d]![i]! + 1; k <= y; k++) o6 += k * p.spareCost!.shift[d]![i]!;
      });
    });
  }
  return { o1, o2, o3, o4, o5, o6 };
}

/** Agent-days that differ from the previous roster (same day of month), for the summary. */
export function changedDays(p: RosterProblem, g: Grid): number {
  return measure(p, g).o4;
}
