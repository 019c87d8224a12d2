// Standard output sent to a file (`> out.csv`, `>> vouchers.log` in a crontab) on a disk that fills up
// part-way through a write. Node writes such a stdout with one fs.writeSync per chunk and drops the
// count it returns, so a write the disk had room for only part of was taken as whole: the run exited
// 0 with its output cut short. `compensate --record > FILE` copies its output out in one write after
// recording, so it recorded every voucher (the next run no longer lists them) while the file ended
// before the voucher to issue: found on a 200 KB tmpfs, 1839 vouchers recorded, 200 KB of 810 KB
// written, exit 0. The same short write is made here without root by the file-size limit
// (`ulimit -f`, SIGXFSZ ignored so the write past it fails EFBIG rather than killing the run).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, ROOT, runCli, tmpDir } from '../helpers.js';

const EXPORT = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];

/** storeops under a file-size limit of `kib` KiB (bash's ulimit -f counts 1024-byte blocks), stdout appended to `out`. */
function limited(kib: number, args: string[], out: string, tmp: string) {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return spawnSync('bash', ['-c', `ulimit -f ${kib}; trap '' XFSZ; exec ${quoted} >> '${out}'`], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmp, TMPDIR: tmp, TZ: 'UTC', LANG: 'C' },
    encoding: 'utf8',
  });
}

describe.skipIf(process.platform === 'win32')('standard output to a file that cannot take the whole write', () => {
  it('orders normalize > FILE: exit 5 saying so (it was exit 0 with the file cut at the limit)', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'orders.csv');
    // The whole output: 9 orders of the example, a few KB; 2 KiB of it fit under the limit.
    const whole = runCli(['orders', 'normalize', EXPORT, '-f', 'csv', '-q']).stdout;
    expect(Buffer.byteLength(whole)).toBeGreaterThan(2048);
    const r = limited(2, ['orders', 'normalize', EXPORT, '-f', 'csv', '-q'], out, dir);
    expect(fs.statSync(out).size).toBe(2048);
    expect(r.stderr).toContain('cannot write to standard output: the file has reached the largest size allowed');
    expect(r.status).toBe(5);
  });

  it('compensate --record >> FILE: the run says the vouchers are recorded and where their complete output is (exit 5, was 0)', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'vouchers.log');
    const state = path.join(dir, 'state.db');
    // The log already holds all but 300 bytes of the 400 KiB allowed (the state database, ~200 KB
    // with its WAL, fits too); the run's output (the README example's 4 vouchers, ~1 KB) does not.
    const LIMIT = 400 * 1024;
    fs.writeFileSync(out, '#'.repeat(LIMIT - 300));
    const r = limited(400, ['compensate', EXPORT, ...AS_OF, '--record', '--state', state], out, dir);
    // Recorded: README worked example, order …903, 2000.00 × 5 % = 100.00, capped at 50.00.
    const list = runCli(['ledger', 'list', '--state', state, '-f', 'csv']);
    expect(list.stdout).toContain('3515313147329357903,50.00');
    // The log was cut at the limit before that voucher's row: the operator must be told.
    const log = fs.readFileSync(out, 'utf8');
    expect(fs.statSync(out).size).toBe(LIMIT);
    expect(log).not.toContain('3515313147329357903');
    expect(r.status).toBe(5);
    expect(r.stderr).toContain('the vouchers are recorded in the state database, but the output could not be put in place as standard output');
    // The complete output is kept in TMPDIR and named.
    const kept = /kept in (\S+\.staged\.out)\./.exec(r.stderr)?.[1];
    expect(kept && path.dirname(kept)).toBe(dir);
    const rows = fs.readFileSync(kept!, 'utf8').trim().split('\n');
    expect(rows).toHaveLength(5); // header + the 4 vouchers of the README example
    expect(rows.find((l) => l.includes('3515313147329357903'))).toMatch(/,final,.*,50\.00$/);
    // The next run names the kept file (record.ts pendingWarning) and lists nothing anew.
    const again = runCli(['compensate', EXPORT, ...AS_OF, '--record', '--state', state, '-q'], { env: { TMPDIR: dir } });
    expect(again.stderr).toContain(kept!);
    expect(again.stdout).toMatch(/3515313147329357903,1,2000\.00,50\.00,50\.00,no,late,final,.*already_recorded/);
  });
});
