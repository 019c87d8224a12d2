// --shipments (docs/rules.md §1.1, docs/formats.md): a scan row is matched to its order by 订单编号, else
// by 物流单号. Two ways a hand-made scan file lost its late pickup: (1) an 订单编号 typed with full-width
// digits (３９００…, a Chinese input method) was rejected as "not a valid order id", where --exclude reads
// it as the id; (2) a row giving only the waybill matched the export's waybill to the character, so
// `sf 1400 123456` (or ＳＦ１４００…) matched no order where the export shows SF1400123456.
// Either way the order was judged by its 发货时间 (on time) and owed nothing.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';
import { waybillKey } from '../../src/io/cells.js';

const dir = tmpDir();
type V = { orderIds: string[]; amount: string; state: string; maxHoursLate: number | null };
const rows = (out: string) => (JSON.parse(out) as V[]).map((v) => [v.orderIds.join(';'), v.amount, v.state, v.maxHoursLate]);
const fullWidth = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

// tmall-2026: paid 2026-11-10 10:00:00 → deadline 11-12 10:00:00 (48 h); 发货时间 11-12 09:00:00 (on time).
// Base paid − postage = 200.00 − 10.00 = 190.00. Picked up 11-13 10:00:00: 24 h late (≤ 72 h, window
// ≤ 48 h: tier 5, 5 %): 5 % × 190.00 = 9.50 (within 5.00–50.00). Before the fix: on time, nothing.
const A = '3900000000000000401';
const B = '3900000000000000402';
const paid = '2026-11-10 10:00:00';
const shipped = (id: string, wb: string) =>
  order(id, { 买家会员名: `buyer${id.slice(-1)}`, 订单状态: '卖家已发货，等待买家确认', 订单创建时间: paid, 订单付款时间: paid, 买家应付货款: '190.00', 买家应付邮费: '10.00', 买家实际支付金额: '200.00', 发货时间: '2026-11-12 09:00:00', 物流单号: `No:${wb}` });
const orders = write(dir, 'orders.csv', taobaoCsv([shipped(A, 'SF1400123456'), shipped(B, 'YT7788990011')]));
const AS_OF = ['--as-of', '2026-11-30 12:00:00', '-f', 'json'];

describe('a scan row is read whatever the width of its id and the case and spaces of its waybill', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`订单编号 in full-width digits: A picked up 24 h late, 9.50 — TZ=${tz}`, () => {
      const scans = write(dir, `fw-${tz.replace('/', '-')}.csv`, `订单编号,揽收时间\n${fullWidth(A)},2026-11-13 10:00:00\n`);
      const r = runCli(['compensate', orders, '--shipments', scans, ...AS_OF], { tz });
      expect(r.code).toBe(0);
      expect(rows(r.stdout)).toEqual([[A, '9.50', 'final', 24]]);
      expect(r.stderr).toContain(`--shipments ${scans}: 1 scan row(s) read: 1 used.`);
      expect(r.stderr).not.toContain('not a valid order id');
    });

    it(`物流单号 only, in another case, with spaces or full-width: A and B each 9.50 (19.00 in all) — TZ=${tz}`, () => {
      const scans = write(dir, `wb-${tz.replace('/', '-')}.csv`, `物流单号,揽收时间\nsf 1400 123456,2026-11-13 10:00:00\n${fullWidth('yt7788990011')},2026-11-13 10:00:00\n`);
      const r = runCli(['compensate', orders, '--shipments', scans, ...AS_OF], { tz });
      expect(rows(r.stdout)).toEqual([
        [A, '9.50', 'final', 24],
        [B, '9.50', 'final', 24],
      ]);
      expect(r.stderr).toContain(`--shipments ${scans}: 2 scan row(s) read: 2 used.`);
      expect(r.stderr).not.toContain('match no order');
    });
  }

  it('another waybill still matches no order (SF1400123457 is not SF1400123456)', () => {
    const scans = write(dir, 'other.csv', '物流单号,揽收时间\nsf 1400 123457,2026-11-13 10:00:00\n');
    const r = runCli(['compensate', orders, '--shipments', scans, ...AS_OF]);
    expect(rows(r.stdout)).toEqual([]);
    // Named as the file shows it (the key SF1400123457 is no text of the file).
    expect(r.stderr).toContain(`${scans}:2 (sf 1400 123457)`);
  });
});

describe('waybillKey', () => {
  it('drops case, spaces and full-width forms, nothing else', () => {
    expect(waybillKey('SF1400123456')).toBe('SF1400123456');
    expect(waybillKey('sf 1400 123456')).toBe('SF1400123456');
    expect(waybillKey('ＳＦ１４００１２３４５６')).toBe('SF1400123456');
    expect(waybillKey('sf\u30001400')).toBe('SF1400');
    expect(waybillKey('JD-0001')).toBe('JD-0001');
    expect(waybillKey('W2; W1')).toBe('W2;W1');
    expect(waybillKey('')).toBe('');
  });
});
