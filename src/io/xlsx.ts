// xlsx written to be opened and printed as it is: column widths from the content (CJK counts
// double), a bold frozen header row with a filter, times as real date-time cells on the output
// zone's wall clock, money as numbers shown `0.00`, landscape A4 fitted to the page width (a sheet
// too wide for that at a readable size across several pages, its id column repeated on each) with
// the header row repeated on every printed page.
//
// Streaming: a column's width must be known before its first row is written, so rows are spooled
// to a temporary file (one JSON line each) while the widths are measured, then replayed into the
// workbook. Memory stays flat whatever the row count.
import fs from 'node:fs';
import os from 'node:os';
import readline from 'node:readline';
import type { Workbook } from 'exceljs';
import { type CellContext, type Column, type Row, cellText, header, labelOf } from './columns.js';
import { XLSX_MAX_CELL } from './records.js';
import { type ByteSink, copyFileInto, registerTemp, releaseTemp, tempName } from './sink.js';
import { displayWidth } from './width.js';
import { OutputError, StoreopsError, msg } from '../errors.js';
import { fileProblem } from './fsproblem.js';

/** Opens where the finished workbook goes: -o (atomically, through the output layer) or stdout. */
export type OpenSink = () => ByteSink;

/** Excel column-width units per display column, and what a column needs on top of its text. */
const PAD = 2;
/** The filter drop-down button in the header cell takes about three characters. */
const FILTER_BUTTON = 3;
/** Bold text is a little wider than regular. */
const BOLD = 1.1;
/** Longer text wraps inside a column this wide rather than making the page unreadably small. */
export const WRAP_AT = 50;

export const NUM_FMT = {
  money: '0.00',
  hours: '0.0',
  int: '0',
  time: 'yyyy-mm-dd hh:mm:ss',
  date: 'yyyy-mm-dd',
  text: '@',
} as const;

/** A4 landscape: 297 mm = 841.89 pt wide, less the 0.4 in (28.8 pt) margins left and right. */
const PRINTABLE_PT = 841.89 - 2 * 28.8;
/**
 * The smallest print scale a sheet is fitted to one page width at: 11 pt text at 55 % prints at
 * 6 pt. Fitted to one A4 width, the reviews queue's 29 columns printed at about 3-4 pt, the 甄检
 * estimate's 33 and orders normalize's 35 no larger: unreadable. A sheet that needs less than this
 * prints across several pages instead.
 */
export const MIN_FIT_SCALE = 0.55;
/** The scale a sheet printed across several pages is laid out at (11 pt text prints at about 8 pt). */
export const ACROSS_SCALE = 0.7;

/**
 * A column `width` Excel units wide, in points: Excel's pixels for the default font (Calibri 11,
 * 7-pixel digits: trunc((256·w + trunc(128/7)) / 256 · 7)), at 96 pixels to 72 points.
 */
export function columnPt(width: number): number {
  return (Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7) * 72) / 96;
}

/**
 * How many A4 landscape pages wide `widths` print at `scale`: a page breaks between columns, and
 * the columns repeated at the left of every page (`repeat`, indexes) take their room from each
 * later page.
 */
export function pagesAcross(widths: readonly number[], scale: number, repeat: readonly number[] = []): number {
  return pageLayout(widths, scale, repeat).used.length;
}

/**
 * Where `widths` print at `scale` (pagesAcross): each column's page (0 the first) and the points each
 * page's columns take, the repeated ones included on the pages after the first.
 */
export function pageLayout(widths: readonly number[], scale: number, repeat: readonly number[] = []): { page: number[]; used: number[] } {
  const pt = widths.map((w) => columnPt(w) * scale);
  const titles = repeat.reduce((a, i) => a + (pt[i] ?? 0), 0);
  const page: number[] = [];
  const used = [0];
  for (const w of pt) {
    if (used.at(-1)! > 0 && used.at(-1)! + w > PRINTABLE_PT) used.push(titles);
    used[used.length - 1]! += w;
    page.push(used.length - 1);
  }
  return { page, used };
}

/** The share of a page's printable width widenWrapped fills. */
const ROOM_USED = 0.97;

/**
 * Wrapped text columns of a sheet printed across pages, made wider into the room left on the page
 * they print on (at ACROSS_SCALE), up to their widest line (`want`, Excel
 * units): the page breaks stay where they were, so no page is added, and the rows are fewer lines tall. The 甄检 estimate's 提醒
 * (a few sentences a product, wrapped at WRAP_AT = 50) made every row of its three pages across four
 * to nine lines tall while its own page was a third empty: 40 女装 products printed on 15 pages (陈姐:
 * "48 pages"). Repeated columns (`repeat`) are left as they are: they print on every page.
 */
