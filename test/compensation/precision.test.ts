// Issue 14 items 2 and 3: what compensate does with what an export cannot tell.
// 3: times re-saved by Excel without seconds (`2026/11/17 11:00` may be 11:00:00–11:00:59): an
//    order whose verdict depends on the lost seconds is not judged (time_precision) and listed.
// 2: older 订单报表 layouts without 发货时间: judge what can be judged; a shipped order is not judged
//    (no_ship_time); exit 3 only when nothing can be judged.
import { describe, expect, it } from 'vitest';
import { T41, T71, order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

// The 30 % figures below are tmall-2023's (RULES 1.2), forced with --rules tmall-2023: under auto these
// November 2026 orders would be judged by tmall-2026 (RULES 1.3a).

const AS_OF = ['--as-of', '2026-11-25 12:00:00'];
const shipped = '卖家已发货，等待买家确认';
const dir = tmpDir();

// tmall-2023: deadline = paid + 48 h; (paid − postage) × 30 %, at least 5.00. Paid 11-15 11:00 → deadline 11-17 11:00.
const A = '2987650012233445502'; // shown 11:00 → 11:00: on time if shipped ≤ the real deadline second, else 1 s to 59 s late
const B = '3515313147329357901'; // shipped 11:01 ≥ 11:01:00 > 11:00:59 (latest real deadline): late for sure
const C = '3515313147329357902'; // shipped 10:59 ≤ 10:59:59 < 11:00:00 (earliest real deadline): on time for sure
const D = '3515313147329357903'; // paid 11:00:00 exactly, shipped shown 11:00 (11:00:00–11:00:59): either
const coarse = (id: string, buyer: string, ship: string, paid = '2026/11/15 11:00') =>
  order(id, { 买家会员名: buyer, 订单状态: shipped, 订单创建时间: '2026/11/15 10:59', 订单付款时间: paid, 发货时间: ship });

describe('times without seconds (an Excel re-save)', () => {
  const rows = [
    coarse(A, '阿花', '2026/11/17 11:00', undefined),
    coarse(B, '小明', '2026/11/17 11:01'),
    coarse(C, '小红', '2026/11/17 10:59'),
    coarse(D, '小刚', '2026/11/17 11:00', '2026-11-15 11:00:00'),
  ];
  rows[0]!['买家应付货款'] = '99.90';
  rows[0]!['买家应付邮费'] = '0.00';
  rows[0]!['买家实际支付金额'] = '99.90';
  rows[0]!['延迟发货自动赔付金额'] = '30.00';
  const file = write(dir, 'resaved.csv', taobaoCsv(rows));

  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`a verdict that depends on the lost seconds is not judged and listed, never on time (TZ=${tz})`, () => {
      const r = runCli(['compensate', file, ...AS_OF, '--rules', 'tmall-2023', '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      // Only B: (200.00 − 10.00) × 30 % = 57.00, final; late by the minute shown (0.0 h).
      expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.orderIds, v.amount, v.state])).toEqual([['小明', [B], '57.00', 'final']]);
      expect(r.stderr).toContain(`2 orders have times without seconds and whether they were late, or at which rate, depends on the seconds lost; not judged (time_precision): ${A};${D}.`);
      expect(r.stderr).toContain('4 orders read, 4 paid, 1 late, 2 not judged (time_precision=2)');
    });
  }

  it('the same order with its seconds is late and pays 29.97 (99.90 × 30 %); difference = platform paid − amount = 30.00 − 29.97 = 0.03', () => {
    const exact = write(dir, 'exact.csv', taobaoCsv([{ ...rows[0]!, 订单创建时间: '2026-11-15 10:59:00', 订单付款时间: '2026-11-15 11:00:00', 发货时间: '2026-11-17 11:00:01' }]));
    const r = runCli(['compensate', exact, ...AS_OF, '--rules', 'tmall-2023', '-f', 'json']);
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.orderIds, v.amount, v.platformPaid, v.difference])).toEqual([[[A], '29.97', '30.00', '0.03']]);
  });

  it('tmall-2026: late or out of stock (72 h after the deadline) may depend on the seconds too', () => {
    // Paid 11-10 09:00:00 → deadline 11-12 09:00:00; out of stock when shipped after 11-15 09:00:00.
    // Shown 11-15 09:00 (09:00:00–09:00:59): late at 09:00:00, out of stock from 09:00:01 → not judged.
    // Shown 11-15 09:01: out of stock for sure: 190.00 × 10 % = 19.00 (5–500).
    const f = write(dir, 'oos.csv', taobaoCsv([
      order(A, { 买家会员名: '阿花', 订单状态: shipped, 订单付款时间: '2026-11-10 09:00:00', 发货时间: '2026/11/15 09:00' }),
      order(B, { 买家会员名: '小明', 订单状态: shipped, 订单付款时间: '2026-11-10 09:00:00', 发货时间: '2026/11/15 09:01' }),
    ]));
    const r = runCli(['compensate', f, ...AS_OF, '--rules', 'tmall-2026', '-f', 'json']);
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.orderIds, v.kinds, v.amount])).toEqual([[[B], ['out_of_stock'], '19.00']]);
    expect(r.stderr).toContain(`not judged (time_precision): ${A}.`);
  });
});

