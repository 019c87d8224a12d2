// A state database cut to 0 bytes (a copy or restore onto a full disk, `> state.db` by mistake, a
// sync tool, `sqlite3 stat.db` on a misspelt name): a --record run took it for a new database,
// recorded every voucher of the export as new again, exit 0, not a word (guard43: the 10,000-order
// bench export's ledger, 910 vouchers 12,912.48, cut to 0 bytes; the next run listed all 910 as new
// to issue: each paid twice). storeops now makes a new database whole (beside it, then linked into
// place), so it never leaves one empty; an empty file is refused by a run that writes (exit 4),
// named, left as it was, and nothing is read, written or recorded. A run that only reads (no
// --record) still reads it as no database (test/state/unrecorded-run).
//
// By hand (README worked example, tmall-2026, as of 2026-11-20 12:00): one final voucher to issue,
// …903's 2000.00 × 5 % = 100.00 capped at 50.00 (v0c7d9f4ff93c7daa0ab3).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const run = (state: string, out: string, ...more: string[]) =>
  runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-q', '--no-input', '-o', out, ...more]);

describe('a state database cut to 0 bytes', () => {
  it('is refused by --record (exit 4, en and zh), left empty, the -o file as it was; not taken for a new ledger', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const first = run(state, path.join(dir, 'first.csv'));
    expect(first.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'first.csv'), 'utf8')).toMatch(/v0c7d9f4ff93c7daa0ab3,.*,50\.00,no,late,final,.*,new,/);
    // The ledger that recorded …903's 50.00, cut to nothing (its -wal merged and gone on close).
    fs.writeFileSync(state, '');
    for (const f of ['-wal', '-shm']) fs.rmSync(state + f, { force: true });
    const out = path.join(dir, 'out.csv');
    fs.writeFileSync(out, 'the operator file\n');
    const r = run(state, out, '--lang', 'en');
    // Before: exit 0, …903 listed as new again, 50.00 to issue a second time.
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`storeops: error: the state database ${state} is empty (0 bytes)`);
    expect(r.stderr).toContain('nothing was read or recorded');
    expect(r.stderr).toContain('restore it from a backup');
    expect(r.stderr).toContain(`delete ${state} and run again`);
    expect(fs.statSync(state).size).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe('the operator file\n');
    const zh = run(state, out, '--lang', 'zh');
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain(`storeops: 错误: 状态数据库 ${state} 是空的 (0 字节)`);
    expect(zh.stderr).toContain('从备份恢复');
    expect(fs.statSync(state).size).toBe(0);
    // reviews log writes to it too: refused the same way.
    const log = runCli(['reviews', 'log', '3515313147329357903', '--status', 'contacted', '--state', state, '--lang', 'en']);
    expect(log.code).toBe(4);
    expect(log.stderr).toContain('is empty (0 bytes)');
    // Commands that only read leave it empty: `ledger list` and `reviews queue` made it a valid empty
    // database (81,920 bytes), into which the next --record run then recorded …903 as new.
    const list = runCli(['ledger', 'list', '--state', state, '-f', 'csv', '--lang', 'en']);
    expect(list.code).toBe(0);
    // Said: "nothing recorded yet" alone read as "nothing issued yet".
    expect(list.stderr).toContain(`storeops: warning: the state database ${state}: the file is empty (0 bytes): storeops never leaves its database empty, so if it held vouchers it was cut short: restore it from a backup; do not take it that nothing was issued before that is checked`);
    // A run without --record lists …903's 50.00 to issue and says it could not check it (it said nothing).
    const check = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--state', state, '-q', '-f', 'csv', '--lang', 'en']);
    expect(check.code).toBe(0);
    expect(check.stderr).toContain(`the state database ${state} cannot be read (the file is empty (0 bytes)`);
    expect(check.stderr).toContain('the 1 row it lists to issue (50.00 of issueNow) could not be checked');
    expect(runCli(['reviews', 'queue', path.join(EXAMPLES, 'reviews.csv'), '--state', state, '-q', '-f', 'csv']).code).toBe(0);
    expect(fs.statSync(state).size).toBe(0);
    expect(run(state, out).code).toBe(4);
    // Deleted (a new setup, nothing ever recorded there): made anew, …903 new.
    fs.rmSync(state);
    const again = run(state, out);
    expect(again.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/v0c7d9f4ff93c7daa0ab3,.*,50\.00,no,late,final,.*,new,/);
  });

  it('a new database is made whole: never seen empty, nothing left beside it, owner-only', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'sub', 'state.db');
    const r = run(state, path.join(dir, 'a.csv'));
    expect(r.code).toBe(0);
    expect(fs.statSync(state).size).toBeGreaterThan(0);
    expect(fs.statSync(state).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(state)).filter((n) => n.includes('.new-'))).toEqual([]);
    // A temporary database a killed run left (a pid no process has) is swept by the next run making one.
    const other = path.join(dir, 'other.db');
    const stale = `${other}.new-999999999.tmp`;
    fs.writeFileSync(stale, 'half made');
    expect(run(other, path.join(dir, 'b.csv')).code).toBe(0);
    expect(fs.existsSync(stale)).toBe(false);
  });
});
