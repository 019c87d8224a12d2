// A run without --record next to the hourly --record job: it reads no ledger, so vouchers the job
// recorded (and the shop issued) are listed again as to issue. When a state database exists, stderr
// now says which of the listed vouchers' orders it records as paid.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
    expect(en.stderr).toContain(`this run has no --record and does not read the state database, but ${state} records orders of 1 voucher it lists to issue (50.00 of issueNow`);
    expect(en.stderr).toContain('storeops ledger list --order 3515313147329357903');
    // Under -q (the summary hidden) it is still said.
    const zh = runCli(['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '--state', state, '-f', 'csv', '--lang', 'zh', '-q']);
    expect(zh.stderr).toContain(`但 ${state} 已记录了本次列为待发放的 1 个红包中的订单 (现在发放 共 50.00 元`);
    // No database at that path: nothing said, and none created.
    const none = path.join(dir, 'none.db');
    const bare = runCli(['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '--state', none, '-f', 'csv', '--lang', 'en']);
    expect(bare.code).toBe(0);
    expect(bare.stderr).not.toContain('does not read the state database');
    expect(fs.existsSync(none)).toBe(false);
    // With --record the voucher is already_recorded (toIssue 0.00): nothing to warn about.
    const again = runCli(['compensate', ex('ExportOrderList202611.csv'), ...AS_OF, '--record', '--state', state, '-f', 'csv', '--lang', 'en']);
    expect(again.stderr).not.toContain('does not read the state database');
    expect(again.stdout).toContain('already_recorded');
  });
});
