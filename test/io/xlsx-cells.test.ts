// Cells exceljs cannot resolve must never be read as "[object Object]": a sheet whose shared
// strings were not read (the part is missing, or exceljs's streaming reader lost it: upstream
// exceljs#3064 / unzipper#234) is refused whole; a formula saved without its value is a rejected row.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

type Zip = { remove(p: string): void; generateAsync(o: { type: 'nodebuffer' }): Promise<Buffer> };
const JSZip = createRequire(createRequire(import.meta.url).resolve('exceljs'))('jszip') as { loadAsync(b: Buffer | ArrayBuffer): Promise<Zip> };

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
});
