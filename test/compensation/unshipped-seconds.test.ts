// An unshipped order whose paid time lost its seconds (an Excel re-save), judged within a minute of its
// deadline: whether it is late at --as-of depends on the seconds lost (rules.md §1.7), so it is not judged
// (time_precision) and holds its buyer's voucher provisional, as a shipped order within a minute of its
// deadline does. It was judged late at its earliest possible deadline; with a platform payout on it
// (延迟发货自动赔付金额) that made the buyer's other order's voucher "paid by the platform", 0.00 to issue,
// where the original export (with its seconds) shows a provisional 5.00 owed for that other order.
// Found by test/oracle/fuzz_formats.py (lossy variant, tmall-2026, seed 77 last round).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
const A = '4100000000000000001';
const P = '4100000000000000002';
// One buyer, tmall-2026 (paid after 2026-04-09): deadline = paid + 48 h; late ≤ 72 h with a ≤ 48 h window:
// 5 % of (paid − postage), 5.00–50.00; same buyer, same Beijing calendar day: one voucher, capped at 500.00.
// A: paid 11-10 09:00, shipped 11-12 10:00 (about 1 h late for any lost second): 100.00 × 5 % = 5.00.
// P: paid 11-10 10:00 (10:00:00–10:00:59), unshipped; the export shows a platform payout of 5.00.
//    Deadline 11-12 10:00:00–10:00:59. At as-of 11-12 10:00:30 P is late if it was paid before 10:00:30,
//    not yet due otherwise.
// Either way A's voucher is not final (P, same day, unshipped, may join it). If P is not yet due, A's voucher
// is [A] alone: 5.00 owed so far, nothing paid by the platform. Only what holds for every lost second:
// [A] provisional, 5.00 owed so far (toIssue 5.00, not to issue yet), no payout on it — never "paid by the
// platform, 0.00", which holds only if P was paid in the first half of its minute.
const row = (id: string, paid: string, status: string, ship: string, payout = '') =>
  order(id, { 买家会员名: 'buyer1', 订单状态: status, 买家应付货款: '100.00', 买家应付邮费: '0.00', 买家实际支付金额: '100.00',
    订单创建时间: paid, 订单付款时间: paid, 发货时间: ship, 延迟发货自动赔付金额: payout, 宝贝标题: '围巾', 预售订单: '否' });
const unshipped = '买家已付款，等待卖家发货';

describe('an unshipped order whose lateness at --as-of depends on lost seconds is not judged', () => {
  const file = write(dir, 'resaved.csv', taobaoCsv([
    row(A, '2026/11/10 9:00', '交易成功', '2026/11/12 10:00'),
    row(P, '2026/11/10 10:00', unshipped, '', '5.00'),
  ]));
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`the payout on it does not settle the other order's voucher: [A] provisional, 5.00 owed so far (TZ=${tz})`, () => {
      const r = runCli(['compensate', file, '--as-of', '2026-11-12 10:00:30', '-f', 'json'], { tz });
      const v = JSON.parse(r.stdout) as Record<string, unknown>[];
      expect(v.map((x) => [x.orderIds, x.amount, x.state, x.platformPaid, x.toIssue])).toEqual([[[A], '5.00', 'provisional', null, '5.00']]);
      expect(r.stderr).toContain(`not judged (time_precision): ${P}.`);
      expect(r.stderr).toContain('0 vouchers totalling 0.00 to issue; 1 provisional voucher owing 5.00 so far');
    });
  }

  it('the original export, P paid 10:00:45 (not yet due at 10:00:30), gives the same: [A] provisional 5.00', () => {
    const exact = write(dir, 'exact.csv', taobaoCsv([
      row(A, '2026-11-10 09:00:00', '交易成功', '2026-11-12 10:00:00'),
      row(P, '2026-11-10 10:00:45', unshipped, '', '5.00'),
    ]));
    const r = runCli(['compensate', exact, '--as-of', '2026-11-12 10:00:30', '-f', 'json']);
    const v = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(v.map((x) => [x.orderIds, x.amount, x.state, x.toIssue])).toEqual([[[A], '5.00', 'provisional', '5.00']]);
  });

  it('a minute later P is late for any lost second: [A, P] 5.00 + 5.00 = 10.00, paid by the platform (5.00), 0.00 to issue', () => {
    const r = runCli(['compensate', file, '--as-of', '2026-11-12 10:01:00', '-f', 'json']);
    const v = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(v.map((x) => [x.orderIds, x.amount, x.state, x.platformPaid, x.toIssue])).toEqual([[[A, P], '10.00', 'paid_by_platform', '5.00', '0.00']]);
  });

  it('--at-risk still lists P, as late from its earliest deadline (act on it now)', () => {
    const r = runCli(['compensate', file, '--as-of', '2026-11-12 10:00:30', '--at-risk', '24', '-f', 'json']);
    const v = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(v.map((x) => [x.orderId, x.risk])).toEqual([[P, 'late']]);
  });

  it('out of stock 72 h after the deadline: an unshipped order whose tier at --as-of depends on the seconds is not judged', () => {
    // Q: paid 11-10 10:00 (10:00:00–10:00:59), 2000.00, unshipped. Deadline 11-12 10:00:ss; out of stock once
    // more than 72 h late: after 11-15 10:00:ss. At 11-15 10:00:30 it is late (5 %, at most 50.00: 50.00) or
    // out of stock (10 %: 200.00) depending on the lost second: not judged, no voucher yet. At 11-15 10:01:00
    // out of stock for any second: 2000.00 × 10 % = 200.00 (5.00–500.00), provisional (unshipped).
    const Q = '4100000000000000003';
    const f = write(dir, 'oos.csv', taobaoCsv([
      { ...row(Q, '2026/11/10 10:00', unshipped, ''), 买家应付货款: '2000.00', 买家实际支付金额: '2000.00' },
    ]));
    const r1 = runCli(['compensate', f, '--as-of', '2026-11-15 10:00:30', '-f', 'json']);
    expect(JSON.parse(r1.stdout)).toEqual([]);
    expect(r1.stderr).toContain(`not judged (time_precision): ${Q}.`);
    const r2 = runCli(['compensate', f, '--as-of', '2026-11-15 10:01:00', '-f', 'json']);
    const v = JSON.parse(r2.stdout) as Record<string, unknown>[];
    expect(v.map((x) => [x.orderIds, x.kinds, x.amount, x.state])).toEqual([[[Q], ['out_of_stock'], '200.00', 'provisional']]);
  });
});

