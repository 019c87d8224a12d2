// RULES 1.1 (docs/rules.md §1.1): shipped = the carrier's pickup scan of the order. Three defects of
// the --shipments path: (1) a scan dated before the order was paid (a reused or mistyped waybill
// number) was taken as its pickup, and a late order was on time; (2) --delivery-failures paid the
// 10.00 promise payout to a closed order the same run judged closed_unshipped, because any scan by
// its id or waybill (the first parcel's) counted as "shipped" there (money47: the judging now ships a
// closed order with a line that shipped, and the payout follows it); (3) the no_ship_time warning said
// "pass --shipments" to a run that had passed it.
import { describe, expect, it } from 'vitest';
import { T41, order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
type V = { orderIds: string[]; amount: string; state: string; maxHoursLate: number | null; kinds: string[] };
const rows = (out: string) => (JSON.parse(out) as V[]).map((v) => [v.orderIds.join(';'), v.kinds.join(';'), v.amount, v.state, v.maxHoursLate]);
const TZS = ['UTC', 'America/Los_Angeles'];

describe('a pickup scan dated before the order was paid is not its pickup', () => {
  // tmall-2026, paid 2026-11-10 10:00:00 → deadline 11-12 10:00:00 (48 h); 发货时间 11-13 10:00:00.
  // Base paid-minus-postage: 200.00 − 10.00 = 190.00.
  const A = '3900000000000000001';
  const paid = '2026-11-10 10:00:00';
  const orders = write(
    dir,
    'orders.csv',
    taobaoCsv([order(A, { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: paid, 订单付款时间: paid, 买家应付货款: '190.00', 买家应付邮费: '10.00', 买家实际支付金额: '200.00', 发货时间: '2026-11-13 10:00:00', 物流单号: 'No:W9' })]),
  );
  const AS_OF = ['--as-of', '2026-11-30 12:00:00', '-f', 'json'];

  for (const tz of TZS) {
    it(`only scan 11-09 15:00:00 (the day before payment) by its waybill: judged by 发货时间, 24 h late, 5 % × 190.00 = 9.50, provisional — TZ=${tz}`, () => {
      // Before: the 11-09 scan was the pickup, 19 h before payment: on time, nothing owed.
      const scans = write(dir, 'early.csv', '物流单号,揽收时间\nW9,2026-11-09 15:00:00\n');
      const r = runCli(['compensate', orders, '--shipments', scans, ...AS_OF], { tz });
      expect(r.code).toBe(0);
      expect(rows(r.stdout)).toEqual([[A, 'late', '9.50', 'provisional', 24]]);
      expect(r.stderr).toContain(`1 pickup scan is dated before the paid time of the order it was found for: not that order's pickup (a reused or mistyped waybill number, or a mistyped date), not used: ${scans}:2 (${A}: 2026-11-09 15:00:00 < 2026-11-10 10:00:00)`);
      // Named once, not also as a scan matching no order, nor as a rejected row.
      expect(r.stderr).not.toContain('match no order');
      expect(r.stderr).not.toContain('could not be used');
      const zh = runCli(['compensate', orders, '--shipments', scans, ...AS_OF, '--lang', 'zh'], { tz });
      expect(zh.stderr).toContain(`1 条揽收记录早于其订单的付款时间, 不是该订单的揽收`);
      expect(zh.stderr).toContain(`${scans}:2 (${A}: 2026-11-09 15:00:00 < 2026-11-10 10:00:00)`);
    });

    it(`a later scan of the same waybill (11-12 11:00:00) stands: 1 h late, 5 % × 190.00 = 9.50, final — TZ=${tz}`, () => {
      // Before: the earliest scan, 11-09 15:00:00, was the pickup: on time, nothing owed.
      const scans = write(dir, 'two.csv', '物流单号,揽收时间\nW9,2026-11-09 15:00:00\nW9,2026-11-12 11:00:00\n');
      const r = runCli(['compensate', orders, '--shipments', scans, ...AS_OF], { tz });
      expect(rows(r.stdout)).toEqual([[A, 'late', '9.50', 'final', 1]]);
      expect(r.stderr).toContain(`${scans}:2 (${A}: 2026-11-09 15:00:00 < 2026-11-10 10:00:00)`);
    });

    it(`a scan by order id before payment gives way to the waybill's scan (11-15 10:00:00: 72 h late, still late, 9.50) — TZ=${tz}`, () => {
      // 11-15 10:00:00 − 11-12 10:00:00 = 72 h: exactly 72 h late is still late (tier 5, 5 %): 9.50.
      // Before: the order id's scan (11-01) came first: on time.
      const scans = write(dir, 'byid.csv', `订单编号,物流单号,揽收时间\n${A},,2026-11-01 10:00:00\n,W9,2026-11-15 10:00:00\n`);
      const r = runCli(['compensate', orders, '--shipments', scans, ...AS_OF], { tz });
      expect(rows(r.stdout)).toEqual([[A, 'late', '9.50', 'final', 72]]);
      expect(r.stderr).toContain(`${scans}:2 (${A}: 2026-11-01 10:00:00 < 2026-11-10 10:00:00)`);
    });
  }

  it('a scan within the paid minute, shown without seconds (10:00 for paid 10:00:00), is not called before the payment', () => {
    // 2026-11-10 10:00 may be 10:00:00–10:00:59: not certainly before the paid time. Picked up then: on time.
    const scans = write(dir, 'minute.csv', '物流单号,揽收时间\nW9,2026-11-10 10:00\n');
    const r = runCli(['compensate', orders, '--shipments', scans, ...AS_OF]);
    expect(r.stdout.trim()).toBe('[]');
    expect(r.stderr).not.toContain('dated before the paid time');
  });
});

describe('a scan row whose all-digit tracking number Excel rounded (7.73012E+14)', () => {
  // tmall-2026, paid 11-10 10:00:00 (deadline 11-12 10:00:00), 发货时间 11-13 10:00:00, waybill 773012345678903.
  // By 发货时间: 24 h late, 5 % × (200.00 − 10.00) = 9.50. The scan row's 11-17 10:00:00 may be this order's
  // pickup (773012345678903 is within 7.73012E+14 ± 5×10^8): 120 h late, out of stock (≤ 48 h window, > 72 h):
  // 10 % × 190.00 = 19.00. So 9.50 is not final. Before: the row was only "matching no order", 9.50 final.
  const paid = '2026-11-10 10:00:00';
  const orders = write(
    dir,
    'orders-wb.csv',
    taobaoCsv([order('3900000000000000010', { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: paid, 订单付款时间: paid, 买家应付货款: '190.00', 买家应付邮费: '10.00', 买家实际支付金额: '200.00', 发货时间: '2026-11-13 10:00:00', 物流单号: 'No:773012345678903' })]),
  );
  const scans = write(dir, 'sci.csv', '物流单号,揽收时间\n7.73012E+14,2026-11-17 10:00:00\n');
  for (const tz of TZS) {
    it(`is rejected and keeps the order within its rounding provisional (9.50 by 发货时间) — TZ=${tz}`, () => {
      const r = runCli(['compensate', orders, '--shipments', scans, '--as-of', '2026-11-30 12:00:00', '-f', 'json'], { tz });
      expect(rows(r.stdout)).toEqual([['3900000000000000010', 'late', '9.50', 'provisional', 24]]);
      expect(r.stderr).toContain(`${scans}:2 [物流单号]: "7.73012E+14" a tracking number a spreadsheet program (Excel, WPS, LibreOffice …) rounded`);
      expect(r.stderr).toContain('1 order had a pickup scan row that could not be used (its time, or its order id or tracking number)');
      expect(r.stderr).not.toContain('match no order');
    });
  }
});

describe('a scan file of tracking events (物流状态 beside 揽收时间): only pickup states are pickups', () => {
  // The order of the first describe: tmall-2026, paid 11-10 10:00:00, deadline 11-12 10:00:00, base 190.00.
  // Rows: 已下单 11-11 09:00:00 (the carrier's order, before any pickup), 正在发往分拨中心 11-12 11:00:00 (a
  // Cainiao hub state after 包裹已出库: shipped, RULES 1.1), 待揽收 11-10 12:00:00 (waiting: no pickup).
  // Picked up 11-12 11:00:00: 1 h late, 5 % × 190.00 = 9.50. Before: the 11-10 12:00:00 row was the pickup: on time, nothing.
  const A = '3900000000000000020';
  const paid = '2026-11-10 10:00:00';
  const orders = write(
    dir,
    'orders-ev.csv',
    taobaoCsv([order(A, { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: paid, 订单付款时间: paid, 买家应付货款: '190.00', 买家应付邮费: '10.00', 买家实际支付金额: '200.00', 发货时间: '2026-11-12 09:00:00', 物流单号: 'No:EV1' })]),
  );
  const scans = write(dir, 'events.csv', '物流单号,物流状态,揽收时间\nEV1,已下单,2026-11-11 09:00:00\nEV1,正在发往分拨中心,2026-11-12 11:00:00\nEV1,待揽收,2026-11-10 12:00:00\n');
  for (const tz of TZS) {
    it(`the hub state is the pickup; 已下单 and 待揽收 are named, not used — TZ=${tz}`, () => {
      const r = runCli(['compensate', orders, '--shipments', scans, '--as-of', '2026-11-30 12:00:00', '-f', 'json'], { tz });
      expect(rows(r.stdout)).toEqual([[A, 'late', '9.50', 'final', 1]]);
      expect(r.stderr).toContain(`${scans}: 2 row(s) whose 物流状态 is no pickup (已揽收/揽件, or one of the four Cainiao hub states after 包裹已出库; not a return's pickup, nor the receiver's 收件) were not used as pickup times: ${scans}:2, ${scans}:4.`);
    });
  }
});

describe('--delivery-failures: a closed order is "closed without shipping" as the run judges it', () => {
  // tmall-2023 (paid 2026-04-01 10:00:00, before 04-09): order report 交易关闭 with no 发货时间, waybill YT1;
  // 宝贝报表: line 1 shipped 04-02 09:00:00 on YT1 (scan 04-02 08:00:00), line 2 never shipped; both closed.
  // Until money47: RULES 1.1 read "all lines closed and one never shipped → closed_unshipped", so this order
  // was "closed without shipping" (8ee1f8e: the payout follows the run's own judging, not any scan found),
  // no 10.00, named, exit 1.
  // money47, by hand from docs/rules.md: §1.1 now reads "an order whose lines are all closed ships when the
  // last of its lines that shipped did; a line closed never shipped drops out; if no line shipped, it is
  // closed_unshipped". Line 2 drops out; line 1's parcel was picked up 04-02 08:00:00 (its own waybill's
  // scan), before the 04-03 10:00:00 deadline (paid + 48 h): on time, no delayed-shipment voucher. The
  // promise payout (§1.2: "Unkept 当日达/次日达/送货上门 promise: 10.00 per order, separate and not capped";
  // §1.7: an order on the list "that was never paid, or was closed without shipping (which cannot be
  // judged, §1.1), gets no payout", and "'Shipped' here is what the run judges (§1.1)"): the order was
  // paid, and it shipped — a parcel left, and the list says its delivery failed — so it is not "closed
  // without shipping" and can be judged (it was: on time). 10.00, final, per order (the same as the case
  // below with both lines shipped). Exit 0: nothing for a person to check. The earlier decision's reason
  // (8ee1f8e) — the payout and the judging must agree — stands; what the judging says of this order changed.
  const A = '3900000000000000200';
  const paid = '2026-04-01 10:00:00';
  const HEAD =
    '子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品id,分阶段订单信息,主订单备注,主订单买家留言,发货时间,物流单号,物流公司,是否赔付,赔付金额,赔付出账时间,';
  const line = (sub: string, amount: string, shipped: string, wb: string) => `="${sub}",="${A}",t,${amount},1,,,,,交易关闭,,,${amount},${amount},,0,${paid},${paid},,,,,${shipped},${wb ? `No:${wb}` : ''},,,,,`;
  const rep = write(dir, 'closed.csv', taobaoCsv([order(A, { 订单状态: '交易关闭', 订单创建时间: paid, 订单付款时间: paid, 买家应付货款: '200.00', 买家应付邮费: '10.00', 买家实际支付金额: '210.00', 物流单号: 'No:YT1' })]));
  const items = write(dir, 'closed-items.csv', [HEAD, line('3900000000000000201', '110.00', '2026-04-02 09:00:00', 'YT1'), line('3900000000000000202', '100.00', '', ''), ''].join('\n'));
  const scans = write(dir, 'closed-scans.csv', '物流单号,揽收时间\nYT1,2026-04-02 08:00:00\n');
  const dp = write(dir, 'dp.csv', `订单编号\n${A}\n`);

  for (const tz of TZS) {
    it(`one line shipped (then closed), one never shipped: shipped, on time, the 10.00 promise payout (was closed_unshipped, none) — TZ=${tz}`, () => {
      const r = runCli(['compensate', rep, items, '--shipments', scans, '--delivery-failures', dp, '--as-of', '2026-04-30 12:00:00', '-f', 'json'], { tz });
      expect(rows(r.stdout)).toEqual([[A, 'delivery_promise', '10.00', 'final', null]]);
      expect(r.code).toBe(0);
      expect(r.stderr).not.toContain('closed_unshipped');
      expect(r.stderr).not.toContain('closed without shipping');
    });
  }

  // Neither line shipped (line 1 without its 发货时间, no scan of YT1): closed_unshipped (§1.1), no payout,
  // named, exit 1 — the earlier decision, for the order it is about.
  it('no line shipped: closed_unshipped, no promise payout, named, exit 1', () => {
    const none = write(dir, 'closed-items0.csv', [HEAD, line('3900000000000000201', '110.00', '', ''), line('3900000000000000202', '100.00', '', ''), ''].join('\n'));
    const r = runCli(['compensate', rep, none, '--delivery-failures', dp, '--as-of', '2026-04-30 12:00:00', '-f', 'json']);
    expect(r.stdout.trim()).toBe('[]');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('closed_unshipped');
    expect(r.stderr).toContain(`1 closed without shipping, which cannot be judged (${A})`);
  });

  it('a closed order whose only scan is dated before its payment (a reused waybill) is closed without shipping too', () => {
    // Single-line order, no 发货时间, scan of YT1 on 03-20 (before paid 04-01): not its pickup.
    const one = write(dir, 'closed-one.csv', taobaoCsv([order('3900000000000000300', { 订单状态: '交易关闭', 订单创建时间: paid, 订单付款时间: paid, 物流单号: 'No:YT1' })]));
    const early = write(dir, 'closed-early.csv', '物流单号,揽收时间\nYT1,2026-03-20 08:00:00\n');
    const list = write(dir, 'dp-one.csv', '订单编号\n3900000000000000300\n');
    const r = runCli(['compensate', one, '--shipments', early, '--delivery-failures', list, '--as-of', '2026-04-30 12:00:00', '-f', 'json']);
    expect(r.stdout.trim()).toBe('[]');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1 closed without shipping, which cannot be judged (3900000000000000300)');
    expect(r.stderr).toContain(`${early}:2 (3900000000000000300: 2026-03-20 08:00:00 < 2026-04-01 10:00:00)`);
  });

  it('line 2 shipped too (04-03 09:00:00): the order shipped, the 10.00 promise payout stands', () => {
    const shippedItems = write(dir, 'closed-items2.csv', [HEAD, line('3900000000000000201', '110.00', '2026-04-02 09:00:00', 'YT1'), line('3900000000000000202', '100.00', '2026-04-03 09:00:00', 'YT2'), ''].join('\n'));
    const r = runCli(['compensate', rep, shippedItems, '--shipments', scans, '--delivery-failures', dp, '--as-of', '2026-04-30 12:00:00', '-f', 'json']);
    expect(rows(r.stdout)).toEqual([[A, 'delivery_promise', '10.00', 'final', null]]);
  });
});

describe('the no_ship_time warning says what to add', () => {
  // 2016 layout (41 columns, no 发货时间): Q shipped (交易成功) with no ship time → no_ship_time.
  const Q = '4100000000000000702';
  const f41 = write(dir, 'ExportOrderList201611201200.csv', taobaoCsv([order(Q, { 订单状态: '交易成功', 订单创建时间: '2026-11-20 08:59:00', 订单付款时间: '2026-11-20 09:00:00' })], T41));
  const AS_OF = ['--as-of', '2026-11-25 12:00:00', '--rules', 'tmall-2023', '-f', 'json'];

  it('with --shipments given (a scan of another order only): names the file, does not say "pass --shipments"', () => {
    const scans = write(dir, 'other.csv', '订单编号,揽收时间\n4100000000000000999,2026-11-21 09:00:00\n');
    const r = runCli(['compensate', f41, '--shipments', scans, ...AS_OF]);
    expect(r.stderr).toContain(`1 shipped order has no ship time in the export and no usable pickup scan in ${scans}, and was not judged (no_ship_time). Add its scans (by order id or tracking number) to that file and run again`);
    expect(r.stderr).not.toContain('Pass --shipments');
    const zh = runCli(['compensate', f41, '--shipments', scans, ...AS_OF, '--lang', 'zh']);
    expect(zh.stderr).toContain(`1 个已发货订单在报表里没有发货时间, 揽收记录 ${scans} 中也没有它们可用的揽收记录`);
    expect(zh.stderr).not.toContain('用 --shipments');
  });

  // Without --shipments nothing of this file can be judged (an error that says to add the scans): test/compensation/precision.test.ts.
});

describe('pickupState (RULES 1.1: picked up, or one of the four Cainiao hub states after 包裹已出库)', () => {
  it('tells pickups from other events', async () => {
    const { pickupState } = await import('../../src/compensation/inputs.js');
    for (const s of ['', '已揽收', '揽件', '快递员已揽件', '【深圳市】顺丰速运 已收取快件 已揽收', '正在发往分拨中心', '已进入分拨中心', '已完成分拨集包', '已从分拨中心发出', 'picked up']) expect([s, pickupState(s)]).toEqual([s, true]);
    for (const s of ['待揽收', '未揽收', '等待揽收', '揽收失败', '已下单', '包裹已出库', '运输中', '派件中', '已签收']) expect([s, pickupState(s)]).toEqual([s, false]);
  });
});

// review18: the carriers' own words for a pickup — 中国邮政/EMS 收寄, 顺丰 收件 / 已收取快件, and the
// status codes ACCEPT (Cainiao) and GOT (Taobao's trace) — were "no pickup": the late pickup was not
// used and the order was judged by its earlier 发货时间 (on time, nothing owed).
describe('pickupState: EMS 收寄, 顺丰 收件, ACCEPT/GOT are pickups; 收件人 / a delivery is not', () => {
  it('unit', async () => {
    const { pickupState } = await import('../../src/compensation/inputs.js');
    for (const s of ['已收寄', '【北京邮政】已收寄', '收件', '顺丰速运 已收取快件', 'ACCEPT', 'accept', 'GOT']) expect([s, pickupState(s)]).toEqual([s, true]);
    for (const s of ['待收寄', '未收件', '收寄失败', '快件已由收件人签收', '收件人已签收', '派件中 收件人电话', 'TRANSPORT', 'SIGN']) expect([s, pickupState(s)]).toEqual([s, false]);
  });

  // tmall-2026, paid 2026-11-10 10:00:00 → deadline 11-12 10:00:00; 发货时间 11-12 09:00:00 (on time).
  // Picked up 11-13 10:00:00 (EMS 已收寄 / ACCEPT): 24 h late, 5 % × (200.00 − 10.00) = 9.50.
  for (const [state, wb] of [['【北京邮政】已收寄', '1187654321098'], ['ACCEPT', 'YT7654321'], ['顺丰速运 已收取快件', 'SF1400000000001']] as const) {
    it(`a scan whose 物流状态 is ${state}: 24 h late, 9.50`, () => {
      const A = '3900000000000000091';
      const paid = '2026-11-10 10:00:00';
      const o = write(dir, `o-${wb}.csv`, taobaoCsv([order(A, { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: paid, 订单付款时间: paid, 发货时间: '2026-11-12 09:00:00', 物流单号: wb })]));
      const scans = write(dir, `s-${wb}.csv`, `物流单号,物流状态,揽收时间\r\n${wb},已下单,2026-11-10 12:00:00\r\n${wb},${state},2026-11-13 10:00:00\r\n${wb},运输中,2026-11-13 20:00:00\r\n`);
      const r = runCli(['compensate', o, '--shipments', scans, '--as-of', '2026-11-30 12:00:00', '-f', 'json']);
      expect(rows(r.stdout)).toEqual([[A, 'late', '9.50', 'final', 24]]);
    });
  }
});

// review19: 收件 was any 收件 but 收件人: 收件网点 / 收件城市 / 收件中心 / 收件方 are the receiving end (a
// parcel there was picked up earlier), and 拒收 退回收件 a return. Taken as the pickup, an order whose
// file holds such an event and not its pickup row was late by a delivery-side event.
describe('pickupState: the receiving end (收件网点, 收件城市, 收件方) and a return are no pickup', () => {
  it('unit', async () => {
    const { pickupState } = await import('../../src/compensation/inputs.js');
    for (const s of ['您的快件已到达收件网点', '快件已发往收件城市', '快件在【深圳收件中心】完成分拣', '快件到达收件方', '收件网点: 北京', '拒收 退回收件', '已退回寄件人 收寄']) expect([s, pickupState(s)]).toEqual([s, false]);
    for (const s of ['已收件', '收件', '顺丰 收件', '【深圳】已收件。', '收件, 快递员 张三']) expect([s, pickupState(s)]).toEqual([s, true]);
  });

  // tmall-2026, paid 2026-11-10 10:00:00 → deadline 11-12 10:00:00; 发货时间 11-12 09:00:00: on time,
  // nothing owed. The only event, 11-13 10:00:00 快件已发往收件城市, is no pickup (named on stderr), so the
  // order is judged by its 发货时间. Before: it was the pickup, 24 h late, 5 % × 190.00 = 9.50 paid.
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`an event 快件已发往收件城市 is not the pickup: on time by 发货时间, nothing owed — TZ=${tz}`, () => {
      const A = '3900000000000000093';
      const wb = 'SF1400000000093';
      const paid = '2026-11-10 10:00:00';
      const o = write(dir, `o-${wb}.csv`, taobaoCsv([order(A, { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: paid, 订单付款时间: paid, 发货时间: '2026-11-12 09:00:00', 物流单号: wb })]));
      const scans = write(dir, `s-${wb}.csv`, `物流单号,物流状态,揽收时间\r\n${wb},快件已发往收件城市,2026-11-13 10:00:00\r\n`);
      const r = runCli(['compensate', o, '--shipments', scans, '--as-of', '2026-11-30 12:00:00', '-f', 'json'], { tz });
      expect(rows(r.stdout)).toEqual([]);
    });
  }
});

