// A file name, an argument or a cell holding a newline, a tab or an ESC sequence was printed raw on
// stderr: `a<LF>storeops: error: fake.csv` forged a line of its own in a cron log, `e<ESC>[2J.csv`
// cleared the terminal (and other ESC sequences were shown as U+FFFD, which hid what was there).
// Every message is now one line: each control character is shown as its escape (`\n`, `\r`, `\t`,
// `\x1b`, `\x9b`, `\u202e`), visible; the data outputs keep the text as it is (docs/cli.md).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneLine, terminalSafe } from '../../src/io/escape.js';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

describe.skipIf(process.platform === 'win32')('control characters in what the user gave', () => {
  it('a file name holding a newline cannot forge a line: shown as \\n, every stderr line a message of its own', () => {
    const dir = tmpDir();
    const name = 'a\nstoreops: error: fake.csv';
    fs.copyFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv'), path.join(dir, name));
    const r = runCli(['compensate', name, '--as-of', '2026-12-01 00:00:00', '-f', 'csv'], { cwd: dir });
    expect(r.code).toBe(0);
    // The example's closed never-shipped order, line 8 of the file, named with the file.
    expect(r.stderr).toContain('not judged: 4100000000000000702 (a\\nstoreops: error: fake.csv:8).\n');
    // Before: a line `storeops: error: fake.csv:8).` stood alone in the log.
    expect(r.stderr.split('\n')).not.toContain('storeops: error: fake.csv:8).');
    expect(r.stderr.split('\n').filter((l) => l.startsWith('storeops: error'))).toEqual([]);
  });

  it('a missing file whose name holds an OSC title sequence (ESC ] 0 ; … BEL): shown as \\x1b … \\x07, exit 3', () => {
    const dir = tmpDir();
    const r = runCli(['compensate', 'missing\u001b]0;owned\u0007.csv'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('storeops: error: file not found: missing\\x1b]0;owned\\x07.csv\n  hint: check the path and name (use - for standard input).\n');
  });

  it('an unknown option holding a newline (commander quotes it): shown as \\n, exit 2', () => {
    const r = runCli(['compensate', '--fo\nstoreops: error: x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("storeops: error: unknown option '--fo\\nstoreops: error: x'\n(add --help for usage)\n");
  });

  it('a bad --as-of holding ESC, in zh: shown as \\x1b', () => {
    const r = runCli(['compensate', 'x.csv', '--as-of', '2026\u001b[2J', '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toContain('"2026\\x1b[2J"');
    expect(r.stderr).not.toContain('\u001b');
  });

  it('a rejected cell holding a tab, CR LF and ESC is echoed escaped, on one line; the --rejects file keeps it', () => {
    const dir = tmpDir();
    const src = fs.readFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv'));
    // The example is GBK; its 订单状态 of row 2 (交易成功) replaced by one with a tab, CR LF and ESC.
    const text = new TextDecoder('gb18030').decode(src);
    const bad = '"交易\t成功\r\nx\u001b[8m"';
    const lines = text.split(/\r?\n/);
    lines[1] = lines[1]!.replace(',交易成功,', `,${bad},`);
    const input = path.join(dir, 'esc.csv');
    fs.writeFileSync(input, '\uFEFF' + lines.join('\n'));
    const r = runCli(['orders', 'normalize', 'esc.csv', '-f', 'csv', '--rejects', 'rej.json', '-q'], { cwd: dir });
    expect(r.code).toBe(1);
    // (the reason goes on with the layout's statuses and what to do: user27)
    expect(r.stderr.split('\n')[0]).toMatch(/^esc\.csv:2 \[订单状态\]: unknown order status "交易\\t成功\\r\\nx\\x1b\[8m" \(the statuses of a Taobao\/Tmall order report/);
    // The data output (--rejects as JSON) holds the cell as it was.
    const rej = JSON.parse(fs.readFileSync(path.join(dir, 'rej.json'), 'utf8')) as { value: string }[];
    expect(rej[0]!.value).toBe('交易\t成功\r\nx\u001b[8m');
  });

  it('oneLine and terminalSafe: exact escapes', () => {
    expect(oneLine('a\nb\tc\r\u001b[2J\u009b\u007f\u0000\u202e\u2028d')).toBe('a\\nb\\tc\\r\\x1b[2J\\x9b\\x7f\\x00\\u202e\\u2028d');
    // terminalSafe keeps the caller's tab and newline (table and help pages), escapes the rest.
    expect(terminalSafe('a\nb\tc\r\u001b[0m')).toBe('a\nb\tc\\r\\x1b[0m');
    // Idempotent: what oneLine shows holds nothing it changes.
    expect(oneLine(oneLine('x\ny\u001b'))).toBe('x\\ny\\x1b');
    expect(oneLine('订单 ok')).toBe('订单 ok');
  });
});

describe('the progress bar names the file as messages do', () => {
  it('a file name holding ESC [2J and CR is shown escaped in the bar (it was written raw to the terminal)', async () => {
    const { byteFrame } = await import('../../src/cli/progress.js');
    // 25 of 100 MB in 5 s: 25 %, 5.0 MB/s, 15 s left (as test/cli/progress).
    expect(byteFrame('a\u001b[2J\r.csv', 25e6, 100e6, 5, 120, 'en')).toBe('a\\x1b[2J\\r.csv  [█████░░░░░░░░░░░░░░░]   25%  25.0/100.0 MB  5.0 MB/s  15 s left');
  });
});
