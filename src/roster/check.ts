// The independent roster checker (SPEC "roster check"): counts what each rule of RULES §4 says
// directly on the grid. It shares the problem description with the solver but none of its code,
// so a wrong model cannot hide behind a matching wrong check.
import { type Msg, msg, plural } from '../errors.js';
import { type Grid, type RosterProblem, comparableMinutes, daysOffOf, hoursCompared, leaveCounts, leaveSet, lengthsOf } from './problem.js';
import { type DayCode, OFF, type ShiftDef, codeLabel, codeName, overnight, paidOf, shiftOf } from './shifts.js';

export type RuleId =
  | 'unknown-shift'
  | 'one-shift'
  | 'missing-day'
  | 'days-off'
  | 'night-then-day'
  | 'whole-day-off'
  | 'coverage'
  | 'request'
  | 'leave'
  | 'shift-times'
  | 'duplicate-agent'
  | 'hours-spread'
  | 'shift-not-allowed'
  | 'max-shifts'
  | 'max-hours'
  | 'days-off-column'
  | 'leave-days-column';

export interface Violation {
  agent: string;
  /** Day key (`YYYY-MM-DD` or template day number); empty when the rule is about the month. */
  date: string;
  /**
   * The cell as the spreadsheet shows it (`K7`, `12月排班!K7`) when the reader knows it at once (an
   * unreadable cell, a second row of an agent); else roster check works it out from the file (run.ts).
   */
  cell?: string;
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