// review21: 收件 said of the receiving end (收件方已收件, 买家已收件, 驿站已收件: a delivery) and a return's
// pickup (退货已揽收, 退回件已揽收, 售后/换货) were pickups: 已收件 / 已揽收 were found in them. The rule
// (docs/rules.md §1.1): a state about a return is never a pickup; 收件 / 收寄 / 收取快件 count only when said
// of the courier (nothing, 已, or the courier or carrier before it) in a state with no delivery word.
describe("pickupState: the receiver's 收件 and a return's pickup are no pickup", () => {
  it('unit', async () => {
    const { pickupState } = await import('../../src/compensation/inputs.js');
    const no = ['收件方已收件', '买家已收件', '客户已收件', '本人已收件', '驿站已收件', '已由丰巢收件', '您的快件已被买家收件', '退货已揽收', '退货快递员已揽件', '退回件已揽收', '逆向已揽收', '售后已揽收', '换货已揽收', '已揽收（退货）', '退货 已进入分拨中心', '退货已收件', 'RETURN_ACCEPT', '已取件', '快递员送达 买家已收件'];
    for (const s of no) expect([s, pickupState(s)]).toEqual([s, false]);
    const yes = ['已收件', '顺丰速运 已收件', '快递员张三已收件', '您的快件已由顺丰速运收件', '【深圳市南山区】顺丰速运 已收取快件', '已揽收', '快递员已揽件', '揽收成功', 'ACCEPT'];
    for (const s of yes) expect([s, pickupState(s)]).toEqual([s, true]);
  });

  // tmall-2026, paid 2026-11-10 10:00:00 → deadline 11-12 10:00:00; base 200.00 − 10.00 = 190.00.
  // 96 h late (11-16 10:00:00) is out of stock (> 72 h; window 48 h ≤ 48 h: tier 2, 10 %): 10 % × 190.00 = 19.00.
  const paid = '2026-11-10 10:00:00';
  const one = (id: string, wb: string) => write(dir, `o21-${wb}.csv`, taobaoCsv([order(id, { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: paid, 订单付款时间: paid, 发货时间: '2026-11-12 09:00:00', 物流单号: wb })]));
  for (const tz of TZS) {
    // 发货时间 11-12 09:00:00 is on time; the only event after 已下单 is the receiver's (11-16 10:00:00).
    // Not a pickup: judged by 发货时间, on time, nothing owed. Before: the pickup, 96 h late, 19.00 paid.
    for (const state of ['收件方已收件', '买家已收件', '退货已揽收']) {
      it(`${state} 96 h after the deadline is not the pickup: on time, 0.00 (was 19.00) — TZ=${tz}`, () => {
        const A = '3900000000000000094';
        const wb = `SF1400000000094`;
        const scans = write(dir, `s21-${state}.csv`, `物流单号,物流状态,揽收时间\r\n${wb},已下单,2026-11-10 12:00:00\r\n${wb},${state},2026-11-16 10:00:00\r\n`);
        const r = runCli(['compensate', one(A, wb), '--shipments', scans, '--as-of', '2026-11-30 12:00:00', '-f', 'json'], { tz });
        expect(rows(r.stdout)).toEqual([]);
        expect(r.stderr).toContain(`${scans}: 2 row(s) whose 物流状态 is no pickup`);
        expect(r.stderr).toContain(`${scans}:2, ${scans}:3.`);
      });
    }

    // A reused waybill: a return's pickup (退货已揽收 11-11 10:00:00, before the deadline) and this order's
    // pickup 11-16 10:00:00 (顺丰速运 已收取快件): 96 h late, 19.00. Before: the return's row was the earliest
    // pickup, on time, 0.00 (19.00 lost).
    it(`a return's pickup before the real one does not ship the order: 19.00 (was 0.00) — TZ=${tz}`, () => {
      const A = '3900000000000000095';
      const wb = 'SF1400000000095';
      const scans = write(dir, `s21-reused.csv`, `物流单号,物流状态,揽收时间\r\n${wb},退货已揽收,2026-11-11 10:00:00\r\n${wb},顺丰速运 已收取快件,2026-11-16 10:00:00\r\n`);
      const r = runCli(['compensate', one(A, wb), '--shipments', scans, '--as-of', '2026-11-30 12:00:00', '-f', 'json'], { tz });
      expect(rows(r.stdout)).toEqual([[A, 'out_of_stock', '19.00', 'final', 96]]);
    });
  }
});

