// --shipments (docs/rules.md §1.1, docs/formats.md): a scan row `W1;W2` is the pickup of each parcel. A row
// with no order id where only W1 matches an order was counted "used" and W2, matching no order, was never
// named: every input row (and every waybill it lists) is used or reported with file:line.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
type V = { orderIds: string[]; amount: string; state: string; maxHoursLate: number | null };
const rows = (out: string) => (JSON.parse(out) as V[]).map((v) => [v.orderIds.join(';'), v.amount, v.state, v.maxHoursLate]);
const TZS = ['UTC', 'America/Los_Angeles'];
const AS_OF = ['--as-of', '2026-11-30 12:00:00', '-f', 'json'];

// tmall-2026: paid 11-10 10:00:00 → deadline 11-12 10:00:00 (48 h); base paid-minus-postage 210.00 − 10.00 =
// 200.00. Its only waybill YT1001, picked up 11-13 10:00:00: 24 h late, tier 5 %, 5 % × 200.00 = 10.00.
const A = '3900000000000000801';
const orders = write(dir, 'orders.csv', taobaoCsv([order(A, { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: '2026-11-10 09:59:00', 订单付款时间: '2026-11-10 10:00:00', 买家应付货款: '200.00', 买家应付邮费: '10.00', 买家实际支付金额: '210.00', 发货时间: '2026-11-12 08:00:00', 物流单号: 'YT1001' })]));

describe('a scan row W1;W2 whose W2 matches no order', () => {
  for (const tz of TZS) {
    it(`W1 is A's pickup (10.00, final); "yt 9009" is named as typed with its line, and the count says so — TZ=${tz}`, () => {
      const scans = write(dir, 'stray.csv', '物流单号,揽收时间\nYT1001;yt 9009,2026-11-13 10:00:00\nYT7777,2026-11-13 11:00:00\n');
      const r = runCli(['compensate', orders, '--shipments', scans, ...AS_OF], { tz });
      expect(r.code).toBe(0);
      expect(rows(r.stdout)).toEqual([[A, '10.00', 'final', 24]]);
      expect(r.stderr).toContain(`--shipments ${scans}: 1 of the waybills or order ids that scan rows list several to a cell match no order in the exports and were not used (the others on those rows were): ${scans}:2 (yt 9009 in "YT1001;yt 9009").`);
      // 2 rows: 1 used (line 2, W1), 1 matching no order (line 3); line 2's W2 said apart.
      expect(r.stderr).toContain(`--shipments ${scans}: 2 scan row(s) read: 1 used, 1 matching no order (1 of these row(s) also list a waybill matching no order, named above).`);
      expect(r.stderr).toContain(`${scans}:3 (YT7777)`);
      const zh = runCli(['compensate', orders, '--shipments', scans, ...AS_OF, '--lang', 'zh'], { tz });
      expect(zh.stderr).toContain(`一格中列出多个运单号或订单编号的揽收记录行中有 1 个与报表中的任何订单都对不上, 未使用 (同一行其他的照常使用): ${scans}:2 (yt 9009, 在 "YT1001;yt 9009" 中)`);
      expect(zh.stderr).toContain('读取 2 行揽收记录: 使用 1 行, 对不上任何订单 1 行 (其中 1 行列出的运单号有的对不上任何订单, 见上文)。');
    });

    it(`both waybills A's: nothing named — TZ=${tz}`, () => {
      const two = write(dir, 'orders2.csv', taobaoCsv([order(A, { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: '2026-11-10 09:59:00', 订单付款时间: '2026-11-10 10:00:00', 买家应付货款: '200.00', 买家应付邮费: '10.00', 买家实际支付金额: '210.00', 发货时间: '2026-11-12 08:00:00', 物流单号: 'YT1001;YT1002' })]));
      const scans = write(dir, 'both.csv', '物流单号,揽收时间\nYT1001;YT1002,2026-11-13 10:00:00\n');
      const r = runCli(['compensate', two, '--shipments', scans, ...AS_OF], { tz });
      expect(rows(r.stdout)).toEqual([[A, '10.00', 'final', 24]]);
      expect(r.stderr).not.toContain('match no order');
      expect(r.stderr).toContain(`--shipments ${scans}: 1 scan row(s) read: 1 used.`);
    });
  }
});