describe('older 订单报表 layouts without 发货时间', () => {
  // 2016 layout (41 columns, no 发货时间). As of 11-25 12:00:
  // P unshipped, paid 11-20 09:00 → deadline 11-22 09:00 → 75 h late, provisional: (58.00 − 8.00) × 30 % = 15.00.
  // Q shipped (no ship time) → not judged (no_ship_time). R unshipped, paid 11-24 12:00 → due 11-26 12:00: pending.
  const P = '4100000000000000701';
  const Q = '4100000000000000702';
  const R = '4100000000000000703';
  const base = { 买家应付货款: '50.00', 买家应付邮费: '8.00', 买家实际支付金额: '58.00' };
  const rows41 = [
    order(P, { ...base, 买家会员名: '老王', 订单创建时间: '2026-11-20 08:59:00', 订单付款时间: '2026-11-20 09:00:00' }),
    order(Q, { ...base, 买家会员名: '老李', 订单状态: '交易成功', 订单创建时间: '2026-11-20 08:59:00', 订单付款时间: '2026-11-20 09:00:00' }),
    order(R, { ...base, 买家会员名: '老张', 订单创建时间: '2026-11-24 11:59:00', 订单付款时间: '2026-11-24 12:00:00' }),
  ];
  const f41 = write(dir, 'ExportOrderList201611201200.csv', taobaoCsv(rows41, T41));

  it('judges what can be judged: the unshipped late order is a provisional voucher; the shipped one is counted as no_ship_time with the hint', () => {
    expect(T41).not.toContain('发货时间');
    const r = runCli(['compensate', f41, ...AS_OF, '--rules', 'tmall-2023', '-f', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.orderIds, v.amount, v.state, v.maxHoursLate])).toEqual([['老王', [P], '15.00', 'provisional', 75]]);
    expect(r.stderr).toContain('1 shipped order has no ship time in the export (older Taobao 订单报表 layouts have no 发货时间 column) and was not judged (no_ship_time). Pass --shipments <pickup scans> to judge it; for Taobao/Tmall orders, passing the item report (宝贝报表, which has 发货时间) also works.');
    expect(r.stderr).toContain('3 orders read, 3 paid, 1 late, 1 not judged (no_ship_time=1)');
  });

  it('--at-risk needs no ship time: the late order and the one due within 24 h', () => {
    // R: due 11-26 12:00, 24.0 h left; P: late since 11-22 09:00 (−75.0 h), most urgent first.
    const r = runCli(['compensate', f41, ...AS_OF, '--rules', 'tmall-2023', '--at-risk', '24', '-f', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.orderId, v.risk, v.hoursLeft, v.costIfLate])).toEqual([
      [P, 'late', -75, '15.00'],
      [R, 'at_risk', 24, '15.00'],
    ]);
  });

  it('exit 3 only when nothing at all can be judged (every order shipped, no ship times)', () => {
    const f = write(dir, 'all-shipped-41.csv', taobaoCsv([rows41[1]!], T41));
    const r = runCli(['compensate', f, ...AS_OF]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('has no ship-time column (发货时间), and no order could be judged without it');
    expect(r.stderr).toContain('--shipments');
  });

  it('the 71-column layout has 发货时间 (the layouts this test builds on)', () => {
    expect(T71).toContain('发货时间');
  });
});

