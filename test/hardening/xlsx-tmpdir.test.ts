// An xlsx is made in the temporary folder before it is put in place. A TMPDIR that is missing or
// full, or a `ulimit -f` a crontab sets, was "internal error: ENOSPC: no space left on device, write
// … this is a bug in storeops" (exit 70); and a csv `-o` cut by `ulimit -f` said the system's
// "EFBIG: file too large, write". Each is exit 5 now, saying where and what to do; the -o file is
// as it was and nothing is recorded. Found by hostile40 (a 16 KB tmpfs as TMPDIR, ulimit -f 100).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, ROOT, runCli, tmpDir } from '../helpers.js';
import { bigExport } from './hostile.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');

describe('the temporary folder an xlsx is made in', () => {
  it('TMPDIR missing: exit 5 naming it and TMPDIR (zh and en), the -o file as it was, nothing recorded', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'vouchers.xlsx');
    fs.writeFileSync(out, 'last run');
    const gone = path.join(dir, 'no-such-tmp');
    const state = path.join(dir, 'state.db');
    const r = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-o', out, '-q'], { env: { TMPDIR: gone } });
    expect(r.stderr).toContain(
      `storeops: error: cannot write the xlsx workbook in the temporary folder ${gone}: no such file or folder; the -o file is as it was\n` +
        '  hint: an xlsx is made in the temporary folder, then put in place: free some space there, or point the TMPDIR environment variable at a folder with room (TMPDIR=/var/tmp storeops …), and run again; or write -f csv.\n',
    );
    expect(r.code).toBe(5);
    expect(fs.readFileSync(out, 'utf8')).toBe('last run');
    // Nothing recorded: the README example's voucher (…903, 50.00) is still new to the ledger.
    expect(runCli(['ledger', 'list', '--state', state, '-f', 'csv', '-q']).stdout.trim().split('\n')).toHaveLength(1);
    const zh = runCli(['orders', 'normalize', ORDERS, '-o', out, '-q', '--lang', 'zh'], { env: { TMPDIR: gone } });
    expect(zh.code).toBe(5);
    expect(zh.stderr).toContain(`storeops: 错误: 无法在临时文件夹 ${gone} 中写出 xlsx 工作簿: 找不到该文件或目录; -o 指向的文件保持不变\n`);
  });

  it('an xlsx on standard input, put aside in a missing TMPDIR first: exit 5 naming the folder, not an internal error (was exit 70)', () => {
    const gone = path.join(tmpDir(), 'no-such-tmp');
    const r = runCli(['orders', 'inspect', '-'], { env: { TMPDIR: gone }, input: fs.readFileSync(path.join(EXAMPLES, 'ExportOrderList202611.xlsx')) });
    expect([r.code, r.stdout, r.stderr]).toEqual([
      5,
      '',
      `storeops: error: cannot put the xlsx being read aside in the temporary folder ${gone}: no such file or folder\n` +
        '  hint: an xlsx being read is put aside in the temporary folder first: free some space there, or point the TMPDIR environment variable at a folder with room (TMPDIR=/var/tmp storeops …), and run again.\n',
    ]);
  });

  it.skipIf(process.platform === 'win32')('ulimit -f: the xlsx (in TMPDIR) and a csv -o are exit 5 saying the size limit, not an internal error', () => {
    const dir = tmpDir();
    // 3000 orders: an xlsx spool and a normalized csv well past 100 KiB.
    const input = path.join(dir, 'orders.csv');
    fs.writeFileSync(input, bigExport(3000));
    const limited = (args: string[]) => {
      const cmd = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
      return spawnSync('bash', ['-c', `ulimit -f 100; trap '' XFSZ; exec ${cmd}`], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LANG: 'C', TMPDIR: dir, HOME: dir }, encoding: 'utf8' });
    };
    const x = limited(['orders', 'normalize', input, '-o', path.join(dir, 'n.xlsx'), '-q']);
    expect(x.stderr).toContain(`cannot write the xlsx workbook in the temporary folder ${dir}: the file has reached the largest size allowed (ulimit -f, or the file system's limit)`);
    expect(x.status).toBe(5);
    const c = limited(['orders', 'normalize', input, '-o', path.join(dir, 'n.csv'), '-q']);
    expect(c.stderr).toContain(`cannot write output file ${path.join(dir, 'n.csv')}: the file has reached the largest size allowed (ulimit -f, or the file system's limit)`);
    expect(c.status).toBe(5);
    expect(fs.readdirSync(dir).sort()).toEqual(['orders.csv']);
  });
});
