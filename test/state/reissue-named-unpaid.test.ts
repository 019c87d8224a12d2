// --reissue naming an order of a conflicting voucher that no recorded voucher paid (the late order a
// new export added, which the voucher's orderIds list first when it was paid first). The ledger
// re-issues a voucher only when --reissue names every order of it already paid; naming another of
// its orders re-issued nothing, and the run did not say so (the id is "in a voucher of this run", so
// not reported as unused either): the operator, told "run again with --reissue <orderId,...>", saw
// the same conflict every hour. Now the run names the ids to give, and says why the one given did
// nothing; the summary line names the orders already paid instead of "<orderId,...>".
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledger, recorderIn, seen, shipped as shippedOf } from './record-runs.js';

const A = '5000000000000000001';
const B = '5000000000000000002';

describe.each(['UTC', 'America/Los_Angeles'])('--reissue naming the unpaid order of a conflict (TZ=%s)', (tz) => {
  it('says the voucher was not re-issued and which ids to give, zh and en; with them it is, for what is still owed', () => {
    const dir = tmpDir();
    // RULES 1.3 tmall-2026 tier 5, buyer P, both paid on 06-01 (Beijing), one calendar-day window:
    //   A paid 06-01 10:00, deadline 06-03 10:00, shipped 06-04 10:00 (24 h late): 600.00 × 5 % = 30.00
    //   B paid 06-01 09:00, deadline 06-03 09:00, shipped 06-04 09:00 (24 h late): 400.00 × 5 % = 20.00
    // The first export holds A only: {A} 30.00 recorded. The second adds B: {B,A} 50.00 (under the
    // 500.00 cap), of which {A} paid 30.00: a conflict still owing 20.00.
    const f = files(dir, {
      first: [shipped(A, '600.00', '2026-06-01 10:00:00', '2026-06-04 10:00:00')],
      second: [shipped(B, '400.00', '2026-06-01 09:00:00', '2026-06-04 09:00:00'), shipped(A, '600.00', '2026-06-01 10:00:00', '2026-06-04 10:00:00')],
    });
    const state = path.join(dir, 'state.db');
    const record = recorderIn(tz, '2026-07-01 00:00:00');
    expect(seen(record(f.first, state).rows)).toEqual([['P', '01', '30.00', '30.00', 'new']]);

    // --reissue B: B is in the voucher but paid by none; A, the order already paid, is not named.
    const en = record(f.second, state, '--reissue', B, '--lang', 'en');
    expect(en.code).toBe(1);
    expect(seen(en.rows)).toEqual([['P', '02,01', '50.00', '20.00', 'conflict']]);
    const key = String(en.rows[0]!.voucherKey);
    expect(en.stderr).toContain(
      `storeops: warning: --reissue names order(s) ${B} of voucher ${key}, but it was not re-issued: a voucher is re-issued when --reissue names every order of it already paid (${A}). Once checked, run again with --reissue ${A} (or all)\n`,
    );
    expect(en.stderr).toContain(`Check it, then run again with --reissue ${A} (the orders already paid; or all): the voucher is recorded`);
    expect(en.stderr).not.toContain('--reissue <orderId,...>');
    const zh = record(f.second, state, '--reissue', B, '--lang', 'zh');
    expect(zh.stderr).toContain(
      `storeops: 警告: --reissue 列出了红包 ${key} 的订单 ${B}, 但该红包未补发: 只有列出它所有已赔付过的订单 (${A}) 时才补发。核对后用 --reissue ${A} (或 all) 重新运行\n`,
    );
    expect(zh.stderr).toContain(`核对后用 --reissue ${A} (已赔付过的订单; 或 all) 重新运行`);
    // Nothing recorded by those runs: the ledger still holds {A} 30.00 alone.
    expect(ledger(state).stderr).toContain('1 voucher recorded, total 30.00');

    // The ids it gave: re-issued, 50.00 − 30.00 = 20.00 to issue; 50.00 paid in all, never more.
    const again = record(f.second, state, '--reissue', A, '--lang', 'en');
    expect(again.code).toBe(0);
    expect(seen(again.rows)).toEqual([['P', '02,01', '50.00', '20.00', 'reissued']]);
    expect(again.stderr).not.toContain('but it was not re-issued');
    expect(ledger(state).stderr).toContain('2 vouchers recorded, total 50.00');
  });
});

/** An order of buyer P paid `paid` (no postage) at `paidAt`, marked shipped at `shippedAt`. */
function shipped(id: string, paid: string, paidAt: string, shippedAt: string) {
  return shippedOf(id, 'P', paid, paidAt, shippedAt);
}
