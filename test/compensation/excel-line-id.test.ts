// docs/formats.md / FORMATS: "An id like 3.5153E+16 means the file was opened and re-saved in Excel and
// the id is destroyed: report it as an error naming the row; never compute with it." A 子订单编号 so
// destroyed was taken as it stood: two sub-orders of one 抖店 order rounded alike (6.91531E+18) were one
// line read twice, the second one's amount dropped. Worked by hand (RULES 1.3b douyin-2025): paid
// 2026-11-01 10:00:00, promised 11-04 10:00:00 (72 h window: the 48–240 h row), shipped 11-05 10:00:00
// (24 h late: ≤ 48 h): 1 %, min 2, max 50, rounded to the yuan.
//   both lines: (500.00 + 1000.00) × 1 % = 15.00; the old code forecast 500.00 × 1 % = 5.00 (a
//   "repeated row"). Now each row with the destroyed id is rejected, naming 子订单编号.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { DOUYIN_HEADERS, csvCell } from '../../scripts/export-layouts.mjs';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
const MAIN = '6900000000000200001';
function douyin(name: string, subs: [string, string][]): string {
  const H: string[] = DOUYIN_HEADERS;
  const row = (sub: string, paid: string) => {
    const v: Record<string, string> = {
      主订单编号: `\t${MAIN}`, 子订单编号: sub, 选购商品: '羊毛围巾', 商品数量: '1', 商品单价: paid, 订单应付金额: paid, 运费: '0.00',
      订单提交时间: '2026-11-01 10:00:00', 支付完成时间: '2026-11-01 10:00:00', 订单状态: '已发货', 承诺发货时间: '2026-11-04 10:00:00',
      用户昵称: '抖音买家', 发货时间: '2026-11-05 10:00:00', 快递公司: '申通快递', 快递单号: `7730000${sub.slice(-6)}`,
    };
    return H.map((h) => csvCell(v[h] ?? '')).join(',');
  };
  const f = path.join(dir, name);
  fs.writeFileSync(f, '\uFEFF' + [H.map(csvCell).join(','), ...subs.map(([s, p]) => row(s, p)), ''].join('\r\n'));
  return f;
}
const AS_OF = ['--as-of', '2026-11-20 00:00:00'];

describe('a 子订单编号 Excel rounded is refused, never computed with', () => {
  it('control: the real sub-order ids: 15.00 to be deducted', () => {
    const r = runCli(['compensate', douyin('real.csv', [[`\t${MAIN}1`, '500.00'], [`\t${MAIN}2`, '1000.00']]), ...AS_OF, '-f', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.baseAmount, v.amount, v.state])).toEqual([['1500.00', '15.00', 'final']]);
  });

  it('both sub-order ids 6.91531E+18: each row rejected naming 子订单编号 (was: one line "repeated", 5.00)', () => {
    const r = runCli(['compensate', douyin('rounded.csv', [['6.91531E+18', '500.00'], ['6.91531E+18', '1000.00']]), ...AS_OF, '-f', 'json']);
    expect(r.stderr).toContain('rounded.csv:2 [子订单编号]: "6.91531E+18" looks like an id a spreadsheet program (Excel, WPS, LibreOffice …) rounded');
    expect(r.stderr).toContain('rounded.csv:3 [子订单编号]');
    expect(r.stderr).not.toContain('repeats an order line');
    expect(r.code).toBe(3); // every data row rejected
  });

  it('one sub-order id rounded: that row rejected, the order kept provisional (never final on 500.00 alone)', () => {
    const r = runCli(['compensate', douyin('one.csv', [[`\t${MAIN}1`, '500.00'], ['6.91531E+18', '1000.00']]), ...AS_OF, '-f', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('one.csv:3 [子订单编号]');
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => v.state)).toEqual(['provisional']);
  });
});
