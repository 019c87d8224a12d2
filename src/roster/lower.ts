// Too few agents for the same-every-day minimum (--min, config roster.min, or the default 1 on
// every shift): which shift's minimum asks for the extra person, so the message can say what to
// change instead of "lower --min" (陈姐, 3 named agents with the defaults: told 4 are needed, and left
// to find --min herself). RULES §4: at least 3 agents staff the three shifts; with 4 days off each,
// 3 agents give 3 × 27 = 81 shifts in a 31-day month and D=1,H=1,N=1 asks 93, so one shift a day
// must go unstaffed on some days for 3 to do.
import { countingBound } from './diagnose.js';
import { type ShiftMins, shiftNeeds } from './needs.js';
import type { RosterProblem } from './problem.js';
import type { ShiftCode, ShiftDef } from './shifts.js';

export interface LowerMin {
  /** The shift whose minimum is lowered by one. */
  shift: ShiftDef;
  /** The minimum with it lowered (every shift written, in the shift set's order). */
  min: ShiftMins;
  /** Its hours lie inside another shift still staffed every day: lowering it leaves no hour unstaffed. */
  inside?: ShiftDef;
}

/** `D=1,H=0,N=1`: every shift of the set, in its order, as --min and roster.min read it. */
export function minText(shifts: readonly ShiftDef[], min: ShiftMins): string {
  return shifts.map((s) => `${s.code}=${min[s.code] ?? 0}`).join(',');
}

/**
 * The shift whose minimum, one lower every day, lets the agents given pass the counting bound: one
 * whose hours another staffed shift covers first (the 半白班 10:00–15:30 inside the 白班 09:00–17:30:
 * no hour of the day is left without an agent), else the one with the fewest paid hours (the least
 * service lost). Undefined when lowering no single shift by one is enough (then more agents or a
 * lower --min in general is all that can be said). Only counting: the caller confirms with the solver.
 */
export function shiftToLower(p: RosterProblem, min: ShiftMins): LowerMin | undefined {
  const A = p.agents.length;
  const fits: LowerMin[] = [];
  for (const s of p.shifts) {
    const n = min[s.code] ?? 0;
    if (n <= 0) continue;
    const lowered: ShiftMins = Object.fromEntries(p.shifts.map((t) => [t.code, (min[t.code] ?? 0) - (t.code === s.code ? 1 : 0)]));
    const q: RosterProblem = { ...p, needs: shiftNeeds(p.days, p.shifts, lowered) };
    if (countingBound(q).agentsNeeded > A) continue;
    const inside = p.shifts.find((t) => t.code !== s.code && (lowered[t.code as ShiftCode] ?? 0) > 0 && t.start <= s.start && t.end >= s.end);
    fits.push({ shift: s, min: lowered, ...(inside ? { inside } : {}) });
  }
  fits.sort((a, b) => Number(Boolean(b.inside)) - Number(Boolean(a.inside)) || a.shift.paid - b.shift.paid);
  return fits[0];
}
