// A workbook's sheets after the first: storeops reads the first sheet (and the sheets a full one goes
// on in, `数据 (2)` …), as docs/formats.md says. The others were passed over without a word: a
// workbook holding two downloads, one sheet each, was read as the first download's orders alone,
// exit 0, and an --exclude list on two sheets excluded the first sheet's ids alone. Now every sheet
// after the table that holds data is named on stderr (also under -q) with its rows, and the run
// exits 1 (needs attention). Made here with exceljs; nothing committed.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';
import { exampleRows as example } from './xlsx-example.js';

// jszip is exceljs's, not a dependency of storeops: loaded through exceljs (as test/io/xlsx-cells.test.ts does).
type Zip = {
  file(p: string): { async(t: 'string'): Promise<string> } | null;
  file(p: string, data: string): void;
  generateAsync(o: { type: 'nodebuffer'; compression?: 'DEFLATE' }): Promise<Buffer>;
};
const JSZip = createRequire(createRequire(import.meta.url).resolve('exceljs'))('jszip') as { loadAsync(b: Buffer): Promise<Zip> };

const AS_OF = ['--as-of', '2026-11-20 12:00:00'];
const READERS: { name: string; env: Record<string, string> }[] = [{ name: 'fast reader', env: {} }, { name: 'exceljs', env: { STOREOPS_XLSX_READER: 'exceljs' } }];

let dir: string;
let twoDownloads: string;
let pasted: string;
let emptySheets: string;
let excludeList: string;
let notesSheet: string;
let emptyFormula: string;
let notesFirst: string;

async function book(file: string, sheets: [string, string[][]][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of sheets) wb.addWorksheet(name).addRows(rows);
  await wb.xlsx.writeFile(file);
  return file;
}

beforeAll(async () => {
  dir = tmpDir();
  // The README example's 10 rows: the header and 9 orders (…901 … …802).
  const rows = await example();
  expect(rows.length).toBe(10);
  const [head, ...orders] = rows;
  // Two downloads in one workbook: the first 5 orders on `export`, the other 4 (老王的店铺's …701 and
  // …702, …801, …802) under the same header on `Sheet2`: 5 rows with data there.
  twoDownloads = await book(path.join(dir, 'two-downloads.xlsx'), [['export', [head!, ...orders.slice(0, 5)]], ['Sheet2', [head!, ...orders.slice(5)]]]);
  // The same 4 orders pasted without a header: 4 rows with data.
  pasted = await book(path.join(dir, 'pasted.xlsx'), [['export', [head!, ...orders.slice(0, 5)]], ['Sheet2', orders.slice(5)]]);
  // Excel 2007–2010's new workbook: Sheet2 and Sheet3 there, empty.
  emptySheets = await book(path.join(dir, 'empty-sheets.xlsx'), [['Sheet1', rows], ['Sheet2', []], ['Sheet3', []]]);
  // An --exclude list on two sheets: …903 on the first, …701 on the second (2 rows with data).
  excludeList = await book(path.join(dir, 'exclude.xlsx'), [['Sheet1', [['订单编号'], ['3515313147329357903']]], ['Sheet2', [['订单编号'], ['4100000000000000701']]]]);
  // The 9 orders, then a 说明 sheet of notes (one cell a row, 2 rows) and a hidden list of choices
  // for a drop-down (是/否, one cell a row): neither is more of a 71-column table.
  notesSheet = await book(path.join(dir, 'notes.xlsx'), [['export', rows], ['说明', [['1. 金额单位: 元'], ['2. 导出时间 2026-11-30 10:00']]], ['选项', [['是'], ['否']]]]);
  // xlsx12: a 说明 sheet first (its title 导出说明 and one line of notes), the export second, and a
  // copy of the last 4 orders under the same header on a third sheet (two downloads).
  notesFirst = await book(path.join(dir, 'notes-first.xlsx'), [
    ['说明', [['导出说明'], ['1. 金额单位: 元']]],
    ['export', rows],
    ['Sheet3', [head!, ...orders.slice(5)]],
  ]);
  // A sheet whose one cell is a formula giving "" (=IF(A1="","",A1) left in a template): nothing shows.
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('export').addRows(rows);
  wb.addWorksheet('Sheet2').getCell('A1').value = { formula: 'IF(1=0,"x","")', result: '' };
  emptyFormula = path.join(dir, 'empty-formula.xlsx');
  await wb.xlsx.writeFile(emptyFormula);
});

