// RULES §3 cost model, numbers worked by hand from the rule text.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Money } from '../../src/money.js';
import { TimeZone, parseTime } from '../../src/time.js';
import { parseCategoryTable } from '../../src/zhenjian/categories.js';
import type { Product } from '../../src/zhenjian/fields.js';
import { type Settings, estimate, reapplyFrom, testsPerYear, total } from '../../src/zhenjian/model.js';
import { ROOT } from '../helpers.js';

const table = parseCategoryTable(JSON.parse(fs.readFileSync(path.join(ROOT, 'templates/zhenjian/categories.json'), 'utf8')), 'categories.json');
const tz = new TimeZone('Asia/Shanghai');
const at = (s: string) => parseTime(s, tz) as number;
const m = (s: string) => new Money(s);

function product(over: Partial<Product> = {}): Product {
  return {
    itemId: '1',
    title: 't',
    category: '女装',
    industry: '',
    listPrice: m('299'),
    dealPrice: m('199'),
    unitCost: m('80'),
    serviceFee: m('450'),
    samples: null,
    periodDays: 180,
    autoRenew: true,
    commissionRate: m('0.05'),
    shippingPerSample: m('8'),
    signedAt: null,
    displayFrom: null,
    expiresAt: null,
    stoppedAt: null,
    skuDiffers: [],
    ...over,
  };
}

function settings(over: Partial<Settings> = {}): Settings {
  return { commissionRate: m('0'), shippingPerSample: m('0'), farAboveRatio: m('2'), asOf: at('2026-11-20 11:00:00'), tz, ...over };
}

const s2 = (x: Money) => x.toFixed(2);

