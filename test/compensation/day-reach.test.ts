// RULES 1.3 第十二条: the buyer's payments of one Beijing calendar day are combined. An order paid
// earlier that day with a longer ship window may still turn late after a later order's voucher is
// complete: the day's voucher is provisional until it cannot change. It was called final (only
// orders paid after the window's first late order were looked at), recorded, and the next run found
// the day grown: a conflict for a person to settle (exit 1).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';

const o = (id: string, paidAt: string, shippedAt: string, title: string) =>
  order(id, {
    买家会员名: 'Q', 买家应付货款: '1000.00', 买家应付邮费: '0.00', 买家实际支付金额: '1000.00', 订单状态: shippedAt ? '交易成功' : '买家已付款，等待卖家发货',
    订单付款时间: paidAt, 订单创建时间: paidAt, 发货时间: shippedAt, 宝贝标题: title,
  });

describe('an open order paid earlier the same day keeps the day\'s voucher provisional (tmall-2026)', () => {
  it('provisional while it may still turn late; final, recorded once, with both orders when it did', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    // 041: paid 05-01 08:00, 48 h window (deadline 05-03 08:00), unshipped at as-of 05-02 12:00: not yet due.
    // 042: paid 05-01 10:00, "极速发" = 24 h window (deadline 05-02 10:00), shipped 05-02 11:00: 1 h late, 5 % of 1000 = 50.00.
    const a = path.join(dir, 'a.csv');
    fs.writeFileSync(a, taobaoCsv([o('2000000000000000041', '2026-05-01 08:00:00', '', '普通毛巾'), o('2000000000000000042', '2026-05-01 10:00:00', '2026-05-02 11:00:00', '极速发毛巾')]));
    const r1 = runCli(['compensate', a, '--record', '--state', state, '--as-of', '2026-05-02 12:00:00', '-f', 'json']);
    expect(r1.code).toBe(0);
    expect((JSON.parse(r1.stdout) as Record<string, unknown>[]).map((v) => [v.amount, v.state, v.recorded])).toEqual([['50.00', 'provisional', '']]);
    // 041 shipped 05-04 08:00: 24 h late, 50.00. The day: 50 + 50 = 100.00, recorded once, no conflict.
    const b = path.join(dir, 'b.csv');
    fs.writeFileSync(b, taobaoCsv([o('2000000000000000041', '2026-05-01 08:00:00', '2026-05-04 08:00:00', '普通毛巾'), o('2000000000000000042', '2026-05-01 10:00:00', '2026-05-02 11:00:00', '极速发毛巾')]));
    const r2 = runCli(['compensate', b, '--record', '--state', state, '--as-of', '2026-05-05 12:00:00', '-f', 'json']);
    expect(r2.code).toBe(0);
    expect((JSON.parse(r2.stdout) as Record<string, unknown>[]).map((v) => [v.amount, v.state, v.recorded, v.toIssue])).toEqual([['100.00', 'final', 'new', '100.00']]);
  });
});
