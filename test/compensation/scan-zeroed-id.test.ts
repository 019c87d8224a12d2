// docs/rules.md §1.1, docs/formats.md (order ids are text): Excel keeps 15 significant digits and writes
// 3900000000000010000 for any id within ±5000 of it. A scan row's id of 15 digits and zeros used to hold
// every order within that rounding provisional even when it was the exact id of an order of the export
// and the file's other ids were whole: on a 200k-row export of consecutive ids, ~89,500 orders. Reading
// adopted (scan5): such an id is a rounded one — holding its neighbours — only when a spreadsheet could
// have made it: it matches no order, or no 16+-digit id of the file has a digit other than 0 past the 15th.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
type V = { orderIds: string[]; amount: string; state: string; maxHoursLate: number | null; kinds: string[] };
const rows = (out: string) => (JSON.parse(out) as V[]).map((v) => [v.orderIds.join(';'), v.kinds.join(';'), v.amount, v.state, v.maxHoursLate]);
const TZS = ['UTC', 'America/Los_Angeles'];
const AS_OF = ['--as-of', '2026-11-30 12:00:00', '-f', 'json'];

describe('a scan row id ending in 0000 (15 digits and zeros)', () => {
  // tmall-2026, both paid 2026-11-10 10:00:00 → deadline 11-12 10:00:00 (48 h), two buyers (no combining).
  // A = 3900000000000010000 (15 digits, then 0000): its scan 11-11 10:00:00 is on time, owed nothing.
  // B = 3900000000000009999, within A's rounding (|B − A| = 1 ≤ 5000): picked up 11-13 10:00:00 → 24 h late,
  // tier 5 %, base paid-minus-postage 200.00 − 10.00 = 190.00 → 5 % × 190.00 = 9.50.
  const A = '3900000000000010000';
  const B = '3900000000000009999';
  const paid = '2026-11-10 10:00:00';
  const shipped = { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: paid, 订单付款时间: paid, 发货时间: '2026-11-13 10:00:00' };
  const both = write(dir, 'orders.csv', taobaoCsv([order(A, { ...shipped, 买家会员名: '甲', 物流单号: 'No:W1' }), order(B, { ...shipped, 买家会员名: '乙', 物流单号: 'No:W9' })]));
  // B read before A: whether A's id is an order's is known only when the export ends.
  const bFirst = write(dir, 'orders-ba.csv', taobaoCsv([order(B, { ...shipped, 买家会员名: '乙', 物流单号: 'No:W9' }), order(A, { ...shipped, 买家会员名: '甲', 物流单号: 'No:W1' })]));
  const onlyB = write(dir, 'orders-b.csv', taobaoCsv([order(B, { ...shipped, 买家会员名: '乙', 物流单号: 'No:W9' })]));

  for (const tz of TZS) {
    it(`matching order A exactly, beside B's whole id: B's 9.50 is final (was provisional) — TZ=${tz}`, () => {
      const scans = write(dir, 'exact.csv', `订单编号,揽收时间\n${A},2026-11-11 10:00:00\n${B},2026-11-13 10:00:00\n`);
      for (const orders of [both, bFirst]) {
        const r = runCli(['compensate', orders, '--shipments', scans, ...AS_OF], { tz });
        expect(r.code).toBe(0);
        expect(rows(r.stdout)).toEqual([[B, 'late', '9.50', 'final', 24]]);
        expect(r.stderr).not.toContain('could not be used');
      }
    });

    it(`matching no order of the export: it may be B's id rounded, B's 9.50 stays provisional — TZ=${tz}`, () => {
      const scans = write(dir, 'none.csv', `订单编号,揽收时间\n${A},2026-11-11 10:00:00\n${B},2026-11-13 10:00:00\n`);
      const r = runCli(['compensate', onlyB, '--shipments', scans, ...AS_OF], { tz });
      expect(rows(r.stdout)).toEqual([[B, 'late', '9.50', 'provisional', 24]]);
      expect(r.stderr).toContain('1 order had a pickup scan row that could not be used');
      expect(r.stderr).toContain(`${scans}:2 (${A})`);
    });

    it(`matching A exactly, but the file's only long id: the column may be Excel's, B's 9.50 stays provisional — TZ=${tz}`, () => {
      // B found by its waybill W9 (picked up 11-13 10:00:00, 24 h late): the file has no whole 16+-digit id.
      const scans = write(dir, 'column.csv', `订单编号,物流单号,揽收时间\n${A},W1,2026-11-11 10:00:00\n,W9,2026-11-13 10:00:00\n`);
      const r = runCli(['compensate', both, '--shipments', scans, ...AS_OF], { tz });
      expect(rows(r.stdout)).toEqual([[B, 'late', '9.50', 'provisional', 24]]);
      expect(r.stderr).toContain('1 order had a pickup scan row that could not be used');
    });
  }
});
