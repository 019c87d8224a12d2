// compensate without --record checks what it lists to issue against the state database (the
// unrecorded-run warning: "do not issue them again"). A database there that could not be read was
// passed over without a word: another user's 0600 file (the hourly job runs as its own user), a
// folder on the way that user may not enter, a file a newer storeops wrote, a damaged file, a
// folder given as --state. The run then listed the voucher the --record job had recorded (and the
// shop issued) as to issue, with no warning: paid twice. Now it says the list was not checked.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, runCli, tmpDir } from '../helpers.js';

const EXPORT = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];
// README worked example as of 2026-11-20 12:00: one final voucher to issue, order …903,
// 2000.00 × 5 % = 100.00, capped at 50.00 (tmall-2026); the others are paid by the platform or
// provisional (issueNow 0.00). So the unchecked list is 1 row, 50.00.
const UNCHECKED_EN = 'the 1 row it lists to issue (50.00 of issueNow) could not be checked against the vouchers recorded there';
const UNCHECKED_ZH = '本次列为待发放的 1 项 (现在发放 共 50.00 元) 无法与已记录的红包核对';

function recorded(dir: string): string {
  const state = path.join(dir, 'state.db');
  const rec = runCli(['compensate', EXPORT, ...AS_OF, '--record', '--state', state, '-f', 'csv']);
  expect(rec.code).toBe(0);
  expect(rec.stderr).toContain('1 newly recorded');
  return state;
}

function unrecorded(state: string, lang = 'en', extra: string[] = []) {
  return runCli(['compensate', EXPORT, ...AS_OF, '--state', state, '-f', 'csv', '--lang', lang, ...extra]);
}

describe('compensate without --record, a state database it cannot read', () => {
  it('a file a newer storeops wrote: said (en, and zh under -q), the list and exit code unchanged, the file untouched', () => {
    const state = recorded(tmpDir());
    const db = new Database(state);
    const v = db.pragma('user_version', { simple: true }) as number;
    db.pragma(`user_version = ${v + 1}`);
    db.close();
    const before = fs.readFileSync(state);
    const en = unrecorded(state);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('3515313147329357903');
    expect(en.stderr).toContain(`this run has no --record, and the state database ${state} cannot be read (state database ${state} was written by a newer storeops (schema version ${v + 1}`);
    expect(en.stderr).toContain(UNCHECKED_EN);
    const zh = unrecorded(state, 'zh', ['-q']);
    expect(zh.stderr).toContain(`本次运行没有 --record, 且无法读取状态数据库 ${state}`);
    expect(zh.stderr).toContain(UNCHECKED_ZH);
    expect(fs.readFileSync(state).equals(before)).toBe(true);
  });

  it('a damaged file, and a folder given as --state: said', () => {
    const dir = tmpDir();
    // A real state database cut short (its first 8 KB of the 72 KB the schema and the recorded
    // voucher take): SQLite's own reason (malformed), said as damage. A file of something
    // else (8 KB of Z) is named for what it is (f559540, test/state/not-sqlite): a text file.
    const damaged = path.join(dir, 'damaged.db');
    fs.writeFileSync(damaged, fs.readFileSync(recorded(dir)).subarray(0, 8192));
    const d = unrecorded(damaged);
    expect(d.code).toBe(0);
    expect(d.stderr).toContain(`the state database ${damaged} cannot be read (state database ${damaged} is damaged`);
    expect(d.stderr).toContain(UNCHECKED_EN);
    const other = path.join(dir, 'other.db');
    fs.writeFileSync(other, Buffer.alloc(8192, 0x5a));
    const o = unrecorded(other);
    expect(o.code).toBe(0);
    expect(o.stderr).toContain(`the state database ${other} cannot be read (the state database ${other} is not an SQLite database but a text file (its first line: ZZZZ`);
    expect(o.stderr).toContain(UNCHECKED_EN);
    const folder = path.join(dir, 'folder');
    fs.mkdirSync(folder);
    const f = unrecorded(folder);
    expect(f.stderr).toContain(`the state database ${folder} cannot be read (cannot open the state database ${folder}: it is a folder, not a file)`);
    expect(f.stderr).toContain(UNCHECKED_EN);
  });

  it('a readable current database: the unrecorded-run warning as before, not this one; no database: neither', () => {
    const dir = tmpDir();
    const state = recorded(dir);
    const r = unrecorded(state);
    expect(r.stderr).toContain(`${state} records orders of 1 voucher it lists to issue (50.00 of issueNow`);
    expect(r.stderr).not.toContain('cannot be read');
    const none = unrecorded(path.join(dir, 'none.db'));
    expect(none.stderr).not.toContain('cannot be read');
    expect(none.stderr).not.toContain('not checked against the state database');
  });

  // Another user: the hourly job's database is 0600 (README), its folder 0700. Needs root to run as another user.
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  it.runIf(root)("another user's 0600 database, and one in a folder that user may not enter: said", () => {
    const dir = tmpDir();
    fs.chmodSync(dir, 0o755);
    const state = recorded(dir);
    expect(fs.statSync(state).mode & 0o777).toBe(0o600);
    const home = tmpDir('storeops-other-');
    fs.chmodSync(home, 0o777);
    const csv = path.join(home, 'export.csv');
    fs.copyFileSync(EXPORT, csv);
    fs.chmodSync(csv, 0o644);
    const asOther = (st: string) =>
      spawnSync(process.execPath, [BIN, 'compensate', csv, ...AS_OF, '--state', st, '-f', 'csv', '--lang', 'en'], {
        uid: 65534,
        gid: 65534,
        cwd: home,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, TZ: 'UTC', LANG: 'C', NO_COLOR: '1' },
        encoding: 'utf8',
      });
    const r = asOther(state);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`the state database ${state} cannot be read (cannot open or write the state database ${state}: permission denied: it belongs to another user (uid 0, gid 0, mode 0600) and this user (uid 65534) may not read and write it; nothing was recorded)`);
    expect(r.stderr).toContain(UNCHECKED_EN);
    // The database in a 0700 folder of its user: openState took the file it could not see for none.
    const inner = path.join(dir, 'private');
    fs.mkdirSync(inner, { mode: 0o700 });
    const hidden = path.join(inner, 'state.db');
    fs.copyFileSync(state, hidden);
    const h = asOther(hidden);
    expect(h.status).toBe(0);
    expect(h.stderr).toContain(`the state database ${hidden} cannot be read (permission denied)`);
    expect(h.stderr).toContain(UNCHECKED_EN);
  });
});
