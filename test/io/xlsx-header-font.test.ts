// The header row of every xlsx (tableXlsx) and of the roster's wall calendar (sheet.ts) was written with
// the font `{ bold: true }` alone: a <font><b/></font> with no name and no size. LibreOffice filled it
// with a serif of its own (DejaVu Serif Bold in a soffice → pdf render, pdffonts), the header in another
// typeface than the rows under it; Excel takes the missing parts from the default font. It is the
// workbook's own font now, made bold: Calibri 11, theme colour 1 (exceljs' default, the rows' font).
// The zh header row's height is unchanged (desk45 looked at it, README "xlsx"): two 16-pt lines when a
// header goes onto two lines under Calibri's metrics (Excel; LibreOffice with Carlito): 2 × 16 = 32.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const CALIBRI_BOLD = { bold: true, name: 'Calibri', size: 11, family: 2, scheme: 'minor', color: { theme: 1 } };

async function sheet(args: string[]): Promise<ExcelJS.Worksheet> {
  const out = path.join(tmpDir(), 'x.xlsx');
  const r = runCli([...args, '-q', '-o', out]);
  expect(r.code, r.stderr).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return wb.worksheets[0]!;
}

describe('xlsx header font: named and sized as the rows', () => {
  it('compensate zh and en: the header cells are bold Calibri 11; the zh header row is 2 × 16 = 32 pt', async () => {
    for (const lang of ['zh', 'en']) {
      const ws = await sheet(['compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--as-of', '2026-11-20 12:00:00', '--lang', lang]);
      const head = ws.getRow(1);
      for (let c = 1; c <= ws.columnCount; c++) expect(head.getCell(c).font, `${lang} column ${c}`).toEqual(CALIBRI_BOLD);
      // zh: 最长延迟(小时) (14 wide, bold with the filter button more than its column of 12) goes onto two lines.
      if (lang === 'zh') expect(head.height).toBe(32);
    }
  });

  it('the roster wall calendar: its bold cells are Calibri 11 too', async () => {
    const ws = await sheet(['roster', 'plan', '--month', '2026-11', '--agents', '6', '--time-limit', '20', '--lang', 'zh']);
    const fonts: Partial<ExcelJS.Font>[] = [];
    ws.eachRow((row) => row.eachCell((cell) => {
      if (cell.font?.bold) fonts.push(cell.font);
    }));
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatchObject({ name: 'Calibri', family: 2, scheme: 'minor' });
  }, 120_000);
});
