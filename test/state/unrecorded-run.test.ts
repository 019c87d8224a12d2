// A run without --record next to the hourly --record job: it reads no ledger, so vouchers the job
// recorded (and the shop issued) are listed again as to issue. When a state database exists, stderr
// now says which of the listed vouchers' orders it records as paid.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, MIGRATIONS } from '../../src/state/schema.js';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const ex = (f: string) => path.join(EXAMPLES, f);
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];

describe('compensate without --record beside a state database', () => {
  it('names the vouchers to issue whose orders the ledger records as paid (en, zh); silent without a database, creating none', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    // README worked example as of 2026-11-20 12:00: one voucher to issue, …903, 2000.00 × 5 % = 100.00
    // capped at 50.00; the others are paid by the platform (0.00) or provisional (0.00). --record keeps it.
    const rec = runCli(['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '--record', '--state', state, '-f', 'csv', '--lang', 'en']);
    expect(rec.code).toBe(0);
    expect(rec.stderr).toContain('1 newly recorded');
    // The same export without --record: the summary still counts 50.00 to issue (no ledger read), and
    // stderr now says that voucher's order is recorded as paid: 1 voucher, 50.00.
    const en = runCli(['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '--state', state, '-f', 'csv', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stderr).toContain('1 voucher totalling 50.00 to issue');
    expect(en.stderr).toContain(`this run has no --record, so what it lists is not checked against the state database; but ${state} records orders of 1 voucher it lists to issue (50.00 of issueNow`);
    expect(en.stderr).toContain('storeops ledger list --order 3515313147329357903');
    // Under -q (the summary hidden) it is still said.
    const zh = runCli(['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '--state', state, '-f', 'csv', '--lang', 'zh', '-q']);
    expect(zh.stderr).toContain(`但 ${state} 已记录了本次列为待发放的 1 个红包中的订单 (现在发放 共 50.00 元`);
    // No database at that path: nothing said, and none created.
    const none = path.join(dir, 'none.db');
    const bare = runCli(['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '--state', none, '-f', 'csv', '--lang', 'en']);
    expect(bare.code).toBe(0);
    expect(bare.stderr).not.toContain('not checked against the state database');
    expect(fs.existsSync(none)).toBe(false);
    // With --record the voucher is already_recorded (toIssue 0.00): nothing to warn about.
    const again = runCli(['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '--record', '--state', state, '-f', 'csv', '--lang', 'en']);
    expect(again.stderr).not.toContain('not checked against the state database');
    expect(again.stdout).toContain('already_recorded');
  });
  it('only reads the database: a schema 10 ledger is warned from and left at schema 10, an empty file left empty', () => {
    const dir = tmpDir();
    const fresh = path.join(dir, 'fresh.db');
    expect(runCli(['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '--record', '--state', fresh, '-f', 'csv']).code).toBe(0);
    // The same ledger as an older storeops wrote it (schema 10: no vouchers.buyer_now). Before, the
    // run without --record opened it for writing and migrated it to schema 11 (a by-hand run writing
    // to the ledger, waiting up to the busy timeout, 5 s, when the hourly job held the write lock).
    const src = new Database(fresh, { readonly: true });
    const vouchers = src.prepare('SELECT voucher_key, buyer, rules, order_ids, amount, window_start, recorded_at, kind FROM vouchers').all() as Record<string, unknown>[];
    const claims = src.prepare('SELECT voucher_key, order_id, kind, claim FROM voucher_orders').all() as Record<string, unknown>[];
    src.close();
    const v10 = path.join(dir, 'v10.db');
    const raw = new Database(v10);
    raw.pragma('journal_mode = WAL');
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    for (const m of MIGRATIONS.filter((m) => m.to <= 10)) m.up(raw);
    raw.pragma('user_version = 10');
    for (const v of vouchers) raw.prepare('INSERT INTO vouchers (voucher_key, buyer, rules, order_ids, amount, window_start, recorded_at, kind) VALUES (@voucher_key, @buyer, @rules, @order_ids, @amount, @window_start, @recorded_at, @kind)').run(v);
    for (const c of claims) raw.prepare('INSERT INTO voucher_orders (voucher_key, order_id, kind, claim) VALUES (@voucher_key, @order_id, @kind, @claim)').run(c);
    raw.close();
    const r = runCli(['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '--state', v10, '-f', 'csv', '--lang', 'en']);
    expect(r.code).toBe(0);
    // The same warning as on a current ledger: …903's voucher, 50.00.
    expect(r.stderr).toContain(`${v10} records orders of 1 voucher it lists to issue (50.00 of issueNow`);
    const after = new Database(v10, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(10);
    after.close();
    // An empty file at the state path (no database yet): read as none, not made a database.
    const empty = path.join(dir, 'empty.db');
    fs.writeFileSync(empty, '');
    const e = runCli(['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '--state', empty, '-f', 'csv', '--lang', 'en']);
    expect(e.code).toBe(0);
    expect(e.stderr).not.toContain('not checked against the state database');
    expect(fs.statSync(empty).size).toBe(0);
  });
  it('names unkept-promise payouts the ledger records as paid too (--delivery-failures, tmall-2023)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    // tmall-2023 (RULES 1.2): 10.00 per unkept promise, separate from the voucher and its cap; the
    // example's delivery-failures.csv names …801 (小红书迷). --record keeps it (kind delivery_promise)
    // beside …903's voucher (2000.00 × 30 % = 600.00, capped at 500.00).
    const args = ['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '--rules', 'tmall-2023', '--delivery-failures', ex('delivery-failures.csv'), '--state', state, '-f', 'csv'];
    expect(runCli([...args, '--record']).code).toBe(0);
    // Without --record the promise is listed again with issueNow 10.00 (last column); before, only
    // the voucher was named and the 10.00, paid already, went unsaid.
    const en = runCli([...args, '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain(',delivery_promise,final,,,,,paid-minus-postage,,10.00,shop-issues,100200300,10.00');
    expect(en.stderr).toContain('records orders of 1 voucher it lists to issue (500.00 of issueNow');
    expect(en.stderr).toContain(`${state} records 1 unkept-promise payout it lists (10.00 of issueNow, counted in the summary's unkept-promise total) as paid`);
    expect(en.stderr).toContain('storeops ledger list --order 5200000000000000801');
    const zh = runCli([...args, '--lang', 'zh', '-q']);
    expect(zh.stderr).toContain(`但 ${state} 已记录本次列出的 1 笔未履约承诺赔付为已赔付 (现在发放 共 10.00 元`);
    // With --record it is already_recorded (issueNow 0.00): nothing to warn about.
    const again = runCli([...args, '--record', '--lang', 'en']);
    expect(again.stderr).not.toContain('unkept-promise payout it lists');
  });
});
