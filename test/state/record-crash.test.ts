// compensate --record -o FILE killed (SIGKILL: no handler runs; a power cut is the same) at each
// point between writing the voucher file and committing the ledger. The output file is the
// operator's instruction to pay: it must never be in place while its vouchers are unrecorded, or
// the next cron run lists them again and they are paid twice. The file used to be renamed into
// place first and the ledger committed after: killed between the two, the operator had the file
// and the next run listed the same voucher as new (50.00 issued twice). Now the file is written and
// synced, the ledger committed (with a marker), the file renamed, the marker cleared; killed after
// the commit and before the rename, the voucher is recorded but unseen, and the next run says so.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BESIDE_SWEEP_AGE_MS, SWEEP_AGE_MS } from '../../src/io/sink.js';
import { BIN, runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';

// Loaded into the child with --import: kills the process with SIGKILL at the point CRASH_AT names.
const PRELOAD = `
import fs from 'node:fs';
import { createRequire } from 'node:module';
const at = process.env.CRASH_AT;
const target = process.env.CRASH_TARGET;
const Database = createRequire(process.env.CRASH_ROOT + '/package.json')('better-sqlite3');
const exec = Database.prototype.exec;
Database.prototype.exec = function (sql) {
  if (at === 'commit' && sql === 'COMMIT') process.kill(process.pid, 'SIGKILL');
  const r = exec.call(this, sql);
  if (at === 'after-commit' && sql === 'COMMIT') process.kill(process.pid, 'SIGKILL');
  // 'hang-after-commit': still running after the commit (copying its output, say) until killed.
  if (at === 'hang-after-commit' && sql === 'COMMIT') {
    fs.writeFileSync(process.env.CRASH_READY, 'committed');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60000);
  }
  return r;
};
// CRASH_FLAG: the marker cleared (the voucher file taken as in place) while standard output, a
// regular file, was not yet synced to disk: a power cut then could lose the file with no warning.
let stdoutSynced = false;
const fsync = fs.fsyncSync;
fs.fsyncSync = function (fd) {
  if (fd === 1) stdoutSynced = true;
  return fsync.call(this, fd);
};
const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (sql) {
  if (process.env.CRASH_FLAG && sql.startsWith('DELETE FROM notified') && !this.inTransaction && !stdoutSynced) fs.writeFileSync(process.env.CRASH_FLAG, 'cleared before sync');
  return prepare.call(this, sql);
};
// 'write': killed right after the first bytes reach its temporary output (a kill while writing, before the commit).
const open = fs.openSync;
const temps = new Set();
fs.openSync = function (p, ...a) {
  const fd = open.call(this, p, ...a);
  if (typeof p === 'string' && p.endsWith('.tmp')) temps.add(fd);
  return fd;
};
const write = fs.writeSync;
fs.writeSync = function (fd, ...a) {
  const r = write.call(this, fd, ...a);
  if (at === 'write' && temps.has(fd)) process.kill(process.pid, 'SIGKILL');
  return r;
};
const rename = fs.renameSync;
fs.renameSync = function (from, to) {
  if (to === target && at === 'before-rename') process.kill(process.pid, 'SIGKILL');
  const r = rename.call(this, from, to);
  if (to === target && at === 'after-rename') process.kill(process.pid, 'SIGKILL');
  // 'after-name': the complete file given the name a marker may give it (from .part.tmp to the kept
  // name), before the commit: nothing recorded.
  if (at === 'after-name' && String(from).endsWith('.part.tmp') && to !== target) process.kill(process.pid, 'SIGKILL');
  return r;
};
`;

const AS_OF = '2026-06-01 00:00:00';

function setup() {
  const dir = tmpDir();
  const f = path.join(dir, 'a.csv');
  // tmall-2026 (paid after 2026-04-09): 1000.00 paid (postage 0.00) 05-01 10:00:00, deadline
  // 48 h later, shipped 05-03 10:00:01 (1 s late): 5 % × 1000.00 = 50.00, within 5.00–50.00 → 50.00.
  fs.writeFileSync(
    f,
    taobaoCsv([
      order('2000000000000000061', { 买家会员名: 'S', 买家应付货款: '1000.00', 买家应付邮费: '0.00', 买家实际支付金额: '1000.00', 订单状态: '交易成功', 订单付款时间: '2026-05-01 10:00:00', 订单创建时间: '2026-05-01 10:00:00', 发货时间: '2026-05-03 10:00:01' }),
    ]),
  );
  const preload = path.join(dir, 'crash.mjs');
  fs.writeFileSync(preload, PRELOAD);
  return { dir, f, preload, state: path.join(dir, 'state.db'), out: path.join(dir, 'vouchers.csv') };
}

function crashRun(s: ReturnType<typeof setup>, at: string) {
  return runCli(['compensate', s.f, '--record', '--state', s.state, '--as-of', AS_OF, '-o', s.out], {
    env: { NODE_OPTIONS: `--import ${s.preload}`, CRASH_AT: at, CRASH_TARGET: fs.realpathSync(s.dir) + '/vouchers.csv', CRASH_ROOT: path.resolve('.') },
  });
}

function nextRun(s: ReturnType<typeof setup>) {
  const r = runCli(['compensate', s.f, '--record', '--state', s.state, '--as-of', AS_OF, '-f', 'json']);
  return { ...r, rows: (JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.toIssue, v.recorded]) };
}

