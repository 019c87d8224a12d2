// The roster problem as plain values: the month's days, the agents, the rules (RULES §4).
// Both the solver (model.ts) and the independent checker (check.ts) read this; neither
// depends on the other.
import { daysInMonth } from '../time.js';
import { type DayCode, type ShiftCode, type ShiftDef, paidOf } from './shifts.js';

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
