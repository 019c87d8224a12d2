// A 延迟发货自动赔付金额 of 0.00 is no payout (docs/rules.md §1.4a), as an empty cell is. An export
// writing 0.00 on every order (user10's desk) warned "N vouchers differ from what the platform paid"
// of every voucher the shop owes, in every hourly log; the same export with empty cells said nothing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';

// Paid 2026-12-01 15:00:00, 290.00 goods + 10.00 postage, shipped 12-04 15:00:00: deadline 12-03
// 15:00:00, 24 h late, tier 5: 5 % x (300.00 − 10.00) = 14.50, the shop issues it (tmall-2026).
const row = (payout: string) =>
  order('4012345678901234502', { 买家会员名: '小鱼儿', 买家应付货款: '290.00', 买家应付邮费: '10.00', 买家实际支付金额: '300.00', 订单状态: '交易成功', 订单付款时间: '2026-12-01 15:00:00', 订单创建时间: '2026-12-01 14:59:00', 发货时间: '2026-12-04 15:00:00', 延迟发货自动赔付金额: payout });

describe('a platform payout of 0.00', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`is no payout: the voucher is the shop's, 14.50, and nothing is said to differ (TZ=${tz})`, () => {
      const f = path.join(tmpDir(), 'ExportOrderList202612061830.csv');
      fs.writeFileSync(f, taobaoCsv([row('0.00')]));
      const r = runCli(['compensate', f, '--as-of', '2026-12-06 18:35:00', '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      const v = JSON.parse(r.stdout) as Record<string, unknown>[];
      expect(v.map((x) => [x.amount, x.state, x.platformPaid, x.toIssue])).toEqual([['14.50', 'final', '0.00', '14.50']]);
      expect(r.stderr).not.toContain('differ');
      const zh = runCli(['compensate', f, '--as-of', '2026-12-06 18:35:00', '-f', 'json', '--lang', 'zh'], { tz });
      expect(zh.stderr).not.toContain('与平台已赔付金额不一致');
      // A payout above 0.00 still is: 5.00 against 14.50 computed.
      fs.writeFileSync(f, taobaoCsv([row('5.00')]));
      const paid = runCli(['compensate', f, '--as-of', '2026-12-06 18:35:00', '-f', 'json'], { tz });
      expect(paid.stderr).toContain('1 voucher differs from what the platform paid (see the difference column)');
    });
  }
});