export function widenWrapped(widths: readonly number[], want: readonly (number | undefined)[], repeat: readonly number[] = []): number[] {
  const out = [...widths];
  // At ACROSS_SCALE, the scale the sheet is laid out across pages at (8 pt print): Excel and LibreOffice
  // print a sheet with room on its pages larger (about 90 % here), and widened into the room left at
  // that scale the 提醒 gained 5 units, 40 products still 12 pages.
  const scale = ACROSS_SCALE;
  const { page, used } = pageLayout(widths, scale, repeat);
  // A little kept back: a spreadsheet program's column widths in points differ from columnPt's by a
  // point or two, and a page filled to the last point would make it print the sheet smaller.
  const room = used.map((u) => PRINTABLE_PT * ROOM_USED - u);
  const grows = (i: number) => want[i] !== undefined && !repeat.includes(i) && out[i]! < Math.min(want[i]!, MAX_COL_WIDTH);
  // One unit at a time, round the page's wrapped columns, so two share the room.
  for (let more = true; more; ) {
    more = false;
    for (let i = 0; i < out.length; i++) {
      if (!grows(i)) continue;
      const extra = (columnPt(out[i]! + 1) - columnPt(out[i]!)) * scale;
      if (extra > room[page[i]!]!) continue;
      room[page[i]!]! -= extra;
      out[i]!++;
      more = true;
    }
  }
  return out;
}

/** Excel's letters for column `i` (0: A, 25: Z, 26: AA). */
function colLetters(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Page setup shared by every sheet storeops writes: landscape A4, the rows `titleRows` repeated at
 * the top of every page. `columns` (the column widths): fitted to one page width when that prints
 * at MIN_FIT_SCALE or larger, else fitted to as many pages wide as the columns take at ACROSS_SCALE
 * (so printed no smaller than that), with the row's id column (`idColumn`, an index) repeated at
 * the left of every page: the columns from A to it when they take at most a quarter of the page
 * (the queue's priority and order id), else that column alone. Without `columns`, fitted to one
 * page width.
 */
export function printSetup(titleRows?: string, columns?: { widths: readonly number[]; idColumn?: number }) {
  const { across, repeat } = printPlan(columns);
  return {
    paperSize: 9, // A4
    orientation: 'landscape' as const,
    fitToPage: true,
    fitToWidth: across && columns ? pagesAcross(columns.widths, ACROSS_SCALE, repeat) : 1,
    fitToHeight: 0, // as many pages down as the rows need
    // Across pages, the pieces of the same rows print one after the other (rows 1-20 columns A-P, then
    // rows 1-20 columns Q-AG, …) to lay side by side; Excel's default, down then over, printed every row's
    // first piece before any second one (the 甄检 estimate's 提醒 five pages after its product).
    ...(across ? { pageOrder: 'overThenDown' as const } : {}),
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.25, footer: 0.25 },
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
    ...(repeat.length ? { printTitlesColumn: `${colLetters(repeat[0]!)}:${colLetters(repeat.at(-1)!)}` } : {}),
  };
}

/**
 * Whether a sheet of these column widths prints across pages (printSetup), and the columns repeated at
 * the left of each page then.
 */
export function printPlan(columns?: { widths: readonly number[]; idColumn?: number }): { across: boolean; repeat: number[] } {
  const total = columns ? columns.widths.reduce((a, w) => a + columnPt(w), 0) : 0;
  const across = columns !== undefined && total > 0 && PRINTABLE_PT / total < MIN_FIT_SCALE;
  let repeat: number[] = [];
  if (across && columns.idColumn !== undefined && columns.idColumn >= 0 && columns.idColumn < columns.widths.length) {
    const id = columns.idColumn;
    const lead = columns.widths.slice(0, id + 1).reduce((a, w) => a + columnPt(w) * ACROSS_SCALE, 0);
    repeat = lead <= PRINTABLE_PT / 4 ? [...Array(id + 1).keys()] : [id];
  }
  return { across, repeat };
}

/**
 * The column that names a row, repeated at the left of every page of a sheet printed across pages:
 * the first id column (an order id, an item id), else the first column (compensate's voucherKey, a
 * roster's agent, orders inspect's file). Until 2026-12 a sheet without an id column repeated none:
 * the English vouchers sheet (22 columns) printed its second page without saying whose voucher each
 * row was.
 */
export function keyColumn(columns: readonly Pick<Column, 'type'>[]): number {
  const id = columns.findIndex((col) => col.type === 'id');
  return id >= 0 ? id : 0;
}

/** A cell for the sheet: the typed value and the text it shows (to measure its width). */
export interface XlsxCell {
  value: string | number | Date | null;
  shown: string;
  /** A number format of this cell's own, when it is not the column's (a date alone in a time column). */
  numFmt?: string;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The value of one cell. Text (ids too) stays text and is never a formula, so it needs no `'`
 * prefix; numbers are numbers; times are Dates whose UTC fields are the wall clock in c.tz
 * (which is how a spreadsheet stores a date-time: no zone).
 */
export function xlsxCell(col: Column, v: unknown, c: CellContext): XlsxCell {
  if (v === null || v === undefined) return { value: null, shown: '' };
  const t = cellText(col, v, c);
  switch (col.type ?? 'text') {
    case 'money':
    case 'hours':
    case 'int':
    case 'number': {
      // A money value has at most two places: exact in a double's shortest form.
      const n = Number(t);
      return Number.isFinite(n) && t.trim() !== '' ? { value: n, shown: t } : { value: t, shown: t };
    }
    case 'percent': {
      // `30%` is the number 0.3 with a percent format of as many places as the text has (`2.5%`:
      // 0.0%), so a spreadsheet computes with it; as text it was Excel's "number stored as text".
      const m = /^(-?\d+(?:\.(\d+))?)%$/.exec(t.trim());
      if (!m) return { value: t, shown: t };
      return { value: Number(m[1]) / 100, shown: t, numFmt: m[2] ? `0.${'0'.repeat(m[2].length)}%` : '0%' };
    }
    case 'time': {
      if (typeof v === 'number') {
        const sec = Math.floor(v / 1000) * 1000;
        return { value: new Date(sec + c.tz.offsetAt(sec)), shown: t };
      }
      // A time known only as its date (a review dated 2026-11-20, an expiry typed as a date) is a
      // date cell shown as the date alone: as text it sorted after every date in a spreadsheet
      // (text sorts after numbers) and fell outside a date filter. Read back, a date cell at 00:00 is
      // the date alone again (docs/rules.md §2.3).
      const d = DATE_ONLY.exec(t);
      return d ? { value: new Date(Date.UTC(+d[1]!, +d[2]! - 1, +d[3]!)), shown: t, numFmt: NUM_FMT.date } : { value: t, shown: t };
    }
    case 'date': {
      const m = DATE_ONLY.exec(t);
      return m ? { value: new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)), shown: t } : { value: t, shown: t };
    }
    case 'list':
      // One item per line (the column wraps): a list of 19-digit ids stays one id wide.
      if (Array.isArray(v)) {
        const lines = packList(v.map((x) => labelOf(col.labels, String(x), c.lang))).join('\n');
        return { value: lines, shown: lines };
      }
      return { value: t, shown: t };
    default:
      return { value: t, shown: t };
  }
}

