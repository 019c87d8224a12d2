// A time column whose date format a spreadsheet user took off (set to General / 常规): LibreOffice 7.4
// (zh-CN) writes the day count, in csv and xlsx alike (test/fixtures/desk/make.sh made these files
// from examples/). The count is never converted (where it starts, 1900 or 1904, is a spreadsheet's
// setting; a fraction shown with 10 digits may have lost its seconds); the refusal now says what the
// number is and how to save the column (it said only "is not a valid time (expected …)").
// Hand-worked: 2025-01-01 is day 45658 (1900 system), 2026-01-01 is 45658 + 365 = 46023;
//   2026-11-10 (day 314 of the year: 304 to the end of October + 10) is 46023 + 313 = 46336, and
//   08:58:12 is 32292 s / 86400 = 0.37375: 订单创建时间 46336.37375;
//   2026-11-19 21:40:00: 46023 + 322 = 46345, 78000 / 86400 = 0.9027777… (LibreOffice: 46345.9027777778);
//   2026-11-20 10:00:00: 46346 + 36000 / 86400 = 46346.4166666667.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers.js';
import { serialDate } from '../../src/time.js';

const D = (f: string) => path.join(FIXTURES, 'desk', f);
const EN = "is not a valid time: it is a spreadsheet's date serial number (days since 1900 or 1904: the column's date format was taken off, e.g. set to General or Number); it is not converted (where the count starts is the spreadsheet's setting, and the seconds may be rounded off); give the column a date format such as yyyy-mm-dd hh:mm:ss before saving, or download the export again";
const ZH = '不是有效的时间: 这是电子表格的日期序列号 (从 1900 或 1904 年起的天数: 这一列的日期格式被去掉了, 如设成了"常规"或"数值"); 不换算 (从哪年起算取决于软件的设置, 秒也可能已被舍去); 保存前把这一列设为日期格式 yyyy-mm-dd hh:mm:ss, 或重新下载导出';

describe('date serial numbers in a time column', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`compensate, a GBK csv: each row refused naming the serial number, never read as a time (TZ=${tz})`, () => {
      const f = D('ExportOrderList-lo-serial-dates.csv');
      const r = runCli(['compensate', f, '--as-of', '2026-12-01 00:00:00', '-f', 'json', '--lang', 'en'], { tz });
      expect(r.stderr).toContain(`${f}:2 [订单创建时间]: "46336.37375" ${EN}`);
      expect(r.stderr).toContain('all 9 data rows were rejected');
      expect(r.code).toBe(3);
    });
  }

  it('compensate, the xlsx (zh)', () => {
    const f = D('ExportOrderList-lo-serial-dates.xlsx');
    const r = runCli(['compensate', f, '--as-of', '2026-12-01 00:00:00', '-f', 'json', '--lang', 'zh']);
    expect(r.stderr).toContain(`${f}:2 [订单创建时间]: "46336.37375" ${ZH}`);
    expect(r.code).toBe(3);
  });

  it('reviews queue: the review time', () => {
    const f = D('reviews-lo-serial-dates.csv');
    const r = runCli(['reviews', 'queue', f, '--as-of', '2026-11-21 00:00:00', '-f', 'json', '--lang', 'en']);
    expect(r.stderr).toContain(`${f}:2 [评价时间]: "46345.9027777778" ${EN}`);
    expect(r.code).toBe(3);
  });

  it('zhenjian estimate: the signing time (is not a time: …)', () => {
    const f = D('zhenjian-products-lo-serial-dates.xlsx');
    const r = runCli(['zhenjian', 'estimate', f, '--as-of', '2026-12-01 00:00:00', '-f', 'json', '--lang', 'en']);
    expect(r.stderr).toContain(`${f}:2 [签约时间]: "46346.4166666667" is not a time: it is a spreadsheet's date serial number`);
    expect(r.code).toBe(1);
  });

  it('what counts as one: 5 digits, 36526 (2000-01-01) to 73050 (2099-12-31), a fraction or none', () => {
    expect(['36526', '46336.375', '73050', '46336'].map(serialDate)).toEqual([true, true, true, true]);
    expect(['36525', '73051', '46336.', '4633.5', '146336', '46336,375', '2026-11-10'].map(serialDate)).toEqual([false, false, false, false, false, false, false]);
  });
});
