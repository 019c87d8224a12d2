// RULES 1.1 (docs/rules.md §1.1): shipped = the carrier's pickup scan of the order; an order of several
// parcels ships when its last one does (卖家部分发货: its scan is only the first parcel's); RULES 1.3:
// tmall-2026 with the item report judges and prices each line on its own. Three defects of --shipments:
// (1) a row naming order A by id but carrying order B's waybill (or a waybill that is not A's) was B's
// pickup and A's: a late order was on time; now it is the pickup of neither, named with file:line, and
// an order left without a scan is judged by its 发货时间, provisional; (2) a scan of a 卖家部分发货 order
// was matched and silently unused: now named, and (3) `--at-risk` looked at a tmall-2026 order of two
// lines as a whole: the first parcel's scan (by order id) left it off the list while its other line
// was late in the run, and its cost was the whole order's. Every scan row is now counted once
// (rows read = used + each reason not used), on stderr.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
type V = { orderIds: string[]; kinds: string[]; amount: string; state: string; maxHoursLate: number | null };
const rows = (out: string) => (JSON.parse(out) as V[]).map((v) => [v.orderIds.join(';'), v.kinds.join(';'), v.amount, v.state, v.maxHoursLate]);
const TZS = ['UTC', 'America/Los_Angeles'];
const AS_OF = ['--as-of', '2026-11-30 12:00:00', '-f', 'json'];
const paid = '2026-11-10 10:00:00';

