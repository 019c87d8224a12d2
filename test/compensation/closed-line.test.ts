// RULES 1.1: "Orders that are unpaid, or closed before their deadline, are not late"; 1.3 (tmall-2026):
// 5 % of "the sub-order's actual transaction amount", clamped 5–50; 1.4: "Refunds are not subtracted".
// A line of an item report (宝贝报表) that shipped after its deadline and was then refunded or returned
// (交易关闭 with its own 发货时间) was late: it is judged by its ship time, as a one-line order closed
// after shipping is. Before, every closed line was left out: a late line refunded after it shipped
// lost its payout, and refunding the other line too then raised the voucher (the order priced as one).
// A closed line that never shipped is still left out (nothing says when it was closed).
// Amounts worked by hand; the deadline is paid 2026-11-01 10:00:00 + 48 h = 11-03 10:00:00.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
const HEAD =
  '子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品id,分阶段订单信息,主订单备注,主订单买家留言,发货时间,物流单号,物流公司,是否赔付,赔付金额,赔付出账时间,';
const line = (sub: string, amount: string, shipped: string, status: string, refund = '0') =>
  `="${sub}",="${A}",t,${amount},1,,,,,${status},,,${amount},${amount},${refund === '0' ? '' : '退款成功'},${refund},2026-11-01 09:59:00,2026-11-01 10:00:00,,,,,${shipped},,,,,,`;
const items = (name: string, lines: string[]) => write(dir, name, [HEAD, ...lines, ''].join('\n'));
const A = '3710000000000000001';
const L1 = '3710000000000000011';
const L2 = '3710000000000000012';
const OK = '交易成功';
const CLOSED = '交易关闭';
const AS_OF = ['--as-of', '2026-11-20 00:00:00'];
const vouchers = (out: string) => (JSON.parse(out) as Record<string, unknown>[]).map((v) => [v.orderIds, v.baseAmount, v.amount, v.state]);
const lines = (out: string) => (JSON.parse(out) as Record<string, unknown>[]).map((x) => [x.lineId, x.base, x.afterMinimum]);

