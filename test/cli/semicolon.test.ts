// A csv saved with ";" as its field delimiter (LibreOffice 7.4, Text CSV with ";" chosen, or a
// system whose list separator is ";": test/fixtures/desk/make.sh made these from examples/). Its
// header reads as one cell, `订单编号;买家会员名;…`, and every reader refused it with an error that did
// not say why: "unknown export layout; columns found: 订单编号;买家会员名;买家会员昵称;…" and a hint to
// pass the file as exported, or "required column … is missing". Now the error says the columns are
// separated by ";" and how to save the file (en, zh); exit 3 as before. Not read as such: in a ";"
// file a comma in an amount may be a decimal point (1,234 for 1.234), which is not guessed.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, FIXTURES, runCli } from '../helpers.js';

const D = (f: string) => path.join(FIXTURES, 'desk', f);
const en = (f: string, parts: string) =>
  `storeops: error: ${f}: its columns are separated by ";" (${parts}), not by commas: a spreadsheet saved it so (its field delimiter, or the system's list separator, is ";"); storeops reads comma- or tab-separated csv and xlsx, not ";" (in such a file a comma in an amount may be a decimal point, which is not guessed)\n` +
  `  hint: save it again: in LibreOffice, Save As → Text CSV with "Edit filter settings" ticked and "," as the field delimiter; in WPS or Excel, Save As "CSV (Comma delimited)" or xlsx; or download the export again.\n`;

describe('a csv whose columns are separated by ";"', () => {
  it('compensate on the 订单报表', () => {
    const f = D('ExportOrderList-lo-semicolon.csv');
    const r = runCli(['compensate', f, '--as-of', '2026-12-01 00:00:00', '--lang', 'en']);
    expect(r.stderr).toBe(en(f, '订单编号;买家会员名;买家会员昵称;…'));
    expect(r.code).toBe(3);
  });

  it('reviews queue (zh)', () => {
    const f = D('reviews-lo-semicolon.csv');
    const r = runCli(['reviews', 'queue', f, '--as-of', '2026-11-21 00:00:00', '--lang', 'zh']);
    expect(r.stderr).toContain(
      `storeops: 错误: ${f}: 各列用分号 ";" 分隔 (订单编号;买家会员名;宝贝标题;…), 不是逗号: 文件被电子表格这样保存过 (字段分隔符或系统的列表分隔符是 ";"); storeops 读取逗号或制表符分隔的 csv 和 xlsx, 不按分号读 (这样的文件里金额中的逗号可能是小数点, 不猜测)`,
    );
    expect(r.stderr).toContain('提示: 重新另存: LibreOffice 里 另存为 → 文本 CSV, 勾选"编辑筛选器设置", 字段分隔符选 ","; WPS/Excel 里另存为 "CSV (逗号分隔)" 或 xlsx; 或重新下载导出。');
    expect(r.code).toBe(3);
  });

  it('zhenjian estimate: the names as the file writes them (商品ID)', () => {
    const f = D('zhenjian-products-lo-semicolon.csv');
    const r = runCli(['zhenjian', 'estimate', f, '--as-of', '2026-12-01 00:00:00', '--lang', 'en']);
    expect(r.stderr).toBe(en(f, '商品ID;商品标题;类目;…'));
    expect(r.code).toBe(3);
  });

  it('compensate --shipments: two columns, no "…"', () => {
    const f = D('shipments-lo-semicolon.csv');
    const r = runCli(['compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--shipments', f, '--as-of', '2026-12-01 00:00:00', '--lang', 'en', '-q']);
    expect(r.stderr).toBe(en(f, '订单编号;揽收时间'));
    expect(r.code).toBe(3);
  });
});