describe('cost model (RULES §3)', () => {
  it('the yearly maximum multiplies the per-test maximum as shown (rounded to the fen), not the unrounded cost', () => {
    // deal 199.99, commission 5 %: 9.9995; per sample 80 + 8 + 9.9995 = 97.9995; × 5 + 450 = 939.9975 → 940.00 (half-up).
    // 3 tests: 3 × 940.00 = 2820.00 (3 × 939.9975 = 2819.9925 would round to 2819.99). Charged: 5 × 199.99 + 450 = 1449.95; × 3 = 4349.85.
    const e = estimate(product({ dealPrice: m('199.99') }), table, settings());
    expect([s2(e.realCostMax), s2(e.annualRealCostMax), s2(e.chargedMax), s2(e.annualChargedMax)]).toEqual(['940.00', '2820.00', '1449.95', '4349.85']);
  });

  it('ordinary goods: registration estimate vs real charge vs real cost', () => {
    const e = estimate(product(), table, settings());
    // 女装 → ordinary range 3–5 samples (Q5).
    expect([e.samplesMin, e.samplesMax]).toEqual([3, 5]);
    // registration: one unit at the list price + fee = 299 + 450 = 749 (Q20, Q21)
    expect(s2(e.registrationEstimate)).toBe('749.00');
    // charged: samples × deal price + fee: 3×199+450 = 1047; 5×199+450 = 1445 (Q12.1, Q20)
    expect(s2(e.chargedMin)).toBe('1047.00');
    expect(s2(e.chargedMax)).toBe('1445.00');
    // real cost per sample: 80 + 8 + 199×0.05 (9.95) = 97.95; ×3 + 450 = 743.85; ×5 + 450 = 939.75 (Q12)
    expect(s2(e.realCostMin)).toBe('743.85');
    expect(s2(e.realCostMax)).toBe('939.75');
    // 180-day auto-renew: ceil(365/180) = 3 tests; 3 × 1445 = 4335; 3 × 939.75 = 2819.25
    expect(e.testsPerYear).toBe(3);
    expect(s2(e.annualChargedMax)).toBe('4335.00');
    expect(s2(e.annualRealCostMax)).toBe('2819.25');
    expect(e.rules).toBe('zhenjian-2022');
    expect(e.industry).toBe('服饰');
    expect(e.eligible).toBe(true);
    // 1445 / 749 = 1.93 ≤ 2: no "far above" explanation
    expect(e.warnings.map((w) => w.code)).toEqual([]);
  });

  it('deal price defaults to the list price; commission and shipping from settings', () => {
    const e = estimate(product({ dealPrice: null, commissionRate: null, shippingPerSample: null, samples: 2 }), table, settings({ commissionRate: m('0.03'), shippingPerSample: m('6.5') }));
    // 2 × 299 + 450 = 1048
    expect(s2(e.chargedMax)).toBe('1048.00');
    // per sample 80 + 6.5 + 299×0.03 (8.97) = 95.47; ×2 = 190.94; + 450 = 640.94
    expect(s2(e.realCostMax)).toBe('640.94');
    expect(e.warnings.map((w) => w.code)).toEqual(['samples_below_category']);
  });

  it('rounds the real cost half-up to the fen once', () => {
    // per sample 10 + 0 + 33.33×0.025 (0.83325) = 10.83325; ×3 = 32.49975 + 0 fee = 32.50 (half-up)
    const e = estimate(product({ listPrice: m('33.33'), dealPrice: null, unitCost: m('10'), serviceFee: m('0'), shippingPerSample: m('0'), commissionRate: m('0.025'), samples: 3 }), table, settings());
    expect(s2(e.realCostMax)).toBe('32.50');
  });

  it('contact lenses buy at least 20 and the charge is explained when far above the estimate', () => {
    const e = estimate(product({ category: '隐形眼镜', listPrice: m('128'), dealPrice: m('99'), unitCost: m('30'), serviceFee: m('600'), shippingPerSample: m('0'), periodDays: 30 }), table, settings());
    expect([e.samplesMin, e.samplesMax]).toEqual([20, 20]);
    // registration 128 + 600 = 728; charged 20×99 + 600 = 2580; 2580 > 2×728 = 1456 → explained
    expect(s2(e.registrationEstimate)).toBe('728.00');
    expect(s2(e.chargedMax)).toBe('2580.00');
    // real: 20 × (30 + 0 + 4.95) + 600 = 699 + 600 = 1299
    expect(s2(e.realCostMax)).toBe('1299.00');
    // 30-day auto-renew: ceil(365/30) = 13; 13 × 2580 = 33540
    expect(e.testsPerYear).toBe(13);
    expect(s2(e.annualChargedMax)).toBe('33540.00');
    expect(e.warnings.map((w) => w.code)).toEqual(['samples_open_ended', 'charge_far_above_estimate']);
    // 2580 / 728 = 3.54 → 3.5×
    expect(e.warnings[1]!.text.en).toContain('3.5×');
    expect(e.warnings[1]!.text.zh).toContain('报名页按一口价算 1 件');
  });

  it('the far-above threshold is a setting and is strict (> ratio)', () => {
    // charged max 5×199+450 = 1445; registration 749; 1445/749 = 1.93 > 1.9 → explained
    expect(estimate(product(), table, settings({ farAboveRatio: m('1.9') })).warnings.map((w) => w.code)).toEqual(['charge_far_above_estimate']);
    // edge: exactly 2× is not "above": list = deal = 100, fee 100, 3 samples → 3×100 + 100 = 400 = 2 × (100 + 100)
    expect(estimate(product({ listPrice: m('100'), dealPrice: m('100'), serviceFee: m('100'), samples: 3 }), table, settings()).warnings).toEqual([]);
  });

  it('unknown category uses the ordinary range and says so; ineligible industry warns', () => {
    const u = estimate(product({ category: '宠物用品' }), table, settings());
    expect([u.samplesMin, u.samplesMax]).toEqual([3, 5]);
    expect(u.eligible).toBeNull();
    expect(u.warnings.map((w) => w.code)).toEqual(['unknown_category']);
    const f = estimate(product({ category: '家具' }), table, settings());
    expect(f.eligible).toBe(false);
    expect(f.warnings.map((w) => w.code)).toEqual(['ineligible_industry']);
    // an industry column overrides: unknown category in an eligible industry
    const i = estimate(product({ category: '发饰', industry: '服饰' }), table, settings());
    expect(i.eligible).toBe(true);
    expect(i.warnings.map((w) => w.code)).toEqual(['unknown_category']);
  });

  it('balance: below the average order price and below the maximum charge (Q3, Q4)', () => {
    const e = estimate(product(), table, settings({ balance: m('100'), avgOrder: m('150') }));
    // Q3: the balance must *always* stay ≥ the average order price, also after the charge (up to
    // 5 × 199 + 450 = 1445) is withheld: needed = 1445 + 150 = 1595 (it was max(150, 1445) = 1445,
    // which the charge left at 0.00); 100 < 150 and 100 < 1595, short by 1495.
    expect(s2(e.balanceNeeded)).toBe('1595.00');
    expect(e.warnings.map((w) => w.code)).toEqual(['balance_below_avg_order', 'balance_below_charge']);
    expect(e.warnings[1]!.text.en).toBe('Alipay balance 100.00 is not enough: up to 1445.00 is withheld and at least the average order price 150.00 must be left after it, 1595.00 in all, short by 1495.00');
    // 1445 covers the charge but leaves 0.00 < 150 after it: short by 150.00 (no warning before)
    const tight = estimate(product(), table, settings({ balance: m('1445'), avgOrder: m('150') }));
    expect(tight.warnings.map((w) => w.code)).toEqual(['balance_below_charge']);
    expect(tight.warnings[0]!.text.en).toContain('short by 150.00');
    const ok = estimate(product(), table, settings({ balance: m('1595'), avgOrder: m('150') }));
    expect(ok.warnings).toEqual([]);
    // an average order above the charge: 1445 + 2000 = 3445 (was max(2000, 1445) = 2000)
    expect(s2(estimate(product(), table, settings({ avgOrder: m('2000') })).balanceNeeded)).toBe('3445.00');
    // no average order price known: the charge alone, and the message says only the charge
    const alone = estimate(product(), table, settings({ balance: m('1000') }));
    expect(s2(alone.balanceNeeded)).toBe('1445.00');
    expect(alone.warnings.map((w) => w.text.en)).toEqual(['Alipay balance 1000.00 is below the maximum charge 1445.00, short by 445.00']);
  });

  it('multi-SKU: type or material differences are refused (Q6)', () => {
    expect(estimate(product({ skuDiffers: ['colour', 'size'] }), table, settings()).warnings).toEqual([]);
    const e = estimate(product({ skuDiffers: ['colour', 'material'] }), table, settings());
    expect(e.warnings.map((w) => w.code)).toEqual(['sku_type_or_material']);
    expect(e.warnings[0]!.text.zh).toContain('材质');
    // The accepted dimensions, the same six in both languages (SKU_DIMENSIONS): the English text
    // left out spec (规格), so an English user was told a spec difference was refused.
    expect(e.warnings[0]!.text.zh).toContain('只允许款式、图案、尺码、颜色、规格、容量不同');
    expect(e.warnings[0]!.text.en).toContain('accepted only when SKUs differ in style, pattern, size, colour, spec or capacity');
  });

  it('dates: cancel by +2 h, renew from expiry − 15 days, re-apply the next day (Q10, Q11, Q14)', () => {
    const e = estimate(product({ signedAt: at('2026-11-20 10:00:00'), displayFrom: at('2026-12-05 00:00:00'), stoppedAt: at('2026-11-21 23:59:00') }), table, settings());
    expect(tz.format(e.cancelBy!)).toBe('2026-11-20 12:00:00');
    expect(e.cancellable).toBe(true); // as of 11:00
    // 2026-12-05 + 180 days: Dec 26 days left → Dec 31 (+26), Jan (+57), Feb (+85), Mar (+116), Apr (+146), May (+177), Jun 3 (+180)
    expect(tz.format(e.expiresAt!)).toBe('2027-06-03 00:00:00');
    // 2027-06-03 − 15 days = 2027-05-19
    expect(tz.format(e.renewFrom!)).toBe('2027-05-19 00:00:00');
    expect(tz.format(e.reapplyFrom!)).toBe('2026-11-22 00:00:00');
    // the cancel window is inclusive of the 2-hour mark, and closed after it
    expect(estimate(product({ signedAt: at('2026-11-20 09:00:00') }), table, settings()).cancellable).toBe(true);
    const late = estimate(product({ signedAt: at('2026-11-20 08:59:59') }), table, settings());
    expect(late.cancellable).toBe(false);
    expect(late.warnings.map((w) => w.code)).toEqual(['cancel_window_closed']);
    // an explicit expiry wins over displayFrom + period
    expect(tz.format(estimate(product({ expiresAt: at('2027-01-10 00:00:00') }), table, settings()).renewFrom!)).toBe('2026-12-26 00:00:00');
  });

  it('re-apply is the next calendar day in Beijing time, even when the machine runs UTC', () => {
    // 2026-11-21 01:00 Beijing = 2026-11-20 17:00 UTC; next Beijing day 2026-11-22 00:00 = 2026-11-21 16:00Z
    expect(new Date(reapplyFrom(tz, Date.UTC(2026, 10, 20, 17))).toISOString()).toBe('2026-11-21T16:00:00.000Z');
  });

  it('tests per year (documented rule): ceil(365 / period) with auto-renew, else 1', () => {
    expect(testsPerYear(30, true)).toBe(13); // days 0, 30, …, 360
    expect(testsPerYear(180, true)).toBe(3); // days 0, 180, 360
    expect(testsPerYear(30, false)).toBe(1);
    expect(testsPerYear(180, false)).toBe(1);
  });

  it('labels: exactly 3 displayed; mandatory always tested; optional only when displayed', () => {
    const labels = new Map([
      [
        '1',
        [
          { name: '甲醛', mandatory: true, displayed: false, tested: false },
          { name: '色牢度', mandatory: true, displayed: true, tested: null },
          { name: '起球', mandatory: false, displayed: true, tested: null },
          { name: '缩水率', mandatory: false, displayed: false, tested: true },
        ],
      ],
    ]);
    const e = estimate(product(), table, settings({ labels }));
    expect(e.labelsShown).toEqual(['色牢度', '起球']);
    expect(e.labelsTested).toEqual(['甲醛', '色牢度', '起球']);
    expect(e.warnings.map((w) => w.code)).toEqual(['labels_not_three', 'label_mandatory_always_tested', 'label_optional_not_tested']);
    const missing = estimate(product({ itemId: '2' }), table, settings({ labels }));
    expect(missing.warnings.map((w) => w.code)).toEqual(['labels_missing']);
  });

  it('total row leaves out a product of an ineligible industry, counts one whose industry is unknown', () => {
    const s = settings({ avgOrder: m('150'), balance: m('2000') });
    const a = estimate(product(), table, s); // dress: charged max 1445, real max 939.75, reg 749
    const sofa = estimate(product({ itemId: '9', category: '家具', listPrice: m('2999'), dealPrice: m('2599'), unitCost: m('1200'), serviceFee: m('800'), samples: 3 }), table, s);
    const odd = estimate(product({ itemId: '8', category: '某新类目', listPrice: m('100'), dealPrice: m('100'), unitCost: m('40'), serviceFee: m('100'), samples: 3 }), table, s);
    expect([sofa.eligible, odd.eligible]).toEqual([false, null]);
    const t = total([a, sofa, odd], s);
    // counted: the dress and the unknown one (it may register): 1445 + (3 × 100 + 100 = 400) = 1845;
    // + 150 left after = 1995 (the sofa's 3 × 2599 + 800 = 8597 would have made it 10592)
    expect([s2(t.chargedMax), s2(t.balanceNeeded), s2(t.registrationEstimate)]).toEqual(['1845.00', '1995.00', '949.00']);
    expect([t.products, t.ineligible]).toEqual([2, 1]);
    // 2000 ≥ 1995: no balance warning; only the product left out is said
    expect(t.warnings.map((w) => w.code)).toEqual(['ineligible_not_counted']);
  });

  it('every product of an ineligible industry: nothing registers, the balance needed is 0.00, not the average order', () => {
    const s = settings({ avgOrder: m('150'), balance: m('0') });
    const sofa = estimate(product({ itemId: '9', category: '家具', listPrice: m('2999'), dealPrice: m('2599'), unitCost: m('1200'), serviceFee: m('800'), samples: 3 }), table, s);
    const t = total([sofa], s);
    // No product counted: no 甄检 agreement, no withholding, nothing to keep (was 150.00, the average order).
    expect([s2(t.chargedMax), s2(t.balanceNeeded), t.products, t.ineligible]).toEqual(['0.00', '0.00', 0, 1]);
    expect(t.warnings.map((w) => w.code)).toEqual(['ineligible_not_counted']);
  });

  it('total row sums rounded amounts; balance needed covers every product at once', () => {
    const s = settings({ avgOrder: m('150'), balance: m('2000') });
    const a = estimate(product(), table, s); // charged max 1445, real max 939.75
    const b = estimate(product({ category: '隐形眼镜', listPrice: m('128'), dealPrice: m('99'), unitCost: m('30'), serviceFee: m('600'), shippingPerSample: m('0'), periodDays: 30 }), table, s); // 2580, 1299
    const t = total([a, b], s);
    expect(s2(t.chargedMax)).toBe('4025.00'); // 1445 + 2580
    expect(s2(t.realCostMax)).toBe('2238.75'); // 939.75 + 1299
    expect(s2(t.registrationEstimate)).toBe('1477.00'); // 749 + 728
    expect(s2(t.balanceNeeded)).toBe('4175.00'); // 4025 + 150 left after both charges (was max(150, 4025) = 4025)
    expect(t.testsPerYear).toBe(16); // 3 + 13
    expect(s2(t.annualChargedMax)).toBe('37875.00'); // 4335 + 33540
    expect([t.samplesMin, t.samplesMax]).toEqual([23, 25]);
    // 2000 < 4025: the shop cannot pay for both
    expect(t.warnings.map((w) => w.code)).toEqual(['balance_below_charge']);
  });
});
