// A voucher recorded, then a later export moves its order's paid time (the platform corrected it,
// or an export written in another zone): compensate shows the window where it opens now, but
// `ledger list` kept showing where it opened when recorded, with nothing saying it had moved. The
// record stays as recorded (windowStart: caps of runs that do not see the voucher go by it); the
// start the latest recording run's export gives is shown beside it (windowStartNow) while it differs.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';

// tmall-2026: 1000.00 paid 05-01 10:00:00 → deadline 05-03 10:00:00; shipped 05-04 10:00:00, 24 h late:
// 5 % × 1000.00 = 50.00 (the 50.00 maximum). Paid 10:30:00 instead: deadline 05-03 10:30:00, 23.5 h
// late, still 50.00: the same voucher (same order), already recorded.
const row = (paid: string) =>
  order('2000000000000000081', {
    买家会员名: 'W', 买家应付货款: '1000.00', 买家应付邮费: '0.00', 买家实际支付金额: '1000.00', 订单状态: '交易成功',
    订单付款时间: paid, 订单创建时间: '2026-05-01 09:59:00', 发货时间: '2026-05-04 10:00:00',
  });

describe('ledger list after a later export moved a recorded voucher\'s paid time', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`shows the recorded windowStart and the current one (windowStartNow) while they differ (TZ=${tz})`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = path.join(dir, 'a.csv');
      const run = () => runCli(['compensate', f, '--record', '--state', state, '--as-of', '2026-06-01 00:00:00', '-f', 'json'], { tz });
      const list = () => JSON.parse(runCli(['ledger', 'list', '--state', state, '-f', 'json'], { tz }).stdout) as Record<string, unknown>[];
      const pick = (v: Record<string, unknown>) => [v.amount, v.windowStart, v.windowStartNow];
      fs.writeFileSync(f, taobaoCsv([row('2026-05-01 10:00:00')]));
      expect((JSON.parse(run().stdout) as Record<string, unknown>[]).map((v) => [v.amount, v.windowStart, v.recorded])).toEqual([['50.00', '2026-05-01T10:00:00+08:00', 'new']]);
      expect(list().map(pick)).toEqual([['50.00', '2026-05-01T10:00:00+08:00', null]]);
      // The later export: paid 10:30:00. compensate shows 10:30; ledger list kept 10:00 alone.
      fs.writeFileSync(f, taobaoCsv([row('2026-05-01 10:30:00')]));
      expect((JSON.parse(run().stdout) as Record<string, unknown>[]).map((v) => [v.amount, v.windowStart, v.recorded])).toEqual([['50.00', '2026-05-01T10:30:00+08:00', 'already_recorded']]);
      expect(list().map(pick)).toEqual([['50.00', '2026-05-01T10:00:00+08:00', '2026-05-01T10:30:00+08:00']]);
      const csv = runCli(['ledger', 'list', '--state', state], { tz }).stdout;
      expect(csv.split('\n')[0]).toBe('voucherKey,buyer,rules,orderIds,amount,covered,windowStart,recordedAt,kind,reissueOf,shop,windowStartNow,buyerNow,issued');
      expect(csv.split('\n')[1]).toMatch(/,50\.00,0\.00,2026-05-01 10:00:00,[^,]+,voucher,,,2026-05-01 10:30:00,,50.00$/);
      // Back where it was recorded: nothing beside it.
      fs.writeFileSync(f, taobaoCsv([row('2026-05-01 10:00:00')]));
      run();
      expect(list().map(pick)).toEqual([['50.00', '2026-05-01T10:00:00+08:00', null]]);
    });
  }
});
