// compensate --record > FILE writes its rows to a private copy in TMPDIR first, records, then copies
// them out. With TMPDIR full (guard43: TMPDIR on a 200 KB tmpfs, the 910-voucher bench export) it
// said "cannot write output file /tmp/storeops-….staged.out: the disk is full … an existing file
// there is left as it was": a file the operator never named, a hint about a target there is none
// of, and not that nothing was recorded. Now it says the copy in the temporary folder could not be
// written, that nothing was recorded, and to free space there or set TMPDIR (exit 5 as before).
// The full disk is made without root: a preload makes every write to the staged copy fail ENOSPC.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, ROOT, runCli, tmpDir } from '../helpers.js';

const EXPORT = path.join(EXAMPLES, 'ExportOrderList202611.csv');

const PRELOAD = `
import fs from 'node:fs';
const open = fs.openSync;
const staged = new Set();
fs.openSync = function (p, ...a) {
  const fd = open.call(this, p, ...a);
  if (typeof p === 'string' && p.includes('.staged.')) staged.add(fd);
  return fd;
};
const write = fs.writeSync;
fs.writeSync = function (fd, ...a) {
  if (staged.has(fd)) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
  return write.call(this, fd, ...a);
};
`;

describe.skipIf(process.platform === 'win32')('compensate --record > FILE with the temporary folder full', () => {
  it('exit 5 saying the copy in TMPDIR could not be written and nothing was recorded (en, zh)', () => {
    const dir = tmpDir();
    const tmp = path.join(dir, 'tmp');
    fs.mkdirSync(tmp);
    const preload = path.join(dir, 'full.mjs');
    fs.writeFileSync(preload, PRELOAD);
    const state = path.join(dir, 'state.db');
    const out = path.join(dir, 'vouchers.csv');
    for (const lang of ['en', 'zh']) {
      const fd = fs.openSync(out, 'w');
      const r = spawnSync(process.execPath, [BIN, 'compensate', EXPORT, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-q', '-f', 'csv', '--lang', lang], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, TMPDIR: tmp, TZ: 'UTC', LANG: 'C', NODE_OPTIONS: `--import ${preload}` },
        encoding: 'utf8',
        stdio: ['ignore', fd, 'pipe'],
      });
      fs.closeSync(fd);
      expect(r.status).toBe(5);
      if (lang === 'en') {
        // Before: "cannot write output file <tmp>/storeops-….staged.out: the disk is full (or the quota is used up)".
        expect(r.stderr).toContain(`storeops: error: standard output is a file (> FILE): with --record the vouchers are first written to a copy in the temporary folder ${tmp} and copied out once recorded, but writing that copy failed (cannot write output file ${tmp}/`);
        expect(r.stderr).toContain('the disk is full (or the quota is used up)). Nothing was recorded: the vouchers show as new on the next run');
        expect(r.stderr).toContain(`hint: free space in ${tmp}, or set TMPDIR to a folder with room, or use -o FILE instead.`);
      } else {
        expect(r.stderr).toContain(`storeops: 错误: 标准输出是一个文件 (> 文件), 加了 --record 时红包先写到临时文件夹 ${tmp} 中的副本`);
        expect(r.stderr).toContain('没有记录任何红包, 它们下次运行时仍显示为新红包');
      }
      expect(fs.readFileSync(out, 'utf8')).toBe('');
    }
    // Nothing recorded: the next run (TMPDIR with room) lists …903 (2000.00 × 5 % = 100.00, capped at 50.00) as new.
    const next = runCli(['compensate', EXPORT, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-q', '-f', 'csv']);
    expect(next.stdout).toMatch(/3515313147329357903,1,2000\.00,50\.00,50\.00,no,late,final,.*,new,/);
  });
});