describe('rolling 24-hour windows: an unshipped order not judged for its lost seconds may open an earlier window', () => {
  // A rule file of the shop's own (docs/rules.md §1.6): tmall-2023's numbers (30 % of paid − postage, at least
  // 5.00, rolling 24-hour windows capped at 500.00, deadline paid + 48 h) with a listing word 极速发 = 12 h, so
  // that orders paid after P can be late before P is due.
  const rules = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../templates/rules/tmall-2023.json'), 'utf8')) as Record<string, unknown>;
  Object.assign(rules, { id: 'my-rolling', validTo: null, titleWindows: [{ keywords: ['极速发'], hours: 12 }], deliveryPromise: null });
  const ruleFile = write(dir, 'rolling.json', JSON.stringify(rules));
  const P2 = '4100000000000000011';
  const B = '4100000000000000012';
  const C = '4100000000000000013';
  // P: paid 06-15 0:00 (00:00:00–00:00:59), 48 h, unshipped: deadline 06-17 00:00:ss; at as-of 06-17 00:00:30
  //    late or not yet due, depending on the lost second.
  // B: paid 06-15 12:00, 极速发 12 h → deadline 06-16 00:00, shipped 06-16 01:00 (1 h late for any second):
  //    100.00 × 30 % = 30.00; the platform paid 30.00.
  // C: paid 06-16 6:00, 极速发 → deadline 06-16 18:00, shipped 19:00 (1 h late): 30.00; no payout.
  // P late: P opens 06-15 00:00, B joins (12 h after), C (30 h after P) opens its own window: [P, B] and [C].
  // P not yet due: B opens 06-15 12:00, C (18 h after B) joins: [B, C], 30.00 + 30.00 = 60.00.
  // Only what holds either way: P not judged, [B, C] 60.00, provisional (P, paid 12 h before B, may still
  // open the window that takes B): B's payout does not settle it; 60.00 owed so far, not to issue yet.
  // The previous code judged P late at its earliest deadline: [P, B] "paid by the platform" (0.00) and [C].
  const file = write(dir, 'rolling.csv', taobaoCsv([
    row(P2, '2026/6/15 0:00', unshipped, ''),
    { ...row(B, '2026/6/15 12:00', '交易成功', '2026/6/16 1:00', '30.00'), 宝贝标题: '极速发 围巾' },
    { ...row(C, '2026/6/16 6:00', '交易成功', '2026/6/16 19:00'), 宝贝标题: '极速发 围巾' },
  ]));
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`[B, C] 60.00 provisional, B's payout shown but not settling it (TZ=${tz})`, () => {
      const r = runCli(['compensate', file, '--rules', ruleFile, '--as-of', '2026-06-17 00:00:30', '-f', 'json'], { tz });
      const v = JSON.parse(r.stdout) as Record<string, unknown>[];
      expect(v.map((x) => [x.orderIds, x.amount, x.state, x.platformPaid, x.toIssue])).toEqual([[[B, C], '60.00', 'provisional', '30.00', '60.00']]);
      expect(r.stderr).toContain(`not judged (time_precision): ${P2}.`);
    });
  }
});
