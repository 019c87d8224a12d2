// --reissue naming an order id no voucher of the run holds (a typo, an order of another export, an
// order shipped on time): it re-issues nothing, and the run says so (zh/en) rather than passing
// over it silently, as an --exclude id that matches no order is reported.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledger, recorder, shipped } from './record-runs.js';

const record = recorder('2026-07-01 00:00:00');
const A = '5000000000000000001';
const ON_TIME = '5000000000000000002';
const TYPO = '5000000000000000010';

describe('--reissue naming orders no voucher holds', () => {
  it('warns with each such id; the voucher it names is recorded as usual', () => {
    const dir = tmpDir();
    const f = files(dir, {
      // RULES 1.3 tmall-2026 tier 5: paid 06-01 10:00, deadline 06-03 10:00 (48 h), shipped 06-04
      // 10:00 (24 h late): 1000.00 × 5 % = 50.00 (max 50.00). ON_TIME ships before its deadline.
      x: [shipped(A, 'P', '1000.00', '2026-06-01 10:00:00', '2026-06-04 10:00:00'), shipped(ON_TIME, 'Q', '1000.00', '2026-06-01 10:00:00', '2026-06-02 10:00:00')],
    });
    const state = path.join(dir, 'state.db');
    const r = record(f.x, state, '--reissue', `${TYPO},${A},${ON_TIME}`);
    expect(r.code).toBe(0);
    expect(r.rows.map((v) => [v.orderIds, v.toIssue, v.recorded])).toEqual([[[A], '50.00', 'new']]);
    expect(r.stderr).toContain(`--reissue: 2 of the 3 order id(s) it names are in no voucher of this run and re-issue nothing: ${TYPO}, ${ON_TIME}.`);
    expect(ledger(state).stderr).toContain('1 voucher recorded, total 50.00');
    // `all`: nothing to say. An id all of whose vouchers are recorded already as they are now
    // (already_recorded) is said since 2026-12 (the case below); it was passed over before.
    expect(record(f.x, state, '--reissue', 'all').stderr).not.toContain('--reissue:');
    expect(record(f.x, state, '--reissue', A).stderr).toContain(`--reissue: the voucher(s) holding order(s) ${A} (`);
  });

  it('an order whose voucher is recorded already, unchanged (a voucher that failed to post in 千牛): said, zh and en; nothing recorded', () => {
    // user12 (老陈, month end): the 11.73 voucher of 品茗者 failed to post in 千牛, and he ran
    // `--record --reissue <its order>` to have it paid again. The voucher is already_recorded with the
    // same orders and amount, so nothing is owed and nothing recorded, and the run said not a word
    // of --reissue (exit 0): he took it as done. By hand, RULES 1.3 tmall-2026 tier 5: paid 06-01
    // 10:00, deadline 06-03 10:00, shipped 06-04 10:00 (24 h late): 5 % × 1000.00 = 50.00 (max 50.00),
    // recorded by the first run; the second run: already_recorded, toIssue 0.00, the ledger 50.00.
    const dir = tmpDir();
    const f = files(dir, { x: [shipped(A, 'P', '1000.00', '2026-06-01 10:00:00', '2026-06-04 10:00:00')] });
    const state = path.join(dir, 'state.db');
    const first = record(f.x, state);
    expect(first.rows.map((v) => [v.orderIds, v.amount, v.toIssue, v.recorded])).toEqual([[[A], '50.00', '50.00', 'new']]);
    const key = String(first.rows[0]!.voucherKey);
    const again = record(f.x, state, '--reissue', A, '--lang', 'en');
    expect(again.code).toBe(0);
    expect(again.rows.map((v) => [v.orderIds, v.amount, v.toIssue, v.recorded])).toEqual([[[A], '50.00', '0.00', 'already_recorded']]);
    expect(again.stderr).toContain(
      `--reissue: the voucher(s) holding order(s) ${A} (${key} 50.00) were recorded before with the same orders and amount: nothing is owed, so nothing was re-issued or recorded.`,
    );
    expect(again.stderr).toContain(`if such a voucher failed to post in the Taobao/Tmall seller centre (千牛/卖家中心), issue it again as the ledger has it (storeops ledger list --order ${A})`);
    const zh = record(f.x, state, '--reissue', A, '--lang', 'zh');
    expect(zh.stderr).toContain(`--reissue: 订单 ${A} (${key} 50.00 元) 所在的红包此前已按同样的订单和金额记录, 没有还欠的钱, 本次没有补发、也没有记录任何内容。`);
    expect(zh.stderr).toContain(`若这个红包在千牛/卖家中心发放失败, 按状态数据库中的记录再发一次即可 (storeops ledger list --order ${A})`);
    expect(ledger(state).stderr).toContain('1 voucher recorded, total 50.00');
  });
});
