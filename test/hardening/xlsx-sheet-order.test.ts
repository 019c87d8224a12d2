// Which sheet of a workbook is the export: the first tab a person opening the file in Excel sees.
// Both xlsx readers took the sheets in the order their parts lie in the zip (exceljs's streaming
// order, which the fast reader copied), not the workbook's order (xl/workbook.xml `<sheets>`, the
// tabs), and read a hidden sheet (state="hidden"/"veryHidden") as any other: a workbook whose
// first tab is the export but whose parts are stored in another order, or whose first sheet is a
// hidden old download, was read from the wrong sheet, and the export named as "not read".
// Now: the workbook's order; a hidden sheet is never read and is named in the summary only.
// Made here with exceljs (and re-zipped by hand with jszip, exceljs's own); nothing committed.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { exampleRows as example } from './xlsx-example.js';

type Zip = {
  files: Record<string, { dir: boolean }>;
  file(p: string): { async(t: 'string' | 'nodebuffer'): Promise<string & Buffer> } | null;
  file(p: string, data: string | Buffer): void;
  generateAsync(o: { type: 'nodebuffer'; compression?: 'DEFLATE' }): Promise<Buffer>;
};
type ZipCtor = { new (): Zip; loadAsync(b: Buffer): Promise<Zip> };
const JSZip = createRequire(createRequire(import.meta.url).resolve('exceljs'))('jszip') as ZipCtor;

const READERS = [{ name: 'fast reader', env: {} as Record<string, string> }, { name: 'exceljs', env: { STOREOPS_XLSX_READER: 'exceljs' } as Record<string, string> }];

let dir: string;
let hiddenFirst: string;
let veryHiddenFirst: string;
let zipOrder: string;
let tabsMoved: string;

