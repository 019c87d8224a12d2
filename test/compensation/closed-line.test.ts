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

// RULES 1.1: "A closed order whose close time is unknown and which never shipped cannot be judged".
// An order report row 交易关闭 that shows a 发货时间, joined with an item report (宝贝报表, which has a
// 发货时间 column) whose lines are all closed: the lines say whether it shipped, as the same two files
// written by `orders normalize --lines` and read back do. Before, the report's 发货时间 stood.
describe('a closed order joined with its item report is judged by its lines', () => {
  const B = '3710000000000000002';
  const B1 = '3710000000000000021';
  const B2 = '3710000000000000022';
  // Paid <day> 10:00:00, deadline + 48 h = <day+2> 10:00:00; 发货时间 <day+3> 10:00:00 is 24 h late.
  const at = (year: string, day: string) => `${year}-11-${day} 10:00:00`;
  const bLine = (year: string, sub: string, amount: string, shipped: string) =>
    `="${sub}",="${B}",t,${amount},1,,,,,${CLOSED},,,${amount},${amount},退款成功,${amount},${year}-11-01 09:59:00,${at(year, '01')},,,,,${shipped},,,,,,`;
  const report = (name: string, year: string, shipped: string) =>
    write(dir, name, taobaoCsv([order(B, { 买家会员名: '小明', 订单状态: CLOSED, 订单关闭原因: '买家申请退款', 订单创建时间: `${year}-11-01 09:59:00`, 订单付款时间: at(year, '01'), 买家应付货款: '1300.00', 买家应付邮费: '0.00', 买家实际支付金额: '1300.00', 发货时间: shipped })]));
  const run = (files: string[]) => runCli(['compensate', ...files, ...AS_OF, '-f', 'json']);
  const amounts = (out: string) => (JSON.parse(out) as Record<string, unknown>[]).map((v) => [v.rules, v.baseAmount, v.amount]);

  // tmall-2023 (paid 2025-11-01, before 2026-04-09). Report: closed, 发货时间 2025-11-04 10:00:00 (24 h late).
  // Lines B1 1000.00 and B2 300.00, both closed, neither with a 发货时间: never shipped → closed_unshipped,
  // nothing owed. Before: judged by the report's time, 30 % × 1300.00 = 390.00.
  it('tmall-2023, no line shipped: closed_unshipped, not 390.00', () => {
    const r = run([report('b-2023.csv', '2025', at('2025', '04')), items('b-2023-none.csv', [bLine('2025', B1, '1000.00', ''), bLine('2025', B2, '300.00', '')])]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('[]');
    expect(r.stderr).toContain('closed_unshipped=1');
    expect(r.stderr).toContain(`${B} (`);
  });

  // tmall-2026 (paid 2026-11-01): the same order. Before: 5 % × 1300.00 = 65.00 → 50.00 (max).
  it('tmall-2026, no line shipped: closed_unshipped, not 50.00', () => {
    const r = run([report('b-2026.csv', '2026', at('2026', '04')), items('b-2026-none.csv', [bLine('2026', B1, '1000.00', ''), bLine('2026', B2, '300.00', '')])]);
    expect(r.stdout.trim()).toBe('[]');
    expect(r.stderr).toContain('closed_unshipped=1');
  });

  // One line (1300.00), closed, no 发货时间: the same. Before: 50.00 (tmall-2026) from the report's 发货时间.
  it('tmall-2026, a one-line order never shipped: closed_unshipped, not 50.00', () => {
    const r = run([report('b1-2026.csv', '2026', at('2026', '04')), items('b1-2026-none.csv', [bLine('2026', B1, '1300.00', '')])]);
    expect(r.stdout.trim()).toBe('[]');
    expect(r.stderr).toContain('closed_unshipped=1');
  });

  // Both lines shipped 2025-11-04 10:00:00 (24 h late), then refunded: still late (refunds not
  // subtracted, §1.4): 30 % × 1300.00 = 390.00, as before.
  it('tmall-2023, every line shipped late then refunded: still 390.00', () => {
    const r = run([report('b-2023s.csv', '2025', at('2025', '04')), items('b-2023-shipped.csv', [bLine('2025', B1, '1000.00', at('2025', '04')), bLine('2025', B2, '300.00', at('2025', '04'))])]);
    expect(amounts(r.stdout)).toEqual([['tmall-2023', '1300.00', '390.00']]);
  });

  // The report's 发货时间 2025-11-02 10:00:00 is on time, its lines shipped 2025-11-04 10:00:00 (24 h
  // late) and were refunded: it shipped when its last line did, late: 30 % × 1300.00 = 390.00.
  // Before: on time by the report's time, nothing owed.
  it('tmall-2023, the report on time, its lines shipped late then refunded: 390.00', () => {
    const r = run([report('b-2023e.csv', '2025', at('2025', '02')), items('b-2023-late.csv', [bLine('2025', B1, '1000.00', at('2025', '04')), bLine('2025', B2, '300.00', at('2025', '04'))])]);
    expect(amounts(r.stdout)).toEqual([['tmall-2023', '1300.00', '390.00']]);
  });

  // tmall-2026, B1 1000.00 shipped 24 h late then refunded, B2 300.00 never shipped: B1 alone is priced,
  // 5 % × 1000.00 = 50.00 (max 50.00); B2 is left out (a closed line never shipped). Unchanged, pinned.
  it('tmall-2026, one line shipped late then refunded, one never shipped: 50.00', () => {
    const r = run([report('b-2026m.csv', '2026', at('2026', '04')), items('b-2026-mixed.csv', [bLine('2026', B1, '1000.00', at('2026', '04')), bLine('2026', B2, '300.00', '')])]);
    expect(amounts(r.stdout)).toEqual([['tmall-2026', '1000.00', '50.00']]);
  });

  // tmall-2023 prices the order as one. Until money47 a line never shipped made the closed order
  // closed_unshipped (0.00, joined or the item report alone; before 42e3675, joined, 390.00 by the report's
  // 发货时间). money47, by hand from §1.1 ("an order whose lines are all closed ships when the last of its
  // lines that shipped did; a line closed never shipped drops out"), as tmall-2026 above already prices
  // B1 alone: B2 drops out; B1 shipped 2025-11-04 10:00:00, 24 h after the 11-03 10:00:00 deadline (paid
  // 11-01 10:00:00 + 48 h): the order, priced whole (closed lines in the base, refunds not subtracted,
  // §1.4), owes 30 % × (1000.00 + 300.00 − 0.00 postage) = 390.00 (≥ 5.00; its buyer's window alone, under
  // the 500.00 cap), final — joined (the lines decide, not the report's 发货时间, which here agrees) and
  // from the item report alone.
  it('tmall-2023, one line shipped late then refunded, one never shipped: 390.00, as the item report alone (was closed_unshipped)', () => {
    const lines2 = items('b-2023-mixed.csv', [bLine('2025', B1, '1000.00', at('2025', '04')), bLine('2025', B2, '300.00', '')]);
    const r = run([report('b-2023m.csv', '2025', at('2025', '04')), lines2]);
    expect(amounts(r.stdout)).toEqual([['tmall-2023', '1300.00', '390.00']]);
    expect(r.stderr).not.toContain('closed_unshipped');
    expect(amounts(run([lines2]).stdout)).toEqual([['tmall-2023', '1300.00', '390.00']]);
  });
});
