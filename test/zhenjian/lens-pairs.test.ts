// Contact lenses: the seed (002 Q5) says the institute buys "隐形眼镜最少20副" — at least 20 *pairs*
// (副: a pair of lenses, 2 片). The estimate bought 20 *units* whatever a unit holds, so a box of
// 10 daily lenses (5 pairs) was estimated at 20 boxes = 100 pairs, five times the rule (user15, 李姐's
// 日抛美瞳 10片装: 20 × 69 + 600 = 1980.00 charged, where 20 pairs are 4 boxes: 876.00).
// Now a category counted in pairs (categories.json "countedIn": "pair") reads the lenses a unit
// holds from the title (`10片装`, `6片`, `1副`, `2对`) and buys ceil(2 × pairs / lenses) units;
// with no count in the title a unit is taken as one pair, as before, and the row says how to tell it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Money } from '../../src/money.js';
import { TimeZone } from '../../src/time.js';
import { parseCategoryTable } from '../../src/zhenjian/categories.js';
import type { Product } from '../../src/zhenjian/fields.js';
import { type Settings, estimate, lensesPerUnit } from '../../src/zhenjian/model.js';
import { ROOT, runCli, tmpDir } from '../helpers.js';

const table = parseCategoryTable(JSON.parse(fs.readFileSync(path.join(ROOT, 'templates/zhenjian/categories.json'), 'utf8')), 'categories.json');
const m = (s: string) => new Money(s);
const s2 = (x: Money) => x.toFixed(2);
const settings = (): Settings => ({ commissionRate: m('0'), shippingPerSample: m('0'), farAboveRatio: m('2'), asOf: 0, tz: new TimeZone('Asia/Shanghai') });

function lens(title: string, over: Partial<Product> = {}): Product {
  return {
    itemId: '701234567803',
    title,
    category: '隐形眼镜',
    industry: '',
    listPrice: m('89'),
    dealPrice: m('69'),
    unitCost: m('15'),
    serviceFee: m('600'),
    samples: null,
    periodDays: 30,
    autoRenew: false,
    commissionRate: m('0.05'),
    shippingPerSample: m('0'),
    signedAt: null,
    displayFrom: null,
    expiresAt: null,
    stoppedAt: null,
    skuDiffers: [],
    ...over,
  };
}

describe('lenses a unit holds, from the title', () => {
  it('片 counts lenses, 副/对 pairs; full-width digits; none when the title names no count', () => {
    expect(lensesPerUnit('日抛美瞳 10片装')?.lenses).toBe(10);
    expect(lensesPerUnit('月抛隐形眼镜 6片装')?.lenses).toBe(6);
    expect(lensesPerUnit('年抛美瞳 1副')?.lenses).toBe(2);
    expect(lensesPerUnit('半年抛 2对装')?.lenses).toBe(4);
    expect(lensesPerUnit('日抛 ３０片')?.lenses).toBe(30);
    expect(lensesPerUnit('日抛 10片装')?.said).toBe('10片装');
    expect(lensesPerUnit('彩色隐形眼镜 年抛')).toBeUndefined();
    expect(lensesPerUnit('护理液 500ml')).toBeUndefined();
  });
});

