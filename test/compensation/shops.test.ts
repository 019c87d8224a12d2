// RULES 1.3 第十二条 combines the same buyer's *and seller's* payments of a Beijing day: a buyer's
// cap is per shop (docs/rules.md §1.3a). Two shops' exports given to one run (no --record) pay each
// shop's buyer up to that shop's cap; Beijing days whatever the machine's zone.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { taobaoCsv } from '../orders/build.js';
import { shipped } from '../state/record-runs.js';

// tmall-2026 tier 5 (docs/rules.md §1.3): paid 06-01 (Beijing), 48 h to ship, shipped 06-04 20:00,
// ≤ 72 h late: 5 % of 1000.00 = 50.00 an order (max 50.00); the buyer's Beijing day capped at 500.00.
//   shop 1001: 11 orders paid 06-01 08:00 … 18:00 → 11 × 50.00 = 550.00 → 500.00
//   shop 2002: 2 orders paid 06-01 19:00 and 23:30 → 2 × 50.00 = 100.00
// Owed 600.00 in all. Buyer-only (the old code): one day of 13 orders, 650.00 → 500.00.
const ids = Array.from({ length: 13 }, (_, i) => String(5100000000000000100n + BigInt(i)));
const paid = (i: number) => (i < 12 ? `2026-06-01 ${String(8 + i).padStart(2, '0')}:00:00` : '2026-06-01 23:30:00');
const rows = ids.map((id, i) => ({
  ...shipped(id, 'Q', '1000.00', paid(i), '2026-06-04 20:00:00'),
  店铺Id: i < 11 ? '1001' : '2002',
  店铺名称: i < 11 ? '甲店' : '乙店',
}));

describe('compensate: two shops, one buyer, one day', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`each shop its own 500.00 cap (TZ=${tz})`, () => {
      const dir = tmpDir();
      const a = path.join(dir, 'a.csv');
      const b = path.join(dir, 'b.csv');
      fs.writeFileSync(a, taobaoCsv(rows.slice(0, 11)));
      fs.writeFileSync(b, taobaoCsv(rows.slice(11)));
      const r = runCli(['compensate', a, b, '--as-of', '2026-07-01 00:00:00', '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      const out = (JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.orderIds, v.amount, v.toIssue]);
      expect(out).toEqual([
        ['Q', ids.slice(0, 11), '500.00', '500.00'],
        ['Q', ids.slice(11), '100.00', '100.00'],
      ]);
      expect(r.stderr).toContain('storeops: this run holds the orders of 2 shops (1001, 2002)');
      expect(r.stderr).toContain('2 vouchers totalling 600.00 to issue');
    });
  }

  it('a 店铺Id written NaN (a pandas re-save of an empty cell) names no shop: one export is not refused', () => {
    // Two of shop-less buyer Q's orders of 06-01, 50.00 each as above (5 % of 1000.00): one row's
    // 店铺Id written `NaN`, the other's empty, both 店铺名称 empty. Neither names a shop, so the run
    // is not "mixed": one day, 100.00 (under the cap). The old code took `NaN` for a shop's id and
    // refused the file (exit 3, no voucher).
    const dir = tmpDir();
    const f = path.join(dir, 'nan.csv');
    fs.writeFileSync(f, taobaoCsv([{ ...rows[0]!, 店铺Id: 'NaN', 店铺名称: '' }, { ...rows[1]!, 店铺Id: '', 店铺名称: 'NaN' }]));
    const r = runCli(['compensate', f, '--as-of', '2026-07-01 00:00:00', '-f', 'json'], { tz: 'UTC' });
    expect(r.stderr).not.toContain('name their shop');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.orderIds, v.amount, v.toIssue])).toEqual([['Q', ids.slice(0, 2), '100.00', '100.00']]);
  });

  it('orders naming a shop and orders naming none: vouchers refused (exit 3), --at-risk still lists the orders', () => {
    const dir = tmpDir();
    const a = path.join(dir, 'a.csv');
    const n = path.join(dir, 'n.csv');
    const unshipped = { 订单状态: '买家已付款，等待卖家发货', 发货时间: '' };
    fs.writeFileSync(a, taobaoCsv([{ ...rows[0]!, ...unshipped }]));
    fs.writeFileSync(n, taobaoCsv([{ ...rows[1]!, ...unshipped, 店铺Id: '', 店铺名称: '' }]));
    // Unshipped at 07-01, long past their deadlines: late, vouchers to compute.
    const v = runCli(['compensate', a, n, '--as-of', '2026-07-01 00:00:00', '-f', 'json']);
    expect(v.code).toBe(3);
    expect(v.stdout).toBe('');
    // The refusal points at a row of each kind (file:line; line 1 is the header).
    expect(v.stderr).toContain(`some orders name their shop (店铺Id / 店铺名称; e.g. ${a}:2: 1001) and others do not (e.g. ${n}:2)`);
    // Both orders unshipped at 06-02 12:00, paid 06-01 08:00 / 09:00, due 06-03 08:00 / 09:00.
    const risk = runCli(['compensate', a, n, '--as-of', '2026-06-02 12:00:00', '--at-risk', '24', '-f', 'json']);
    expect(risk.stderr).not.toContain('name their shop');
    expect((JSON.parse(risk.stdout) as Record<string, unknown>[]).map((r) => r.orderId).sort()).toEqual(ids.slice(0, 2));
  });
});
