// 陈姐 (天猫 女装) printed `zhenjian estimate … -o 甄检费用.xlsx`: 48 pages. The sheet's 33 columns print 3
// pages across; its 提醒 column (a few sentences a product) wrapped at 50 units made every row four to
// nine lines tall on all three pages while its own page was a third empty, and the pages came down
// then over, so a product's 提醒 printed pages after its figures. Now a wrapped column of a sheet
// printed across pages takes the room left on its page (at 70 %), and the pieces of the same rows
// print one after the other (over, then down). Measured with LibreOffice (Carlito for Calibri): 40
// 女装 products 18 pages → 6; the example's 4 products with labels 3 → 3.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnPt, pagesAcross, printSetup, widenWrapped } from '../../src/io/xlsx.js';
import { displayWidth } from '../../src/io/width.js';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

describe('widenWrapped: a wrapped column takes the room its page leaves', () => {
  // 20 columns of 10 and a wrapped one of 50, column A repeated. At 70 % a unit is 7 px × 0.75 × 0.7 =
  // 3.675 pt (columnPt(w) = 5.25 w for whole w); a column of 10 is 36.75 pt, of 50 183.75 pt.
  // Page 1: 20 × 36.75 = 735; + 183.75 = 918.75 > 784.29, so the wrapped column starts page 2, after
  // the repeated A: 36.75 + 183.75 = 220.5 pt. Room, 97 % of the page: 784.29 × 0.97 − 220.5 = 540.26 pt
  // = 147 units (147 × 3.675 = 540.225; 148: 543.9): 50 + 147 = 197.
  const widths = [...Array(20).fill(10), 50];
  const none = Array(20).fill(undefined);

  it('up to the room: 50 → 197, still 2 pages across', () => {
    expect(columnPt(50) * 0.7).toBeCloseTo(183.75, 9);
    const wider = widenWrapped(widths, [...none, 255], [0]);
    expect(wider).toEqual([...Array(20).fill(10), 197]);
    expect(pagesAcross(widths, 0.7, [0])).toBe(2);
    expect(pagesAcross(wider, 0.7, [0])).toBe(2);
  });

  it('no wider than its widest line: want 120 → 120', () => {
    expect(widenWrapped(widths, [...none, 120], [0])).toEqual([...Array(20).fill(10), 120]);
  });

  it('a repeated column and a column not wrapped are left as they are', () => {
    expect(widenWrapped(widths, [255, ...none.slice(1), undefined], [0])).toEqual(widths);
  });
});

describe('page order', () => {
  it('across pages: over, then down; one page wide: the default', () => {
    // 30 columns of 10: 2 pages across (xlsx-print.test.ts); 25 columns: one page wide.
    expect(printSetup('1:1', { widths: Array(30).fill(10), idColumn: 0 }).pageOrder).toBe('overThenDown');
    expect(printSetup('1:1', { widths: Array(25).fill(10), idColumn: 0 })).not.toHaveProperty('pageOrder');
  });
});

describe('zhenjian estimate -o x.xlsx (the example, zh)', () => {
  it('3 pages across, over then down, header row and A:B repeated, frozen header; 提醒 wider than 50, no wider than its widest line', async () => {
    const out = path.join(tmpDir(), '甄检费用.xlsx');
    const args = [path.join(EXAMPLES, 'zhenjian-products.csv'), '--avg-order', '150', '--balance', '5000', '--as-of', '2026-11-20 11:00', '--lang', 'zh', '-q'];
    const r = runCli(['zhenjian', 'estimate', ...args, '-o', out]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    const widths = ws.columns.map((c) => c.width ?? 0);
    expect(widths.length).toBe(33);
    expect(ws.getCell(1, 33).value).toBe('提醒');
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.pageOrder).toBe('overThenDown');
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
    expect(ws.pageSetup.printTitlesColumn).toBe('A:B');
    expect(ws.pageSetup.fitToWidth).toBe(3);
    expect(pagesAcross(widths, 0.7, [0, 1])).toBe(3);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // The widest 提醒 line, from the csv of the same run (one warning a line), + 2 of padding.
    const csv = runCli(['zhenjian', 'estimate', ...args, '-f', 'json']);
    const rows = JSON.parse(csv.stdout) as { warnings: string | string[] }[];
    const lines = rows.flatMap((x) => (Array.isArray(x.warnings) ? x.warnings : String(x.warnings ?? '').split('\n')));
    const widest = Math.max(...lines.map((l) => displayWidth(l))) + 2;
    expect(widest).toBeGreaterThan(50);
    expect(widths[32]).toBeGreaterThan(50);
    expect(widths[32]).toBeLessThanOrEqual(widest);
  });
});
