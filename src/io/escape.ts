// Spreadsheet formula injection guard (SPEC "Global options", --no-formula-escape).

// ASCII = + - @ tab CR LF, and the full-width ＝ ＋ － ＠ (by character code: no one-character string per cell).
function dangerousFirst(c: number): boolean {
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d || c === 0x0a || c === 0xff1d || c === 0xff0b || c === 0xff0d || c === 0xff20;
}
// What storeops itself writes for numbers (`-12.50`). A leading `+` is not ours: `+8613800138000`
// would become the number 8613800138000 in a spreadsheet, so it is escaped like any other text.
const CANONICAL_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Prefix a text cell with `'` when a spreadsheet would run it as a formula. */
export function escapeFormula(text: string): string {
  if (text.length === 0 || !dangerousFirst(text.charCodeAt(0))) return text;
  if (CANONICAL_NUMBER.test(text)) return text;
  return `'${text}`;
}

// Long digit strings a spreadsheet would turn into a number (3.51531314732936E+18) or strip of a
// leading zero when it opens a csv. FORMATS: the seller centre writes its ids as `="3515…"`,
// which Excel, WPS and LibreOffice all keep as text and which every reader here unwraps.
const DIGITS = /^\d+$/;
const LONG_OR_ZERO_LED = /^(?:\d{12,}|0\d+)$/;

