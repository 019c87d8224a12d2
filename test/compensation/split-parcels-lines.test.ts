// RULES 1.1 (docs/rules.md §1.1): 拆单 — an order whose 物流单号 lists two waybills (W1;W2) is picked up
// when its LAST parcel was. The same order joined with its item report (宝贝报表) whose lines carry no
// waybill of their own: each line goes by the order's W1;W2 (docs/rules.md §1.3: "its waybill number for
// a shipped line without one"), and which line rode in which parcel is not known, so each is shipped when
// the last of those parcels was. Before (review22), such a line took the EARLIEST scan of W1;W2 (the first
// parcel's): the order, late with the order report alone, was on time once the item report was added.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
const HEAD =
  '子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品id,分阶段订单信息,主订单备注,主订单买家留言,发货时间,物流单号,物流公司,是否赔付,赔付金额,赔付出账时间,';
const A = '3730000000000000001';
const L1 = '3730000000000000011';
const L2 = '3730000000000000012';
type V = { orderIds: string[]; rules: string; amount: string; state: string; maxHoursLate: number | null };
const vouchers = (out: string) => (JSON.parse(out) as V[]).map((v) => [v.orderIds.join(';'), v.rules, v.amount, v.state, v.maxHoursLate]);
const AS_OF = ['--as-of', '2026-11-30 12:00:00', '-f', 'json'];

/**
 * Order A paid <month>-01 10:00:00 → deadline <month>-03 10:00:00 (48 h); 500.00 (postage 0.00), 物流单号
 * W1;W2 (two parcels), 发货时间 <month>-03 09:00:00. Lines L1 300.00 and L2 200.00, 发货时间 `lineShipped`,
 * no waybill of their own. Scans: W1 <month>-03 09:30:00 (on time); W2 `w2` (none when empty).
 */
function files(month: string, lineShipped: string, w2: string) {
  const paid = `${month}-01 10:00:00`;
  const line = (sub: string, amount: string) => `="${sub}",="${A}",t,${amount},1,,,,,交易成功,,,${amount},${amount},,0,${paid},${paid},,,,,${month}-${lineShipped},,,,,,`;
  const tag = `${month}-${lineShipped}-${w2}`.replace(/\D/g, '');
  const rep = write(dir, `o-${tag}.csv`, taobaoCsv([order(A, { 买家会员名: '小明', 订单状态: '交易成功', 订单创建时间: paid, 订单付款时间: paid, 买家应付货款: '500.00', 买家应付邮费: '0.00', 买家实际支付金额: '500.00', 发货时间: `${month}-03 09:00:00`, 物流单号: 'No:W1;W2' })]));
  const items = write(dir, `i-${tag}.csv`, [HEAD, line(L1, '300.00'), line(L2, '200.00'), ''].join('\n'));
  const scans = write(dir, `s-${tag}.csv`, `物流单号,揽收时间\nW1,${month}-03 09:30:00\n${w2 ? `W2,${month}-${w2}\n` : ''}`);
  return [rep, items, scans] as const;
}

describe('拆单 with the item report: a line without its own waybill is shipped when the last of the order\'s parcels was', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    // tmall-2023 (paid 2026-04-01, before 04-09), priced as one: W2 picked up 04-04 10:00:00, 24 h late
    // (≤ 72 h): 30 % × 500.00 = 150.00 — as with the order report alone. Before: 0.00 (W1's 09:30:00).
    it(`tmall-2023: W2 scanned 24 h late, 30 % × 500.00 = 150.00, alone and with the item report — TZ=${tz}`, () => {
      const [rep, items, scans] = files('2026-04', '03 09:00:00', '04 10:00:00');
      expect(vouchers(runCli(['compensate', rep, '--shipments', scans, ...AS_OF], { tz }).stdout)).toEqual([[A, 'tmall-2023', '150.00', 'final', 24]]);
      const r = runCli(['compensate', rep, items, '--shipments', scans, ...AS_OF], { tz });
      expect(r.code).toBe(0);
      expect(vouchers(r.stdout)).toEqual([[A, 'tmall-2023', '150.00', 'final', 24]]);
      expect(r.stderr).toContain('2 scan row(s) read: 2 used.');
    });

    // tmall-2026 (paid 2026-11-01), each line priced on its own, each shipped with the last parcel (11-04
    // 10:00:00, 24 h late, tier 5 %): L1 5 % × 300.00 = 15.00, L2 5 % × 200.00 = 10.00 → 25.00 (within
    // 5.00–50.00 each) — the order report alone: 5 % × 500.00 = 25.00. Before: 0.00.
    it(`tmall-2026: L1 15.00 + L2 10.00 = 25.00, as the order report alone — TZ=${tz}`, () => {
      const [rep, items, scans] = files('2026-11', '03 09:00:00', '04 10:00:00');
      expect(vouchers(runCli(['compensate', rep, '--shipments', scans, ...AS_OF], { tz }).stdout)).toEqual([[A, 'tmall-2026', '25.00', 'final', 24]]);
      expect(vouchers(runCli(['compensate', rep, items, '--shipments', scans, ...AS_OF], { tz }).stdout)).toEqual([[A, 'tmall-2026', '25.00', 'final', 24]]);
    });
  }

  // W2 not scanned; the lines' 发货时间 11-04 10:00:00 (24 h late) stands for it (the last): 25.00 by
  // 发货时间 (marked_shipped). Before: W1's scan 09:30:00 for both lines, on time, 0.00.
  it('tmall-2026: W2 unscanned, the lines shipped 24 h late by 发货时间: 25.00, marked_shipped', () => {
    const [rep, items, scans] = files('2026-11', '04 10:00:00', '');
    const r = runCli(['compensate', rep, items, '--shipments', scans, ...AS_OF]);
    expect(vouchers(r.stdout)).toEqual([[A, 'tmall-2026', '25.00', 'final', 24]]);
    const byOrder = JSON.parse(runCli(['compensate', rep, items, '--shipments', scans, ...AS_OF, '--by', 'order']).stdout) as Array<{ shipSource: string }>;
    expect(byOrder.map((o) => o.shipSource)).toEqual(['marked_shipped', 'marked_shipped']);
  });

  // tmall-2023, the same: 04-04 10:00:00 by 发货时间 (24 h late), 150.00. Before: 0.00.
  it('tmall-2023: W2 unscanned, the lines shipped 24 h late by 发货时间: 150.00', () => {
    const [rep, items, scans] = files('2026-04', '04 10:00:00', '');
    expect(vouchers(runCli(['compensate', rep, items, '--shipments', scans, ...AS_OF]).stdout)).toEqual([[A, 'tmall-2023', '150.00', 'final', 24]]);
  });
});
