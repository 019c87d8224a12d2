// A time known only as its date, written to an xlsx: a date cell shown yyyy-mm-dd, not the text
// '2027-06-03', which a spreadsheet sorts after every real date (text after numbers) and leaves
// out of a date filter. (reviews' reviewedAt: test/reviews/date-only.test.ts.)
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

describe('xlsx: a date alone in a time column', () => {
  it.each(['UTC', 'America/Los_Angeles'])('zhenjian expiresAt / renewFrom typed as a date: date cells, the date at 00:00, yyyy-mm-dd (machine TZ=%s)', async (tz) => {
    const dir = tmpDir('xlsx-date-');
    const f = path.join(dir, 'p.csv');
    // 到期时间 2027-06-03 → renewFrom 06-03 − 15 days = 05-19; 签约时间 with its time stays a date-time.
    fs.writeFileSync(f, '商品ID,一口价,成本,服务费,到期时间,签约时间\n1,100,10,50,2027-06-03,2026-11-20 10:00:00\n');
    const out = path.join(dir, 'e.xlsx');
    const r = runCli(['zhenjian', 'estimate', f, '--commission', '0', '--as-of', '2026-11-20 11:00', '-o', out, '-q'], { tz });
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    const head = ws.getRow(1).values as unknown[];
    const cell = (k: string) => ws.getRow(2).getCell(head.indexOf(k));
    expect([cell('expiresAt').value, cell('expiresAt').numFmt]).toEqual([new Date(Date.UTC(2027, 5, 3)), 'yyyy-mm-dd']);
    expect([cell('renewFrom').value, cell('renewFrom').numFmt]).toEqual([new Date(Date.UTC(2027, 4, 19)), 'yyyy-mm-dd']);
    expect([cell('signedAt').value, cell('signedAt').numFmt]).toEqual([new Date(Date.UTC(2026, 10, 20, 10)), 'yyyy-mm-dd hh:mm:ss']);
  });
});
