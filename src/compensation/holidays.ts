// RULES 1.3c: overseas direct mail's 120 h "exclude the origin's public holidays" (天猫国际 ruleId 2927).
// No export shows the origin or its holidays, so the shop gives them (`compensate --holidays FILE`, or
// config compensate.holidays): a list of dates (read by holidayfile.ts). Pure: counts a window past them.
//
// Readings adopted where the rule text is silent (docs/rules.md §1.3c):
// - A holiday is a whole calendar day in the zone of the export's times (--tz, Beijing by default), 00:00
//   to 24:00: the platform's times, deadlines and calendar days (第十二条 combining) are all Beijing time.
//   The origin's own day is an hour (Japan, Korea) to 16 hours (the US) off; the shop can list the day
//   before or after when that matters.
// - The window's hours that fall on a listed day do not count: the deadline is the moment the window's
//   hours have passed outside them. A window that runs out exactly at a holiday's 00:00 ends there; one
//   paid during a holiday starts counting at its end. Weekends count (the rule names public holidays only).
// - Only the ship window is stretched; hours late (and "72 h after becoming late", out of stock) are
//   counted straight from the deadline: the rule excludes the holidays from the window, nothing else.
import { type Msg, msg } from '../errors.js';
import { DAY_MS, type TimeZone, daysInMonth } from '../time.js';

/** Holidays as read: the days (YYYY-MM-DD, sorted, each once) and the same as [start, end) instants, merged. */
export interface Holidays {
  file: string;
  days: string[];
  spans: Array<[number, number]>;
}

/**
 * When a window of `windowMs` from `from` ends, its time on the holiday `spans` (sorted, merged, [start,
 * end)) not counted. Pure. Without spans: from + windowMs.
 */
export function windowEnd(from: number, windowMs: number, spans: ReadonlyArray<readonly [number, number]>): number {
  let t = from;
  let left = windowMs;
  for (const [s, e] of spans) {
    if (e <= t) continue;
    if (s > t) {
      if (left <= s - t) return t + left;
      left -= s - t;
    }
    t = e;
  }
  return t + left;
}

export const HEADER_ALIASES = ['日期', '节假日', '假日', '法定节假日', 'date', 'holiday', 'holidays'];
/** A date: 2026-12-31, 2026/12/31, 2026.12.31, 2026年12月31日 (an xlsx date cell may add 00:00:00). */
const DATE = '(\\d{4})\\s*(?:[-/.]|年)\\s*(\\d{1,2})\\s*(?:[-/.]|月)\\s*(\\d{1,2})\\s*日?(?:\\s+0{1,2}:00(?::00)?)?';
const ONE_RE = new RegExp(`^${DATE}$`);
/** A span of days, both included: 2026-12-31..2027-01-03 (also ~ ～ 至 到, or – — between spaces). */
const SPAN_RE = new RegExp(`^${DATE}\\s*(?:\\.\\.|~|～|至|到|\\s[–—-]\\s)\\s*${DATE}$`);

export const FORMS = msg(
  '每行一个日期 (2026-12-31、2026/12/31 或 2026年12月31日), 或一段日期 (2026-12-31..2027-01-03, 首尾两日都算); 第二列起 (如节日名称) 不读; # 开头的行是注释; 表头 (日期) 可有可无',
  'one date a line (2026-12-31, 2026/12/31 or 2026年12月31日), or a span of days (2026-12-31..2027-01-03, both days included); columns after the first (a holiday\'s name) are not read; lines starting with # are comments; a header (日期 / date) may be given or not',
);

function dayNumber(y: number, mo: number, d: number): number | undefined {
  if (y < 2003 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return Date.UTC(y, mo - 1, d) / DAY_MS;
}

export const dayText = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The day numbers (days since 1970-01-01) a cell names; a Msg saying what is wrong when it names none. */
export function holidayCell(cell: string): number[] | Msg {
  const text = cell.normalize('NFKC').trim();
  const one = ONE_RE.exec(text);
  const span = one ? undefined : SPAN_RE.exec(text);
  const m = one ?? span;
  if (!m) return msg(`"${cell}" 不是日期`, `"${cell}" is not a date`);
  const a = dayNumber(+m[1]!, +m[2]!, +m[3]!);
  const b = span ? dayNumber(+m[4]!, +m[5]!, +m[6]!) : a;
  if (a === undefined || b === undefined) return msg(`"${cell}" 不是真实的日期 (或年份不在 2003–2100)`, `"${cell}" is no real date (or its year is not 2003–2100)`);
  if (b < a) return msg(`"${cell}": 结束日期早于开始日期`, `"${cell}": the last day is before the first`);
  // A span longer than a season is a typo (2026-12-31..2027-12-31 for ..2027-01-03), never a holiday.
  if (b - a >= 31) return msg(`"${cell}" 长达 ${b - a + 1} 天, 不像节假日 (年份写错了?)`, `"${cell}" runs ${b - a + 1} days, no holiday does (a year mistyped?)`);
  const out: number[] = [];
  for (let d = a; d <= b; d++) out.push(d);
  return out;
}

/** The days as [start, end) instants in `tz` (a zone with daylight saving: its days' own lengths), merged. */
export function holidaySpans(days: readonly string[], tz: TimeZone): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const day of days) {
    const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
    const s = tz.fromWall(y, mo, d);
    const e = tz.fromWall(y, mo, d + 1);
    const last = spans[spans.length - 1];
    if (last && last[1] >= s) last[1] = Math.max(last[1], e);
    else spans.push([s, e]);
  }
  return spans;
}

