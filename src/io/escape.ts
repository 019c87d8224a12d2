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
