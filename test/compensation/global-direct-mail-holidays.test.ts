// RULES 1.3c (tmall-global-2026): overseas direct mail / consolidated import ships within 120 h
// "excluding the origin's public holidays". No export holds the origin (Japan, Korea, Australia …) nor
// its holidays, so storeops counts 120 h straight from payment (--ship-within 120) and an order whose
// window held such holidays may be judged late, and paid, when it was not. Until now the run said
// nothing (docs/rules.md §1.3c did not mention the holidays either; user19, a 天猫国际 shop): a late
// order judged under a direct-mail window is now named on stderr with what to do, as a presale order
// judged from the default window is. The amounts are unchanged. Bonded orders (48 h) are not named.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const shipped = '卖家已发货，等待买家确认';

describe('tmall-global-2026: a late direct-mail order (120 h window)', () => {
  it('is named on stderr with the origin-holidays caveat; the amounts are as the rule says', () => {
    const dir = tmpDir();
    const f = write(dir, 'ExportOrderList202701101200.csv', taobaoCsv([
      // J: a Japanese direct-mail order paid 2026-12-29 10:00; 120 h straight → deadline 2027-01-03 10:00;
      // shipped 2027-01-04 10:00 = 24 h late → late tier 5 % × 600.00 = 30.00 (5.00–50.00).
      // Under the rule Japan's New Year holidays (12-31 … 01-03) are not counted: it was on time, owed
      // nothing. storeops cannot see that: 30.00 as before, and the order is named.
      order('3600200000000000001', { 买家会员名: '日本直邮买家', 订单状态: shipped, 订单创建时间: '2026-12-29 09:59:00', 订单付款时间: '2026-12-29 10:00:00', 发货时间: '2027-01-04 10:00:00', 买家应付货款: '600.00', 买家应付邮费: '0.00', 买家实际支付金额: '600.00' }),
      // K: paid 2027-01-05 10:00, shipped 2027-01-07 10:00 (48 h): within 120 h, on time, not named.
      order('3600200000000000002', { 买家会员名: '韩国直邮买家', 订单状态: shipped, 订单创建时间: '2027-01-05 09:59:00', 订单付款时间: '2027-01-05 10:00:00', 发货时间: '2027-01-07 10:00:00', 买家应付货款: '200.00', 买家应付邮费: '0.00', 买家实际支付金额: '200.00' }),
    ]));
    const r = runCli(['compensate', f, '--rules', 'tmall-global-2026', '--ship-within', '120', '--as-of', '2027-01-10 12:00:00', '-f', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.amount, v.kinds])).toEqual([['日本直邮买家', '30.00', ['late']]]);
    expect(r.stderr).toContain("1 late order judged under tmall-global-2026 with a ship window of 120 h (over 48 h): 3600200000000000001. Overseas direct mail / consolidated import ships within 120 h excluding the origin's public holidays (ruleId 2927), and the export shows neither the origin nor its holidays");
    expect(r.stderr).toContain('put an order shipped within its real window in --exclude');
    expect(r.stderr).not.toContain('3600200000000000002');
    const zh = runCli(['compensate', f, '--rules', 'tmall-global-2026', '--ship-within', '120', '--as-of', '2027-01-10 12:00:00', '--lang', 'zh']);
    expect(zh.stderr).toContain('1 个延迟订单按 tmall-global-2026 的 120 小时发货时限 (超过 48 小时) 判断: 3600200000000000001。海外直邮/集货进口的 120 小时不含发货地的法定节假日');
  });

  it('a bonded order (the default 48 h) late is not named', () => {
    const dir = tmpDir();
    // B: paid 2026-12-01 10:00, deadline 12-03 10:00, shipped 12-03 12:00: 2 h late, 5 % × 300.00 = 15.00.
    const f = write(dir, 'orders.csv', taobaoCsv([
      order('3600200000000000003', { 买家会员名: '保税买家', 订单状态: shipped, 订单创建时间: '2026-12-01 09:59:00', 订单付款时间: '2026-12-01 10:00:00', 发货时间: '2026-12-03 12:00:00', 买家应付货款: '300.00', 买家应付邮费: '0.00', 买家实际支付金额: '300.00' }),
    ]));
    const r = runCli(['compensate', f, '--rules', 'tmall-global-2026', '--as-of', '2026-12-05 12:00:00', '-f', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.amount])).toEqual([['保税买家', '15.00']]);
    expect(r.stderr).not.toContain('public holidays');
  });
});

describe('windowNote in a rule file is checked field by field', () => {
  it('a misspelt key inside it is refused, naming it; a good one is read', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { parseRuleSet } = await import('../../src/rules/parse.js');
    const base = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'templates', 'rules', 'tmall-global-2026.json'), 'utf8'));
    expect(parseRuleSet(base, 'g.json', true).windowNote?.window).toEqual({ over: 48, upTo: null });
    expect(() => parseRuleSet({ ...base, windowNote: { windw: { over: 48 }, note: base.windowNote.note } }, 'g.json')).toThrow('windowNote.windw');
  });
});
