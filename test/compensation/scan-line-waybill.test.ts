// --shipments with an item report (宝贝报表) whose lines have their own waybills (docs/rules.md §1.1, §1.3):
// a scan row that names the order AND carries line L1's waybill is L1's parcel. It is not the pickup of
// line L2, which has a waybill of its own with no scan: L2 ships by its own scan, else its 发货时间.
// Before, the row was found for L2 by the order id (its waybill being one of the order's, not a
// contradiction), and L2, shipped a day late by its 发货时间, was on time by L1's scan.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
const HEAD =
  '子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品id,分阶段订单信息,主订单备注,主订单买家留言,发货时间,物流单号,物流公司,是否赔付,赔付金额,赔付出账时间,';
const A = '3720000000000000001';
const L1 = '3720000000000000011';
const L2 = '3720000000000000012';
type V = { orderIds: string[]; rules: string; baseAmount: string; amount: string; state: string; maxHoursLate: number | null };
const vouchers = (out: string) => (JSON.parse(out) as V[]).map((v) => [v.orderIds.join(';'), v.rules, v.baseAmount, v.amount, v.state, v.maxHoursLate]);

/**
 * Order A paid <month>-01 10:00:00 → deadline <month>-03 10:00:00 (48 h). L1 300.00 on waybill W1, 发货时间
 * <month>-03 09:00:00; L2 200.00 on waybill W2, 发货时间 <month>-04 10:00:00 (24 h late). The scan file has one
 * row: A, W1, <month>-03 09:30:00 (L1's pickup, on time). W2 has no scan.
 */
function files(month: string) {
  const paid = `${month}-01 10:00:00`;
  const line = (sub: string, amount: string, shipped: string, wb: string) => `="${sub}",="${A}",t,${amount},1,,,,,交易成功,,,${amount},${amount},,0,${paid},${paid},,,,,${shipped},No:${wb},,,,,`;
  const rep = write(dir, `o-${month}.csv`, taobaoCsv([order(A, { 买家会员名: '小明', 订单状态: '交易成功', 订单创建时间: paid, 订单付款时间: paid, 买家应付货款: '500.00', 买家应付邮费: '0.00', 买家实际支付金额: '500.00', 发货时间: `${month}-03 09:00:00`, 物流单号: 'No:W1' })]));
  const items = write(dir, `i-${month}.csv`, [HEAD, line(L1, '300.00', `${month}-03 09:00:00`, 'W1'), line(L2, '200.00', `${month}-04 10:00:00`, 'W2'), ''].join('\n'));
  const scans = write(dir, `s-${month}.csv`, `订单编号,物流单号,揽收时间\n${A},W1,${month}-03 09:30:00\n`);
  return [rep, items, scans] as const;
}
const AS_OF = ['--as-of', '2026-11-30 12:00:00', '-f', 'json'];

describe("a scan row naming the order and line L1's waybill is not line L2's pickup", () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    // tmall-2026 (paid 2026-11-01): each line priced on its own. L1 picked up 09:30:00, on time. L2: 24 h
    // late by its 发货时间 (≤ 72 h, window 48 h: tier 5), 5 % × 200.00 = 10.00 (within 5.00–50.00).
    // Before: L2 took L1's scan, on time, nothing owed (10.00 lost).
    it(`tmall-2026: L2 owes 5 % × 200.00 = 10.00 — TZ=${tz}`, () => {
      const [rep, items, scans] = files('2026-11');
      const r = runCli(['compensate', rep, items, '--shipments', scans, ...AS_OF], { tz });
      expect(r.code).toBe(0);
      expect(vouchers(r.stdout)).toEqual([[A, 'tmall-2026', '200.00', '10.00', 'final', 24]]);
      expect(r.stderr).toContain(`--shipments ${scans}: 1 scan row(s) read: 1 used.`);
    });

    // tmall-2023 (paid 2026-04-01, before 04-09): the order priced as one ships when its last line does:
    // L1 by its scan 04-03 09:30:00, L2 by its 发货时间 04-04 10:00:00, 24 h late: 30 % × 500.00 = 150.00.
    // Before: L2 took L1's scan, the order was on time (150.00 lost).
    it(`tmall-2023: the order ships with L2, 30 % × 500.00 = 150.00 — TZ=${tz}`, () => {
      const [rep, items, scans] = files('2026-04');
      const r = runCli(['compensate', rep, items, '--shipments', scans, ...AS_OF], { tz });
      expect(vouchers(r.stdout)).toEqual([[A, 'tmall-2023', '500.00', '150.00', 'final', 24]]);
    });
  }

  // W2's own scan still ships L2: A, W2, 2026-11-03 08:00:00 (on time) beside L1's row → nothing owed.
  it('a row naming the order with W2 is L2\'s pickup: on time, nothing owed', () => {
    const [rep, items] = files('2026-11');
    const scans = write(dir, 's-both.csv', `订单编号,物流单号,揽收时间\n${A},W1,2026-11-03 09:30:00\n${A},w2,2026-11-03 08:00:00\n`);
    const r = runCli(['compensate', rep, items, '--shipments', scans, ...AS_OF]);
    expect(r.stdout.trim()).toBe('[]');
    expect(r.stderr).toContain(`--shipments ${scans}: 2 scan row(s) read: 2 used.`);
  });
});
