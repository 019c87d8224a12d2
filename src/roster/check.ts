// The independent roster checker (SPEC "roster check"): counts what each rule of RULES §4 says
// directly on the grid. It shares the problem description with the solver but none of its code,
// so a wrong model cannot hide behind a matching wrong check.
import { type Msg, msg } from '../cli/errors.js';
import { type Grid, type RosterProblem, lengthsOf } from './problem.js';
import { type DayCode, SHIFT_NAME } from './shifts.js';

export type RuleId =
  | 'unknown-shift'
  | 'one-shift'
  | 'missing-day'
  | 'days-off'
  | 'night-then-day'
  | 'whole-day-off'
  | 'coverage'
  | 'request'
  | 'shift-times';

export interface Violation {
  agent: string;
  /** Day key (`YYYY-MM-DD` or template day number); empty when the rule is about the month. */
  date: string;
  rule: RuleId;
  detail: Msg;
}

/**
 * Check a roster. `cells[a][d]` lists every code given for agent a on day d (a long roster can
 * give two; a grid gives one; none means the day is missing).
 */
export function checkRoster(p: RosterProblem, cells: DayCode[][][]): Violation[] {
  const out: Violation[] = [];
  const days = p.days;
  const one: (DayCode | undefined)[][] = cells.map((row) => row.map((c) => (c.length === 1 ? c[0] : undefined)));

  p.agents.forEach((agent, a) => {
    const row = cells[a] ?? [];
    for (let d = 0; d < days.length; d++) {
      const c = row[d] ?? [];
      if (c.length === 0) {
        out.push({ agent, date: days[d]!.key, rule: 'missing-day', detail: msg('这一天没有排班', 'no shift or day off given for this day') });
      } else if (c.length > 1) {
        // RULES §4: one shift or off per agent per day.
        out.push({
          agent,
          date: days[d]!.key,
          rule: 'one-shift',
          detail: msg(`同一天排了 ${c.length} 个班: ${c.join('+')}`, `${c.length} entries on one day: ${c.join('+')}`),
        });
      }
    }
    const codes = one[a] ?? [];
    // RULES §4: exactly daysOff days off (a template: in every month length).
    for (const L of lengthsOf(p)) {
      let off = 0;
      for (let d = 0; d < L; d++) if (codes[d] === 'O') off++;
      if (off !== p.daysOff) {
        const inL = p.template ? msg(` (按 ${L} 天的月份)`, ` (in a ${L}-day month)`) : msg('', '');
        out.push({
          agent,
          date: '',
          rule: 'days-off',
          detail: msg(`休息 ${off} 天, 应为 ${p.daysOff} 天${inL.zh}`, `${off} days off, must be exactly ${p.daysOff}${inL.en}`),
        });
      }
    }
    // RULES §4: at least one whole day off.
    if (!codes.slice(0, Math.min(...lengthsOf(p))).includes('O')) {
      out.push({ agent, date: '', rule: 'whole-day-off', detail: msg('整月没有一整天休息', 'no whole day off in the month') });
    }
    // RULES §4: a night shift is not followed by a day shift.
    const nd = (dateKey: string, zh: string, en: string) =>
      out.push({ agent, date: dateKey, rule: 'night-then-day', detail: msg(zh, en) });
    for (let d = 1; d < days.length; d++) {
      if (codes[d - 1] === 'N' && codes[d] === 'D') nd(days[d]!.key, `前一天 (${days[d - 1]!.key}) 晚班, 当天白班`, `day shift after a night shift on ${days[d - 1]!.key}`);
    }
    if (p.template) {
      for (const L of lengthsOf(p)) {
        if (codes[L - 1] === 'N' && codes[0] === 'D') nd(days[0]!.key, `${L} 天的月份最后一天晚班, 下月 1 日白班`, `night shift on day ${L} (last day of a ${L}-day month), day shift on day 1 of the next`);
      }
    } else if (p.previous?.last[a] === 'N' && codes[0] === 'D') {
      nd(days[0]!.key, '上月最后一天晚班, 本月 1 日白班', 'night shift on the last day of the previous month, day shift on day 1');
    }
  });

  // RULES §4: minimum staff.
  for (const n of p.needs) {
    let staff = 0;
    for (let a = 0; a < p.agents.length; a++) {
      const c = one[a]?.[n.day];
      if (c !== undefined && c !== 'O' && n.shifts.includes(c)) staff++;
    }
    if (staff < n.count) {
      const names = n.shifts.map((s) => SHIFT_NAME[s]);
      out.push({
        agent: '',
        date: days[n.day]!.key,
        rule: 'coverage',
        detail: msg(
          `${n.what} 需要至少 ${n.count} 人 (${names.map((x) => x.zh).join('/')}), 只有 ${staff} 人`,
          `${n.what} needs at least ${n.count} (${names.map((x) => x.en).join('/')}), has ${staff}`,
        ),
      });
    }
  }

  // Requested days off.
  for (const [a, d] of p.requests) {
    const c = one[a]?.[d];
    if (c !== undefined && c !== 'O') {
      out.push({
        agent: p.agents[a]!,
        date: days[d]!.key,
        rule: 'request',
        detail: msg(`申请了休息, 却排了${SHIFT_NAME[c].zh}`, `asked for the day off, rostered on the ${SHIFT_NAME[c].en} shift`),
      });
    }
  }
  return out;
}

export const gridCells = (g: Grid): DayCode[][][] => g.map((row) => row.map((c) => [c]));