// Text a spreadsheet opening a csv reads as a number or a date and then shows otherwise: a buyer
// nick `3/4` or `5-20` became a date (03/04/26, 20-May), `(5)` -5, `1e5` 1.00E+05, `1 1/2` 1.5.
// So is a decimal a spreadsheet shows without what it has after or before its digits: `5.20`
// (a nick: 520) became 5.2, `1.000` 1, `.50` 0.5, `00.5` 0.5, `5.` 5 (LibreOffice, csv round trip);
// `1.5` is shown as written but is a number all the same (PLAIN_NUMBER, below). Only text cells come here: storeops' own amounts are
// typed money (never wrapped). Storeops' own times and dates as it writes them (`2026-11-20
// 14:00:00`, `2026-11-20`) are shown as written and left alone (`1,234` and `-5`: below). No pattern here holds a
// quote; a wrapped field holding a comma (`Mar 3, 2024`) is quoted as csv quotes any such field,
// `"=""Mar 3, 2024"""`, which LibreOffice reads as the formula and so as the text (as storeops
// does); every other wrapped field is written bare.
const READ_OTHERWISE = /^(?:\(\d+(?:\.\d+)?\)|[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+|\d{1,2}[/-]\d{1,2}(?:[/-]\d{1,4})?|\d+ \d+\/\d+|\d+\.\d*0|\d+\.|\.\d+|0\d+\.\d*)$/;

// More of the same, found by a LibreOffice 7.4 csv round trip (soffice --convert-to, "detect special
// numbers" on, as Excel always does; en-US and zh-CN), each shown otherwise or turned into a value:
// a time `12:30` (12:30:00 PM), `9:05`, `1:2:3`, `10am`, `12:30 pm`; a percentage `50%` (50.00%),
// `5.5 %`; a month-name date `Nov 3` / `November 3` / `Nov-3` / `Dec 2026` (11/03/26), and `3-Nov`,
// `3 Nov 2024` (Excel's day-month forms, read by Excel en-US); a Chinese date `2024年3月4日`, `3月4日`,
// with a time too (zh: 3/4/24); a date with the year first other than storeops' own zero-padded
// `2024-03-04`: `2024/3/4`, `2024.3.4`, `2024-3-4`, `2026-11-20 09:59` (seconds added); `1.2.3`
// (zh: 2/3/01); a logical `true` / `False` (TRUE, FALSE; `TRUE` itself is shown as written); money
// `$5`, `￥5` ($5.00). Full-width digits and signs read as their ASCII forms (`５２０` 520, `５月２０日`
// a date), and spaces around a number or date are dropped (` 1` → 1): such text is wrapped too.
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const TIME = '\\d{1,2}:\\d{1,2}(?::\\d{1,2}(?:\\.\\d+)?)?(?: ?[ap]\\.?m\\.?)?';
// A month-name date with the month first, as LibreOffice en-US reads it (soffice csv round trip,
// 2026-12; zh-CN reads none of these): `Mar 3`, `March 3`, `Mar-3`, `Mar/3`, `Mar.3`, `Mar. 3`,
// `Mar -3`, `Mar  3`; a year after it `Mar 3, 2024`, `Mar 3 , 2024`, `Mar 3 2024`, `Mar 3 24`,
// `Mar/3/2024`, `Mar.3.2024`, `Mar 3.2024` (or the month and year alone: `Mar 2024`, `Mar-24` is
// the 24th); a time after the year `Mar 3, 2024 12:30`, `Mar 3, 2024, 12:30`; a weekday before it
// `Sunday, March 3, 2024`, `Sunday Mar 3`, `Sun Mar 3`, `Sat. Mar 3`. Read as written (not
// wrapped): `Mar 3,2024`, `Mar-3-24`, `Mar 3 12:30` (a time without a year), `Mar - 3`,
// `March.3` (a dot only after an abbreviation), `Sun, Mar 3` (a comma only after a whole weekday),
// `Tues Mar 3`, `Mar 3rd`, `Mar 3, 2024 9am`, `2024 Mar 3`, `Mar3`. Shapes, not values: `Feb 30`
// and `Mar 3, 99999` (not dates to LibreOffice) are wrapped too, harmlessly.
const MONTH_FULL = '(?:january|february|march|april|may|june|july|august|september|october|november|december)';
const MONTH_ABBR = '(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)';
const WEEKDAY = '(?:(?:sun|mon|tues|wednes|thurs|fri|satur)day *,? +|(?:sun|mon|tue|wed|thu|fri|sat)\\.? +)';
const MONTH_FIRST =
  `${WEEKDAY}?(?:(?:${MONTH_FULL}|${MONTH_ABBR})(?: +-?|[-/])|${MONTH_ABBR}\\.(?: +-?|[-/])?)` +
  `(?:\\d{1,2}(?: *, +| +|[./])\\d{1,5}(?:,? +${TIME})?|\\d{1,5})`;
const READ_OTHERWISE_MORE = new RegExp(
  '^(?:' +
    [
      TIME,
      '\\d{1,2} ?[ap]\\.?m\\.?',
      '[+-]?(?:\\d+\\.?\\d*|\\.\\d+) ?%',
      MONTH_FIRST,
      `\\d{1,4}-${MONTH}-\\d{1,2}(?: +${TIME})?`,
      `\\d{1,2}[ -]${MONTH}\\.?(?:[ -]\\d{2,4}(?: +${TIME})?)?`,
      `(?:\\d{4}年)?\\d{1,2}月\\d{1,2}[日号](?: ?${TIME})?`,
      `\\d{4}[/.-]\\d{1,2}[/.-]\\d{1,2}(?: ${TIME})?`,
      '\\d{1,2}\\.\\d{1,2}\\.\\d{1,4}',
      'true|false',
      '[$¥￥] ?(?:\\d+\\.?\\d*|\\.\\d+)',
    ].join('|') +
    ')$',
  'i',
);
// A text cell a spreadsheet turns into a number or an error value though it shows it much as written
// (LibreOffice 7.4 en-US csv round trip to fods, 2026-12, each cell's value type read): a buyer nick
// `1,234` (the digits grouped by threes: `12,345,678`, `1234,567`, `1,234.`, `-1,234`) became the
// number 1234, and a negative `-5` (`-1.5`, `-05`) the number -5: text a seller searches or copies is
// gone, sorted and summed as a figure. (`1,23`, `1,2345` and `,123` stay text.) Excel reads the seven
// error literals `#N/A` `#VALUE!` `#DIV/0!` `#REF!` `#NAME?` `#NULL!` `#NUM!` (any case) as error
// values (LibreOffice keeps them as text), and `#GETTING_DATA`: Microsoft's file format specs list
// exactly these eight as the error values a cell holds as a constant ([MS-XLS] 2.5.10 Bes and
// [MS-XLSB] BErr: 0x2B #GETTING_DATA; [MS-OI29500] 2.1.755: "Office implements the following error
// values" — the same eight). The newer `#SPILL!` `#CALC!` `#FIELD!` `#BLOCKED!` `#CONNECT!` `#BUSY!`
// `#UNKNOWN!` `#PYTHON!` have no such constant: they are the results of formulas and data types (set
// through Excel.ErrorCellValueType, ExcelApi 1.16), written to xlsx as `#VALUE!` plus rich-value
// metadata, so text opened from a csv stays text: left as written. Their full-width forms (`＃Ｎ/Ａ`)
// are wrapped as full-width digits are (Microsoft documents neither way; `＃ＤＩＶ/０！` was already
// wrapped through the full-width digits, and `="＃Ｎ/Ａ"` shows the same text).
// Only text cells: storeops' own figures are typed and bare.
const NUMBER_GROUPED_OR_NEGATIVE = /^(?:-?\d+(?:,\d{3})+(?:\.\d*)?|-(?:\d+\.?\d*|\.\d+))$/;
const SPREADSHEET_ERROR = /^#(?:n\/a|value!|div\/0!|ref!|name\?|null!|num!|getting_data)$/i;
// A plain unsigned number in a text cell (a buyer nick `12`, a remark `1.5`, a title `520`):
// LibreOffice 7.4 (csv to fods round trip, en-US and zh-CN, 2026-12) read every one as a number
// (office:value-type float: `12`, `1.5`, `0`, `0.5`, `0.0001`, `12345678901`, `1.23456789012`), as
// Excel does. Most are shown as written, but the cell is then a figure, not the text: right-aligned,
// summed, sorted and filtered as a number, not found by a text lookup, and a long decimal is cut
// (`3.14159265358979323846` came back 3.14159265358979; Excel's General shows `1.23456789012` in a
// narrow column as 1.234568). Text cells only: storeops' own figures are typed (or `own`) and bare.
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
// Storeops' own dates and times (shown as written): never wrapped by the year-first pattern above.
const OWN_TIME = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2})?$/;
// Any number a spreadsheet reads as one (shown as written when alone): with spaces around it, or
// written in full-width digits, it is not shown as written.
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

