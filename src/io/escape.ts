// Spreadsheet formula injection guard (SPEC "Global options", --no-formula-escape).

// ASCII = + - @ tab CR LF, and the full-width ＝ ＋ － ＠.
const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);
// What storeops itself writes for numbers (`-12.50`). A leading `+` is not ours: `+8613800138000`
// would become the number 8613800138000 in a spreadsheet, so it is escaped like any other text.
const CANONICAL_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Prefix a text cell with `'` when a spreadsheet would run it as a formula. */
export function escapeFormula(text: string): string {
  if (text.length === 0 || !DANGEROUS_FIRST.has(text[0]!)) return text;
  if (CANONICAL_NUMBER.test(text)) return text;
  return `'${text}`;
}

// Long digit strings a spreadsheet would turn into a number (3.51531314732936E+18) or strip of a
// leading zero when it opens a csv. FORMATS: the seller centre writes its ids as `="3515…"`,
// which Excel, WPS and LibreOffice all keep as text and which every reader here unwraps.
const DIGITS = /^\d+$/;
const LONG_OR_ZERO_LED = /^(?:\d{12,}|0\d+)$/;

/**
 * A csv/tsv cell written for a spreadsheet: an id (`type: 'id'`) of digits only, or any other
 * text that is a long digit string (a list holding one id), becomes `="…"`. Anything else is
 * returned unchanged.
 */
export function textForSpreadsheet(text: string, isId: boolean): string {
  if (isId ? DIGITS.test(text) : LONG_OR_ZERO_LED.test(text)) return `="${text}"`;
  return text;
}
