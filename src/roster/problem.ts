// The roster problem as plain values: the month's days, the agents, the rules (RULES §4).
// Both the solver (model.ts) and the independent checker (check.ts) read this; neither
// depends on the other.
import { daysInMonth } from '../time.js';
import { type DayCode, type ShiftCode, type ShiftDef, paidOf } from './shifts.js';

/**
 * A part-time or shift-limited agent (`--agents` columns 可上班次, 每月最多班次, 每月最多工时;
 * docs/rules.md §4 "Reading adopted: limited agents"). Hard limits: only `shifts` (all when
 * undefined), at most `maxShifts` shifts and `maxMinutes` paid minutes in the month.
 */
export interface AgentLimit {
  shifts?: ShiftCode[];
  maxShifts?: number;
  maxMinutes?: number;
}

export interface Day {
  /** `YYYY-MM-DD`, or the day number ("1".."31") for a reusable template. */
  key: string;
  /** Saturday or Sunday (never set for a template: weekdays move from month to month). */
  weekend: boolean;
}

/**
 * Staff needed on one day: at least `count` agents on any of `shifts` that day, or on any of
 * `prevShifts` the day before (overnight shifts reaching into this day's early hours).
 */
export interface Need {
  day: number;
  shifts: ShiftCode[];
  prevShifts?: ShiftCode[];
  count: number;
  /** What the need is about: a shift code ("D") or an hour ("10:00-11:00"). */
  what: string;
}

export interface Previous {
  /** Each agent's code on the last day of the previous month (undefined: not in it). */
  last: (DayCode | undefined)[];
  /** Each agent's codes by day of month in the previous roster (for "change as little as possible"). */
  byDay: (DayCode | undefined)[][];
}

export interface RosterProblem {
  days: Day[];
  agents: string[];
  shifts: ShiftDef[];
  /** Exactly this many days off per agent (RULES §4: 4). */
  daysOff: number;
  needs: Need[];
  /** Requested days off: [agent index, day index]. */
  requests: [number, number][];
  /**
   * Approved leave (请假/年假/病假…, `--requests` rows typed as leave): [agent index, day index].
   * A hard fact: the agent works no shift that day, and the day is not one of the `daysOff` days
   * off the shop grants (docs/rules.md §4 "Reading adopted: leave").
   */
  leave?: [number, number][];
  /**
   * `roster check` only: days of leave per agent that a grid's `leave days` column counts but no
   * cell (请假 …) nor --requests dates: roster plan writes leave as O / 休, so which of the agent's
   * O days they are cannot be told. They are not days off; the days-off rule counts them out of the
   * O days, whole-day-off asks for more whole O days than them (docs/rules.md §4).
   */
  leaveUndated?: number[];
  /** Per agent (undefined: no limit): the shifts, shift count and paid minutes the agent is limited to. */
  limits?: (AgentLimit | undefined)[];
  previous?: Previous;
  /**
   * Spare-staff cost units (traffic.ts spareCosts): after the rules and fairness, the k-th agent
   * beyond a day's required staff costs k·day[d]; within the day, the k-th agent beyond a
   * shift's required staff costs k·shift[d][i].
   */
  spareCost?: { day: number[]; shift: number[][] };
  /**
   * A reusable template: `days` holds 31 numbered days and the roster must be valid for every
   * month length 28–31 (first L days), including the wrap from day L to day 1 of the next month.
   */
  template: boolean;
}

/** A roster: one code per agent per day. */
export type Grid = DayCode[][];

export const TEMPLATE_LENGTHS = [28, 29, 30, 31] as const;

/** Month lengths a roster is judged on: the whole month, or each template length. */
export function lengthsOf(p: Pick<RosterProblem, 'template' | 'days'>): number[] {
  return p.template ? TEMPLATE_LENGTHS.filter((l) => l <= p.days.length) : [p.days.length];
}

/** Days of a month, `YYYY-MM`, with weekends marked. */
export function monthDays(year: number, month: number): Day[] {
  const n = daysInMonth(year, month);
  const out: Day[] = [];
  for (let d = 1; d <= n; d++) {
    const dow = new Date(Date.UTC(year, month - 1, d)).getUTCDay();
    out.push({ key: `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`, weekend: dow === 0 || dow === 6 });
  }
  return out;
}

export function templateDays(): Day[] {
  return Array.from({ length: 31 }, (_, i) => ({ key: String(i + 1), weekend: false }));
}

/** Paid minutes of a day's code. */
export const minutesOf = (shifts: readonly ShiftDef[], code: DayCode): number => paidOf(shifts, code);

/** Leave days per agent (within the first `L` days). */
export function leaveCounts(p: Pick<RosterProblem, 'agents' | 'leave'> & Partial<Pick<RosterProblem, 'leaveUndated'>>, L = Infinity): number[] {
  const n = p.agents.map((_, a) => p.leaveUndated?.[a] ?? 0);
  for (const [a, d] of p.leave ?? []) if (d < L) n[a]!++;
  return n;
}

/** `a * days + d` for every leave day. */
export function leaveSet(p: Pick<RosterProblem, 'days' | 'leave'>): Set<number> {
  return new Set((p.leave ?? []).map(([a, d]) => a * p.days.length + d));
}

/**
 * Days off agent a is granted: `daysOff`, or fewer when leave leaves fewer days than that
 * (then every day not on leave is a day off and the agent works none).
 */