describe('a scan row naming one order by id and carrying another order\'s waybill', () => {
  // tmall-2026, both paid 2026-11-10 10:00:00 → deadline 11-12 10:00:00 (48 h window), base 200.00 − 10.00 = 190.00.
  // A (buyer 甲): 发货时间 11-12 09:00:00, waybill WA: on time. B (buyer 乙): 发货时间 11-13 10:00:00, waybill WB.
  // Row "A, WB, 11-11 10:00:00": the row says A's parcel is WB, the export says WB is B's: it is neither's pickup.
  // B by its 发货时间: 24 h late (≤ 72 h, window ≤ 48 h: tier 5) → 5 % × 190.00 = 9.50 (≥ 5.00, ≤ 50.00),
  // provisional (no scan of B stands). Before: the row was B's pickup, 11-11 10:00:00: on time, nothing owed.
  const A = '3900000000000000401';
  const B = '3900000000000000402';
  const orders = (aShipped: string) =>
    write(
      dir,
      `ab-${aShipped.slice(8, 10)}.csv`,
      taobaoCsv([
        order(A, { 买家会员名: '甲', 订单状态: '卖家已发货，等待买家确认', 订单创建时间: paid, 订单付款时间: paid, 发货时间: aShipped, 物流单号: 'No:WA' }),
        order(B, { 买家会员名: '乙', 订单状态: '卖家已发货，等待买家确认', 订单创建时间: paid, 订单付款时间: paid, 发货时间: '2026-11-13 10:00:00', 物流单号: 'No:WB' }),
      ]),
    );
  const ab = orders('2026-11-12 09:00:00');

  for (const tz of TZS) {
    it(`is not B's pickup: B by 发货时间, 24 h late, 9.50 provisional; the row named with file:line — TZ=${tz}`, () => {
      const scans = write(dir, 'cross.csv', `订单编号,物流单号,揽收时间\n${A},WB,2026-11-11 10:00:00\n`);
      const r = runCli(['compensate', ab, '--shipments', scans, ...AS_OF], { tz });
      expect(r.code).toBe(0);
      expect(rows(r.stdout)).toEqual([[B, 'late', '9.50', 'provisional', 24]]);
      expect(r.stderr).toContain(
        `1 pickup scan row names an order by its id but carries a waybill that is not that order's (another order's, or none the export shows for it): the pickup of neither order, not used: ${scans}:2 (order id ${A}, waybill WB; found for ${A}, ${B})`,
      );
      expect(r.stderr).toContain(`--shipments ${scans}: 1 scan row(s) read: 0 used, 1 contradicting (order id vs waybill).`);
      expect(r.stderr).not.toContain('match no order');
      const zh = runCli(['compensate', ab, '--shipments', scans, ...AS_OF, '--lang', 'zh'], { tz });
      expect(zh.stderr).toContain(`1 条揽收记录的订单编号与物流单号互相矛盾`);
      expect(zh.stderr).toContain(`${scans}:2 (订单编号 ${A}, 物流单号 WB; 查找的订单 ${A}, ${B})`);
      expect(zh.stderr).toContain(`--shipments ${scans}: 读取 1 行揽收记录: 使用 0 行, 订单编号与物流单号矛盾 1 行。`);
    });

    it(`B's own scan (no order id, 11-12 11:00:00) stands: 1 h late, 9.50 final — TZ=${tz}`, () => {
      // Before: the earliest scan of WB (11-11 10:00:00, the row naming A) was B's: on time, nothing owed.
      const scans = write(dir, 'cross2.csv', `订单编号,物流单号,揽收时间\n${A},WB,2026-11-11 10:00:00\n,WB,2026-11-12 11:00:00\n`);
      const r = runCli(['compensate', ab, '--shipments', scans, ...AS_OF], { tz });
      expect(rows(r.stdout)).toEqual([[B, 'late', '9.50', 'final', 1]]);
      expect(r.stderr).toContain(`--shipments ${scans}: 2 scan row(s) read: 1 used, 1 contradicting (order id vs waybill).`);
    });
  }

  it('is not A\'s pickup either: A by its 发货时间 11-13 10:00:00, 24 h late, 9.50 provisional', () => {
    // A now shipped 11-13 10:00:00 (24 h late): 5 % × 190.00 = 9.50 for A, and 9.50 for B (other buyer).
    // Before: A's scan by id (11-11 10:00:00) put A on time, and the same row put B on time: [].
    const late = orders('2026-11-13 10:00:00');
    const scans = write(dir, 'cross3.csv', `订单编号,物流单号,揽收时间\n${A},WB,2026-11-11 10:00:00\n`);
    const r = runCli(['compensate', late, '--shipments', scans, ...AS_OF]);
    expect(rows(r.stdout).sort()).toEqual([
      [A, 'late', '9.50', 'provisional', 24],
      [B, 'late', '9.50', 'provisional', 24],
    ]);
  });

  it('a waybill known to no order under A\'s id (WX, A\'s is WA) is not A\'s pickup', () => {
    // A 24 h late by 发货时间 (9.50); the row "A, WX, 11-11 10:00:00" contradicts A's export (WA). Before: on time.
    const late = orders('2026-11-13 10:00:00');
    const scans = write(dir, 'cross4.csv', `订单编号,物流单号,揽收时间\n${A},WX,2026-11-11 10:00:00\n${B},WB,2026-11-12 11:00:00\n`);
    const r = runCli(['compensate', late, '--shipments', scans, ...AS_OF]);
    // B by its own row (id and waybill agree): 1 h late, 9.50 final.
    expect(rows(r.stdout).sort()).toEqual([
      [A, 'late', '9.50', 'provisional', 24],
      [B, 'late', '9.50', 'final', 1],
    ]);
    expect(r.stderr).toContain(`${scans}:2 (order id ${A}, waybill WX; found for ${A})`);
    expect(r.stderr).toContain(`--shipments ${scans}: 2 scan row(s) read: 1 used, 1 contradicting (order id vs waybill).`);
  });

  it('a row whose id and waybill agree is used, and no contradiction is said', () => {
    const scans = write(dir, 'agree.csv', `订单编号,物流单号,揽收时间\n${B},WB,2026-11-12 11:00:00\n${A},WA,2026-11-12 09:30:00\n`);
    const r = runCli(['compensate', ab, '--shipments', scans, ...AS_OF]);
    expect(rows(r.stdout)).toEqual([[B, 'late', '9.50', 'final', 1]]);
    expect(r.stderr).not.toContain('not that order\'s');
    expect(r.stderr).toContain(`--shipments ${scans}: 2 scan row(s) read: 2 used.`);
  });
});

