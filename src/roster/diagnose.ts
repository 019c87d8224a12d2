// Why a roster is impossible (RULES §4), in words a shop owner can act on: which rule, and how
// many agents would make it possible. Counting bounds first (exact and instant); the solver is
// asked only to confirm.
import { type Msg, msg, plural } from '../errors.js';
import { type RosterProblem, anyLimit, leaveCounts, leaveSet, lengthsOf, shiftsOfAgent } from './problem.js';
import { codeName } from './shifts.js';

export interface CountBound {
  /** Agents needed at the very least by counting. */
  agentsNeeded: number;
  reason?: Msg;
}

/**
 * Agents that must work on day d: disjoint single-shift needs add up; hour needs each bound it.
 * A need also met by the day before's overnight shifts (prevShifts) bounds no single day — unless
 * only those shifts meet it, and then it bounds the day before, whose agents they are (counted
 * on day d, one night shift 22:00–06:00 covering 23:00 on the 10th and 05:00 on the 11th
 * counted twice, and one agent was "not enough").
 */
export function dayLowerBounds(p: RosterProblem): number[] {
  const lb = p.days.map(() => 0);
  const single = p.days.map(() => new Map<string, number>());
  for (const n of p.needs) {
    if (n.day > 0 && (n.prevShifts?.length ?? 0) > 0) {
      if (n.shifts.length === 0) lb[n.day - 1] = Math.max(lb[n.day - 1]!, n.count);
      continue;
    }
    if (n.shifts.length === 1) {
      const m = single[n.day]!;
      m.set(n.shifts[0]!, Math.max(m.get(n.shifts[0]!) ?? 0, n.count));
    } else lb[n.day] = Math.max(lb[n.day]!, n.count);
  }
  single.forEach((m, d) => {
    let s = 0;
    for (const v of m.values()) s += v;
    lb[d] = Math.max(lb[d]!, s);
  });
  return lb;
}

/**
 * Necessary conditions: each day's staff are distinct agents; and over the month the agents'
 * working days (L − daysOff each) must cover the sum of daily needs.
 */
export function countingBound(p: RosterProblem): CountBound {
  const A = p.agents.length;
  const lb = dayLowerBounds(p);
  let need = 0;
  let reason: Msg | undefined;
  const peak = Math.max(0, ...lb);
  if (peak > need) {
    need = peak;
    const d = lb.indexOf(peak);
    reason = msg(`最低人数: ${p.days[d]!.key} 一天就需要 ${peak} 人同时上班`, `minimum staff: ${p.days[d]!.key} alone needs ${plural(peak, 'agent')} at work`);
  }
  for (const L of lengthsOf(p)) {
    const W = L - p.daysOff;
    let total = 0;
    for (let d = 0; d < L; d++) total += lb[d]!;
    let n = W > 0 ? Math.ceil(total / W) : Infinity;
    if ((p.leave?.length || anyLimit(p)) && W > 0) {
      // Agents on leave or part-time work fewer days: the shifts the agents give, and more agents
      // of W days each.
      const leave = leaveCounts(p, L);
      const give = p.agents.reduce((t, _, a) => t + shiftsOfAgent(p, a, L, leave[a]!), 0);
      const leaveDays = leave.reduce((t, x) => t + x, 0);
      if (total > give && A + Math.ceil((total - give) / W) > need) {
        need = A + Math.ceil((total - give) / W);
        const part = p.agents.filter((_, a) => p.limits?.[a] !== undefined && shiftsOfAgent(p, a, L, leave[a]!) < L - leave[a]! - p.daysOff);
        const by = msg(
          [leaveDays ? `请假共 ${leaveDays} 天` : '', part.length ? `兼职 ${part.join('、')} 按每月上限` : ''].filter(Boolean).join(', '),
          [leaveDays ? `${plural(leaveDays, 'day')} of leave` : '', part.length ? `the monthly limits of ${part.join(', ')}` : ''].filter(Boolean).join(' and '),
        );
        reason = msg(
          `最低人数与每月 ${p.daysOff} 天休息: ${L} 天共需 ${total} 个人·班, 现有 ${A} 人${by.zh}后只能上 ${give} 个班, 还差 ${total - give} 个, 每名新客服最多上 ${W} 天`,
          `minimum staff with ${plural(p.daysOff, 'day')} off each: ${L} days need ${plural(total, 'agent-shift')}, and with ${by.en} the ${plural(A, 'agent')} give ${give}, ${total - give} short; each more agent works ${plural(W, 'day')}`,
        );
      }
      n = Math.min(n, A);
    }
    if (n > need) {
      need = n;
      reason = msg(
        `最低人数与每月 ${p.daysOff} 天休息: ${L} 天共需 ${total} 个人·班, 每人最多上 ${W} 天, 需 ⌈${total}/${W}⌉ = ${n} 人 (现有 ${A} 人, 只能上 ${A * W} 个班)`,
        `minimum staff with ${plural(p.daysOff, 'day')} off each: ${L} days need ${plural(total, 'agent-shift')}, each agent works ${plural(W, 'day')}, so ⌈${total}/${W}⌉ = ${plural(n, 'agent')} ${n === 1 ? 'is' : 'are'} needed (${plural(A, 'agent')} give${A === 1 ? 's' : ''} ${A * W})`,
      );
    }
  }
  return { agentsNeeded: need, reason };
}

