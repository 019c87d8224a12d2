// RULES 1.1 (docs/rules.md §1.1): "An order of several lines (抖店 sub-orders, 宝贝报表 lines) ships
// when its last live line does". The order report's 发货时间 is the first parcel's (rules.md says so of
// 卖家部分发货); once every line has shipped the report says 交易成功 but its 发货时间 can still be the
// first parcel's. Under a rule set that prices the order as one (tmall-2023, tmall-global-2026) the
// item report given with it must make the order late when its last line went after the deadline.
// Before: the report's earlier time stood, the order was on time and nothing was owed, while
// `orders normalize --lines` of the same two files, read back, paid the voucher.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
const HEAD =
  '子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品id,分阶段订单信息,主订单备注,主订单买家留言,发货时间,物流单号,物流公司,是否赔付,赔付金额,赔付出账时间,';
const line = (sub: string, main: string, amount: string, paid: string, shipped: string) =>
  `="${sub}",="${main}",t,${amount},1,,,,,交易成功,,,${amount},${amount},,0,${paid},${paid},,,,,${shipped},,,,,,`;
const A = '3700000000000000500';
const vouchers = (out: string) => (JSON.parse(out) as Record<string, unknown>[]).map((v) => [v.rules, v.orderIds, v.baseAmount, v.amount, v.state]);

describe('an order report whose 发货时间 is the first parcel\'s, with the item report', () => {
  // Paid 2026-04-08 10:00:00 (tmall-2023): deadline 04-10 10:00:00. Line 1 (110.00, postage 10.00 in it)
  // shipped 04-10 09:00:00 (on time), line 2 (100.00) 04-10 11:00:00: the order ships at 11:00:00, 1 h late.
  // Base = order report 210.00 − 10.00 postage = 200.00; 30 % × 200.00 = 60.00 (above the 5.00 minimum).
  const report = (paid: string, shipped: string) =>
    write(dir, `orders-${paid.slice(0, 10)}.csv`, taobaoCsv([order(A, { 订单状态: '交易成功', 订单创建时间: paid, 订单付款时间: paid, 买家应付货款: '200.00', 买家应付邮费: '10.00', 买家实际支付金额: '210.00', 发货时间: shipped })]));
  const items = (paid: string, first: string, last: string) =>
    write(dir, `items-${paid.slice(0, 10)}.csv`, [HEAD, line('3700000000000000501', A, '110.00', paid, first), line('3700000000000000502', A, '100.00', paid, last), ''].join('\n'));

  it('tmall-2023: late by its last line, 30 % × 200.00 = 60.00 (was: on time, nothing owed)', () => {
    const paid = '2026-04-08 10:00:00';
    const files = [report(paid, '2026-04-10 09:00:00'), items(paid, '2026-04-10 09:00:00', '2026-04-10 11:00:00')];
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const r = runCli(['compensate', ...files, '--as-of', '2026-04-30 12:00:00', '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      expect(vouchers(r.stdout)).toEqual([['tmall-2023', [A], '200.00', '60.00', 'final']]);
    }
    // `orders normalize --lines` read back: the same voucher (it already was).
    const norm = runCli(['orders', 'normalize', '--lines', ...files, '-o', `${dir}/norm.csv`]);
    expect(norm.code).toBe(0);
    expect(vouchers(runCli(['compensate', `${dir}/norm.csv`, '--as-of', '2026-04-30 12:00:00', '-f', 'json']).stdout)).toEqual([['tmall-2023', [A], '200.00', '60.00', 'final']]);
    // and the folded order (orders normalize without --lines) ships at the last line's time
    const o = JSON.parse(runCli(['orders', 'normalize', ...files, '-f', 'json']).stdout) as Record<string, unknown>[];
    expect(o[0]).toMatchObject({ orderId: A, shippedAt: '2026-04-10T11:00:00+08:00' });
  });

  it('tmall-global-2026 (the order as one): 5 % × 200.00 = 10.00 (was: on time)', () => {
    // Paid 2026-11-10 10:00:00, deadline 11-12 10:00:00; last line 11-12 11:00:00: 1 h late, 5 % × 200.00 = 10.00.
    const paid = '2026-11-10 10:00:00';
    const files = [report(paid, '2026-11-12 09:00:00'), items(paid, '2026-11-12 09:00:00', '2026-11-12 11:00:00')];
    const r = runCli(['compensate', ...files, '--rules', 'tmall-global-2026', '--as-of', '2026-11-30 12:00:00', '-f', 'json']);
    expect(vouchers(r.stdout)).toEqual([['tmall-global-2026', [A], '200.00', '10.00', 'final']]);
  });

  it('a report time later than every line (a re-marked shipment) stands: the later time is kept', () => {
    // Report 04-10 11:00:00 (1 h late), lines 09:00:00 and 09:30:00: the report's later time is kept, 60.00.
    const paid = '2026-04-08 10:00:00';
    const files = [report(paid, '2026-04-10 11:00:00'), items(paid, '2026-04-10 09:00:00', '2026-04-10 09:30:00')];
    expect(vouchers(runCli(['compensate', ...files, '--as-of', '2026-04-30 12:00:00', '-f', 'json']).stdout)).toEqual([['tmall-2023', [A], '200.00', '60.00', 'final']]);
  });
});
