// RULES 1.1: presale goods ship by their own set time, which no Taobao/Tmall export holds. storeops
// judges them from the default window (paid + 48 h) as docs/rules.md §1.1 says, and now says so: a
// presale order judged late that way is named on stderr with what to do (it may be within its set
// time). The amounts are unchanged.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

describe('a presale order judged from the default window', () => {
  it('is named on stderr; the voucher is as before (10 % presale tier)', () => {
    const dir = tmpDir();
    const shipped = '卖家已发货，等待买家确认';
    const f = write(dir, 'orders.csv', taobaoCsv([
      // P: presale, paid 11-01 10:00, deadline paid + 48 h = 11-03 10:00, shipped 11-04 10:00 (24 h late):
      // tmall-2026 presale tier, 10 % × 300.00 = 30.00 (5.00–50.00).
      order('3515313147329351001', { 买家会员名: '小明', 订单状态: shipped, 订单创建时间: '2026-11-01 09:59:00', 订单付款时间: '2026-11-01 10:00:00', 发货时间: '2026-11-04 10:00:00', 买家应付货款: '300.00', 买家应付邮费: '0.00', 买家实际支付金额: '300.00', 预售订单: '是' }),
      // N: not presale, the same times: 5 % × 300.00 = 15.00; not named.
      order('3515313147329351002', { 买家会员名: '小红', 订单状态: shipped, 订单创建时间: '2026-11-01 09:59:00', 订单付款时间: '2026-11-01 10:00:00', 发货时间: '2026-11-04 10:00:00', 买家应付货款: '300.00', 买家应付邮费: '0.00', 买家实际支付金额: '300.00', 预售订单: '否' }),
    ]));
    const r = runCli(['compensate', f, '--as-of', '2026-11-20 00:00:00', '-f', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.amount])).toEqual([['小明', '30.00'], ['小红', '15.00']]);
    expect(r.stderr).toContain('1 presale order (预售订单 是) was judged late against the default window of 48 h from payment: 3515313147329351001. Presale goods ship by their own set time, which the export does not hold');
    expect(r.stderr).not.toContain('3515313147329351002.');
    const zh = runCli(['compensate', f, '--as-of', '2026-11-20 00:00:00', '--lang', 'zh']);
    expect(zh.stderr).toContain('1 个预售订单 (预售订单 是) 按付款后 48 小时的默认发货时限判为延迟: 3515313147329351001。');
  });
});