/** Thin light-grey lines around every cell, so a printed sheet reads across (no print gridlines needed). */
export const GRID = (() => {
  const side = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
  return { top: side, left: side, bottom: side, right: side };
})();
export const HEAD_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE7E6E6' } };

/** Points per line of 11-point text, for rows that show more than one line. */
export const LINE_PT = 15;
/**
 * Points per line holding Chinese (or other wide) characters: CJK fonts set 11-point text taller
 * (LibreOffice with Noto CJK cut the fifth line of a 75-pt, five-line 检测项目 cell). 16, not 18
 * (until 2026-12): Noto Sans CJK, the tallest of the common CJK fonts, sets 11-point lines 16.0 pt
 * apart in LibreOffice (pdftotext -bbox of a render; WenQuanYi Micro Hei 12.9 pt, Excel's 等线 about
 * 14.25), so 16 holds every line and 18 left the reviews queue's 4-line rows 20 pt too tall.
 */
export const WIDE_LINE_PT = 16;

/**
 * The workbook's own font (exceljs writes Calibri 11, theme colour 1, as the default), made bold: the
 * header row's font. Written as `{ bold: true }` alone it was a font with no name and no size, which
 * LibreOffice filled with a serif of its own (DejaVu Serif Bold: the header row in another typeface
 * than the rows under it; Excel takes the missing parts from the default font, so nothing changes there).
 */
export const BODY_FONT = { name: 'Calibri', size: 11, family: 2, scheme: 'minor' as const, color: { theme: 1 } };
export const BOLD_FONT = { ...BODY_FONT, bold: true };

/** Points per line of `text`: taller when it holds wide (Chinese) characters. */
function linePt(text: string, width = displayWidth(text)): number {
  return width > [...text].length ? WIDE_LINE_PT : LINE_PT;
}

/** A wrapped cell's text in a column `width` wide: its lines (wrapped at `width`, a line break starting a new one) and their height in points. */
export function heightOf(shown: string, width: number): { lines: number; pt: number } {
  let lines = 0;
  let pt = 0;
  for (const line of shown.split(/\r\n|[\r\n]/)) {
    const w = displayWidth(line);
    const n = Math.max(1, Math.ceil((w + PAD) / width));
    lines += n;
    pt += n * linePt(line, w);
  }
  return { lines, pt };
}
/** Excel's highest row, in points. */
const MAX_ROW_PT = 409;
/** Excel's widest column, in characters. */
const MAX_COL_WIDTH = 255;

/**
 * A list's lines: one item per line while they fit Excel's highest row (409 pt: 27 lines of ids,
 * 25 of Chinese), else as few items per line, joined by `; `, as make them fit. A row cannot be
 * taller, and what a cell holds below it is neither shown nor printed: a voucher of 45 late orders
 * printed 32 of its ids (LibreOffice; 27 in Excel), and `orders inspect`'s 46 unused columns of a
 * Taobao export 32. The column is then as wide as the longest line (tableXlsx), so no line wraps.
 */
export function packList(items: string[]): string[] {
  const pt = items.some((x) => displayWidth(x) > [...x].length) ? WIDE_LINE_PT : LINE_PT;
  const fit = Math.floor(MAX_ROW_PT / pt);
  if (items.length <= fit) return items;
  // No wider than Excel's widest column (255): past that many items, what the row cannot hold stays
  // below it (a list that long is whole in -f csv / json, as a cell cut at 32,767 characters is).
  const widest = Math.max(...items.map((x) => displayWidth(x))) + 2;
  const per = Math.max(1, Math.min(Math.ceil(items.length / fit), Math.floor((MAX_COL_WIDTH - PAD + 2) / widest)));
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += per) lines.push(items.slice(i, i + per).join('; '));
  return lines;
}

