// Header names written with full-width brackets (user27): 用户实付金额（元） for 用户实付金额(元). They look the
// same to a Chinese reader (WPS and Chinese input methods type （） by default), but the reader matched
// them byte for byte: a 拼多多 export so headed was refused by compensate, exit 3, "needs the column
// 用户实付金额(元) … columns found: … 用户实付金额（元） …", and `orders inspect` read it with exit 0, paidSum
// 0.00 and 商品总价/邮费/商品数量 empty. Brackets are now folded to their ASCII forms before matching.
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { PDD_HEADERS } from '../../scripts/export-layouts.mjs';
import { tmpDir } from '../helpers.js';
import { plainCsv, write } from './build.js';
import { cli, json } from './expected.js';

const TZS = ['UTC', 'America/Los_Angeles'];
const RULES = 'templates/rules/custom-example.json';
const AS_OF = '2026-11-20 12:00:00';
const FULL = (h: string) => h.replace(/\(/g, '（').replace(/\)/g, '）');

// Under the example rule file (late up to 72 h: 5 %, min 3.00, max 30.00; the platform deducts), a
// 48 h window from 订单成交时间, worked by hand:
//   A 200.00 (190.00 + 10.00 postage) paid 11-10 09:00:00, due 11-12 09:00:00, shipped 11-13 10:00:00:
//            25 h late, 5 % × 200.00 = 10.00
//   B  99.90 paid 11-15 11:00:00, due 11-17 11:00:00, shipped 11-17 11:00:01: 5 % = 4.995 → 5.00
//   deducted 10.00 + 5.00 = 15.00; paid in all 200.00 + 99.90 = 299.90, postage 10.00.
const A = { 商品: '加厚羊毛围巾', 订单号: '261110-313147329357901', 订单状态: '已收货', '商品总价(元)': '190.00', '邮费(元)': '10.00', '用户实付金额(元)': '200.00', '商品数量(件)': '1', 发货时间: '2026-11-13 10:00:00', 订单成交时间: '2026-11-10 09:00:00' };
const B = { 商品: '羊毛袜 三双装', 订单号: '261114-650012233445502', 订单状态: '已收货', '商品总价(元)': '99.90', '邮费(元)': '0.00', '用户实付金额(元)': '99.90', '商品数量(件)': '1', 发货时间: '2026-11-17 11:00:01', 订单成交时间: '2026-11-15 11:00:00' };
const fullRow = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [FULL(k), v]));

let file: string;
beforeAll(() => {
  const dir = tmpDir('storeops-fullwidth-');
  file = write(dir, 'pdd-fullwidth.csv', plainCsv((PDD_HEADERS as string[]).map(FULL), [fullRow(A), fullRow(B)]));
});

describe.each(TZS)('拼多多 headers with full-width brackets (TZ=%s)', (tz) => {
  it('orders inspect maps 用户实付金额（元） and the other （元） columns: paid 299.90, postage 10.00', () => {
    const r = cli(['orders', 'inspect', file, '-f', 'json'], { tz });
    expect(r.code).toBe(0);
    const [s] = json(r);
    expect(s).toMatchObject({ accepted: 2, paidSum: '299.90', postageSum: '10.00' });
    expect(s!.columnsMapped).toEqual(expect.arrayContaining(['paidAmount=用户实付金额（元）', 'goodsAmount=商品总价（元）', 'quantity=商品数量（件）']));
  });

  it('compensate: 10.00 + 5.00 = 15.00 deducted (was exit 3, the column "not found")', () => {
    const r = cli(['compensate', file, '--rules', RULES, '-f', 'json', '--as-of', AS_OF], { tz });
    expect(r.code).toBe(0);
    expect(json(r).map((v) => [(v.orderIds as string[]).join(';'), v.baseAmount, v.amount])).toEqual([
      ['261110-313147329357901', '200.00', '10.00'],
      ['261114-650012233445502', '99.90', '5.00'],
    ]);
    expect(r.stderr).toMatch(/2 to be deducted by the platform totalling 15\.00/);
  });
});
