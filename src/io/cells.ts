// Cell clean-up (FORMATS "Cell clean-up — every platform has its own wrapping").
import { type Msg, UsageError, msg } from '../errors.js';

/** The text real exports write for an empty cell (FORMATS "More cells"): `null`. */
function meansEmpty(t: string): boolean {
  const f = t.charCodeAt(0);
  if (f !== 110 && f !== 78) return false; // n N
  return t === 'null' || t === 'NULL' || t === 'Null';
}

/**
 * The characters above ASCII that String.prototype.trim removes (ECMAScript WhiteSpace and
 * LineTerminator): no-break space U+00A0, U+1680, U+2000–U+200A, line/paragraph separators U+2028/9,
 * U+202F, U+205F, ideographic space U+3000 and the BOM U+FEFF. cleanCell trims them at either end, and
 * a shortcut that skips cleanCell (src/orders/parse.ts needsNoCleaning) must not take a cell ending in one.
 */
export function wideSpace(c: number): boolean {
  if (c === 0xa0 || c === 0x3000 || c === 0xfeff) return true;
  return c >= 0x1680 && c <= 0x205f && (c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f);
}

/**
 * Undo the wrapping platforms put around values: surrounding spaces and tabs (抖店 "\t…",
 * 拼多多 stray tabs) and the no-break, ideographic and BOM spaces trim removes (wideSpace), Excel formulas `="…"` (Taobao ids; `=""` is empty), a leading apostrophe
 * (Taobao phones), and the empty-cell text `null` — also inside the wrapping (`'null`,
 * `="null"`), which real exports write too. `NaN` is empty only in a text cell (cleanText): in an
 * amount or time cell it stays, and the row is rejected rather than an amount guessed.
 */
export function cleanCell(raw: string): string {
  // An empty cell (most rows have some) returns before charCodeAt reads past its end: that read (NaN)
  // sent the optimised code back to the interpreter the first time an empty cell came after it was
  // compiled (node --trace-deopt: cleanCell and the parser's get/text "out of bounds"). Issue 21.
  if (raw.length === 0) return raw;
  let t = raw;
  let c0 = t.charCodeAt(0);
  const cl = t.charCodeAt(t.length - 1);
  // Whatever String.prototype.trim removes, at either end: ASCII space, tab, line breaks (and any
  // other control character: trim leaves those, at no harm), and wideSpace's no-break space (U+00A0,
  // which a copy through a web page or Excel leaves), ideographic space and BOM.
  if (c0 <= 32 || cl <= 32 || (c0 >= 0xa0 && wideSpace(c0)) || (cl >= 0xa0 && wideSpace(cl))) {
    t = t.trim();
    c0 = t.charCodeAt(0);
  }
  if (t.length === 0) return t;
  if (c0 === 61 /* = */ && t.length >= 3 && t.charCodeAt(1) === 34 && t.charCodeAt(t.length - 1) === 34) {
    // The hot case on big files (every Taobao id): the regular expression and trim only when needed.
    let inner = t.slice(2, -1);
    if (inner.indexOf('"') !== -1) inner = inner.replace(/""/g, '"');
    t = trimmed(inner);
    c0 = t.charCodeAt(0);
  } else if (c0 === 39 /* ' */) {
    t = trimmed(t.slice(1));
    c0 = t.charCodeAt(0);
  }
  // meansEmpty, read only for text that starts with n or N.
  return (c0 === 110 || c0 === 78) && meansEmpty(t) ? '' : t;
}

/** s.trim(), skipping the call when both ends are printable ASCII (no whitespace to remove). */
function trimmed(s: string): string {
  const a = s.charCodeAt(0);
  const z = s.charCodeAt(s.length - 1);
  return a > 32 && a < 127 && z > 32 && z < 127 ? s : s.trim();
}

/** A text cell (a name, title, note): also `NaN`, which a pandas re-save writes for an empty one. */
export function cleanText(raw: string): string {
  const t = cleanCell(raw);
  return t === 'NaN' ? '' : t;
}

/** Header names: trimmed (Taobao's "收货地址 "), BOM and wrapping removed. */
export function cleanHeader(raw: string): string {
  return cleanCell(raw.replace(/^\uFEFF/, '')).replace(/\s+/g, ' ');
}