describe('an order not judged for its lost seconds keeps its window open (found by the oracle, test/oracle)', () => {
  // tmall-2026 (auto: paid in November 2026), same buyer, same Beijing day 2026-11-10:
  // X paid 09:00:00, shipped 11-13 09:00:00: deadline 11-12 09:00:00, 24 h late → (200.00 − 10.00) × 5 % = 9.50.
  // Y paid shown 12:00 (12:00:00–12:00:59), shipped shown 11-12 12:00: deadline 11-12 12:00:ss, shipped 12:00:tt,
  //   late exactly when tt > ss → not judged (time_precision). Were it late: 190.00 × 5 % = 9.50, and the day's
  //   voucher would be 9.50 + 9.50 = 19.00. So the voucher is 9.50 or 19.00: it cannot be final (nor recorded) at 9.50.
  const X = '3515313147329357901';
  const Y = '3515313147329357902';
  const f = write(dir, 'held-by-precision.csv', taobaoCsv([
    order(X, { 买家会员名: '小明', 订单状态: shipped, 订单付款时间: '2026-11-10 09:00:00', 发货时间: '2026-11-13 09:00:00' }),
    order(Y, { 买家会员名: '小明', 订单状态: shipped, 订单创建时间: '2026/11/10 11:59', 订单付款时间: '2026/11/10 12:00', 发货时间: '2026/11/12 12:00' }),
  ]));
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`the day's voucher is provisional, not recorded, while Y is not judged (TZ=${tz})`, () => {
      const r = runCli(['compensate', f, '--as-of', '2026-11-20 12:00:00', '-f', 'json'], { tz });
      expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.orderIds, v.amount, v.state])).toEqual([['小明', [X], '9.50', 'provisional']]);
      expect(r.stderr).toContain(`not judged (time_precision): ${Y}.`);
      const rec = runCli(['compensate', f, '--as-of', '2026-11-20 12:00:00', '--record', '-f', 'json'], { tz });
      expect(rec.stderr).toContain('0 vouchers totalling 0.00 to issue; 1 provisional voucher owing 9.50 so far (not final, not in that total: do not issue it yet; a later run lists it once final); 0 rejected rows; 0 newly recorded');
    });
  }

  it('tmall-2023: the same for a 24-hour window (X, Y paid 2026-03-10; 30 %: 57.00, or 114.00 with Y)', () => {
    const g = write(dir, 'held-by-precision-2023.csv', taobaoCsv([
      order(X, { 买家会员名: '小明', 订单状态: shipped, 订单付款时间: '2026-03-10 09:00:00', 发货时间: '2026-03-13 09:00:00' }),
      order(Y, { 买家会员名: '小明', 订单状态: shipped, 订单创建时间: '2026/3/10 11:59', 订单付款时间: '2026/3/10 12:00', 发货时间: '2026/3/12 12:00' }),
    ]));
    const r = runCli(['compensate', g, '--as-of', '2026-03-20 12:00:00', '-f', 'json']);
    // X: 190.00 × 30 % = 57.00; Y (paid 3 h after X, inside X's 24 h) would add 57.00.
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.rules, v.orderIds, v.amount, v.state])).toEqual([['tmall-2023', [X], '57.00', 'provisional']]);
  });
});