/** The data lines of a csv file (its header left out). */
function fileRows(file: string): string[] {
  return fs.readFileSync(file, 'utf8').trim().split('\n').slice(1);
}

describe('compensate --record -o FILE killed between writing the file and committing', () => {
  it('killed at the commit: no file in place, nothing recorded; the next run lists the 50.00 voucher as new (issued once)', () => {
    const s = setup();
    const r = crashRun(s, 'commit');
    expect(r.code).toBe(null); // killed
    expect(fs.existsSync(s.out)).toBe(false);
    const next = nextRun(s);
    expect(next.rows).toEqual([['50.00', 'new']]);
    expect(next.code).toBe(0);
  });

  it('killed after the file is in place: the voucher is recorded, the next run asks nothing more and says to check it', () => {
    const s = setup();
    const r = crashRun(s, 'after-rename');
    expect(r.code).toBe(null);
    // The operator has the file and issues its 50.00 …
    expect(fs.readFileSync(s.out, 'utf8')).toContain('50.00');
    // … and the next run does not ask for it again (it used to: 50.00, new — paid twice).
    const next = nextRun(s);
    expect(next.rows).toEqual([['0.00', 'already_recorded']]);
    expect(next.stderr).toContain('stopped before its output file');
    expect(next.stderr).toContain(s.out);
    expect(next.stderr).toContain('total 50.00');
    expect(next.code).toBe(1);
    // Said once: the run that said it committed with its own output in place.
    const third = nextRun(s);
    expect(third.stderr).not.toContain('stopped before its output file');
    expect(third.code).toBe(0);
  });

  it('killed after the commit, before the rename: recorded but not in place; the next run names the file holding it', () => {
    const s = setup();
    const r = crashRun(s, 'before-rename');
    expect(r.code).toBe(null);
    expect(fs.existsSync(s.out)).toBe(false);
    const next = nextRun(s);
    expect(next.rows).toEqual([['0.00', 'already_recorded']]);
    const temp = /the complete output is in (\S+) \(rename it/.exec(next.stderr)?.[1];
    expect(temp).toBeDefined();
    // The kept file is the complete output the run meant to put in place: the 50.00 voucher.
    expect(fs.readFileSync(temp!, 'utf8')).toContain(',50.00,');
    expect(fileRows(temp!)).toHaveLength(1);
    expect(next.code).toBe(1);
    const zh = runCli(['compensate', s.f, '--record', '--state', s.state, '--as-of', AS_OF, '-f', 'json', '--lang', 'zh']);
    // Already said by the run before (it committed with its output in place).
    expect(zh.stderr).not.toContain('放到位之前就停止了');
  });

  it('killed before the rename in a run that recorded nothing: the next run says nothing (no voucher to check)', () => {
    const s = setup();
    expect(crashRun(s, 'none').code).toBe(0);
    // The 50.00 voucher is recorded; this run records nothing new, and is killed before its rename.
    expect(crashRun(s, 'before-rename').code).toBe(null);
    const next = nextRun(s);
    expect(next.rows).toEqual([['0.00', 'already_recorded']]);
    // It used to say "recorded 0 vouchers (total 0.00: )… check whether they were issued", exit 1.
    expect(next.stderr).not.toContain('stopped before');
    expect(next.code).toBe(0);
  });

  it('a run not killed leaves no marker: the next run says nothing about it', () => {
    const s = setup();
    const r = crashRun(s, 'none');
    expect(r.code).toBe(0);
    expect(fs.readFileSync(s.out, 'utf8')).toContain('50.00');
    const next = nextRun(s);
    expect(next.rows).toEqual([['0.00', 'already_recorded']]);
    expect(next.stderr).not.toContain('stopped before');
    expect(next.code).toBe(0);
  });
});

// A --record run killed (SIGKILL) while writing its output, before its commit, left
// `.vouchers.csv.<pid>.<random>.tmp` (0644, the buyer's name and the voucher) beside the output, and
// no run ever removed it: a plain .tmp is what a pending marker names as a recorded run's only copy.
// It is now a `.part.tmp` (0600) until complete, which the next run writing that path removes.
describe('compensate --record killed while writing its output (before the commit)', () => {
  const age = (file: string, ms: number) => {
    const t = (Date.now() - ms) / 1000;
    fs.utimesSync(file, t, t);
  };
  it('-o FILE: leaves only a private .part.tmp; the next run writing that path removes it once 10 minutes old, and lists the 50.00 as new', () => {
    const s = setup();
    const r = crashRun(s, 'write');
    expect(r.code).toBe(null);
    const left = fs.readdirSync(s.dir).filter((f) => f.startsWith('.vouchers.csv.'));
    expect(left).toHaveLength(1);
    // Before: `.vouchers.csv.<pid>.<random>.tmp`, mode 0644, kept for good.
    expect(left[0]).toMatch(/^\.vouchers\.csv\.\d+\.[0-9a-z]{6}\.part\.tmp$/);
    const temp = path.join(s.dir, left[0]!);
    expect(fs.statSync(temp).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(temp, 'utf8')).toContain('voucherKey');
    const again = () => runCli(['compensate', s.f, '--record', '--state', s.state, '--as-of', AS_OF, '-o', s.out]);
    // Nothing was recorded: the next run records the 50.00 as new; a file changed 9 minutes ago stays.
    age(temp, BESIDE_SWEEP_AGE_MS - 60_000);
    expect(again().code).toBe(0);
    expect(fileRows(s.out)).toHaveLength(1);
    expect(fileRows(s.out)[0]).toContain(',50.00,');
    expect(fs.existsSync(temp)).toBe(true);
    // 11 minutes: its process is gone, it is removed; nothing else is left beside the output.
    age(temp, BESIDE_SWEEP_AGE_MS + 60_000);
    expect(again().code).toBe(0);
    expect(fs.readdirSync(s.dir).filter((f) => f.startsWith('.vouchers.csv.'))).toEqual([]);
  });

  it('-o FILE killed between naming its complete file and the commit: nothing recorded; the next run into that state database removes the file and lists the 50.00 as new', () => {
    // The complete file was renamed to the plain `.vouchers.csv.<pid>.<6>.tmp` a pending marker names,
    // then the kill: no commit, so no marker, and nothing recorded. No run ever removed that `.tmp`
    // (buyers' names, and a 50.00 voucher that was never recorded). Now it is named for the state
    // database it was to be committed to, and a run into that database, finding no marker or kept
    // record naming it, removes it and says so.
    const s = setup();
    expect(crashRun(s, 'after-name').code).toBe(null);
    const left = fs.readdirSync(s.dir).filter((f) => f.startsWith('.vouchers.csv.'));
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^\.vouchers\.csv\.\d+\.[0-9a-z]{6}\.[0-9a-f]{8}\.complete\.tmp$/);
    const temp = path.join(fs.realpathSync(s.dir), left[0]!);
    expect(fileRows(temp)[0]).toContain(',50.00,');
    const again = (state = s.state) => runCli(['compensate', s.f, '--record', '--state', state, '--as-of', AS_OF, '-o', s.out]);
    age(temp, BESIDE_SWEEP_AGE_MS + 60_000);
    // Another state database (another shop's ledger, --state): not its file to judge; left.
    const other = again(path.join(s.dir, 'other.db'));
    expect(other.code).toBe(0);
    expect(fs.existsSync(temp)).toBe(true);
    // That run's list goes: it shows the 50.00 recorded new in other.db, and a run into the shop's own
    // database over it is refused, exit 4 (the voucher would be recorded twice; guard44,
    // test/hardening/record-other-ledger).
    fs.rmSync(s.out);
    // The shop's own: removed, said, and the 50.00 listed as new (it was never recorded).
    const next = runCli(['compensate', s.f, '--record', '--state', s.state, '--as-of', AS_OF, '-o', s.out, '-f', 'json']);
    expect(next.code).toBe(0);
    expect(next.stderr).toContain(`removed ${temp}: a compensate --record run was killed before recording its vouchers`);
    expect((JSON.parse(fs.readFileSync(s.out, 'utf8')) as Record<string, unknown>[]).map((v) => [v.toIssue, v.recorded])).toEqual([['50.00', 'new']]);
    expect(fs.readdirSync(s.dir).filter((f) => f.startsWith('.vouchers.csv.'))).toEqual([]);
  });

  it('-o FILE killed after the commit, before the rename: the complete file a marker names is never removed, also once the marker was said', () => {
    const s = setup();
    expect(crashRun(s, 'before-rename').code).toBe(null);
    const left = fs.readdirSync(s.dir).filter((f) => f.startsWith('.vouchers.csv.'));
    expect(left).toHaveLength(1);
    const temp = path.join(fs.realpathSync(s.dir), left[0]!);
    const again = () => runCli(['compensate', s.f, '--record', '--state', s.state, '--as-of', AS_OF, '-o', s.out]);
    age(temp, BESIDE_SWEEP_AGE_MS + 60_000);
    // The run that says it (and drops the marker) keeps the file, and so does every run after it:
    // it holds the only complete output of the 50.00 recorded.
    const said = again();
    expect(said.stderr).toContain('stopped before its output file');
    expect(said.code).toBe(1);
    expect(fs.existsSync(temp)).toBe(true);
    age(temp, BESIDE_SWEEP_AGE_MS + 60_000);
    const later = again();
    expect(later.code).toBe(0);
    expect(later.stderr).not.toContain('removed');
    expect(fileRows(temp)[0]).toContain(',50.00,');
  });

  it('> FILE: the staged copy being written (.storeops-…staged.out.<pid>.<6>.part.tmp in TMPDIR) is removed by a later run once an hour old', () => {
    const s = setup();
    const tmp = path.join(s.dir, 'tmp');
    fs.mkdirSync(tmp);
    const fd = fs.openSync(s.out, 'w');
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', TZ: 'UTC', LANG: 'C', HOME: s.dir, TMPDIR: tmp, CRASH_ROOT: path.resolve('.') };
    try {
      const r = spawnSync(process.execPath, [BIN, 'compensate', s.f, '--record', '--state', s.state, '--as-of', AS_OF, '-f', 'csv'], {
        env: { ...env, NODE_OPTIONS: `--import ${s.preload}`, CRASH_AT: 'write' },
        stdio: ['ignore', fd, 'pipe'],
      });
      expect(r.status).toBe(null);
    } finally {
      fs.closeSync(fd);
    }
    const left = fs.readdirSync(tmp);
    expect(left).toHaveLength(1);
    // Before: `.storeops-<pid>-<random>.staged.out.<pid>.<random>.tmp`, never removed.
    expect(left[0]).toMatch(/^\.storeops-(\d+)-[0-9a-z]+\.staged\.out\.\1\.[0-9a-z]{6}\.part\.tmp$/);
    age(path.join(tmp, left[0]!), SWEEP_AGE_MS + 60_000);
    // The next cron run (> FILE again) makes its own staged copy there, and sweeps the folder first.
    const fd2 = fs.openSync(s.out, 'w');
    try {
      expect(spawnSync(process.execPath, [BIN, 'compensate', s.f, '--record', '--state', s.state, '--as-of', AS_OF, '-f', 'csv'], { env, stdio: ['ignore', fd2, 'pipe'] }).status).toBe(0);
    } finally {
      fs.closeSync(fd2);
    }
    expect(fileRows(s.out)[0]).toContain(',50.00,');
    expect(fs.readdirSync(tmp)).toEqual([]);
  });
});

