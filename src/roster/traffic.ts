// Expected chat traffic by day and hour, and what it means for the roster (RULES §4 "Staffing
// from traffic"): where spare agents go once hours and fairness are settled, and the service
// level each day can expect. Pure: the profile file is read by inputs.ts.
import { type Msg, msg } from '../errors.js';
import { serviceLevel } from './erlang.js';
import type { Day, Grid } from './problem.js';
import { OFF, type ShiftDef } from './shifts.js';

const DAY_MIN = 24 * 60;
export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** Chats per hour for each day of the roster: `chats[d][h]`, h = 0..23 Beijing time. */
export interface Traffic {
  chats: number[][];
  /** Where the numbers come from (for the summary). */
  source: Msg;
}

/** The editable default profile (templates/roster/traffic.json). */
export interface TrafficProfileFile {
  hours: Record<string, number>;
  weekdays?: Record<string, number>;
  /** `MM-DD` → factor (big sale days). */
  dates?: Record<string, number>;
}

/** Weekday 0 (Sunday) .. 6 of a `YYYY-MM-DD` key; undefined for a template day number. */
export function weekdayOf(key: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).getUTCDay() : undefined;
}

export function trafficFromProfile(days: Day[], f: TrafficProfileFile, source: Msg): Traffic {
  const chats = days.map((day) => {
    const wd = weekdayOf(day.key);
    const wf = wd === undefined ? 1 : (f.weekdays?.[WEEKDAY_KEYS[wd]!] ?? 1);
    const df = f.dates?.[day.key.slice(5)] ?? 1;
    return Array.from({ length: 24 }, (_, h) => (f.hours[String(h)] ?? 0) * wf * df);
  });
  return { chats, source };
}

export interface VolumeRow {
  date?: string;
  /** 0 (Sunday) .. 6. */
  weekday?: number;
  hour: number;
  chats: number;
}

/** --volume rows: a row for the date wins over one for its weekday, which wins over one for every day. */
export function trafficFromVolume(days: Day[], rows: VolumeRow[], source: Msg): Traffic {
  const chats = days.map((day) => {
    const wd = weekdayOf(day.key);
    return Array.from({ length: 24 }, (_, h) => {
      const at = rows.filter((r) => r.hour === h);
      const pick = at.find((r) => r.date === day.key) ?? at.find((r) => r.date === undefined && r.weekday !== undefined && r.weekday === wd) ?? at.find((r) => r.date === undefined && r.weekday === undefined);
      return pick?.chats ?? 0;
    });
  });
  return { chats, source };
}

/** Minutes of hour h (0..23) of day d that shift s worked on day `on` (d or d−1) covers. */
function covers(s: ShiftDef, h: number, sameDay: boolean): boolean {
  const from = h * 60 + (sameDay ? 0 : DAY_MIN);
  return Math.min(s.end, from + 60) - Math.max(s.start, from) >= 30;
}

/**
 * What one more agent on shift s on day d is worth: the average chats per hour over the hours
 * the shift covers (at least half of). Used to place spare agents once the rules are met.
 */
export function shiftWeights(shifts: readonly ShiftDef[], t: Traffic): number[][] {
  return t.chats.map((hours, d) =>
    shifts.map((s) => {
      let sum = 0;
      let n = 0;
      for (let h = 0; h < 24; h++) {
        if (covers(s, h, true)) {
          sum += hours[h]!;
          n++;
        }
        if (d + 1 < t.chats.length && covers(s, h, false)) {
          sum += t.chats[d + 1]![h]!;
          n++;
        }
      }
      return n ? sum / n : 0;
    }),
  );
}

/** Scale of the spare-staff costs: integers, so the solver's objective stays exact. */
const COST_SCALE = 1000;

const unitsFor = (weights: number[]): number[] => {
  const max = Math.max(0, ...weights);
  return weights.map((w) => (max > 0 ? Math.round(COST_SCALE * (max / Math.max(w, max / 100))) : COST_SCALE));
};

/**
 * Marginal cost units of spare agents. The k-th agent beyond the required staff costs k·unit,
 * with units inversely proportional to the traffic, so minimising Σ costs fills slots like water:
 * spare agents go where the chats are and, with equal traffic, evenly rather than stacked on one.
 * `day[d]` from the day's chats; `shift[d][i]` from the chats per hour during the shift
 * (shiftWeights). Traffic below 1 % of the busiest counts as 1 %.
 */
export function spareCosts(shifts: readonly ShiftDef[], t: Traffic): { day: number[]; shift: number[][] } {
  const day = unitsFor(t.chats.map((hours) => hours.reduce((a, b) => a + b, 0)));
  const w = shiftWeights(shifts, t);
  const flat = unitsFor(w.flat());
  return { day, shift: w.map((row, d) => row.map((_, i) => flat[d * shifts.length + i]!)) };
}

export interface ServiceParams {
  ahtSec: number;
  targetSec: number;
  concurrency: number;
}

/**
 * Expected share of each day's chats answered within the target (Erlang C per hour, weighted
 * by the hour's chats). Undefined for a day without chats.
 */
export function dailyService(days: Day[], shifts: readonly ShiftDef[], g: Grid, t: Traffic, sp: ServiceParams): (number | undefined)[] {
  return days.map((_, d) => {
    let total = 0;
    let answered = 0;
    for (let h = 0; h < 24; h++) {
      const chats = t.chats[d]![h]!;
      if (chats <= 0) continue;
      let staff = 0;
      for (const row of g) {
        const today = shifts.find((s) => s.code === row[d]);
        const before = d > 0 ? shifts.find((s) => s.code === row[d - 1]) : undefined;
        if ((row[d] !== OFF && today && covers(today, h, true)) || (before && covers(before, h, false))) staff++;
      }
      const traffic = (chats * sp.ahtSec) / 3600;
      total += chats;
      answered += chats * serviceLevel(staff * sp.concurrency, traffic, sp.ahtSec, sp.targetSec);
    }
    return total > 0 ? answered / total : undefined;
  });
}
