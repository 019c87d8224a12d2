// RULES 1.1 (docs/rules.md §1.1): 拆单 — one order shipped in two parcels, the order report's 物流单号
// showing both waybills (W1;W2), with no item report (--lines) to tell its lines apart. The order is
// shipped only when all of it is: its pickup is the LAST parcel's; a parcel with no scan stands at the
// export's 发货时间 (then the order is judged by it: marked_shipped). Before, the earliest of its
// waybills' scans (the first parcel's) was the order's pickup: a late order was on time.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
type V = { orderIds: string[]; amount: string; state: string; maxHoursLate: number | null };
const rows = (out: string) => (JSON.parse(out) as V[]).map((v) => [v.orderIds.join(';'), v.amount, v.state, v.maxHoursLate]);
const TZS = ['UTC', 'America/Los_Angeles'];
const AS_OF = ['--as-of', '2026-11-30 12:00:00', '-f', 'json'];

// tmall-2026: paid 11-10 10:00:00 → deadline 11-12 10:00:00 (48 h window); base 买家应付货款 200.00
// (paid-minus-postage: 210.00 − 10.00). Late ≤ 72 h, window ≤ 48 h: tier 5, 5 % × 200.00 = 10.00 (min 5, max 50).
const A = '3900000000000000601';
const orders = (shipped: string) =>
  write(dir, `split-${shipped.replace(/\D/g, '')}.csv`, taobaoCsv([order(A, { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: '2026-11-10 09:59:00', 订单付款时间: '2026-11-10 10:00:00', 买家应付货款: '200.00', 买家应付邮费: '10.00', 买家实际支付金额: '210.00', 发货时间: shipped, 物流单号: 'No:YT1001;YT1002' })]));

describe('拆单: an order of two waybills (YT1001;YT1002) is picked up when its last parcel is', () => {
  for (const tz of TZS) {
    it(`both scanned (11-12 09:00:00, 11-13 10:00:00): 24 h late by the second, 5 % × 200.00 = 10.00, pickup_scan — TZ=${tz}`, () => {
      // Before: the first parcel's 11-12 09:00:00 was the pickup: on time, nothing owed.
      const f = orders('2026-11-12 08:00:00');
      const s = write(dir, 'both.csv', '物流单号,揽收时间\nYT1001,2026-11-12 09:00:00\nYT1002,2026-11-13 10:00:00\n');
      const r = runCli(['compensate', f, '--shipments', s, ...AS_OF], { tz });
      expect(r.code).toBe(0);
      expect(rows(r.stdout)).toEqual([[A, '10.00', 'final', 24]]);
      expect(r.stderr).toContain('2 scan row(s) read: 2 used.');
      const byOrder = runCli(['compensate', f, '--shipments', s, ...AS_OF, '--by', 'order'], { tz });
      expect((JSON.parse(byOrder.stdout) as Array<{ shipSource: string }>).map((o) => o.shipSource)).toEqual(['pickup_scan']);
    });

    it(`one parcel scanned (11-12 09:00:00), the other not, 发货时间 11-13 09:00:00: judged by 发货时间, 23 h late, 10.00, marked_shipped — TZ=${tz}`, () => {
      // Before: YT1001's scan was the pickup: on time, nothing owed.
      const f = orders('2026-11-13 09:00:00');
      const s = write(dir, 'one.csv', '物流单号,揽收时间\nYT1001,2026-11-12 09:00:00\n');
      const r = runCli(['compensate', f, '--shipments', s, ...AS_OF], { tz });
      expect(r.code).toBe(0);
      expect(rows(r.stdout)).toEqual([[A, '10.00', 'final', 23]]);
      const byOrder = runCli(['compensate', f, '--shipments', s, ...AS_OF, '--by', 'order'], { tz });
      expect((JSON.parse(byOrder.stdout) as Array<{ shipSource: string }>).map((o) => o.shipSource)).toEqual(['marked_shipped']);
    });
  }

  it('one parcel scanned late (11-13 10:00:00), the other not, 发货时间 earlier (11-12 08:00:00): the scan is the last, 24 h late, 10.00', () => {
    const f = orders('2026-11-12 08:00:00');
    const s = write(dir, 'one-late.csv', '物流单号,揽收时间\nYT1001,2026-11-13 10:00:00\n');
    const r = runCli(['compensate', f, '--shipments', s, ...AS_OF]);
    expect(rows(r.stdout)).toEqual([[A, '10.00', 'final', 24]]);
  });

  it('both parcels scanned on time (11-12 08:00:00, 11-12 09:30:00), 发货时间 11-13 10:00:00: on time by the scans, nothing owed', () => {
    const f = orders('2026-11-13 10:00:00');
    const s = write(dir, 'ontime.csv', '物流单号,揽收时间\nYT1001,2026-11-12 08:00:00\nYT1002,2026-11-12 09:30:00\n');
    const r = runCli(['compensate', f, '--shipments', s, ...AS_OF]);
    expect(rows(r.stdout)).toEqual([]);
  });

  it('a row naming the order by id with YT1001 is that parcel\'s only: YT1002 unscanned stands at 发货时间 11-13 09:00:00, 23 h late, 10.00', () => {
    // The id row (11-12 09:00:00) carries YT1001: YT1001's pickup, not YT1002's. YT1002 → 发货时间 11-13 09:00:00.
    // Before: the order id's earliest scan (11-12 09:00:00) was the order's: on time.
    const f = orders('2026-11-13 09:00:00');
    const s = write(dir, 'byid-w1.csv', `订单编号,物流单号,揽收时间\n${A},YT1001,2026-11-12 09:00:00\n`);
    const r = runCli(['compensate', f, '--shipments', s, ...AS_OF]);
    expect(rows(r.stdout)).toEqual([[A, '10.00', 'final', 23]]);
  });

  it('a row naming the order by id with no waybill (11-12 09:30:00) stands for the parcel with no scan of its own; YT1001 picked up 11-13 10:00:00 is the last: 24 h late, 10.00', () => {
    // YT1001 by its waybill 11-13 10:00:00; YT1002 has no row of its own: the id row 11-12 09:30:00 stands for it.
    // Last: 11-13 10:00:00 − 11-12 10:00:00 = 24 h → 5 % × 200.00 = 10.00. Before: the id row came first
    // (a scan naming the order by id was the order's pickup): 11-12 09:30:00, on time, nothing owed.
    const f = orders('2026-11-12 08:00:00');
    const s = write(dir, 'byid-bare.csv', `订单编号,物流单号,揽收时间\n,YT1001,2026-11-13 10:00:00\n${A},,2026-11-12 09:30:00\n`);
    const r = runCli(['compensate', f, '--shipments', s, ...AS_OF]);
    expect(rows(r.stdout)).toEqual([[A, '10.00', 'final', 24]]);
  });
});
