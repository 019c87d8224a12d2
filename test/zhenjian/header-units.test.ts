// A shop's own product sheet writes units after the header names: 一口价(元), 到手价（元）, 成本价,
// 服务费(元), 展示周期(天), 每件运费(元). Refused before, exit 3: 'required column "listPrice" is missing
// (columns found: … 一口价(元) …)'. Now read as the plain names, only when the plain name is absent.
// 佣金率(%) with a bare 5 is still refused (never read as 500 % nor guessed as 5 %).
import { describe, expect, it } from 'vitest';
import { mapHeader, withoutUnit } from '../../src/io/table.js';
import { PRODUCT_FIELDS } from '../../src/zhenjian/fields.js';
import { runCli } from '../helpers.js';

describe('甄检 product headers with a unit (user11)', () => {
  it('withoutUnit strips (元) （元） (%) (天) /元, nothing else', () => {
    expect(['一口价(元)', '到手价（元）', '佣金率(%)', '展示周期(天)', '服务费/元', '一口价 (元/件)', '价格说明', '商品总价(元)x'].map(withoutUnit)).toEqual([
      '一口价', '到手价', '佣金率', '展示周期', '服务费', '一口价', '价格说明', '商品总价(元)x',
    ]);
  });

  it('the plain name wins over a unit header: 一口价 and 一口价(元) both present reads 一口价', () => {
    const m = mapHeader(['一口价(元)', '一口价', '成本', '服务费'], PRODUCT_FIELDS);
    expect(m.index.get('listPrice')).toBe(1);
    expect(m.unmapped).toEqual(['一口价(元)']);
  });

  it.each(['UTC', 'America/Los_Angeles'])('estimate reads 一口价(元), 到手价（元）, 成本价, 服务费(元), 展示周期(天), 每件运费(元) (TZ=%s)', (tz) => {
    const csv = '商品ID,商品名称,类目,一口价(元),到手价（元）,成本价,服务费(元),展示周期(天),佣金率,每件运费(元)\n680012345678,真丝连衣裙,女装,299.00,199.00,80.00,450.00,180,5%,8.00\n';
    const r = runCli(['zhenjian', 'estimate', '-', '-f', 'json', '--as-of', '2026-11-20 12:00:00'], { input: csv, tz });
    expect(r.stderr).not.toContain('missing');
    expect(r.code).toBe(0);
    const [p] = JSON.parse(r.stdout) as Record<string, unknown>[];
    // By hand (RULES §3), as the README's dress: registration 299 + 450 = 749.00;
    // charged 3 × 199 + 450 = 1047.00 to 5 × 199 + 450 = 1445.00;
    // real cost per sample 80 + 8 + 199 × 5 % = 97.95: 3 × 97.95 + 450 = 743.85 to 5 × 97.95 + 450 = 939.75.
    expect(p).toMatchObject({ registrationEstimate: '749.00', chargedMin: '1047.00', chargedMax: '1445.00', realCostMin: '743.85', realCostMax: '939.75', periodDays: 180 });
  });

  it('佣金率(%) 5 is refused, not read as 500 % or 5 %', () => {
    const csv = '商品ID,一口价(元),成本(元),服务费(元),佣金率(%)\n1,100,50,10,5\n';
    const r = runCli(['zhenjian', 'estimate', '-', '-f', 'json'], { input: csv });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('[佣金率(%)]: "5" must be below 1: 5 is 500%; for 5% write 0.05 or 5%');
  });
});

// A sheet with 活动价 (the promotion's price, what a buyer pays before coupons) and no 到手价: before,
// '列已忽略: 活动价' and the deal price fell back to the list price 299, charged 3 × 299 + 450 = 1347.00
// to 5 × 299 + 450 = 1945.00 (500.00 too much), real cost 80 + 8 + 299 × 5 % = 102.95 a sample,
// 758.85–964.75. RULES §3: samples are bought at the actual deal price, coupons not applied.
describe('甄检 活动价 is the deal price when there is no 到手价 column', () => {
  it.each(['UTC', 'America/Los_Angeles'])('the README dress with 活动价 199 instead of 到手价 (TZ=%s)', (tz) => {
    const csv = '商品ID,商品标题,类目,一口价,活动价,成本,服务费,展示周期,自动续费,佣金率,每件运费\n680012345678,真丝连衣裙,女装,299.00,199.00,80.00,450.00,180,是,5%,8.00\n';
    const r = runCli(['zhenjian', 'estimate', '-', '-f', 'json', '--as-of', '2026-11-20 12:00:00'], { input: csv, tz });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('活动价');
    const [p] = JSON.parse(r.stdout) as Record<string, unknown>[];
    // By hand, as the README's dress: registration 299 + 450 = 749.00 (list price, unchanged);
    // charged 3 × 199 + 450 = 1047.00 to 5 × 199 + 450 = 1445.00;
    // real cost per sample 80 + 8 + 199 × 0.05 = 97.95: 3 × 97.95 + 450 = 743.85 to 5 × 97.95 + 450 = 939.75;
    // 3 tests a year (180-day, auto-renew) → 3 × 1445 = 4335.00.
    expect(p).toMatchObject({ dealPrice: '199.00', registrationEstimate: '749.00', chargedMin: '1047.00', chargedMax: '1445.00', realCostMin: '743.85', realCostMax: '939.75', annualChargedMax: '4335.00' });
  });

  it('到手价 wins over 活动价, also when it carries its unit; 活动价 is then ignored (reported)', () => {
    expect(mapHeader(['一口价', '活动价', '到手价', '成本', '服务费'], PRODUCT_FIELDS).index.get('dealPrice')).toBe(2);
    const m = mapHeader(['一口价', '活动价', '到手价（元）', '成本', '服务费'], PRODUCT_FIELDS);
    expect(m.index.get('dealPrice')).toBe(2);
    expect(m.unmapped).toEqual(['活动价']);
    // 活动价 with a unit is read too; 券后价 (coupons applied) is not a deal price for the samples.
    expect(mapHeader(['一口价', '活动价(元)', '成本', '服务费'], PRODUCT_FIELDS).index.get('dealPrice')).toBe(1);
    expect(mapHeader(['一口价', '券后价', '成本', '服务费'], PRODUCT_FIELDS).index.has('dealPrice')).toBe(false);
  });
});
