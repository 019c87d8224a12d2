// README, Privacy: a buyer nick that is a phone number is masked in compensate's rows unless
// --show-pii. Typed in full-width digits (a Chinese input method) it was shown whole (review25).
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

// Paid 05-01 10:00 (tmall-2026), 48 h window → deadline 05-03 10:00; shipped 05-04 10:00: 24 h late
// → 5 % × 300.00 = 15.00 (within 5.00–50.00).
const late = (id: string, buyer: string) =>
  order(id, { 买家会员名: buyer, 订单状态: '卖家已发货，等待买家确认', 订单创建时间: '2026-05-01 10:00:00', 订单付款时间: '2026-05-01 10:00:00', 发货时间: '2026-05-04 10:00:00', 买家应付货款: '300.00', 买家应付邮费: '0.00', 买家实际支付金额: '300.00', 宝贝标题: '羊毛围巾' });
const json = (r: { stdout: string }) => JSON.parse(r.stdout) as Record<string, unknown>[];

describe('a buyer nick in full-width digits is masked as a phone', () => {
  const dir = tmpDir();
  const f = write(dir, 'a.csv', taobaoCsv([late('3515313147329352101', '１３９２５１３０１６５'), late('3515313147329352102', 'jack１３９２５１３０１６６')]));

  // Rows in the order of the nick as written (j before the full-width １).
  it('voucher rows, --by order rows and csv; --show-pii shows the nick as written', () => {
    const r = runCli(['compensate', f, '--as-of', '2026-05-20 12:00:00', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(json(r).map((v) => [v.buyer, v.amount])).toEqual([['jack139****0166', '15.00'], ['139****0165', '15.00']]);
    const o = runCli(['compensate', f, '--as-of', '2026-05-20 12:00:00', '--by', 'order', '-f', 'json']);
    expect(json(o).map((v) => v.buyer)).toEqual(['jack139****0166', '139****0165']);
    const c = runCli(['compensate', f, '--as-of', '2026-05-20 12:00:00', '-f', 'csv']);
    expect(c.stdout).not.toMatch(/２５１３/);
    const p = runCli(['compensate', f, '--as-of', '2026-05-20 12:00:00', '--show-pii', '-f', 'json']);
    expect(json(p).map((v) => v.buyer)).toEqual(['jack１３９２５１３０１６６', '１３９２５１３０１６５']);
  });
});