describe('tmall-2023: a 24-hour window that depends on the seconds a paid time lost (found by the oracle, test/oracle)', () => {
  // RULES 1.2 (our reading): a window opens at a buyer's first late order; every order paid within 24 h of
  // that opening (24:00:00 included) joins it; 30 % of (paid − postage), at least 5.00, 500.00 cap per window.
  // X and Y: 1000.00 paid, no postage, shipped 2025-06-20 10:00:00 (deadline paid + 48 h: late) → 300.00 each.
  const X = '3515313147329357901';
  const Y = '3515313147329357902';
  const late = (id: string, paid: string) =>
    order(id, { 买家会员名: '小明', 订单状态: shipped, 买家应付货款: '1000.00', 买家应付邮费: '0.00', 买家实际支付金额: '1000.00', 订单创建时间: paid, 订单付款时间: paid, 发货时间: '2025-06-20 10:00:00' });
  const run = (name: string, xPaid: string, yPaid: string, tz = 'UTC') => {
    const f = write(dir, name, taobaoCsv([late(X, xPaid), late(Y, yPaid)]));
    const r = runCli(['compensate', f, '--as-of', '2025-06-25 00:00:00', '-f', 'json'], { tz });
    return { r, rows: (JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.orderIds, v.amount, v.state]) };
  };

  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`X shown 09:53 (09:53:00–09:53:59), Y paid 24 h 30 s after 09:53:00: one window (500.00) or two (600.00); neither is final (TZ=${tz})`, () => {
      // Y − X = 24:00:30 − X's lost seconds: ≤ 24 h (joins, 300.00 + 300.00 capped at 500.00) when X was paid at 09:53:30 or later.
      const { r, rows } = run(`w24-a-${tz.replace('/', '-')}.csv`, '2025/6/15 9:53', '2025-06-16 09:53:30', tz);
      expect(rows).toEqual([[[X], '300.00', 'provisional'], [[Y], '300.00', 'provisional']]);
      expect(r.stderr).toContain('2 vouchers are kept provisional: their 24-hour window (tmall-2023) depends on the seconds a paid time lost');
    });
  }

  it('Y shown 09:53 one day after X paid 09:53:30: joins only if paid by 09:53:30 → the one voucher (500.00) is not final', () => {
    const { rows } = run('w24-b.csv', '2025-06-15 09:53:30', '2025/6/16 9:53');
    expect(rows).toEqual([[[X, Y], '500.00', 'provisional']]);
  });

  it('what holds either way stays final: Y at 09:54:00 is after any second of 09:53 + 24 h (300.00 + 300.00); Y at 09:53:00 is within (500.00)', () => {
    expect(run('w24-c.csv', '2025/6/15 9:53', '2025-06-16 09:54:00').rows).toEqual([[[X], '300.00', 'final'], [[Y], '300.00', 'final']]);
    expect(run('w24-d.csv', '2025/6/15 9:53', '2025-06-16 09:53:00').rows).toEqual([[[X, Y], '500.00', 'final']]);
  });
});