// `storeops compensate … --record > vouchers.csv` (cron): standard output is the operator's file.
describe('compensate --record with standard output sent to a file, killed around the commit', () => {
  function stdoutRun(s: ReturnType<typeof setup>, at: string, extraEnv: Record<string, string> = {}): { code: number | null; text: string } {
    const fd = fs.openSync(s.out, 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'compensate', s.f, '--record', '--state', s.state, '--as-of', AS_OF, '-f', 'csv'], {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TZ: 'UTC', LANG: 'C', HOME: s.dir, NODE_OPTIONS: `--import ${s.preload}`, CRASH_AT: at, CRASH_ROOT: path.resolve('.'), ...extraEnv },
        stdio: ['ignore', fd, 'pipe'],
      });
      fs.writeFileSync(path.join(s.dir, 'err'), r.stderr);
      return { code: r.status, text: fs.readFileSync(s.out, 'utf8') };
    } finally {
      fs.closeSync(fd);
    }
  }

  it('killed at the commit: the file holds no voucher and nothing is recorded; the next run lists the 50.00 as new', () => {
    const s = setup();
    const r = stdoutRun(s, 'commit');
    expect(r.code).toBe(null);
    // It used to hold the 50.00 row already, unrecorded: issued from it, then again from the next run.
    expect(r.text).toBe('');
    expect(nextRun(s).rows).toEqual([['50.00', 'new']]);
  });

  it('killed after the commit: recorded; the next run asks nothing more and names the file holding the rows', () => {
    const s = setup();
    const r = stdoutRun(s, 'after-commit');
    expect(r.code).toBe(null);
    expect(r.text).toBe('');
    const next = nextRun(s);
    expect(next.rows).toEqual([['0.00', 'already_recorded']]);
    expect(next.stderr).toContain('stopped before or while writing it to standard output');
    const temp = /the complete output is in (\S+);/.exec(next.stderr)?.[1];
    expect(fs.readFileSync(temp!, 'utf8')).toContain(',50.00,');
    expect(next.code).toBe(1);
  });

  it('not killed: the file holds the 50.00 voucher, recorded, and the staged copy is gone', () => {
    const s = setup();
    const r = stdoutRun(s, 'none');
    expect(r.code).toBe(0);
    expect(r.text).toContain(',50.00,');
    expect(fileRows(s.out)).toHaveLength(1);
    const next = nextRun(s);
    expect(next.rows).toEqual([['0.00', 'already_recorded']]);
    expect(next.stderr).not.toContain('stopped before');
  });

  it('a temporary folder that cannot be written: exit 5 naming TMPDIR, nothing recorded, the next run lists the 50.00 as new', () => {
    // It said "cannot write output file /nonexistent/storeops-….out", a file the operator never named.
    const s = setup();
    const r = stdoutRun(s, 'none', { TMPDIR: path.join(s.dir, 'nonexistent') });
    expect(r.code).toBe(5);
    expect(r.text).toBe('');
    expect(fs.readFileSync(path.join(s.dir, 'err'), 'utf8')).toContain('set TMPDIR to a writable folder');
    expect(nextRun(s).rows).toEqual([['50.00', 'new']]);
  });

  it('not killed: the file is synced to disk before the marker is cleared (a power cut after it keeps the 50.00 row)', () => {
    // The marker is the only warning that a recorded voucher's file may be missing: cleared while
    // the file's rows are only in the page cache, a power cut left an empty vouchers.csv, the 50.00
    // voucher recorded (never listed again) and nothing said. -o FILE syncs before its rename; standard
    // output sent to a file was not synced at all.
    const s = setup();
    const flag = path.join(s.dir, 'flag');
    const r = stdoutRun(s, 'none', { CRASH_FLAG: flag });
    expect(r.code).toBe(0);
    expect(r.text).toContain(',50.00,');
    expect(fs.existsSync(flag)).toBe(false);
  });
});

