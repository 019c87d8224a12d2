// The reviews queue as xlsx: rows were a line or more taller than their text in LibreOffice (18 pt a
// Chinese line; WenQuanYi sets 11-pt lines 12.9 pt apart, Noto Sans CJK 16.0 pt, measured with
// pdftotext -bbox on a soffice render). A line holding Chinese is now 16 pt, the tallest common font's.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

describe('reviews queue xlsx row heights', () => {
  it('a row is 16 pt a Chinese line: 差评 / 描述相符评分低=1 / 服务态度评分低=3 / 安全问题 is 4 × 16 = 64', async () => {
    const out = path.join(tmpDir(), 'q.xlsx');
    const r = runCli(['reviews', 'queue', path.join(EXAMPLES, 'reviews.csv'), '--orders', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--as-of', '2026-11-25 10:00:00', '--lang', 'zh', '-q', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    const heads = (ws.getRow(1).values as unknown[]).slice(1);
    const reasons = heads.indexOf('标记原因') + 1;
    const ids = heads.indexOf('订单编号') + 1;
    const byId = new Map<string, { lines: number; height: number | undefined }>();
    for (let i = 2; i <= ws.rowCount; i++) {
      const row = ws.getRow(i);
      const v = row.getCell(reasons).value as { richText?: { text: string }[] } | string | null;
      const text = typeof v === 'string' ? v : (v?.richText?.map((t) => t.text).join('') ?? '');
      byId.set(String(row.getCell(ids).value), { lines: text.split('\n').length, height: row.height });
    }
    // 6000000000000000902: four reasons, each a line holding Chinese: 4 × 16 pt.
    expect(byId.get('6000000000000000902')).toEqual({ lines: 4, height: 64 });
    // 4100000000000000701: 差评, 描述相符评分低=2, 服务态度评分低=2: 3 × 16 = 48.
    expect(byId.get('4100000000000000701')).toEqual({ lines: 3, height: 48 });
    // 5200000000000000801: 中评, 物流服务评分低=2: 2 × 16 = 32.
    expect(byId.get('5200000000000000801')).toEqual({ lines: 2, height: 32 });
  });
});
