// rev31, suspicion 5: boundaries of the money path worked by hand from docs/rules.md §1.1, §1.3
// (tmall-2026), §1.4 (rounding half-up to the fen after the rate, before the minimum and maximum) and
// the per-day cap (第十二条: same buyer, same Beijing calendar day, 500.00), run under TZ=UTC and
// TZ=America/Los_Angeles (Beijing time whatever the machine zone), plus the same export under two file
// names and a row repeated across two files (one order, paid once).
// Every order: paid 2026-11-10 09:00:00 unless said (deadline paid + 48 h), 交易成功 with a 发货时间,
// base paid-minus-postage. Each case has a buyer of its own (no combining) unless said.
//   B1 shipped 11-12 09:00:00, exactly at the deadline: on time, no voucher.
//   B2 shipped 11-12 09:00:01, 1 s late: tier 5 (window 48 h ≤ 48, ≤ 72 h late) 5 % × 190.00 = 9.50.
//   B3 shipped 11-15 09:00:00, exactly 72 h late: still late (§1.3 "exactly 72 h late is still late"):
//      9.50, kind late.
//   B4 shipped 11-15 09:00:01: out of stock, tier 2 (window ≤ 48 h): 10 % × 190.00 = 19.00.
//   B5 goods 190.10 + postage 10.00 (paid 200.10), shipped 11-13 09:00:00 (24 h): 5 % × 190.10 =
//      9.505 → 9.51 (half-up at the fen).
//   B6 goods 50.00 (paid 60.00), 24 h late: 5 % × 50.00 = 2.50 → the 5.00 minimum.
//   B7 goods 2000.00 (paid 2010.00), 24 h late: 5 % × 2000.00 = 100.00 → the 50.00 maximum.
//   B8 three orders of 2000.00 goods each, out of stock (shipped 11-16 09:00:00, 96 h late): 10 % ×
//      2000.00 = 200.00 each, paid 11-10 00:00:00, 11-10 23:59:59 and 11-11 00:00:00 (Beijing):
//      the first two one day, 400.00; the third the next day, 200.00 on its own. Out of stock at
//      96 h for each (deadlines 11-12 00:00:00, 11-12 23:59:59, 11-13 00:00:00; shipped 11-16
//      09:00:00 is 105 h, 81 h 0 min 1 s, 81 h late: all > 72 h).
//   B9 two orders of 4000.00 goods, out of stock 10 % = 400.00 each, the same day: 800.00 → 500.00 cap.
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv, write } from '../orders/build.js';

const TZS = ['UTC', 'America/Los_Angeles'];
const row = (id: string, buyer: string, shipped: string, goods = '190.00', paidAt = '2026-11-10 09:00:00') =>
  order(id, {
    买家会员名: buyer, 买家应付货款: goods, 买家应付邮费: '10.00', 买家实际支付金额: (Number(goods) + 10).toFixed(2),
    订单状态: '交易成功', 订单创建时间: paidAt, 订单付款时间: paidAt, 发货时间: shipped,
  });
