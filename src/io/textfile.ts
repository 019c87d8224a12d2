// Text files an operator edits by hand — a message template, the config, a rule file, the keyword,
// category and traffic tables — read as UTF-8, or as GBK/GB18030 when they are not UTF-8 (Notepad's
// "ANSI" on a Chinese Windows), as the csv readers do. Read as UTF-8 regardless, a GBK template
// went out to the buyer as "����" and its wording was never really checked.
import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import { hasNativeGb18030 } from './gb18030.js';

// iconv-lite (a few dozen CommonJS files) is loaded only on a Node without GB18030 in its
// TextDecoder, when a file is not UTF-8: every run reads the config and a rule file through here,
// and loading it cost ~15–19 ms of main-thread CPU at start-up (issue 21).
const requireHere = createRequire(import.meta.url);

/** The text of `b` (a UTF-8 BOM kept, as `readFileSync(f, 'utf8')` keeps it), or null when it is neither UTF-8 nor GB18030. */
export function decodeText(b: Buffer): string | null {
  if (isUtf8(b)) return b.toString('utf8');
  if (hasNativeGb18030()) {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(b);
    } catch {
      return null;
    }
  }
  const iconv = requireHere('iconv-lite') as typeof import('iconv-lite');
  const s = iconv.decode(b, 'gb18030');
  return s.includes('\uFFFD') ? null : s;
}

/** fs.readFileSync(file, 'utf8'), but GBK read as GBK; bytes that are neither throw an error with code ENOTTEXT (fileProblem explains it). */
export function readTextFileSync(file: string | number): string {
  const text = decodeText(fs.readFileSync(file));
  if (text === null) throw Object.assign(new Error('not UTF-8 or GBK text'), { code: 'ENOTTEXT' });
  return text;
}