/** Full-width ASCII forms (`５２０`, `％`, `：`) and the ideographic space as the ASCII a spreadsheet reads them as. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

// Other scripts' decimal digits, which LibreOffice (7.4, zh-CN; en-US reads none of them) reads as the
// ASCII ones when it opens a csv: a buyer nick or remark `٠١٢٣` (Arabic-Indic) became the number
// 123, `١٢:٣٠` the time 12:30:00, `٣/٤` the date 3/4/26, `٣٫٥` (the Arabic decimal separator) 3.5,
// `١٬٢٣٤` (the Arabic thousands separator) 1234. Found by a csv round trip of "12" in each of the 72
// Unicode digit sets (soffice --infilter=CSV:44,34,76,1,,2052 --convert-to fods, 2026-12): read as
// a number in these 16 (and ASCII and full-width); kept as text in the other 54 (NKo, Oriya,
// Malayalam, Myanmar Shan, the mathematical 𝟏𝟐 …), which are left as written. `٪` is not a percent sign to it.
const NATIVE_ZEROS = [0x660, 0x6f0, 0x966, 0x9e6, 0xa66, 0xae6, 0xbe6, 0xc66, 0xce6, 0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x17e0, 0x1810];
const NATIVE_DIGIT = new RegExp(`[${NATIVE_ZEROS.map((z) => `\\u${z.toString(16).padStart(4, '0')}-\\u${(z + 9).toString(16).padStart(4, '0')}`).join('')}\u066B\u066C]`);
const NATIVE_DIGITS = new RegExp(NATIVE_DIGIT.source, 'g');
function isNativeDigit(c: number): boolean {
  for (const z of NATIVE_ZEROS) if (c >= z && c <= z + 9) return true;
  return false;
}

/**
 * Whether the text starts (after spaces) as a value LibreOffice reads from other scripts' digits
 * can: a digit of either kind, a sign, a point, a bracket or a currency sign. zh-CN, the locale that
 * reads those digits, reads no month names, so `浙江省… 100 号`, `tb1234` are passed over at once.
 */
