// Money is exact: decimal.js, rounded half-up to the fen where docs/rules.md says.
import { Decimal } from 'decimal.js';

export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

export const ZERO = new Money(0);

const MONEY_RE = /^-?\d+(?:\.\d+)?$/;

/**
 * Parse a money cell after clean-up ("1,234.50", "0元", "¥12" accepted). Returns null for an
 * empty cell and undefined for text that is not an amount: among them a whole part with a leading
 * zero ("0012", "00.50": no export writes one, and a code or a shifted column is not read as
 * money) and a comma that is not a thousands separator in groups of three ("1,23", "12,34.50").
 */
export function parseMoney(text: string): Money | null | undefined {
  if (text === '') return null;
  // Decimals are immutable, so equal amounts can share one instance: prices repeat a lot in a
  // shop's export, and this keeps a million-row file from building millions of Decimals.
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const m = parseMoneyText(text);
  if (m !== undefined && m !== null) {
    if (cache.size >= 50_000) cache.clear();
    cache.set(text, m);
  }
  return m;
}

const cache = new Map<string, Money>();

/** The plain decimal text of a money cell ("1,234.50元" → "1234.50"); '' for empty, undefined if not money. */
function moneyText(text: string): string | undefined {
  let t = text;
  if (t.endsWith('元')) t = t.slice(0, -1);
  if (t.startsWith('¥') || t.startsWith('￥')) t = t.slice(1);
  // Before the commas: a spreadsheet's accounting format writes the sign apart (`¥ 12,345.50 `,
  // LibreOffice zh-CN), read as `¥12,345.50` is; until 2026-12 the space failed the grouping test
  // (and the rejection said the whole part started with 0) while `¥ 190.00` was read.
  t = t.trim();
  if (t.includes(',')) {
    if (!/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return undefined;
    t = t.replace(/,/g, '');
  }
  t = t.trim();
  if (t === '') return '';
  return MONEY_RE.test(t) && !leadingZero(t) ? t : undefined;
}

/**
 * "0012", "00.50", "-012": a whole part of more than one digit starting with 0. docs/formats.md:
 * no export writes an amount so (they write 12.00, 0.50); such a cell is a code, an id or a
 * shifted column, and reading it as 12.00 would be a guess.
 */
export function leadingZero(t: string): boolean {
  const i = t.charCodeAt(0) === 45 ? 1 : 0;
  if (t.charCodeAt(i) !== 48) return false;
  const c = t.charCodeAt(i + 1);
  return c >= 48 && c <= 57;
}

/**
 * An amount with a "?" where its currency sign was (`?190.00`, `? 12,345.50`): a spreadsheet saved a
 * currency-formatted column into a GBK csv, which has no ¥ (U+00A5), and wrote "?" for it. What the
 * "?" stood for is not known, so the cell is not read; the rejection says why (LOST_SIGN_NOTE).
 */
export function lostSignAmount(text: string): boolean {
  return /^\?+\s*-?[\d,]+(?:\.\d+)?\s*\?*$|^-?[\d,]+(?:\.\d+)?\s*\?+$/.test(text.trim());
}

/** What to say of a lostSignAmount cell (zh, en), after "… is not a valid amount: ". */
export const LOST_SIGN_NOTE = {
  zh: '"?" 是文件的编码存不下的字符 (电子表格把设了货币格式的一列存成 GBK 编码的 csv 时, 货币符号 ¥ 变成了 ?), 原来是什么不猜测; 保存前把这一列设为普通数值格式, 或另存为 UTF-8 编码的 csv 或 xlsx, 或重新下载导出',
  en: 'the "?" stands for a character the file\'s encoding could not hold (a spreadsheet saved a currency-formatted column into a GBK csv, which has no ¥ sign), and what it was is not guessed; give the column a plain number format before saving, or save as UTF-8 csv or xlsx, or download the export again',
};

/**
 * An amount a spreadsheet showed in whole yuan and saved as csv (`2,000`, `¥2,000`: thousands
 * grouped, no decimal point; a number format such as #,##0). No export writes one (the seller
 * centre, 抖店 and 拼多多 write the fen: `2000.00`, `2,000.00`), and a csv holds what a cell shows, so
 * every amount of such a column was rounded to the yuan (99.90 written `100`), ungrouped ones too:
 * the file is refused (orders/parse.ts wholeYuanError). `190` or `¥190` alone is not told: a General
 * cell is written so too, exactly (desk55).
 */
export function wholeYuanShown(text: string): boolean {
  // Every amount cell of an export comes here: most hold no comma, and need neither trim nor regex.
  return text.includes(',') && /^[¥￥]?\s*-?\d{1,3}(?:,\d{3})+\s*元?$/.test(text.trim());
}

function parseMoneyText(text: string): Money | null | undefined {
  const t = moneyText(text);
  return t === undefined ? undefined : t === '' ? null : new Money(t);
}

/**
 * The same verdict as parseMoney plus a range check, without building a Decimal: for columns a
 * command does not use but must still check. The comparison is a range test, not arithmetic.
 */
export function checkMoneyText(text: string, max: number): 'empty' | 'ok' | 'invalid' | 'implausible' | 'sub-fen' {
  if (text === '') return 'empty';
  const plain = plainAmount(text, max);
  if (plain !== undefined) return plain;
  const t = moneyText(text);
  if (t === undefined) return 'invalid';
  if (t === '') return 'empty';
  // A leading minus is negative even for -0.00, as Decimal's isNegative() says.
  if (t.charCodeAt(0) === 45) return 'implausible';
  // Exactly as Decimal's gt(max) for an integer max: the whole part, then any non-zero fraction digit.
  const dot = t.indexOf('.');
  const whole = dot < 0 ? t : t.slice(0, dot);
  if (whole.length > 15) return 'implausible';
  const n = Number(whole);
  if (n > max || (n === max && dot >= 0 && /[1-9]/.test(t.slice(dot + 1)))) return 'implausible';
  // A non-zero digit past the fen ("12.345"): no export holds that; it is not rounded away.
  if (dot >= 0 && /[1-9]/.test(t.slice(dot + 3))) return 'sub-fen';
  return 'ok';
}

/**
 * checkMoneyText's verdict for the shape nearly every amount cell has, digits with an optional
 * fraction ("239.00", "0"), found in one pass over the characters; undefined for any other text
 * (a sign, 元, ¥, thousands commas, spaces), which the general path judges.
 */
function plainAmount(t: string, max: number): 'ok' | 'implausible' | 'sub-fen' | undefined {
  const n = t.length;
  let whole = 0;
  let i = 0;
  for (; i < n; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
  }
  // A leading zero ("0012"): the general path says invalid.
  if (i === 0 || i > 15 || (i > 1 && t.charCodeAt(0) === 48)) return undefined;
  let fractionNonZero = false;
  let subFen = false;
  if (i < n) {
    if (t.charCodeAt(i) !== 46 || i + 1 === n) return undefined;
    for (let k = i + 1; k < n; k++) {
      const c = t.charCodeAt(k) - 48;
      if (c < 0 || c > 9) return undefined;
      if (c !== 0) {
        fractionNonZero = true;
        if (k > i + 2) subFen = true;
      }
    }
  }
  // Up to 15 digits the whole part is an exact integer, compared as the general path does.
  return whole > max || (whole === max && fractionNonZero) ? 'implausible' : subFen ? 'sub-fen' : 'ok';
}

/**
 * Whole fen of an amount in the plain shape checkMoneyText passes in one pass (digits, an optional
 * fraction with nothing but zeros past the fen: "239.00", "0", "12.5"), up to 10^13 yuan; -1 for
 * any other text (the caller parses it the general way). fenToMoney(plainFen(t)) equals
 * parseMoney(t): the row reader makes its Decimals this way, by a lookup keyed by a number
 * instead of by the cell's text (issue 21).
 */
export function plainFen(t: string): number {
  const n = t.length;
  let whole = 0;
  let i = 0;
  for (; i < n; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
  }
  // A leading zero ("0012", "00.50") is not an amount (leadingZero): the general path rejects it.
  if (i === 0 || i > 13 || (i > 1 && t.charCodeAt(0) === 48)) return -1;
  let frac = 0;
  if (i < n) {
    if (t.charCodeAt(i) !== 46 || i + 1 === n) return -1;
    for (let k = i + 1; k < n; k++) {
      const c = t.charCodeAt(k) - 48;
      if (c < 0 || c > 9) return -1;
      if (k === i + 1) frac += c * 10;
      else if (k === i + 2) frac += c;
      else if (c !== 0) return -1;
    }
  }
  return whole * 100 + frac;
}

/** Round to the fen, half-up (RULES 1.4). */
export function toFen(m: Money): Money {
  return m.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export function fmtMoney(m: Money): string {
  const fen = exactFen(m);
  return fen !== undefined ? fenText(fen) : m.toFixed(2, Decimal.ROUND_HALF_UP);
}

/** Whole fen as yuan with two places: 2997 → "29.97", -5 → "-0.05", 0 (and -0) → "0.00". */
function fenText(fen: number): string {
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs - yuan * 100;
  return `${fen < 0 ? '-' : ''}${yuan}.${cents < 10 ? '0' : ''}${cents}`;
}

/**
 * m > 0, as `m.gt(0)` says, read off the Decimal's sign and first digit word: `gt(0)` builds a
 * Decimal 0 to compare with, and a voucher run asked it several times a voucher (issue 21).
 */
export function isAboveZero(m: Money): boolean {
  const { d, s } = m as unknown as DecimalParts;
  // Zero is d = [0] (either sign); ±Infinity has no digits; NaN has s = NaN.
  return s > 0 && (d === null || d[0] !== 0);
}

export function moneyMax(a: Money, b: Money): Money {
  return a.gte(b) ? a : b;
}

export function moneyMin(a: Money, b: Money): Money {
  return a.lte(b) ? a : b;
}

/**
 * Whole fen as a plain number: exact for any amount below 2^53 fen (90 trillion yuan). The amount
 * is rounded half-up to the fen first (RULES 1.4), so the number is always a whole count of fen.
 */
export function moneyToFen(m: Money): number {
  const fen = exactFen(m);
  return fen !== undefined ? fen : toFen(m).times(100).toNumber();
}

/** Decimal's own fields: digits in base-10^7 words (most significant first), the decimal exponent, the sign. */
type DecimalParts = { d: number[] | null; e: number; s: number };

/**
 * Whole fen straight from the Decimal's digits when the amount has at most two decimals and
 * at most 14 significant digits (every amount an export holds): no string, no new Decimal.
 * Undefined otherwise (more decimals to round, or too many digits): the caller rounds the slow way.
 */
export function exactFen(m: Money): number | undefined {
  const { d, e, s } = m as unknown as DecimalParts;
  if (d === null || d.length > 2) return undefined;
  const w0 = d[0]!;
  let acc = w0;
  let digits = w0 < 10 ? 1 : w0 < 100 ? 2 : w0 < 1e3 ? 3 : w0 < 1e4 ? 4 : w0 < 1e5 ? 5 : w0 < 1e6 ? 6 : 7;
  if (d.length === 2) {
    acc = acc * 1e7 + d[1]!;
    digits += 7;
  }
  // The value is 0.DIGITS × 10^(e+1); in fen, acc × 10^(e + 3 − digits).
  const shift = e + 3 - digits;
  let fen: number;
  if (shift >= 0) {
    if (shift > 15) return undefined;
    fen = acc * POW10[shift]!;
    if (!Number.isSafeInteger(fen)) return undefined;
  } else {
    if (shift < -15) return undefined;
    const p = POW10[-shift]!;
    if (acc % p !== 0) return undefined;
    fen = acc / p;
  }
  return s < 0 ? -fen : fen;
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

export function fenToMoney(fen: number): Money {
  // Written out from the integer (one Decimal, no division): 2997 → "29.97", -5 → "-0.05".
  if (!Number.isSafeInteger(fen)) return new Money(fen).dividedBy(100);
  // Decimals are immutable: voucher amounts repeat (5.00, 10.00, a cap), so equal ones share one.
  // First a direct-mapped table by the fen's low bits (a typed-array compare, no hashing: the Map
  // lookup was the row parser's costliest line, ~70 ms of a 1M-row compensate with 3 amounts a row).
  const slot = fen & (FEN_SLOTS - 1);
  if (fenSlotKey[slot] === fen) return fenSlotMoney[slot]!;
  let m = fenCache.get(fen);
  if (m === undefined) {
    m = new Money(fenText(fen));
    if (fenCache.size >= 10_000) fenCache.clear();
    fenCache.set(fen, m);
  }
  fenSlotKey[slot] = fen;
  fenSlotMoney[slot] = m;
  return m;
}

const fenCache = new Map<number, Money>();
const FEN_SLOTS = 1 << 12;
/** fenSlotKey[fen & (FEN_SLOTS - 1)] = fen when fenSlotMoney holds its Decimal (NaN: empty). */
const fenSlotKey = new Float64Array(FEN_SLOTS).fill(NaN);
const fenSlotMoney: Money[] = new Array<Money>(FEN_SLOTS);
