// A voucher the shop issued (recorded) whose orders a later export shows the platform paid too
// (订单报表 延迟发货自动赔付金额, RULES 1.4): the buyer was paid twice. The row used to show
// paid_by_platform with an empty `recorded` and exit 0, as if the shop had never issued it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';

// 051: 1000.00 paid 05-01 10:00, 48 h window, shipped 1 s late: 5 % = 50.00.
const o = (platform: string) =>
  order('2000000000000000051', {
    买家会员名: 'R', 买家应付货款: '1000.00', 买家应付邮费: '0.00', 买家实际支付金额: '1000.00', 订单状态: '交易成功',
    订单付款时间: '2026-05-01 10:00:00', 订单创建时间: '2026-05-01 10:00:00', 发货时间: '2026-05-03 10:00:01', 延迟发货自动赔付金额: platform,
  });

describe('the platform paid an order the shop had already paid in a recorded voucher', () => {
  it('is reported as paid twice (exit 1 once), the row says already_recorded, nothing more to issue', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const a = path.join(dir, 'a.csv');
    const b = path.join(dir, 'b.csv');
    fs.writeFileSync(a, taobaoCsv([o('')]));
    fs.writeFileSync(b, taobaoCsv([o('50.00')]));
    const run = (f: string, ...more: string[]) => runCli(['compensate', f, '--record', '--state', state, '--as-of', '2026-06-01 00:00:00', '-f', 'json', ...more]);
    const r1 = run(a);
    expect((JSON.parse(r1.stdout) as Record<string, unknown>[]).map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['50.00', '50.00', 'new']]);
    const r2 = run(b);
    expect(r2.code).toBe(1);
    expect((JSON.parse(r2.stdout) as Record<string, unknown>[]).map((v) => [v.state, v.toIssue, v.recorded])).toEqual([['paid_by_platform', '0.00', 'already_recorded']]);
    expect(r2.stderr).toContain('the export shows the platform paid 50.00, but order 2000000000000000051 was already paid in voucher');
    expect(r2.stderr).toContain('paid twice; reconcile it with the platform');
    // Said once: the next hourly run lists it again without failing.
    const r3 = run(b);
    expect(r3.code).toBe(0);
    expect(r3.stderr).toContain('(reported before)');
    const zh = run(b, '--lang', 'zh');
    expect(zh.stderr).toContain('重复赔付, 请与平台核对');
    // The ledger is unchanged: the shop's 50.00.
    expect(runCli(['ledger', 'list', '--state', state]).stderr).toContain('1 voucher recorded, total 50.00');
  });
});
