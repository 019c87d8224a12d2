// The roster problem with the calendar forgotten (RULES §4): how many shifts of each kind each
// agent works, how many weekend days, and how many agents each (day, shift) gets — but not who
// works which day. Every roster gives such counts, so the aggregate is a relaxation: its optimum
// of each objective level is a proven lower bound for the full model. It has a few hundred
// columns instead of thousands and solves in a fraction of a second; when construct.ts then
// lays out a roster that reaches these bounds, that roster is proven optimal without a
// branch-and-bound search over the full model.
import { type RosterProblem, daysOffOf, hoursCompared, leaveCounts, lengthsOf, nightsCompared, proRata, scaledAgent, shiftsOfAgent, workDaysOf } from './problem.js';
import { dayStaffRange, maxStaff, requiredStaff, spreadUnit } from './objectives.js';

export interface AggregateModel {
  lp: string;
  /** Column names. */
  c(a: number, i: number): string;
  y(d: number, i: number): string;
  w(a: number): string;
  /** Agents at work on day d; T(i): shifts of kind i in the month. */
  Y(d: number): string;
  T(i: number): string;
}

/** Hard requests per day (agents who must be off). */
function offByDay(p: RosterProblem): number[] {
  const r = p.days.map(() => 0);
  for (const [, d] of p.requests) r[d]!++;
  for (const [, d] of p.leave ?? []) r[d]!++;
  return r;
}