describe('a scan of an order the export shows partly shipped (卖家部分发货)', () => {
  // tmall-2026, paid 11-10 10:00:00, deadline 11-12 10:00:00; 发货时间 11-11 09:00:00 is the first parcel's.
  // Unshipped as a whole at as-of 11-30 12:00:00: 434 h late (> 72 h, window ≤ 48 h: tier 2, out of stock)
  // → 10 % × 190.00 = 19.00 (≥ 5.00, ≤ 500.00), provisional. The scan (by id, the first parcel's) does not
  // ship it. Before: the same 19.00, but the row was matched and never used nor named.
  const P = '3900000000000000501';
  const orders = write(dir, 'partly.csv', taobaoCsv([order(P, { 订单状态: '卖家部分发货', 订单创建时间: paid, 订单付款时间: paid, 发货时间: '2026-11-11 09:00:00', 物流单号: 'No:WP' })]));
  const scans = write(dir, 'partly-scans.csv', `订单编号,物流单号,揽收时间\n${P},WP,2026-11-11 10:00:00\n,WP,2026-11-11 11:00:00\n,ZZ,2026-11-11 11:00:00\n`);
  for (const tz of TZS) {
    it(`is named as not used, and the rows add up — TZ=${tz}`, () => {
      const r = runCli(['compensate', orders, '--shipments', scans, ...AS_OF], { tz });
      expect(rows(r.stdout)).toEqual([[P, 'out_of_stock', '19.00', 'provisional', 434]]);
      expect(r.stderr).toContain(`2 pickup scan rows are of an order the export shows partly shipped (卖家部分发货), not used: ${scans}:2 (${P}), ${scans}:3 (${P}).`);
      expect(r.stderr).toContain(`--shipments ${scans}: 3 scan row(s) read: 0 used, 1 matching no order, 2 of partly shipped orders.`);
      const zh = runCli(['compensate', orders, '--shipments', scans, ...AS_OF, '--lang', 'zh'], { tz });
      expect(zh.stderr).toContain(`2 条揽收记录属于报表显示"卖家部分发货"的订单, 未使用: ${scans}:2 (${P}), ${scans}:3 (${P})。`);
    });
  }
});

