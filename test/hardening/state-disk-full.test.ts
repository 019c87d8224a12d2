// The state database's disk full while compensate --record commits (guard45: the ledger on a 2 MB
// tmpfs filled to the last 8 KB, the 20,000-row bench export): "cannot open or write the state
// database …: disk I/O error", hint "check permissions and free space", exit 4 — right that nothing
// was recorded and no output written, but not which of the two, and not where. Now a write error
// of SQLite's on a disk with less than 1 MiB free says the disk is full, what is free where, and to
// free space there (exit 4 as before, nothing recorded, -o not written).
// The full disk is made without root: a preload makes SQLite's COMMIT fail SQLITE_IOERR_WRITE and
// fs.statfsSync report 12 KB free (3 blocks of 4096).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, ROOT, runCli, tmpDir } from '../helpers.js';

const EXPORT = path.join(EXAMPLES, 'ExportOrderList202611.csv');

const PRELOAD = `
import fs from 'node:fs';
import { createRequire } from 'node:module';
const Database = createRequire(process.env.FULL_ROOT + '/package.json')('better-sqlite3');
const exec = Database.prototype.exec;
Database.prototype.exec = function (sql) {
  if (sql === 'COMMIT' && this.name.endsWith('state.db')) throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' });
  return exec.call(this, sql);
};
const statfs = fs.statfsSync;
fs.statfsSync = function (p, ...a) {
  const st = statfs.call(this, p, ...a);
  return String(p).startsWith(process.env.FULL_DIR) ? Object.assign(Object.create(Object.getPrototypeOf(st)), st, { bavail: 3, bfree: 3, bsize: 4096 }) : st;
};
`;

describe.skipIf(process.platform === 'win32')('compensate --record with the state database disk full at the commit', () => {
  it('exit 4 naming the full disk and what is free, nothing recorded, -o not written (en, zh)', () => {
    const dir = fs.realpathSync(tmpDir());
    const preload = path.join(dir, 'full.mjs');
    fs.writeFileSync(preload, PRELOAD);
    const ledger = path.join(dir, 'ledger');
    const state = path.join(ledger, 'state.db');
    const out = path.join(dir, 'vouchers.csv');
    fs.writeFileSync(out, 'the earlier list\n');
    const run = (lang: string) =>
      spawnSync(process.execPath, [BIN, 'compensate', EXPORT, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-q', '-o', out, '--lang', lang], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, TZ: 'UTC', LANG: 'C', FULL_ROOT: ROOT, FULL_DIR: ledger, NODE_OPTIONS: `--import ${preload}` },
        encoding: 'utf8',
      });
    const r = run('en');
    expect(r.status).toBe(4);
    // Before: "(disk I/O error)" and "fix the database (free space, permissions)".
    expect(r.stderr).toContain(
      `storeops: error: the vouchers could not be recorded in the state database ${state} (the disk it is on is full (12 KB free at ${ledger})): none of them is recorded, and the output file was not written (the file there is as it was); the next run lists them again as new\n`,
    );
    expect(r.stderr).not.toContain('disk I/O error');
    const zh = run('zh');
    expect(zh.status).toBe(4);
    expect(zh.stderr).toContain(`(它所在的磁盘已满 (${ledger} 只剩 12 KB))`);
    expect(fs.readFileSync(out, 'utf8')).toBe('the earlier list\n');
    // Nothing recorded: the same run without the preload records …903 (50.00) as new.
    const after = runCli(['compensate', EXPORT, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-q', '-f', 'csv']);
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/v0c7d9f4ff93c7daa0ab3,.*,50\.00,no,late,final,.*,new,/);
  });
});