describe('tmall-2026, item report: a line closed after it shipped late is still late', () => {
  // L1 1000.00 shipped 11-04 10:00:00 (24 h late), then refunded: 5 % × 1000.00 = 50.00 (max 50.00).
  // L2  100.00 shipped 11-04 10:00:00 (24 h late), live:         5 % × 100.00  =  5.00 (min 5.00).
  // Voucher: 50.00 + 5.00 = 55.00 (under the 500.00 cap). Before: 5.00 (L1 left out).
  it('refunded line + live line: 55.00, not 5.00', () => {
    const f = items('refunded-one.csv', [line(L1, '1000.00', '2026-11-04 10:00:00', CLOSED, '1000.00'), line(L2, '100.00', '2026-11-04 10:00:00', OK)]);
    const r = runCli(['compensate', f, ...AS_OF, '-f', 'json']);
    expect(r.code).toBe(0);
    expect(vouchers(r.stdout)).toEqual([[[A], '1100.00', '55.00', 'final']]);
    expect(lines(runCli(['compensate', f, ...AS_OF, '-f', 'json', '--by', 'order']).stdout)).toEqual([
      [L1, '1000.00', '50.00'],
      [L2, '100.00', '5.00'],
    ]);
  });

  // Both lines refunded after shipping late: each still priced on its own, 50.00 + 5.00 = 55.00.
  // Before: the order priced as one, 5 % × 1100.00 = 55.00 → 50.00 max (refunding L2 raised 5.00 to 50.00).
  it('every line refunded after shipping: per line too, 55.00', () => {
    const f = items('refunded-both.csv', [line(L1, '1000.00', '2026-11-04 10:00:00', CLOSED, '1000.00'), line(L2, '100.00', '2026-11-04 10:00:00', CLOSED, '100.00')]);
    expect(vouchers(runCli(['compensate', f, ...AS_OF, '-f', 'json']).stdout)).toEqual([[[A], '1100.00', '55.00', 'final']]);
  });

  // With the order report (the buyer and shop from it): the same 55.00.
  it('joined to the order report: 55.00', () => {
    const ord = write(dir, 'orders.csv', taobaoCsv([order(A, { 买家会员名: '小明', 订单状态: OK, 订单创建时间: '2026-11-01 09:59:00', 订单付款时间: '2026-11-01 10:00:00', 买家应付货款: '1100.00', 买家应付邮费: '0.00', 买家实际支付金额: '1100.00', 发货时间: '2026-11-04 10:00:00' })]));
    const f = items('joined.csv', [line(L1, '1000.00', '2026-11-04 10:00:00', CLOSED, '1000.00'), line(L2, '100.00', '2026-11-04 10:00:00', OK)]);
    expect((JSON.parse(runCli(['compensate', ord, f, ...AS_OF, '-f', 'json']).stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.amount])).toEqual([['小明', '55.00']]);
  });

  // L1 shipped on time (11-03 09:00:00), then refunded: on time, no payout. L2 24 h late: 5 % × 300.00 = 15.00.
  it('a line refunded after shipping on time pays nothing: 15.00', () => {
    const f = items('refunded-ontime.csv', [line(L1, '1000.00', '2026-11-03 09:00:00', CLOSED, '1000.00'), line(L2, '300.00', '2026-11-04 10:00:00', OK)]);
    expect(vouchers(runCli(['compensate', f, ...AS_OF, '-f', 'json']).stdout)).toEqual([[[A], '300.00', '15.00', 'final']]);
  });

  // A closed line that never shipped is left out (nothing says when it was closed): L1 1000.00 cancelled,
  // L2 300.00 shipped 11-04 10:00:00 (24 h late), live: 5 % × 300.00 = 15.00.
  it('a closed line never shipped is left out: 15.00', () => {
    const f = items('cancelled.csv', [line(L1, '1000.00', '', CLOSED, '1000.00'), line(L2, '300.00', '2026-11-04 10:00:00', OK)]);
    expect(vouchers(runCli(['compensate', f, ...AS_OF, '-f', 'json']).stdout)).toEqual([[[A], '300.00', '15.00', 'final']]);
  });

  // Every line closed: L1 cancelled before it shipped (left out, as above), L2 shipped 24 h late and
  // then refunded (judged by its ship time, refund not subtracted): 5 % × 300.00 = 15.00 — the same as
  // with L2 live. Before: closed_unshipped (0.00) from the item report alone, and 5 % × 1300.00 = 65.00
  // → 50.00 (max) joined with an order report holding a 发货时间 (the order priced as one, L1 included).
  it('every line closed, one never shipped, one shipped late: 15.00 alone and joined', () => {
    const g = items('cancelled-all.csv', [line(L1, '1000.00', '', CLOSED, '1000.00'), line(L2, '300.00', '2026-11-04 10:00:00', CLOSED, '300.00')]);
    const r = runCli(['compensate', g, ...AS_OF, '-f', 'json']);
    expect(r.code).toBe(0);
    expect(vouchers(r.stdout)).toEqual([[[A], '300.00', '15.00', 'final']]);
    expect(r.stderr).not.toContain('closed_unshipped=1');
    const ord = write(dir, 'orders-closed.csv', taobaoCsv([order(A, { 买家会员名: '小明', 订单状态: CLOSED, 订单创建时间: '2026-11-01 09:59:00', 订单付款时间: '2026-11-01 10:00:00', 买家应付货款: '1300.00', 买家应付邮费: '0.00', 买家实际支付金额: '1300.00', 发货时间: '2026-11-04 10:00:00' })]));
    const j = runCli(['compensate', ord, g, ...AS_OF, '-f', 'json']);
    expect((JSON.parse(j.stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.baseAmount, v.amount, v.state])).toEqual([['小明', '300.00', '15.00', 'final']]);
  });

  // No line shipped, every line closed: the order cannot be judged (closed_unshipped, RULES 1.1).
  it('every line closed and none shipped: closed_unshipped', () => {
    const h = items('cancelled-none.csv', [line(L1, '1000.00', '', CLOSED, '1000.00'), line(L2, '300.00', '', CLOSED, '300.00')]);
    const r = runCli(['compensate', h, ...AS_OF, '-f', 'json']);
    expect(r.stdout.trim()).toBe('[]');
    expect(r.stderr).toContain('closed_unshipped=1');
  });
});
