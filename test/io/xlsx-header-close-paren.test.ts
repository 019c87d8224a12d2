// A two-line header must not leave a closing bracket alone on its second line. A spreadsheet fills a
// wrapped cell's first line with as much as fits, whatever break its width was worked out for.
// By hand (display width: a Chinese character 2, ASCII 1; bold ×1.1 rounded up; filter button 3):
//   `延迟(小时)` (compensate --by order, zh) is 4 × 2 + 2 = 10 wide. Before: worked out as `延迟(` / `小时)`,
//   each ceil(5 × 1.1) + 3 = 9 → width 9. LibreOffice drew it `延迟(小时` / `)`: `延迟(小时` is
//   4 × 2 + 1 = 9, which fits in 9 (desk53, soffice → pdf → pdftoppm). Now `延迟(小` / `时)`: the first
//   line bold ceil(7 × 1.1) = 8, the second ceil(3 × 1.1) + 3 = 7 → width 8, and `延迟(小时` (9) is wider
//   than 8, so no renderer can pull 时 (nor `)`) up. `剩余(小时)` (the at-risk list) the same.
//   Cells 9 wide (content 9): no such width ≥ 9 exists (`延迟(小时` is 9) → one line, the full
//   header width ceil(10 × 1.1) + 3 = 14.
// A header drawn without a lone bracket is unchanged: `最长延迟(小时)` 12 (worked out as `最长延迟` /
// `(小时)`, drawn `最长延迟(小` (11) / `时)`).
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnWidth } from '../../src/io/xlsx.js';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

describe('two-line headers: no closing bracket alone on the second line', () => {
  it('widths by hand', () => {
    expect(columnWidth('延迟(小时)', 6)).toEqual({ width: 8, wrapHeader: true, wrapCells: false });
    expect(columnWidth('剩余(小时)', 6)).toEqual({ width: 8, wrapHeader: true, wrapCells: false });
    expect(columnWidth('延迟(小时)', 9)).toEqual({ width: 14, wrapHeader: false, wrapCells: false });
    expect(columnWidth('最长延迟(小时)', 6)).toEqual({ width: 12, wrapHeader: true, wrapCells: false });
  });

  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`compensate --by order and --at-risk (zh): the hours column is 8 wide (TZ=${tz})`, async () => {
      const dir = tmpDir('close-paren-');
      const file = path.join(EXAMPLES, 'douyin-orders-202611.csv');
      const cases: Array<[string[], string]> = [
        [['--as-of', '2026-11-20 12:00:00', '--by', 'order'], '延迟(小时)'],
        [['--as-of', '2026-11-18 12:00:00', '--at-risk', '48'], '剩余(小时)'],
      ];
      for (const [args, head] of cases) {
        const out = path.join(dir, `${head.slice(0, 2)}.xlsx`);
        const r = runCli(['compensate', file, ...args, '-o', out, '--lang', 'zh'], { tz });
        expect(r.code).toBe(0);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(out);
        const ws = wb.worksheets[0]!;
        const heads = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
        expect(ws.getColumn(heads.indexOf(head)).width).toBe(8);
      }
    });
  }
});
