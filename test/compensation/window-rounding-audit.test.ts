// money54's audit of the money from the rule text (/work/shared/RULES.md §1.2, §1.3, §1.4): two edges
// where a window meets rounding or an order that is not late, which no other test pins. Guards: they
// pass before and after (no bug found here); worked by hand, run under TZ=UTC and America/Los_Angeles
// (the times are Beijing's whatever the machine zone). Every order: 48 h window, base paid − postage
// (postage 0.00 here), shipped per its 发货时间 (no scans).
//
// (1) Each payout is rounded to the fen *before* the window adds them (RULES 1.4 "Round each payout to
//     the fen, half-up, after the percentage and before the minimum/cap"; 1.2 "the 5-yuan minimum
//     applies per order before combining").
//   Q  (tmall-2023, paid 03-10 10:00:00 and 11:00:00, both shipped 03-13 10:00:00: 24 h and 23 h late)
//      33.35 × 30 % = 10.005 → 10.01 each; one 24-hour window: 20.02. Rounding the window's sum
//      (30 % × 66.70 = 20.01) or half-even (10.00 each) would give 20.01 or 20.00.
//   Q2 (tmall-2026, paid 11-10 11:00, 12:00, 13:00, all shipped 11-13 10:00:00: 23 h, 22 h, 21 h late)
//      100.10 × 5 % = 5.005 → 5.01, twice; 150.10 × 5 % = 7.505 → 7.51; one Beijing day: 17.53
//      (the day's sum rounded once, 350.30 × 5 % = 17.515 → 17.52, would be a fen short).
//
// (2) A tmall-2023 window opens at the buyer's first *late* order (RULES 1.2, our reading: "sort a
//     buyer's late orders by paid-at; a window opens at the first"); an order shipped on time opens none.
//   E0 paid 03-01 09:00:00, 1000.00, shipped 03-02 09:00:00 (on time): no voucher.
//   E1 paid 03-01 10:00:00, 1000.00, shipped 03-04 10:00:00 (24 h late): 300.00, opens the window.
//   E2 paid 03-02 10:00:00 (exactly 24 h after E1: joins), 1000.00, 24 h late: 300.00.
//      E1 + E2 = 600.00 → capped at 500.00.
//   E3 paid 03-02 10:00:01 (24 h + 1 s after E1: opens a new window), 1000.00, 24 h late: 300.00.
//   E4 paid 03-02 12:00:00, 10.00, 24 h late: 30 % = 3.00 → the 5.00 minimum; joins E3: 305.00.
//   805.00 in all. Had E0 opened the window, E2 (25 h after it) would open the second: [E1] 300.00 +
//   [E2, E3, E4] 605.00 → 500.00 = 800.00.
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv, write } from '../orders/build.js';

const TZS = ['UTC', 'America/Los_Angeles'];
const row = (id: string, buyer: string, paidAt: string, paid: string, shipped: string) =>
  order(id, {
    买家会员名: buyer, 买家应付货款: paid, 买家应付邮费: '0.00', 买家实际支付金额: paid,
    订单状态: '交易成功', 订单创建时间: paidAt, 订单付款时间: paidAt, 发货时间: shipped,
  });
const vouchers = (stdout: string) =>
  (JSON.parse(stdout) as Record<string, unknown>[]).map((v) => [v.rules, v.orderIds, v.amount, v.capped, v.state]);

describe('a window adds payouts each rounded to the fen (RULES 1.4), and opens at a late order (1.2)', () => {
  it('tmall-2023 10.01 + 10.01 = 20.02; tmall-2026 5.01 + 5.01 + 7.51 = 17.53', () => {
    const f = write(tmpDir(), 'ExportOrderList202611.csv', taobaoCsv([
      row('3900000000000000101', 'Q', '2026-03-10 10:00:00', '33.35', '2026-03-13 10:00:00'),
      row('3900000000000000102', 'Q', '2026-03-10 11:00:00', '33.35', '2026-03-13 10:00:00'),
      row('3900000000000000201', 'Q2', '2026-11-10 11:00:00', '100.10', '2026-11-13 10:00:00'),
      row('3900000000000000202', 'Q2', '2026-11-10 12:00:00', '100.10', '2026-11-13 10:00:00'),
      row('3900000000000000203', 'Q2', '2026-11-10 13:00:00', '150.10', '2026-11-13 10:00:00'),
    ]));
    for (const tz of TZS) {
      const r = runCli(['compensate', f, '--as-of', '2026-12-01 00:00:00', '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      expect(vouchers(r.stdout)).toEqual([
        ['tmall-2023', ['3900000000000000101', '3900000000000000102'], '20.02', false, 'final'],
        ['tmall-2026', ['3900000000000000201', '3900000000000000202', '3900000000000000203'], '17.53', false, 'final'],
      ]);
      expect(r.stderr).toContain('2 vouchers totalling 37.55 to issue');
    }
  });

  it('tmall-2023: an order shipped on time opens no window; exactly 24 h joins, 24 h + 1 s opens the next: 500.00 + 305.00', () => {
    const f = write(tmpDir(), 'ExportOrderList202603.csv', taobaoCsv([
      row('3900000000000000300', 'E', '2026-03-01 09:00:00', '1000.00', '2026-03-02 09:00:00'),
      row('3900000000000000301', 'E', '2026-03-01 10:00:00', '1000.00', '2026-03-04 10:00:00'),
      row('3900000000000000302', 'E', '2026-03-02 10:00:00', '1000.00', '2026-03-05 10:00:00'),
      row('3900000000000000303', 'E', '2026-03-02 10:00:01', '1000.00', '2026-03-05 10:00:01'),
      row('3900000000000000304', 'E', '2026-03-02 12:00:00', '10.00', '2026-03-05 12:00:00'),
    ]));
    for (const tz of TZS) {
      const r = runCli(['compensate', f, '--as-of', '2026-12-01 00:00:00', '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      expect(vouchers(r.stdout)).toEqual([
        ['tmall-2023', ['3900000000000000301', '3900000000000000302'], '500.00', true, 'final'],
        ['tmall-2023', ['3900000000000000303', '3900000000000000304'], '305.00', false, 'final'],
      ]);
      expect(r.stderr).toContain('2 vouchers totalling 805.00 to issue');
    }
  });
});
