// Wall-clock times in a named zone (default Asia/Shanghai), independent of the machine's zone.
// Instants are epoch milliseconds; nothing here reads the clock.

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export class TimeZone {
  private readonly fixedOffsetMs: number | undefined;
  /** The zone's one offset from UTC in ms when it never changes (UTC, +08:00, Beijing); else undefined. */
  get fixedOffset(): number | undefined {
    return this.fixedOffsetMs;
  }
  private readonly dtf: Intl.DateTimeFormat | undefined;
  private readonly cache = new Map<number, number>();

  constructor(readonly name: string) {
    const fixed = /^(?:UTC|GMT)?([+-])(\d{2}):?(\d{2})$/.exec(name);
    if (name === 'UTC' || name === 'Etc/UTC' || name === 'GMT') {
      this.fixedOffsetMs = 0;
    } else if (fixed) {
      const sign = fixed[1] === '-' ? -1 : 1;
      this.fixedOffsetMs = sign * (Number(fixed[2]) * 60 + Number(fixed[3])) * 60_000;
    } else if (name === 'Asia/Shanghai' || name === 'PRC' || name === 'Asia/Chongqing') {
      // China has kept UTC+8 without daylight saving since 1991; every export we read is later.
      this.fixedOffsetMs = 8 * HOUR_MS;
    } else {
      // Throws RangeError for an unknown zone; callers turn that into a usage error.
      this.dtf = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    }
  }

  /** Offset from UTC in ms at the given instant. */
  offsetAt(epochMs: number): number {
    if (this.fixedOffsetMs !== undefined) return this.fixedOffsetMs;
    const key = Math.floor(epochMs / (15 * 60_000));
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const parts = this.dtf!.formatToParts(new Date(key * 15 * 60_000));
    const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
    const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    const off = asUtc - key * 15 * 60_000;
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(key, off);
    return off;
  }

  /** Epoch ms of a wall-clock time in this zone. */
  fromWall(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
    // Fields in range (every caller checks) and a year of four digits: the same instant as
    // Date.UTC, by arithmetic (Date.UTC reads years 0–99 as 1900–1999, so those go to it).
    if (this.fixedOffsetMs !== undefined && y >= 100 && mo >= 1 && mo <= 12) {
      return daysFromCivil(y, mo, d) * DAY_MS + h * HOUR_MS + mi * 60_000 + s * 1000 - this.fixedOffsetMs;
    }
    const naive = Date.UTC(y, mo - 1, d, h, mi, s);
    if (this.fixedOffsetMs !== undefined) return naive - this.fixedOffsetMs;
    let guess = naive - this.offsetAt(naive);
    guess = naive - this.offsetAt(guess);
    return guess;
  }

  /**
   * fromWall for a time read from a file: undefined when the wall-clock time does not exist in
   * this zone (skipped when clocks go forward) or exists twice (when they go back), instead of
   * moving it by an hour or picking one of the two. Zones without daylight saving (Beijing) are
   * never either.
   */
  fromWallExact(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | undefined {
    if (this.fixedOffsetMs !== undefined) return this.fromWall(y, mo, d, h, mi, s);
    const naive = Date.UTC(y, mo - 1, d, h, mi, s);
    // The offsets a day either side cover any one change of offset around this time.
    const found = new Set<number>();
    for (const off of [this.offsetAt(naive - DAY_MS), this.offsetAt(naive + DAY_MS), this.offsetAt(naive)]) {
      const t = naive - off;
      if (this.offsetAt(t) === off) found.add(t);
    }
    return found.size === 1 ? [...found][0] : undefined;
  }

  /** Wall-clock fields of an instant in this zone. */
  wall(epochMs: number): { y: number; mo: number; d: number; h: number; mi: number; s: number; dow: number } {
    const t = new Date(epochMs + this.offsetAt(epochMs));
    return {
      y: t.getUTCFullYear(),
      mo: t.getUTCMonth() + 1,
      d: t.getUTCDate(),
      h: t.getUTCHours(),
      mi: t.getUTCMinutes(),
      s: t.getUTCSeconds(),
      dow: t.getUTCDay(),
    };
  }

  /** The day format() wrote last (whole days of this zone's wall clock since 1970) and its `YYYY-MM-DD ` text. */
  private formatDay = NaN;
  private formatDayText = '';

  /** `YYYY-MM-DD HH:mm:ss` in this zone. */
  format(epochMs: number): string {
    const off = this.fixedOffsetMs;
    const local = off === undefined ? NaN : epochMs + off;
    // A zone of one offset, a whole millisecond within Date's range: the date of the day written
    // last is kept (the times of a voucher file run in order), the time of day is arithmetic.
    if (Number.isInteger(local) && local >= -8.64e15 && local <= 8.64e15) {
      const day = Math.floor(local / DAY_MS);
      if (day !== this.formatDay) {
        this.formatDayText = `${this.date(epochMs)} `;
        this.formatDay = day;
      }
      const secs = Math.floor((local - day * DAY_MS) / 1000);
      return `${this.formatDayText}${p2(Math.floor(secs / 3600))}:${p2(Math.floor(secs / 60) % 60)}:${p2(secs % 60)}`;
    }
    const w = this.wall(epochMs);
    return `${w.y}-${p2(w.mo)}-${p2(w.d)} ${p2(w.h)}:${p2(w.mi)}:${p2(w.s)}`;
  }

  /** `YYYY-MM-DD` in this zone. */
  date(epochMs: number): string {
    const w = this.wall(epochMs);
    return `${w.y}-${p2(w.mo)}-${p2(w.d)}`;
  }

  /** ISO 8601 with this zone's offset, e.g. 2026-11-20T14:03:00+08:00. */
  iso(epochMs: number): string {
    const off = this.offsetAt(epochMs);
    const w = this.wall(epochMs);
    const sign = off < 0 ? '-' : '+';
    const a = Math.abs(off) / 60_000;
    return `${w.y}-${p2(w.mo)}-${p2(w.d)}T${p2(w.h)}:${p2(w.mi)}:${p2(w.s)}${sign}${p2(Math.floor(a / 60))}:${p2(a % 60)}`;
  }

  /** Start of the calendar day (00:00 in this zone) containing the instant. */
  startOfDay(epochMs: number): number {
    const off = this.fixedOffsetMs;
    if (off !== undefined) return Math.floor((epochMs + off) / DAY_MS) * DAY_MS - off;
    const w = this.wall(epochMs);
    return this.fromWall(w.y, w.mo, w.d);
  }
}

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function p2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isValidZone(name: string): boolean {
  try {
    new TimeZone(name);
    return true;
  } catch {
    return false;
  }
}

// `YYYY-MM-DD HH:mm:ss`, `YYYY-MM-DD HH:mm`, `YYYY/M/D H:mm[:ss]`, `YYYY-MM-DD`, optional `T`,
// optional fraction. Anything with an explicit zone (Z, +08:00) is honoured as written.
const DATE_RE =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * How much later than parseTime's instant the time written may really be (ms): 0 with seconds,
 * 59 s for a time without them (`2026-11-20 10:00`), a day less a second for a date alone
 * (docs/rules.md §1.7, §2.3). Only for text parseTime reads.
 */
export function timeSlack(text: string): number {
  const m = DATE_RE.exec(text) ?? CN_DATE_RE.exec(text);
  if (!m) return 0;
  if (!m[4]) return DAY_MS - 1000;
  return m[6] ? 0 : 59_000;
}

// Chinese forms (抖店 商品评论 and others): `2026年11月19日 21:40:00`, `2026年11月19日21:40`,
// `2026年11月19日 21时40分05秒`, `2026年11月19日`. Same groups as DATE_RE (no zone group).
const CN_DATE_RE = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?(?:\s*(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2})(?:\.\d+)?秒?|分)?)?$/;

