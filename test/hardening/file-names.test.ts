// An input whose file name is not UTF-8: a zip packed on Chinese Windows (names in GBK) and unpacked
// with plain `unzip` on Linux gives 订单.csv as the bytes b6 a9 b5 a5 .csv. Node decodes its arguments
// as UTF-8, so the name arrives as U+FFFD U+FFFD U+FFFD U+FFFD .csv and no file of that name exists:
// the run said "file not found: ����.csv / check the path and name" for a file `ls` shows. Now it
// says the name is not UTF-8, how to rename it, and that `- < FILE` reads it (exit 3 as before).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, tmpDir } from '../helpers.js';

describe.skipIf(process.platform === 'win32')('an input named in GBK bytes', () => {
  it('is said to have a name that is not UTF-8, with the way round it (exit 3; it said "file not found")', () => {
    const dir = tmpDir();
    // 订单 in GBK: b6a9 b5a5.
    const name = Buffer.from([0xb6, 0xa9, 0xb5, 0xa5, 0x2e, 0x63, 0x73, 0x76]);
    fs.copyFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv'), Buffer.concat([Buffer.from(dir + '/'), name]));
    const node = (args: string) =>
      spawnSync('bash', ['-c', `exec '${process.execPath}' '${BIN}' ${args}`], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, TZ: 'UTC', LANG: 'C' },
        encoding: 'utf8',
      });
    const r = node(`compensate "$(printf '\\xb6\\xa9\\xb5\\xa5.csv')" --as-of '2026-11-20 12:00:00' -q`);
    expect(r.stderr).toContain('cannot open \uFFFD\uFFFD\uFFFD\uFFFD.csv: its name holds bytes that are not UTF-8');
    expect(r.stderr).toContain('read it on standard input (storeops … - < FILE)');
    expect(r.stderr).not.toContain('file not found');
    expect(r.status).toBe(3);
    // The way round it the hint gives: the README example's 4 vouchers (header + 4 rows).
    const viaStdin = node(`compensate - --as-of '2026-11-20 12:00:00' -q -f csv < "$(printf '\\xb6\\xa9\\xb5\\xa5.csv')"`);
    expect(viaStdin.status).toBe(0);
    expect(viaStdin.stdout.trim().split('\n')).toHaveLength(5);
  });
});
