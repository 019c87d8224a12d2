// desk39 (task 6): a GBK export with bare CR line ends (an old Mac file) holding a byte that is not
// GB18030 behind a CR is refused (docs/formats.md: its rows cannot be told apart by LF there). The
// refusal named the line counted by LF breaks alone: line 1 for a file with no LF at all, wherever
// the byte was. It names the line as csv-parse reads the file and an editor shows it now (a bare CR,
// an LF or a CRLF each end a line).
// desk40: csv-parse now places such a byte in its record by that line (as the byte scanner does), so
// the file is no longer refused: the row holding the byte is rejected with its line (exit 1), the
// other 8 rows are read, as in a GBK file with LF or CRLF line ends (docs/formats.md). Before the
// fix: exit 3, the whole file unused.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { exampleLines } from '../hardening/hostile.js';

/** The example export, its lines ended by `end`, with an FF byte after the first comma of line `at` (1 = header). */
function withBadByte(dir: string, name: string, ends: (i: number) => string, at: number): string {
  const lines = exampleLines().map((l) => iconv.encode(l, 'gbk'));
  const b = lines[at - 1]!;
  const c = b.indexOf(44) + 1;
  lines[at - 1] = Buffer.concat([b.subarray(0, c), Buffer.from([0xff]), b.subarray(c)]);
  const p = path.join(dir, name);
  fs.writeFileSync(p, Buffer.concat(lines.flatMap((l, i) => [l, Buffer.from(ends(i), 'latin1')])));
  return p;
}

describe('a bad byte behind a bare CR: the line an editor shows', () => {
  it.each(['UTC', 'America/Los_Angeles'])('CR line ends: the row on line 5 holding the FF is rejected by that line, the other 8 rows read (was: file refused) (TZ=%s)', (tz) => {
    const dir = tmpDir();
    // Header on line 1, the example's 9 rows on lines 2–10; the FF in the 4th row, line 5.
    const f = withBadByte(dir, 'mac.csv', () => '\r', 5);
    const en = runCli(['orders', 'inspect', f, '-f', 'json', '--lang', 'en'], { tz });
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(`${f}:5: this row holds bytes that are not valid GBK (GB18030)`);
    // 9 rows read = 8 accepted + 1 rejected.
    expect(en.stderr).toContain('9 rows read = 8 accepted + 1 rejected');
    const zh = runCli(['orders', 'inspect', f, '-f', 'json', '--lang', 'zh'], { tz });
    expect(zh.stderr).toContain(`${f}:5: 这一行含有无法按 GBK (GB18030) 解码的字节`);
  });

  it('mixed ends: CR, then CRLF for lines 4–6, then CR: the FF on line 8 is line 8 (by LF alone: 4)', () => {
    const dir = tmpDir();
    // The file starts with CR ends (so CR breaks lines for the parser). Before line 8: 3 LF (the
    // CRLFs of lines 4–6, each one break) and 4 bare CRs (after lines 1, 2, 3 and 7): 3 + 4 + 1 = 8.
    const f = withBadByte(dir, 'mixed.csv', (i) => (i >= 3 && i <= 5 ? '\r\n' : '\r'), 8);
    const r = runCli(['orders', 'inspect', f, '-f', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:8: this row holds bytes that are not valid GBK (GB18030)`);
    expect(r.stderr).toContain('9 rows read = 8 accepted + 1 rejected');
  });
});