// review22: a pickup waited for, asked for or arranged was a pickup when the word (揽收/揽件/收件) had anything
// between it and 待/等待: 商家正通知快递公司揽件 (Taobao's trace line when the seller ships), 等待快递员上门揽收,
// 已预约上门揽件, 快递员将上门收件. Not a pickup (docs/rules.md §1.1); 未 still only right before the word (未央区).
describe('pickupState: a pickup notified, waited for or arranged is no pickup', () => {
  it('unit', async () => {
    const { pickupState } = await import('../../src/compensation/inputs.js');
    const no = ['商家正通知快递公司揽件', '已通知快递员上门揽件', '等待快递员上门揽收', '待快递员揽收', '已预约上门揽件', '快递员将上门揽件', '快递员将上门收件', '【杭州】已通知快递员揽收'];
    for (const s of no) expect([s, pickupState(s)]).toEqual([s, false]);
    const yes = ['【未央区】快递员已揽收', '快递员已将您的包裹揽收', '快递员已揽件，请保持电话畅通', '您的包裹已由顺丰揽收', '快递员张三已收件'];
    for (const s of yes) expect([s, pickupState(s)]).toEqual([s, true]);
  });

  // tmall-2026, paid 2026-11-10 10:00:00 → deadline 11-12 10:00:00 (48 h); base 200.00 − 10.00 = 190.00.
  // Events: 商家正通知快递公司揽件 11-12 09:00:00 (the seller's ship operation), 【杭州市】已揽收 11-13 10:00:00.
  // Picked up 11-13 10:00:00: 24 h late (≤ 72 h, window 48 h: tier 5 %), 5 % × 190.00 = 9.50 (within 5.00–50.00).
  // Before: the notice was the earliest "pickup", on time, 0.00 (9.50 lost).
  const paid = '2026-11-10 10:00:00';
  const A = '3900000000000000221';
  const wb = 'YT2200000000221';
  const orders22 = write(dir, 'o22.csv', taobaoCsv([order(A, { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: paid, 订单付款时间: paid, 买家应付货款: '190.00', 买家应付邮费: '10.00', 买家实际支付金额: '200.00', 发货时间: '2026-11-12 09:00:00', 物流单号: `No:${wb}` })]));
  const scans22 = write(dir, 's22.csv', `物流单号,物流状态,揽收时间\r\n${wb},商家正通知快递公司揽件,2026-11-12 09:00:00\r\n${wb},【杭州市】已揽收,2026-11-13 10:00:00\r\n`);
  for (const tz of TZS) {
    it(`商家正通知快递公司揽件 before the pickup does not ship the order: 9.50 (was 0.00) — TZ=${tz}`, () => {
      const r = runCli(['compensate', orders22, '--shipments', scans22, '--as-of', '2026-11-30 12:00:00', '-f', 'json'], { tz });
      expect(rows(r.stdout)).toEqual([[A, 'late', '9.50', 'final', 24]]);
      expect(r.stderr).toContain(`${scans22}: 1 row(s) whose 物流状态 is no pickup`);
      expect(r.stderr).toContain(`${scans22}:2.`);
    });
  }
});
