// The roster as a mixed-integer program (RULES §4), written in CPLEX LP format for HiGHS.
//
// x_a_d_s = 1 when agent a works shift s on day d; "off" is the absence of any shift.
// Objectives are lexicographic (SPEC "roster"); each level is a variable o1..o4 defined by
// equality rows, so the solver adapter can minimise one level at a time and then cap it.
//   o1  hour spread in units of g minutes: max - min of monthly minutes = g * o1
//   o2  (max - min nights) + (max - min weekend days worked)
//   o3  requested days off not honoured (only when requests had to become soft)
//   o4  days differing from --previous (same day of month)
//   o5  spare staff by day: the k-th agent beyond the day's required staff costs k·unit(day),
//       unit inversely proportional to the day's traffic (objectives.ts, traffic.ts)
//   o6  the same by (day, shift), from the chats per hour during the shift
import { type Grid, type RosterProblem, daysOffOf, hoursCompared, leaveCounts, leaveSet, lengthsOf, minutesOf, nightsCompared, proRata, scaledAgent, shiftsOfAgent, workDaysOf } from './problem.js';
import { dayStaffRange, gcd, maxStaff, requiredStaff, spreadUnit } from './objectives.js';
import { OFF, type ShiftCode, overnight } from './shifts.js';

export const LEVELS = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'] as const;
export type Level = (typeof LEVELS)[number];

export interface BuiltModel {
  lp: string;
  /** Minutes per unit of o1: every agent's monthly minutes differ by a multiple of this. */
  spreadUnit: number;
  xName(a: number, d: number, s: ShiftCode): string;
  /** Values of the roster's own columns for a start solution (the solver completes the rest). */
  startNames(g: Grid): [string, number][];
}

export { spreadUnit };

export interface ModelOptions {
  /** Requested days off as hard constraints (true) or as objective level o3 (false). */
  requestsHard: boolean;
  /** Rules to leave out, for explaining infeasibility. */
  drop?: { nightThenDay?: boolean; requests?: boolean; coverage?: boolean };
  symmetryBreaking?: boolean;
}