// A pickup scan (--shipments) is the ship time (RULES 1.1); a scan file re-saved in Excel loses its
// seconds the same way, and the same reading applies (RULES 1.7): only what holds for every lost second
// is judged. Found by the oracle (test/oracle/fuzz_multi.py ship): a scan shown without seconds was
// taken as exact (second :00), so an order perhaps 1–59 s late was judged on time (nothing owed, its
// buyer's voucher final), and one at 72 h late ± the lost seconds was priced as late, not out of stock.
describe('pickup scans without seconds', () => {
  // tmall-2026 (paid from 2026-04-09), base 买家实际支付金额 − 邮费 = 200.00 − 10.00 = 190.00, window 48 h.
  // P: paid 11-10 09:00:00 → deadline 11-12 09:00:00; 发货时间 11-11 10:00:00 (on time by the export);
  //    scanned by order id at "2026-11-12 09:00" = 09:00:00–09:00:59: on time at :00, late from :01 → not judged.
  // Q: same buyer, paid 11-10 12:00:00, shipped (no scan) 11-13 12:00:00: 24 h late, 190.00 × 5 % = 9.50;
  //    it shares P's Beijing day (11-10), and P may be late: the voucher is provisional, not final.
  // R: paid 11-10 10:00:00 → deadline 11-12 10:00:00, out of stock after 11-15 10:00:00; scanned by its
  //    waybill at "2026-11-15 10:00": late (5 %, 9.50) at :00, out of stock (10 %, 19.00) from :01 → not judged.
  // S: paid 11-10 11:00:00 → deadline 11-12 11:00:00; waybill scan "2026/11/15 11:01" ≥ 11:01:00: out of
  //    stock for sure: 190.00 × 10 % = 19.00 (5.00–500.00), final.
  const P = '3515313147329357911';
  const Q = '3515313147329357912';
  const R = '3515313147329357913';
  const S = '3515313147329357914';
  const rows = [
    order(P, { 买家会员名: '阿花', 订单状态: shipped, 订单付款时间: '2026-11-10 09:00:00', 发货时间: '2026-11-11 10:00:00', 物流单号: 'YT7000000000011' }),
    order(Q, { 买家会员名: '阿花', 订单状态: shipped, 订单付款时间: '2026-11-10 12:00:00', 发货时间: '2026-11-13 12:00:00', 物流单号: 'YT7000000000012' }),
    order(R, { 买家会员名: '小明', 订单状态: shipped, 订单付款时间: '2026-11-10 10:00:00', 发货时间: '2026-11-11 10:00:00', 物流单号: 'YT7000000000013' }),
    order(S, { 买家会员名: '小红', 订单状态: shipped, 订单付款时间: '2026-11-10 11:00:00', 发货时间: '2026-11-11 10:00:00', 物流单号: 'YT7000000000014' }),
  ];
  const file = write(dir, 'scanned.csv', taobaoCsv(rows));
  const scans = write(dir, 'scans-resaved.csv', `订单编号,物流单号,揽收时间\n${P},,2026-11-12 09:00\n,YT7000000000013,2026-11-15 10:00\n,YT7000000000014,2026/11/15 11:01\n`);

  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`a scan whose lost seconds decide late or on time, or the tier, is not judged; its buyer's day stays provisional (TZ=${tz})`, () => {
      const r = runCli(['compensate', file, '--shipments', scans, ...AS_OF, '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      const got = (JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.orderIds, v.amount, v.state]);
      expect(got).toEqual([
        ['小红', [S], '19.00', 'final'],
        ['阿花', [Q], '9.50', 'provisional'],
      ]);
      expect(r.stderr).toContain(`2 orders have times without seconds and whether they were late, or at which rate, depends on the seconds lost; not judged (time_precision): ${P};${R}.`);
      expect(r.stderr).toContain(`${scans}: 3 pickup time(s) have no seconds (the file was probably re-saved in Excel)`);
    });
  }

  it('the earliest of two scans counts: "09:01" (09:01:00–09:01:59) and 09:00:30 → 09:00:30, 30 s late: 190.00 × 5 % = 9.50 + Q 9.50 = 19.00', () => {
    // (with "09:00" instead of "09:01" the earliest scan could be 09:00:00, on time: still not judged)
    const both = write(dir, 'scans-both.csv', `订单编号,揽收时间\n${P},2026-11-12 09:01\n${P},2026-11-12 09:00:30\n`);
    const r = runCli(['compensate', file, '--shipments', both, ...AS_OF, '-f', 'json']);
    const got = (JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.orderIds, v.amount, v.state]);
    expect(got[0]).toEqual(['阿花', [P, Q], '19.00', 'final']);
  });
});