/** Tracking numbers: Taobao 宝贝报表 writes them as `No:123…`. */
export function cleanTracking(t: string): string {
  // The same test as /^no[:：]/i, by character codes: a regular expression a row was a tenth of the
  // row parser's own time on a million-row export (issue 21).
  if (t.length < 3) return t;
  const n = t.charCodeAt(0) | 0x20;
  const o = t.charCodeAt(1) | 0x20;
  const c = t.charCodeAt(2);
  return n === 110 && o === 111 && (c === 58 || c === 0xff1a) ? t.slice(3).trim() : t;
}

/**
 * Characters that separate the waybills of one parcel list in a cell (拆单, RULES 1.1): `;` `；` `,` `，` `、`
 * `/` `／` `|` `｜` and line breaks. A waybill is letters, digits and `-` (waybillKey), so none of them is
 * ever part of one. Spaces are not among them: a waybill typed by hand is often spaced (`SF 1400 123456`
 * is one waybill), so `W1 W2` stays one (it then matches nothing and is named). Reading adopted.
 */
function waybillSep(c: number): boolean {
  return c === 59 || c === 44 || c === 47 || c === 124 || c === 10 || c === 13 || c === 0xff1b || c === 0xff0c || c === 0x3001 || c === 0xff0f || c === 0xff5c;
}

/**
 * A cell's waybills as the `;`-separated list the rest of the run reads (RULES 1.1, 拆单): split on every
 * separator (waybillSep), each trimmed and its `No:` removed, empty ones dropped, and one waybill written
 * twice (`SF1 400 000001;sf1400000001`: the same key, waybillKey) kept once, as first written. A cell
 * with no separator is returned as it is (the per-row cost of a million-row export: one pass of char codes).
 */
export function waybillList(t: string): string {
  let i = 0;
  while (i < t.length && !waybillSep(t.charCodeAt(i))) i++;
  if (i === t.length) return t;
  const out: string[] = [];
  const keys = new Set<string>();
  let start = 0;
  for (let j = 0; j <= t.length; j++) {
    if (j < t.length && !waybillSep(t.charCodeAt(j))) continue;
    const w = cleanTracking(t.slice(start, j).trim());
    start = j + 1;
    if (w === '') continue;
    const k = waybillKey(w);
    if (keys.has(k)) continue;
    keys.add(k);
    out.push(w);
  }
  return out.join(';');
}

/** A waybill already in its key's form: ASCII capitals and digits, and the `-` some carriers use. */
const WAYBILL_KEY = /^[0-9A-Z-]*$/;

/**
 * A waybill number as a key to match a scan row with an export's (docs/formats.md, --shipments): a
 * waybill is letters and digits, and neither their case nor spaces in it are part of it — a scan file
 * typed by hand writes `sf 1400 123456` for the export's `SF1400123456`, and full-width characters
 * (`ＳＦ１４００…`, a Chinese input method) are the same characters. Reading adopted; the text is
 * otherwise kept (no other character is dropped).
 */