export function daysOffOf(p: Pick<RosterProblem, 'daysOff'>, L: number, leave: number): number {
  return Math.max(0, Math.min(p.daysOff, L - leave));
}

/** Shifts agent a works in a month of L days with `leave` days of leave. */
export function workDaysOf(p: Pick<RosterProblem, 'daysOff'>, L: number, leave: number): number {
  return L - leave - daysOffOf(p, L, leave);
}

/**
 * Monthly paid minutes made comparable (RULES §4 "monthly working hours are close across
 * agents"): an agent on leave works W_a = L − leave − daysOff shifts instead of W = L − daysOff,
 * so their minutes are compared pro rata, scaled to a full month: minutes × W / W_a (the same
 * average paid time per day worked). Agents without leave keep their minutes. Undefined for an
 * agent who works no day (all of the month's days on leave or off): there are no hours to compare.
 */
export function comparableMinutes(p: Pick<RosterProblem, 'daysOff'>, L: number, leave: number, minutes: number): number | undefined {
  const W = L - p.daysOff;
  const Wa = workDaysOf(p, L, leave);
  if (Wa <= 0) return undefined;
  return Wa === W ? minutes : (minutes * W) / Wa;
}

/** Some agent is limited (part-time or to some shifts). */
export const anyLimit = (p: Pick<RosterProblem, 'limits'>): boolean => Boolean(p.limits?.some((l) => l !== undefined));

/** Fairness is compared pro rata for someone: leave, or a limited agent. */
export const proRata = (p: Pick<RosterProblem, 'leave' | 'limits'>): boolean => Boolean(p.leave?.length) || anyLimit(p);

/**
 * Shifts agent a works in a month of L days with `leave` days of leave: workDaysOf, or fewer for a
 * limited agent — at most `maxShifts`, and at most as many of the shortest shift the agent may
 * work as `maxMinutes` holds. A limited agent works exactly that many (docs/rules.md §4: the
 * part-timer's agreed amount; the rest of the month are days off, more than --days-off).
 */
export function shiftsOfAgent(p: Pick<RosterProblem, 'daysOff' | 'limits' | 'shifts'>, a: number, L: number, leave: number): number {
  const n = workDaysOf(p, L, leave);
  const lim = p.limits?.[a];
  if (!lim) return n;
  let k = n;
  if (lim.maxShifts !== undefined) k = Math.min(k, lim.maxShifts);
  if (lim.maxMinutes !== undefined) {
    // As many shifts as the hours hold at the mean paid length of the shifts the agent may work:
    // the shortest would hold more, but only as all short shifts (100 h: 18 半白班 of 5.5 h, no
    // night, and 144 h pro rata against 175); at the mean the hours stay comparable.
    const paid = p.shifts.filter((s) => !lim.shifts || lim.shifts.includes(s.code)).map((s) => s.paid);
    const mean = paid.reduce((t, x) => t + x, 0) / paid.length;
    if (paid.length && mean > 0) k = Math.min(k, Math.floor(lim.maxMinutes / mean));
  }
  return Math.max(0, k);
}

/**
 * Agent a is in the hours comparison: not limited to some shifts, or allowed both the longest and
 * the shortest shift (then any average paid time per shift the others have is within reach). One
 * limited to shifts of one length band (only 半白班) cannot have comparable hours: theirs follow
 * from the shifts, and comparing them would hold every other agent's hours to theirs.
 */
export function hoursCompared(p: Pick<RosterProblem, 'limits' | 'shifts'>, a: number): boolean {
  const allowed = p.limits?.[a]?.shifts;
  if (allowed === undefined) return true;
  const paid = p.shifts.map((s) => s.paid);
  const lo = Math.min(...paid);
  const hi = Math.max(...paid);
  const mine = p.shifts.filter((s) => allowed.includes(s.code)).map((s) => s.paid);
  return mine.includes(lo) && mine.includes(hi);
}

/**
 * Agent a is in the nights comparison: not limited to some shifts, or allowed a night shift and a
 * shift that is not one. One who works no night is left out, and so (user24, since 2026-12) is one
 * who works only nights: all her shifts are nights, 15 in 15 days count as 27 a month pro rata, and
 * comparing them held every full-time agent toward 27 nights (15 of 27 shifts each, 4 on the night
 * shift a day against 1 on 白班) — as an only-半白班 agent's hours are left out of the hours.
 */
export function nightsCompared(p: Pick<RosterProblem, 'limits' | 'shifts'>, a: number): boolean {
  const allowed = p.limits?.[a]?.shifts;
  if (allowed === undefined) return true;
  const mine = p.shifts.filter((s) => allowed.includes(s.code));
  return mine.some((s) => s.role === 'night') && mine.some((s) => s.role !== 'night');
}

/** Agent a's leave or limits make their counts compared pro rata. */
export const scaledAgent = (p: Pick<RosterProblem, 'limits'>, a: number, leave: number): boolean => leave > 0 || p.limits?.[a] !== undefined;

/**
 * comparableMinutes for agent a, limits included: x × W / W_a with W_a the shifts a works
 * (shiftsOfAgent). Undefined when a works no shift.
 */
export function comparableOf(p: Pick<RosterProblem, 'daysOff' | 'limits' | 'shifts'>, a: number, L: number, leave: number, x: number): number | undefined {
  const W = L - p.daysOff;
  const Wa = shiftsOfAgent(p, a, L, leave);
  if (Wa <= 0) return undefined;
  return Wa === W ? x : (x * W) / Wa;
}