/**
 * Parse a platform timestamp in the given zone. Returns null for an empty cell (the event has
 * not happened) and undefined for text that is not a date (the caller rejects the row).
 */
/**
 * The platforms' own clock: Tmall, Taobao, 抖店 and 拼多多 rules count calendar days (which rule set
 * is in force, orders paid "on the same day") in Beijing time, whatever zone --tz reads the
 * export's times in or the machine runs in.
 */
export const PLATFORM_TZ = new TimeZone('Asia/Shanghai');

/** The zone a time is shown in, in words: 北京时间 / Beijing time for UTC+8 (the platforms' zone, the default --tz), else the zone's name. */
export function zoneWords(tz: TimeZone): { zh: string; en: string } {
  return tz.fixedOffset === 8 * HOUR_MS ? { zh: '北京时间', en: 'Beijing time' } : { zh: tz.name, en: tz.name };
}

/**
 * `t` on this computer's own clock (its TZ, else the system's zone), `YYYY-MM-DD HH:mm:ss`, and that
 * zone's name when Node.js knows it ("" when not).
 */
export function machineWall(t: number): { at: string; zone: string } {
  const d = new Date(t);
  const at = `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())} ${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}`;
  let zone = '';
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  } catch {
    zone = '';
  }
  return { at, zone: zone === 'Etc/Unknown' ? '' : zone };
}

