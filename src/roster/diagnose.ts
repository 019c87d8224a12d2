// Why a roster is impossible (RULES §4), in words a shop owner can act on: which rule, and how
// many agents would make it possible. Counting bounds first (exact and instant); the solver is
// asked only to confirm.
import { type Msg, msg, plural } from '../errors.js';
import { type RosterProblem, leaveCounts, lengthsOf, workDaysOf } from './problem.js';

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
    if (p.leave?.length && W > 0) {
      // Agents on leave work fewer days: the shifts the agents give, and more agents of W days each.
      const leave = leaveCounts(p, L);
      const give = p.agents.reduce((t, _, a) => t + workDaysOf(p, L, leave[a]!), 0);
      const leaveDays = leave.reduce((t, x) => t + x, 0);
      if (total > give && A + Math.ceil((total - give) / W) > need) {
        need = A + Math.ceil((total - give) / W);
        reason = msg(
          `最低人数与每月 ${p.daysOff} 天休息: ${L} 天共需 ${total} 个人·班, 现有 ${A} 人请假共 ${leaveDays} 天后只能上 ${give} 个班, 还差 ${total - give} 个, 每名新客服最多上 ${W} 天`,
          `minimum staff with ${plural(p.daysOff, 'day')} off each: ${L} days need ${plural(total, 'agent-shift')}, and with ${plural(leaveDays, 'day')} of leave the ${plural(A, 'agent')} give ${give}, ${total - give} short; each more agent works ${plural(W, 'day')}`,
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