/**
 * A list's items (one a line) joined by `; ` into as few lines as a column `width` wide holds without
 * wrapping (heightOf: a line of w fits when w + PAD <= width), in their order; an item wider than the
 * column keeps a line of its own.
 */
export function packLines(items: readonly string[], width: number): string {
  const lines: string[] = [];
  for (const item of items) {
    const last = lines.at(-1);
    if (last !== undefined && displayWidth(`${last}; ${item}`) + PAD <= width) lines[lines.length - 1] = `${last}; ${item}`;
    else lines.push(item);
  }
  return lines.join('\n');
}

/** A4 landscape's height less the 0.5 in margins top and bottom (the footer prints inside them). */
const PRINTABLE_HEIGHT_PT = 595.28 - 2 * 36;
/** Up to this many rows a sheet printed across pages has its wrapped columns' widths chosen by fitWidths (a printed report; a longer sheet is not printed): the search costs about 0.5 s of CPU at 2,000 reviews, 0.1 s at 2,000 甄检 products. */
export const FIT_ROWS = 1000;

/**
 * How many pages down rows of these heights (points) print at ACROSS_SCALE, the header row (`headPt`)
 * repeated at the top of each: a row is never split across pages.
 */
export function pagesDown(heights: readonly number[], headPt: number): number {
  const room = PRINTABLE_HEIGHT_PT / ACROSS_SCALE - headPt;
  let pages = 1;
  let used = 0;
  for (const h of heights) {
    if (used > 0 && used + h > room) {
      pages++;
      used = 0;
    }
    used += h;
  }
  return pages;
}

/** A row as fitWidths sees it: the height its other cells need, and each chosen column's text (a list: its items). */
export interface FitRow {
  fixed: number;
  cells: (string | string[] | null)[];
}

/** A cell's height in points in a column `width` wide (`from`: the list column's width before, its items one a line at it). */
function fitHeight(cell: string | string[] | null, width: number, from: number): number {
  if (cell === null || cell === '' || (Array.isArray(cell) && cell.length === 0)) return LINE_PT;
  const text = Array.isArray(cell) ? (width > from ? packLines(cell, width) : cell.join('\n')) : cell;
  const h = heightOf(text, width);
  return h.lines > 1 ? Math.min(MAX_ROW_PT, h.pt) : LINE_PT;
}

/**
 * The widths of a sheet printed across pages whose wrapped columns (`want`: a column's widest line, a
 * list's widest list on one line; undefined for the others) print it on the fewest pages, and of
 * those with its rows the least tall: a row's height is one value for all its pieces, so the 甄检
 * estimate's 提醒 (a few sentences a product), squeezed into what its page left (40 products, en: 18
 * pages), made every piece of its rows as tall, pages 1 and 2 mostly empty cells; given a page of its
 * own when that prints fewer pages in all, its rows are a few lines tall. Column by column (three
 * rounds), each width from the one given up to its want (no wider than a page less the repeated
 * columns); a change is kept only when it prints fewer pages, or as many with less height. An estimate
 * at ACROSS_SCALE (pagesAcross × pagesDown): a spreadsheet program may print larger.
 */
export function fitWidths(widths: readonly number[], want: readonly (number | undefined)[], rows: readonly FitRow[], repeat: readonly number[], headPt: number): number[] {
  const out = [...widths];
  // Every column with a want is in a row's cells (fitRowsOf); those that can grow are tried wider.
  const chosen = want.map((w, i) => (w !== undefined ? i : -1)).filter((i) => i >= 0);
  const vary = chosen.filter((i) => want[i]! > widths[i]! && !repeat.includes(i));
  if (vary.length === 0) return out;
  const titles = repeat.reduce((a, i) => a + columnPt(widths[i]!) * ACROSS_SCALE, 0);
  const pageFit = (w: number) => columnPt(w) * ACROSS_SCALE + titles <= PRINTABLE_PT * ROOM_USED;
  const cache = new Map<string, number[]>();
  const heights = (k: number, w: number): number[] => {
    const key = `${k}:${w}`;
    let h = cache.get(key);
    if (!h) {
      h = rows.map((r) => fitHeight(r.cells[k]!, w, widths[chosen[k]!]!));
      cache.set(key, h);
    }
    return h;
  };
  const score = (ws: number[]): [number, number] => {
    const hs = rows.map((r, j) => chosen.reduce((m, c, k) => Math.max(m, heights(k, ws[c]!)[j]!), Math.max(LINE_PT, r.fixed)));
    return [pagesAcross(ws, ACROSS_SCALE, repeat) * pagesDown(hs, headPt), hs.reduce((a, h) => a + h, 0)];
  };
  let best = score(out);
  for (let round = 0; round < 3; round++) {
    let changed = false;
    vary.forEach((c) => {
      const top = Math.min(want[c]!, MAX_COL_WIDTH);
      for (let w = widths[c]!; w <= top && pageFit(w); w++) {
        if (w === out[c]) continue;
        const ws = [...out];
        ws[c] = w;
        const s = score(ws);
        if (s[0] < best[0] || (s[0] === best[0] && s[1] < best[1])) {
          best = s;
          out[c] = w;
          changed = true;
        }
      }
    });
    if (!changed) break;
  }
  return out;
}