/**
 * The clock's time ("now") as a message shows it: in `tz` (Beijing time by default) with the zone
 * named, and, when this computer's clock shows another wall time (a server in Los Angeles or on UTC),
 * that time too with its zone, so an operator can match it to the clock they see (user26: before, a
 * Los Angeles server at 09:00 was told "now (2026-12-08 01:00:00)", a day and hour its clock never
 * showed). `zh`/`en`: "北京时间 2026-12-08 01:00:00" / "2026-12-08 01:00:00 Beijing time"; `mine`:
 * "本机时钟 America/Los_Angeles 2026-12-07 09:00:00" / "2026-12-07 09:00:00 by this computer's clock,
 * America/Los_Angeles", undefined when the two wall times are the same.
 */
export function clockShown(tz: TimeZone, t: number): { zh: string; en: string; mine?: { zh: string; en: string } } {
  const at = tz.format(t);
  const z = zoneWords(tz);
  const shown = { zh: `${z.zh} ${at}`, en: `${at} ${z.en}` };
  const m = machineWall(t);
  if (m.at === at) return shown;
  return { ...shown, mine: { zh: `本机时钟${m.zone ? ` ${m.zone}` : ''} ${m.at}`, en: `${m.at} by this computer's clock${m.zone ? `, ${m.zone}` : ''}` } };
}

/**
 * parseTime's months (years of 100 or more), by y × 16 + mo in slot (y × 16 + mo) & 63 (four years
 * of months without two in one slot): the key (-1: none), the day number of the 1st (days since
 * 1970) and the month's length. A big export's times fall in few months; its four time columns are
 * days apart, so one kept day (as before) was found again for one time in three (issue 21).
 */
const monthKey = new Int32Array(64).fill(-1);
const monthStart = new Float64Array(64);
const monthLength = new Int32Array(64);