export function buildModel(p: RosterProblem, opt: ModelOptions): BuiltModel {
  const A = p.agents.length;
  const D = p.days.length;
  const codes = p.shifts.map((s) => s.code);
  const si = new Map(codes.map((c, i) => [c, i]));
  // Columns are named by shift index: a shop's shift codes never reach the LP text.
  const x = (a: number, d: number, s: ShiftCode) => `x_${a}_${d}_${si.get(s)}`;
  const ofRole = (role: string) => p.shifts.filter((s) => s.role === role).map((s) => s.code);
  const nightCodes = ofRole('night');
  const dayCodes = ofRole('day');
  const spillCodes = p.shifts.filter(overnight).map((s) => s.code);
  const roleOf = (c: string | undefined) => p.shifts.find((s) => s.code === c)?.role;
  const rows: string[] = [];
  const generals: string[] = [];
  const bounds: string[] = [];
  const binaries: string[] = [];
  let r = 0;
  const row = (lhs: string, rel: string, rhs: number) => rows.push(` c${r++}: ${lhs} ${rel} ${rhs}`);
  const sum = (terms: [number, string][]) =>
    terms.length === 0 ? '0 zero' : terms.map(([c, v], i) => `${c < 0 ? '-' : i ? '+' : ''} ${Math.abs(c) === 1 ? '' : Math.abs(c) + ' '}${v}`).join(' ');
  const work = (a: number, d: number): [number, string][] => codes.map((s) => [1, x(a, d, s)]);
  const requested = new Set(p.requests.map(([a, d]) => a * D + d));
  const g = spreadUnit(p);
  const lengths = lengthsOf(p);
  // Approved leave: no shift that day, and not one of the days off (problem.ts workDaysOf).
  const onLeave = leaveSet(p);
  const leaveOf = leaveCounts(p);

  for (let a = 0; a < A; a++) for (let d = 0; d < D; d++) for (const s of codes) binaries.push(x(a, d, s));

  for (let a = 0; a < A; a++) {
    // RULES §4: one shift or off per day.
    for (let d = 0; d < D; d++) row(sum(work(a, d)), '<=', 1);
    // RULES §4: exactly daysOff days off (in a template: in every month length 28–31, so every
    // day after 28 is a working day).
    for (const L of lengths) {
      const t: [number, string][] = [];
      for (let d = 0; d < L; d++) t.push(...work(a, d));
      row(sum(t), '=', p.limits?.[a] ? shiftsOfAgent(p, a, L, leaveOf[a]!) : leaveOf[a] ? workDaysOf(p, L, leaveOf[a]!) : L - p.daysOff);
    }
    for (let d = 0; d < D; d++) if (onLeave.has(a * D + d)) for (const s of codes) bounds.push(` ${x(a, d, s)} = 0`);
    // A limited agent (docs/rules.md §4): only the shifts allowed, at most the paid minutes given.
    const lim = p.limits?.[a];
    if (lim?.shifts) for (let d = 0; d < D; d++) if (!onLeave.has(a * D + d)) for (const s of codes) if (!lim.shifts.includes(s)) bounds.push(` ${x(a, d, s)} = 0`);
    if (lim?.maxMinutes !== undefined) {
      const t: [number, string][] = [];
      for (let d = 0; d < D; d++) for (const s of codes) t.push([minutesOf(p.shifts, s), x(a, d, s)]);
      row(sum(t), '<=', lim.maxMinutes);
    }
    // RULES §4: at least one whole day of rest. Implied by daysOff >= 1 unless a shift runs past
    // midnight: then some day off must not follow such a shift (r = 1 marks a whole free day).
    // A leave day is not a day of rest the shop grants: the whole day off is one of the days off
    // (none is asked of an agent whose leave leaves no day off).
    if (spillCodes.length && (!leaveOf[a] || daysOffOf(p, Math.min(...lengths), leaveOf[a]!) > 0)) {
      const rs: [number, string][] = [];
      const shortest = Math.min(...lengths);
      for (let d = 0; d < shortest; d++) {
        const r = `r_${a}_${d}`;
        binaries.push(r);
        rs.push([1, r]);
        if (onLeave.has(a * D + d)) bounds.push(` ${r} = 0`);
        row(sum([[1, r], ...work(a, d)]), '<=', 1);
        if (d > 0) row(sum([[1, r], ...spillCodes.map((c) => [1, x(a, d - 1, c)] as [number, string])]), '<=', 1);
        else if (p.template) for (const L of lengths) row(sum([[1, r], ...spillCodes.map((c) => [1, x(a, L - 1, c)] as [number, string])]), '<=', 1);
        else if (p.previous?.last[a] !== undefined && spillCodes.includes(p.previous.last[a]!)) bounds.push(` ${r} = 0`);
      }
      row(sum(rs), '>=', 1);
    }
    // RULES §4: one shift at a time, across midnight: a shift running past midnight is not
    // followed by a shift of the next day that starts before it ends.
    const clash = p.shifts.flatMap((b) => p.shifts.filter((f) => b.end > 24 * 60 + f.start).map((f) => [b.code, f.code] as const));
    if (clash.length) {
      const ban = (d1: number, d2: number) => {
        for (const [b, f] of clash) row(sum([[1, x(a, d1, b)], [1, x(a, d2, f)]]), '<=', 1);
      };
      for (let d = 0; d + 1 < D; d++) ban(d, d + 1);
      if (p.template) for (const L of lengths) ban(L - 1, 0);
      else {
        const last = p.previous?.last[a];
        for (const [b, f] of clash) if (b === last) bounds.push(` ${x(a, 0, f)} = 0`);
      }
    }
    // RULES §4: a night shift is not followed by a day shift (by the shifts' roles; one row per
    // pair of days: at most one shift a day makes the sum the same rule, and a tighter one).
    if (!opt.drop?.nightThenDay && nightCodes.length && dayCodes.length) {
      const pair = (d1: number, d2: number) => row(sum([...nightCodes.map((c) => [1, x(a, d1, c)] as [number, string]), ...dayCodes.map((c) => [1, x(a, d2, c)] as [number, string])]), '<=', 1);
      for (let d = 0; d + 1 < D; d++) pair(d, d + 1);
      if (p.template) {
        // The month after a template month starts again at day 1, whatever the length.
        for (const L of lengths) pair(L - 1, 0);
      } else if (roleOf(p.previous?.last[a]) === 'night') {
        for (const c of dayCodes) bounds.push(` ${x(a, 0, c)} = 0`);
      }
    }
    if (opt.requestsHard && !opt.drop?.requests) {
      for (const [ra, d] of p.requests) if (ra === a) for (const s of codes) bounds.push(` ${x(ra, d, s)} = 0`);
    }
  }

  // RULES §4: staff per shift per day (or per hour from Erlang C).
  if (!opt.drop?.coverage) {
    p.needs.forEach((n, ni) => {
      const t: [number, string][] = [];
      const prev = n.day > 0 ? (n.prevShifts ?? []).filter((s) => si.has(s)) : [];
      for (let a = 0; a < A; a++) {
        const own: [number, string][] = n.shifts.filter((s) => si.has(s)).map((s) => [1, x(a, n.day, s)]);
        if (prev.length === 0) {
          t.push(...own);
          continue;
        }
        // An agent on an overnight shift the day before and on a shift of this day covering the
        // same hour is one agent, not two: u (0..1) counts agent a at most once.
        const u = `u_${ni}_${a}`;
        bounds.push(` 0 <= ${u} <= 1`);
        row(sum([[1, u], ...[...own, ...prev.map((s) => [1, x(a, n.day - 1, s)] as [number, string])].map(([c, v]) => [-c, v] as [number, string])]), '<=', 0);
        t.push([1, u]);
      }
      row(sum(t), '>=', n.count);
    });
  }

  // Level 1: hour spread (per month length for a template; the worst one counts).
  const minutes = (a: number, L: number): [number, string][] => {
    const t: [number, string][] = [];
    for (let d = 0; d < L; d++) for (const s of codes) t.push([minutesOf(p.shifts, s), x(a, d, s)]);
    return t;
  };
  lengths.forEach((L, li) => {
    for (let a = 0; a < A; a++) {
      // Limited to some shifts: hours follow from them, not compared (docs/rules.md §4).
      if (!hoursCompared(p, a)) continue;
      if (scaledAgent(p, a, leaveOf[a]!)) {
        // On leave or limited: minutes × W / W_a (problem.ts comparableOf), as W_a·h − W·minutes.
        const W = L - p.daysOff;
        const Wa = shiftsOfAgent(p, a, L, leaveOf[a]!);
        if (Wa <= 0) continue;
        row(sum([[Wa, `hmax_${li}`], ...minutes(a, L).map(([c, v]) => [-c * W, v] as [number, string])]), '>=', 0);
        row(sum([[Wa, `hmin_${li}`], ...minutes(a, L).map(([c, v]) => [-c * W, v] as [number, string])]), '<=', 0);
        continue;
      }
      row(sum([[1, `hmax_${li}`], ...minutes(a, L).map(([c, v]) => [-c, v] as [number, string])]), '>=', 0);
      row(sum([[1, `hmin_${li}`], ...minutes(a, L).map(([c, v]) => [-c, v] as [number, string])]), '<=', 0);
    }
    row(sum([[g, 'o1'], [-1, `hmax_${li}`], [1, `hmin_${li}`]]), '>=', 0);
  });
  generals.push('o1');

  // Level 2: nights and weekend days as even as possible.
  const nights = (a: number): [number, string][] => Array.from({ length: D }, (_, d) => nightCodes.map((c) => [1, x(a, d, c)] as [number, string])).flat();
  const weekendWork = (a: number): [number, string][] => p.days.flatMap((day, d) => (day.weekend ? work(a, d) : []));
  for (let a = 0; a < A; a++) {
    if (scaledAgent(p, a, leaveOf[a]!)) {
      // On leave or limited: nights and weekend days per day worked, × W / W_a as the hours (o2
      // then counts the spreads' sum rounded up; nmax … are continuous). One who works no day is
      // left out; one who may work no night shift is left out of the nights.
      const W = D - p.daysOff;
      const Wa = shiftsOfAgent(p, a, D, leaveOf[a]!);
      if (Wa <= 0) continue;
      const scaled = (t: [number, string][]) => t.map(([c, v]) => [-c * W, v] as [number, string]);
      if (nightsCompared(p, a)) {
        row(sum([[Wa, 'nmax'], ...scaled(nights(a))]), '>=', 0);
        row(sum([[Wa, 'nmin'], ...scaled(nights(a))]), '<=', 0);
      }
      row(sum([[Wa, 'wmax'], ...scaled(weekendWork(a))]), '>=', 0);
      row(sum([[Wa, 'wmin'], ...scaled(weekendWork(a))]), '<=', 0);
      continue;
    }
    row(sum([[1, 'nmax'], ...nights(a).map(([c, v]) => [-c, v] as [number, string])]), '>=', 0);
    row(sum([[1, 'nmin'], ...nights(a).map(([c, v]) => [-c, v] as [number, string])]), '<=', 0);
    row(sum([[1, 'wmax'], ...weekendWork(a).map(([c, v]) => [-c, v] as [number, string])]), '>=', 0);
    row(sum([[1, 'wmin'], ...weekendWork(a).map(([c, v]) => [-c, v] as [number, string])]), '<=', 0);
  }
  row(sum([[1, 'o2'], [-1, 'nmax'], [1, 'nmin'], [-1, 'wmax'], [1, 'wmin']]), '>=', 0);
  generals.push(...(proRata(p) ? ['o2'] : ['o2', 'nmax', 'nmin', 'wmax', 'wmin']));

  // Level 3: requests not honoured (soft only when the hard version is impossible).
  const reqTerms: [number, string][] = [];
  if (!opt.requestsHard && !opt.drop?.requests) for (const [a, d] of p.requests) reqTerms.push(...work(a, d));
  row(sum([[1, 'o3'], ...reqTerms.map(([c, v]) => [-c, v] as [number, string])]), '>=', 0);

  // Level 4: changes against the previous roster, day of month by day of month.
  const prevTerms: [number, string][] = [];
  let prevConst = 0;
  if (p.previous) {
    for (let a = 0; a < A; a++) {
      const byDay = p.previous.byDay[a];
      if (!byDay) continue;
      for (let d = 0; d < D; d++) {
        const c = byDay[d];
        if (c === undefined) continue;
        if (c === 'O') prevTerms.push(...work(a, d)); // differs when working
        else if (si.has(c)) {
          prevConst += 1; // differs unless on the same shift: 1 - x
          prevTerms.push([-1, x(a, d, c)]);
        }
      }
    }
  }
  row(sum([[1, 'o4'], ...prevTerms.map(([c, v]) => [-c, v] as [number, string])]), '>=', prevConst);

  // Level 5: spare staff on the days with the traffic (the same convex cost on day totals).
  const spareDay: [number, string][] = [];
  if (p.spareCost) {
    const { lo, hi } = dayStaffRange(p);
    for (let d = 0; d < D; d++) {
      const t: [number, string][] = [];
      for (let a = 0; a < A; a++) t.push(...work(a, d));
      const zs: [number, string][] = [];
      for (let k = lo[d]! + 1; k <= hi[d]!; k++) {
        const z = `zd_${d}_${k}`;
        bounds.push(` 0 <= ${z} <= 1`);
        zs.push([-1, z]);
        spareDay.push([k * p.spareCost.day[d]!, z]);
      }
      if (zs.length) row(sum([...t, ...zs]), '<=', lo[d]!);
    }
  }
  row(sum([[1, 'o5'], ...spareDay.map(([c, v]) => [-c, v] as [number, string])]), '>=', 0);

  // Level 6: spare staff on the shifts with the traffic. Convex piecewise-linear cost of the staff on each
  // (day, shift): z_k ∈ [0,1] is the k-th agent beyond the required m; costs rise with k, so the
  // cheapest z fill first and no integrality is needed on them.
  const spareTerms: [number, string][] = [];
  if (p.spareCost) {
    const m = requiredStaff(p);
    const hi = maxStaff(p);
    for (let d = 0; d < D; d++) {
      codes.forEach((c, i) => {
        const t: [number, string][] = [];
        for (let a = 0; a < A; a++) t.push([1, x(a, d, c)]);
        const zs: [number, string][] = [];
        for (let k = m[d]![i]! + 1; k <= hi[d]![i]!; k++) {
          const z = `z_${d}_${i}_${k}`;
          bounds.push(` 0 <= ${z} <= 1`);
          zs.push([-1, z]);
          spareTerms.push([k * p.spareCost!.shift[d]![i]!, z]);
        }
        if (zs.length) row(sum([...t, ...zs]), '<=', m[d]![i]!);
      });
    }
  }
  row(sum([[1, 'o6'], ...spareTerms.map(([c, v]) => [-c, v] as [number, string])]), '>=', 0);

  // Symmetry breaking: agents with no requests and no previous roster are interchangeable, so
  // order them by (paid minutes, nights): any roster can be relabelled to satisfy this.
  if (opt.symmetryBreaking !== false) {
    const free = p.agents.map((_, a) => a).filter((a) => !leaveOf[a] && !p.limits?.[a] && !p.requests.some(([ra]) => ra === a) && !p.previous?.byDay[a]?.some((c) => c !== undefined) && p.previous?.last[a] === undefined);
    const g0 = p.shifts.reduce((acc, s) => gcd(acc, s.paid), 0) || 1;
    const key = (a: number): [number, string][] => {
      const t: [number, string][] = [];
      for (let d = 0; d < D; d++) for (const s of codes) t.push([(minutesOf(p.shifts, s) / g0) * (D + 1) + (nightCodes.includes(s) ? 1 : 0), x(a, d, s)]);
      return t;
    };
    for (let i = 0; i + 1 < free.length; i++) {
      const ka = key(free[i]!);
      const kb = key(free[i + 1]!).map(([c, v]) => [-c, v] as [number, string]);
      row(sum([...ka, ...kb]), '>=', 0);
    }
  }

  const lp = [
    'Minimize',
    ' obj: o1',
    'Subject To',
    ...rows,
    'Bounds',
    ...bounds,
    ' zero = 0',
    'Generals',
    ' ' + generals.join(' '),
    'Binaries',
    ...chunk(binaries),
    'End',
  ].join('\n');
  void requested;
  const startNames = (grid: Grid): [string, number][] => {
    const out: [string, number][] = [];
    for (let a = 0; a < A; a++) {
      for (let d = 0; d < D; d++) for (const c of codes) out.push([x(a, d, c), grid[a]![d] === c ? 1 : 0]);
      if (spillCodes.length) {
        const shortest = Math.min(...lengths);
        for (let d = 0; d < shortest; d++) {
          const before = d > 0 ? grid[a]![d - 1] : p.template ? undefined : p.previous?.last[a];
          const free = grid[a]![d] === OFF && !(before !== undefined && spillCodes.includes(before)) && !(d === 0 && p.template);
          out.push([`r_${a}_${d}`, free ? 1 : 0]);
        }
      }
    }
    return out;
  };
  return { lp, spreadUnit: g, xName: x, startNames };
}

function chunk(names: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < names.length; i += 20) out.push(' ' + names.slice(i, i + 20).join(' '));
  return out;
}

/** Read the grid back from a solution vector keyed by column name. */
export function gridFrom(p: RosterProblem, value: (name: string) => number, m: BuiltModel): Grid {
  const codes = p.shifts.map((s) => s.code);
  return p.agents.map((_, a) =>
    p.days.map((_, d) => {
      for (const s of codes) if (value(m.xName(a, d, s)) > 0.5) return s;
      return OFF;
    }),
  );
}