export function buildAggregate(p: RosterProblem): AggregateModel {
  const A = p.agents.length;
  const D = p.days.length;
  const S = p.shifts.length;
  const W = D - p.daysOff;
  const c = (a: number, i: number) => `c_${a}_${i}`;
  const y = (d: number, i: number) => `y_${d}_${i}`;
  const w = (a: number) => `w_${a}`;
  const rows: string[] = [];
  const bounds: string[] = [];
  const generals: string[] = [];
  let r = 0;
  const row = (terms: [number, string][], rel: string, rhs: number) =>
    rows.push(` c${r++}: ${terms.length ? terms.map(([k, v], j) => `${k < 0 ? '-' : j ? '+' : ''} ${Math.abs(k) === 1 ? '' : Math.abs(k) + ' '}${v}`).join(' ') : '0 zero'} ${rel} ${rhs}`);
  const idx = new Map(p.shifts.map((s, i) => [s.code, i]));
  const nightIdx = p.shifts.flatMap((s, i) => (s.role === 'night' ? [i] : []));
  const dayIdx = p.shifts.flatMap((s, i) => (s.role === 'day' ? [i] : []));
  const off = offByDay(p);
  const weekendDays = p.days.flatMap((d, i) => (d.weekend ? [i] : []));
  const WE = weekendDays.length;
  const leaveOf = leaveCounts(p);
  const Wa = (a: number) => (p.limits?.[a] ? shiftsOfAgent(p, a, D, leaveOf[a]!) : leaveOf[a] ? workDaysOf(p, D, leaveOf[a]!) : W);

  for (let a = 0; a < A; a++) {
    for (let i = 0; i < S; i++) generals.push(c(a, i));
    // Exactly W = days − daysOff shifts each (less the days on leave).
    row(p.shifts.map((_, i) => [1, c(a, i)]), '=', Wa(a));
    // Weekend days worked: at least WE − daysOff (less weekend leave), at most the weekend days
    // not asked off nor on leave.
    const reqWE = p.requests.filter(([ra, d]) => ra === a && p.days[d]!.weekend).length;
    const leaveWE = (p.leave ?? []).filter(([ra, d]) => ra === a && p.days[d]!.weekend).length;
    generals.push(w(a));
    // At least the shifts left once every weekday not on leave is worked (W_a − weekdays there).
    const least = p.limits?.[a] ? Wa(a) - (D - WE - (leaveOf[a]! - leaveWE)) : WE - leaveWE - daysOffOf(p, D, leaveOf[a]!);
    bounds.push(` ${Math.max(0, least)} <= ${w(a)} <= ${Math.max(0, Math.min(Wa(a), WE - reqWE - leaveWE))}`);
    // A limited agent: only the shifts allowed, at most the paid minutes given (model.ts).
    const lim = p.limits?.[a];
    if (lim?.shifts) p.shifts.forEach((sh, i) => !lim.shifts!.includes(sh.code) && bounds.push(` ${c(a, i)} = 0`));
    if (lim?.maxMinutes !== undefined) row(p.shifts.map((sh, i) => [sh.paid, c(a, i)] as [number, string]), '<=', lim.maxMinutes);
  }
  for (let d = 0; d < D; d++) {
    for (let i = 0; i < S; i++) {
      generals.push(y(d, i));
      bounds.push(` 0 <= ${y(d, i)} <= ${A}`);
    }
    row(p.shifts.map((_, i) => [1, y(d, i)]), '<=', A - off[d]!);
    // A night then a day shift is never the same agent: nights on d plus days on d+1 ≤ A.
    if (d + 1 < D && nightIdx.length && dayIdx.length) row([...nightIdx.map((i) => [1, y(d, i)] as [number, string]), ...dayIdx.map((i) => [1, y(d + 1, i)] as [number, string])], '<=', A);
  }
  if (p.previous && dayIdx.length) {
    const nightBefore = p.previous.last.filter((code) => code !== undefined && nightIdx.includes(idx.get(code) ?? -1)).length;
    row(dayIdx.map((i) => [1, y(0, i)]), '<=', A - nightBefore);
  }
  // Agents limited to some shifts (docs/rules.md §4): a day's shifts of a set can only be worked by
  // the agents who may work one of them and are not off that day, and a night on d followed by a
  // day shift on d + 1 by those who may work a night or a day shift. Without these the counts
  // could hand a day two night shifts when only the full-timers may work nights (小何's list: 3 of
  // 5 agents may work D and N, so D + N on a day ≤ 3 and N on d + D on d + 1 ≤ 3).
  if (p.limits?.some((l) => l?.shifts)) {
    const may = (a: number, i: number) => !p.limits?.[a]?.shifts || p.limits[a]!.shifts!.includes(p.shifts[i]!.code);
    const offOn = new Set([...p.requests, ...(p.leave ?? [])].map(([a, d]) => a * D + d));
    if (S <= 8) {
      for (let d = 0; d < D; d++) {
        const here = p.agents.map((_, a) => a).filter((a) => !offOn.has(a * D + d));
        for (let mask = 1; mask < 1 << S; mask++) {
          const set = p.shifts.flatMap((_, i) => (mask & (1 << i) ? [i] : []));
          const cap = here.filter((a) => set.some((i) => may(a, i))).length;
          if (cap < here.length) row(set.map((i) => [1, y(d, i)]), '<=', cap);
        }
      }
    }
    const nd = p.agents.filter((_, a) => [...nightIdx, ...dayIdx].some((i) => may(a, i))).length;
    if (nd < A && nightIdx.length && dayIdx.length) {
      for (let d = 0; d + 1 < D; d++) row([...nightIdx.map((i) => [1, y(d, i)] as [number, string]), ...dayIdx.map((i) => [1, y(d + 1, i)] as [number, string])], '<=', nd);
    }
  }
  for (const n of p.needs) {
    const t: [number, string][] = [];
    for (const s of n.shifts) if (idx.has(s)) t.push([1, y(n.day, idx.get(s)!)]);
    if (n.day > 0) for (const s of n.prevShifts ?? []) if (idx.has(s)) t.push([1, y(n.day - 1, idx.get(s)!)]);
    row(t, '>=', n.count);
  }
  // Shifts handed out by day = shifts worked by agents, kind by kind (through the integer
  // total T_i, which the search can branch on: given the totals, the day side is a network).
  for (let i = 0; i < S; i++) {
    const t: [number, string][] = [];
    for (let d = 0; d < D; d++) t.push([1, y(d, i)]);
    row([...t, [-1, `T_${i}`]], '=', 0);
    const u: [number, string][] = [];
    for (let a = 0; a < A; a++) u.push([-1, c(a, i)]);
    row([[1, `T_${i}`], ...u], '=', 0);
    generals.push(`T_${i}`);
  }
  {
    const t: [number, string][] = [];
    for (const d of weekendDays) for (let i = 0; i < S; i++) t.push([1, y(d, i)]);
    for (let a = 0; a < A; a++) t.push([-1, w(a)]);
    row(t, '=', 0);
  }

  // o1: hour spread in units of g.
  const g = spreadUnit(p);
  for (let a = 0; a < A; a++) {
    const mins = p.shifts.map((s, i) => [s.paid, c(a, i)] as [number, string]);
    const scaled = scaledAgent(p, a, leaveOf[a]!);
    if (!hoursCompared(p, a)) {
      // Limited to some shifts: hours not compared (docs/rules.md §4).
    } else if (!scaled) {
      row([[1, 'hmax'], ...mins.map(([k, v]) => [-k, v] as [number, string])], '>=', 0);
      row([[1, 'hmin'], ...mins.map(([k, v]) => [-k, v] as [number, string])], '<=', 0);
    } else if (Wa(a) > 0) {
      // Pro rata (problem.ts comparableMinutes): W_a·h − W·minutes.
      row([[Wa(a), 'hmax'], ...mins.map(([k, v]) => [-k * W, v] as [number, string])], '>=', 0);
      row([[Wa(a), 'hmin'], ...mins.map(([k, v]) => [-k * W, v] as [number, string])], '<=', 0);
    }
    const nights = nightIdx.map((i) => [1, c(a, i)] as [number, string]);
    if (scaled) {
      // Nights and weekend days pro rata too (model.ts level 2).
      if (Wa(a) <= 0) continue;
      if (nightsCompared(p, a)) {
        row([[Wa(a), 'nmax'], ...nights.map(([k, v]) => [-k * W, v] as [number, string])], '>=', 0);
        row([[Wa(a), 'nmin'], ...nights.map(([k, v]) => [-k * W, v] as [number, string])], '<=', 0);
      }
      row([[Wa(a), 'wmax'], [-W, w(a)]], '>=', 0);
      row([[Wa(a), 'wmin'], [-W, w(a)]], '<=', 0);
      continue;
    }
    row([[1, 'nmax'], ...nights.map(([k, v]) => [-k, v] as [number, string])], '>=', 0);
    row([[1, 'nmin'], ...nights.map(([k, v]) => [-k, v] as [number, string])], '<=', 0);
    row([[1, 'wmax'], [-1, w(a)]], '>=', 0);
    row([[1, 'wmin'], [-1, w(a)]], '<=', 0);
  }
  row([[g, 'o1'], [-1, 'hmax'], [1, 'hmin']], '>=', 0);
  // A template (valid for every month length 28–31; no leave, no limits): the counts above are the
  // 31 days'; its days after the shortest month (29–31) are kept per agent (u = 1: agent a works
  // shift i that day; every agent works them), so the hours of each shorter month are the counts
  // less those days, and the hour spread is the widest of the lengths, as in model.ts. Without
  // them the aggregate sees only the 31-day hours and bounds the 5-agent template's spread at 1 h;
  // with them at 2 h, as a D and an H on day 29 force (an agent's 29-day hours are the 28-day ones
  // plus 8.5 h or 5.5 h: 2·spread ≥ 3 h).
  //
  // With leave or limited agents (since 2026-12, roster46) the same, as model.ts counts them: agent a
  // works N(a, L) shifts in the first L days (the days-off row of each length: shiftsOfAgent for a
  // limited agent, workDaysOf with leave, L − daysOff else), so N(a, d + 1) − N(a, d) of them on day
  // d + 1 — none for a part-timer whose shifts the first 28 days already hold — never on a day of
  // leave or a requested day off; and each length's hours are compared pro rata (W_L·h ≥ … with
  // W_L = L − daysOff, model.ts level 1). Such a template took the full model alone for levels 1+2.
  if (p.template) {
    const lengths = lengthsOf(p);
    const first = Math.min(...lengths);
    const u = (a: number, d: number, i: number) => `u_${a}_${d}_${i}`;
    const shiftsIn = (a: number, L: number) => (p.limits?.[a] ? shiftsOfAgent(p, a, L, leaveOf[a]!) : leaveOf[a] ? workDaysOf(p, L, leaveOf[a]!) : L - p.daysOff);
    const notWorked = new Set([...p.requests, ...(p.leave ?? [])].map(([a, d]) => a * D + d));
    for (let d = first; d < D; d++) {
      for (let i = 0; i < S; i++) row([[1, y(d, i)], ...p.agents.map((_, a) => [-1, u(a, d, i)] as [number, string])], '=', 0);
      for (let a = 0; a < A; a++) {
        for (let i = 0; i < S; i++) {
          generals.push(u(a, d, i));
          bounds.push(notWorked.has(a * D + d) ? ` ${u(a, d, i)} = 0` : ` 0 <= ${u(a, d, i)} <= 1`);
        }
        row(p.shifts.map((_, i) => [1, u(a, d, i)]), '=', shiftsIn(a, d + 1) - shiftsIn(a, d));
        if (d + 1 < D) for (const n of nightIdx) for (const di of dayIdx) row([[1, u(a, d, n)], [1, u(a, d + 1, di)]], '<=', 1);
      }
    }
    for (let a = 0; a < A; a++) for (let i = 0; i < S; i++) row([[1, c(a, i)], ...Array.from({ length: D - first }, (_, k) => [-1, u(a, first + k, i)] as [number, string])], '>=', 0);
    for (const L of lengths) {
      if (L >= D) continue;
      for (let a = 0; a < A; a++) {
        if (!hoursCompared(p, a)) continue;
        const mins: [number, string][] = p.shifts.map((sh, i) => [sh.paid, c(a, i)]);
        for (let d = L; d < D; d++) p.shifts.forEach((sh, i) => mins.push([-sh.paid, u(a, d, i)]));
        if (scaledAgent(p, a, leaveOf[a]!)) {
          const WL = L - p.daysOff;
          const WaL = shiftsOfAgent(p, a, L, leaveOf[a]!);
          if (WaL <= 0) continue;
          row([[WaL, `hmax_${L}`], ...mins.map(([k, v]) => [-k * WL, v] as [number, string])], '>=', 0);
          row([[WaL, `hmin_${L}`], ...mins.map(([k, v]) => [-k * WL, v] as [number, string])], '<=', 0);
          continue;
        }
        row([[1, `hmax_${L}`], ...mins.map(([k, v]) => [-k, v] as [number, string])], '>=', 0);
        row([[1, `hmin_${L}`], ...mins.map(([k, v]) => [-k, v] as [number, string])], '<=', 0);
      }
      row([[g, 'o1'], [-1, `hmax_${L}`], [1, `hmin_${L}`]], '>=', 0);
    }
    // Valid inequalities the relaxation misses (u = 1/5 on every shift gives every agent the same
    // day 29): some agent works the longest shift day L + 1 requires (paid P), another the shortest
    // (Q), and each agent's (L+1)-day hours are the L-day ones plus that shift, so
    // hmax(L+1) − hmin(L) ≥ P and hmax(L) − hmin(L+1) ≥ −Q; with g·o1 ≥ either spread,
    // 2·g·o1 ≥ P − Q (白班 510 and 半白班 330 min: o1 ≥ 1.5, so 2 h).
    // Only when every agent's hours are compared as they are (no leave, no limits): an agent's
    // pro-rata (L+1)-day hours are not the L-day ones plus a shift.
    const hv = (L: number, m: 'hmax' | 'hmin') => (L >= D ? m : `${m}_${L}`);
    for (const L of proRata(p) ? [] : lengths) {
      if (!lengths.includes(L + 1)) continue;
      const paid = p.needs.filter((n) => n.day === L && n.count >= 1 && n.shifts.length === 1 && !n.prevShifts?.length && idx.has(n.shifts[0]!)).map((n) => p.shifts[idx.get(n.shifts[0]!)!]!.paid);
      if (paid.length === 0) continue;
      row([[1, hv(L + 1, 'hmax')], [-1, hv(L, 'hmin')]], '>=', Math.max(...paid));
      row([[1, hv(L, 'hmax')], [-1, hv(L + 1, 'hmin')]], '>=', -Math.min(...paid));
    }
  }
  row([[1, 'o2'], [-1, 'nmax'], [1, 'nmin'], [-1, 'wmax'], [1, 'wmin']], '>=', 0);
  generals.push(...(proRata(p) ? ['o1', 'o2'] : ['o1', 'o2', 'nmax', 'nmin', 'wmax', 'wmin']));

  // o5: spare staff by day (same cost as model.ts and objectives.ts).
  const spareDay: [number, string][] = [];
  if (p.spareCost) {
    const { lo, hi } = dayStaffRange(p);
    for (let d = 0; d < D; d++) {
      generals.push(`Y_${d}`);
      row([...p.shifts.map((_, i) => [1, y(d, i)] as [number, string]), [-1, `Y_${d}`]], '=', 0);
      const zs: [number, string][] = [];
      for (let k = lo[d]! + 1; k <= hi[d]!; k++) {
        const z = `zd_${d}_${k}`;
        bounds.push(` 0 <= ${z} <= 1`);
        zs.push([-1, z]);
        spareDay.push([k * p.spareCost.day[d]!, z]);
      }
      if (zs.length) row([[1, `Y_${d}`], ...zs], '<=', lo[d]!);
    }
  }
  row([[1, 'o5'], ...spareDay.map(([k, v]) => [-k, v] as [number, string])], '>=', 0);
  // o6: spare staff by shift within the day.
  const spare: [number, string][] = [];
  if (p.spareCost) {
    const m = requiredStaff(p);
    const hi = maxStaff(p);
    for (let d = 0; d < D; d++) {
      for (let i = 0; i < S; i++) {
        const zs: [number, string][] = [];
        for (let k = m[d]![i]! + 1; k <= hi[d]![i]!; k++) {
          const z = `z_${d}_${i}_${k}`;
          bounds.push(` 0 <= ${z} <= 1`);
          zs.push([-1, z]);
          spare.push([k * p.spareCost.shift[d]![i]!, z]);
        }
        if (zs.length) row([[1, y(d, i)], ...zs], '<=', m[d]![i]!);
      }
    }
  }
  row([[1, 'o6'], ...spare.map(([k, v]) => [-k, v] as [number, string])], '>=', 0);
  // Levels the aggregate cannot see (requests, --previous) exist as columns fixed at 0.
  row([[1, 'o3'], [1, 'o4']], '>=', 0);
  bounds.push(' o3 = 0', ' o4 = 0');

  // Symmetry: agents without requests or history are interchangeable, so their (counts, weekend
  // days) vectors can be required to be in decreasing lexicographic order.
  const free = p.agents.map((_, a) => a).filter((a) => !leaveOf[a] && !p.limits?.[a] && !p.requests.some(([ra]) => ra === a) && !p.previous?.byDay[a]?.some((x) => x !== undefined) && p.previous?.last[a] === undefined);
  const base = W + 1;
  const key = (a: number): [number, string][] => [...p.shifts.map((_, i) => [base ** (S - i), c(a, i)] as [number, string]), [1, w(a)]];
  if (base ** (S + 1) < 1e12) {
    for (let j = 0; j + 1 < free.length; j++) row([...key(free[j]!), ...key(free[j + 1]!).map(([k, v]) => [-k, v] as [number, string])], '>=', 0);
  }

  const lp = ['Minimize', ' obj: o1', 'Subject To', ...rows, 'Bounds', ...bounds, ' zero = 0', 'Generals', ...chunk(generals), 'End'].join('\n');
  return { lp, c, y, w, Y: (d) => `Y_${d}`, T: (i) => `T_${i}` };
}

function chunk(names: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < names.length; i += 20) out.push(' ' + names.slice(i, i + 20).join(' '));
  return out;
}
