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

/**
 * fs.readFileSync(file, 'utf8'), but GBK read as GBK; bytes that are neither throw an error with code
 * ENOTTEXT, and a path that is no regular file (a named pipe, socket or device) one with code ENOTREG
 * (fileProblem explains both; a folder is EISDIR as before).
 */
export function readTextFileSync(file: string | number): string {
  let bytes: Buffer;
  if (typeof file === 'number') bytes = fs.readFileSync(file);
  else {
    const fd = openRegularSync(file);
    try {
      bytes = fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
  const text = decodeText(bytes);
  if (text === null) throw Object.assign(new Error('not UTF-8 or GBK text'), { code: 'ENOTTEXT' });
  return text;
}

/**
 * Opens a file an operator edits by hand (the config, a rule file, a template or table the config
 * names) for reading, without waiting: a named pipe was opened with a plain open(2), which waits for
 * a writer inside a synchronous call, so a `--config`, `--rules`, `--template` or
 * `reviews.keywords` naming a FIFO no program wrote to hung the run for ever, deaf to SIGTERM (its
 * handler never ran; cron's timeout and `flock -n` then skipped every later run). Opened with
 * O_NONBLOCK (no effect on a regular file) and refused with code ENOTREG unless it is a regular file
 * or a folder (EISDIR when read, as before). A link is followed.
 */
export function openRegularSync(file: string): number {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  let st: fs.Stats;
  try {
    st = fs.fstatSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
  if (!st.isFile() && !st.isDirectory()) {
    fs.closeSync(fd);
    throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
  }
  return fd;
}
