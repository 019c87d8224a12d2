// Issue 14 items 4 and 5: the empty-cell spellings real exports carry, and masking by what a
// column is (its canonical field, an exact personal header) or what a value is — never by a
// substring of a header name (是否手机订单 holds 手机订单/否: not a phone).
import { describe, expect, it } from 'vitest';
import { cleanCell, cleanText } from '../../src/io/cells.js';
import { looksLikePhone } from '../../src/orders/mask.js';
import { tmpDir } from '../helpers.js';
import { order, taobaoCsv, write } from './build.js';
import { cli, json } from './expected.js';

describe('cells that mean empty', () => {
  it("'null, null, =\"\" and =\"null\" are empty in any cell; NaN in a text cell; real values are kept", () => {
    expect(["'null", 'null', 'NULL', '=""', '="null"', " 'null "].map(cleanCell)).toEqual(['', '', '', '', '', '']);
    expect(['NaN', '\tNaN', "'null"].map(cleanText)).toEqual(['', '', '']);
    // In an amount or time cell NaN stays, so the row is rejected instead of an amount guessed.
    expect(cleanCell('NaN')).toBe('NaN');
    expect(["'13925130165", '="3515313147329357901"', 'nan', 'Nancy', 'nullable'].map(cleanText)).toEqual(['13925130165', '3515313147329357901', 'nan', 'Nancy', 'nullable']);
  });

  it('the wrapping is undone exactly: doubled quotes inside ="…", spaces inside the wrapping, a full-width space outside', () => {
    expect(cleanCell('="12""3"')).toBe('12"3');
    expect(cleanCell('=" 3515313147329357901 "')).toBe('3515313147329357901');
    expect(cleanCell('\t="3515313147329357901"\t')).toBe('3515313147329357901');
    expect(cleanCell("' 13925130165")).toBe('13925130165');
    expect(cleanCell("'")).toBe('');
    expect(cleanCell('\u3000交易成功')).toBe('交易成功');
    expect(cleanCell('="a"b"')).toBe('a"b'); // a lone quote inside stays as it is
    expect(cleanCell('=3')).toBe('=3');
    expect(cleanCell('Null')).toBe('');
    expect(cleanCell('nulls')).toBe('nulls');
  });

  it('a status cell that names a property every JS object has ("constructor", "toString") is an unknown status: the row is rejected', () => {
    const dir = tmpDir();
    const f = write(dir, 'status.csv', taobaoCsv([
      order('3515313147329357901', { 订单状态: 'constructor' }),
      order('3515313147329357902', { 订单状态: 'toString' }),
      order('3515313147329357903', {}),
    ]));
    const r = cli(['orders', 'normalize', f, '-f', 'json', '--lang', 'en']);
    expect(json(r).map((o) => o.orderId)).toEqual(['3515313147329357903']);
    expect(r.stderr).toContain('status.csv:2');
    expect(r.stderr).toContain('unknown order status "constructor"');
    expect(r.stderr).toContain('unknown order status "toString"');
  });

  it("an order whose time cells hold 'null and whose text cells hold NaN is read, not rejected", () => {
    const dir = tmpDir();
    const f = write(dir, 'cells.csv', taobaoCsv([
      order('3515313147329357901', { 发货时间: "'null", 确认收货时间: "'null", 订单备注: 'NaN', 物流公司: 'NaN', 物流单号: '=""' }),
    ]));
    const r = cli(['orders', 'normalize', f, '-f', 'json']);
    expect(r.code).toBe(0);
    expect(json(r)).toHaveLength(1);
    expect(json(r)[0]).toMatchObject({ shippedAt: null, confirmedAt: null, sellerNote: '', carrier: '', trackingNo: '' });
  });
});

describe('masking by field, not by header words', () => {
  const dir = tmpDir();
  const f = write(dir, 'pii.csv', taobaoCsv([
    order('3515313147329357901', { 是否手机订单: '手机订单', 联系电话: '0755-86013388', 买家留言: '请周末送货', 修改后的收货地址: '广东省 深圳市 福田区 深南大道1号', 店铺名称: '13800138000' }),
    order('3515313147329357902', { 是否手机订单: '否', 订单付款时间: '13925130165' }),
  ]));

  it('是否手机订单 stays 手机订单/否; personal columns kept under extra are masked by their exact name; a phone number anywhere by its value', () => {
    const r = cli(['orders', 'normalize', f, '-f', 'json']);
    expect(r.code).toBe(1); // one row rejected (a phone number in the paid-time column)
    const [o] = json(r);
    const extra = o!.extra as Record<string, string>;
    expect(extra['是否手机订单']).toBe('手机订单');
    // A phone column: 0755-86013388 has 12 digits; 11 or more keep the first 3 and last 4: 075****3388.
    expect(extra['联系电话']).toBe('075****3388');
    // Free text from the buyer, masked as free text (test/orders/buyer-message): no phone, address
    // or name in it, so as written (until 2026-12 masked as a name: 请****).
    expect(extra['买家留言']).toBe('请周末送货');
    expect(extra['修改后的收货地址']).toBe('广东省 深圳市 ****');
    // Not a personal column, but the value is a mobile number: 138****8000.
    expect(extra['店铺名称']).toBe('138****8000');
    expect(o).toMatchObject({ receiver: '王**', phone: '139****0165', address: '广东省 深圳市 ****' });
  });

  it('--show-pii shows everything as exported', () => {
    const [o] = json(cli(['orders', 'normalize', f, '-f', 'json', '--show-pii']));
    expect((o!.extra as Record<string, string>)['联系电话']).toBe('0755-86013388');
    expect((o!.extra as Record<string, string>)['店铺名称']).toBe('13800138000');
  });

  it('a rejected value that is a phone number is masked in the message too', () => {
    const r = cli(['orders', 'normalize', f, '-f', 'json']);
    expect(r.stderr).toContain(`${f}:3 [订单付款时间]: "139****0165" is not a valid time`);
    expect(r.stderr).not.toContain('13925130165');
  });

  it('what counts as a mobile number', () => {
    expect(['13925130165', '+86 139 2513 0165', "'139-2513-0165", '8613925130165'].map(looksLikePhone)).toEqual([true, true, true, true]);
    expect(['12925130165', '1392513016', '3515313147329357901', '手机订单'].map(looksLikePhone)).toEqual([false, false, false, false]);
  });
});
