// Input parsers shared by the file reader and the prompts.
import { describe, expect, it } from 'vitest';
import { TimeZone } from '../../src/time.js';
import { parseAmount, parseBool, parsePeriod, parseProduct, parseRate, parseSamples, parseSkuDiffers, parseWhen } from '../../src/zhenjian/fields.js';
import { checkLabels, parseLabelRow } from '../../src/zhenjian/labels.js';

const tz = new TimeZone('Asia/Shanghai');
const val = <T>(p: { ok: boolean; value?: T }) => (p.ok ? (p as { value: T }).value : 'ERR');
const str = (p: { ok: boolean; value?: unknown }) => {
  const v = val(p);
  return v === 'ERR' || v === null ? v : String(v);
};

describe('zhenjian field parsers', () => {
  it('full-width digits, ．and ％ (a Chinese input method) are read as their ASCII forms', () => {
    // ５％ = 5 % = 0.05; １２３．５ = 123.5; １８０天 = 180; ２０２６－１１－２０ １４：００ Beijing = 06:00 UTC.
    expect(str(parseRate('５％'))).toBe('0.05');
    expect(str(parseRate('０．０５'))).toBe('0.05');
    expect(str(parseAmount('１２３．５', true))).toBe('123.5');
    expect(str(parseAmount('￥１２３．５０', true))).toBe('123.5');
    expect(val(parsePeriod('１８０天'))).toBe(180);
    expect(val(parseWhen('２０２６－１１－２０ １４：００', tz))).toBe(Date.UTC(2026, 10, 20, 6));
    expect(val(parseSamples('５'))).toBe(5);
  });

  it('a bare rate of 1 or more says exactly what to write for that percentage', () => {
    const r = parseRate('5');
    expect(r.ok ? 'accepted' : r.reason).toEqual({ zh: '须小于 1: 5 是 500%; 若是 5%, 写 0.05 或 5%', en: 'must be below 1: 5 is 500%; for 5% write 0.05 or 5%' });
  });

  it('amounts: prices must be > 0, costs ≥ 0; ¥ and 元 and thousands accepted', () => {
    expect(str(parseAmount('¥1,299.50', true))).toBe('1299.5');
    expect(str(parseAmount('12元', true))).toBe('12');
    expect(str(parseAmount('0', true))).toBe('ERR');
    expect(str(parseAmount('0', false))).toBe('0');
    expect(str(parseAmount('-1', false))).toBe('ERR');
    expect(str(parseAmount('', true))).toBeNull();
  });

  it('a price (list, deal, service fee) is whole fen; a cost may have more decimals', () => {
    expect(str(parseAmount('1.005', true, true))).toBe('ERR');
    expect(str(parseAmount('169.150', true, true))).toBe('169.15'); // trailing zeros are fen
    expect(str(parseAmount('1.005', true))).toBe('1.005');
  });

  it('rates: 0.05, 5%, 5 %, 5％; 1 or more refused (a bare "5" is ambiguous)', () => {
    expect(str(parseRate('0.05'))).toBe('0.05');
    expect(str(parseRate('5%'))).toBe('0.05');
    expect(str(parseRate('2.5 %'))).toBe('0.025');
    expect(str(parseRate('5％'))).toBe('0.05');
    expect(str(parseRate('5'))).toBe('ERR');
    expect(str(parseRate('abc'))).toBe('ERR');
  });

  it('display period is 30 or 180 (Q13), "30天" accepted', () => {
    expect(val(parsePeriod('30'))).toBe(30);
    expect(val(parsePeriod('180天'))).toBe(180);
    expect(val(parsePeriod('90'))).toBe('ERR');
    expect(val(parsePeriod(''))).toBeNull();
  });

  it('yes/no in both languages', () => {
    expect(['是', 'Y', 'yes', '1', '自动续费'].map((t) => val(parseBool(t)))).toEqual([true, true, true, true, true]);
    expect(['否', 'n', 'no', '0', '', '单次鉴定'].map((t) => val(parseBool(t)))).toEqual([false, false, false, false, false, false]);
    expect(val(parseBool('maybe'))).toBe('ERR');
  });

  it('SKU differences: Chinese or English, any separator; unknown words refused', () => {
    expect(val(parseSkuDiffers('颜色;尺码'))).toEqual(['colour', 'size']);
    expect(val(parseSkuDiffers('Color, material'))).toEqual(['colour', 'material']);
    expect(val(parseSkuDiffers('款式、容量、颜色、颜色'))).toEqual(['style', 'capacity', 'colour']);
    expect(val(parseSkuDiffers('无'))).toEqual([]);
    expect(val(parseSkuDiffers(''))).toEqual([]);
    expect(val(parseSkuDiffers('重量'))).toBe('ERR');
  });

  it('a product: defaults period 30, no auto-renew; first bad field reported', () => {
    const p = parseProduct({ listPrice: '10', unitCost: '1', serviceFee: '5' }, tz);
    expect('product' in p && [p.product.periodDays, p.product.autoRenew, p.product.dealPrice, p.product.samples]).toEqual([30, false, null, null]);
    const bad = parseProduct({ listPrice: '10', unitCost: '', serviceFee: '5' }, tz);
    expect('field' in bad && [bad.field, bad.reason.en]).toEqual(['unitCost', 'is required and empty']);
    const t = parseProduct({ listPrice: '10', unitCost: '1', serviceFee: '5', signedAt: '2026-11-20 10:00' }, tz);
    // 10:00 Beijing = 02:00 UTC
    expect('product' in t && new Date(t.product.signedAt!).toISOString()).toBe('2026-11-20T02:00:00.000Z');
    const badT = parseProduct({ listPrice: '10', unitCost: '1', serviceFee: '5', signedAt: '20/11/2026' }, tz);
    expect('field' in badT && badT.field).toBe('signedAt');
  });
});

describe('label rows (二(二)3)', () => {
  it('a star in the name or the 必检 column marks a mandatory item', () => {
    expect(val(parseLabelRow({ label: '*甲醛', mandatory: '', displayed: '否', tested: '' }))).toEqual({ name: '甲醛', mandatory: true, displayed: false, tested: null });
    expect(val(parseLabelRow({ label: '色牢度', mandatory: '*', displayed: '是', tested: '' }))).toEqual({ name: '色牢度', mandatory: true, displayed: true, tested: null });
    expect(parseLabelRow({ label: '起球', mandatory: '', displayed: 'maybe', tested: '' }).ok).toBe(false);
  });

  it('3 mandatory displayed: no room for optional ones; tested = mandatory + displayed', () => {
    const items = [
      { name: 'a', mandatory: true, displayed: true, tested: null },
      { name: 'b', mandatory: true, displayed: true, tested: null },
      { name: 'c', mandatory: true, displayed: true, tested: null },
      { name: 'd', mandatory: false, displayed: true, tested: null },
    ];
    const r = checkLabels(items);
    expect(r.shown).toEqual(['a', 'b', 'c', 'd']);
    expect(r.problems.map((p) => p.code)).toEqual(['labels_not_three']);
    const ok = checkLabels(items.slice(0, 3));
    expect(ok.problems).toEqual([]);
    expect(ok.tested).toEqual(['a', 'b', 'c']);
  });
});