export function parseTime(text: string, tz: TimeZone): number | null | undefined {
  if (text === '') return null;
  if (text.length === 19 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45 && text.charCodeAt(10) === 32 && text.charCodeAt(13) === 58 && text.charCodeAt(16) === 58) {
    // The export's own format, parsed without a regular expression (the hot path on big files):
    // every other character a digit (two at a time; -1 when one is not).
    const y1 = twoDigits(text, 0);
    const y2 = twoDigits(text, 2);
    const mo = twoDigits(text, 5);
    const d = twoDigits(text, 8);
    const h = twoDigits(text, 11);
    const mi = twoDigits(text, 14);
    const s = twoDigits(text, 17);
    if ((y1 | y2 | mo | d | h | mi | s) < 0 || h > 23 || mi > 59 || s > 59) return undefined;
    const y = y1 * 100 + y2;
    const off = tz.fixedOffset;
    // Years 0–99 go the long way (fromWall reads them as Date.UTC does), as do zones with daylight saving.
    if (mo < 1 || mo > 12) return undefined;
    if (off === undefined || y < 100) {
      if (d < 1 || d > daysInMonth(y, mo)) return undefined;
      return tz.fromWallExact(y, mo, d, h, mi, s);
    }
    // (A month of 13 or more would share a key with another year's month: refused above.)
    const key = y * 16 + mo;
    const slot = key & 63;
    if (monthKey[slot] !== key) {
      monthKey[slot] = key;
      monthStart[slot] = daysFromCivil(y, mo, 1);
      monthLength[slot] = daysInMonth(y, mo);
    }
    if (d < 1 || d > monthLength[slot]!) return undefined;
    return (monthStart[slot]! + d - 1) * DAY_MS + h * HOUR_MS + mi * 60_000 + s * 1000 - off;
  }
  const m = DATE_RE.exec(text) ?? CN_DATE_RE.exec(text);
  if (!m) return undefined;
  const y = +m[1]!;
  const mo = +m[2]!;
  const d = +m[3]!;
  const h = m[4] ? +m[4] : 0;
  const mi = m[5] ? +m[5] : 0;
  const s = m[6] ? +m[6] : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  if (m[7]) {
    const z = m[7];
    const naive = Date.UTC(y, mo - 1, d, h, mi, s);
    if (z === 'Z') return naive;
    const sign = z[0] === '-' ? -1 : 1;
    const digits = z.slice(1).replace(':', '');
    return naive - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return tz.fromWallExact(y, mo, d, h, mi, s);
}

/**
 * The Chinese forms an operator types for a time option (`--as-of`), beyond the exports' own
 * (CN_DATE_RE): the hour with 点 or 时, alone or with minutes and seconds, `半`, and 上午/下午:
 * `2026年11月20日12点`, `2026年11月20日 12点30分`, `2026年11月20日12点半`, `2026年11月20日下午3点`.
 * Only for options: export cells keep parseTime (an hour alone there would need its own slack).
 * Minutes without 分 take two digits (`12点5` is no time: 12:05 or 12:50?).
 */
const CN_WHEN_RE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]\s*(上午|下午)?\s*(\d{1,2})\s*[点时](?:\s*(整|半)|\s*(\d{1,2})\s*分(?:\s*(\d{1,2})\s*秒)?|\s*(\d{2}))?$/;

/** A month and day, or a day and a time, with no year (`11月20日`, `11月20日12点`, `11-20 12:00`). */
const NO_YEAR_RE = /^\d{1,2}\s*月\s*\d{1,2}\s*[日号]?(?:\s|[上下]午|\d|$)|^\d{1,2}[-/.]\d{1,2}(?:\s|$)/;

/**
 * A time given as an option (`--as-of`) in `tz`: parseTime's forms and CN_WHEN_RE's; 'no-year' for
 * a month and day without the year (never guessed: refused, saying so); 'noon-or-midnight' for
 * 上午12点 / 下午12点 and their minutes (下午12点半); undefined for anything else.
 */
export function parseWhen(text: string, tz: TimeZone): number | undefined | 'no-year' | 'noon-or-midnight' {
  const t = parseTime(text, tz);
  if (typeof t === 'number') return t;
  const m = CN_WHEN_RE.exec(text);
  if (m) {
    const y = +m[1]!;
    const mo = +m[2]!;
    const d = +m[3]!;
    let h = +m[5]!;
    // 上午 0–11 as written; 下午 1–11 are 13–23. 上午12点 / 下午12点 (midnight or noon?) are no time,
    // with their half hour and minutes alike (下午12点半: 12:30 or 00:30?): 'noon-or-midnight', so the
    // refusal says why (until 2026-12 it said only "not a valid time").
    if (m[4] !== undefined && h === 12) return 'noon-or-midnight';
    if (m[4] === '上午' && h > 11) return undefined;
    if (m[4] === '下午') {
      if (h < 1 || h > 11) return undefined;
      h += 12;
    }
    const mi = m[6] === '半' ? 30 : m[7] !== undefined ? +m[7] : m[9] !== undefined ? +m[9] : 0;
    const sec = m[8] !== undefined ? +m[8] : 0;
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59) return undefined;
    return tz.fromWallExact(y, mo, d, h, mi, sec);
  }
  return NO_YEAR_RE.test(text) ? 'no-year' : undefined;
}