function numberStart(t: string): boolean {
  let i = 0;
  while (i < t.length && t.charCodeAt(i) === 0x20) i++;
  if (i === t.length) return false;
  const c = t.charCodeAt(i);
  return (
    (c >= 48 && c <= 57) ||
    c === 0x2b || c === 0x2d || c === 0x2e || c === 0x28 || c === 0x24 || c === 0xa5 || c === 0xffe5 ||
    // Their full-width forms (`＋٥`, `（٥）`), read as the ASCII ones.
    c === 0xff0b || c === 0xff0d || c === 0xff0e || c === 0xff08 || c === 0xff04 || c === 0x3000 ||
    (c >= 0x660 && c <= 0x1819 && isNativeDigit(c))
  );
}

/** Whether the text holds a NATIVE_ZEROS digit or an Arabic decimal or thousands separator (a loop: a regular expression cost a third more per cell). */
function hasNative(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0x660 && c <= 0x1819 && (c === 0x66b || c === 0x66c || isNativeDigit(c))) return true;
  }
  return false;
}

/** Other scripts' digits LibreOffice reads as numbers (NATIVE_ZEROS), and the Arabic decimal and thousands separators, as ASCII. */
function asciiDigits(text: string): string {
  return text.replace(NATIVE_DIGITS, (ch) => {
    const c = ch.charCodeAt(0);
    if (c === 0x66b) return '.';
    if (c === 0x66c) return ',';
    for (const z of NATIVE_ZEROS) if (c >= z && c <= z + 9) return String.fromCharCode(48 + c - z);
    return ch;
  });
}

function readOtherwise(t: string): boolean {
  return PLAIN_NUMBER.test(t) || READ_OTHERWISE.test(t) || NUMBER_GROUPED_OR_NEGATIVE.test(t) || SPREADSHEET_ERROR.test(t) || (READ_OTHERWISE_MORE.test(t) && !OWN_TIME.test(t) && t !== 'TRUE' && t !== 'FALSE');
}

