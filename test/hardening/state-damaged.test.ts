// A state database cut short (a copy that did not finish, a full disk on another machine): the run
// stops with exit 4 and leaves it as it was. Its hint said only "move it aside and use a new
// --state file", and a new database knows none of the vouchers recorded: its first --record run
// lists every one of them as new, to be issued again. The hint says so now. Found by hostile40.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const md5 = (f: string) => crypto.createHash('md5').update(fs.readFileSync(f)).digest('hex');

describe('a state database cut short', () => {
  it('exit 4, left as it was, and the hint says a new database would list the recorded vouchers as new again (zh and en)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    expect(runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-o', path.join(dir, 'v.csv'), '-q']).code).toBe(0);
    // Cut to its first 5 pages of 4096 bytes (the file has more: the schema, the voucher rows).
    expect(fs.statSync(state).size).toBeGreaterThan(5 * 4096);
    fs.truncateSync(state, 5 * 4096);
    const before = md5(state);
    const r = runCli(['compensate', ORDERS, '--as-of', '2026-11-25 12:00:00', '--record', '--state', state, '-o', path.join(dir, 'w.csv')]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`storeops: error: state database ${state} is damaged or not an SQLite file (`);
    expect(r.stderr).toContain(
      '  hint: restore it from a backup (make one any time with sqlite3 STATEFILE ".backup copy.db"), and keep the damaged file for checking; storeops will not overwrite it. ' +
        'A new (or partly repaired) --state file does not know the vouchers recorded in it: its first --record run lists them as new again, so issue none that your earlier outputs show issued.\n',
    );
    const zh = runCli(['ledger', 'list', '--state', state, '--lang', 'zh']);
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain('新的 (或修复得不完整的) --state 文件不知道其中已记录的红包: 它的第一次 --record 运行会把它们重新列为新红包, 以前的输出中已发放的不要再发。');
    expect(md5(state)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'w.csv'))).toBe(false);
  });
});

// Random bytes in the state database can land inside a row and leave the file sound to SQLite's
// quick_check (guard43: 1 of 25 random overwrites of the 910-voucher bench ledger): an amount that
// is no longer a number. Every command opening it stopped with "internal error: [DecimalError]
// Invalid argument: 1O.00 … this is a bug in storeops" (exit 70). Now it is said damaged (exit 4),
// naming the voucher and the value, and left as it was.
describe('a state database whose amount text is damaged', () => {
  it('exit 4 naming the voucher and the value, for --record and ledger list; left as it was (zh and en)', async () => {
    const Database = (await import('better-sqlite3')).default;
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    expect(runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-o', path.join(dir, 'v.csv'), '-q']).code).toBe(0);
    // …903's voucher, 50.00 (2000.00 × 5 % = 100.00 capped at 50.00), its "5" now the letter O's neighbour.
    const db = new Database(state);
    expect(db.prepare("UPDATE vouchers SET amount = '5O.00' WHERE voucher_key = 'v0c7d9f4ff93c7daa0ab3'").run().changes).toBe(1);
    db.close();
    const before = md5(state);
    const r = runCli(['compensate', ORDERS, '--as-of', '2026-11-25 12:00:00', '--record', '--state', state, '-o', path.join(dir, 'w.csv'), '--lang', 'en']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`storeops: error: state database ${state} is damaged or not an SQLite file (voucher v0c7d9f4ff93c7daa0ab3: amount "5O.00" is not an amount); it was left untouched`);
    expect(r.stderr).not.toContain('internal error');
    const zh = runCli(['ledger', 'list', '--state', state, '--lang', 'zh']);
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain(`状态数据库 ${state} 已损坏或不是 SQLite 文件 (红包 v0c7d9f4ff93c7daa0ab3: 金额 "5O.00" 不是金额)`);
    expect(md5(state)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'w.csv'))).toBe(false);
  });
});