describe('contact lenses: at least 20 pairs, bought in the units the product is sold in', () => {
  it('日抛美瞳 10片装: 20 pairs = 40 lenses = 4 boxes; charged 4 × 69 + 600 = 876.00 (was 20 boxes, 1980.00)', () => {
    const e = estimate(lens('日抛美瞳 10片装'), table, settings());
    // 20 pairs × 2 = 40 lenses; 40 / 10 a box = 4 boxes
    expect([e.samplesMin, e.samplesMax]).toEqual([4, 4]);
    // registration 89 + 600 = 689.00 (one unit at the list price, unchanged)
    expect(s2(e.registrationEstimate)).toBe('689.00');
    // charged 4 × 69 + 600 = 276 + 600 = 876.00
    expect([s2(e.chargedMin), s2(e.chargedMax)]).toEqual(['876.00', '876.00']);
    // real: 4 × (15 + 0 + 69 × 0.05 = 3.45) = 4 × 18.45 = 73.80; + 600 = 673.80
    expect([s2(e.realCostMin), s2(e.realCostMax)]).toEqual(['673.80', '673.80']);
    // 876 / 689 = 1.27, not more than 2×: no far-above warning
    expect(e.warnings.map((w) => w.code)).toEqual(['samples_from_pack', 'samples_open_ended']);
    expect(e.warnings[0]!.text.en).toBe('this category counts pairs: at least 20 pairs = 40 lenses; the title\'s "10片装" is 10 lenses a unit, so 4 units are estimated; if that is wrong, write the units to buy in samples');
    expect(e.warnings[0]!.text.zh).toBe('该类目按副计: 至少 20 副 = 40 片; 标题 "10片装" 每件 10 片, 按 4 件估算; 若不对, 在 样品数 写要买的件数');
  });

  it('月抛隐形眼镜 6片装 (the example): 40 lenses / 6 = 6.67, rounded up to 7; 7 × 99 + 600 = 1293.00 (was 2580.00)', () => {
    const e = estimate(lens('月抛隐形眼镜 6片装', { listPrice: m('128'), dealPrice: m('99'), unitCost: m('30'), periodDays: 30, autoRenew: true }), table, settings());
    expect([e.samplesMin, e.samplesMax]).toEqual([7, 7]);
    expect(s2(e.chargedMax)).toBe('1293.00');
    // real 7 × (30 + 0 + 99 × 0.05 = 4.95) = 7 × 34.95 = 244.65; + 600 = 844.65
    expect(s2(e.realCostMax)).toBe('844.65');
    // 30-day auto-renew: 13 tests; 13 × 1293.00 = 16809.00; 13 × 844.65 = 10980.45
    expect([e.testsPerYear, s2(e.annualChargedMax), s2(e.annualRealCostMax)]).toEqual([13, '16809.00', '10980.45']);
  });

  it('年抛 1片装: a single lens a unit, 40 units (more than the 20 a pair a unit would give)', () => {
    const e = estimate(lens('年抛美瞳 1片装'), table, settings());
    expect([e.samplesMin, e.samplesMax]).toEqual([40, 40]);
    // 40 × 69 + 600 = 2760 + 600 = 3360.00
    expect(s2(e.chargedMax)).toBe('3360.00');
  });

  it('no count in the title: one pair a unit, 20 units, as before; the open-ended warning says how to tell it', () => {
    const e = estimate(lens('彩色隐形眼镜 年抛'), table, settings());
    expect([e.samplesMin, e.samplesMax]).toEqual([20, 20]);
    // 20 × 69 + 600 = 1980.00
    expect(s2(e.chargedMax)).toBe('1980.00');
    expect(e.warnings.map((w) => w.code)).toEqual(['samples_open_ended', 'charge_far_above_estimate']);
    expect(e.warnings[0]!.text.en).toBe(
      'this category buys at least 20 samples, as many as the institute needs; the charge may be higher; counted as one pair a unit: when a unit holds more (10片装), say so in the title or write the units in samples',
    );
    expect(e.warnings[0]!.text.zh).toBe('该类目至少购样 20 件, 以机构实际需要为准, 费用可能更高; 按每件 1 副计: 每件不止 1 副时 (如 10片装), 在标题写明片数, 或在 样品数 写件数');
  });

  it('a samples count typed in the row is units and wins, as before', () => {
    const e = estimate(lens('日抛美瞳 10片装', { samples: 6 }), table, settings());
    expect([e.samplesMin, e.samplesMax]).toEqual([6, 6]);
    expect(e.warnings.map((w) => w.code)).toEqual([]);
  });

  it('ordinary goods are not touched by a 片 in the title (面膜 10片装: 3–5 boxes)', () => {
    const e = estimate(lens('玻尿酸补水面膜 10片装', { category: '面膜' }), table, settings());
    expect([e.samplesMin, e.samplesMax]).toEqual([3, 5]);
  });
});

describe('CLI: 李姐\'s lens row, csv in Chinese', () => {
  it('日抛美瞳 10片装 → 4 samples, 876.00 charged, the code shown as 按包装折算', () => {
    const f = path.join(tmpDir('zj-lens-'), 'p.csv');
    fs.writeFileSync(f, '商品ID,商品标题,类目,一口价,到手价,成本,服务费,佣金率\n701234567803,日抛美瞳 10片装,隐形眼镜/护理液 > 彩色隐形眼镜,89,69,15,600,5%\n');
    const r = runCli(['zhenjian', 'estimate', f, '-f', 'json', '--lang', 'en']);
    expect(r.code).toBe(0);
    const p = (JSON.parse(r.stdout) as Record<string, unknown>[])[0]!;
    expect([p.samplesMin, p.samplesMax, p.chargedMax, p.realCostMax]).toEqual([4, 4, '876.00', '673.80']);
    expect(p.warningCodes).toEqual(['category_from_path', 'samples_from_pack', 'samples_open_ended']);
    const zh = runCli(['zhenjian', 'estimate', f, '-f', 'csv', '--lang', 'zh']);
    expect(zh.stdout).toContain('按包装折算');
  });
});
