// RULES 1.3c (tmall-global-2026 direct mail, --holidays) with RULES 1.7 (a time shown without its seconds
// may be up to 59 s later: judge only what holds either way). docs/rules.md §1.3c: a window that runs out
// exactly at a holiday's 00:00 ends there; one a second later skips the holiday. So a paid time shown as
// 2026-12-27 00:00 (an Excel re-save dropped the seconds) gives, with 2027-01-01 a holiday:
//   paid 00:00:00 → 120 h straight = 2027-01-01 00:00:00, the holiday's first instant: the deadline;
//   paid 00:00:01 … 00:00:59 → 119 h 59 m 59 s … to 01-01 00:00:00, the holiday (24 h) skipped, the last
//   1 … 59 s counted from 01-02 00:00: deadline 01-02 00:00:01 … 00:00:59.
// The deadline may be anything from 01-01 00:00:00 to 01-02 00:00:59, not just 59 s later.
//   E shipped 01-01 06:00:00: 6 h late (5 % × 200.00 = 10.00) for 00:00:00, on time for any later second:
//     not judged (time_precision), no voucher. Before (rev45): 10.00 final, to issue.
//   F unshipped as of 01-01 12:00:00: 12 h late, or not due: not judged for a voucher. Before: 10.00 provisional.
//   G the same as E with its seconds shown (00:00:00): the deadline is 01-01 00:00:00, 6 h late, 10.00 (as before).
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const shipped = '卖家已发货，等待买家确认';
const waiting = '买家已付款，等待卖家发货';

describe('direct mail, a paid time without its seconds whose window runs out at a holiday\'s 00:00', () => {
  const dir = tmpDir();
  const money = { 买家应付货款: '200.00', 买家应付邮费: '0.00', 买家实际支付金额: '200.00' };
  const f = write(dir, 'ExportOrderList202701011200.csv', taobaoCsv([
    order('3600300000000000021', { 买家会员名: 'e', 订单状态: shipped, 订单付款时间: '2026-12-27 00:00', 发货时间: '2027-01-01 06:00:00', ...money }),
    order('3600300000000000022', { 买家会员名: 'f', 订单状态: waiting, 订单付款时间: '2026-12-27 00:00', ...money }),
    order('3600300000000000023', { 买家会员名: 'g', 订单状态: shipped, 订单付款时间: '2026-12-27 00:00:00', 发货时间: '2027-01-01 06:00:00', ...money }),
  ]));
  const dm = write(dir, 'dm.csv', '订单编号\n3600300000000000021\n3600300000000000022\n3600300000000000023\n');
  const hol = write(dir, 'hol.txt', '2027-01-01\n');
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`E and F not judged (time_precision), G 10.00 (TZ=${tz})`, () => {
      const r = runCli(['compensate', f, '--rules', 'tmall-global-2026', '--direct-mail', dm, '--holidays', hol, '--as-of', '2027-01-01 12:00:00', '-f', 'json', '--by', 'order'], { tz });
      expect(r.code, r.stderr).toBe(0);
      const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
      expect(rows.map((x) => [x.orderId, x.deadline, x.hoursLate, x.kind, x.afterMinimum])).toEqual([
        ['3600300000000000023', '2027-01-01T00:00:00+08:00', 6, 'late', '10.00'],
      ]);
      expect(r.stderr).toContain('1 late, 2 not judged (time_precision=2)');
      expect(r.stderr).toContain('3600300000000000021;3600300000000000022');
    });
  }
});