/** The zip's entries in `names`' order, every other entry after them as they were. */
async function rezip(buf: Buffer, first: string[], edit?: (name: string, text: string) => string): Promise<Buffer> {
  const z = await JSZip.loadAsync(buf);
  const all = Object.keys(z.files).filter((n) => !z.files[n]!.dir);
  const out = new JSZip();
  for (const n of [...first, ...all.filter((n) => !first.includes(n))]) {
    const f = z.file(n)!;
    out.file(n, edit ? edit(n, await f.async('string')) : await f.async('nodebuffer'));
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

beforeAll(async () => {
  dir = tmpDir();
  // The README example: the header and 9 orders. First 5 (…901, …902, …903, …501, …502) paid
  // 200.00 + 12.00 + 2000.00 + 88.00 + 99.90 = 2399.90; last 4 (…701, …702, …801, …802) paid
  // 58.00 + 30.00 + 236.00 + 0.00 = 324.00.
  const rows = await example();
  expect(rows.length).toBe(10);
  const [head, ...orders] = rows;

  // An old download hidden away as the first sheet (header + last 4 orders: 5 rows with data), the
  // export (header + first 5 orders) on the first tab shown.
  let wb = new ExcelJS.Workbook();
  wb.addWorksheet('旧数据', { state: 'hidden' }).addRows([head!, ...orders.slice(5)]);
  wb.addWorksheet('export').addRows([head!, ...orders.slice(0, 5)]);
  // The tab shown when the file opens is `export`, as Excel saves it (a hidden sheet is never the
  // active one; LibreOffice unhides a hidden sheet a file names as active).
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  hiddenFirst = path.join(dir, 'hidden-first.xlsx');
  await wb.xlsx.writeFile(hiddenFirst);

  // A template's list of drop-down choices (是/否: 2 rows with data), veryHidden, before all 9 orders.
  wb = new ExcelJS.Workbook();
  wb.addWorksheet('选项', { state: 'veryHidden' }).addRows([['是'], ['否']]);
  wb.addWorksheet('export').addRows(rows);
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  veryHiddenFirst = path.join(dir, 'veryhidden-first.xlsx');
  await wb.xlsx.writeFile(veryHiddenFirst);

  // Tabs `export` (sheet1.xml: first 5 orders), `Sheet2` (sheet2.xml: header + last 4 = 5 rows with
  // data); the zip stores sheet2.xml before sheet1.xml.
  wb = new ExcelJS.Workbook();
  wb.addWorksheet('export').addRows([head!, ...orders.slice(0, 5)]);
  wb.addWorksheet('Sheet2').addRows([head!, ...orders.slice(5)]);
  const two = Buffer.from(await wb.xlsx.writeBuffer());
  zipOrder = path.join(dir, 'zip-order.xlsx');
  fs.writeFileSync(zipOrder, await rezip(two, ['[Content_Types].xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet1.xml']));

  // The tab moved, parts kept (as a tool that keeps sheetN.xml does): xl/workbook.xml lists Sheet2
  // (sheet2.xml) first; sheet1.xml (`export`) is stored first in the zip and is now the second tab.
  tabsMoved = path.join(dir, 'tabs-moved.xlsx');
  fs.writeFileSync(
    tabsMoved,
    await rezip(two, [], (n, t) => {
      if (n !== 'xl/workbook.xml') return t;
      const m = /<sheets>(<sheet [^>]*\/>)(<sheet [^>]*\/>)<\/sheets>/.exec(t);
      expect(m).not.toBeNull();
      return t.replace(m![0], `<sheets>${m![2]}${m![1]}</sheets>`);
    }),
  );
});

describe.each(READERS)('the workbook order and hidden sheets ($name)', ({ env }) => {
  it('a hidden first sheet is not the export: the first tab shown is read (5 orders, 2399.90), the hidden one named in the summary only, exit 0', () => {
    // Before: the hidden 4 orders (324.00) read, `export` named as not read, exit 1.
    const r = runCli(['orders', 'inspect', hiddenFirst, '-f', 'json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ rowsRead: 5, accepted: 5, paidSum: '2399.90' });
    expect(r.stderr).toContain(`storeops: ${hiddenFirst}: the hidden sheet "旧数据" (5 rows with data) was not read (a sheet hidden in Excel is not read as the table); the sheet read is "export".`);
    expect(r.stderr).not.toContain('warning');
    const zh = runCli(['orders', 'inspect', hiddenFirst, '-f', 'json', '--lang', 'zh'], { env });
    expect(zh.stderr).toContain(`${hiddenFirst}: 隐藏的工作表 "旧数据" (5 行有内容) 没有读取`);
    const q = runCli(['orders', 'inspect', hiddenFirst, '-f', 'json', '-q'], { env });
    expect(q.code).toBe(0);
    expect(q.stderr).toBe('');
  });

  it('a veryHidden list of choices before the export: all 9 orders read, the list named as hidden (not as a sheet passed over)', () => {
    const r = runCli(['orders', 'inspect', veryHiddenFirst, '-f', 'json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ rowsRead: 9, accepted: 9 });
    expect(r.stderr).toContain(`${veryHiddenFirst}: the hidden sheet "选项" (2 rows with data) was not read`);
    expect(r.stderr).not.toContain('passed over');
  });

  it('parts stored in another order than the tabs: the first tab `export` is read (5 orders), Sheet2 named as not read, exit 1', () => {
    // Before: Sheet2 (stored first) read as the export: 4 orders, 324.00, and `export` named as not read.
    const r = runCli(['orders', 'inspect', zipOrder, '-f', 'json'], { env });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ rowsRead: 5, accepted: 5, paidSum: '2399.90' });
    expect(r.stderr).toContain(`${zipOrder}: the workbook's sheet "Sheet2" (5 rows with data) was not read: only its first sheet, "export", is read`);
  });

  it('a tab moved, its part kept: the first tab (Sheet2, 4 orders, 324.00) is read, `export` named as not read', () => {
    // Before: sheet1.xml (`export`, the second tab) read: 5 orders, 2399.90.
    const r = runCli(['orders', 'inspect', tabsMoved, '-f', 'json'], { env });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ rowsRead: 4, accepted: 4, paidSum: '324.00' });
    expect(r.stderr).toContain(`${tabsMoved}: the workbook's sheet "export" (6 rows with data) was not read: only its first sheet, "Sheet2", is read`);
  });

  it('on standard input too, and no temporary file is left behind', () => {
    const tmp = tmpDir();
    const r = runCli(['orders', 'inspect', '-', '-f', 'json'], { env: { ...env, TMPDIR: tmp }, input: fs.readFileSync(zipOrder) });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ rowsRead: 5, accepted: 5, paidSum: '2399.90' });
    expect(fs.readdirSync(tmp)).toEqual([]);
  });
});