// An Excel re-save where every late order's tier (late 5 % or out of stock 10 %, tmall-2026) hangs on
// the lost seconds: the summary said "0 late" of six orders late for sure. They are now counted as
// late, with their tier and amount said to be unknown (still not judged, time_precision).
describe('orders late for sure whose tier the lost seconds decide are not "0 late"', () => {
  // tmall-2026: deadline = paid + 48 h. Paid shown 11-10 09:00 (09:00:00–09:00:59) → deadline
  // 11-12 09:00:00–09:00:59. Shipped shown 11-15 09:00 (09:00:00–09:00:59): late for sure (09:00:00 on
  // the 15th is after 11-12 09:00:59), 72 h − 59 s to 72 h + 59 s late: late (≤ 72 h) or out of stock.
  const sure = (k: number) => order(`35153131473293580${10 + k}`, { 买家会员名: `买家${k}`, 订单状态: shipped, 订单创建时间: '2026/11/10 8:59', 订单付款时间: '2026/11/10 9:00', 发货时间: '2026/11/15 9:00' });
  const six = [1, 2, 3, 4, 5, 6].map(sure);
  // C shipped 11-13 09:00: 24 h late ± 59 s, late tier either way: (200.00 − 10.00) × 5 % = 9.50 (5–50).
  const C = order('3515313147329358021', { 买家会员名: '小红', 订单状态: shipped, 订单创建时间: '2026/11/10 8:59', 订单付款时间: '2026/11/10 9:00', 发货时间: '2026/11/13 9:00' });
  // B shipped 11-12 09:00: on time or up to 59 s late: whether it is late is not known (not counted late).
  const B = order('3515313147329358022', { 买家会员名: '小刚', 订单状态: shipped, 订单创建时间: '2026/11/10 8:59', 订单付款时间: '2026/11/10 9:00', 发货时间: '2026/11/12 9:00' });

  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`six such orders: "6 late (6 of them … could not be judged)", not "0 late"; zh too (TZ=${tz})`, () => {
      const f = write(dir, `six-${tz.replace('/', '-')}.csv`, taobaoCsv(six));
      const r = runCli(['compensate', f, ...AS_OF, '--rules', 'tmall-2026'], { tz });
      expect(r.code).toBe(0);
      expect(r.stdout.trim().split('\n')).toHaveLength(1); // the header: no voucher
      // Before: "6 orders read, 6 paid, 0 late, 6 not judged (time_precision=6)".
      expect(r.stderr).toContain('6 orders read, 6 paid, 6 late (6 of them late for sure but at a tier and amount that could not be judged: times without seconds; counted in not judged, time_precision), 6 not judged (time_precision=6), 0 excluded; 0 vouchers totalling 0.00 to issue');
      const zh = runCli(['compensate', f, ...AS_OF, '--rules', 'tmall-2026', '--lang', 'zh'], { tz });
      expect(zh.stderr).toContain('读取订单 6, 已付款 6, 延迟 6 (其中 6 个肯定延迟, 但时间没有秒, 档位和金额无法判断, 计入后面的 无法判断 (时间精度不足)), 无法判断 6 (时间精度不足 6)');
    });
  }

  it('with one late order priced (9.50) and one whose lateness is unknown: 7 late, 6 of unknown tier; 7 not judged', () => {
    const f = write(dir, 'mixed-seconds.csv', taobaoCsv([...six, C, B]));
    const r = runCli(['compensate', f, ...AS_OF, '--rules', 'tmall-2026', '-f', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.amount, v.kinds])).toEqual([['小红', '9.50', ['late']]]);
    // Before: "8 orders read, 8 paid, 1 late, 7 not judged (time_precision=7)".
    expect(r.stderr).toContain('8 orders read, 8 paid, 7 late (6 of them late for sure but at a tier and amount that could not be judged: times without seconds; counted in not judged, time_precision), 7 not judged (time_precision=7)');
  });
});

