// The reviews queue as xlsx: rows were a line or more taller than their text in LibreOffice (18 pt a
// Chinese line; WenQuanYi sets 11-pt lines 12.9 pt apart, Noto Sans CJK 16.0 pt, measured with
// pdftotext -bbox on a soffice render). A line holding Chinese is now 16 pt, the tallest common font's.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';
import { heightOf } from '../../src/io/xlsx.js';

/** The reasons cell of order `id`, its lines joined by a newline. */
function text(ws: ExcelJS.Worksheet, _by: unknown, id: string, reasons: number, ids: number): string {
  for (let i = 2; i <= ws.rowCount; i++) {
    const row = ws.getRow(i);
    if (String(row.getCell(ids).value) !== id) continue;
    const v = row.getCell(reasons).value as { richText?: { text: string }[] } | string | null;
    return typeof v === 'string' ? v : (v?.richText?.map((t) => t.text).join('') ?? '');
  }
  return '';
}

describe('reviews queue xlsx row heights', () => {
  it('the reasons share lines: 差评; 描述相符评分低=1; 服务态度评分低=3; 安全问题 is one line (was 4 × 16 = 64 pt)', async () => {
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
    // Since 2026-12 (desk52) a list column of a sheet printed across pages takes the width that prints
    // as few pages with the shortest rows (fitWidths), its items sharing lines (packLines, `; `): the
    // reasons, one a line, made these rows 3-4 lines tall while every other cell held one.
    // 6000000000000000902: 差评 (4) + '; ' + 描述相符评分低=1 (7 wide characters + 2 = 16) + '; ' +
    // 服务态度评分低=3 (16) + '; ' + 安全问题 (8) = 50 columns on one line; + 2 of padding = 52, the
    // queue's widest list: one line, no explicit height (was 4 × 16 = 64 pt).
    expect(ws.getColumn(reasons).width).toBe(52);
    expect(byId.get('6000000000000000902')).toEqual({ lines: 1, height: undefined });
    expect(text(ws, byId, '6000000000000000902', reasons, ids)).toBe('差评; 描述相符评分低=1; 服务态度评分低=3; 安全问题');
    // 4100000000000000701: 差评, 描述相符评分低=2, 服务态度评分低=2 (was 3 × 16 = 48); 5200000000000000801:
    // 中评, 物流服务评分低=2 (was 2 × 16 = 32): one line each.
    expect(byId.get('4100000000000000701')).toEqual({ lines: 1, height: undefined });
    expect(byId.get('5200000000000000801')).toEqual({ lines: 1, height: undefined });
    // As many pages across as before: 3.
    expect(ws.pageSetup.fitToWidth).toBe(3);
  });

  it('a line holding Chinese is 16 pt, one without 15 (heightOf)', () => {
    // 差评 / 描述相符评分低=1 in a column 20 wide: 2 lines × 16 = 32; negative_rating / safety: 2 × 15 = 30.
    expect(heightOf('差评\n描述相符评分低=1', 20)).toEqual({ lines: 2, pt: 32 });
    expect(heightOf('negative_rating\nsafety', 20)).toEqual({ lines: 2, pt: 30 });
  });
});
