// Excel holds at most 32,767 characters in a cell; a workbook with a longer text is reported as
// damaged, and Excel's repair cuts the text without a word. A buyer with 1,800 late orders on one
// day (a distributor during a warehouse outage) has a voucher whose order ids, one a line, come to
// 1,800 × 20 − 1 = 35,999 characters: the xlsx cell is cut at a line break with a note, stderr
// says so; csv keeps every id, and a csv meant for a spreadsheet says Excel will cut it.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cutToCell } from '../../src/io/xlsx.js';
import { order, taobaoCsv } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const N = 1800;
const ids = Array.from({ length: N }, (_, i) => String(3515313147329000000n + BigInt(i)));

describe('xlsx cells past 32,767 characters', () => {
  it('cutToCell keeps whole lines and ends with the note; a short text is untouched', () => {
    const long = ids.join('\n');
    expect(long.length).toBe(35_999);
    const cut = cutToCell(long, 'en');
    expect(cut.length).toBeLessThanOrEqual(32_767);
    const lines = cut.split('\n');
    const note = lines.pop()!;
    expect(note).toBe("… (cut at Excel's 32767-character cell limit; the rest is in -f csv or -f json output)");
    // Every line kept is a whole id, in order, from the first.
    expect(lines).toEqual(ids.slice(0, lines.length));
    // As many whole ids as fit: 20 characters each (19 digits and a line break) before the note's own line.
    expect(lines.length).toBe(Math.floor((32_767 - note.length - 1 + 1) / 20));
    expect(cutToCell('3515313147329357901', 'zh')).toBe('3515313147329357901');
    // Without line breaks, never half a surrogate pair: 𠮷 is two UTF-16 units.
    const astral = '𠮷'.repeat(20_000);
    const c2 = cutToCell(astral, 'zh');
    expect(c2.length).toBeLessThanOrEqual(32_767);
    expect(c2.split('\n')[0]!).toMatch(/^(?:𠮷)+$/u);
  });

  it('compensate -f xlsx cuts the voucher\'s order ids cell and says so; -f csv keeps all', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'orders.csv');
    // One buyer, 1,800 orders paid 2026-11-10 from 08:00:00 a second apart, each 100.00 with no
    // postage, none shipped by the as-of: each is late (tmall-2026, 5 % = 5.00, minimum 5.00),
    // one Beijing day, so one voucher capped at 500.00 (1,800 × 5.00 = 9,000.00).
    const paidAt = (i: number) => `2026-11-10 08:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    const rows = ids.map((id, i) => order(id, { 买家会员名: '分销商甲', 买家应付货款: '100.00', 买家应付邮费: '0.00', 买家实际支付金额: '100.00', 订单状态: '买家已付款，等待卖家发货', 订单付款时间: paidAt(i), 订单创建时间: paidAt(i), 发货时间: '' }));
    fs.writeFileSync(file, taobaoCsv(rows));
    const out = path.join(dir, 'v.xlsx');
    const r = runCli(['compensate', file, '--as-of', '2026-11-20 00:00:00', '-f', 'xlsx', '-o', out, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("1 cell(s) longer than Excel's 32767-character cell limit (the first: data row 1, orderIds) were cut");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    const head = (ws.getRow(1).values as unknown[]).slice(1);
    const row = (ws.getRow(2).values as unknown[]).slice(1);
    const cell = String(row[head.indexOf('orderIds')]);
    expect(cell.length).toBeLessThanOrEqual(32_767);
    expect(cell.endsWith("(cut at Excel's 32767-character cell limit; the rest is in -f csv or -f json output)")).toBe(true);
    expect(row[head.indexOf('lateOrders')]).toBe(1800);
    expect(row[head.indexOf('amount')]).toBe(500);
    expect(ws.getRow(2).height).toBeLessThanOrEqual(409);
    const json = runCli(['compensate', file, '--as-of', '2026-11-20 00:00:00', '-f', 'json']);
    expect((JSON.parse(json.stdout) as { orderIds: string[] }[])[0]!.orderIds).toEqual(ids);
    expect(json.stderr).not.toContain('32767');
    // A csv file for a spreadsheet (-o: a UTF-8 BOM) keeps the cell whole and says Excel will cut it.
    const csvOut = path.join(dir, 'v.csv');
    const csv = runCli(['compensate', file, '--as-of', '2026-11-20 00:00:00', '-o', csvOut, '--lang', 'en']);
    expect(csv.code).toBe(0);
    expect(csv.stderr).toContain("1 cell(s) are longer than Excel's 32767-character cell limit (the first: data row 1, orderIds): the file holds them whole, but Excel cuts them when it opens it");
    expect(fs.readFileSync(csvOut, 'utf8')).toContain(ids.map((x) => `${x}`).join(';'));
    // Piped as plain UTF-8 (no BOM: not meant for a spreadsheet): no note.
    const piped = runCli(['compensate', file, '--as-of', '2026-11-20 00:00:00', '-f', 'csv']);
    expect(piped.stderr).not.toContain('32767');
  });
});
