// docs/rules.md §1.4: an order export with no 买家应付邮费 column at all is read as no postage, so
// under paid-minus-postage the base includes the postage and each payout is too large by the rate ×
// the postage. The run says so once per file (zh/en), naming the file and what to do; an item report
// (宝贝报表, no postage column by design) and storeops' own `orders normalize --lines` output do not.
import { describe, expect, it } from 'vitest';
import { T71, order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
// tmall-2026 (docs/rules.md §1.3): paid 2026-06-01 08:00 (Beijing), 48 h to ship (06-03 08:00),
// shipped 06-04 20:00: 36 h late, ≤ 72 h: 5 % of the base, clamped to 5.00–50.00.
//   with the postage column: base 400.00 − 20.00 = 380.00 → 5 % = 19.00
//   without it (documented reading: postage 0.00): base 400.00 → 5 % = 20.00 (1.00 = 5 % × 20.00 too much)
const row = order('5200000000000000001', {
  买家会员名: 'P',
  买家应付货款: '380.00',
  买家应付邮费: '20.00',
  买家实际支付金额: '400.00',
  订单状态: '交易成功',
  订单付款时间: '2026-06-01 08:00:00',
  订单创建时间: '2026-06-01 08:00:00',
  发货时间: '2026-06-04 20:00:00',
  宝贝标题: '普通毛巾',
});
const AS_OF = ['--as-of', '2026-07-01 00:00:00'];
const amounts = (out: string) => (JSON.parse(out) as Record<string, unknown>[]).map((v) => [v.baseAmount, v.amount]);
const WARN = 'has no 买家应付邮费 (postage) column';

describe('compensate: an order export without a 买家应付邮费 column', () => {
  const noCol = T71.filter((h) => h !== '买家应付邮费');
  const { 买家应付邮费: _dropped, ...rest } = row;
  const bare = write(dir, 'no-postage.csv', taobaoCsv([rest], noCol));
  const full = write(dir, 'full.csv', taobaoCsv([row]));

  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`warns once, naming the file and the consequence; the base is the whole payment (TZ=${tz})`, () => {
      const r = runCli(['compensate', bare, ...AS_OF, '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      expect(amounts(r.stdout)).toEqual([['400.00', '20.00']]);
      expect(r.stderr).toContain(`${bare} ${WARN}: the base of its 1 late order under paid-minus-postage includes the postage`);
      expect(r.stderr).toContain('--base paid');
      expect(r.stderr.split(WARN).length).toBe(2);
      const zh = runCli(['compensate', bare, ...AS_OF, '-f', 'json', '--lang', 'zh'], { tz });
      expect(zh.stderr).toContain(`${bare} 没有"买家应付邮费"列: 其中 1 个延迟订单`);
    });
  }

  it('--base paid (the whole payment, knowingly): no warning', () => {
    const r = runCli(['compensate', bare, ...AS_OF, '--base', 'paid', '-f', 'json']);
    expect(amounts(r.stdout)).toEqual([['400.00', '20.00']]);
    expect(r.stderr).not.toContain(WARN);
  });

  it('the full export (19.00) and its `orders normalize --lines` output: no warning', () => {
    const r = runCli(['compensate', full, ...AS_OF, '-f', 'json']);
    expect(amounts(r.stdout)).toEqual([['380.00', '19.00']]);
    expect(r.stderr).not.toContain(WARN);
    const norm = `${dir}/normalized.csv`;
    const n = runCli(['orders', 'normalize', full, '--lines', '-o', norm]);
    expect(n.code).toBe(0);
    const back = runCli(['compensate', norm, ...AS_OF, '-f', 'json']);
    expect(back.code).toBe(0);
    expect(amounts(back.stdout)).toEqual([['380.00', '19.00']]);
    expect(back.stderr).not.toContain(WARN);
  });

  it('an item report (宝贝报表, no postage column by design): no warning', () => {
    const HEAD =
      '子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品id,分阶段订单信息,主订单备注,主订单买家留言,发货时间,物流单号,物流公司,是否赔付,赔付金额,赔付出账时间,';
    // One line of 400.00, paid 06-01 08:00, shipped 06-04 20:00: 5 % × 400.00 = 20.00 (a line's base is its 买家实际支付金额, §1.3).
    const f = write(dir, 'items.csv', [HEAD, '="5200000000000000011",="5200000000000000001",t,400.00,1,,,,,交易成功,,,400.00,400.00,,0,2026-06-01 08:00:00,2026-06-01 08:00:00,,,,,2026-06-04 20:00:00,,,,,,', ''].join('\n'));
    const r = runCli(['compensate', f, ...AS_OF, '-f', 'json']);
    expect(r.code).toBe(0);
    expect(amounts(r.stdout)).toEqual([['400.00', '20.00']]);
    expect(r.stderr).not.toContain(WARN);
  });
});
