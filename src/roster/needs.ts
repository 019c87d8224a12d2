// Staff needed per day (RULES §4): per shift from --min or a --demand file, or per hour from
// --volume through Erlang C. All become `Need` rows the model and the checker share.
import type { Day, Need } from './problem.js';
import { type ShiftCode, type ShiftDef, fmtClock } from './shifts.js';

export type ShiftMins = Partial<Record<ShiftCode, number>>;

const DAY_MIN = 24 * 60;

/** Per-shift minimums for every day; `byDate` (from --demand) overrides `base` on its dates. */
export function shiftNeeds(days: Day[], shifts: readonly ShiftDef[], base: ShiftMins, byDate?: Map<string, ShiftMins>): Need[] {
  const out: Need[] = [];
  days.forEach((day, d) => {
    const m = { ...base, ...(byDate?.get(day.key) ?? {}) };
    for (const s of shifts) {
      const count = m[s.code] ?? 0;
      if (count > 0) out.push({ day: d, shifts: [s.code], count, what: s.code });
    }
  });
  return out;
}

const overlap = (s: ShiftDef, from: number, to: number) => Math.min(s.end, to) - Math.max(s.start, from);

/**
 * Shifts that cover at least half of the hour starting at `hour`: `same` from that day's shifts,
 * `prev` from the day before's shifts that run past midnight into it.
 */
export function shiftsCoveringHour(shifts: readonly ShiftDef[], hour: number): { same: ShiftCode[]; prev: ShiftCode[] } {
  const from = hour * 60;
  const to = from + 60;
  return {
    same: shifts.filter((s) => overlap(s, from, to) >= 30).map((s) => s.code),
    prev: shifts.filter((s) => overlap(s, from + DAY_MIN, to + DAY_MIN) >= 30).map((s) => s.code),
  };
}

export interface HourNeed {
  /** Day key, or undefined for every day. */
  date?: string;
  hour: number;
  agents: number;
}

/** Per-hour needs; returns hours that need staff but no shift covers (to warn about). */
export function hourNeeds(days: Day[], shifts: readonly ShiftDef[], hours: HourNeed[]): { needs: Need[]; uncovered: HourNeed[] } {
  const needs: Need[] = [];
  const uncovered: HourNeed[] = [];
  for (const h of hours) {
    if (h.agents <= 0) continue;
    const cover = shiftsCoveringHour(shifts, h.hour);
    if (cover.same.length === 0 && cover.prev.length === 0) {
      uncovered.push(h);
      continue;
    }
    days.forEach((day, d) => {
      if (h.date !== undefined && h.date !== day.key) return;
      // The first day's early hours covered only by last month's overnight shifts are last
      // month's roster's business.
      const prev = d > 0 ? cover.prev : [];
      if (cover.same.length === 0 && prev.length === 0) return;
      needs.push({ day: d, shifts: cover.same, ...(prev.length ? { prevShifts: prev } : {}), count: h.agents, what: `${fmtClock(h.hour * 60)}-${fmtClock(h.hour * 60 + 60)}` });
    });
  }
  return { needs, uncovered };
}
