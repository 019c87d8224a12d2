// Output columns: one declaration drives headers in both languages and how each cell is written.
import type { Lang } from '../errors.js';
import { Money, fmtMoney } from '../money.js';
import type { TimeZone } from '../time.js';

export type CellType =
  | 'text' // free text: formula-escaped in spreadsheet formats
  | 'id' // long numbers kept as text (order ids, tracking numbers)
  | 'money' // Decimal or string; two places; JSON string
  | 'time' // epoch ms; `YYYY-MM-DD HH:mm:ss` in --tz, JSON ISO 8601 with offset
  | 'date' // `YYYY-MM-DD` string
  | 'hours' // number of hours, one decimal
  | 'int'
  | 'number'
  | 'percent' // a text `30%` (`2.5%`) in csv/tsv/table/JSON; in xlsx the number 0.3 shown as a percentage
  | 'list' // string[]; `;` in a cell, array in JSON
  | 'bool';

/**
 * zh labels of an enumerated column's codes (`final` → 确定). zh output (table, csv, tsv, xlsx)
 * shows the label; en output and JSON keep the stable English code. A code `prefix:detail` or
 * `prefix=detail` whose prefix has a label shows as `label:detail`; an unknown code stays as it is.
 */
export type Labels = Readonly<Record<string, string>>;

export interface Column {
  key: string;
  zh: string;
  en: string;
  type?: CellType;
  labels?: Labels;
  /**
   * In the short terminal view: a column an operator acts on (the table shows all with --wide);
   * 'filled': only when some row has a value in it (a line id, present only for an item report);
   * 'varied': only when the rows hold two or more different values (the shop of a run of two shops).
   */
  brief?: boolean | 'filled' | 'varied';
  /**
   * Never cut in the terminal table, though text: the row's key, what the user types next (a rule
   * set id, an agent) or reads exactly (a date). Other text columns are cut instead.
   */
  whole?: boolean;
  /**
   * Only storeops' own codes and figures, never shop data (a roster grid's D/H/N/O, staff counts and
   * service levels `81.1%`; a template's shift times `09:00`): written as they are for a spreadsheet
   * to read as what they are (a percentage, a time), never wrapped as `="…"` (escape.ts
   * textForSpreadsheet, which keeps shop text such as a buyer nick `50%` as written). Still
   * formula-escaped.
   */
  own?: boolean;
  /**
   * In the terminal table, a cell wider than its column goes on over the next lines instead of
   * being cut (the value of a field/value list: nothing in it may be lost).
   */
  wrap?: boolean;
  /**
   * A shorter header for the terminal table, used only when the table does not fit the terminal's
   * width on one line with the full headers (headers are never cut: 最长延迟(小… read as nothing):
   * the wording another table uses for the same figure (the voucher's 最长延迟(小时) as --by order's
   * 延迟(小时)). csv/json/xlsx always carry the full header.
   */
  short?: { zh: string; en: string };
  /**
   * 'hours': which way to the tenth. 'up' for lateness (an order 1 s late shows 0.1, never 0.0, and
   * 72 h 1 s shows 72.1, as the "more than 72 h" tier it is in); 'down' for time left (never more
   * than there is); unset: to the nearest tenth.
   */
  round?: 'up' | 'down';
}

/** Hours in tenths, rounded as the column says. Hours come from whole milliseconds, so an excess over a tenth is at least 1 ms (0.0028 tenths); the 1e-7 tolerance only absorbs the division's rounding error. */
export function tenths(hours: number, round: Column['round']): number {
  const x = hours * 10;
  const n = round === 'up' ? Math.ceil(x - 1e-7) : round === 'down' ? Math.floor(x + 1e-7) : Math.round(x);
  return n / 10;
}

/**
 * `tenths(hours, round).toFixed(1)`, written from the whole count of tenths (toFixed was the csv
 * writer's costliest cell: a voucher's maxHoursLate differs from row to row). The same text for
 * every count up to 10^12 tenths (the double n/10 is then within 0.0001 of it, so toFixed(1)
 * gives n's digits), 0 and -0 as `0.0`; anything else (NaN, larger) by toFixed itself.
 */
export function tenthsText(hours: number, round: Column['round']): string {
  const x = hours * 10;
  const n = round === 'up' ? Math.ceil(x - 1e-7) : round === 'down' ? Math.floor(x + 1e-7) : Math.round(x);
  if (!(n >= -1e12 && n <= 1e12)) return (n / 10).toFixed(1);
  if (n === 0) return '0.0';
  const a = n < 0 ? -n : n;
  const whole = Math.floor(a / 10);
  return `${n < 0 ? '-' : ''}${whole}.${a - whole * 10}`;
}

export type Row = Record<string, unknown>;

export function header(col: Column, lang: Lang): string {
  return lang === 'zh' ? col.zh : col.en;
}

export interface CellContext {
  lang: Lang;
  tz: TimeZone;
}

/** A code as zh output shows it (see Labels); en keeps the code. */
export function labelOf(labels: Labels | undefined, code: string, lang: Lang): string {
  if (!labels || lang !== 'zh') return code;
  const hit = labels[code];
  if (hit !== undefined) return hit;
  const m = /^([^:=]+)([:=])(.*)$/s.exec(code);
  if (m && labels[m[1]!] !== undefined) return `${labels[m[1]!]}${m[2] === '=' ? '=' : ': '}${m[3]}`;
  return code;
}

/** The text of a cell in csv/tsv/table/xlsx (before formula escaping). */
export function cellText(col: Column, value: unknown, c: CellContext): string {
  if (value === null || value === undefined) return '';
  if (col.labels && c.lang === 'zh') {
    if (Array.isArray(value)) return value.map((v) => labelOf(col.labels, String(v), c.lang)).join(';');
    if (typeof value === 'string') return labelOf(col.labels, value, c.lang);
  }
  switch (col.type ?? 'text') {
    case 'money':
      return value instanceof Money ? fmtMoney(value) : typeof value === 'number' ? fmtMoney(new Money(value)) : String(value);
    case 'time':
      return typeof value === 'number' ? c.tz.format(value) : String(value);
    case 'hours':
      return typeof value === 'number' ? tenthsText(value, col.round) : String(value);
    case 'list':
      return Array.isArray(value) ? value.join(';') : String(value);
    case 'bool':
      if (typeof value !== 'boolean') return String(value);
      return c.lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
    default:
      return typeof value === 'string' ? value : String(value);
  }
}

/** The JSON value of a cell: money as string, times ISO with offset, lists as arrays. */
export function cellJson(col: Column, value: unknown, c: CellContext): unknown {
  if (value === null || value === undefined) return null;
  switch (col.type ?? 'text') {
    case 'money':
      return value instanceof Money ? fmtMoney(value) : typeof value === 'number' ? fmtMoney(new Money(value)) : String(value);
    case 'time':
      return typeof value === 'number' ? c.tz.iso(value) : value;
    case 'hours':
      return typeof value === 'number' ? tenths(value, col.round) : value;
    case 'list':
      return Array.isArray(value) ? value : [value];
    default:
      if (value instanceof Money) return value.toString();
      return value;
  }
}
