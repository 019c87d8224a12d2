// A workbook's sheets after the first: storeops reads the first sheet (and the sheets a full one goes
// on in, `数据 (2)` …), as docs/formats.md says. The others were passed over without a word: a
// workbook holding two downloads, one sheet each, was read as the first download's orders alone,
// exit 0, and an --exclude list on two sheets excluded the first sheet's ids alone. Now every sheet
// after the table that holds data is named on stderr (also under -q) with its rows, and the run
// exits 1 (needs attention). Made here with exceljs; nothing committed.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const AS_OF = ['--as-of', '2026-11-20 12:00:00'];
const READERS = [{ name: 'fast reader', env: {} }, { name: 'exceljs', env: { STOREOPS_XLSX_READER: 'exceljs' } }];

let dir: string;
let twoDownloads: string;
let pasted: string;
let emptySheets: string;
let excludeList: string;

async function example(): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(EXAMPLES, 'ExportOrderList202611.xlsx'));
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

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

  it('an --exclude list on two sheets: the second sheet is named, exit 1', () => {
    const r = runCli(['compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), ...AS_OF, '--exclude', excludeList, '-f', 'csv', '-q'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${excludeList}: the workbook's sheet "Sheet2" (2 rows with data) was not read`);
    expect(fs.existsSync(excludeList)).toBe(true);
  });
});
