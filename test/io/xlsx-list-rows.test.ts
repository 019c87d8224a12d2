// A list cell (a voucher's order ids, `orders inspect`'s columns) is one item per line, and its row
// is as tall as its lines, up to Excel's highest row: 409 pt. What a cell holds below that is neither
// shown nor printed: a voucher of 45 late orders printed 32 of its ids (LibreOffice 7.4; Excel shows
// 27), so the shop issuing from the printout left 13 orders out. Past 27 lines (15 pt each; 22 of
// Chinese at 18 pt) the items now go several to a line, `; ` between them, in a column as wide as
// the longest line, so every item is inside the row.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { packList } from '../../src/io/xlsx.js';
import { order, taobaoCsv } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => String(8100000000000000000n + BigInt(i)));

describe('xlsx list cells taller than the highest row', () => {
  it('packList: one item a line while 27 fit (25 of Chinese), else as few a line as fit, never past 255 columns', () => {
    expect(packList(ids(27))).toEqual(ids(27));
    // 28 ids: ceil(28 / 27) = 2 a line, 14 lines.
    const p28 = packList(ids(28));
    expect(p28).toHaveLength(14);
    expect(p28[0]).toBe('8100000000000000000; 8100000000000000001');
    // Chinese items: 16 pt lines, floor(409 / 16) = 25 fit; 46 items: ceil(46 / 25) = 2 a line, 23 lines.
    const zh = Array.from({ length: 46 }, (_, i) => `未使用列${i}`);
    expect(packList(zh.slice(0, 25))).toEqual(zh.slice(0, 25));
    expect(packList(zh)).toHaveLength(23);
    expect(packList(zh)[22]).toBe('未使用列44; 未使用列45');
    // 1,000 ids would need 38 a line (ceil(1000 / 27)); a 255-wide column holds floor(255 / 21) = 12.
    const p1000 = packList(ids(1000));
    expect(p1000[0]!.split('; ')).toHaveLength(12);
    expect(p1000).toHaveLength(Math.ceil(1000 / 12));
  });

  it.each(['UTC', 'America/Los_Angeles'])('compensate -o xlsx: a voucher of 45 late orders shows all 45 ids inside its row (TZ=%s)', async (tz) => {
    const dir = tmpDir();
    const file = path.join(dir, 'orders.csv');
    // One buyer, 45 orders paid 2026-11-10 08:00:00 + i minutes, 100.00 each, no postage, none
    // shipped as of 11-20 00:00: deadline 11-12 08:xx (48 h), some 184 h late, more than 72 h, so out
    // of stock (tmall-2026 tier 2, window ≤ 48 h: 100.00 × 10 % = 10.00), one Beijing day: one
    // voucher of 45 × 10.00 = 450.00 (under the 500.00 cap).
    const all = ids(45);
    const paidAt = (i: number) => `2026-11-10 08:${String(i).padStart(2, '0')}:00`;
    const rows = all.map((id, i) => order(id, { 买家会员名: '批发客户', 买家应付货款: '100.00', 买家应付邮费: '0.00', 买家实际支付金额: '100.00', 订单状态: '买家已付款，等待卖家发货', 订单付款时间: paidAt(i), 订单创建时间: paidAt(i), 发货时间: '' }));
    fs.writeFileSync(file, taobaoCsv(rows));
    const out = path.join(dir, 'v.xlsx');
    const r = runCli(['compensate', file, '--as-of', '2026-11-20 00:00:00', '-o', out, '--lang', 'en', '-q'], { tz });
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    const head = (ws.getRow(1).values as unknown[]).slice(1);
    const col = head.indexOf('orderIds');
    const row = (ws.getRow(2).values as unknown[]).slice(1);
    expect(row[head.indexOf('lateOrders')]).toBe(45);
    expect(row[head.indexOf('amount')]).toBe(450);
    // ceil(45 / 27) = 2 ids a line: 23 lines, the last holding one id.
    const lines = String(row[col]).split('\n');
    expect(lines).toHaveLength(23);
    expect(lines[0]).toBe(`${all[0]}; ${all[1]}`);
    expect(lines[22]).toBe(all[44]);
    expect(lines.flatMap((l) => l.split('; '))).toEqual(all);
    // 23 lines × 15 pt = 345 pt (it was 409, the cap, with 45 lines needing 675); the column is as
    // wide as a line, 19 + 2 + 19 = 40 characters and 2 of padding, so no line wraps.
    expect(ws.getRow(2).height).toBe(345);
    expect(ws.getColumn(col + 1).width).toBe(42);
  });
});
