// Lay out a roster that realises the aggregate's counts (aggregate.ts): each agent's shifts of
// each kind and weekend days, each (day, shift)'s staff. Day by day, agents are matched to that
// day's slots by a minimum-cost assignment (Hungarian method): an agent who must still work
// many nights in few days is the most urgent for a night slot, and so on. The rules of RULES §4
// are kept by forbidding slots (a day shift after a night, a requested day off, a count used up,
// a count that could no longer be reached). It is a heuristic: it may fail, and then the full
// model is solved instead. Whatever it returns is checked by check.ts before it is used.
import { type Grid, type RosterProblem, leaveSet } from './problem.js';
import { type DayCode, OFF } from './shifts.js';

export interface Targets {
  /** counts[a][i]: shifts of kind i agent a works. */
  counts: number[][];
  /** Weekend days agent a works. */
  weekend: number[];
  /** staff[d][i]: agents on shift i on day d. */
  staff: number[][];
}

const INF = 1e9;
const SOFT = 1000;

/** Minimum-cost perfect assignment of rows to columns of a square matrix (Hungarian, O(n³)). */
export function assignment(cost: number[][]): number[] {
  const n = cost.length;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  const rowOf = new Array<number>(n);
  for (let j = 1; j <= n; j++) rowOf[p[j]! - 1] = j - 1;
  return rowOf; // rowOf[row] = column
}

/** A small deterministic generator, so a retry is reproducible. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/**
 * Try to lay out a month roster reaching the targets; `attempt` > 0 adds a little noise to the
 * urgencies for another try. Undefined when a day cannot be staffed without breaking a rule.
 */
export function construct(p: RosterProblem, t: Targets, attempt = 0): Grid | undefined {
  const A = p.agents.length;
  const D = p.days.length;
  const S = p.shifts.length;
  const rand = rng(attempt * 7919 + 17);
  const noise = attempt === 0 ? 0 : 0.15;
  const role = p.shifts.map((s) => s.role);
  const rem = t.counts.map((r) => [...r]);
  const remWE = [...t.weekend];
  const requested = new Set(p.requests.map(([a, d]) => a * D + d));
  const grid: DayCode[][] = p.agents.map(() => []);
  const clash = clashes(p);
  // Approved leave: off that day, and not a day left to work (days left are counted without it).
  const onLeave = leaveSet(p);
  const leaveAfter = p.agents.map((_, a) => {
    // [d] = leave days from d on, weekend and weekday.
    const we = new Array<number>(D + 1).fill(0);
    const wd = new Array<number>(D + 1).fill(0);
    for (let d = D - 1; d >= 0; d--) {
      const l = onLeave.has(a * D + d) ? 1 : 0;
      we[d] = we[d + 1]! + (p.days[d]!.weekend ? l : 0);
      wd[d] = wd[d + 1]! + (p.days[d]!.weekend ? 0 : l);
    }
    return { we, wd };
  });
  const weekendLeft = (d: number) => p.days.slice(d).filter((x) => x.weekend).length;

  for (let d = 0; d < D; d++) {
    const weekend = p.days[d]!.weekend;
    const weekendLeftAll = weekendLeft(d);
    // Slots: the day's staff by shift, then days off.
    const slots: number[] = [];
    for (let i = 0; i < S; i++) for (let k = 0; k < t.staff[d]![i]!; k++) slots.push(i);
    if (slots.length > A) return undefined;
    while (slots.length < A) slots.push(-1);
    const cost = p.agents.map((_, a) => {
      if (onLeave.has(a * D + d)) return slots.map((i) => (i < 0 ? 0 : INF));
      const lv = leaveAfter[a]!;
      const sameLeft = weekend ? weekendLeftAll - lv.we[d]! : D - d - weekendLeftAll - lv.wd[d]!;
      const work = rem[a]!.reduce((x, y) => x + y, 0);
      // Work left on days of today's kind (weekend or weekday).
      const sameWork = weekend ? remWE[a]! : work - remWE[a]!;
      const before: DayCode | undefined = d > 0 ? grid[a]![d - 1] : p.previous?.last[a];
      const nightBefore = before !== undefined && p.shifts.find((s) => s.code === before)?.role === 'night';
      const prev = p.previous?.byDay[a]?.[d];
      const daysLeft = D - d - lv.we[d]! - lv.wd[d]!;
      const dayWork = p.shifts.reduce((x, s, i) => x + (s.role === 'day' ? rem[a]![i]! : 0), 0);
      return slots.map((i) => {
        let c = noise ? noise * rand() : 0;
        if (i < 0) {
          // A day off: offs left, and enough days of today's kind left for the work left.
          if (work >= daysLeft || sameLeft - 1 < sameWork) return INF;
          c -= (daysLeft - work) / daysLeft + (sameLeft - sameWork) / sameLeft;
          if (prev === OFF) c -= 0.3;
          return c;
        }
        if (requested.has(a * D + d) || rem[a]![i]! <= 0 || sameWork <= 0) return INF;
        // A day shift after a night is left to repair() below (a large cost, not a ban), so the
        // layout always completes with the exact counts.
        if (nightBefore && role[i] === 'day') c += SOFT;
        if (before !== undefined && clash.has(`${before}\u0000${p.shifts[i]!.code}`)) c += SOFT;
        if (role[i] === 'night' && dayWork > 0) {
          const restWork = work - 1;
          const restDays = daysLeft - 1;
          if (restDays >= 1 && !(restDays - restWork >= 1 || restWork - dayWork >= 1)) c += SOFT / 2;
        }
        c -= rem[a]![i]! / daysLeft + sameWork / sameLeft;
        // A night today rules out a day shift tomorrow: costlier for agents with many day shifts left.
        if (role[i] === 'night') c += dayWork / daysLeft;
        if (prev === p.shifts[i]!.code) c -= 0.3;
        return c;
      });
    });
    const cols = assignment(cost);
    for (let a = 0; a < A; a++) {
      const j = cols[a]!;
      if (cost[a]![j]! >= INF / 2) return undefined;
      const i = slots[j]!;
      if (i < 0) grid[a]!.push(OFF);
      else {
        grid[a]!.push(p.shifts[i]!.code);
        rem[a]![i]!--;
        if (weekend) remWE[a]!--;
      }
    }
  }
  if (rem.some((r) => r.some((x) => x !== 0)) || remWE.some((x) => x !== 0)) return undefined;
  return repair(p, grid) ? grid : undefined;
}

