// Cells exceljs cannot resolve must never be read as "[object Object]": a sheet whose shared
// strings were not read (the part is missing, or exceljs's streaming reader lost it: upstream
// exceljs#3064 / unzipper#234) is refused whole; a formula saved without its value is a rejected row.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

type Zip = {
  files: Record<string, { dir: boolean }>;
  remove(p: string): void;
  file(p: string): { async(t: 'nodebuffer'): Promise<Buffer> };
  file(p: string, data: Buffer): void;
  generateAsync(o: { type: 'nodebuffer'; compression?: 'DEFLATE' }): Promise<Buffer>;
};
type JSZipClass = { new (): Zip; loadAsync(b: Buffer | ArrayBuffer): Promise<Zip> };
const JSZip = createRequire(createRequire(import.meta.url).resolve('exceljs'))('jszip') as JSZipClass;

/** The workbook's parts stored in this order (the rest after them), as another xlsx writer might. */
async function reorder(buf: Buffer, first: string[]): Promise<Buffer> {
  const z = await JSZip.loadAsync(buf);
  const names = Object.keys(z.files).filter((n) => !z.files[n]!.dir);
  const out = new JSZip();
  for (const n of [...first, ...names.filter((x) => !first.includes(x))]) out.file(n, await z.file(n).async('nodebuffer'));
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const HEAD = ['订单编号', '买家会员名', '买家实际支付金额', '订单状态', '订单付款时间'];

describe('xlsx cells exceljs cannot resolve', () => {
  it('a sheet whose shared-strings part is missing is refused with exit 3, nothing written', async () => {
    const dir = tmpDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('export');
    ws.addRow(HEAD);
    ws.addRow(['3515313147329358001', '买家甲', '10.00', '交易成功', '2026-11-10 09:00:00']);
    const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings: true } as never)));
    zip.remove('xl/sharedStrings.xml');
    const file = path.join(dir, 'nostrings.xlsx');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const out = path.join(dir, 'out.csv');

    const r = runCli(['orders', 'normalize', file, '-o', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('nostrings.xlsx: the sheet refers to the workbook\'s table of shared strings, but that table was not read');
    expect(r.stderr).not.toContain('[object Object]');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('a formula saved without its value rejects its row by line; the other rows are read', async () => {
    const dir = tmpDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('export');
    ws.addRow(HEAD);
    ws.addRow(['3515313147329358001', '买家甲', '10.00', '交易成功', '2026-11-10 09:00:00']);
    ws.addRow(['3515313147329358002', { formula: 'B2&"乙"' }, '12.00', '交易成功', '2026-11-10 10:00:00']);
    ws.addRow(['3515313147329358003', '买家丙', '14.00', '交易成功', '2026-11-10 11:00:00']);
    const file = path.join(dir, 'formula.xlsx');
    await wb.xlsx.writeFile(file);

    const r = runCli(['orders', 'normalize', file, '-f', 'json', '--show-pii']);
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.stdout) as { orderId: string; buyer: string }[];
    expect(rows.map((o) => `${o.orderId} ${o.buyer}`)).toEqual(['3515313147329358001 买家甲', '3515313147329358003 买家丙']);
    expect(r.stderr).toContain('formula.xlsx:3');
    expect(r.stderr).toContain('the cell in column 2 is a formula saved without its value');
    expect(r.stdout + r.stderr).not.toContain('[object Object]');
  });

  it('a workbook part stored after the sheet and the shared strings (1904 dates) is read, times exact', async () => {
    const dir = tmpDir();
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('export');
    ws.addRow(HEAD);
    // exceljs takes a Date's UTC reading as the wall-clock time it stores.
    ws.addRow(['3515313147329358001', '买家甲', 10, '交易成功', new Date(Date.UTC(2026, 10, 10, 9, 0, 0))]);
    ws.getCell('E2').numFmt = 'yyyy-mm-dd hh:mm:ss';
    const parts = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/workbook.xml'];
    const file = path.join(dir, 'late-workbook.xlsx');
    fs.writeFileSync(file, await reorder(Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings: true } as never)), parts));

    const r = runCli(['orders', 'normalize', file, '-f', 'json', '--show-pii']);
    expect(r.stderr).not.toContain('reading \'sheets\'');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { orderId: string; buyer: string; paidAt: string; paidAmount: string }[];
    expect(rows.map((o) => [o.orderId, o.buyer, o.paidAt, o.paidAmount])).toEqual([['3515313147329358001', '买家甲', '2026-11-10T09:00:00+08:00', '10.00']]);
  });

  it('a formula in a date-formatted cell is its date, with either reader and either date system', async () => {
    // 订单付款时间 written as a formula (=DATE(2026,11,10)+TIME(9,0,0)) whose saved result is the serial
    // number of 2026-11-10 09:00:00 under a date format: read as that time, as a typed date is. It was
    // read as the bare serial number (46336.375) and the row rejected as having no valid time.
    for (const date1904 of [false, true]) {
      const dir = tmpDir();
      const wb = new ExcelJS.Workbook();
      wb.properties.date1904 = date1904;
      const ws = wb.addWorksheet('export');
      ws.addRow(HEAD);
      ws.addRow(['3515313147329358001', '买家甲', 10, '交易成功', { formula: 'DATE(2026,11,10)+TIME(9,0,0)', result: new Date(Date.UTC(2026, 10, 10, 9, 0, 0)) }]);
      ws.getCell('E2').numFmt = 'yyyy-mm-dd hh:mm:ss';
      const file = path.join(dir, 'formula-date.xlsx');
      await wb.xlsx.writeFile(file);
      for (const reader of ['auto', 'exceljs']) {
        const r = runCli(['orders', 'normalize', file, '-f', 'json'], { env: reader === 'exceljs' ? { STOREOPS_XLSX_READER: 'exceljs' } : {} });
        expect({ date1904, reader, code: r.code, stderr: r.stderr }).toEqual({ date1904, reader, code: 0, stderr: expect.any(String) });
        const rows = JSON.parse(r.stdout) as { paidAt: string }[];
        expect(rows.map((o) => o.paidAt)).toEqual(['2026-11-10T09:00:00+08:00']);
      }
    }
  });
});
