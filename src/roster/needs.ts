// Staff needed per day (RULES §4): per shift from --min or a --demand file, or per hour from
// --volume through Erlang C. All become `Need` rows the model and the checker share.
import type { Day, Need } from './problem.js';
import { type ShiftCode, type ShiftDef, fmtClock } from './shifts.js';

export type ShiftMins = Partial<Record<ShiftCode, number>>;

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

/** Shifts that cover at least half of the hour starting at `hour`. */
export function shiftsCoveringHour(shifts: readonly ShiftDef[], hour: number): ShiftCode[] {
  const from = hour * 60;
  const to = from + 60;
  return shifts.filter((s) => Math.min(s.end, to) - Math.max(s.start, from) >= 30).map((s) => s.code);
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
    if (cover.length === 0) {
      uncovered.push(h);
      continue;
    }
    days.forEach((day, d) => {
      if (h.date !== undefined && h.date !== day.key) return;
      needs.push({ day: d, shifts: cover, count: h.agents, what: `${fmtClock(h.hour * 60)}-${fmtClock(h.hour * 60 + 60)}` });
    });
  }
  return { needs, uncovered };
}