  // What to write instead, in each violation a hand edit makes (a blank cell, a swap that puts a
  // day shift after a night, a requested day off worked): the lead reads the fix, not only the rule.
  const orEn = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}` : xs.join(''));
  const orZh = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join('、')}或${xs[xs.length - 1]}` : xs.join(''));
  const fillHint = msg(`: 填上班次 (${p.shifts.map((s) => codeLabel(p.shifts, s.code)).join('/')}) 或 ${codeLabel(p.shifts, OFF)}`, `: write a shift (${p.shifts.map((s) => s.code).join('/')}) or ${OFF}`);
  const afterNight = [...p.shifts.filter((s) => s.role !== 'day').map((s) => s.code), OFF];
  const ndHint = msg(`: 当天改成${orZh(afterNight.map((c) => codeName(p.shifts, c).zh))}`, `: make it ${orEn(afterNight)}`);
  const requestHint = msg(': 改成休息, 或与当天休息的客服换班', `: make it ${OFF}, or swap with an agent off that day`);
  // Approved leave (--requests rows of type 请假/leave): not worked, and not one of the days off.
  const onLeave = leaveSet(p);
  const D = days.length;

  p.agents.forEach((agent, a) => {
    const row = cells[a] ?? [];
    for (let d = 0; d < days.length; d++) {
      const c = row[d] ?? [];
      if (c.length === 0) {
        out.push({ agent, date: days[d]!.key, rule: 'missing-day', detail: msg(`这一天没有排班${fillHint.zh}`, `no shift or day off given for this day${fillHint.en}`) });
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
    // Leave a grid's `leave days` column counts on no dated cell: among the O days, not days off.
    const undated = p.leaveUndated?.[a] ?? 0;
    for (const L of lengthsOf(p)) {
      let off = -undated;
      let leave = undated;
      for (let d = 0; d < L; d++) {
        if (onLeave.has(a * D + d)) leave++;
        else if (codes[d] === 'O') off++;
      }
      off = Math.max(0, off);
      const want = daysOffOf(p, L, leave);
      // An agent with a monthly cap (--agents 每月最多班次 / 每月最多工时) works fewer shifts: at least
      // the days off, more allowed. One limited only to some shifts keeps exactly the days off.
      const cap = p.limits?.[a];
      const limited = cap !== undefined && (cap.maxShifts !== undefined || cap.maxMinutes !== undefined);
      if (limited ? off < want : off !== want) {
        const inL = p.template ? msg(` (按 ${L} 天的月份)`, ` (in a ${L}-day month)`) : msg('', '');
        const besides = leave ? msg(` (另有请假 ${leave} 天, 不计入休息)`, ` (besides ${plural(leave, 'day')} of leave, which are not days off)`) : msg('', '');
        out.push({
          agent,
          date: '',
          rule: 'days-off',
          detail: limited
            ? msg(`休息 ${off} 天, 至少应为 ${want} 天${besides.zh}${inL.zh}`, `${plural(off, 'day')} off, must be at least ${want}${besides.en}${inL.en}`)
            : msg(`休息 ${off} 天, 应为 ${want} 天${besides.zh}${inL.zh}`, `${plural(off, 'day')} off, must be exactly ${want}${besides.en}${inL.en}`),
        });
      }
    }
    // RULES §4: at least one whole day of rest: a calendar day with no work at all — a day off
    // that no overnight shift of the day before reaches into.
    const shortest = Math.min(...lengthsOf(p));
    const spills = (c: DayCode | undefined) => {
      const s = c === undefined ? undefined : shiftOf(p.shifts, c);
      return s !== undefined && overnight(s);
    };
    // A leave day is not a rest day the shop grants; an agent whose leave leaves no day off is not asked for one.
    let whole = Boolean(p.leave?.length || undated) && daysOffOf(p, shortest, leaveCounts(p, shortest)[a]!) === 0;
    // Undated leave may be any of the O days: more whole O days than it are needed.
    let wholeDays = 0;
    for (let d = 0; d < shortest && !whole; d++) {
      if (codes[d] !== OFF || onLeave.has(a * D + d)) continue;
      const w = d > 0 ? !spills(codes[d - 1]) : p.template ? lengthsOf(p).every((L) => !spills(codes[L - 1])) : !spills(p.previous?.last[a]);
      if (w) whole = ++wholeDays > undated;
    }
    if (!whole) {
      const why = p.shifts.some(overnight) ? msg(' (休息日前一天的班次不能延续到当天)', ' (a day off that no shift of the day before reaches into)') : msg('', '');
      out.push({ agent, date: '', rule: 'whole-day-off', detail: msg(`整月没有一整天休息${why.zh}`, `no whole day off in the month${why.en}`) });
    }
    const names = (before: DayCode, after: DayCode) => ({ b: codeName(p.shifts, before), f: codeName(p.shifts, after) });
    // RULES §4 "one shift or off per agent per day", across midnight: a shift running past
    // midnight (22:00–06:00) and the next day's shift starting before it ends (05:00) would have
    // the agent in two shifts at once.
    const overlap = (before: DayCode | undefined, after: DayCode | undefined) => {
      const b = before === undefined ? undefined : shiftOf(p.shifts, before);
      const f = after === undefined ? undefined : shiftOf(p.shifts, after);
      return b !== undefined && f !== undefined && b.end > 24 * 60 + f.start;
    };
    const ov = (d: number, before: DayCode, whenZh: string, whenEn: string) => {
      const n = names(before, codes[d]!);
      out.push({ agent, date: days[d]!.key, rule: 'one-shift', detail: msg(`${whenZh}的${n.b.zh}与当天的${n.f.zh}时间重叠`, `${n.f.en} shift overlaps the ${n.b.en} shift of ${whenEn}`) });
    };
    for (let d = 1; d < days.length; d++) if (overlap(codes[d - 1], codes[d])) ov(d, codes[d - 1]!, `前一天 (${days[d - 1]!.key}) `, days[d - 1]!.key);
    if (p.template) {
      for (const L of lengthsOf(p)) if (overlap(codes[L - 1], codes[0])) ov(0, codes[L - 1]!, `${L} 天的月份最后一天`, `day ${L} (last day of a ${L}-day month)`);
    } else if (overlap(p.previous?.last[a], codes[0])) ov(0, p.previous!.last[a]!, '上月最后一天', 'the last day of the previous month');
    // RULES §4: a night shift is not followed by a day shift (by the shifts' roles).
    const role = (c: DayCode | undefined) => (c === undefined ? undefined : shiftOf(p.shifts, c)?.role);
    const nightThenDay = (before: DayCode | undefined, after: DayCode | undefined) => role(before) === 'night' && role(after) === 'day';
    const nd = (dateKey: string, zh: string, en: string) =>
      out.push({ agent, date: dateKey, rule: 'night-then-day', detail: msg(zh + ndHint.zh, en + ndHint.en) });
    for (let d = 1; d < days.length; d++) {
      if (nightThenDay(codes[d - 1], codes[d])) {
        const n = names(codes[d - 1]!, codes[d]!);
        nd(days[d]!.key, `前一天 (${days[d - 1]!.key}) ${n.b.zh}, 当天${n.f.zh}`, `${n.f.en} shift after a ${n.b.en} shift on ${days[d - 1]!.key}`);
      }
    }
    if (p.template) {
      for (const L of lengthsOf(p)) {
        if (nightThenDay(codes[L - 1], codes[0])) {
          const n = names(codes[L - 1]!, codes[0]!);
          nd(days[0]!.key, `${L} 天的月份最后一天${n.b.zh}, 下月 1 日${n.f.zh}`, `${n.b.en} shift on day ${L} (last day of a ${L}-day month), ${n.f.en} shift on day 1 of the next`);
        }
      }
    } else if (nightThenDay(p.previous?.last[a], codes[0])) {
      const n = names(p.previous!.last[a]!, codes[0]!);
      nd(days[0]!.key, `上月最后一天${n.b.zh}, 本月 1 日${n.f.zh}`, `${n.b.en} shift on the last day of the previous month, ${n.f.en} shift on day 1`);
    }
  });

  // RULES §4: minimum staff — agents, each counted once: one who works an overnight shift into
  // this day's early hours and a shift of this day covering the same hour is still one agent.
  for (const n of p.needs) {
    let staff = 0;
    for (let a = 0; a < p.agents.length; a++) {
      const c = one[a]?.[n.day];
      const b = n.day > 0 ? one[a]?.[n.day - 1] : undefined;
      if ((c !== undefined && c !== OFF && n.shifts.includes(c)) || (b !== undefined && b !== OFF && n.prevShifts?.includes(b) === true)) staff++;
    }
    if (staff < n.count) {
      const names = [...n.shifts, ...(n.prevShifts ?? [])].map((s) => codeName(p.shifts, s));
      // A need of one shift (--min H=1) is named by the shift in zh: `H 需要至少 1 人 (半白班)` put
      // the option's letter first (user7); a need of an hour (--demand) keeps its hours.
      const byShift = names.length === 1 && n.what === n.shifts[0];
      out.push({
        agent: '',
        date: days[n.day]!.key,
        rule: 'coverage',
        detail: msg(
          byShift ? `${names[0]!.zh}需要至少 ${n.count} 人, 只有 ${staff} 人` : `${n.what} 需要至少 ${n.count} 人 (${names.map((x) => x.zh).join('/')}), 只有 ${staff} 人`,
          `${n.what} needs at least ${n.count} (${names.map((x) => x.en).join('/')}), has ${staff}`,
        ),
      });
    }
  }

  // Limited agents (--agents 可上班次, 每月最多班次, 每月最多工时; docs/rules.md §4): hard limits.
  p.limits?.forEach((lim, a) => {
    if (!lim) return;
    const agent = p.agents[a]!;
    const codes = one[a] ?? [];
    if (lim.shifts) {
      const allowed = lim.shifts.map((c) => codeName(p.shifts, c));
      const fix = msg(`: 改成${[...allowed.map((x) => x.zh), codeName(p.shifts, OFF).zh].join('、')}, 或与可上该班次的客服换班`, `: make it ${orEn([...lim.shifts, OFF])}, or swap with an agent who may work it`);
      codes.forEach((c, d) => {
        if (c === undefined || c === OFF || lim.shifts!.includes(c)) return;
        out.push({
          agent,
          date: days[d]!.key,
          rule: 'shift-not-allowed',
          detail: msg(`只上${allowed.map((x) => x.zh).join('、')} (可上班次), 却排了${codeName(p.shifts, c).zh}${fix.zh}`, `works only the ${allowed.map((x) => x.en).join('/')} shifts (allowed shifts), rostered on the ${codeName(p.shifts, c).en} shift${fix.en}`),
        });
      });
    }
    const worked = codes.filter((c) => c !== undefined && c !== OFF);
    if (lim.maxShifts !== undefined && worked.length > lim.maxShifts) {
      out.push({
        agent,
        date: '',
        rule: 'max-shifts',
        detail: msg(`上班 ${worked.length} 个班, 每月最多 ${lim.maxShifts} 个 (每月最多班次): 把 ${worked.length - lim.maxShifts} 个班改成休息`, `${plural(worked.length, 'shift')}, at most ${lim.maxShifts} a month (max shifts): make ${worked.length - lim.maxShifts} of them ${OFF}`),
      });
    }
    const minutes = worked.reduce((t, c) => t + paidOf(p.shifts, c!), 0);
    if (lim.maxMinutes !== undefined && minutes > lim.maxMinutes) {
      const h = (m: number) => String(Math.round((m / 60) * 100) / 100);
      out.push({
        agent,
        date: '',
        rule: 'max-hours',
        detail: msg(`月工时 ${h(minutes)} 小时, 最多 ${h(lim.maxMinutes)} 小时 (每月最多工时): 减少或缩短班次`, `${h(minutes)} h in the month, at most ${h(lim.maxMinutes)} h (max hours): take off or shorten shifts`),
      });
    }
  });

  // Approved leave: the agent is not there.
  for (const [a, d] of p.leave ?? []) {
    const c = one[a]?.[d];
    if (c !== undefined && c !== OFF) {
      out.push({
        agent: p.agents[a]!,
        date: days[d]!.key,
        rule: 'leave',
        detail: msg(
          `已请假 (--requests), 却排了${codeName(p.shifts, c).zh}: 改成休息 (或 请假), 由当天休息的客服顶班`,
          `on leave (--requests), rostered on the ${codeName(p.shifts, c).en} shift: make it ${OFF} (or leave) and have an agent off that day cover it`,
        ),
      });
    }
  }

  // Requested days off.
  for (const [a, d] of p.requests) {
    const c = one[a]?.[d];
    if (c !== undefined && c !== OFF) {
      out.push({
        agent: p.agents[a]!,
        date: days[d]!.key,
        rule: 'request',
        detail: msg(`申请了休息, 却排了${codeName(p.shifts, c).zh}${requestHint.zh}`, `asked for the day off, rostered on the ${codeName(p.shifts, c).en} shift${requestHint.en}`),
      });
    }
  }
  return out;
}

/**
 * RULES §4 "monthly working hours are close across agents". The rules give no number; our reading
 * (docs/rules.md §4): hours are not close when two agents' monthly paid hours differ by more than
 * `maxMinutes` — by default the longest shift's paid time, one working day (8.5 h with the seed's
 * shifts: an agent working a whole day shift more than another). `roster plan` minimises this
 * spread (objective 1); this is for rosters made by hand or by other tools, so the solver's own
 * check (checkRoster) does not include it. Only agents whose every day holds one known code are
 * compared: a missing or unreadable day is reported on its own and would make the hours a guess.
 * A template is judged in each month length.
 */
export function checkHoursSpread(p: RosterProblem, cells: DayCode[][][], maxMinutes: number): Violation[] {
  const out: Violation[] = [];
  const hours = (m: number) => (m / 60).toFixed(1);
  const few = (names: string[]) => (names.length > 5 ? [...names.slice(0, 5), '…'] : names);
  for (const L of lengthsOf(p)) {
    const paid: { agent: string; minutes: number }[] = [];
    const scaled = p.limits?.some((l) => l !== undefined)
      ? msg(' (请假和兼职的客服按上班天数折算为整月工时)', ' (hours of agents on leave or part-time scaled to a full month by the days they work)')
      : p.leave?.length || p.leaveUndated?.some((x) => x > 0)
        ? msg(' (请假的客服按上班天数折算为整月工时)', ' (hours of agents on leave scaled to a full month by the days they work)')
        : msg('', '');
    // An agent on leave is compared pro rata (problem.ts comparableMinutes): hours × W / W_a.
    const leave = leaveCounts(p, L);
    p.agents.forEach((agent, a) => {
      const row = cells[a] ?? [];
      let minutes = 0;
      for (let d = 0; d < L; d++) {
        const c = row[d] ?? [];
        if (c.length !== 1 || (c[0] !== OFF && shiftOf(p.shifts, c[0]!) === undefined)) return;
        minutes += paidOf(p.shifts, c[0]!);
      }
      // Limited agents: not compared when limited to some shifts, else pro rata by the shifts they
      // work (× W / shifts worked; docs/rules.md §4).
      const lim = p.limits?.[a];
      if (!hoursCompared(p, a)) return;
      let cmp: number | undefined;
      if (lim) {
        const worked = row.slice(0, L).filter((c) => c[0] !== OFF).length;
        cmp = worked > 0 ? (minutes * (L - p.daysOff)) / worked : undefined;
      } else cmp = leave[a] ? comparableMinutes(p, L, leave[a]!, minutes) : minutes;
      if (cmp !== undefined) paid.push({ agent, minutes: cmp });
    });
    if (paid.length < 2) continue;
    const lo = Math.min(...paid.map((x) => x.minutes));
    const hi = Math.max(...paid.map((x) => x.minutes));
    if (hi - lo <= maxMinutes) continue;
    const most = few(paid.filter((x) => x.minutes === hi).map((x) => x.agent));
    const least = few(paid.filter((x) => x.minutes === lo).map((x) => x.agent));
    const inL = p.template ? msg(` (按 ${L} 天的月份)`, ` (in a ${L}-day month)`) : msg('', '');
    out.push({
      agent: '',
      date: '',
      rule: 'hours-spread',
      detail: msg(
        `每月工时相差 ${hours(hi - lo)} 小时, 超过 ${hours(maxMinutes)} 小时${inL.zh}: 最多 ${hours(hi)} 小时 (${most.join('、')}), 最少 ${hours(lo)} 小时 (${least.join('、')})${scaled.zh}; 规则要求各客服每月工时相近`,
        `monthly hours ${hours(hi - lo)} h apart, more than ${hours(maxMinutes)} h${inL.en}: most ${hours(hi)} h (${most.join(', ')}), least ${hours(lo)} h (${least.join(', ')})${scaled.en}; the rules ask for close monthly hours across agents`,
      ),
    });
  }
  return out;
}

/**
 * A grid's own days-off count (`days off` / `休息天数`, the wall calendar's `off` / `休息`) against the
 * days off its cells show: the O days not on leave, less the undated leave a `leave days` column
 * counts (run.ts leaveOfRoster) — what roster plan's totals (render.ts totals) write —, or those with
 * the leave counted in, as another tool's grid may count it. A hand edit
 * that moves a day off and leaves the count stale (the column says 8, the grid shows 7) passed
 * silently until 2026-12; the column is what a lead reads first. Only agents whose every day holds
 * one known code are compared (a missing or unreadable day is reported on its own); agents whose
 * cell in the column is empty or not a whole number are not compared.
 */
export function checkDaysOffColumn(p: RosterProblem, cells: DayCode[][][], column: { header: string; byAgent: ReadonlyMap<string, { count: number; line: number }> }): Violation[] {
  const out: Violation[] = [];
  const onLeave = leaveSet(p);
  const D = p.days.length;
  p.agents.forEach((agent, a) => {
    const said = column.byAgent.get(agent);
    if (said === undefined) return;
    const row = cells[a] ?? [];
    const undated = p.leaveUndated?.[a] ?? 0;
    let off = -undated;
    let leave = undated;
    for (let d = 0; d < D; d++) {
      const c = row[d] ?? [];
      if (c.length !== 1 || (c[0] !== OFF && shiftOf(p.shifts, c[0]!) === undefined)) return;
      if (onLeave.has(a * D + d)) leave++;
      else if (c[0] === OFF) off++;
    }
    off = Math.max(0, off);
    // A grid from another tool may count leave among its days off (休息天数 = every day not worked):
    // that count is as true as roster plan's own, so either is taken (lead, review of rev41).
    if (off === said.count || (leave > 0 && off + leave === said.count)) return;
    const besides = leave ? msg(`, 另有请假 ${leave} 天不计入`, `, besides ${plural(leave, 'day')} of leave`) : msg('', '');
    out.push({
      agent,
      date: '',
      rule: 'days-off-column',
      detail: msg(
        `第 ${said.line} 行: "${column.header}" 列写 ${said.count} 天, 表中休息 ${off} 天 (${codeLabel(p.shifts, OFF)}${besides.zh}): 改正该列, 或核对改过的日子`,
        `line ${said.line}: the "${column.header}" column says ${said.count}, the grid shows ${plural(off, 'day')} off (${OFF}${besides.en}): correct the column, or check the days edited`,
      ),
    });
  });
  return out;
}

/**
 * A grid's `leave days` / `请假天数` column (roster plan writes leave as O / 休 and counts it there)
 * against the grid (docs/rules.md §4). Two counts no grid can have: fewer days than the leave the
 * grid and --requests date (请假 cells), and more than that leave and the agent's O days together (the
 * agent works a day the column calls leave). Until 2026-12 either was clamped without a word: the
 * dated leave was taken, or every O day became leave ("0 days off, must be exactly 7 (besides 9 days
 * of leave)", and the month's hours scaled up from the days worked). Now rule `leave-days-column`
 * with the line, what the column says and what the grid shows; that agent's column is not used, and
 * the grid is checked as written. Returns each agent's undated leave: what the column counts beyond
 * the dated leave (0 where it was reported or says nothing). An agent with a missing or unreadable
 * day is not compared for the second count (the day is reported on its own).
 */
export function checkLeaveDaysColumn(
  p: { agents: readonly string[]; days: readonly { key: string }[]; shifts: readonly ShiftDef[] },
  cells: DayCode[][][],
  leave: { fromRequests: ReadonlySet<number>; all: readonly [number, number][] },
  column: { header: string; byAgent: ReadonlyMap<string, { count: number; line: number }> },
): { violations: Violation[]; undated: number[] } {
  const out: Violation[] = [];
  const D = p.days.length;
  const dated = p.agents.map(() => [] as number[]);
  for (const [a, d] of leave.all) dated[a]!.push(d);
  const undated = p.agents.map(() => 0);
  p.agents.forEach((agent, a) => {
    const said = column.byAgent.get(agent);
    if (said === undefined) return;
    const days = dated[a]!;
    const where = (zh: boolean) => {
      const req = days.filter((d) => leave.fromRequests.has(a * D + d)).length;
      if (req === 0) return zh ? '表中' : 'the grid shows';
      return req === days.length ? (zh ? '--requests 中' : '--requests gives') : zh ? '表中和 --requests 中共' : 'the grid and --requests show';
    };
    if (said.count < days.length) {
      const keys = days.slice(0, 5).map((d) => p.days[d]!.key);
      const more = days.length > 5 ? '…' : '';
      out.push({
        agent,
        date: '',
        rule: 'leave-days-column',
        detail: msg(
          `第 ${said.line} 行: "${column.header}" 列写 ${said.count} 天, ${where(true)}请假 ${days.length} 天 (${keys.join('、')}${more}): 改正该列, 或核对请假的日子`,
          `line ${said.line}: the "${column.header}" column says ${said.count}, ${where(false)} ${plural(days.length, 'day')} of leave (${keys.join(', ')}${more}): correct the column, or check the leave days`,
        ),
      });
      return;
    }
    const extra = said.count - days.length;
    if (extra === 0) return;
    // The undated leave can only be O days not dated as leave.
    const row = cells[a] ?? [];
    let off = 0;
    for (let d = 0; d < D; d++) {
      const c = row[d] ?? [];
      if (c.length !== 1 || (c[0] !== OFF && shiftOf(p.shifts, c[0]!) === undefined)) {
        undated[a] = extra;
        return;
      }
      if (c[0] === OFF && !days.includes(d)) off++;
    }
    if (extra <= off) {
      undated[a] = extra;
      return;
    }
    out.push({
      agent,
      date: '',
      rule: 'leave-days-column',
      detail: msg(
        `第 ${said.line} 行: "${column.header}" 列写 ${said.count} 天, 表中休息 (${codeLabel(p.shifts, OFF)}) 只有 ${off} 天${days.length ? `, 请假 ${days.length} 天` : ''}: 至少有 ${extra - off} 天请假排了班; 改正该列, 或核对改过的日子 (该客服按表中所写检查)`,
        `line ${said.line}: the "${column.header}" column says ${said.count}, the grid shows only ${plural(off, 'day')} off (${OFF})${days.length ? ` and ${plural(days.length, 'day')} of leave` : ''}: at least ${plural(extra - off, 'day')} it counts as leave ${extra - off === 1 ? 'is' : 'are'} worked; correct the column, or check the days edited (this agent is checked as the grid is written)`,
      ),
    });
  });
  return { violations: out, undated };
}

export const gridCells = (g: Grid): DayCode[][][] => g.map((row) => row.map((c) => [c]));
