// The shipped example workbook's first sheet as rows of text, read with exceljs: the two xlsx-sheet
// test files build their several-sheet workbooks from it.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { EXAMPLES } from '../helpers.js';

export async function exampleRows(): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(EXAMPLES, 'ExportOrderList202611.xlsx'));
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}
