// An 订单报表 csv opened in Excel, its id column set to a number format (the usual "fix" for
// 3.51531E+18) and saved again: Excel keeps 15 significant digits, so 3515313147329357901 is
// written 3515313147329360000, and its times lose their seconds (`2026/11/10 9:00`). The id is
// destroyed as surely as `3.51531E+18` (FORMATS "Order ids are 16–19 digits … report it as an
// error naming the row; never compute with it"): two orders can end up under one id (one then
// read as a "duplicate" and dropped) and a recorded voucher names orders that do not exist.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { T71, order, plainCsv } from './build.js';
import { cli, json } from './expected.js';

const AS_OF = '2026-11-20 12:00:00';

/** The rows as Excel writes them back: plain digit ids, times without seconds. */
function write(name: string, ids: [string, string], times: 'excel' | 'export'): string {
  const t = (excel: string, exported: string) => (times === 'excel' ? excel : exported);
  const rows = [
    // paid 11-10 09:00, shipped 11-13 10:00: 25 h late; (200.00 − 10.00) × 5 % = 9.50
    order(ids[0], { 买家会员名: '小明', 订单状态: '交易成功', 订单付款时间: t('2026/11/10 9:00', '2026-11-10 09:00:00'), 发货时间: t('2026/11/13 10:00', '2026-11-13 10:00:00') }),
    // paid 11-10 20:00, shipped 11-12 21:00: 1 h late; 12.00 × 5 % = 0.60, raised to the 5.00 minimum
    order(ids[1], { 买家会员名: '小明', 订单状态: '交易成功', 买家应付货款: '12.00', 买家应付邮费: '0.00', 买家实际支付金额: '12.00', 订单付款时间: t('2026/11/10 20:00', '2026-11-10 20:00:00'), 发货时间: t('2026/11/12 21:00', '2026-11-12 21:00:00') }),
  ];
  const f = path.join(tmpDir(), name);
  fs.writeFileSync(f, plainCsv(T71, rows));
  return f;
}

describe('ids Excel wrote back with zeros past the 15th digit', () => {
  it('are rejected with the row, never read as ids (and never as one order twice)', () => {
    // 3515313147329357901 and …7906 both become 3515313147329360000 (15 significant digits, rounded).
    const f = write('ExportOrderList-resaved.csv', ['3515313147329360000', '3515313147329360000'], 'excel');
    const r = cli(['compensate', f, '--as-of', AS_OF, '-f', 'json', '--lang', 'en']);
    // Before: one voucher of 9.50 (the second order dropped as a "duplicate" of the first), exit 0,
    // final: 5.00 short, under an id that is neither order's.
    const reason = (line: number) =>
      `${f}:${line} [订单编号]: "3515313147329360000" looks like an id a spreadsheet program (such as Excel or WPS) rounded to 15 digits and filled with zeros (this row's times lost their seconds too: the file was re-saved in one; the real id is lost); export again and do not re-save it in a spreadsheet program`;
    expect(r.stderr).toContain(reason(2));
    expect(r.stderr).toContain(reason(3));
    // Every row rejected: no usable order (exit 3), nothing computed.
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    const zh = cli(['orders', 'inspect', f, '--lang', 'zh', '-f', 'json']);
    expect(zh.stderr).toContain(`${f}:2 [订单编号]: "3515313147329360000" 是被电子表格软件 (如 Excel、WPS) 按 15 位有效数字四舍五入并补零的订单编号`);
    expect(zh.stderr).toContain('1 个文件: 读取 2 行 = 接受 0 + 拒绝 2 + 重复 0');
  });

  it('an id that truly ends in zeros, in a file with whole times, is an id', () => {
    // The same cells as the seller centre writes them (times with seconds): 9.50 + 5.00 = 14.50,
    // one voucher (same buyer, same calendar day).
    const f = write('ExportOrderList-original.csv', ['3515313147329360000', '3515313147329357906'], 'export');
    const r = cli(['compensate', f, '--as-of', AS_OF, '-f', 'json', '--lang', 'en']);
    expect(r.code).toBe(0);
    const [v, ...more] = json(r);
    expect(more).toEqual([]);
    expect(v).toMatchObject({ orderIds: ['3515313147329360000', '3515313147329357906'], amount: '14.50', toIssue: '14.50', state: 'final' });
  });
});

describe('an --exclude list whose ids Excel wrote back with zeros past the 15th digit', () => {
  it('holds the orders each may have meant provisional, as for 3.51531E+18', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'ExportOrderList.csv');
    // Two buyers, each one late order (whole times: the export itself is the original).
    // 小明 …7901: 25 h late, (200.00 − 10.00) × 5 % = 9.50. 小红 …7906: 1 h late, 12.00 × 5 % = 0.60 → 5.00.
    fs.writeFileSync(f, plainCsv(T71, [
      order('3515313147329357901', { 买家会员名: '小明', 订单状态: '交易成功', 订单付款时间: '2026-11-10 09:00:00', 发货时间: '2026-11-13 10:00:00' }),
      order('3515313147329357906', { 买家会员名: '小红', 订单状态: '交易成功', 买家应付货款: '12.00', 买家应付邮费: '0.00', 买家实际支付金额: '12.00', 订单付款时间: '2026-11-10 20:00:00', 发货时间: '2026-11-12 21:00:00' }),
    ]));
    // The operator's list, kept in Excel with the id column as a number: …7901 (or …7906) became …60000.
    const ex = path.join(dir, 'exempt.csv');
    fs.writeFileSync(ex, '订单编号\n3515313147329360000\n');
    const r = cli(['compensate', f, '--exclude', ex, '--as-of', AS_OF, '-f', 'json', '--lang', 'en']);
    // Before: the row matched no order (a warning), both vouchers final: recorded, the shop would
    // pay the order it meant to exclude. Now: both orders lie within that rounding (…935 7901 and
    // …935 7906 round to …936 0000): judged as usual, kept provisional.
    expect(json(r).map((v) => [v.buyer, v.amount, v.state])).toEqual([['小明', '9.50', 'provisional'], ['小红', '5.00', 'provisional']]);
    expect(r.stderr).toContain(`the exclusion list's ids a spreadsheet program (Excel, WPS, LibreOffice …) rounded (${ex}:2) may mean any of 2 orders`);
  });
});
