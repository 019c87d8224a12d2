// A platform payout does not settle a tmall-2023 voucher whose 24-hour window may still be cut otherwise.
// Found by test/oracle/fuzz_formats.py (lossy variant, seed 8 case 15): an Excel re-save of an export
// the original of which owes a voucher of its own was shown "already paid by the platform", 0.00 to issue.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
const shipped = '交易成功';
const A = '1000000000000000001';
const B = '1000000000000000002';
const C = '1000000000000000003';
// One buyer, tmall-2023 (paid before 2026-04-09: 30 % of paid − postage, at least 5.00; rolling 24-hour
// windows from the first late order; deadline = paid + 48 h). Times without seconds (an Excel re-save).
// A: paid 06-15 00:00, shipped 06-17 00:00: deadline 06-17 00:00:ss, shipped 00:00:tt → late only if tt > ss:
//    not judged (time_precision), and it may be late.
// B: paid 06-15 12:00, shipped 06-18 12:00 (24 h late): 100.00 × 30 % = 30.00; the platform paid 30.00.
// C: paid 06-16 11:00, shipped 06-19 11:00 (24 h late): 100.00 × 30 % = 30.00; no payout.
// If A was late, it opens the window 06-15 00:00 – 06-16 00:00, which takes B (paid by the platform), and
// C (06-16 11:00, 35 h after A) opens a window of its own: 30.00 the shop owes, final.
// If A was on time, B opens the window and C (23 h after B) joins it: paid by the platform, 0.00 to issue.
// Which holds depends on the seconds lost (rules.md §1.7): the voucher [B, C] is provisional, not settled by
// B's payout: it owes 30.00 + 30.00 = 60.00 so far (its amount, as any provisional voucher), to issue once
// the original export is read.
const row = (id: string, paid: string, ship: string, payout = '') =>
  order(id, { 买家会员名: 'buyer1', 订单状态: shipped, 买家应付货款: '100.00', 买家应付邮费: '0.00', 买家实际支付金额: '100.00',
    订单创建时间: paid, 订单付款时间: paid, 发货时间: ship, 延迟发货自动赔付金额: payout, 宝贝标题: '围巾', 预售订单: '否' });

describe('a platform payout on a tmall-2023 window that lost seconds may cut otherwise', () => {
  const file = write(dir, 'resaved.csv', taobaoCsv([
    row(A, '2025/6/15 0:00', '2025/6/17 0:00'),
    row(B, '2025/6/15 12:00', '2025/6/18 12:00', '30.00'),
    row(C, '2025/6/16 11:00', '2025/6/19 11:00'),
  ]));
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`stays provisional, owing 60.00 so far, not "paid by the platform" (TZ=${tz})`, () => {
      const r = runCli(['compensate', file, '--as-of', '2025-06-25 12:00:00', '-f', 'json'], { tz });
      const v = JSON.parse(r.stdout) as Record<string, unknown>[];
      expect(v.map((x) => [x.orderIds, x.amount, x.state, x.platformPaid, x.toIssue])).toEqual([[[B, C], '60.00', 'provisional', '30.00', '60.00']]);
      expect(r.stderr).toContain('0 vouchers totalling 0.00 to issue; 1 provisional voucher owing 60.00 so far');
    });
  }

  it('the original export (with seconds, A 1 s late) gives A + B paid by the platform and C 30.00 to issue', () => {
    const exact = write(dir, 'exact.csv', taobaoCsv([
      row(A, '2025-06-15 00:00:00', '2025-06-17 00:00:01'),
      row(B, '2025-06-15 12:00:00', '2025-06-18 12:00:00', '30.00'),
      row(C, '2025-06-16 11:00:00', '2025-06-19 11:00:00'),
    ]));
    const r = runCli(['compensate', exact, '--as-of', '2025-06-25 12:00:00', '-f', 'json']);
    const v = JSON.parse(r.stdout) as Record<string, unknown>[];
    // A: 30.00 + B: 30.00 = 60.00, paid by the platform; C alone: 30.00 final.
    expect(v.map((x) => [x.orderIds, x.amount, x.state, x.toIssue])).toEqual([
      [[A, B], '60.00', 'paid_by_platform', '0.00'],
      [[C], '30.00', 'final', '30.00'],
    ]);
  });

  it('a late order still unshipped in the window before is judged already: the payout settles the next window', () => {
    // W paid 06-14 00:00:00, shipped 06-17 00:00:00 (24 h late): 30.00; D paid 06-14 12:00:00, unshipped at as-of
    // (late): 30.00; together [W, D] = 60.00, provisional (D unshipped). B paid 06-15 00:00:01 (24 h 1 s after W):
    // opens a window; the platform paid it 30.00; C paid 06-15 20:00:00 joins it: [B, C] 60.00, paid by the
    // platform, 0.00 to issue, though D (late, unshipped) was paid in the 24 h before B.
    const W = '1000000000000000004';
    const D = '1000000000000000005';
    const f = write(dir, 'unshipped-before.csv', taobaoCsv([
      row(W, '2025-06-14 00:00:00', '2025-06-17 00:00:00'),
      { ...row(D, '2025-06-14 12:00:00', ''), 订单状态: '买家已付款，等待卖家发货' },
      row(B, '2025-06-15 00:00:01', '2025-06-18 00:00:01', '30.00'),
      row(C, '2025-06-15 20:00:00', '2025-06-18 20:00:00'),
    ]));
    const r = runCli(['compensate', f, '--as-of', '2025-06-25 12:00:00', '-f', 'json']);
    const v = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(v.map((x) => [x.orderIds, x.amount, x.state, x.toIssue])).toEqual([
      [[W, D], '60.00', 'provisional', '60.00'],
      [[B, C], '60.00', 'paid_by_platform', '0.00'],
    ]);
  });
});
