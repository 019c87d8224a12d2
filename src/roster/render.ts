// Turning a roster into output rows: the grid with per-agent totals and per-day coverage, the
// long layout, and iCalendar text. Pure: the run layer hands these to src/io.
import type { Column, Row } from '../io/columns.js';
import type { TimeZone } from '../time.js';
import { type Grid, type RosterProblem, comparableOf, hoursCompared, leaveCounts, lengthsOf, minutesOf, scaledAgent } from './problem.js';
import { type DayCode, OFF, codeLabel, fmtClock, shiftOf } from './shifts.js';

export interface AgentTotals {
  agent: string;
  hours: number;
  nights: number;
  weekendDays: number;
  daysOff: number;
  /** Days of approved leave (only when the plan has any). */
  leave?: number;
}

export function totals(p: RosterProblem, g: Grid): AgentTotals[] {
  const onLeave = new Set((p.leave ?? []).map(([a, d]) => a * p.days.length + d));
  return p.agents.map((agent, a) => {
    let min = 0;
    let nights = 0;
    let weekendDays = 0;
    let daysOff = 0;
    let leave = 0;
    g[a]!.forEach((c, d) => {
      min += minutesOf(p.shifts, c);
      if (shiftOf(p.shifts, c)?.role === 'night') nights++;
      // A day of leave is not one of the days off (docs/rules.md §4): counted on its own.
      if (onLeave.has(a * p.days.length + d)) leave++;
      else if (c === OFF) daysOff++;
      else if (p.days[d]!.weekend) weekendDays++;
    });
    return p.leave?.length ? { agent, hours: min / 60, nights, weekendDays, daysOff, leave } : { agent, hours: min / 60, nights, weekendDays, daysOff };
  });
}

/**
 * Hours as a message writes them: to the hundredth, trailing zeros dropped (8.5, 172, 0.98). A
 * shift of 59 minutes (config roster.shifts) made the sums thirds of hundredths: until 2026-12 the
 * summary said "hour spread 5.51666666666668 h (bound 1.2833333333333334 h …)". Whole and half
 * hours (the seed's shifts) read as before.
 */
export function fmtHours(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}

/**
 * The spread of monthly hours (most − fewest, in hours) the solver's first level minimises: for a
 * month, over its days; for a template, the widest over the month lengths it serves (28–31 days:
 * a month uses the template's first L days), with that length. The summary said the 31-day spread
 * of the grid (1 h) beside the solver's level, the 28-day one (3 h), as if they disagreed.
 */
export function hourSpread(p: Pick<RosterProblem, 'template' | 'days' | 'agents' | 'shifts'> & Partial<Pick<RosterProblem, 'daysOff' | 'leave' | 'limits'>>, g: Grid): { hours: number; days: number } {
  let worst = { hours: -1, days: p.days.length };
  for (const L of lengthsOf(p)) {
    // Agents on leave pro rata (problem.ts comparableMinutes); one who works no day is left out.
    const leave = leaveCounts(p, L);
    const hours = p.agents.flatMap((_, a) => {
      // Limited to some shifts: not compared (docs/rules.md §4).
      if (!hoursCompared(p, a)) return [];
      const m = g[a]!.slice(0, L).reduce((t, c) => t + minutesOf(p.shifts, c), 0);
      const v = scaledAgent(p, a, leave[a]!) ? comparableOf({ daysOff: p.daysOff ?? 0, limits: p.limits, shifts: p.shifts }, a, L, leave[a]!, m) : m;
      return v === undefined ? [] : [v / 60];
    });
    if (hours.length === 0) continue;
    const spread = Math.max(...hours) - Math.min(...hours);
    if (spread > worst.hours) worst = { hours: spread, days: L };
  }
  return worst.hours < 0 ? { hours: 0, days: p.days.length } : worst;
}