export function waybillKey(t: string): string {
  if (WAYBILL_KEY.test(t)) return t;
  return t.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/**
 * A digit order id: Taobao/Tmall and 抖店 ids are 16–19 digits (docs/formats.md); 10–20 leaves room
 * for older and other platforms' ids while "12", "0" or a 25-digit number (two cells run together)
 * are not taken for an order.
 */
const ID_DIGITS = /^\d{10,20}$/;
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?E[+-]?\d+$/i;

/**
 * An id of 16 digits or more whose digits past the 15th are all zeros: what Excel writes back for
 * an id it read as a number and shows with a number format (it keeps 15 significant digits:
 * 3515313147329357901 → 3515313147329360000). A real id may end in zeros too, so the caller
 * decides with the row's other signs of an Excel re-save (times without seconds).
 */
export function zeroedPast15(t: string): boolean {
  if (t.length < 16 || t.length > 20 || !ID_DIGITS.test(t)) return false;
  for (let i = 15; i < t.length; i++) if (t.charCodeAt(i) !== 48) return false;
  return true;
}

/**
 * Zeros past the 15th digit, over a column's ids, from which the column is read as one a spreadsheet
 * held as a number (ZeroedColumn): real ids end so together less than once in 10,000 (one digit in
 * ten is a 0). Reading adopted (docs/formats.md "Order ids are text"); rules.md is silent.
 */
export const ZEROED_COLUMN_ZEROS = 4;

/**
 * One id column of one file, for the other mark of a spreadsheet that held it as a number: every id
 * of 16–20 digits in it has only zeros past the 15th (3515313147329360000), whatever its times say.
 * LibreOffice keeps a time's seconds (`2026-11-10 09:00:00` stays as it is), so the row check
 * (times without seconds, parse.ts) never saw such a file: its ids were taken, two orders under one
 * id read as a duplicate and dropped. A row with such an id waits for the column's verdict: a
 * 16–20-digit id with another digit past the 15th (`whole`) clears the column, as the seller centre
 * writes it; at the end, `rounded` says the ids are lost.
 */
export class ZeroedColumn {
  /** An id of 16–20 digits with a digit other than 0 past the 15th was seen: the column holds whole ids. */
  whole = false;
  /** The zeros past the 15th digit of the distinct zeroed ids noted (counted up to ZEROED_COLUMN_ZEROS). */
  zeros = 0;
  /**
   * The zeroed ids counted, so an id counts once: the lines of one order (a 宝贝报表's or 抖店's
   * 主订单编号 on each line) or its several reviews repeat one id, which is one chance of a real id
   * ending in zeros, not several (a 17-digit order ending in 00 with 2 lines is 2 zeros, not 4).
   */
  private counted = new Set<string>();

  /**
   * Notes one id of the column (null or '' when the row has none); true when it is zeroed and the
   * column not yet whole. `raw` is the cell as the file has it: one the export itself marked as text
   * (Taobao's `="…"`, 抖店's leading tab, an apostrophe) was never held as a number by a spreadsheet
   * (one that re-saves the file writes the value back bare, the marking gone), so its zeros are the
   * id's own and the column holds whole ids: a real id ending in 0000 (one in 10,000; a buyer's whole
   * run of orders if the id's last digits follow the buyer's account) in a download as it came.
   */
  note(id: string | null, raw?: string): boolean {
    if (this.whole || id === null || id.length < 16) return false;
    if (zeroedPast15(id)) {
      if (raw !== undefined && textMarked(raw)) {
        this.whole = true;
        return false;
      }
      if (this.zeros < ZEROED_COLUMN_ZEROS && !this.counted.has(id)) {
        this.counted.add(id);
        this.zeros += id.length - 15;
      }
      return true;
    }
    if (id.length <= 20 && ID_DIGITS.test(id)) this.whole = true;
    return false;
  }

  /** Whether `id` still waits on the column: zeroed, and no whole id seen yet. */
  waits(id: string | null): boolean {
    return !this.whole && id !== null && zeroedPast15(id);
  }

  /** At the end of the file: every long id zeroed, with enough zeros that they are not real ids ending so. */
  get rounded(): boolean {
    return !this.whole && this.zeros >= ZEROED_COLUMN_ZEROS;
  }
}

/** A cell the export marked as text: `="…"` (Taobao), a leading tab (抖店), an apostrophe (a sheet's text cell); spaces before it aside. */
export function textMarked(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 32) continue;
    return c === 61 /* = */ || c === 9 /* tab */ || c === 39 /* ' */;
  }
  return false;
}

export type IdCheck = 'ok' | 'empty' | 'excel-rounded' | 'not-an-id';

/**
 * An id typed or pasted with full-width digits (`３５１５３１３１４７３２９３５７９０１`, a Chinese input
 * method): the same digits, so it is read as the ASCII id. Any other text is returned as it is, for
 * checkOrderId to judge; only called for a cell that is not already an id (no cost on a real export).
 */
export function fullWidthId(t: string): string {
  if (t === '') return t;
  const h = halfWidth(t);
  return h !== t && checkOrderId(h) === 'ok' ? h : t;
}

/**
 * An order id the operator typed or pasted on the command line (`reviews log`, `reviews message`,
 * `ledger list|export --order`): copied from the seller centre's csv opened as text it is
 * `="3515313147329357901"` (the wrapping the readers undo, docs/formats.md "Cleaning cells"), and
 * pasted unquoted into a shell it arrives as `=3515313147329357901` (the shell took the quotes);
 * from a sheet it may carry the apostrophe of a text cell (`'3515…`). Each is that id: the digits
 * are all there, nothing is guessed. Full-width digits too (fullWidthId). Other text is returned
 * trimmed, for checkOrderId to judge.
 */
