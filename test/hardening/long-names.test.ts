// -o on a long file name. A name may have 255 bytes (85 Chinese characters in UTF-8); storeops writes
// its output beside the target first, as `.NAME.<pid>.<6>.part.tmp` (25 bytes more), and
// compensate --record renames it `.NAME.<pid>.<6>.<tag>.complete.tmp` (38 more) before it commits.
// A target of 218–255 bytes, a name the folder takes, was refused: exit 5, "ENAMETOOLONG: name too
// long, open '….part.tmp'" (or "rename … .complete.tmp" after the whole run), nothing recorded. The
// temporary names now cut such a NAME (besideStem) and a later run still sweeps what a killed one left.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BESIDE_SWEEP_AGE_MS, besideStem, sweepBeside } from '../../src/io/sink.js';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const EXPORT = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];
// 80 Chinese characters = 240 bytes, + ".csv" = 244 bytes: within 255, but + 25 (.part.tmp) is 269.
const LONG_CSV = '订'.repeat(80) + '.csv';
// 73 characters = 219 bytes + ".csv" = 223: the .part.tmp (248) fitted, the .complete.tmp (261) did not.
const MID_CSV = '单'.repeat(73) + '.csv';
// 83 characters × 3 = 249 bytes + ".xlsx" = 254.
const LONG_XLSX = '表'.repeat(83) + '.xlsx';

describe('-o on a name of up to 255 bytes', () => {
  it('compensate --record -o (244 and 223 bytes): written, the voucher recorded, nothing left beside it', () => {
    for (const name of [LONG_CSV, MID_CSV]) {
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
      const dir = tmpDir();
      const out = path.join(dir, name);
      const state = path.join(dir, 'state.db');
      const r = runCli(['compensate', EXPORT, ...AS_OF, '--record', '--state', state, '-o', out]);
      expect(r.stderr).not.toContain('ENAMETOOLONG');
      expect(r.code).toBe(0);
      // README worked example: one voucher recorded, …903, 2000.00 × 5 % = 100.00 capped at 50.00.
      expect(fs.readFileSync(out, 'utf8')).toContain('3515313147329357903');
      expect(r.stderr).toContain('1 newly recorded');
      expect(fs.readdirSync(dir).sort()).toEqual([name, 'state.db'].sort());
      const list = runCli(['ledger', 'list', '--state', state, '-f', 'csv']);
      expect(list.stdout).toContain('3515313147329357903,50.00');
    }
  });

  it('orders normalize -o x.xlsx (254 bytes): written', () => {
    const dir = tmpDir();
    const out = path.join(dir, LONG_XLSX);
    const r = runCli(['orders', 'normalize', EXPORT, '-o', out, '-q']);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(fs.readdirSync(dir)).toEqual([LONG_XLSX]);
  });

  it('the temporary names fit, and a killed run\'s file beside a long target is swept by the next run', () => {
    for (const name of [LONG_CSV, MID_CSV, LONG_XLSX, '订'.repeat(85)]) {
      const stem = besideStem(name);
      // `.` stem `.` 7-digit pid `.` 6 `.` 8-hex tag `.complete.tmp`: at most 255 bytes.
      expect(Buffer.byteLength(`.${stem}.4194304.abcdef.0123abcd.complete.tmp`)).toBeLessThanOrEqual(255);
    }
    // A short name is its own stem; two long names alike at the start get different stems.
    expect(besideStem('vouchers.csv')).toBe('vouchers.csv');
    expect(besideStem('订'.repeat(80) + 'a.csv')).not.toBe(besideStem('订'.repeat(80) + 'b.csv'));
    const dir = tmpDir();
    const target = path.join(dir, LONG_CSV);
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const left = path.join(dir, `.${besideStem(LONG_CSV)}.${dead}.k3j9x2.part.tmp`);
    fs.writeFileSync(left, 'buyer 13812345678');
    fs.chmodSync(left, 0o600);
    const t = (Date.now() - BESIDE_SWEEP_AGE_MS - 60_000) / 1000;
    fs.utimesSync(left, t, t);
    expect(sweepBeside(target)).toBe(1);
    expect(fs.existsSync(left)).toBe(false);
  });
});
