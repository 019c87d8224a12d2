// docs/formats.md, README (--exclude, RULES 第十四条 exemptions): Excel keeps 15 significant digits and
// writes 3900000000000010000 for any id within ±5000 of it. An --exclude id of 15 digits and zeros held
// every order within that rounding provisional (may be the excluded one) even when it was exactly an order's
// id of the export and the list's other long ids were whole. Same reading as for --shipments (scan5,
// scan-zeroed-id.test.ts): such an id is a rounded one — holding its neighbours — only when a spreadsheet
// could have made it: it matches no order, or no 16+-digit id of the list has a digit other than 0 past the 15th.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
type V = { orderIds: string[]; amount: string; state: string; maxHoursLate: number | null; kinds: string[] };
const rows = (out: string) => (JSON.parse(out) as V[]).map((v) => [v.orderIds.join(';'), v.kinds.join(';'), v.amount, v.state, v.maxHoursLate]);
const TZS = ['UTC', 'America/Los_Angeles'];
const AS_OF = ['--as-of', '2026-11-30 12:00:00', '-f', 'json'];

describe('an --exclude id ending in 0000 (15 digits and zeros)', () => {
  // tmall-2026, all paid 2026-11-10 10:00:00 → deadline 11-12 10:00:00 (48 h), one buyer each (no combining),
  // all shipped (发货时间) 11-13 10:00:00 → 24 h late, tier 5 %.
  // A = 3900000000000010000 (15 digits, then 0000) and C = 3900000000000020001 (whole; |C − A| = 10001 > 5000,
  // outside A's rounding) are excluded: no voucher.
  // B = 3900000000000009999, within A's rounding (|B − A| = 1 ≤ 5000), not excluded: base paid-minus-postage
  // 200.00 − 10.00 = 190.00 → 5 % × 190.00 = 9.50.
  const A = '3900000000000010000';
  const B = '3900000000000009999';
  const C = '3900000000000020001';
  const paid = '2026-11-10 10:00:00';
  const shipped = { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: paid, 订单付款时间: paid, 发货时间: '2026-11-13 10:00:00' };
  const a = order(A, { ...shipped, 买家会员名: '甲', 物流单号: 'No:W1' });
  const b = order(B, { ...shipped, 买家会员名: '乙', 物流单号: 'No:W9' });
  const c = order(C, { ...shipped, 买家会员名: '丙', 物流单号: 'No:W5' });
  const all = write(dir, 'orders.csv', taobaoCsv([a, b, c]));
  // B read before A: whether A's id is an order's is known only when the export ends.
  const bFirst = write(dir, 'orders-ba.csv', taobaoCsv([b, c, a]));
  const noA = write(dir, 'orders-bc.csv', taobaoCsv([b, c]));
  const ab = write(dir, 'orders-ab.csv', taobaoCsv([a, b]));

  for (const tz of TZS) {
    it(`matching order A exactly, beside C's whole id: A excluded, B's 9.50 final (was provisional) — TZ=${tz}`, () => {
      const ex = write(dir, 'exact.csv', `订单编号\n${A}\n${C}\n`);
      for (const orders of [all, bFirst]) {
        const r = runCli(['compensate', orders, '--exclude', ex, ...AS_OF], { tz });
        expect(r.code).toBe(0);
        expect(rows(r.stdout)).toEqual([[B, 'late', '9.50', 'final', 24]]);
        expect(r.stderr).not.toContain('may mean any');
      }
    });

    it(`matching no order of the export: it may be B's id rounded, B's 9.50 stays provisional — TZ=${tz}`, () => {
      const ex = write(dir, 'none.csv', `订单编号\n${A}\n${C}\n`);
      const r = runCli(['compensate', noA, '--exclude', ex, ...AS_OF], { tz });
      expect(rows(r.stdout)).toEqual([[B, 'late', '9.50', 'provisional', 24]]);
      expect(r.stderr).toContain(`the exclusion list's ids a spreadsheet program (Excel, WPS, LibreOffice …) rounded (${ex}:2) may mean any of 1 order: ${B}.`);
    });

    it(`matching A exactly, but the list's only long id: the column may be Excel's, B's 9.50 stays provisional — TZ=${tz}`, () => {
      const ex = write(dir, 'column.csv', `订单编号\n${A}\n`);
      const r = runCli(['compensate', ab, '--exclude', ex, ...AS_OF], { tz });
      expect(rows(r.stdout)).toEqual([[B, 'late', '9.50', 'provisional', 24]]);
      expect(r.stderr).toContain(`the exclusion list's ids a spreadsheet program (Excel, WPS, LibreOffice …) rounded (${ex}:2) may mean any of 1 order: ${B}.`);
    });

    it(`a list without a header whose first line is the id: read like the other lines (was not checked at all), B's 9.50 stays provisional — TZ=${tz}`, () => {
      // Line 1 is an id, not a header: A matches no order of this export (B only), so it may be B's id rounded.
      const ex = write(dir, 'bare.csv', `${A}\n`);
      const onlyB = write(dir, 'orders-b.csv', taobaoCsv([b]));
      const r = runCli(['compensate', onlyB, '--exclude', ex, ...AS_OF], { tz });
      expect(rows(r.stdout)).toEqual([[B, 'late', '9.50', 'provisional', 24]]);
      expect(r.stderr).toContain(`the exclusion list's ids a spreadsheet program (Excel, WPS, LibreOffice …) rounded (${ex}:1) may mean any of 1 order: ${B}.`);
    });
  }
});
