// A row's height is one value for all its pieces when a sheet prints across pages: the 甄检 estimate's
// 提醒 (a few sentences a product), squeezed into the room its page left, made every piece of its rows
// as tall (40 products, en: 18 A4 pages in LibreOffice, pages 1 and 2 mostly empty cells); the reviews
// queue's reasons, one a line, made rows 3-4 lines tall whose other cells held one. fitWidths chooses
// the wrapped columns' widths that print the fewest pages (pages across × pages down), and of those the
// shortest rows; a list's items then share lines (packLines). Numbers worked by hand below.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FIT_ROWS, type FitRow, columnPt, fitWidths, packLines, pageLayout, pagesAcross, pagesDown } from '../../src/io/xlsx.js';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

describe('packLines: a list\'s items share lines as wide as the column holds', () => {
  const reasons = ['negative_rating', 'low_dsr_description=1', 'low_dsr_service=3', 'safety'];
  it('27 wide: low_dsr_service=3; safety is 17 + 2 + 6 = 25, + 2 of padding = 27: one line; the others alone', () => {
    expect(packLines(reasons, 27)).toBe('negative_rating\nlow_dsr_description=1\nlow_dsr_service=3; safety');
  });
  it('40 wide: negative_rating; low_dsr_description=1 is 15 + 2 + 21 = 38, + 2 = 40', () => {
    expect(packLines(reasons, 40)).toBe('negative_rating; low_dsr_description=1\nlow_dsr_service=3; safety');
  });
  it('Chinese counts two a character: 差评; 描述相符评分低=1 is 4 + 2 + 16 = 22, + 2 = 24', () => {
    expect(packLines(['差评', '描述相符评分低=1'], 24)).toBe('差评; 描述相符评分低=1');
    expect(packLines(['差评', '描述相符评分低=1'], 23)).toBe('差评\n描述相符评分低=1');
  });
});

describe('pagesDown: rows never split, the header row repeated', () => {
  // A4 landscape less the 0.5 in margins: 595.28 − 72 = 523.28 pt at 70 % = 747.54 pt of rows, less a
  // 15-pt header: 732.54.
  it('two rows of 400 pt: 2 pages; 48 of 15: 720 pt, 1 page; 49: 735 > 732.54, 2', () => {
    expect(pagesDown([400, 400], 15)).toBe(2);
    expect(pagesDown(Array(48).fill(15), 15)).toBe(1);
    expect(pagesDown(Array(49).fill(15), 15)).toBe(2);
  });
});

