// cron killing `compensate --record > vouchers.csv` at its timeout (guard44). With standard output
// sent to a file, the rows are written to a private staged copy in TMPDIR, the recording is
// committed, then the copy goes out to the file. A SIGTERM (SIGHUP, Ctrl-C) in between — the commit
// of 910 vouchers of the 10,000-order bench export takes about a second on a loaded machine, and a
// signal arriving meanwhile is handled right after it — left the file empty with every voucher
// recorded, and the run's last line said "nothing half-written was left, and files named by -o … are
// as they were; run the command again": run again, it lists none of them as new (they are
// recorded). The staged copy was kept and the next --record run named it (exit 1), but the killed
// run's own line was the opposite of the truth. Now it says the file is incomplete and where the
// complete list is.
//
// The kill is made deterministic by a preload that sends SIGTERM when the staged copy is opened for
// copying out (after the commit). By hand (README worked example, tmall-2026, as of 2026-11-20
// 12:00): one voucher recorded new, …903's 2000.00 × 5 % = 100.00 capped at 50.00
// (v0c7d9f4ff93c7daa0ab3).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, ROOT, runCli, tmpDir } from '../helpers.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');

describe('a signal after the recording is committed, while standard output (a file) is written', () => {
  it('says the file is incomplete and names the complete list (exit 143), not "nothing half-written … run again"', () => {
    const dir = tmpDir();
    const tmp = path.join(dir, 'tmp');
    fs.mkdirSync(tmp);
    const preload = path.join(dir, 'term-on-copy.cjs');
    fs.writeFileSync(
      preload,
      `const fs = require('node:fs'); const open = fs.promises.open;
fs.promises.open = function (p, flags, ...rest) {
  if (String(p).endsWith('.staged.out') && (flags === 'r' || flags === undefined)) {
    process.kill(process.pid, 'SIGTERM');
    return new Promise((resolve) => setTimeout(() => resolve(open.call(fs.promises, p, flags, ...rest)), 5000));
  }
  return open.call(fs.promises, p, flags, ...rest);
};\n`,
    );
    const state = path.join(dir, 'state.db');
    const out = path.join(dir, 'vouchers.csv');
    const fd = fs.openSync(out, 'w');
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, TZ: 'UTC', LANG: 'C', NO_COLOR: '1', TMPDIR: tmp };
    const r = spawnSync(process.execPath, [BIN, 'compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-q', '-f', 'csv'], {
      cwd: ROOT,
      env: { ...env, NODE_OPTIONS: `--require ${preload}` },
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
    });
    fs.closeSync(fd);
    expect(r.status).toBe(143);
    expect(fs.readFileSync(out, 'utf8')).toBe('');
    const staged = fs.readdirSync(tmp).filter((f) => f.endsWith('.staged.out'));
    expect(staged.length).toBe(1);
    const copy = path.join(tmp, staged[0]!);
    expect(fs.readFileSync(copy, 'utf8')).toMatch(/v0c7d9f4ff93c7daa0ab3,.*,50\.00,no,late,final,.*,new,/);
    // Before: `storeops: stopped by SIGTERM before the run finished: nothing half-written was left,
    // and files named by -o, --rejects or --duplicates are as they were; run the command again.`
    // The run's last line (a warning about the example's closed order comes before it).
    expect(r.stderr.slice(r.stderr.lastIndexOf('\n', r.stderr.length - 2) + 1)).toBe(
      `storeops: stopped by SIGTERM: this run had recorded its vouchers and was writing them to standard output (the file it was sent to): that file is incomplete, and no later run lists these vouchers as new again. The complete list is in ${copy}: issue the rows with recorded = new from it (the next compensate --record run names it too, once); running the command again does not list them.\n`,
    );
    const list = runCli(['ledger', 'list', '--state', state, '-f', 'csv']);
    expect(list.stdout).toMatch(/v0c7d9f4ff93c7daa0ab3,.*,50\.00,/);
    // The next run (no signal) names the same copy, as before.
    const next = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-q', '-f', 'csv'], { env: { TMPDIR: tmp } });
    expect(next.code).toBe(1);
    expect(next.stderr).toContain(`the complete output is in ${copy}`);
  });
});
