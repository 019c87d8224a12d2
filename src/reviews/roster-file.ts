// Who is on shift when, for `reviews queue --roster`. The roster is read by the roster module
// (src/roster/read.ts: grid or long layout, every code spelling `roster check` accepts, bad rows
// to the RejectLog); each day's shift becomes an interval from the roster module's shift
// definitions (RULES §4, overridable by config roster.shifts). Only what assignment needs.
import type { Ctx } from '../context.js';
import type { RejectLog } from '../io/rejects.js';
import type { Violation } from '../roster/check.js';
import { shiftsFor } from '../roster/inputs.js';
import { type RosterEntry, readRoster } from '../roster/read.js';
import type { ShiftDef } from '../roster/shifts.js';
import { PLATFORM_TZ, type TimeZone } from '../time.js';

export interface OnShift {
  agent: string;
  start: number;
  end: number;
}

/**
 * Roster entries as on-shift intervals in `tz`. Days off give none; so do day-number keys
 * (a roster read without a month), which name no date.
 */
export function onShiftIntervals(entries: readonly RosterEntry[], shifts: readonly ShiftDef[], tz: TimeZone): OnShift[] {
  const out: OnShift[] = [];
  for (const e of entries) {
    if (e.code === 'O') continue;
    const s = shifts.find((x) => x.code === e.code);
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(e.key);
    if (!s || !m) continue;
    const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
    // Shift times are minutes after midnight on the day, up to 24:00 (fromWall carries it over).
    out.push({
      agent: e.agent,
      start: tz.fromWall(y, mo, d, Math.floor(s.start / 60), s.start % 60),
      end: tz.fromWall(y, mo, d, Math.floor(s.end / 60), s.end % 60),
    });
  }
  return out;
}

export interface RosterOnShift {
  /** The file's name as the reader reports it. */
  name: string;
  shifts: OnShift[];
  /** Unknown shift codes and times that disagree with the shift definitions (RULES §4). */
  problems: Violation[];
  /** The dates (`YYYY-MM-DD`) the roster gives anyone a shift or a day off on, sorted. */
  days: string[];
}

/**
 * Read the `--roster` file. Grid columns that are day numbers only belong to the month of
 * `ctx.asOf`; unusable rows go to `rejects`.
 */
export async function readOnShift(ctx: Ctx, file: string, rejects: RejectLog): Promise<RosterOnShift> {
  // Shifts are the shop's working hours in Beijing time, as `roster plan` writes them (its --long
  // times are Beijing times whatever --tz): --tz says how the platform's timestamps are written,
  // not when the shop's staff work.
  const w = PLATFORM_TZ.wall(ctx.asOf);
  const shifts = shiftsFor(ctx);
  const f = await readRoster(ctx, file, shifts, { y: w.y, mo: w.mo }, rejects);
  const days = [...new Set(f.entries.map((e) => e.key).filter((k) => /^\d{4}-\d{2}-\d{2}$/.test(k)))].sort();
  return { name: f.name, shifts: onShiftIntervals(f.entries, shifts, PLATFORM_TZ), problems: f.problems, days };
}

/** Agents on shift at the instant, in name order. */
export function onShiftAt(shifts: OnShift[], at: number): string[] {
  return [...new Set(shifts.filter((s) => s.start <= at && at < s.end).map((s) => s.agent))].sort();
}

/**
 * Spread items over the agents on shift: each item, most urgent first, goes to the agent with the
 * fewest items so far (ties: name order). Returns one assignee per item ('' when nobody is on).
 */
export function assign(count: number, agents: string[]): string[] {
  const load = new Map(agents.map((a) => [a, 0]));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let best = '';
    let min = Infinity;
    for (const a of agents) {
      const n = load.get(a)!;
      if (n < min) {
        min = n;
        best = a;
      }
    }
    if (best) load.set(best, min + 1);
    out.push(best);
  }
  return out;
}