const ROWS = [
  row('3800000000000000001', 'B1', '2026-11-12 09:00:00'),
  row('3800000000000000002', 'B2', '2026-11-12 09:00:01'),
  row('3800000000000000003', 'B3', '2026-11-15 09:00:00'),
  row('3800000000000000004', 'B4', '2026-11-15 09:00:01'),
  row('3800000000000000005', 'B5', '2026-11-13 09:00:00', '190.10'),
  row('3800000000000000006', 'B6', '2026-11-13 09:00:00', '50.00'),
  row('3800000000000000007', 'B7', '2026-11-13 09:00:00', '2000.00'),
  row('3800000000000000081', 'B8', '2026-11-16 09:00:00', '2000.00', '2026-11-10 00:00:00'),
  row('3800000000000000082', 'B8', '2026-11-16 09:00:00', '2000.00', '2026-11-10 23:59:59'),
  row('3800000000000000083', 'B8', '2026-11-16 09:00:00', '2000.00', '2026-11-11 00:00:00'),
  row('3800000000000000091', 'B9', '2026-11-16 09:00:00', '4000.00'),
  row('3800000000000000092', 'B9', '2026-11-16 09:00:00', '4000.00', '2026-11-10 10:00:00'),
];
const EXPECTED = [
  [['3800000000000000002'], ['late'], '9.50'],
  [['3800000000000000003'], ['late'], '9.50'],
  [['3800000000000000004'], ['out_of_stock'], '19.00'],
  [['3800000000000000005'], ['late'], '9.51'],
  [['3800000000000000006'], ['late'], '5.00'],
  [['3800000000000000007'], ['late'], '50.00'],
  [['3800000000000000081', '3800000000000000082'], ['out_of_stock'], '400.00'],
  [['3800000000000000083'], ['out_of_stock'], '200.00'],
  [['3800000000000000091', '3800000000000000092'], ['out_of_stock'], '500.00'],
];
const vouchers = (stdout: string) =>
  (JSON.parse(stdout) as Record<string, unknown>[])
    .map((v) => [v.orderIds, v.kinds, v.amount] as [string[], string[], string])
    .sort((a, b) => (a[0][0]! < b[0][0]! ? -1 : 1));

describe('tmall-2026 boundaries, Beijing time under any TZ', () => {
  it('deadline, 72 h, rounding half-up, minimum, maximum, the Beijing day and its 500.00 cap', () => {
    const dir = tmpDir();
    const f = write(dir, 'ExportOrderList202611.csv', taobaoCsv(ROWS));
    for (const tz of TZS) {
      const r = runCli(['compensate', f, '--as-of', '2026-11-30 00:00:00', '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      expect(vouchers(r.stdout)).toEqual(EXPECTED);
    }
  });

  it('the same export under two file names, and a row repeated in a second file: each order paid once', () => {
    const dir = tmpDir();
    const a = write(dir, 'ExportOrderList202611.csv', taobaoCsv(ROWS), new Date('2026-11-29T00:00:00Z'));
    const b = write(dir, 'copy of export.csv', taobaoCsv(ROWS), new Date('2026-11-29T01:00:00Z'));
    const c = write(dir, 'one-more.csv', taobaoCsv([ROWS[1]!]), new Date('2026-11-29T02:00:00Z'));
    for (const tz of TZS) {
      for (const files of [[a, b], [b, a, c], [c, a]]) {
        const r = runCli(['compensate', ...files, '--as-of', '2026-11-30 00:00:00', '-f', 'json'], { tz });
        expect(r.code).toBe(0);
        expect(vouchers(r.stdout)).toEqual(EXPECTED);
      }
    }
  });

  it('--record twice pays once: the second run issues 0.00', () => {
    const dir = tmpDir();
    const f = write(dir, 'ExportOrderList202611.csv', taobaoCsv(ROWS));
    const state = `${dir}/state.db`;
    for (const tz of TZS) {
      const r1 = runCli(['compensate', f, '--record', '--state', state, '--as-of', '2026-11-30 00:00:00', '-f', 'json'], { tz });
      expect([0, 1]).toContain(r1.code);
      const r2 = runCli(['compensate', f, '--record', '--state', state, '--as-of', '2026-11-30 01:00:00', '-f', 'json'], { tz });
      expect(r2.code).toBe(0);
      const rows = JSON.parse(r2.stdout) as Record<string, unknown>[];
      expect(rows.map((v) => v.toIssue)).toEqual(EXPECTED.map(() => '0.00'));
      const total = /total ([\d.]+)/.exec(runCli(['ledger', 'list', '--state', state], { tz }).stderr)?.[1];
      // 9.50 + 9.50 + 19.00 + 9.51 + 5.00 + 50.00 + 400.00 + 200.00 + 500.00 = 1202.51
      expect(total).toBe('1202.51');
    }
  });
});