/** The spooled rows as fitWidths reads them: the chosen columns' text (a list's items), and the height the other wrapped cells need. */
async function fitRowsOf(spool: string, columns: readonly Column[], want: readonly (number | undefined)[], wraps: readonly boolean[], widths: readonly number[]): Promise<FitRow[]> {
  const chosen = want.map((w, i) => (w !== undefined ? i : -1)).filter((i) => i >= 0);
  const out: FitRow[] = [];
  const rl = readline.createInterface({ input: fs.createReadStream(spool, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line) continue;
    const cells = JSON.parse(line) as unknown[];
    let fixed = 0;
    cells.forEach((v, i) => {
      if (!wraps[i] || want[i] !== undefined || typeof v !== 'string') return;
      const h = heightOf(v, widths[i]!);
      if (h.lines > 1) fixed = Math.max(fixed, Math.min(MAX_ROW_PT, h.pt));
    });
    out.push({
      fixed,
      cells: chosen.map((i) => {
        const v = cells[i];
        if (typeof v !== 'string') return null;
        return columns[i]!.type === 'list' ? v.split('\n') : v;
      }),
    });
  }
  return out;
}

function numFmtOf(col: Column): string | undefined {
  const type = col.type ?? 'text';
  if (type === 'money' || type === 'hours' || type === 'int' || type === 'time' || type === 'date') return NUM_FMT[type];
  if (type === 'text' || type === 'id' || type === 'list' || type === 'bool') return NUM_FMT.text;
  return undefined;
}

/** Width (Excel units) a header needs on one line (bold, with a filter button). */
export function headerWidth(text: string): number {
  return Math.ceil(displayWidth(text) * BOLD) + FILTER_BUTTON;
}

/**
 * Width a header needs on two lines: Chinese breaks between any two characters, English only at
 * a space (a one-word header such as `maxHoursLate` keeps its whole width).
 */
export function twoLineHeaderWidth(text: string): number {
  const chars = [...text];
  let best = headerWidth(text);
  for (let i = 1; i < chars.length; i++) {
    const a = chars.slice(0, i).join('');
    const b = chars.slice(i).join('');
    const cjkBreak = /[\u2e80-\u9fff\uff00-\uffef]/.test(chars[i - 1]! + chars[i]!);
    const spaceBreak = chars[i - 1] === ' ';
    if (!cjkBreak && !spaceBreak) continue;
    best = Math.min(best, Math.max(headerWidth(a.trimEnd()), headerWidth(b)));
  }
  return best;
}

/**
 * A column's width from its header and its widest cell: the header goes onto two lines when
 * that is all it needs the extra width for; text wider than WRAP_AT wraps.
 */
export function columnWidth(head: string, content: number): { width: number; wrapHeader: boolean; wrapCells: boolean } {
  if (content > WRAP_AT) return { width: Math.max(WRAP_AT, twoLineHeaderWidth(head)), wrapHeader: headerWidth(head) > WRAP_AT, wrapCells: true };
  const full = headerWidth(head);
  if (content >= full) return { width: content, wrapHeader: false, wrapCells: false };
  const two = noLoneClose(head, Math.max(content, twoLineHeaderWidth(head)), full, content);
  return { width: two, wrapHeader: two < full, wrapCells: false };
}

/** Closing punctuation, which must not start a line (a header's second line `)` alone). */
const CLOSING = /^[)\]}）】」』》〉〕，、。；：！？,.;:!?%]/u;

/**
 * The width `w` a two-line header was given, or one that wraps it well. A spreadsheet fills a wrapped
 * cell's first line with as much as fits, whatever break the width was worked out for: LibreOffice
 * drew compensate's `延迟(小时)` at width 9 (worked out as `延迟(` / `小时)`) as `延迟(小时` / `)`, and the
 * at-risk list's `剩余(小时)` the same (desk53, soffice → pdf). When the first line, filled with the
 * narrowest a renderer draws (display width: a Chinese character two units, LibreOffice ~2.05, Excel
 * ~2.1), leaves only closing punctuation for the second, the narrowest width ≥ `least` (the cells') whose first line
 * cannot take the next character (display width over it) while the first part fits bold and the
 * second bold with its filter button; none: `full` (one line).
 */
function noLoneClose(head: string, w: number, full: number, least: number): number {
  if (w >= full) return w;
  const chars = [...head];
  let n = 0;
  while (n < chars.length && displayWidth(chars.slice(0, n + 1).join('')) <= w) n++;
  if (n === chars.length || !CLOSING.test(chars.slice(n).join(''))) return w;
  let best = full;
  for (let i = 1; i < chars.length; i++) {
    const a = chars.slice(0, i).join('');
    const b = chars.slice(i).join('');
    if (CLOSING.test(b) || /\s$/.test(a)) continue;
    const need = Math.max(least, Math.ceil(displayWidth(a) * BOLD), headerWidth(b));
    if (displayWidth(a + chars[i]!) > need && need < best) best = need;
  }
  return best;
}

