// Temporary files a run killed with SIGKILL (or a power cut) left in TMPDIR: no handler ran to
// remove them, and they may hold buyers' personal data (they are 0600, but /tmp is shared and kept
// for days). They used to stay for ever; a later run now removes those that are exactly ours, old
// and of a process that is gone, and never anything else.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SWEEP_AGE_MS, sweepTemps } from '../../src/io/sink.js';
import { BIN, EXAMPLES, runCli, tmpDir } from '../helpers.js';

/** The id of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid!;
}

/** A file as a killed run leaves it: private (0600) unless `mode` says otherwise. */
function make(dir: string, name: string, ageMs: number, mode = 0o600): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, 'buyer 13812345678');
  fs.chmodSync(p, mode);
  const t = (Date.now() - ageMs) / 1000;
  fs.utimesSync(p, t, t);
  return p;
}

describe('sweepTemps', () => {
  it('removes only our own names, older than an hour, whose process is gone', () => {
    const dir = tmpDir();
    const dead = deadPid();
    const old = SWEEP_AGE_MS + 60_000;
    const gone = [make(dir, `storeops-${dead}-k3j9x2.strict.out`, old), make(dir, `storeops-${dead}-a1b2c3d4e5.xlsx`, old), make(dir, `storeops-${dead}-zz09xy7kq1.rows`, old), make(dir, `storeops-${dead}-q1w2e3r4t5y.spill`, old)];
    const kept = [
      // A storeops from before the sweep staged compensate --record > FILE's copy under this name,
      // and its pending marker names it as the only complete copy of recorded vouchers.
      make(dir, `storeops-${dead}-k3j9x2.out`, old),
      make(dir, `storeops-${dead}-k3j9x3.strict.out`, SWEEP_AGE_MS - 60_000), // not an hour old
      make(dir, `storeops-${process.pid}-k3j9x2.strict.out`, old), // this process
      make(dir, `storeops-1-k3j9x2.strict.out`, old), // a process that runs (init)
      make(dir, `storeops-${dead}-k3j9x2.staged.out`, old), // compensate --record's staged copy: a marker may name it
      make(dir, `storeops-${dead}-k3j9x2.csv`, old),
      make(dir, `storeops-${dead}-K3J9X2.out`, old),
      make(dir, `storeops-${dead}-.out`, old),
      make(dir, `storeops-x${dead}-k3j9x2.out`, old),
      make(dir, `my-storeops-${dead}-k3j9x2.out`, old),
      make(dir, `storeops-${dead}-k3j9x2.out.bak`, old),
      make(dir, `storeops-test-${dead}-k3j9x2.out`, old),
      // The operator's own files named like ours: an output written there with -o (0644), one
      // named by a date (no process has so large an id), one by a month (not a random name).
      make(dir, `storeops-${dead}-vouchers.xlsx`, old, 0o644),
      make(dir, `storeops-20261120-vouchers.xlsx`, old),
      make(dir, `storeops-2026-11.xlsx`, old),
    ];
    // A link with our name leading to someone's file, and a folder with our name: neither is touched.
    const target = make(dir, 'precious.csv', old);
    fs.symlinkSync(target, path.join(dir, `storeops-${dead}-lnk123.xlsx`));
    fs.mkdirSync(path.join(dir, `storeops-${dead}-dir123.xlsx`));
    expect(sweepTemps(dir)).toBe(gone.length);
    for (const p of gone) expect(fs.existsSync(p)).toBe(false);
    for (const p of kept) expect(fs.existsSync(p)).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('buyer 13812345678');
    expect(fs.lstatSync(path.join(dir, `storeops-${dead}-lnk123.xlsx`)).isSymbolicLink()).toBe(true);
    expect(fs.statSync(path.join(dir, `storeops-${dead}-dir123.xlsx`)).isDirectory()).toBe(true);
    // Once per folder per run.
    make(dir, `storeops-${dead}-again.out`, old);
    expect(sweepTemps(dir)).toBe(0);
  });

  it('a folder that cannot be read is passed over', () => {
    expect(sweepTemps(path.join(os.tmpdir(), 'storeops-no-such-folder-' + process.pid))).toBe(0);
  });

  it('a run that makes a temporary file (orders normalize --strict to standard output) sweeps TMPDIR', () => {
    const tmp = tmpDir();
    const dead = deadPid();
    const left = make(tmp, `storeops-${dead}-k3j9x2.strict.out`, SWEEP_AGE_MS + 60_000);
    const young = make(tmp, `storeops-${dead}-k3j9x4.strict.out`, 1000);
    const r = runCli(['orders', 'normalize', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--strict'], { env: { TMPDIR: tmp } });
    expect(r.code).toBe(0);
    expect(fs.existsSync(left)).toBe(false);
    expect(fs.existsSync(young)).toBe(true);
  });

  it("an operator's output written to TMPDIR under a name like ours (storeops-20261120-vouchers.xlsx) is never taken", () => {
    // `-o /tmp/storeops-20261120-vouchers.xlsx` from yesterday's cron: the next run that made a
    // temporary file removed it (a "process" 20261120 is not running, and the name fitted).
    const tmp = tmpDir();
    const dead = deadPid();
    const day = path.join(tmp, 'storeops-20261120-vouchers.xlsx');
    const mine = path.join(tmp, `storeops-${dead}-vouchers.xlsx`);
    for (const out of [day, mine]) {
      const w = runCli(['compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--as-of', '2026-11-20 12:00:00', '-o', out]);
      expect(w.code).toBe(0);
      const t = (Date.now() - SWEEP_AGE_MS - 60_000) / 1000;
      fs.utimesSync(out, t, t);
    }
    const r = runCli(['orders', 'normalize', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--strict'], { env: { TMPDIR: tmp } });
    expect(r.code).toBe(0);
    expect(fs.existsSync(day)).toBe(true);
    expect(fs.existsSync(mine)).toBe(true);
  });

  it("an older storeops' staged copy (storeops-<pid>-<random>.out) that its pending marker names survives the next recording run", () => {
    // Before the sweep, compensate --record > FILE staged its output as storeops-<pid>-<random>.out;
    // killed while copying it out, its marker names that file as the complete output. The next run
    // (this version) said "the complete output is in …" and then swept that very file: the only
    // copy of the recorded vouchers, which no later run lists again, was gone.
    const dir = tmpDir();
    const tmp = path.join(dir, 'tmp');
    fs.mkdirSync(tmp);
    const dead = deadPid();
    const staged = make(tmp, `storeops-${dead}-k3j9x2.out`, SWEEP_AGE_MS + 60_000);
    const out = fs.openSync(path.join(dir, 'v.csv'), 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--record', '--state', path.join(dir, 's.db'), '--as-of', '2026-11-20 12:00:00', '-f', 'csv'], {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TZ: 'UTC', LANG: 'C', HOME: dir, TMPDIR: tmp },
        stdio: ['ignore', out, 'pipe'],
      });
      expect(r.status).toBe(0);
    } finally {
      fs.closeSync(out);
    }
    expect(fs.readFileSync(staged, 'utf8')).toBe('buyer 13812345678');
  });
});
