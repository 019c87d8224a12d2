// docs/rules.md §1.1, docs/formats.md: a scan row not used (rejected) leaves the orders it may have named in
// doubt — judged by the export's 发货时间, their vouchers kept provisional. A cell listing several order ids
// (A;B, scan5 2f27508) held only the pieces that are ids: a piece Excel rounded (3.90000000000001E+18, as
// =A2&";"&B2 writes a number cell) held no order, where the same cell alone holds every order within its
// rounding; and a list in a row rejected for its pickup time held none of its orders (its waybill, if any, only).
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
type V = { orderIds: string[]; amount: string; state: string; maxHoursLate: number | null };
const rows = (out: string) => (JSON.parse(out) as V[]).map((v) => [v.orderIds.join(';'), v.amount, v.state, v.maxHoursLate]);
const TZS = ['UTC', 'America/Los_Angeles'];
const AS_OF = ['--as-of', '2026-11-30 12:00:00', '-f', 'json'];

// tmall-2026, all paid 2026-11-10 10:00:00 → deadline 11-12 10:00:00 (48 h); three buyers (no combining).
// B = 3900000000000009999, marked shipped 11-13 10:00:00 → 24 h late: tier 5 %, base paid-minus-postage
// 200.00 − 10.00 = 190.00 → 5 % × 190.00 = 9.50. B lies within the rounding of 3.90000000000001E+18
// (3900000000000010000 ± 5000: |B − 3900000000000010000| = 1). C = 3900000000000020001 shipped 11-11 09:00:00,
// on time, owed nothing. A = 3900000000000000901 (shipped 11-13 10:00:00, 24 h late: 9.50) for the time case.
const B = '3900000000000009999';
const C = '3900000000000020001';
const A = '3900000000000000901';
const paid = '2026-11-10 10:00:00';
const o = (id: string, buyer: string, ship: string, wb: string) => order(id, { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: paid, 订单付款时间: paid, 发货时间: ship, 买家会员名: buyer, 物流单号: wb });
const orders = write(dir, 'orders.csv', taobaoCsv([o(C, '丙', '2026-11-11 09:00:00', 'No:W3'), o(B, '乙', '2026-11-13 10:00:00', 'No:W9')]));
const ordersA = write(dir, 'orders-a.csv', taobaoCsv([o(A, '甲', '2026-11-13 10:00:00', 'No:W1'), o(C, '丙', '2026-11-11 09:00:00', 'No:W3')]));

describe('orders a rejected id-list scan row may have named stay provisional', () => {
  for (const tz of TZS) {
    it(`C;3.90000000000001E+18 (rejected): B within the rounded piece keeps its 9.50 provisional (was final), as the piece alone does — TZ=${tz}`, () => {
      for (const cell of [`${C};3.90000000000001E+18`, '3.90000000000001E+18']) {
        const scans = write(dir, 'rounded-piece.csv', `订单编号,物流单号,揽收时间\n"${cell}",W3,2026-11-11 10:00:00\n`);
        const r = runCli(['compensate', orders, '--shipments', scans, ...AS_OF], { tz });
        expect(rows(r.stdout)).toEqual([[B, '9.50', 'provisional', 24]]);
        expect(r.stderr).toContain('1 scan row(s) read: 0 used, 1 rejected.');
      }
    });

    it(`A;C with no pickup time (rejected for its time): A's 9.50 provisional (was final) — TZ=${tz}`, () => {
      const scans = write(dir, 'list-no-time.csv', `订单编号,物流单号,揽收时间\n${A};${C},,\n`);
      const r = runCli(['compensate', ordersA, '--shipments', scans, ...AS_OF], { tz });
      expect(rows(r.stdout)).toEqual([[A, '9.50', 'provisional', 24]]);
      expect(r.stderr).toContain('2 orders had a pickup scan row that could not be used');
    });
  }
});