/** Width (Excel units) a text needs: its widest line, CJK counted double. */
export function textWidth(text: string): number {
  let w = 0;
  for (const line of text.split(/\r\n|[\r\n]/)) w = Math.max(w, displayWidth(line));
  return w + PAD;
}

// ---------------------------------------------------------------------------------------------

/** The ZIP of a workbook file, copied to where it goes. */
export async function deliver(open: OpenSink, tmp: string): Promise<void> {
  const sink = open();
  try {
    await copyFileInto(sink, tmp);
  } catch (e) {
    await sink.abort();
    throw e;
  }
}

/** A temporary file, created empty and 0600 (rows may hold personal data; /tmp is shared). */
export function tempPath(ext: string): string {
  const p = tempName(ext);
  try {
    fs.closeSync(fs.openSync(p, 'wx', 0o600));
  } catch (e) {
    throw tempError(e);
  }
  registerTemp(p);
  return p;
}

/**
 * A workbook is made in the temporary folder before it is put in place: a full or missing TMPDIR
 * (or `ulimit -f`) there was "internal error: ENOSPC: no space left on device, write … this is a
 * bug in storeops" (exit 70). Said as the folder it is, exit 5; an error of storeops' own passes.
 */
function tempError(e: unknown): unknown {
  if (e instanceof StoreopsError || typeof (e as NodeJS.ErrnoException)?.code !== 'string') return e;
  const dir = os.tmpdir();
  const why = fileProblem(e);
  return new OutputError(
    msg(`无法在临时文件夹 ${dir} 中写出 xlsx 工作簿: ${why.zh}; -o 指向的文件保持不变`, `cannot write the xlsx workbook in the temporary folder ${dir}: ${why.en}; the -o file is as it was`),
    msg(
      'xlsx 先在临时文件夹中生成再放到位: 请在那里腾出空间, 或用环境变量 TMPDIR 指定另一个有空间的文件夹 (如 TMPDIR=/var/tmp storeops …) 后重新运行; 或改用 -f csv。',
      'an xlsx is made in the temporary folder, then put in place: free some space there, or point the TMPDIR environment variable at a folder with room (TMPDIR=/var/tmp storeops …), and run again; or write -f csv.',
    ),
  );
}

export async function dropTemp(p: string): Promise<void> {
  await fs.promises.rm(p, { force: true });
  releaseTemp(p);
}

/** Save an in-memory workbook (small sheets: a roster) to -o or stdout. */
export async function saveWorkbook(open: OpenSink, wb: Workbook): Promise<void> {
  const tmp = tempPath('.xlsx');
  try {
    try {
      await wb.xlsx.writeFile(tmp);
    } catch (e) {
      throw tempError(e);
    }
    await deliver(open, tmp);
  } finally {
    await dropTemp(tmp);
  }
}

export interface TableXlsx {
  row(r: Row): Promise<void>;
  /** Writes the workbook; returns how many sheets the rows took, and the cells cut to Excel's limit. */
  close(): Promise<{ sheets: number; cut: CutCells }>;
  abort(): Promise<void>;
}

/** Cells cut to Excel's 32,767 characters: how many, and the first (its data row, 1 = the first under the header, and column header). */
export interface CutCells {
  count: number;
  first?: { row: number; column: string };
}

/**
 * A text longer than a cell holds (XLSX_MAX_CELL): Excel calls such a workbook damaged and, asked
 * to repair it, cuts the text without a word. Cut here instead, with a note in the cell saying
 * so: a list (one id a line) at a line break, so no id is shown half; never inside a surrogate pair.
 */
export function cutToCell(text: string, lang: string): string {
  if (text.length <= XLSX_MAX_CELL) return text;
  const note =
    lang === 'zh'
      ? `…（超出 Excel 单元格 ${XLSX_MAX_CELL} 个字符的上限, 其余未写入; 完整内容请用 -f csv 或 -f json 输出）`
      : `… (cut at Excel's ${XLSX_MAX_CELL}-character cell limit; the rest is in -f csv or -f json output)`;
  let keep = XLSX_MAX_CELL - note.length - 1;
  const nl = text.lastIndexOf('\n', keep);
  if (nl > 0) keep = nl;
  else if (/[\uD800-\uDBFF]/.test(text[keep - 1] ?? '')) keep--;
  return `${text.slice(0, keep)}\n${note}`;
}

/**
 * Data rows a sheet holds: Excel's limit is 1,048,576 rows, the header included. A spreadsheet
 * program cuts a longer sheet off when it opens it (Excel refuses the file, LibreOffice drops the
 * rest with a warning few read), so the rows go on over as many sheets as they need.
 */
export const ROWS_PER_SHEET = 1_048_575;

/** A sheet's name: the first is 数据/data, the next ones 数据 (2), data (3) … */
export function sheetName(lang: string, n: number): string {
  const name = lang === 'zh' ? '数据' : 'data';
  return n === 1 ? name : `${name} (${n})`;
}

