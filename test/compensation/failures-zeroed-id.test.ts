// docs/cli.md, rules.md §1.2/§1.7, formats.md (--delivery-failures): Excel keeps 15 significant digits and
// writes 3900000000000010000 (or 3.90000000000001E+18) for any id within ±5000 of it. A --delivery-failures
// id rounded so matched no order and was reported only as "match no order": the order it meant — owed
// the unkept-promise payout (tmall-2023: 10.00, separate, not capped) — was paid nothing and never named.
// Same reading as --exclude / --shipments (ZeroedIds): such an id is a rounded one only when a spreadsheet
// could have made it (no order has it, or every 16+-digit id of the list ends in zeros); then the orders
// within its rounding judged under a set with that payout are named (file:line) and the run exits 1.
// The delivery-failure list does not change a delayed-shipment voucher (promise.ts: a separate 10.00), so
// B's own voucher stays as judged, final: nothing is held (there is no voucher of B's 10.00 to hold).
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
type V = { orderIds: string[]; amount: string; state: string; maxHoursLate: number | null; kinds: string[] };
// Sorted (by order id, then kind): the output's order is not what these tests are about.
const rows = (out: string) => (JSON.parse(out) as V[]).map((v) => [v.orderIds.join(';'), v.kinds.join(';'), v.amount, v.state, v.maxHoursLate]).sort((x, y) => String(x).localeCompare(String(y)));
const sorted = (r: unknown[][]) => r.sort((x, y) => String(x).localeCompare(String(y)));
const TZS = ['UTC', 'America/Los_Angeles'];
const AS_OF = ['--as-of', '2026-11-30 12:00:00', '-f', 'json'];
const A = '3900000000000010000'; // 15 digits, then 0000
const B = '3900000000000009999'; // |B − A| = 1 ≤ 5000: within A's rounding
const C = '3900000000000020001'; // whole; |C − A| = 10001 > 5000: outside it
const named = (at: string) => `the delivery-failure list's ids a spreadsheet program (Excel, WPS, LibreOffice …) rounded (${at}) may mean any of 1 order: ${B}. None of them was given the unkept-promise payout`;

function orders(paid: string, shippedAt: string) {
  const shipped = { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: paid, 订单付款时间: paid, 发货时间: shippedAt };
  return {
    a: order(A, { ...shipped, 买家会员名: '甲', 物流单号: 'No:W1' }),
    b: order(B, { ...shipped, 买家会员名: '乙', 物流单号: 'No:W9' }),
    c: order(C, { ...shipped, 买家会员名: '丙', 物流单号: 'No:W5' }),
  };
}

describe('a --delivery-failures id ending in 0000 (15 digits and zeros) or written 3.9…E+18', () => {
  // tmall-2023 (paid before 2026-04-09): paid 2025-11-10 10:00:00 → deadline 11-12 10:00:00 (48 h), shipped
  // (发货时间) 11-13 10:00:00 → 24 h late; one buyer each (no combining). Base paid-minus-postage
  // 200.00 − 10.00 = 190.00 → 30 % × 190.00 = 57.00 (≥ the 5.00 minimum, under the 500.00 cap) per order.
  // An order on the list (paid, shipped) is owed 10.00 more, a voucher of its own.
  const o = orders('2025-11-10 10:00:00', '2025-11-13 10:00:00');
  const bc = write(dir, 'o23-bc.csv', taobaoCsv([o.b, o.c]));
  const abc = write(dir, 'o23-abc.csv', taobaoCsv([o.a, o.b, o.c]));
  const bca = write(dir, 'o23-bca.csv', taobaoCsv([o.b, o.c, o.a])); // B read before A: A's match known only at the end
  const ab = write(dir, 'o23-ab.csv', taobaoCsv([o.a, o.b]));
  const late = (id: string) => [id, 'late', '57.00', 'final', 24];
  const promise = (id: string) => [id, 'delivery_promise', '10.00', 'final', null];

  for (const tz of TZS) {
    it(`matching no order (tmall-2023): B, within its rounding, is named (file:line), exit 1; B's 57.00 unchanged, no 10.00 guessed — TZ=${tz}`, () => {
      const f = write(dir, 'none.csv', `订单编号\n${A}\n${C}\n`);
      const r = runCli(['compensate', bc, '--delivery-failures', f, ...AS_OF], { tz });
      expect(rows(r.stdout)).toEqual(sorted([late(B), late(C), promise(C)]));
      expect(r.stderr).toContain(named(`${f}:2`));
      expect(r.code).toBe(1); // was 0: the 10.00 B may be owed went unsaid
      const zh = runCli(['compensate', bc, '--delivery-failures', f, ...AS_OF, '--lang', 'zh'], { tz });
      expect(zh.stderr).toContain(`未履约订单列表中被电子表格软件 (Excel、WPS、LibreOffice 等) 四舍五入的订单编号 (${f}:2) 可能指 1 个订单中的任何一个: ${B}。它们没有计入未履约赔付`);
    });

    it(`written 3.90000000000001E+18 (rejected row): B is named the same way — TZ=${tz}`, () => {
      const f = write(dir, 'sci.csv', `订单编号\n3.90000000000001E+18\n${C}\n`);
      const r = runCli(['compensate', bc, '--delivery-failures', f, ...AS_OF], { tz });
      expect(rows(r.stdout)).toEqual(sorted([late(B), late(C), promise(C)]));
      expect(r.stderr).toContain(named(`${f}:2`));
      expect(r.code).toBe(1);
    });

    it(`exactly order A's id beside C's whole id: A and C paid 10.00, B not named (read before or after A) — TZ=${tz}`, () => {
      const f = write(dir, 'exact.csv', `订单编号\n${A}\n${C}\n`);
      for (const file of [abc, bca]) {
        const r = runCli(['compensate', file, '--delivery-failures', f, ...AS_OF], { tz });
        expect(rows(r.stdout)).toEqual(sorted([late(A), late(B), late(C), promise(A), promise(C)]));
        expect(r.stderr).not.toContain('may mean any');
        expect(r.code).toBe(0);
      }
    });

    it(`exactly A's id but the list's only long id (the column may be Excel's): A paid 10.00 as listed, B named — TZ=${tz}`, () => {
      const f = write(dir, 'column.csv', `订单编号\n${A}\n`);
      const r = runCli(['compensate', ab, '--delivery-failures', f, ...AS_OF], { tz });
      expect(rows(r.stdout)).toEqual(sorted([late(A), late(B), promise(A)]));
      expect(r.stderr).toContain(named(`${f}:2`));
      expect(r.code).toBe(1);
    });

    it(`tmall-2026 (no promise payout): B's 9.50 is final with or without the list; nothing is named — TZ=${tz}`, () => {
      // paid 2026-11-10 10:00:00, shipped 11-13 10:00:00: 24 h late, 5 % × 190.00 = 9.50 (tier 5 %).
      const n = orders('2026-11-10 10:00:00', '2026-11-13 10:00:00');
      const only = write(dir, 'o26-bc.csv', taobaoCsv([n.b, n.c]));
      const f = write(dir, 'none26.csv', `订单编号\n${A}\n${C}\n`);
      const r = runCli(['compensate', only, '--delivery-failures', f, ...AS_OF], { tz });
      expect(rows(r.stdout)).toEqual(sorted([[B, 'late', '9.50', 'final', 24], [C, 'late', '9.50', 'final', 24]]));
      expect(r.stderr).not.toContain('may mean any');
    });
  }
});
