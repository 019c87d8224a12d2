// compensate --record whose output goes to /dev/null: `> /dev/null 2>&1` in a crontab (the usual way
// to stop cron's mail), `-o /dev/null`, or standard output closed (`>&-`: Node opens /dev/null on a
// closed fd 1 at start-up). Every voucher was recorded, exit 0, and listed nowhere; the next run calls
// them already_recorded, so they were never issued. Now refused before anything is read (exit 2),
// nothing recorded: the vouchers are still new when the output is put right.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, ROOT, runCli, tmpDir } from '../helpers.js';

const EXPORT = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];

/** The run with its streams redirected by bash as a crontab line would (`redirect`). */
function shell(args: string[], redirect: string, home: string) {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
  return spawnSync('bash', ['-c', `set -o pipefail; ${quoted} ${redirect}; echo "exit=$?" >&3`], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, TZ: 'UTC', LANG: 'C' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
}

describe.skipIf(process.platform === 'win32')('compensate --record with its output going to /dev/null', () => {
  it('> /dev/null, >&- and -o /dev/null: exit 2, nothing recorded (each recorded …903\'s 50.00 listed nowhere, exit 0)', () => {
    for (const [redirect, extra] of [
      ['> /dev/null', []],
      ['>&-', []],
      ['', ['-o', '/dev/null']],
    ] as const) {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const r = shell(['compensate', EXPORT, ...AS_OF, '--record', '--state', state, '-q', ...extra], `${redirect} 2>'${dir}/err' 3>&3`, dir);
      const err = fs.readFileSync(path.join(dir, 'err'), 'utf8');
      expect(err, redirect).toContain('--record with the output going to /dev/null');
      expect(r.output[3], redirect).toBe('exit=2\n');
      // Nothing recorded, the database not even made: the next run to a file lists …903 as new,
      // the README example's one voucher to issue, 2000.00 × 5 % = 100.00 capped at 50.00.
      expect(fs.existsSync(state), redirect).toBe(false);
      const next = runCli(['compensate', EXPORT, ...AS_OF, '--record', '--state', state, '-q', '-f', 'csv']);
      expect(next.stdout).toMatch(/3515313147329357903,1,2000\.00,50\.00,50\.00,no,late,final,.*,new,/);
    }
  });

  it('without --record (a check whose output is not wanted) and into a pipe: as before', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const check = shell(['compensate', EXPORT, ...AS_OF, '-q'], `> /dev/null 2>/dev/null 3>&3`, dir);
    expect(check.output[3]).toBe('exit=0\n');
    const piped = shell(['compensate', EXPORT, ...AS_OF, '--record', '--state', state, '-q'], `2>/dev/null | cat > '${dir}/out.csv' 3>&3`, dir);
    expect(piped.output[3]).toBe('exit=0\n');
    expect(fs.readFileSync(path.join(dir, 'out.csv'), 'utf8')).toMatch(/3515313147329357903,.*,new,/);
  });
});
