// Amount columns given a number format without decimals (#,##0: thousands separated, 0 decimals) in
// LibreOffice 7.4 (zh-CN) and saved as UTF-8 csv, as an operator who "tidies" the money columns does
// (test/fixtures/desk/make.sh; desk55, from examples/ExportOrderList202611.csv opened as GBK). A csv
// holds what a cell shows, so every amount was rounded to the yuan: 2000.00 → "2,000", 190.00 → "190",
// and 阿花tb's 99.90 (…7502, line 6) → "100". Until 2026-12 the file was read as it stood, exit 0:
// …7502's voucher said baseAmount 100.00 where the export says 99.90 (5 % × 99.90 = 4.995 → the
// 5.00 minimum either way, but the base shown was wrong, and a dearer order's amount would be).
// "100" alone cannot be told from an exact 100.00 (a General cell is written so too); "2,000" can:
// no seller centre, 抖店 or 拼多多 export groups thousands without writing the fen (抖店 writes
// "2,000.00"), so such a cell says the column was shown whole-yuan, and then no amount of the file is
// trusted: refused (exit 3) at the first such cell, naming file, line, column and what to do.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wholeYuanShown } from '../../src/money.js';
import { EXAMPLES, FIXTURES, runCli } from '../helpers.js';

const f = path.join(FIXTURES, 'desk', 'ExportOrderList-lo-whole-yuan.csv');

describe('amounts a spreadsheet showed in whole yuan (#,##0) and saved as csv', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`compensate refuses the file at line 4 ("2,000" in 买家应付货款), no voucher written (TZ=${tz})`, () => {
      const r = runCli(['compensate', f, '--as-of', '2026-12-01 00:00:00', '-f', 'json', '--lang', 'en'], { tz });
      // Before: exit 0 and a voucher for …7502 with baseAmount 100.00 (the export: 99.90).
      expect(r.stdout).not.toContain('100.00');
      expect(r.stderr).toContain(
        `${f}:4 [买家应付货款]: "2,000" is an amount shown in whole yuan (thousands separated, no fen: the column was given a number format without decimals, such as #,##0, in a spreadsheet and saved as csv), so any amount of this file may have been rounded to the yuan (99.90 saved as 100); the file is not read`,
      );
      expect(r.stderr).toContain('give the amount columns two decimals (0.00)');
      expect(r.code).toBe(3);
    });
  }

  it('zh, and orders normalize refuses it too', () => {
    const r = runCli(['orders', 'normalize', f, '--as-of', '2026-12-01 00:00:00', '--lang', 'zh']);
    expect(r.stderr).toContain(
      `${f}:4 [买家应付货款]: "2,000" 是按整元显示的金额 (有千位分隔、没有角分: 这一列在电子表格中被设成了不带小数的数字格式, 如 #,##0, 再存成 csv), 所以这个文件的任何金额都可能已被四舍五入到元 (99.90 存成了 100); 不读取这个文件`,
    );
    expect(r.code).toBe(3);
  });

  it('抖店\'s own "2,000.00" (grouped, with its fen) is still read: …7903 5 % × 2000.00 = 100.00, at most 50.00', () => {
    const r = runCli(['compensate', path.join(EXAMPLES, 'douyin-orders-202611.csv'), '--as-of', '2026-12-01 00:00:00', '-f', 'json', '--lang', 'en']);
    expect(r.stderr).not.toContain('whole yuan');
    expect(r.code, r.stderr).toBe(0);
  });

  it('wholeYuanShown: grouped digits without a decimal point, with or without ¥/￥/元', () => {
    for (const t of ['2,000', '12,345', '¥2,000', '￥ 1,234,567', '2,000元', '-1,000']) expect(wholeYuanShown(t), t).toBe(true);
    // With its fen, or not grouped (General writes 190 and 99.9: exact), or not an amount at all.
    for (const t of ['2,000.00', '12,345.5', '190', '¥190', '99.9', '0元', '1,23', '']) expect(wholeYuanShown(t), t).toBe(false);
  });
});
