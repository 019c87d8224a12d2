// --shipments (docs/rules.md §1.1 合并发货, docs/formats.md): some ERPs write a merged parcel as one row whose
// 订单编号 cell lists the orders (`A;B`, `A,B`) beside the parcel's one waybill. Such a row was rejected whole
// as "not a valid order id", both orders judged by 发货时间 and held provisional. The pickup of a parcel
// holding A and B is the pickup of both when the waybill is theirs: the cell is now a row for each id, each
// checked against its own export's waybills as a row typed apart is. No id is guessed: a piece that is not
// an id, or a list without a waybill (nothing to check the parcel by), is rejected with a hint.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
type V = { orderIds: string[]; amount: string; state: string; maxHoursLate: number | null };
const rows = (out: string) => (JSON.parse(out) as V[]).map((v) => [v.orderIds.join(';'), v.amount, v.state, v.maxHoursLate]);
const TZS = ['UTC', 'America/Los_Angeles'];
const AS_OF = ['--as-of', '2026-11-30 12:00:00', '-f', 'json'];

// tmall-2026, one buyer. A: paid 11-10 10:00:00 (deadline 11-12 10:00:00), base 300.00 (no postage).
// B: paid 11-10 10:30:00 (deadline 11-12 10:30:00), base 80.00. Both marked shipped 11-12 09:00:00 (on time
// by it). Parcel W picked up 11-13 10:00:00: A 24 h late, 5 % × 300.00 = 15.00; B 23.5 h late, 5 % × 80.00
// = 4.00, raised to the minimum 5.00; one buyer, one voucher: 15.00 + 5.00 = 20.00.
const A = '3900000000000000901';
const B = '3900000000000000902';
const o = (id: string, paid: string, amount: string, wb: string) =>
  order(id, { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: paid, 订单付款时间: paid, 买家应付货款: amount, 买家应付邮费: '0.00', 买家实际支付金额: amount, 发货时间: '2026-11-12 09:00:00', 物流单号: wb });
const merged = write(dir, 'merged.csv', taobaoCsv([o(A, '2026-11-10 10:00:00', '300.00', 'YT5001'), o(B, '2026-11-10 10:30:00', '80.00', 'YT5001')]));
// B's export shows another waybill: the row is A's pickup, and contradicts itself for B.
const apart = write(dir, 'apart.csv', taobaoCsv([o(A, '2026-11-10 10:00:00', '300.00', 'YT5001'), o(B, '2026-11-10 10:30:00', '80.00', 'YT5002')]));

describe('a scan cell listing several order ids', () => {
  for (const tz of TZS) {
    for (const [name, cell] of [['semicolon', `${A};${B}`], ['comma', `"${A},${B}"`], ['full-width comma and space', `"${A}， ${B}"`]] as const) {
      it(`${name}, with the parcel's waybill both orders show: A 15.00 + B 5.00 = 20.00, final (was: rejected, both judged on time by 发货时间, nothing owed) — TZ=${tz}`, () => {
        const scans = write(dir, `list-${name}.csv`, `订单编号,物流单号,揽收时间\n${cell},YT5001,2026-11-13 10:00:00\n`);
        const r = runCli(['compensate', merged, '--shipments', scans, ...AS_OF], { tz });
        expect(r.code).toBe(0);
        expect(rows(r.stdout)).toEqual([[`${A};${B}`, '20.00', 'final', 24]]);
        expect(r.stderr).toContain(`--shipments ${scans}: 1 scan row(s) read: 1 used.`);
        expect(r.stderr).not.toContain('not a valid order id');
      });
    }

    it(`the waybill is A's but not B's: A's pickup (15.00), a contradiction for B (named), the voucher provisional — TZ=${tz}`, () => {
      // B judged by its 发货时间 11-12 09:00:00 (on time); its voucher window held provisional as for any
      // contradicting row (docs/rules.md §1.1). A alone: 15.00.
      const scans = write(dir, 'list-apart.csv', `订单编号,物流单号,揽收时间\n${A};${B},YT5001,2026-11-13 10:00:00\n`);
      const r = runCli(['compensate', apart, '--shipments', scans, ...AS_OF], { tz });
      expect(rows(r.stdout)).toEqual([[A, '15.00', 'provisional', 24]]);
      expect(r.stderr).toContain(`${scans}:2`);
      expect(r.stderr).toContain('1 scan row(s) read: 1 used.');
    });

    it(`no waybill on the row: rejected with a hint, both kept provisional — TZ=${tz}`, () => {
      const scans = write(dir, 'list-nowb.csv', `订单编号,物流单号,揽收时间\n${A};${B},,2026-11-13 10:00:00\n`);
      const r = runCli(['compensate', merged, '--shipments', scans, ...AS_OF], { tz });
      expect(r.stderr).toContain(`${scans}:2 [订单编号]: "${A};${B}" several order ids in one cell but no tracking number`);
      expect(r.stderr).toContain('2 orders had a pickup scan row that could not be used');
    });

    it(`a piece that is not an id: rejected naming it, nothing guessed — TZ=${tz}`, () => {
      const scans = write(dir, 'list-bad.csv', `订单编号,物流单号,揽收时间\n${A};3.9E+18,YT5001,2026-11-13 10:00:00\n`);
      const r = runCli(['compensate', merged, '--shipments', scans, ...AS_OF], { tz });
      expect(r.stderr).toContain(`several order ids in one cell, of which "3.9E+18" is not a valid order id — give one row per order`);
      expect(r.stdout.trim()).toBe('[]');
    });
  }
});
