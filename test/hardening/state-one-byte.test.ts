// A state database cut to ONE byte: `echo > state.db` (or `echo "" > state.db`) writes a single
// newline, not 0 bytes. SQLite reports a 1-byte file as empty (os_unix.c unixFileSize: "report this
// file size as zero even though it is really 1", ticket #3260) and builds a new, empty ledger in it,
// so the 0-byte refusal (guard43, b8da6df9: test/hardening/state-empty) let it through: the next
// --record run listed every voucher recorded before as new again, exit 0 — each paid twice. It is
// refused as the 0-byte file is (exit 4, en and zh), and left as it was.
//
// By hand (README worked example, tmall-2026, as of 2026-11-20 12:00): one final voucher to issue,
// …903's 2000.00 × 5 % = 100.00 capped at 50.00 (v0c7d9f4ff93c7daa0ab3), recorded `new` once.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const run = (state: string, out: string, ...more: string[]) =>
  runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-q', '--no-input', '-o', out, ...more]);

describe('a state database cut to 1 byte (echo > state.db)', () => {
  it('is refused by --record (exit 4, en and zh) and left as it was: …903 is not listed new a second time', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const first = run(state, path.join(dir, 'first.csv'));
    expect(first.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'first.csv'), 'utf8')).toMatch(/v0c7d9f4ff93c7daa0ab3,.*,50\.00,no,late,final,.*,new,/);
    fs.writeFileSync(state, '\n');
    for (const f of ['-wal', '-shm']) fs.rmSync(state + f, { force: true });
    const out = path.join(dir, 'out.csv');
    fs.writeFileSync(out, 'the operator file\n');
    const r = run(state, out, '--lang', 'en');
    // Before: exit 0, …903's 50.00 recorded `new` again.
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`storeops: error: the state database ${state} is empty (1 byte, which SQLite reads as an empty file)`);
    expect(r.stderr).toContain('restore it from a backup');
    expect(fs.readFileSync(state, 'utf8')).toBe('\n');
    expect(fs.readFileSync(out, 'utf8')).toBe('the operator file\n');
    const zh = run(state, out, '--lang', 'zh');
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain(`storeops: 错误: 状态数据库 ${state} 是空的 (只有 1 个字节, SQLite 把它当作空文件)`);
    // Runs that only read leave it as it was, and say it is empty as they do of 0 bytes (guard43's
    // 23ed1697): ledger list warns; compensate without --record lists …903's 50.00 as unchecked.
    const list = runCli(['ledger', 'list', '--state', state, '-f', 'csv', '--lang', 'en']);
    expect(list.code).toBe(0);
    expect(list.stderr).toContain(`storeops: warning: the state database ${state}: the file is empty (1 byte, which SQLite reads as an empty file): storeops never leaves its database empty`);
    const check = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--state', state, '-q', '-f', 'csv', '--lang', 'en']);
    expect(check.code).toBe(0);
    expect(check.stderr).toContain(`the state database ${state} cannot be read (the file is empty (1 byte, which SQLite reads as an empty file)`);
    expect(check.stderr).toContain('the 1 row it lists to issue (50.00 of issueNow) could not be checked');
    expect(fs.readFileSync(state, 'utf8')).toBe('\n');
  });
});