/**
 * A text of several lines is written as an inline string, `<c t="inlineStr"><is><t>…</t></is></c>`:
 * exceljs writes text as `t="str"` (a formula's result), whose line breaks LibreOffice shows as nothing
 * (the reviews queue's `logistics⏎service` printed "logisticsservice"; user5). exceljs writes an inline
 * string only for rich text, as one run (`<is><r><t>…</t></r></is>`), which its own reader then gives
 * back as a rich-text object instead of the text: the run is taken off as each row is written (a row
 * is one write of the sheet's stream), leaving the plain inline string every reader reads as text.
 */
function plainInlineStrings(sheet: unknown): void {
  const stream = (sheet as { stream?: { write(chunk: unknown, ...rest: unknown[]): unknown } }).stream;
  if (!stream) return;
  const write = stream.write.bind(stream);
  stream.write = (chunk: unknown, ...rest: unknown[]) =>
    write(typeof chunk === 'string' && chunk.includes('<is><r>') ? chunk.replace(/<is><r>(<t[^>]*>[^<]*<\/t>)<\/r><\/is>/g, '<is>$1</is>') : chunk, ...rest);
}

/** A table of rows as a print-ready sheet (see the top of this file), over several sheets past ROWS_PER_SHEET rows. */
export async function tableXlsx(columns: readonly Column[], c: CellContext, open: OpenSink, rowsPerSheet = ROWS_PER_SHEET): Promise<TableXlsx> {
  // Both temporary files exist from the start (removed on any exit): the workbook to be, and
  // the rows spooled until the widths are known.
  const tmp = tempPath('.xlsx');
  const spool = tempPath('.rows');
  let fd: number;
  try {
    fd = fs.openSync(spool, 'w');
  } catch (e) {
    await dropTemp(tmp);
    await dropTemp(spool);
    throw tempError(e);
  }
  let pending: string[] = [];
  let pendingLen = 0;
  const flush = () => {
    if (!pending.length) return;
    const b = Buffer.from(pending.join(''), 'utf8');
    let off = 0;
    try {
      while (off < b.length) off += fs.writeSync(fd, b, off, b.length - off);
    } catch (e) {
      throw tempError(e);
    }
    pending = [];
    pendingLen = 0;
  };
  const heads = columns.map((col) => header(col, c.lang));
  const content = heads.map(() => 0);
  const multiLine = columns.map((col) => col.type === 'list');
  // The widest line of a list packed several items to a line (packList): its column is not wrapped
  // at WRAP_AT, which would break the lines again past the highest row.
  const packed = columns.map(() => 0);
  // A list's widest cell with its items on one line (`a; b; c`): what its column may grow to, when
  // printed across pages, to hold several items a line (packLines).
  const listLine = columns.map(() => 0);
  let closed = false;
  const cleanup = async () => {
    if (!closed) {
      closed = true;
      try {
        fs.closeSync(fd);
      } catch {
        /* closed */
      }
    }
    await dropTemp(spool);
    await dropTemp(tmp);
  };

  const cut: CutCells = { count: 0 };
  let rows = 0;
  return {
    async row(r) {
      const out: unknown[] = [];
      rows++;
      for (let i = 0; i < columns.length; i++) {
        const cell = xlsxCell(columns[i]!, r[columns[i]!.key], c);
        if (typeof cell.value === 'string' && cell.value.length > XLSX_MAX_CELL) {
          cell.value = cell.shown = cutToCell(cell.value, c.lang);
          if (cut.count++ === 0) cut.first = { row: rows, column: heads[i]! };
        }
        content[i] = Math.max(content[i]!, textWidth(cell.shown));
        const items = columns[i]!.type === 'list' ? r[columns[i]!.key] : undefined;
        if (Array.isArray(items) && cell.shown.split('\n').length < items.length) packed[i] = Math.max(packed[i]!, textWidth(cell.shown));
        else if (Array.isArray(items) && items.length > 1) listLine[i] = Math.max(listLine[i]!, textWidth(cell.shown.split('\n').join('; ')));
        if (!multiLine[i] && cell.shown.includes('\n')) multiLine[i] = true;
        // Dates spool as {d: ms} (JSON would turn them into strings), with their own format as f;
        // a number with a format of its own (a percentage) as {n, f}.
        out.push(cell.value instanceof Date ? { d: cell.value.getTime(), ...(cell.numFmt ? { f: cell.numFmt } : {}) } : typeof cell.value === 'number' && cell.numFmt ? { n: cell.value, f: cell.numFmt } : cell.value);
      }
      const line = JSON.stringify(out) + '\n';
      pending.push(line);
      pendingLen += line.length;
      if (pendingLen >= 65536) flush();
    },
    async close() {
      try {
        let done: { sheets: number; cut: CutCells };
        try {
          done = await made();
        } catch (e) {
          throw tempError(e);
        }
        await deliver(open, tmp);
        return done;
      } finally {
        await cleanup();
      }
    },
    async abort() {
      await cleanup();
    },
  };

  /** The workbook from the spooled rows, in the temporary file. */
  async function made(): Promise<{ sheets: number; cut: CutCells }> {
    flush();
    fs.closeSync(fd);
    closed = true;
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: false, useStyles: true });
    const sized = columns.map((_, i) => {
      const z = columnWidth(heads[i]!, content[i]!);
      return packed[i]! > z.width ? { ...z, width: Math.min(MAX_COL_WIDTH, packed[i]!) } : z;
    });
    // A sheet printed across pages: its wrapped text columns take the room their page leaves.
    const idColumn = keyColumn(columns);
    const plan = printPlan({ widths: sized.map((z) => z.width), idColumn });
    const repack = columns.map(() => false);
    const wraps = sized.map((z, i) => z.wrapCells || multiLine[i]!);
    const headPt = sized.some((z) => z.wrapHeader) ? 2 * Math.max(...heads.map((h) => linePt(h))) : LINE_PT;
    if (plan.across) {
      const wider = widenWrapped(
        sized.map((z) => z.width),
        sized.map((z, i) => (z.wrapCells && packed[i]! === 0 ? content[i]! : undefined)),
        plan.repeat,
      );
      sized.forEach((z, i) => (z.width = wider[i]!));
      // Then the widths that print the fewest pages, rows as short as they can be on them (fitWidths):
      // a wrapped text column up to its widest line, a list column (one item a line) up to its widest
      // list on one line, its items then sharing lines (packLines).
      const want = columns.map((col, i) =>
        sized[i]!.wrapCells && packed[i]! === 0 ? content[i]! : col.type === 'list' && packed[i]! === 0 && listLine[i]! + PAD > sized[i]!.width ? listLine[i]! + PAD : undefined,
      );
      if (rows <= FIT_ROWS && want.some((w) => w !== undefined && w > 0)) {
        const fit = await fitRowsOf(spool, columns, want, wraps, sized.map((z) => z.width));
        const chosen = fitWidths(sized.map((z) => z.width), want, fit, plan.repeat, headPt);
        sized.forEach((z, i) => {
          if (columns[i]!.type === 'list' && chosen[i]! > z.width) repack[i] = true;
          z.width = chosen[i]!;
        });
      }
    }
    let sheets = 0;
    const addSheet = () => {
      const sheet = wb.addWorksheet(sheetName(c.lang, ++sheets), {
        views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
        pageSetup: printSetup('1:1', { widths: sized.map((z) => z.width), idColumn }),
        headerFooter: { oddFooter: c.lang === 'zh' ? '第 &P 页, 共 &N 页' : 'Page &P of &N' },
      });
      sheet.columns = columns.map((col, i) => {
        const fmt = numFmtOf(col);
        return {
          key: col.key,
          width: sized[i]!.width,
          style: {
            ...(fmt ? { numFmt: fmt } : {}),
            // Top-aligned, so a row with a multi-line cell still reads across.
            alignment: { vertical: 'top' as const, ...(wraps[i] ? { wrapText: true } : {}) },
            border: GRID,
          },
        };
      });
      const head = sheet.addRow(heads);
      head.font = BOLD_FONT;
      head.alignment = { wrapText: true, vertical: 'middle' };
      head.fill = HEAD_FILL;
      if (sized.some((z) => z.wrapHeader)) head.height = headPt;
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, columns.length) } };
      plainInlineStrings(sheet);
      head.commit();
      return sheet;
    };
    let ws = addSheet();
    let onSheet = 0;
    const anyWrap = wraps.some(Boolean);
    const rl = readline.createInterface({ input: fs.createReadStream(spool, 'utf8'), crlfDelay: Infinity });
    for await (const line of rl) {
      if (!line) continue;
      if (onSheet === rowsPerSheet) {
        ws.commit();
        ws = addSheet();
        onSheet = 0;
      }
      onSheet++;
      const spooled = JSON.parse(line) as unknown[];
      const cells = spooled.map((v, i) => (v && typeof v === 'object' ? ('n' in v ? (v as { n: number }).n : new Date((v as { d: number }).d)) : repack[i] && typeof v === 'string' ? packLines(v.split('\n'), sized[i]!.width) : v));
      // A text of several lines goes in as an inline string (exceljs writes t="inlineStr" for rich
      // text): as t="str", a formula's result, LibreOffice showed it with its line breaks dropped
      // (`logistics⏎service` printed "logisticsservice"; user5). One-line text is written as before.
      const row = ws.addRow(cells.map((v) => (typeof v === 'string' && v.includes('\n') ? { richText: [{ text: v }] } : v)));
      spooled.forEach((v, i) => {
        const f = v && typeof v === 'object' ? (v as { f?: string }).f : undefined;
        if (f) row.getCell(i + 1).numFmt = f;
      });
      if (anyWrap) {
        // An explicit height: Excel does not grow a row for wrapped text by itself.
        let lines = 1;
        let pt = 0;
        cells.forEach((v, i) => {
          if (wraps[i] && typeof v === 'string') {
            const h = heightOf(v, sized[i]!.width);
            lines = Math.max(lines, h.lines);
            pt = Math.max(pt, h.pt);
          }
        });
        // At most Excel's highest row (409 pt); a taller cell scrolls within it.
        if (lines > 1) row.height = Math.min(MAX_ROW_PT, pt);
      }
      row.commit();
    }
    ws.commit();
    await wb.commit();
    return { sheets, cut };
  }
}