export function typedOrderId(raw: string): string {
  const t = cleanCell(raw.trim());
  if (t === '') return raw.trim(); // `null`, `=""`: shown as typed in the error
  if (t.charCodeAt(0) === 61 /* = */) {
    const inner = fullWidthId(t.slice(1).trim());
    if (checkOrderId(inner) === 'ok') return inner;
    return t;
  }
  return fullWidthId(t);
}

/** Order ids are digit strings (PDD: `yymmdd-digits`); scientific notation means Excel destroyed it. */
export function checkOrderId(t: string): IdCheck {
  if (t === '') return 'empty';
  if (ID_DIGITS.test(t)) return 'ok';
  if (/^\d{6}-\d{6,}$/.test(t)) return 'ok';
  if (SCIENTIFIC.test(t)) return 'excel-rounded';
  return 'not-an-id';
}

/**
 * What is wrong with an order id the operator typed (`reviews log`, `reviews message`, `ledger list
 * --order`): `shown` is how the message names it (`"…"`, `--order "…"`), `rounded` what a rounded id
 * keeps the command from doing.
 */
export function typedIdProblem(shown: string, check: 'excel-rounded' | 'not-an-id' | 'empty', rounded: Msg = msg('', '')): Msg {
  return check === 'excel-rounded'
    ? msg(`${shown} 是被电子表格软件 (Excel、WPS、LibreOffice 等) 四舍五入的订单编号 (原编号已丢失)${rounded.zh}`, `${shown} is an order id a spreadsheet program (Excel, WPS, LibreOffice …) rounded (the real id is lost)${rounded.en}`)
    : msg(`${shown} 不是订单编号 (应为 10–20 位数字, 或拼多多的 yymmdd-数字)`, `${shown} is not an order id (expected 10–20 digits, or PDD's yymmdd-digits)`);
}

// Full-width forms a Chinese input method types for numbers and times (０-９ ． ％ － ＋ ： ／ and the
// ideographic space): the same characters as their ASCII forms, so reading them guesses nothing.
// The full-width comma is left alone (１，５ is a list or 1.5 depending on who wrote it).
const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF05\uFF0D\uFF0B\uFF1A\uFF0F\u3000]/g;

/** `５％` → `5%`, `１２３．５` → `123.5`, `２０２６－１１－２０ １４：００` → `2026-11-20 14:00`. */
export function halfWidth(text: string): string {
  // Most texts (every time cell of a download) hold none of FULL_WIDTH's characters: a character walk
  // says so without the regular expression's replace (issue 21, fortieth round: reviews read calls
  // this on three or more cells a row). U+FF0D–U+FF1A are the class's － ． ／ ０–９ ：.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3000 || (c >= 0xff0d && c <= 0xff1a) || c === 0xff05 || c === 0xff0b) {
      return text.replace(FULL_WIDTH, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
    }
  }
  return text;
}


/**
 * A month as an operator writes it: 2026-12, 2026/12, 2026.12, 2026年12月, full-width ２０２６－１２.
 * A month without its year (`11月`, `11`) is refused, never guessed (December's roster planned in
 * January, November's ledger handed over in December). `example` is the refusal's hint for a value
 * that is no month at all. Used by `roster --month` and `ledger --month`.
 */
export function parseYearMonth(v: unknown, example: Msg): { y: number; mo: number } {
  const text = typeof v === 'string' ? halfWidth(v).trim() : '';
  const m = /^(\d{4})(?:[-/.]|\s*年\s*)(\d{1,2})\s*月?$/.exec(text);
  if (!m && /^\d{1,2}\s*月?$/.test(text)) {
    throw new UsageError(
      msg(`--month 没有年份: "${String(v)}"; storeops 不猜是哪一年`, `--month has no year: "${String(v)}"; storeops never guesses the year`),
      msg('写成 --month 2026-11 或 --month 2026年11月。', 'write it as --month 2026-11 (or 2026年11月).'),
    );
  }
  if (!m || +m[2]! < 1 || +m[2]! > 12) {
    throw new UsageError(msg(`--month 应为 YYYY-MM, 收到 "${String(v)}"`, `--month takes YYYY-MM, got "${String(v)}"`), example);
  }
  return { y: +m[1]!, mo: +m[2]! };
}
