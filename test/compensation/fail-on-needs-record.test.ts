// `--fail-on new-vouchers` exits 1 when the run records new vouchers to issue. Without --record
// nothing is recorded, so it never fired: `compensate example --fail-on new-vouchers` (the example
// owes 50.00 to issue) exited 0, and a cron job written without --record never alerted. It is now
// refused, exit 2, as --reissue without --record is.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli } from '../helpers.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];

describe('--fail-on new-vouchers without --record', () => {
  it('exit 2, nothing on stdout, what to add (en)', () => {
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--fail-on', 'new-vouchers', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'storeops: error: --fail-on new-vouchers works only with --record: it exits 1 when the run records new vouchers to issue; without --record nothing is recorded, so it would never fire\n' +
        "  hint: add --record (cron: storeops compensate EXPORT.csv --record --fail-on new-vouchers -o vouchers.xlsx); without recording, the summary's total to issue says what to issue.\n",
    );
  });

  it('zh', () => {
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--fail-on', 'new-vouchers', '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('storeops: 错误: --fail-on new-vouchers 只能与 --record 一起用');
    expect(r.stderr).toContain('  提示: 加上 --record');
  });

  it('with --record it still alerts: the example records 1 voucher of 50.00, exit 1', () => {
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--fail-on', 'new-vouchers', '--record', '-q', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--fail-on new-vouchers: 1 new voucher to issue recorded this run, 50.00 in all');
  });
});
