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
 * How long an agent must still be on shift to be handed a review (docs/rules.md §2.4): a first
 * contact on 旺旺 is a conversation (the reason asked, the buyer's reply, an explanation and a
 * remedy, RULES 2.1), and the agent who starts it should be there for the replies. Config
 * `reviews.minShiftLeftMinutes` (0: anyone on shift, as before 2026-12).
 */
export const MIN_SHIFT_LEFT_MINUTES = 60;

/** Who takes new items at an instant, and why (the run says so when it is not `staying`). */
export interface Handout {
  /** `staying`: on shift with enough time left; `arriving`: nobody is, these start within that time;
   * `leaving`: nobody is and nobody starts soon, these are on shift the longest; `none`: nobody at all. */
  kind: 'staying' | 'arriving' | 'leaving' | 'none';
  agents: string[];
  /** On shift now but ending within the time (not handed anything while others can take it), with their end. */
  ending: { agent: string; end: number }[];
  /** `arriving`: when the first of them starts; `leaving`: when they leave. */
  at?: number;
  /** `arriving`: when each of them starts (the run names each one's own start: 小王's 半白班 at 10:00 is
   * not "from 09:00" because 小李 starts then; until 2026-12 the first start was said of all). */
  starts?: { agent: string; start: number }[];
}

/** When the agent's time on shift that covers `at` ends: shifts that meet or overlap are one stretch. */
export function shiftEndAt(shifts: readonly OnShift[], agent: string, at: number): number | null {
  const own = shifts.filter((s) => s.agent === agent);
  let end: number | null = null;
  for (const s of own) if (s.start <= at && at < s.end) end = Math.max(end ?? s.end, s.end);
  if (end === null) return null;
  for (let grown = true; grown; ) {
    grown = false;
    for (const s of own) {
      if (s.start <= end && s.end > end) {
        end = s.end;
        grown = true;
      }
    }
  }
  return end;
}

/**
 * Who is handed new items at `at` (docs/rules.md §2.4): the agents on shift with at least
 * `minLeftMs` of it left; when none has, those whose shift starts within `minLeftMs` (the next shift
 * takes over; its start is no later than the time a leaving agent would have had); when none does,
 * the agents on shift who stay the longest.
 */
export function handout(shifts: readonly OnShift[], at: number, minLeftMs: number): Handout {
  const on = onShiftAt(shifts as OnShift[], at).map((agent) => ({ agent, end: shiftEndAt(shifts, agent, at)! }));
  const staying = on.filter((a) => a.end - at >= minLeftMs).map((a) => a.agent);
  const ending = on.filter((a) => a.end - at < minLeftMs);
  if (staying.length > 0) return { kind: 'staying', agents: staying, ending };
  const soon = shifts.filter((s) => s.start > at && s.start - at <= minLeftMs && shiftEndAt(shifts, s.agent, s.start)! - s.start >= minLeftMs);
  if (soon.length > 0) {
    const agents = [...new Set(soon.map((s) => s.agent))].sort();
    const starts = agents.map((agent) => ({ agent, start: Math.min(...soon.filter((s) => s.agent === agent).map((s) => s.start)) }));
    return { kind: 'arriving', agents, ending, at: Math.min(...soon.map((s) => s.start)), starts };
  }
  if (on.length === 0) return { kind: 'none', agents: [], ending };
  const last = Math.max(...on.map((a) => a.end));
  return { kind: 'leaving', agents: on.filter((a) => a.end === last).map((a) => a.agent), ending: on.filter((a) => a.end !== last), at: last };
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
