// RULES 1.1: "A closed order whose close time is unknown and which never shipped cannot be judged:
// count and report it, never guess." It was counted (closed_unshipped=N in the summary) but never
// named: the operator could not tell which orders to check. Each is now named with file:line.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

describe('closed orders that never shipped, seen after their deadline', () => {
  const dir = tmpDir();
  // Paid 11-10 10:00:00, deadline 11-12 10:00:00, as-of 11-30: 4200…02 closed (退款), no 发货时间 → not judged.
  // 4200…01 closed after shipping 1 h late: judged by its ship time, 5 % × 300.00 = 15.00 (refunds not subtracted).
  const f = write(
    dir,
    'orders.csv',
    taobaoCsv([
      order('4200000000000000001', { 订单状态: '交易关闭', 订单关闭原因: '退款', 订单付款时间: '2026-11-10 10:00:00', 买家应付货款: '300.00', 买家应付邮费: '0.00', 买家实际支付金额: '300.00', 发货时间: '2026-11-12 11:00:00' }),
      order('4200000000000000002', { 买家会员名: '阿花', 订单状态: '交易关闭', 订单关闭原因: '退款', 订单付款时间: '2026-11-10 10:00:00', 买家应付货款: '300.00', 买家应付邮费: '0.00', 买家实际支付金额: '300.00' }),
    ]),
  );
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`named with file:line (zh and en); the money and the exit code are unchanged — TZ=${tz}`, () => {
      const r = runCli(['compensate', f, '--as-of', '2026-11-30 12:00:00', '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.orderIds, v.amount])).toEqual([[['4200000000000000001'], '15.00']]);
      expect(r.stderr).toContain('not judged (closed_unshipped=1)');
      expect(r.stderr).toContain(`1 closed order never shipped and has no close time in the export, so whether it was closed before the deadline cannot be told (closed_unshipped); not judged: 4200000000000000002 (${f}:3).`);
      const zh = runCli(['compensate', f, '--as-of', '2026-11-30 12:00:00', '-f', 'json', '--lang', 'zh'], { tz });
      // The zh text says what the en text says (it added "seen only after the deadline", which neither the rule nor the run knows).
      expect(zh.stderr).toContain(`1 个已关闭且从未发货的订单, 报表没有关闭时间, 无法判断是否在截止前关闭 (关闭未发货), 未判断: 4200000000000000002 (${f}:3)。`);
      expect(zh.stderr).toContain(`4200000000000000002 (${f}:3)`);
    });
  }
  it('before its deadline it is closed in time: nothing named', () => {
    const r = runCli(['compensate', f, '--as-of', '2026-11-12 09:00:00', '-f', 'json']);
    expect(r.stderr).not.toContain('closed_unshipped');
  });
});
