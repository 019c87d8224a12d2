// Amount columns given a currency format in LibreOffice 7.4 (zh-CN) and saved as csv
// (test/fixtures/desk/make.sh, from examples/ExportOrderList202611.csv):
// - saved as GBK: ¥ (U+00A5) is not in GBK, so LibreOffice wrote "?" for it: `?190.00`, `"?2,000.00"`.
//   What the "?" was is not known: each row is rejected, now saying why and how to save the file
//   (it said only `"?190.00" is not a valid amount`).
// - the accounting format saved as UTF-8: `"¥ 12,345.50 "` (the 2000.00 order made 12345.50 so that
//   its amount is grouped). `¥ 190.00` was read; `¥ 12,345.50` was rejected as "its whole part starts
//   with 0" (the space after ¥ failed the grouping test): now read as `¥12,345.50` is.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, FIXTURES, runCli, tmpDir } from '../helpers.js';

const D = (f: string) => path.join(FIXTURES, 'desk', f);
const NOTE_EN = `the "?" stands for a character the file's encoding could not hold (a spreadsheet saved a currency-formatted column into a GBK csv, which has no ¥ sign), and what it was is not guessed; give the column a plain number format before saving, or save as UTF-8 csv or xlsx, or download the export again`;
const NOTE_ZH = '"?" 是文件的编码存不下的字符 (电子表格把设了货币格式的一列存成 GBK 编码的 csv 时, 货币符号 ¥ 变成了 ?), 原来是什么不猜测; 保存前把这一列设为普通数值格式, 或另存为 UTF-8 编码的 csv 或 xlsx, 或重新下载导出';

describe('a currency format saved into a GBK csv ("?" for ¥)', () => {
  it('every row rejected saying what the "?" is (en), never read as an amount', () => {
    const f = D('ExportOrderList-lo-currency-gbk.csv');
    const r = runCli(['compensate', f, '--as-of', '2026-12-01 00:00:00', '-f', 'json', '--lang', 'en']);
    expect(r.stderr).toContain(`${f}:2 [买家应付货款]: "?190.00" is not a valid amount: ${NOTE_EN}`);
    expect(r.stderr).toContain(`${f}:4 [买家应付货款]: "?2,000.00" is not a valid amount: ${NOTE_EN}`);
    expect(r.stderr).toContain('all 9 data rows were rejected');
    expect(r.code).toBe(3);
  });

  it('zh', () => {
    const f = D('ExportOrderList-lo-currency-gbk.csv');
    const r = runCli(['orders', 'inspect', f, '--as-of', '2026-12-01 00:00:00', '-f', 'json', '--lang', 'zh']);
    expect(r.stderr).toContain(`${f}:2 [买家应付货款]: "?190.00" 不是有效的金额: ${NOTE_ZH}`);
  });

  it('zhenjian estimate: a price so saved (built byte for byte: GBK, "?299.00")', () => {
    const f = path.join(tmpDir(), 'zhenjian-products.csv');
    const text = fs.readFileSync(path.join(EXAMPLES, 'zhenjian-products.csv'), 'utf8').replace(',299.00,', ',?299.00,');
    fs.writeFileSync(f, iconv.encode(text, 'gbk'));
    const r = runCli(['zhenjian', 'estimate', f, '--as-of', '2026-12-01 00:00:00', '-f', 'json', '--lang', 'en']);
    expect(r.stderr).toContain(`${f}:2 [一口价]: "?299.00" is not an amount: ${NOTE_EN}`);
  });
});

describe('the accounting format (¥, a space, grouped digits) saved as UTF-8', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`"¥ 12,345.50 " reads as 12345.50: …7903 paid 11-11 10:00, shipped 11-14 09:00, 23 h past its 48 h, 5 % × 12345.50 = 617.28, at most 50.00 (TZ=${tz})`, () => {
      const f = D('ExportOrderList-lo-accounting.csv');
      const r = runCli(['compensate', f, '--as-of', '2026-12-01 00:00:00', '-f', 'json', '--lang', 'en'], { tz });
      // Before: line 4 rejected ("its whole part starts with 0"), exit 1, no voucher for …7903.
      expect(r.stderr).not.toContain('is not a valid amount');
      expect(r.code, r.stderr).toBe(0);
      const v = (JSON.parse(r.stdout) as Array<{ orderIds: string[]; baseAmount: string; amount: string; state: string }>).find((x) => x.orderIds.includes('3515313147329357903'));
      expect(v).toMatchObject({ baseAmount: '12345.50', amount: '50.00', state: 'final' });
    });
  }
});
