// rev38, reviewing money43's 93d550b (an order priced as one whose live lines shipped beside a line closed
// never shipped is late from a --record sighting later than their ship time). The sighting proves the
// closed line open then only if the export it was taken from showed every live line shipped: that is, only
// when it is later than the live lines' 发货时间 (the export's own marking). A pickup scan earlier than the
// 发货时间 (docs/rules.md §1.1: "before its 发货时间 or not", the carrier's scan is the rule's ship time)
// is no part of what that export showed: a sighting between the scan and the 发货时间 saw the live line
// itself unshipped (by its marking), and says nothing of the closed one. 93d550b compared the sighting
// with the scan (judge.ts shippedAt), so it paid such an order from the sighting; and the run deleted the
// sighting (95b87fb compares it with the 发货时间), so the next run judged the same order on time.
//
// By hand (tmall-2023: paid before 2026-04-09; 48 h window; 30 % of paid − postage; the order priced as one):
// - A 500.00 (no postage), paid 04-01 10:00:00, deadline 04-03 10:00:00; L1 300.00, L2 200.00.
// - Run 1 (--record, as of 04-04 10:00): order report 等待卖家发货, item report L1 等待卖家发货, L2 交易关闭
//   退款成功 (already closed, never shipped). A filler order paid 04-04 10:00:00 makes the export's time
//   (the sighting) 04-04 10:00:00. A: L1 live and unshipped, 24 h late: 30 % × 500.00 = 150.00
//   provisional; sighting 04-04 10:00:00 (L1 was the line open then: L2 was closed in that very export).
// - Run 2 (--record, as of 04-10 10:00): L1 marked shipped 04-05 10:00:00 on W1, L2 still closed never
//   shipped; the scan file picks W1 up 04-02 10:00:00 (before the deadline, before its 发货时间). The
//   order ships when its last live line does: L1, by its scan, 04-02 10:00:00, on time. The sighting
//   (04-04 10:00:00) is before L1's 发货时间 (04-05 10:00:00): it saw L1 unshipped, nothing of L2 (closed
//   already): nothing says L2 closed after the deadline (docs/rules.md §1.1 "Without a sighting nothing
//   says when the line closed: judged by the shipped lines"). A is on time: nothing owed, nothing
//   recorded — as run without the state database. (93d550b: 150.00 final, recorded new; and the run after
//   it, the sighting deleted, on time: the recorded voucher's order on time.)
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv, write } from '../orders/build.js';

const HEAD =
  '子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品id,分阶段订单信息,主订单备注,主订单买家留言,发货时间,物流单号,物流公司,是否赔付,赔付金额,赔付出账时间,';
const A = '3720000000000000381';
const F = '3720000000000000389';
const L1 = '3720000000000000391';
const L2 = '3720000000000000392';
const PAID = '2026-04-01 10:00:00';
const line = (sub: string, amount: string, status: string, shipped = '', wb = '', refund = '') => `="${sub}",="${A}",t,${amount},1,,,,,${status},,,${amount},${amount},${refund},${refund ? amount : '0'},${PAID},${PAID},,,,,${shipped},${wb ? `No:${wb}` : ''},,,,,`;
type Row = { orderIds: string[]; amount: string; state: string; recorded?: string };
const ofA = (out: string) => (JSON.parse(out) as Row[]).filter((v) => v.orderIds.includes(A)).map((v) => [v.amount, v.state, v.recorded ?? '']);

describe.each(['UTC', 'America/Los_Angeles'])('a sighting before the live line\'s 发货时间, its scan before the deadline (TZ=%s)', (tz) => {
  it('tmall-2023: on time (0.00), not 150.00 from the sighting; the same the run after', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const o1 = write(dir, 'o1.csv', taobaoCsv([
      order(A, { 订单创建时间: PAID, 订单付款时间: PAID, 买家应付货款: '500.00', 买家应付邮费: '0.00', 买家实际支付金额: '500.00', 发货时间: '' }),
      order(F, { 买家会员名: '小红', 订单创建时间: '2026-04-04 10:00:00', 订单付款时间: '2026-04-04 10:00:00', 发货时间: '' }),
    ]));
    const i1 = write(dir, 'i1.csv', [HEAD, line(L1, '300.00', '买家已付款，等待卖家发货'), line(L2, '200.00', '交易关闭', '', '', '退款成功'), ''].join('\n'));
    const r1 = runCli(['compensate', o1, i1, '--record', '--state', state, '--as-of', '2026-04-04 10:00:00', '-f', 'json', '--lang', 'en'], { tz });
    expect(ofA(r1.stdout)).toEqual([['150.00', 'provisional', '']]);

    const o2 = write(dir, 'o2.csv', taobaoCsv([
      order(A, { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: PAID, 订单付款时间: PAID, 买家应付货款: '500.00', 买家应付邮费: '0.00', 买家实际支付金额: '500.00', 发货时间: '2026-04-05 10:00:00', 物流单号: 'No:W1' }),
      order(F, { 买家会员名: '小红', 订单创建时间: '2026-04-04 10:00:00', 订单付款时间: '2026-04-04 10:00:00', 发货时间: '' }),
    ]));
    const i2 = write(dir, 'i2.csv', [HEAD, line(L1, '300.00', '卖家已发货，等待买家确认', '2026-04-05 10:00:00', 'W1'), line(L2, '200.00', '交易关闭', '', '', '退款成功'), ''].join('\n'));
    const scans = write(dir, 's.csv', `订单编号,物流单号,揽收时间\n${A},W1,2026-04-02 10:00:00\n`);
    const args = [o2, i2, '--shipments', scans, '--state', state, '--as-of', '2026-04-10 10:00:00', '-f', 'json', '--lang', 'en'];
    // Without the state database: on time by the scan.
    expect(ofA(runCli(['compensate', ...args.slice(0, 4), '--state', path.join(dir, 'none.db'), ...args.slice(6)], { tz }).stdout)).toEqual([]);
    const r2 = runCli(['compensate', ...args, '--record'], { tz });
    expect(ofA(r2.stdout)).toEqual([]);
    const r3 = runCli(['compensate', ...args, '--record'], { tz });
    expect(ofA(r3.stdout)).toEqual([]);
  });
});
