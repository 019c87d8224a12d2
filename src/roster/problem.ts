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
