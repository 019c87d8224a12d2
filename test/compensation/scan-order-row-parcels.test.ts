// RULES 1.1 (docs/rules.md §1.1), --shipments with the item report (--lines): an order shipped in two parcels,
// each line on its own waybill (L1 on W1, L2 on W2), and one scan row naming the order by id only (no waybill).
// The row says the order was picked up — not which parcel. Reading adopted: it is the order's first pickup
// (no parcel left before it); a parcel with no scan of its own stands at the later of the row and its line's
// 发货时间. Before, the row was the pickup of every line without a scan: L2, marked shipped 24 h late, was on
// time by it (0.00 owed).
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
const HEAD =
  '子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品id,分阶段订单信息,主订单备注,主订单买家留言,发货时间,物流单号,物流公司,是否赔付,赔付金额,赔付出账时间,';
const A = '3730000000000000101';
const L1 = '3730000000000000111';
const L2 = '3730000000000000112';
type V = { orderIds: string[]; rules: string; amount: string; state: string; maxHoursLate: number | null };
const vouchers = (out: string) => (JSON.parse(out) as V[]).map((v) => [v.orderIds.join(';'), v.rules, v.amount, v.state, v.maxHoursLate]);
const AS_OF = ['--as-of', '2026-11-30 12:00:00', '-f', 'json'];

/**
 * Order A paid <month>-01 10:00:00 → deadline <month>-03 10:00:00 (48 h); 500.00 (postage 0.00), 物流单号 `waybills`,
 * 发货时间 <month>-04 10:00:00. Lines L1 300.00 on `w1`, 发货时间 <month>-03 09:00:00 (on time); L2 200.00 on `w2`,
 * 发货时间 <month>-04 10:00:00 (24 h late). One scan row: 订单编号 A, no waybill, <month>-03 09:30:00 (on time).
 */
function files(month: string, waybills: string, w1: string, w2: string) {
  const paid = `${month}-01 10:00:00`;
  const line = (sub: string, amount: string, shipped: string, wb: string) => `="${sub}",="${A}",t,${amount},1,,,,,交易成功,,,${amount},${amount},,0,${paid},${paid},,,,,${month}-${shipped},${wb},,,,,`;
  const tag = `${month}-${waybills}-${w1}-${w2}`.replace(/\W/g, '');
  const rep = write(dir, `o-${tag}.csv`, taobaoCsv([order(A, { 买家会员名: '小明', 订单状态: '交易成功', 订单创建时间: paid, 订单付款时间: paid, 买家应付货款: '500.00', 买家应付邮费: '0.00', 买家实际支付金额: '500.00', 发货时间: `${month}-04 10:00:00`, 物流单号: waybills })]));
  const items = write(dir, `i-${tag}.csv`, [HEAD, line(L1, '300.00', '03 09:00:00', w1), line(L2, '200.00', '04 10:00:00', w2), ''].join('\n'));
  const scans = write(dir, `s-${tag}.csv`, `订单编号,物流单号,揽收时间\n${A},,${month}-03 09:30:00\n`);
  return [rep, items, scans] as const;
}

describe('a scan row naming only an order of two parcels is its first pickup, not each parcel\'s', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    // tmall-2026 (paid 2026-11-01): each line on its own. L1: later of the row (11-03 09:30:00) and its 发货时间
    // (09:00:00) = 09:30:00, on time. L2: later of the row and 11-04 10:00:00 = 11-04 10:00:00, 24 h late (≤ 72 h,
    // window ≤ 48 h: 5 %): 5 % × 200.00 = 10.00 (within 5.00–50.00). Before: both lines by the row, 0.00.
    it(`tmall-2026: L2 24 h late by its 发货时间, 5 % × 200.00 = 10.00 (was 0.00) — TZ=${tz}`, () => {
      const [rep, items, scans] = files('2026-11', 'W1;W2', 'W1', 'W2');
      const r = runCli(['compensate', rep, items, '--shipments', scans, ...AS_OF], { tz });
      expect(r.code).toBe(0);
      expect(vouchers(r.stdout)).toEqual([[A, 'tmall-2026', '10.00', 'final', 24]]);
      expect(r.stderr).toContain('1 scan row(s) read: 1 used.');
    });

    // tmall-2023 (paid 2026-04-01, before 04-09), priced as one: shipped when its last parcel was, L2 at 04-04
    // 10:00:00, 24 h late (≤ 72 h): 30 % × 500.00 = 150.00. Before: the row for both lines, on time, 0.00.
    it(`tmall-2023: the order shipped with L2, 24 h late, 30 % × 500.00 = 150.00 (was 0.00) — TZ=${tz}`, () => {
      const [rep, items, scans] = files('2026-04', 'W1;W2', 'W1', 'W2');
      const r = runCli(['compensate', rep, items, '--shipments', scans, ...AS_OF], { tz });
      expect(r.code).toBe(0);
      expect(vouchers(r.stdout)).toEqual([[A, 'tmall-2023', '150.00', 'final', 24]]);
    });
  }

  it('the row picked up after every 发货时间 (04-04 11:00:00) still bounds each parcel: tmall-2026, L1 and L2 25 h late, 15.00 + 10.00 = 25.00', () => {
    // L1: later of 11-04 11:00:00 and 11-03 09:00:00 → 25 h late, 5 % × 300.00 = 15.00; L2: later of 11-04 11:00:00
    // and 11-04 10:00:00 → 25 h late, 5 % × 200.00 = 10.00. Total 25.00 (one order, one buyer: within 500.00).
    const [rep, items] = files('2026-11', 'W1;W2', 'W1', 'W2');
    const scans = write(dir, 's-late-row.csv', `订单编号,物流单号,揽收时间\n${A},,2026-11-04 11:00:00\n`);
    const r = runCli(['compensate', rep, items, '--shipments', scans, ...AS_OF]);
    expect(vouchers(r.stdout)).toEqual([[A, 'tmall-2026', '25.00', 'final', 25]]);
  });

  it('the order report alone (W1;W2, 发货时间 11-04 10:00:00): the row is one parcel\'s, the other stands at the 发货时间: 24 h late, 5 % × 500.00 = 25.00, marked_shipped (was 0.00)', () => {
    // No lines: each parcel with no scan of its own stands at the later of the row (11-03 09:30:00) and the order's
    // 发货时间 (11-04 10:00:00): the last parcel 11-04 10:00:00, 24 h late → 5 % × 500.00 = 25.00 (within 5.00–50.00).
    const [rep, , scans] = files('2026-11', 'W1;W2', 'W1', 'W2');
    const r = runCli(['compensate', rep, '--shipments', scans, ...AS_OF]);
    expect(r.code).toBe(0);
    expect(vouchers(r.stdout)).toEqual([[A, 'tmall-2026', '25.00', 'final', 24]]);
    const byOrder = JSON.parse(runCli(['compensate', rep, '--shipments', scans, ...AS_OF, '--by', 'order']).stdout) as Array<{ shipSource: string }>;
    expect(byOrder.map((o) => o.shipSource)).toEqual(['marked_shipped']);
  });

  it('one parcel (both lines on W1): the row is its pickup, on time, whatever the 发货时间 — nothing owed', () => {
    // A single parcel: the row naming the order is that parcel's pickup (11-03 09:30:00, on time), as before.
    const [rep, items, scans] = files('2026-11', 'W1', 'W1', 'W1');
    const r = runCli(['compensate', rep, items, '--shipments', scans, ...AS_OF]);
    expect(r.code).toBe(0);
    expect(vouchers(r.stdout)).toEqual([]);
  });
});