/** Whether a spreadsheet opening a csv shows this text otherwise than as written. */
function shownOtherwise(text: string): boolean {
  // Nearly every text cell (names, titles, notes) holds no digit and is no logical: one scan, no pattern.
  let digit = false;
  for (let i = 0; i < text.length && !digit; i++) {
    const c = text.charCodeAt(i);
    digit = (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
  }
  if (!digit) {
    const c0 = text.charCodeAt(0);
    if (c0 === 0x23) return SPREADSHEET_ERROR.test(text);
    if (c0 === 0xff03) return SPREADSHEET_ERROR.test(halfWidth(text));
    // Other scripts' digits only (`٠١٢٣`): on to the checks below. A name or title: its first character says no.
    if (!numberStart(text) || !hasNative(text)) return (text.length === 4 || text.length === 5) && /^(?:true|false)$/i.test(text) && text !== 'TRUE' && text !== 'FALSE';
  }
  if (readOtherwise(text)) return true;
  let t = text;
  if (/[\uFF01-\uFF5E\u3000]/.test(t)) {
    t = halfWidth(t);
    if (NUMBER.test(t) || readOtherwise(t) || t === 'TRUE' || t === 'FALSE') return true;
  }
  if (numberStart(t) && hasNative(t)) {
    t = asciiDigits(t);
    // Any value at all: it is shown in ASCII digits, not as written (`٢٠٢٤-٠٣-٠٤` as 2024-03-04).
    if (NUMBER.test(t) || readOtherwise(t) || LONG_OR_ZERO_LED.test(t) || OWN_TIME.test(t) || t.trim() !== t) return true;
  }
  const inner = t.trim();
  return inner !== t && inner.length > 0 && (NUMBER.test(inner) || readOtherwise(inner) || OWN_TIME.test(inner));
}

/**
 * A csv/tsv cell written for a spreadsheet: an id (`type: 'id'`) of digits only, or any other
 * text that is a long digit string (a list holding one id) or that a spreadsheet would turn into a
 * number, date, time or logical shown otherwise, or into any number from a grouped `1,234` or a
 * negative `-5`, or into an error value (`#N/A`), becomes `="…"`. Anything else is returned unchanged.
 */
export function textForSpreadsheet(text: string, isId: boolean): string {
  if (isId ? DIGITS.test(text) || (hasNative(text) && DIGITS.test(asciiDigits(text))) : LONG_OR_ZERO_LED.test(text) || shownOtherwise(text)) return `="${text}"`;
  return text;
}

// C0 controls but tab and newline, DEL, C1 controls (0x9B is a one-byte CSI), the line and
// paragraph separators, and the bidi overrides/isolates that make a terminal show text in another
// order than it is.
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
// The same and tab and newline: one line of a message (a file name holding a newline must not
// start a line of its own in a cron log: `a\nstoreops: error: fake.csv`).
const LINE_UNSAFE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** One unsafe character as it is shown: `\n`, `\r`, `\t`, `\x1b` (up to 0xFF), `\u202e`. */
function visible(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  const n = c.charCodeAt(0);
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
}

/**
 * Text as it may reach a terminal (table cells, csv/json printed on one, help pages): an input
 * cell holding ESC sequences must not move the cursor, retitle the window or hide what follows.
 * Each unsafe character is shown as its escape (`\x1b`, `\r`, `\u202e`): visible, so the operator
 * sees what was there. Tab and newline are kept (the caller's own line breaks).
 */
export function terminalSafe(text: string): string {
  TERMINAL_UNSAFE.lastIndex = 0;
  return TERMINAL_UNSAFE.test(text) ? text.replace(TERMINAL_UNSAFE, visible) : text;
}

/**
 * One line of a message (errors, warnings, rejected rows, summaries): as terminalSafe, and a
 * newline or tab is shown as `\n` / `\t` too, so a file name or cell can neither forge a line of
 * its own in a log nor repaint the terminal. Idempotent: what it returns holds nothing it changes.
 */
export function oneLine(text: string): string {
  LINE_UNSAFE.lastIndex = 0;
  return LINE_UNSAFE.test(text) ? text.replace(LINE_UNSAFE, visible) : text;
}

/**
 * THE one decision for a text cell of csv, tsv or xlsx, for every column whatever its type (ids,
 * times, lists, enumerations: a column typed `id` may still hold what a hostile export put there,
 * e.g. a 主订单编号 of `=cmd|' /C calc'!A0`). Returns the text, and `bare` when it is already a
 * complete csv field (`="…"` around digits only) that must not be quoted again.
 */
export function spreadsheetText(text: string, type: string, o: { formulaEscape: boolean; textIds?: boolean }): { text: string; bare: boolean } {
  // A text a spreadsheet would run as a formula is escaped with `'` first (`＋86` is `'＋86`, as
  // `+86 138` is), not wrapped as a number would be.
  if (mayWrap(type, o) && !(o.formulaEscape && escapeFormula(text) !== text)) {
    const wrapped = textForSpreadsheet(text, type === 'id');
    // Bare unless it holds the csv delimiter (`="Mar 3, 2024"`): the writer then quotes it.
    if (wrapped !== text) return { text: wrapped, bare: wrapped.indexOf(',') === -1 };
  }
  return { text: unwrappedText(text, o), bare: false };
}

/**
 * A cell spreadsheetText does not wrap: escaped as a formula where `o.formulaEscape` says (the csv
 * writer makes a never-wrapped column's field with it, without spreadsheetText's object).
 * escapeFormula leaves what storeops writes for numbers (-12.50) alone, so no type needs an exception.
 */
export function unwrappedText(text: string, o: { formulaEscape: boolean }): string {
  return o.formulaEscape ? escapeFormula(text) : text;
}

/**
 * Whether spreadsheetText may wrap a cell of this type as `="…"`: only text, ids and lists, and only
 * when ids are written for a spreadsheet. A cell of any other type (money, times, hours, counts) is
 * never wrapped and never bare: its text is unwrappedText's (the csv writer makes that string itself
 * for such a column, without the object spreadsheetText returns).
 */
export function mayWrap(type: string, o: { textIds?: boolean }): boolean {
  return Boolean(o.textIds) && (type === 'id' || type === 'text' || type === 'list');
}