/**
 * Remove night-then-day pairs by 2×2 exchanges that keep every count: agents a and b, days d1
 * and d2 of the same kind (both weekend or both weekday), a has X, Y and b has Y, X — swapped.
 * Each agent keeps its shifts, each day its staff, each agent its weekend days. True when no
 * pair is left.
 */
function repair(p: RosterProblem, g: DayCode[][]): boolean {
  const A = g.length;
  const D = p.days.length;
  const role = (c: DayCode | undefined) => (c === undefined || c === OFF ? undefined : p.shifts.find((s) => s.code === c)?.role);
  // A swap never puts a shift on a requested day off or a day of leave.
  const requested = new Set([...p.requests.map(([a, d]) => a * D + d), ...leaveSet(p)]);
  const at = (a: number, d: number): DayCode | undefined => (d < 0 ? p.previous?.last[a] : d >= D ? undefined : g[a]![d]);
  const clash = clashes(p);
  const bad = (a: number, d: number) => (role(at(a, d - 1)) === 'night' && role(at(a, d)) === 'day') || clash.has(`${at(a, d - 1)}\u0000${at(a, d)}`);
  const badAround = (a: number, d: number) => bad(a, d) || bad(a, d + 1);
  const conflicts = () => {
    const out: [number, number][] = [];
    for (let a = 0; a < A; a++) for (let d = 0; d < D; d++) if (bad(a, d)) out.push([a, d]);
    return out;
  };
  const okRequest = (a: number, d: number, c: DayCode) => c === OFF || !requested.has(a * D + d);
  const trySwap = (a: number, d1: number): boolean => {
    const X = g[a]![d1]!;
    for (let d2 = 0; d2 < D; d2++) {
      if (d2 === d1 || p.days[d2]!.weekend !== p.days[d1]!.weekend) continue;
      const Y = g[a]![d2]!;
      if (Y === X) continue;
      for (let b = 0; b < A; b++) {
        if (b === a || g[b]![d1] !== Y || g[b]![d2] !== X) continue;
        if (!okRequest(a, d1, Y) || !okRequest(a, d2, X) || !okRequest(b, d1, X) || !okRequest(b, d2, Y)) continue;
        const before = [badAround(a, d1), badAround(a, d2), badAround(b, d1), badAround(b, d2)].filter(Boolean).length;
        g[a]![d1] = Y;
        g[a]![d2] = X;
        g[b]![d1] = X;
        g[b]![d2] = Y;
        const after = [badAround(a, d1), badAround(a, d2), badAround(b, d1), badAround(b, d2)].filter(Boolean).length;
        if (after < before) return true;
        g[a]![d1] = X;
        g[a]![d2] = Y;
        g[b]![d1] = Y;
        g[b]![d2] = X;
      }
    }
    return false;
  };
  for (let round = 0; round < 4 * A * D; round++) {
    const left = conflicts();
    if (left.length === 0) return true;
    // Move a day shift away, or the night before it; the first conflict that can be eased.
    if (!left.some(([a, d]) => trySwap(a, d) || (d > 0 && trySwap(a, d - 1)))) return false;
  }
  return conflicts().length === 0;
}

/** Pairs `before\0after` of shifts that overlap when `after` follows `before` the next day. */
function clashes(p: RosterProblem): Set<string> {
  const out = new Set<string>();
  for (const b of p.shifts) for (const f of p.shifts) if (b.end > 24 * 60 + f.start) out.add(`${b.code}\u0000${f.code}`);
  return out;
}