/**
 * Why parseTime refused a well-formed wall-clock time: 'skipped' when it falls in the hour `tz`'s
 * clocks skip going forward, 'repeated' when it falls in the hour they repeat going back (which of
 * the two instants is meant cannot be told). undefined for anything else (not a time, a bad date,
 * an explicit offset, a zone without daylight saving).
 */
export function clockChange(text: string, tz: TimeZone): 'skipped' | 'repeated' | undefined {
  if (tz.fixedOffset !== undefined) return undefined;
  const m = DATE_RE.exec(text) ?? CN_DATE_RE.exec(text);
  if (!m || m[7]) return undefined;
  const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  const [h, mi, s] = [m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  if (tz.fromWallExact(y, mo, d, h, mi, s) !== undefined) return undefined;
  // The instant fromWall settles on shows the time written when the hour exists (twice), another one when skipped.
  const w = tz.wall(tz.fromWall(y, mo, d, h, mi, s));
  return w.h === h && w.mi === mi && w.d === d ? 'repeated' : 'skipped';
}

/**
 * A spreadsheet's date serial number: the day count it shows for a date-time cell whose date format
 * was taken off (set to General / 常规 or Number: `46336.375` for 2026-11-10 09:00:00). 36526–73050
 * (2000-01-01 to 2099-12-31 in the 1900 date system), a fraction for the time of day. Never converted:
 * where the count starts (1900 or 1904, a spreadsheet's setting) is not in a csv, and a fraction shown
 * with fewer digits has lost its seconds; the refusal says what it is and how to save the column.
 */
export function serialDate(text: string): boolean {
  if (!/^\d{5}(?:\.\d+)?$/.test(text)) return false;
  const n = Number(text);
  return n >= 36526 && n <= 73050;
}

/** What to say of a serialDate cell (zh, en): after "… is not a valid time: ". */
export const SERIAL_DATE_NOTE = {
  zh: '这是电子表格的日期序列号 (从 1900 或 1904 年起的天数: 这一列的日期格式被去掉了, 如设成了"常规"或"数值"); 不换算 (从哪年起算取决于软件的设置, 秒也可能已被舍去); 保存前把这一列设为日期格式 yyyy-mm-dd hh:mm:ss, 或重新下载导出',
  en: "it is a spreadsheet's date serial number (days since 1900 or 1904: the column's date format was taken off, e.g. set to General or Number); it is not converted (where the count starts is the spreadsheet's setting, and the seconds may be rounded off); give the column a date format such as yyyy-mm-dd hh:mm:ss before saving, or download the export again",
};

/**
 * The reason a time was refused when more can be said than "not a valid time": a clock change in
 * --tz (clockChangeReason), or a spreadsheet's date serial number (serialDate); undefined otherwise.
 */
export function refusedTimeReason(text: string, tz: TimeZone, typed = text): { zh: string; en: string } | undefined {
  const clock = clockChangeReason(text, tz, typed);
  if (clock) return clock;
  // A month and day typed without the year (12月3日, 12月3日 9:12, 12-03): said so, and what to write
  // (user18: "not a valid time (expected 2026-11-20 14:03:00)" did not say the year was what was missing).
  if (NO_YEAR_RE.test(text)) {
    return {
      zh: `"${typed}" 没有年份, storeops 不猜是哪一年; 在这一格写上年份再运行, 写成 年-月-日 时:分:秒 (如 2026-11-20 14:03:00) 或 2026年11月20日 14:03:00`,
      en: `"${typed}" has no year, and storeops never guesses the year; write the year into this cell and run again, as year-month-day hour:minute:second (e.g. 2026-11-20 14:03:00) or 2026年11月20日 14:03:00`,
    };
  }
  if (!serialDate(text)) return undefined;
  return { zh: `"${typed}" 不是有效的时间: ${SERIAL_DATE_NOTE.zh}`, en: `"${typed}" is not a valid time: ${SERIAL_DATE_NOTE.en}` };
}

/**
 * The reason a time was refused, when it was for a clock change in --tz (zh, en); undefined otherwise.
 * `typed`: the cell as the file has it (２０２６－０３－０８ ０２：３０：００) when `text` is its half-width
 * reading, so the message quotes what can be found in the file; the suggested offsets stay in ASCII.
 */
export function clockChangeReason(text: string, tz: TimeZone, typed = text): { zh: string; en: string } | undefined {
  const c = clockChange(text, tz);
  if (!c) return undefined;
  const before = withOffset(tz, text, 'before');
  const after = withOffset(tz, text, 'after');
  text = typed;
  return c === 'skipped'
    ? {
        zh: `"${text}" 在时区 ${tz.name} 中不存在 (夏令时开始时钟拨快, 跳过了这段时间); 核对这个时间, 或写明时差, 例如 "${after}"`,
        en: `"${text}" does not exist in ${tz.name} (the clocks skipped it going forward); check the time, or write its offset, e.g. "${after}"`,
      }
    : {
        zh: `"${text}" 在时区 ${tz.name} 中出现两次 (夏令时结束时钟拨回), 无法确定是哪一次; 写明时差, 例如 "${before}" 或 "${after}"`,
        en: `"${text}" happens twice in ${tz.name} (the clocks went back), so which one is meant cannot be told; write its offset, e.g. "${before}" or "${after}"`,
      };
}

/** The wall time written, as `YYYY-MM-DD HH:mm:ss ±HH:MM` with the zone's offset a day before or after it (the two sides of its clock change). */
function withOffset(tz: TimeZone, text: string, side: 'before' | 'after'): string {
  const m = (DATE_RE.exec(text) ?? CN_DATE_RE.exec(text))!;
  const f = [+m[1]!, +m[2]!, +m[3]!, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0] as const;
  const naive = Date.UTC(f[0], f[1] - 1, f[2], f[3], f[4], f[5]);
  const off = tz.offsetAt(naive + (side === 'before' ? -DAY_MS : DAY_MS)) / 60_000;
  const a = Math.abs(off);
  return `${f[0]}-${p2(f[1])}-${p2(f[2])} ${p2(f[3])}:${p2(f[4])}:${p2(f[5])} ${off < 0 ? '-' : '+'}${p2(Math.floor(a / 60))}:${p2(a % 60)}`;
}

/**
 * The export's own text (`YYYY-MM-DD HH:mm:ss`) of a wall-clock time given as whole seconds since
 * 1970-01-01 00:00:00 of the same wall clock (no zone), as the byte scanner hands a time cell over
 * (scan.ts wallSecondsAt; years 1970–2037): the cell's text exactly, for the general path and its messages.
 */
export function wallText(w: number): string {
  const days = Math.floor(w / 86_400);
  const sod = w - days * 86_400;
  // H. Hinnant's civil_from_days.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mo = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (mo <= 2 ? 1 : 0);
  const h = Math.floor(sod / 3600);
  const mi = Math.floor((sod % 3600) / 60);
  return `${y}-${p2(mo)}-${p2(d)} ${p2(h)}:${p2(mi)}:${p2(sod % 60)}`;
}

/** The number written in text[from, from + 2), or -1 when a character is not a digit. */
function twoDigits(text: string, from: number): number {
  const a = text.charCodeAt(from) - 48;
  const b = text.charCodeAt(from + 1) - 48;
  return a >>> 0 > 9 || b >>> 0 > 9 ? -1 : a * 10 + b;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, mo: number): number {
  if (mo === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return 29;
  return MONTH_DAYS[mo - 1]!;
}

/** Wall-clock calendar days later in `tz`, same time of day (month ends and leap years by the calendar). */
export function addDays(t: number, days: number, tz: TimeZone): number {
  const w = tz.wall(t);
  return tz.fromWall(w.y, w.mo, w.d + days, w.h, w.mi, w.s);
}

/** Hours between two instants, as a number with one decimal (for display only). */
export function hoursBetween(from: number, to: number): number {
  return Math.round((to - from) / 360_000) / 10;
}

/** Earliest plausible platform timestamp: Taobao opened in 2003; 1970 is an empty cell a spreadsheet made 0. */
export const EARLIEST_PLAUSIBLE = Date.UTC(2003, 0, 1);

/**
 * Latest plausible timestamp: a day after the later of --as-of and the real clock. Later is a
 * mangled cell, not a future event (and not --as-of alone, so an old month can be re-run).
 */
export function latestPlausible(asOf: number, now: number): number {
  return Math.max(asOf, now) + DAY_MS;
}

/**
 * Why a time outside EARLIEST_PLAUSIBLE..`last` is refused. `what`: the time's name (时间 / time,
 * 评价时间 / review time …); `now`: the later of --as-of and this computer's clock (latestPlausible's
 * base). A time after `last` names the clock: a machine whose clock is wrong by a year (a dead
 * battery, a restored VM snapshot) rejected every row of a fresh export as "implausible (before
 * 2003 or in the future)", which left the operator looking at an export whose times are not in the
 * future at all (guard44).
 */
/** The words every "in the future" reason of implausibleTimeReason's holds (English text): RejectLog counts them. */
export const FUTURE_REASON_EN = 'is implausible (in the future:';

export function implausibleTimeReason(what: { zh: string; en: string }, raw: string, t: number, last: number, now: number, tz: TimeZone): { zh: string; en: string } {
  if (t < EARLIEST_PLAUSIBLE) return { zh: `${what.zh} "${raw}" 不合理 (早于 2003 年)`, en: `${what.en} "${raw}" is implausible (before 2003)` };
  const days = Math.round((last - now) / DAY_MS);
  const ahead = days <= 1 ? { zh: '一天', en: 'a day' } : { zh: `${days} 天`, en: `${days} days` };
  // "Now" named in its zone, with this computer's own clock beside it when that shows another wall
  // time (clockShown): a Los Angeles server's operator was shown a Beijing time as "this computer's clock".
  const c = clockShown(tz, now);
  return {
    zh: `${what.zh} "${raw}" 不合理 (在未来: 比现在 ${c.zh} (${c.mine ? c.mine.zh : '按本机时钟'}, 或更晚的 --as-of) 晚${ahead.zh}以上; 若本机时钟不对, 请校准时钟, 或给出 --as-of)`,
    en: `${what.en} "${raw}" ${FUTURE_REASON_EN} more than ${ahead.en} after now, ${c.en}${c.mine ? ` (${c.mine.en})` : " by this computer's clock"}, or --as-of if later; if the clock is wrong, set it, or give --as-of)`,
  };
}

/**
 * How far past latestPlausible a promised ship time (抖店/拼多多 承诺发货时间, 抖店 预约发货时间) may lie.
 * A promise is a future event by nature: an order paid an hour ago promises 48 h ahead, a presale or
 * custom-made one weeks ahead; until 2026-12 such a cell more than a day ahead was rejected as
 * implausible, and every fresh 抖店 download had rejected rows (exit 3 under --strict). A year: a
 * mangled cell (2062) is still refused, as a promise so far out would make its order never late.
 */
export const PROMISE_AHEAD_MS = 366 * DAY_MS;