describe('fitWidths: the fewest pages, then the shortest rows', () => {
  // Column A (10) repeated, 38 more columns of 10 and a wrapped one last. At 70 % a unit is 3.675 pt
  // (xlsx-print-wrapped), a column of 10 36.75 pt. Page 1: 21 columns = 771.75 ≤ 784.29. Page 2: A +
  // 18 columns = 698.25 pt, and the wrapped column at 17 (62.475 pt: 760.725, within 97 % of the page,
  // 760.76: what widenWrapped gives it) — 2 pages across.
  const widths = [...Array(39).fill(10), 17];
  const want = [...Array(39).fill(undefined), 100];
  const rows = (n: number, chars: number): FitRow[] => Array.from({ length: n }, () => ({ fixed: 0, cells: ['x'.repeat(chars)] }));

  it('40 rows of a 98-character text: a page of its own, 100 wide: 3 pages instead of 10', () => {
    expect(pagesAcross(widths, 0.7, [0])).toBe(2);
    // At 17: ceil((98 + 2) / 17) = 6 lines = 90 pt a row; floor(732.54 / 90) = 8 rows a page: 5 pages
    // down × 2 across = 10. At 100 it no longer fits page 2 (698.25 + 367.5 > 784.29) and starts page 3
    // after A (36.75 + 367.5 = 404.25 ≤ 760.76): one line, 40 × 15 = 600 pt, 1 page down × 3 = 3.
    // (At 50: 2 lines, 30 pt, 1,200 pt: 2 down × 3 = 6; only 100 and more is one line.)
    const out = fitWidths(widths, want, rows(40, 98), [0], 15);
    expect(out).toEqual([...Array(39).fill(10), 100]);
    expect(pagesAcross(out, 0.7, [0])).toBe(3);
    expect(pageLayout(out, 0.7, [0]).page.at(-1)).toBe(2);
  });

  it('10 rows of a 30-character text: kept on its page (2 pages; its own page would print 3)', () => {
    // At 17: ceil(32 / 17) = 2 lines, 30 pt × 10 = 300 pt: 1 page down × 2 across = 2. Past 17 it
    // starts page 3: 1 × 3 = 3, more pages: kept.
    expect(fitWidths(widths, want, rows(10, 30), [0], 15)).toEqual(widths);
  });

  it('a row taller for another cell (fixed) gains nothing from a wider column: kept', () => {
    // 40 rows whose other cells need 90 pt: 5 pages down whatever the wrapped column's width.
    const tall = rows(40, 98).map((r) => ({ ...r, fixed: 90 }));
    expect(fitWidths(widths, want, tall, [0], 15)).toEqual(widths);
  });

  it('a list column grows within its page when that makes rows shorter at the same pages', () => {
    // A (10) repeated, then a list column of 23 and 2 columns of 10: one page (36.75 + 84.525 + 73.5).
    // Its items at 23: 4 lines (60 pt); at 40, 2 lines (30 pt; packLines above); want 67 (the four on
    // one line: 15 + 21 + 17 + 6 + 3 × 2 = 65, + 2): one line, 15 pt, 1 page still.
    const w = [10, 23, 10, 10];
    const items = ['negative_rating', 'low_dsr_description=1', 'low_dsr_service=3', 'safety'];
    const out = fitWidths(w, [undefined, 67, undefined, undefined], [{ fixed: 0, cells: [items] }], [0], 15);
    expect(out).toEqual([10, 67, 10, 10]);
    expect(packLines(items, 67)).toBe('negative_rating; low_dsr_description=1; low_dsr_service=3; safety');
  });
});

describe('the 甄检 estimate, 40 products (en): 提醒 on a page of its own', () => {
  it('4 pages across, 提醒 alone on the 4th after the repeated kind and itemId, rows a few lines tall', async () => {
    // The example's 4 products 10 times over (ids changed). Before: 3 pages across, 提醒 51 wide on page 3
    // with 13 other columns, rows 94-183 pt; LibreOffice (Carlito) printed 18 pages, now 12 (4 × 3).
    const dir = tmpDir();
    const csv = (await import('node:fs')).readFileSync(path.join(EXAMPLES, 'zhenjian-products.csv'), 'utf8').trim().split('\n');
    const lines = [csv[0]!];
    for (let i = 0; i < 40; i++) lines.push(csv[1 + (i % 4)]!.replace(/^\d+/, String(680012300000 + i)));
    const f = path.join(dir, 'p40.csv');
    (await import('node:fs')).writeFileSync(f, lines.join('\n') + '\n');
    const out = path.join(dir, 'p40.xlsx');
    const r = runCli(['zhenjian', 'estimate', f, '--avg-order', '150', '--balance', '5000', '--as-of', '2026-11-20 11:00', '--lang', 'en', '-q', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    const widths = ws.columns.map((c) => c.width ?? 0);
    expect(ws.pageSetup.fitToWidth).toBe(4);
    const layout = pageLayout(widths, 0.7, [0, 1]);
    expect(layout.page.at(-1)).toBe(3);
    expect(layout.page.at(-2)).toBe(2);
    // The tallest row of the 40: at most 5 lines of 15 pt (its 提醒 of 3-4 sentences, each about a line
    // at this width); before, 183 pt.
    const heights = Array.from({ length: 40 }, (_, i) => ws.getRow(i + 2).height ?? 15);
    expect(Math.max(...heights)).toBeLessThanOrEqual(75);
    expect(columnPt(widths.at(-1)!) * 0.7 + columnPt(widths[0]!) * 0.7 + columnPt(widths[1]!) * 0.7).toBeLessThanOrEqual(784.29 * 0.97);
    expect(FIT_ROWS).toBe(1000);
  });
});