describe.each(READERS)('sheets after the first ($name)', ({ env }) => {
  it('two downloads in one workbook: the second sheet is named with its rows, exit 1 (it was exit 0, not a word)', () => {
    const r = runCli(['compensate', twoDownloads, ...AS_OF, '-f', 'csv', '-q'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${twoDownloads}: the workbook's sheet "Sheet2" (5 rows with data) was not read: only its first sheet, "export", is read`);
    // The first sheet's orders only, as before: 老王的店铺's voucher (…701) is not there.
    expect(r.stdout).toContain('3515313147329357903');
    expect(r.stdout).not.toContain('4100000000000000701');
    const zh = runCli(['orders', 'inspect', pasted, '-f', 'json', '--lang', 'zh'], { env });
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain(`${pasted}: 工作簿中的工作表 "Sheet2" (4 行有内容) 没有读取: 只读取第一个工作表 "export"`);
    expect(JSON.parse(zh.stdout)[0]).toMatchObject({ rowsRead: 5, accepted: 5 });
  });

  it('empty sheets after the table (a new Excel 2010 workbook) say nothing: exit 0, all 9 orders read', () => {
    const r = runCli(['orders', 'inspect', emptySheets, '-f', 'json'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('was not read');
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ rowsRead: 9, accepted: 9 });
  });

  it('a second sheet whose XML is cut (damaged) does not stop the run: named, exit 1, the first sheet read', async () => {
    const z = await JSZip.loadAsync(fs.readFileSync(twoDownloads));
    const xml = await z.file('xl/worksheets/sheet2.xml')!.async('string');
    z.file('xl/worksheets/sheet2.xml', xml.slice(0, Math.floor(xml.length / 2)) + '<row><c><<<');
    const bad = path.join(dir, `damaged-${Math.random().toString(36).slice(2)}.xlsx`);
    fs.writeFileSync(bad, await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const r = runCli(['orders', 'inspect', bad, '-f', 'json'], { env });
    expect(r.code).toBe(1);
    // The fast reader reads what it can of the cut XML (its rows before the cut), exceljs calls it damaged: named either way.
    expect(r.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the workbook's sheet "Sheet2" \\((damaged: it could not be read to its end|\\d+ rows? with data)\\) was not read`));
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ rowsRead: 5, accepted: 5 });
  });

  it('an --exclude list on two sheets: the second sheet is named, exit 1', () => {
    const r = runCli(['compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), ...AS_OF, '--exclude', excludeList, '-f', 'csv', '-q'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${excludeList}: the workbook's sheet "Sheet2" (2 rows with data) was not read`);
    expect(fs.existsSync(excludeList)).toBe(true);
  });

  it('a notes sheet and a hidden drop-down list (one cell a row, the table 71 columns wide) are named in the summary but need no attention: exit 0, all 9 orders read', () => {
    // They were exit 1 with a warning under -q, as two downloads are: every cron run of a workbook
    // the seller centre gives a 说明 sheet failed. The widest row there holds 1 cell, fewer than a
    // quarter of the 71 columns (18): not more of the table.
    const r = runCli(['orders', 'inspect', notesSheet, '-f', 'json'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('warning');
    expect(r.stderr).toContain(`storeops: ${notesSheet}: the workbook's sheets "说明" (2 rows with data), "选项" (2 rows with data) were not read: only its first sheet, "export", is read`);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ rowsRead: 9, accepted: 9 });
    const q = runCli(['orders', 'inspect', notesSheet, '-f', 'json', '-q'], { env });
    expect(q.code).toBe(0);
    expect(q.stderr).toBe('');
  });

  it('a 说明 sheet before the export: the export is read (9 orders), the notes sheet named as passed over, the later sheet as not read', () => {
    // Before: exit 3 "unknown export layout; columns found: 导出说明", no word of the sheet "export".
    // 说明 has 2 rows with data, 1 cell wide (fewer than a quarter of 71): a note, not a warning.
    // Sheet3 holds the header and 4 orders: 5 rows with data, as wide as the table: warning, exit 1.
    const r = runCli(['orders', 'inspect', notesFirst, '-f', 'json'], { env });
    expect(r.stderr).not.toContain('unknown export layout');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ rowsRead: 9, accepted: 9 });
    expect(r.stderr).toContain(
      `${notesFirst}: read the sheet "export"; the sheet before it, "说明" (2 rows with data), has no header this command reads in its first 15 rows and was passed over (not read)`,
    );
    expect(r.stderr).toContain(`${notesFirst}: the workbook's sheet "Sheet3" (5 rows with data) was not read: only the sheet "export" is read`);
    const zh = runCli(['orders', 'inspect', notesFirst, '-f', 'json', '--lang', 'zh', '-q'], { env });
    expect(zh.code).toBe(1);
    // Under -q only the warning (Sheet3); the passed-over notes page is a summary note.
    expect(zh.stderr).toContain('工作簿中的工作表 "Sheet3" (5 行有内容) 没有读取: 只读取工作表 "export"');
    expect(zh.stderr).not.toContain('说明');
    const zhAll = runCli(['orders', 'inspect', notesFirst, '-f', 'json', '--lang', 'zh'], { env });
    expect(zhAll.stderr).toContain(`${notesFirst}: 读取的是工作表 "export": 它前面的工作表 "说明" (2 行有内容) 前 15 行里没有本命令能识别的表头, 已跳过 (没有读取)`);
  });

  it('a sheet whose only cell is a formula showing nothing holds no data: exit 0, not named', ({ skip }) => {
    // Excel writes the "" result as <v></v>: the fast reader reads it as '' (the cell's text), exceljs
    // as a formula without its value (a row of the table holding it is refused), so data, named.
    if (env.STOREOPS_XLSX_READER === 'exceljs') skip();
    const r = runCli(['orders', 'inspect', emptyFormula, '-f', 'json'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('Sheet2');
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ rowsRead: 9, accepted: 9 });
  });
});