export interface LeaveShort {
  day: number;
  /** Agents the day needs at work (dayLowerBounds). */
  need: number;
  /** The day's needs, as written (`D=1, H=1, N=1`). */
  what: string;
  onLeave: string[];
}

/**
 * Days whose staff cannot be met once leave is taken out, though all agents could: the leave is
 * the reason, and the message names the day, its needs and who is on leave.
 */
export function leaveShortDays(p: RosterProblem): LeaveShort[] {
  if (!p.leave?.length) return [];
  const lb = dayLowerBounds(p);
  const out: LeaveShort[] = [];
  p.days.forEach((_, d) => {
    const away = p.leave!.filter(([, ld]) => ld === d).map(([a]) => p.agents[a]!);
    if (away.length === 0 || lb[d]! > p.agents.length || lb[d]! <= p.agents.length - away.length) return;
    const needs = p.needs.filter((n) => n.day === d && n.count > 0 && !(n.prevShifts?.length));
    const what = needs.map((n) => `${n.what}=${n.count}`).join(', ');
    out.push({ day: d, need: lb[d]!, what, onLeave: away });
  });
  return out;
}

/** A copy of the problem with `extra` more agents, who have no requests and no history. */
export function withMoreAgents(p: RosterProblem, count: number): RosterProblem {
  const agents = [...p.agents];
  for (let i = p.agents.length; i < count; i++) agents.push(`+${i + 1}`);
  return { ...p, agents };
}

/**
 * What the agents' shift limits (可上班次) leave impossible, named by day and shift and who may not
 * take it (docs/rules.md §4 limited agents): a (day, shift) needing more agents than may work that
 * shift and are not on leave; or a shift needing more agent-shifts in the month than the agents
 * allowed it can give. Empty when no agent is limited to some shifts.
 */
export function limitShort(p: RosterProblem): Msg[] {
  if (!p.limits?.some((l) => l?.shifts)) return [];
  const D = p.days.length;
  const onLeave = leaveSet(p);
  const may = (a: number, s: string) => p.limits?.[a]?.shifts?.includes(s) ?? true;
  const out: Msg[] = [];
  const monthNeed = new Map<string, number>();
  for (const n of p.needs) {
    if (n.shifts.length !== 1 || n.prevShifts?.length || n.count <= 0) continue;
    const s = n.shifts[0]!;
    monthNeed.set(s, (monthNeed.get(s) ?? 0) + n.count);
    const there = p.agents.map((_, a) => a).filter((a) => !onLeave.has(a * D + n.day));
    const can = there.filter((a) => may(a, s));
    if (can.length >= n.count || there.length < n.count) continue;
    const cannot = there.filter((a) => !may(a, s)).map((a) => p.agents[a]!);
    const name = codeName(p.shifts, s);
    const canNames = can.map((a) => p.agents[a]!);
    out.push(
      msg(
        `${p.days[n.day]!.key} ${name.zh}需要 ${n.count} 人, 只有 ${can.length} 人可上${name.zh}${canNames.length ? ` (${canNames.join('、')})` : ''}; ${cannot.join('、')} 不上${name.zh} (可上班次)`,
        `${p.days[n.day]!.key} needs ${plural(n.count, 'agent')} on the ${name.en} shift, and only ${can.length} may work it${canNames.length ? ` (${canNames.join(', ')})` : ''}; ${cannot.join(', ')} ${cannot.length === 1 ? 'does' : 'do'} not work the ${name.en} shift (allowed shifts)`,
      ),
    );
  }
  if (out.length) return out;
  // The month: the agents allowed a shift give at most their shifts of the month to it.
  const leave = leaveCounts(p);
  for (const [s, need] of monthNeed) {
    const can = p.agents.map((_, a) => a).filter((a) => may(a, s));
    const give = can.reduce((t, a) => t + shiftsOfAgent(p, a, D, leave[a]!), 0);
    if (give >= need) continue;
    const name = codeName(p.shifts, s);
    const cannot = p.agents.filter((_, a) => !may(a, s));
    out.push(
      msg(
        `${name.zh}当月共需 ${need} 个人·班, 可上${name.zh}的 ${can.length} 人 (${can.map((a) => p.agents[a]!).join('、')}) 最多上 ${give} 个; ${cannot.join('、')} 不上${name.zh} (可上班次)`,
        `the ${name.en} shift needs ${plural(need, 'agent-shift')} in the month, and the ${plural(can.length, 'agent')} who may work it (${can.map((a) => p.agents[a]!).join(', ')}) ${can.length === 1 ? 'gives' : 'give'} at most ${give}; ${cannot.join(', ')} ${cannot.length === 1 ? 'does' : 'do'} not work it (allowed shifts)`,
      ),
    );
  }
  return out;
}