describe('--at-risk under tmall-2026 with the item report: the order by its unshipped line, as the run', () => {
  // Order report still 买家已付款，等待卖家发货 (paid 11-10 10:00:00, 200.00, no postage); item report: line 1
  // (100.00) shipped 11-11 09:00:00 on WL1, line 2 (100.00) not shipped. Scan by the order id 11-11 10:00:00
  // (line 1's parcel). Deadline 11-12 10:00:00. The run prices line 2 alone (RULES 1.3): 5 % × 100.00 = 5.00
  // (the 5.00 minimum). At 11-12 08:00:00 with --at-risk 6: due in 2 h, cost if late 5.00 (base 100.00).
  // Before: with the scans, the order-id scan shipped the order as a whole and the list was empty; without
  // them the cost was the whole order's 5 % × 200.00 = 10.00.
  const A = '3900000000000000601';
  const HEAD =
    '子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品id,分阶段订单信息,主订单备注,主订单买家留言,发货时间,物流单号,物流公司,是否赔付,赔付金额,赔付出账时间,';
  const line = (sub: string, amount: string, status: string, shipped: string, wb: string) =>
    `="${sub}",="${A}",t,${amount},1,,,,,${status},,,${amount},${amount},,0,${paid},${paid},,,,,${shipped},${wb ? `No:${wb}` : ''},,,,,`;
  const rep = write(dir, 'risk-orders.csv', taobaoCsv([order(A, { 订单创建时间: paid, 订单付款时间: paid, 买家应付货款: '200.00', 买家应付邮费: '0.00', 买家实际支付金额: '200.00' })]));
  const items = write(dir, 'risk-items.csv', [HEAD, line('3900000000000000611', '100.00', '卖家已发货，等待买家确认', '2026-11-11 09:00:00', 'WL1'), line('3900000000000000612', '100.00', '买家已付款，等待卖家发货', '', ''), ''].join('\n'));
  const scans = write(dir, 'risk-scans.csv', `订单编号,揽收时间\n${A},2026-11-11 10:00:00\n`);
  type R = { orderId: string; deadline: string; hoursLeft: number; risk: string; base: string | null; costIfLate: string | null };
  const risk = (out: string) => (JSON.parse(out) as R[]).map((x) => [x.orderId, x.deadline, x.hoursLeft, x.risk, x.base, x.costIfLate]);

  for (const tz of TZS) {
    it(`listed, due in 2 h, cost 5.00 with and without the scans — TZ=${tz}`, () => {
      for (const extra of [['--shipments', scans], []]) {
        const r = runCli(['compensate', rep, items, ...extra, '--as-of', '2026-11-12 08:00:00', '--at-risk', '6', '-f', 'json'], { tz });
        expect(r.code).toBe(0);
        expect(risk(r.stdout)).toEqual([[A, '2026-11-12T10:00:00+08:00', 2, 'at_risk', '100.00', '5.00']]);
      }
    });

    it(`already late at 11-12 12:00:00: listed late, 5.00 — the voucher the run computes — TZ=${tz}`, () => {
      // Line 2 unshipped 2 h after its deadline: tier 5, 5 % × 100.00 = 5.00.
      const r = runCli(['compensate', rep, items, '--shipments', scans, '--as-of', '2026-11-12 12:00:00', '--at-risk', '6', '-f', 'json'], { tz });
      expect(risk(r.stdout)).toEqual([[A, '2026-11-12T10:00:00+08:00', -2, 'late', '100.00', '5.00']]);
      const run = runCli(['compensate', rep, items, '--shipments', scans, '--as-of', '2026-11-12 12:00:00', '-f', 'json'], { tz });
      expect(rows(run.stdout)).toEqual([[A, 'late', '5.00', 'provisional', 2]]);
      expect(run.stderr).toContain(`--shipments ${scans}: 1 scan row(s) read: 1 used.`);
    });
  }

  it('a row naming a line by its 子订单编号 with that line\'s waybill is the order\'s, not a contradiction', () => {
    // Line 1 (…611, WL1) picked up 11-11 10:00:00: on time; line 2 unshipped at 11-12 12:00:00: 2 h late, 5.00.
    const bySub = write(dir, 'risk-sub.csv', `订单编号,物流单号,揽收时间\n3900000000000000611,WL1,2026-11-11 10:00:00\n`);
    const run = runCli(['compensate', rep, items, '--shipments', bySub, '--as-of', '2026-11-12 12:00:00', '-f', 'json']);
    expect(rows(run.stdout)).toEqual([[A, 'late', '5.00', 'provisional', 2]]);
    expect(run.stderr).not.toContain('contradict');
    expect(run.stderr).toContain(`--shipments ${bySub}: 1 scan row(s) read: 1 used.`);
  });
});