describe('an unshipped order late for sure, its tier on the lost seconds', () => {
  it('as of 11-15 09:00:30, paid shown 11-10 09:00: 72 h − 29 s to 72 h + 30 s late: "1 late (1 of them …)"', () => {
    // deadline 11-12 09:00:00–09:00:59, as-of after its latest second: late; out of stock from 72 h.
    const f = write(dir, 'unshipped-tier.csv', taobaoCsv([order('3515313147329358031', { 买家会员名: '小刚', 订单创建时间: '2026/11/10 8:59', 订单付款时间: '2026/11/10 9:00' })]));
    const r = runCli(['compensate', f, '--as-of', '2026-11-15 09:00:30', '--rules', 'tmall-2026']);
    expect(r.code).toBe(0);
    // Before: "1 order read, 1 paid, 0 late, 1 not judged (time_precision=1)".
    expect(r.stderr).toContain('1 order read, 1 paid, 1 late (1 of them late for sure but at a tier and amount that could not be judged: times without seconds; counted in not judged, time_precision), 1 not judged (time_precision=1)');
    // As of 11-12 09:00:30 it may not be due yet: not counted late.
    const early = runCli(['compensate', f, '--as-of', '2026-11-12 09:00:30', '--rules', 'tmall-2026']);
    expect(early.stderr).toContain('1 order read, 1 paid, 0 late, 1 not judged (time_precision=1)');
  });
});

// With more than one rule set the summary names each with its orders; the orders late at a tier the
// lost seconds decide were counted only overall ("2 late (1 of them …)"), not under the rule set whose
// tiers they hang on. Now each rule set says how many of its orders are so (zh and en).
describe('the per-rule-set summary counts the orders late at an unknown tier', () => {
  // --rules auto: 2026-03-01 is before 2026-04-09 (tmall-2023), 2026-11-10 after (tmall-2026).
  // E: tmall-2023, paid 03-01 10:00:00 with its seconds, shipped 03-04 10:00:00: 24 h late, judged:
  //    (200.00 − 10.00) × 30 % = 57.00.
  // F: tmall-2026, paid shown 11-10 09:00 (09:00:00–09:00:59), shipped shown 11-15 09:00: late for sure,
  //    72 h − 59 s to 72 h + 59 s late: late (5 %) or out of stock (10 %): not judged (time_precision).
  const E = order('3515313147329358041', { 买家会员名: '小明', 订单状态: shipped, 订单创建时间: '2026-03-01 09:59:00', 订单付款时间: '2026-03-01 10:00:00', 发货时间: '2026-03-04 10:00:00' });
  const F = order('3515313147329358042', { 买家会员名: '小刚', 订单状态: shipped, 订单创建时间: '2026/11/10 8:59', 订单付款时间: '2026/11/10 9:00', 发货时间: '2026/11/15 9:00' });
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`tmall-2026's one order is named late at an unknown tier, tmall-2023's none (TZ=${tz})`, () => {
      const f = write(dir, `two-sets-${tz.replace('/', '-')}.csv`, taobaoCsv([E, F]));
      const r = runCli(['compensate', f, ...AS_OF, '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.rules, v.orderIds, v.amount])).toEqual([['tmall-2023', ['3515313147329358041'], '57.00']]);
      // Before: "rules tmall-2023 (base paid-minus-postage, 1 order) + tmall-2026 (base paid-minus-postage, 1 order): …".
      expect(r.stderr).toContain(
        'rules tmall-2023 (base paid-minus-postage, 1 order) + tmall-2026 (base paid-minus-postage, 1 order, 1 late at an unknown tier): 2 orders read, 2 paid, 2 late (1 of them late for sure but at a tier and amount that could not be judged: times without seconds; counted in not judged, time_precision), 1 not judged (time_precision=1)',
      );
      const zh = runCli(['compensate', f, ...AS_OF, '-f', 'json', '--lang', 'zh'], { tz });
      expect(zh.stderr).toContain('规则 tmall-2023 (基数 实付减邮费, 1 单) + tmall-2026 (基数 实付减邮费, 1 单, 其中 1 单肯定延迟但档位未知): 读取订单 2, 已付款 2, 延迟 2 (其中 1 个肯定延迟');
    });
  }
});
