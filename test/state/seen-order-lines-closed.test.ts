// rev31, suspicion 4: the order report's sighting of an order (schema 12's kind of row, line_id '')
// prices the order whole when the item report later shows every line closed, never shipped, and no
// line has a sighting of its own (docs/rules.md §1.1: "A sighting of the order … is read only when the
// order is judged as one: under tmall-2026, when every line is closed never shipped and no line's own
// sighting proves it late — priced whole"). Checked for both file orders, with and without --record,
// with the order report and with the item report alone, and that a second --record pays nothing again.
// Worked by hand (tmall-2026, RULES 1.3: 5 % of the amount, min 5.00, max 50.00 while ≤ 72 h late):
//   Order A 500.00 (goods 500.00, postage 0.00), paid 2026-11-01 10:00:00, window 48 h: deadline
//   11-03 10:00:00. Run 1 (--record, as of 11-04 10:00:00), order report only: A open, unshipped; the
//   file's latest payment is order M's, 11-04 10:00:00: A seen at 11-04 10:00:00 (24 h after the
//   deadline), one sighting row of the order (line_id ''). Run 2 (as of 11-07 10:00:00): the order
//   report shows A 交易关闭 without a 发货时间, the item report its lines L1 300.00 and L2 200.00 both
//   交易关闭, never shipped. Every line closed never shipped, no line sighting: A is judged as one from
//   the order's sighting, late by at least 11-04 10:00 − 11-03 10:00 = 24 h: 5 % × 500.00 = 25.00,
//   final (closed: it can no longer ship), shipSource seen_open.
// Times are Beijing time (the exports' own); run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv, write } from '../orders/build.js';

const HEAD =
  '子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品id,分阶段订单信息,主订单备注,主订单买家留言,发货时间,物流单号,物流公司,是否赔付,赔付金额,赔付出账时间,';
const A = '3720000000000000001';
const M = '3720000000000000002';
const L1 = '3720000000000000011';
const L2 = '3720000000000000012';
const PAID = '2026-11-01 10:00:00';
const line = (sub: string, amount: string) => `="${sub}",="${A}",t,${amount},1,,,,,交易关闭,,,${amount},${amount},退款成功,${amount},${PAID},${PAID},,,,,,,,,,,`;
const rowA = (status: string) => order(A, { 订单状态: status, 订单创建时间: PAID, 订单付款时间: PAID, 买家应付货款: '500.00', 买家应付邮费: '0.00', 买家实际支付金额: '500.00', 发货时间: '' });
const rowM = order(M, { 买家会员名: '小红', 订单创建时间: '2026-11-04 10:00:00', 订单付款时间: '2026-11-04 10:00:00' });
// Order M (another buyer, 200.00) is there for its payment time only; it ships on time in orders2.
const brief = (stdout: string) => (JSON.parse(stdout) as Array<Record<string, unknown>>).map((v) => [(v.orderIds as string[]).join(','), v.amount, v.state]);
const late = (stdout: string) => (JSON.parse(stdout) as Array<Record<string, unknown>>).map((v) => [v.orderId, v.shipSource, v.hoursLate, v.afterMinimum]);
const sightings = (state: string) => {
  const db = new Database(state, { readonly: true });
  try {
    return db.prepare('SELECT order_id, line_id, seen_at FROM sightings ORDER BY order_id, line_id').raw().all();
  } finally {
    db.close();
  }
};
const bj = (d: number, h: number) => Date.UTC(2026, 10, d, h - 8);

describe.each(['UTC', 'America/Los_Angeles'])('an order seen open by the order report, its lines all closed later (TZ=%s)', (tz) => {
  const setup = () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const o1 = write(dir, 'orders1.csv', taobaoCsv([rowA('买家已付款，等待卖家发货'), rowM]), new Date('2026-11-04T02:00:00Z'));
    const r1 = runCli(['compensate', o1, '--state', state, '--record', '--as-of', '2026-11-04 10:00:00', '-f', 'json', '--lang', 'en'], { tz });
    expect(r1.code).toBe(0);
    expect(brief(r1.stdout)).toEqual([[A, '25.00', 'provisional']]);
    expect(sightings(state)).toEqual([[A, '', bj(4, 10)]]);
    const o2 = write(dir, 'orders2.csv', taobaoCsv([rowA('交易关闭'), { ...rowM, 订单状态: '卖家已发货，等待买家确认', 发货时间: '2026-11-05 10:00:00' }]), new Date('2026-11-07T02:00:00Z'));
    const items = write(dir, 'items2.csv', [HEAD, line(L1, '300.00'), line(L2, '200.00'), ''].join('\n'), new Date('2026-11-07T02:00:00Z'));
    return { state, o2, items };
  };

  it('priced whole from the order\'s sighting: 25.00 final, both file orders, without --record', () => {
    const { state, o2, items } = setup();
    for (const files of [[o2, items], [items, o2], [items]]) {
      const r = runCli(['compensate', ...files, '--state', state, '--as-of', '2026-11-07 10:00:00', '-f', 'json', '--lang', 'en'], { tz });
      expect(r.code).toBe(0);
      expect(brief(r.stdout)).toEqual([[A, '25.00', 'final']]);
      const byOrder = runCli(['compensate', ...files, '--state', state, '--as-of', '2026-11-07 10:00:00', '-f', 'json', '--by', 'order', '--lang', 'en'], { tz });
      expect(late(byOrder.stdout)).toEqual([[A, 'seen_open', 24, '25.00']]);
    }
  });

  it('with --record: 25.00 recorded once, the second run pays nothing again (both file orders)', () => {
    for (const order2 of [(s: ReturnType<typeof setup>) => [s.o2, s.items], (s: ReturnType<typeof setup>) => [s.items, s.o2]]) {
      const s = setup();
      const r = runCli(['compensate', ...order2(s), '--state', s.state, '--record', '--as-of', '2026-11-07 10:00:00', '-f', 'json', '--lang', 'en'], { tz });
      expect(r.code).toBe(0);
      expect(brief(r.stdout)).toEqual([[A, '25.00', 'final']]);
      const again = runCli(['compensate', ...order2(s).reverse(), '--state', s.state, '--record', '--as-of', '2026-11-07 11:00:00', '-f', 'json', '--lang', 'en'], { tz });
      expect(again.code).toBe(0);
      const v = JSON.parse(again.stdout) as Array<Record<string, unknown>>;
      expect(v.map((x) => [(x.orderIds as string[]).join(','), x.amount, x.issueNow])).toEqual([[A, '25.00', '0.00']]);
    }
  });
});
