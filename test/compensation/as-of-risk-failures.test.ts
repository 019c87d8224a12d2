// --as-of on an export made later: the judge reads every order as of --as-of (a ship time after it is
// not yet shipped: docs/rules.md §1.1, §1.7). Three outputs beside it used the export's raw times:
// - --at-risk listed orders paid after --as-of (not paid then, so nothing to ship yet);
// - --at-risk's count of unshipped orders no rule set judges counted one paid after --as-of and left
//   out those shipped after it (unshipped then);
// - --delivery-failures paid 10.00, final, for an order paid after --as-of.
// The example export (examples/ExportOrderList202611.csv, pdd-orders-202611.csv): …901 paid 11-10 09:00
// shipped 11-13 10:00; …902 paid 11-10 20:00 shipped 11-12 21:00; …903 paid 11-11 10:00 shipped
// 11-14 09:00; …701 paid 11-17 08:00 unshipped; …801 paid 11-18 15:00 shipped 11-19 10:00.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli } from '../helpers.js';

const TMALL = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const PDD = path.join(EXAMPLES, 'pdd-orders-202611.csv');
const FAILURES = path.join(EXAMPLES, 'delivery-failures.csv'); // one id: 5200000000000000801

for (const tz of ['UTC', 'America/Los_Angeles']) {
  describe(`--as-of before the export's times — TZ=${tz}`, () => {
    it('--at-risk 72 as of 11-10 12:00: only …901 (paid 09:00); …902 and …903 were not paid yet', () => {
      const r = runCli(['compensate', TMALL, '--at-risk', '72', '--as-of', '2026-11-10 12:00:00', '-f', 'csv'], { tz });
      expect(r.code).toBe(0);
      // tmall-2026: deadline 11-10 09:00 + 48 h = 11-12 09:00, 45.0 h after 11-10 12:00; 5 % × 190.00 = 9.50.
      expect(r.stdout.trimEnd().split('\n')).toEqual([
        'orderId,buyer,paidAt,deadline,hoursLeft,risk,title,base,costIfLate,rules,payer',
        '3515313147329357901,小明爱购物,2026-11-10 09:00:00,2026-11-12 09:00:00,45.0,at_risk,加厚羊毛围巾 灰色,190.00,9.50,tmall-2026,shop-issues',
      ]);
      // Before: 3 orders, 9.50 + 5.00 + 50.00 = 64.50.
      expect(r.stderr).toContain('1 unshipped order is late or due within 72 h; if late they cost about 9.50 (rules tmall-2026)\n');
    });

    it('--at-risk on a PDD export without a rule file counts the orders unshipped as of --as-of', () => {
      // As of 11-12 00:00: …901, …902, …903 paid and not yet shipped (ship times after it) = 3; …701 paid
      // 11-17 is not. Before: 1 (…701 counted, the three left out by their later ship times).
      const r = runCli(['compensate', PDD, '--at-risk', '24', '--as-of', '2026-11-12 00:00:00', '-f', 'csv'], { tz });
      expect(r.stderr).toContain('0 unshipped orders are late or due within 24 h; if late they cost about 0.00 (rules auto); 3 more unshipped orders have no rule set in force and could not be checked: not on the list (see the warning above)\n');
      // As of 11-10 00:00 nothing was paid yet. Before: "1 more unshipped order" (…701).
      const early = runCli(['compensate', PDD, '--at-risk', '24', '--as-of', '2026-11-10 00:00:00', '-f', 'csv'], { tz });
      expect(early.stderr).toContain('0 unshipped orders are late or due within 24 h; if late they cost about 0.00 (rules auto)\n');
    });

    it('--delivery-failures: an order paid after --as-of gets no 10.00 then (named); paid before and shipped after, it does', () => {
      const r = runCli(['compensate', TMALL, '--delivery-failures', FAILURES, '--rules', 'tmall-2023', '--as-of', '2026-11-18 14:00:00', '-f', 'csv'], { tz });
      expect(r.code).toBe(0);
      // Before: a row va3689d970a776cadc05f … delivery_promise,final … 10.00 for …801, paid 11-18 15:00.
      expect(r.stdout).not.toContain('delivery_promise');
      expect(r.stderr).toContain('storeops: warning: orders in --delivery-failures given no promise payout: 1 paid after --as-of (2026-11-18 14:00:00), so not paid then (5200000000000000801; a run with a later --as-of pays it)\n');
      expect(r.stderr).not.toContain('unkept delivery promise');
      // As of 11-19 08:00 …801 was paid (15:00 the day before) and not yet shipped (10:00): an open
      // order on the list, paid 10.00 as before.
      const later = runCli(['compensate', TMALL, '--delivery-failures', FAILURES, '--rules', 'tmall-2023', '--as-of', '2026-11-19 08:00:00', '-f', 'csv', '-q'], { tz });
      expect(later.stdout).toContain('va3689d970a776cadc05f,小红书迷,tmall-2023,2026-11-18 15:00:00,5200000000000000801,0,,10.00,10.00,no,delivery_promise,final,');
    });
  });
}