// Two `--record > FILE` runs at once (two cron lines, or a manual run while cron's runs): run B
// took run A's marker, left while A was still copying its staged output, for a stopped run: it
// warned "stopped before or while writing it to standard output" (exit 1) of a run that was
// fine, and dropped the marker, so a kill of A a moment later went unsaid by every later run.
describe('compensate --record: the pending marker of a run still going', () => {
  async function untilExists(file: string): Promise<void> {
    for (let i = 0; i < 600 && !fs.existsSync(file); i++) await new Promise((r) => setTimeout(r, 50));
    expect(fs.existsSync(file)).toBe(true);
  }

  it('is left alone by a run at the same time; once that run is killed the next run says so', async () => {
    const s = setup();
    const ready = path.join(s.dir, 'ready');
    const fd = fs.openSync(s.out, 'w');
    const a = spawn(process.execPath, [BIN, 'compensate', s.f, '--record', '--state', s.state, '--as-of', AS_OF, '-f', 'csv'], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TZ: 'UTC', LANG: 'C', HOME: s.dir, NODE_OPTIONS: `--import ${s.preload}`, CRASH_AT: 'hang-after-commit', CRASH_READY: ready, CRASH_ROOT: path.resolve('.') },
      stdio: ['ignore', fd, 'ignore'],
    });
    const ended = new Promise<void>((r) => a.on('exit', () => r()));
    try {
      await untilExists(ready);
      // A has recorded the 50.00 voucher and is copying it out: B lists it as recorded, says nothing.
      const b = nextRun(s);
      expect(b.rows).toEqual([['0.00', 'already_recorded']]);
      expect(b.stderr).not.toContain('stopped before');
      expect(b.code).toBe(0);
      // ledger list says a run is still writing it, not that one stopped.
      const l = runCli(['ledger', 'list', '--state', s.state]);
      expect(l.stderr).toContain(`a compensate --record run (process ${a.pid}, 2026-`);
      expect(l.stderr).toContain('recorded 1 voucher (total 50.00) and is still putting its output in standard output');
      expect(l.stderr).not.toContain('stopped before');
    } finally {
      a.kill('SIGKILL');
      await ended;
      fs.closeSync(fd);
    }
    // A died with its marker in place (B left it): the next run says so, naming the staged copy.
    const c = nextRun(s);
    expect(c.stderr).toContain('stopped before or while writing it to standard output');
    expect(c.stderr).toContain('total 50.00');
    const temp = /the complete output is in (\S+);/.exec(c.stderr)?.[1];
    expect(fs.readFileSync(temp!, 'utf8')).toContain(',50.00,');
    expect(c.code).toBe(1);
  });
});