const WEEKDAY = { zh: ['日', '一', '二', '三', '四', '五', '六'], en: ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'] };

/** Grid columns: day columns are headed by the date (csv/json/xlsx) or `01Sa*` (table; * = weekend). */
export function gridColumns(p: RosterProblem, forTable: boolean): Column[] {
  const cols: Column[] = [{ key: 'agent', zh: '客服', en: 'agent', whole: true }];
  for (const day of p.days) {
    let zh = day.key;
    let en = day.key;
    if (forTable) {
      if (p.template) {
        zh = `${day.key}日`;
        en = day.key;
      } else {
        const [y, mo, d] = day.key.split('-').map(Number) as [number, number, number];
        const dow = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
        const mark = day.weekend ? '*' : '';
        zh = `${String(d).padStart(2, '0')}${WEEKDAY.zh[dow]}${mark}`;
        en = `${String(d).padStart(2, '0')}${WEEKDAY.en[dow]}${mark}`;
      }
    }
    // Codes, counts and service levels (81.1%) of storeops' own: a spreadsheet reads them as they are.
    cols.push({ key: day.key, zh, en, own: true });
  }
  cols.push(
    { key: 'hours', zh: '工时', en: 'hours', type: 'hours' },
    { key: 'nights', zh: '晚班数', en: 'nights', type: 'int' },
    { key: 'weekendDays', zh: '周末上班', en: 'weekend days', type: 'int' },
    { key: 'daysOff', zh: '休息天数', en: 'days off', type: 'int' },
  );
  // Only when some agent is on leave: every other plan keeps its columns.
  if (p.leave?.length) cols.push({ key: 'leave', zh: '请假天数', en: 'leave days', type: 'int' });
  return cols;
}

/** Rows: one per agent, then one coverage row per shift (agent cell "coverage D" / "覆盖 白班"). */
export function gridRows(p: RosterProblem, g: Grid, zhCells: boolean, lang: 'zh' | 'en', service?: (number | undefined)[]): Row[] {
  const rows: Row[] = [];
  const t = totals(p, g);
  p.agents.forEach((agent, a) => {
    const r: Row = { ...t[a] };
    p.days.forEach((day, d) => {
      const c = g[a]![d]!;
      r[day.key] = zhCells ? codeLabel(p.shifts, c) : c;
    });
    rows.push(r);
  });
  for (const s of p.shifts) {
    const r: Row = { agent: lang === 'zh' ? `覆盖 ${s.name.zh}` : `coverage ${s.code}` };
    p.days.forEach((day, d) => {
      r[day.key] = String(g.reduce((n, row) => n + (row[d] === s.code ? 1 : 0), 0));
    });
    rows.push(r);
  }
  // Expected share of the day's chats answered within the target (traffic.ts dailyService).
  if (service?.some((v) => v !== undefined)) {
    const r: Row = { agent: lang === 'zh' ? '服务水平' : 'service level' };
    p.days.forEach((day, d) => {
      const v = service[d];
      r[day.key] = v === undefined ? '' : `${(Math.floor(v * 1000) / 10).toFixed(1)}%`;
    });
    rows.push(r);
  }
  return rows;
}

export function longColumns(template: boolean): Column[] {
  return [
    { key: 'agent', zh: '客服', en: 'agent', whole: true },
    // A template's day numbers and shift times (09:00) are storeops' own: a spreadsheet reads them as they are.
    { key: 'date', zh: '日期', en: 'date', type: template ? 'text' : 'date', whole: true, own: true },
    { key: 'shift', zh: '班次', en: 'shift' },
    { key: 'start', zh: '开始', en: 'start', type: template ? 'text' : 'time', own: true },
    { key: 'end', zh: '结束', en: 'end', type: template ? 'text' : 'time', own: true },
    { key: 'hours', zh: '工时', en: 'hours', type: 'hours' },
  ];
}

/** Wall-clock of a shift edge as an instant (minutes may pass 24:00). */
function instant(tz: TimeZone, key: string, min: number): number {
  const [y, mo, d] = key.split('-').map(Number) as [number, number, number];
  return tz.fromWall(y, mo, d) + min * 60_000;
}

export function longRows(p: RosterProblem, g: Grid, tz: TimeZone, zhCells: boolean): Row[] {
  const rows: Row[] = [];
  p.agents.forEach((agent, a) => {
    p.days.forEach((day, d) => {
      const c: DayCode = g[a]![d]!;
      const s = p.shifts.find((x) => x.code === c);
      rows.push({
        agent,
        date: day.key,
        shift: zhCells ? codeLabel(p.shifts, c) : c,
        start: s ? (p.template ? fmtClock(s.start) : instant(tz, day.key, s.start)) : null,
        end: s ? (p.template ? fmtClock(s.end) : instant(tz, day.key, s.end)) : null,
        hours: minutesOf(p.shifts, c) / 60,
      });
    });
  });
  return rows;
}
