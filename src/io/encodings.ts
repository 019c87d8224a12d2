// The input encodings storeops reads, and the names --encoding accepts for them (a small module:
// the shell checks --encoding before any input is read).

export type Encoding = 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';

/** Accepted spellings of --encoding. */
export function normalizeEncoding(name: string): Encoding | undefined {
  const n = name.toLowerCase().replace(/[-_]/g, '');
  if (n === 'utf8' || n === 'utf8bom') return 'utf8';
  if (['gbk', 'gb2312', 'gb18030', 'cp936', 'ansi'].includes(n)) return 'gb18030';
  if (n === 'utf16le' || n === 'utf16' || n === 'ucs2') return 'utf16le';
  if (n === 'utf16be') return 'utf16be';
  return undefined;
}
