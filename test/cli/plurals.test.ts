// English messages said "1 duplicates", "1 rows read", "wrote 1 orders", "1 days off each": one of
// a thing is said in the singular (the Chinese has no plural and is unchanged).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

describe('one of a thing, in the singular', () => {
  it('orders: one file, one row, one order', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'one.csv');
    // The header and the first order (the bytes as they are: the export is GBK).
    const bytes = fs.readFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv'));
    fs.writeFileSync(f, bytes.subarray(0, bytes.indexOf(10, bytes.indexOf(10) + 1) + 1));
    const n = runCli(['orders', 'normalize', f, '--lang', 'en']);
    expect(n.stderr).toContain('1 row read: 1 accepted, 0 rejected, 0 duplicates; wrote 1 order\n');
    const i = runCli(['orders', 'inspect', f, '--lang', 'en']);
    expect(i.stderr).toContain('1 file: 1 row read = 1 accepted + 0 rejected + 0 duplicates');
  });

  it('roster plan --days-off 1: "1 day off each"', () => {
    const dir = tmpDir();
    const r = runCli(['roster', 'plan', '--month', '2026-11', '--agents', 'Ann,Bo,Cy,Di,Ed,Fay', '--days-off', '1', '--lang', 'en', '-o', path.join(dir, 'r.csv')]);
    expect(r.stderr).toContain('6 agents, staff D=1,H=1,N=1, 1 day off each;');
  });
});

describe('the output-pending warning (ledger list / compensate --record) agrees with its voucher count', () => {
  // 2026-11-21 01:00 UTC = 2026-11-21 09:00:00 Beijing.
  const at = Date.UTC(2026, 10, 21, 1, 0, 0);

  it('one voucher is "it", not "them"', async () => {
    const { pendingWarning } = await import('../../src/state/pending.js');
    const w = pendingWarning({ key: JSON.stringify({ output: '-' }), at, vouchers: [{ voucherKey: 'v-a1', amount: '30.00' }] }, 'list');
    expect(w.en).toBe(
      'the run of 2026-11-21 09:00:00 Beijing time recorded 1 voucher (total 30.00: v-a1) but stopped before or while writing it to standard output ' +
        '(the file it was sent to) (killed, or a power cut). It is recorded (in this list), so no later run lists it as new; check whether it was issued: ' +
        "that run's standard output may be incomplete (recordedAt 2026-11-21 09:00:00). If it was not issued, issue it as recorded; do not record it again " +
        'with --reissue. The next compensate --record run says this once, then clears it.',
    );
    expect(w.zh).toContain('该红包已记录 (在本列表中)');
  });

  it('two vouchers stay "them"', async () => {
    const { pendingWarning } = await import('../../src/state/pending.js');
    const out = path.join(tmpDir(), 'out.csv');
    const vouchers = [
      { voucherKey: 'v-a1', amount: '30.00' },
      { voucherKey: 'v-b2', amount: '12.5' },
    ];
    // total 30.00 + 12.50 = 42.50
    const w = pendingWarning({ key: JSON.stringify({ output: out }), at, vouchers }, 'record');
    expect(w.en).toBe(
      `the run of 2026-11-21 09:00:00 Beijing time recorded 2 vouchers (total 42.50: v-a1, v-b2) but stopped before its output file ${out} was in place ` +
        '(killed, a power cut, or the file could not be renamed). They are recorded, so this run does not list them as new; check whether they were issued: ' +
        `${out}, if that run wrote it, is the complete output; storeops ledger list shows them too (recordedAt 2026-11-21 09:00:00). ` +
        'Issue those not yet issued as recorded; do not record them again with --reissue.',
    );
    expect(w.zh).toContain('这些红包已记录, 本次不再列为新红包');
  });
});
