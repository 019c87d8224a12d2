// Temporary files a run killed with SIGKILL (or a power cut) left in TMPDIR: no handler ran to
// remove them, and they may hold buyers' personal data (they are 0600, but /tmp is shared and kept
// for days). They used to stay for ever; a later run now removes those that are exactly ours, old
// and of a process that is gone, and never anything else.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BESIDE_SWEEP_AGE_MS, SWEEP_AGE_MS, sweepBeside, sweepTemps } from '../../src/io/sink.js';
import { BIN, EXAMPLES, runCli, tmpDir } from '../helpers.js';
import { bigExport, spawnCli, waitFor } from '../hardening/hostile.js';

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

// A run killed with SIGKILL (or by a power cut) while writing `-o v.csv` left `.v.csv.<pid>.<random>…`
// beside it, holding what it had written (buyers' ids, names, with --show-pii phones and
// addresses); nothing ever removed it. A later run writing the same -o path now removes those that
// are provably a killed run's temporary file of that output, and nothing else.
describe('sweepBeside: temporary files a killed run left beside its -o target', () => {
  it('removes only `.NAME.<pid>.<6 characters>.part.tmp` of this target: 0600, this user, 10 minutes unchanged, process gone', () => {
    const dir = tmpDir();
    const dead = deadPid();
    // Ten minutes (BESIDE_SWEEP_AGE_MS), not TMPDIR's hour: the next hourly cron run found its killed
    // predecessor's file just under an hour old and left it another hour.
    expect(BESIDE_SWEEP_AGE_MS).toBe(10 * 60 * 1000);
    const old = BESIDE_SWEEP_AGE_MS + 60_000;
    const target = path.join(dir, 'v.csv');
    const mine = make(dir, 'v.csv', old, 0o644); // the operator's output itself
    const gone = [make(dir, `.v.csv.${dead}.k3j9x2.part.tmp`, old), make(dir, `.v.csv.${dead}.000abc.part.tmp`, old)];
    const kept = [
      // compensate --record's (or an older storeops') plain .tmp: a pending marker may name it as the
      // only complete copy of the vouchers recorded.
      make(dir, `.v.csv.${dead}.k3j9x2.tmp`, old),
      make(dir, `.v.csv.${dead}.k3j9x3.part.tmp`, BESIDE_SWEEP_AGE_MS - 60_000), // changed 9 minutes ago
      make(dir, `.v.csv.${process.pid}.k3j9x2.part.tmp`, old), // this process
      make(dir, `.v.csv.1.k3j9x2.part.tmp`, old), // a process that runs (init)
      make(dir, `.v.csv.${dead}.k3j9x4.part.tmp`, old, 0o644), // not private: not as we leave it
      make(dir, `.v.csv.${dead}.k3j9x5.part.tmp`, old, 0o400),
      make(dir, `.w.csv.${dead}.k3j9x2.part.tmp`, old), // another output's
      make(dir, `.v.csv.bak.${dead}.k3j9x2.part.tmp`, old), // v.csv.bak's, not v.csv's
      make(dir, `.v.csv.${dead}.k3j9x.part.tmp`, old), // 5 characters
      make(dir, `.v.csv.${dead}.K3J9X2.part.tmp`, old),
      make(dir, `.v.csv.20261120.k3j9x2.part.tmp`, old), // no process has so large an id
      make(dir, `.v.csv.0${dead}.k3j9x2.part.tmp`, old),
      make(dir, `v.csv.${dead}.k3j9x2.part.tmp`, old), // not hidden: the operator's
      make(dir, `.v.csv.${dead}.k3j9x2.part.tmp.bak`, old),
    ];
    // A link with our name leading to someone's file, and a folder with our name: neither is touched.
    const precious = make(dir, 'precious.csv', old);
    fs.symlinkSync(precious, path.join(dir, `.v.csv.${dead}.lnk123.part.tmp`));
    fs.mkdirSync(path.join(dir, `.v.csv.${dead}.dir123.part.tmp`));
    expect(sweepBeside(target)).toBe(2);
    for (const p of gone) expect(fs.existsSync(p)).toBe(false);
    for (const p of [mine, ...kept, precious]) expect(fs.readFileSync(p, 'utf8')).toBe('buyer 13812345678');
    expect(fs.lstatSync(path.join(dir, `.v.csv.${dead}.lnk123.part.tmp`)).isSymbolicLink()).toBe(true);
    expect(fs.statSync(path.join(dir, `.v.csv.${dead}.dir123.part.tmp`)).isDirectory()).toBe(true);
    // Once per target per run.
    make(dir, `.v.csv.${dead}.again1.part.tmp`, old);
    expect(sweepBeside(target)).toBe(0);
  });

  it('a run killed with SIGKILL mid-output leaves a private (0600) temporary file; the next run writing that -o path removes it once 10 minutes old', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'out.csv');
    const w = spawnCli(['orders', 'normalize', '-', '-o', out]);
    w.proc.stdin!.write(bigExport(20_000));
    await waitFor(() => fs.readdirSync(dir).some((f) => f.endsWith('.tmp')));
    w.proc.kill('SIGKILL');
    await w.done;
    const left = fs.readdirSync(dir);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(new RegExp(`^\\.out\\.csv\\.${w.proc.pid}\\.[0-9a-z]{6}\\.part\\.tmp$`));
    const temp = path.join(dir, left[0]!);
    expect(fs.statSync(temp).mode & 0o777).toBe(0o600);
    // Within 10 minutes it stays (a run on another machine or in another container still writing it, or a clock set back, is not taken for dead).
    const orders = path.join(EXAMPLES, 'ExportOrderList202611.csv');
    expect(runCli(['orders', 'normalize', orders, '-q', '-o', out]).code).toBe(0);
    expect(fs.existsSync(temp)).toBe(true);
    const t = (Date.now() - BESIDE_SWEEP_AGE_MS - 60_000) / 1000;
    fs.utimesSync(temp, t, t);
    // A plain .tmp beside it (compensate --record's kept copy, or an older storeops') stays.
    const plain = make(dir, `.out.csv.${deadPid()}.k3j9x2.tmp`, SWEEP_AGE_MS + 60_000);
    expect(runCli(['orders', 'normalize', orders, '-q', '-o', out]).code).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(plain), 'out.csv']);
    // The output itself has the mode it always had (0644 less the umask), not the temporary 0600.
    expect(fs.statSync(out).mode & 0o777).toBe(0o644 & ~process.umask());
  }, 60_000);

  it('a replaced file keeps its own mode (0640), though its temporary file was 0600 while written', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'out.csv');
    fs.writeFileSync(out, 'old');
    fs.chmodSync(out, 0o640);
    expect(runCli(['orders', 'normalize', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '-q', '-o', out]).code).toBe(0);
    expect(fs.statSync(out).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(dir)).toEqual(['out.csv']);
  });
});