// ledger list did not show a pending marker: the operator learnt of a run killed between recording
// its vouchers and putting its file in place only by running compensate --record again.
describe('ledger list shows a run killed before its output was in place', () => {
  it('what, when, how many vouchers, the total and where the complete output is; until a recording run has said it', () => {
    const s = setup();
    expect(crashRun(s, 'before-rename').code).toBe(null);
    const list = () => runCli(['ledger', 'list', '--state', s.state]);
    const l = list();
    expect(l.code).toBe(0);
    expect(l.stdout).toContain(',50.00,');
    expect(l.stderr).toMatch(/the run of 2026-\d\d-\d\d \d\d:\d\d:\d\d Beijing time recorded 1 voucher \(total 50\.00: [^)]+\) but stopped before its output file \S+vouchers\.csv was in place/);
    expect(l.stderr).toContain('It is recorded (in this list), so no later run lists it as new');
    const temp = /the complete output is in (\S+) \(rename it/.exec(l.stderr)?.[1];
    expect(fs.readFileSync(temp!, 'utf8')).toContain(',50.00,');
    const zh = runCli(['ledger', 'list', '--state', s.state, '--lang', 'zh']);
    expect(zh.stderr).toContain('记录了 1 个红包 (合计 50.00:');
    expect(zh.stderr).toContain('放到位之前就停止了');
    // --order naming another order: not that run's voucher, not said.
    expect(runCli(['ledger', 'list', '--state', s.state, '--order', '2000000000000000099']).stderr).not.toContain('stopped before');
    // Listing does not clear it; the next recording run says it once and clears it.
    expect(list().stderr).toContain('stopped before its output file');
    expect(nextRun(s).stderr).toContain('stopped before its output file');
    expect(list().stderr).not.toContain('stopped before');
  });
});
