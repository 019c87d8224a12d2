// A review table whose order ids LibreOffice rounded (test/fixtures/desk/make-rounded.sh: the example
// opened with its defaults and saved as csv, 3515313147329357901 written 3.51531314732936E+018). The
// rejection said "rounded by Excel" / "被 Excel 改成了科学计数法" when no Excel was there: LibreOffice and
// WPS do the same. It names a spreadsheet program, with Excel, WPS and LibreOffice as examples.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers.js';

const f = path.join(FIXTURES, 'desk', 'reviews-lo-scientific.csv');
const args = ['reviews', 'queue', f, '--as-of', '2026-11-20 12:00:00', '-f', 'csv'];

describe('reviews: an id a spreadsheet program rounded', () => {
  it('en: "a spreadsheet program (Excel, WPS, LibreOffice …)", not "Excel"', () => {
    const r = runCli([...args, '--lang', 'en']);
    // Every row's id is rounded: the file has no usable review (exit 3), the first row's reason quoted.
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      `${f}:2 [订单编号]: "3.51531314732936E+018" the order id was rounded into scientific notation by a spreadsheet program (Excel, WPS, LibreOffice …) and cannot be recovered; export again and open it as text\n`,
    );
    expect(r.stderr).not.toMatch(/rounded by Excel|re-saved in Excel/);
    expect(r.stderr).toContain('or was re-saved in a spreadsheet program (Excel, WPS, LibreOffice …).');
  });

  it('zh: 电子表格软件 (Excel、WPS、LibreOffice 等)', () => {
    const r = runCli([...args, '--lang', 'zh']);
    expect(r.stderr).toContain(`${f}:2 [订单编号]: "3.51531314732936E+018" 订单编号被电子表格软件 (Excel、WPS、LibreOffice 等) 改成了科学计数法, 已无法还原; 重新导出并以文本方式打开\n`);
    expect(r.stderr).not.toContain('被 Excel');
    expect(r.stderr).toContain('或文件被电子表格软件 (Excel、WPS、LibreOffice 等) 另存过。');
  });

  it('reviews log: a typed id so rounded says the same', () => {
    const r = runCli(['reviews', 'log', '3.51531E+18', '--status', 'contacted', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is an order id a spreadsheet program (Excel, WPS, LibreOffice …) rounded (the real id is lost)');
  });
});