describe('every scan row is counted once: read = used + each reason not used', () => {
  // tmall-2023 (paid 2026-04-01 10:00:00, deadline 04-03 10:00:00). P: 卖家部分发货, item report line 1 shipped on
  // WL1, line 2 not: unshipped at as-of 04-30 12:00:00, 650 h late: 30 % × (200.00 − 10.00) = 57.00 (no maximum),
  // provisional. C: shipped on WC, scan by id 04-02 08:00:00: on time.
  // Rows: 2 P/WL1 and 3 WL1 → of a partly shipped order; 4 C/WC → used; 5 WC (no id, not looked at: C's
  // id scan comes first) → not needed; 6 ZZ → no order; 7 C, time "bad" → rejected; 8 C/WC 04-01 08:00:00,
  // before C was paid → before the paid time. 7 = 1 + 1 + 1 + 1 + 2 + 1.
  const paid = '2026-04-01 10:00:00';
  const P = '3900000000000000701';
  const C = '3900000000000000801';
  const HEAD =
    '子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品id,分阶段订单信息,主订单备注,主订单买家留言,发货时间,物流单号,物流公司,是否赔付,赔付金额,赔付出账时间,';
  const line = (sub: string, amount: string, status: string, shipped: string, wb: string) =>
    `="${sub}",="${P}",t,${amount},1,,,,,${status},,,${amount},${amount},,0,${paid},${paid},,,,,${shipped},${wb ? `No:${wb}` : ''},,,,,`;
  const orders = write(
    dir,
    'count-orders.csv',
    taobaoCsv([
      order(P, { 订单状态: '卖家部分发货', 订单创建时间: paid, 订单付款时间: paid, 发货时间: '2026-04-02 09:00:00', 物流单号: 'No:WL1' }),
      order(C, { 买家会员名: '丙', 订单状态: '卖家已发货，等待买家确认', 订单创建时间: paid, 订单付款时间: paid, 发货时间: '2026-04-02 09:00:00', 物流单号: 'No:WC' }),
    ]),
  );
  const items = write(dir, 'count-items.csv', [HEAD, line('3900000000000000711', '100.00', '卖家已发货，等待买家确认', '2026-04-02 09:00:00', 'WL1'), line('3900000000000000712', '90.00', '买家已付款，等待卖家发货', '', ''), ''].join('\n'));
  const scans = write(
    dir,
    'count-scans.csv',
    `订单编号,物流单号,揽收时间\n${P},WL1,2026-04-02 10:00:00\n,WL1,2026-04-02 10:30:00\n${C},WC,2026-04-02 08:00:00\n,WC,2026-03-01 08:00:00\n,ZZ,2026-04-02 08:00:00\n${C},,bad\n${C},WC,2026-04-01 08:00:00\n`,
  );
  for (const tz of TZS) {
    it(`7 rows: 1 used, 1 rejected, 1 matching no order, 1 before the paid time, 2 of partly shipped orders, 1 not needed — TZ=${tz}`, () => {
      const r = runCli(['compensate', orders, items, '--shipments', scans, '--as-of', '2026-04-30 12:00:00', '-f', 'json'], { tz });
      expect(rows(r.stdout)).toEqual([[P, 'late', '57.00', 'provisional', 650]]);
      expect(r.stderr).toContain(
        `--shipments ${scans}: 7 scan row(s) read: 1 used, 1 rejected, 1 matching no order, 1 before the paid time, 2 of partly shipped orders, 1 not needed (the order was decided by its other scans — those naming its id come first —, or excluded, or not judged).`,
      );
      expect(r.stderr).toContain(`not used: ${scans}:2 (${P}), ${scans}:3 (${P}).`);
    });
  }
});

// review19: a row naming the order by id whose waybill is the order's, typed in another case or with
// spaces (sf 1400…, the export's SF1400…), was "not that order's waybill": contradicting, the pickup of
// neither, and the late order was judged on time by its 发货时间.
describe('a scan row naming the order with its own waybill typed in lower case or with spaces', () => {
  // tmall-2026, paid 2026-11-10 10:00:00 → deadline 11-12 10:00:00; 发货时间 11-12 09:00:00 (on time).
  // Picked up 11-13 10:00:00: 24 h late (≤ 72 h, tier 5) → 5 % × (200.00 − 10.00) = 9.50, final.
  const A = '3900000000000000601';
  const paid = '2026-11-10 10:00:00';
  for (const tz of TZS) {
    it(`is its pickup: 24 h late, 9.50 — TZ=${tz}`, () => {
      const o = write(dir, 'case.csv', taobaoCsv([order(A, { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: paid, 订单付款时间: paid, 发货时间: '2026-11-12 09:00:00', 物流单号: 'No:SF1400000000601' })]));
      const o2 = write(dir, 'case2.csv', taobaoCsv([order(A, { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: paid, 订单付款时间: paid, 发货时间: '2026-11-12 09:00:00', 物流单号: 'No:SF1400000000601;SF1400000000602' })]));
      // The last: the row lists the order's waybills (the export's SF1400000000601;SF1400000000602) the other way round.
      for (const wb of ['sf1400000000601', 'SF 1400 0000 0060 1', '"SF1400000000602;SF1400000000601"']) {
        const scans = write(dir, 'case-s.csv', `订单编号,物流单号,揽收时间\n${A},${wb},2026-11-13 10:00:00\n`);
        const r = runCli(['compensate', wb.includes(';') ? o2 : o, '--shipments', scans, ...AS_OF], { tz });
        expect(rows(r.stdout), wb).toEqual([[A, 'late', '9.50', 'final', 24]]);
        expect(r.stderr).toContain(`--shipments ${scans}: 1 scan row(s) read: 1 used.`);
      }
    });
  }
});
