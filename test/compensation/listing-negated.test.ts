// RULES 1.3 (tmall-2026): listing text tightens the window — "现货" 48 h, "极速发/秒发/当日发/次日达"
// 24 h. A title that says it does NOT promise it (【非现货】, 暂无现货, 不支持极速发) promises nothing: it
// was matched as a substring and tightened the window, paying vouchers for orders shipped in time.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const shipped = '卖家已发货，等待买家确认';
const o = (id: string, buyer: string, title: string, paidAt: string, shippedAt: string) =>
  order(id, { 买家会员名: buyer, 订单状态: shipped, 订单创建时间: paidAt, 订单付款时间: paidAt, 发货时间: shippedAt, 买家应付货款: '300.00', 买家应付邮费: '0.00', 买家实际支付金额: '300.00', 宝贝标题: title });
const rows = (r: { stdout: string }) => (JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.orderIds, v.amount]);

describe('a negated listing word does not tighten the ship window (tmall-2026)', () => {
  it('【非现货】预售15天内发货 under --ship-within 360: shipped on day 4, nothing owed', () => {
    const dir = tmpDir();
    // Paid 05-01 10:00, window 360 h (--ship-within: the presale's set time) → deadline 05-16 10:00;
    // shipped 05-05 10:00: on time, no voucher. Before: "现货" read in "非现货" cut the window to 48 h
    // → 48 h late → 5 % × 300.00 = 15.00.
    const f = write(dir, 'a.csv', taobaoCsv([o('3515313147329352001', '小明', '【非现货】预售15天内发货 羊毛围巾', '2026-05-01 10:00:00', '2026-05-05 10:00:00')]));
    const r = runCli(['compensate', f, '--as-of', '2026-05-20 12:00:00', '--ship-within', '360', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(rows(r)).toEqual([]);
  });

  it('不支持极速发 keeps the 48 h window; 极速发 alone still means 24 h', () => {
    const dir = tmpDir();
    // N: "不支持极速发", paid 05-01 10:00, 48 h → deadline 05-03 10:00, shipped exactly then: on time.
    //    Before: 24 h → 24 h late → 5 % × 300.00 = 15.00.
    // F: "极速发", paid 05-01 11:00, 24 h → deadline 05-02 11:00, shipped 05-02 12:00 (1 h late):
    //    5 % × 300.00 = 15.00 (5.00–50.00).
    const f = write(dir, 'b.csv', taobaoCsv([
      o('3515313147329352002', '小红', '羊毛围巾 不支持极速发', '2026-05-01 10:00:00', '2026-05-03 10:00:00'),
      o('3515313147329352003', '小兰', '极速发 羊毛围巾', '2026-05-01 11:00:00', '2026-05-02 12:00:00'),
    ]));
    const r = runCli(['compensate', f, '--as-of', '2026-05-20 12:00:00', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(rows(r)).toEqual([[['3515313147329352003'], '15.00']]);
  });

  it('现货不足 / 现货售罄 promise nothing; 南非 现货 still promises 48 h (review12)', () => {
    const dir = tmpDir();
    // A: "现货不足 预售15天发货", paid 05-01 10:00, --ship-within 360 → deadline 05-16 10:00; shipped
    //    05-05 10:00: on time. Before: 现货 → 48 h → 48 h late → 5 % × 300.00 = 15.00.
    // B: "【现货】已售罄 预售", the same times: on time (before: 15.00).
    // C: "南非 现货 红酒" (South African, in stock: 南非 is no negation), the same times: 48 h window
    //    → deadline 05-03 10:00, shipped 05-05 10:00: 48 h late → 5 % × 300.00 = 15.00 (5.00–50.00).
    //    Before this change 南非 read as 非 and the order was judged on time against 360 h.
    const f = write(dir, 'c.csv', taobaoCsv([
      o('3515313147329352004', '小青', '现货不足 预售15天发货 羊毛围巾', '2026-05-01 10:00:00', '2026-05-05 10:00:00'),
      o('3515313147329352005', '小紫', '【现货】已售罄 预售 羊毛围巾', '2026-05-01 10:00:00', '2026-05-05 10:00:00'),
      o('3515313147329352006', '小白', '南非 现货 红酒', '2026-05-01 10:00:00', '2026-05-05 10:00:00'),
    ]));
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const r = runCli(['compensate', f, '--as-of', '2026-05-20 12:00:00', '--ship-within', '360', '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      expect(rows(r)).toEqual([[['3515313147329352006'], '15.00']]);
    }
  });
});
