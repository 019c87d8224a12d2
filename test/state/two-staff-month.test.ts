// 王会计's month (user14): two staff record their own downloads of one Tmall shop's November into one
// shared state database — staff A a GBK csv downloaded 11-20 12:00, staff B an xlsx downloaded 11-25
// 09:00 and again 12-01 09:00 after a refund came in — and the bookkeeper reconciles the ledger with
// what was issued. Every figure below is worked by hand from docs/rules.md §1.3 (tmall-2026: deadline
// paid + 48 h; late ≤ 72 h: 5 % of paid − postage, 5.00–50.00; still unshipped 72 h after the deadline:
// out of stock 10 %, 5.00–500.00; one buyer's Beijing calendar day capped at 500.00; half-up to the fen
// after the rate, before the minimum/maximum) and §1.4 (refunds are not subtracted).
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { T71, order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const id = (n: number) => `26110000000000000${String(n).padStart(2, '0')}`;
const SHIP = '卖家已发货，等待买家确认';
type Cells = Record<string, string>;
// n: buyer, paid, amount, postage, marked shipped (empty: not yet)
const O: Record<number, [string, string, string, string, string]> = {
  1: ['买家甲', '2026-11-05 09:00:00', '3000.00', '0.00', '2026-11-10 12:00:00'], // 75 h late, unshipped at 72 h: 10 % × 3000.00 = 300.00
  2: ['买家甲', '2026-11-05 11:00:00', '2500.00', '0.00', '2026-11-10 12:00:00'], // 73 h: 10 % × 2500.00 = 250.00
  3: ['买家甲', '2026-11-05 15:00:00', '1000.00', '0.00', '2026-11-08 15:00:00'], // 24 h: 5 % × 1000.00 = 50.00
  4: ['买家甲', '2026-11-05 20:00:00', '40.00', '6.00', '2026-11-07 20:00:01'], // 1 s: 5 % × 34.00 = 1.70 → 5.00
  5: ['买家甲', '2026-11-06 00:00:00', '120.00', '0.00', '2026-11-08 00:00:00'], // at the deadline: on time
  6: ['买家甲', '2026-11-06 00:00:01', '80.00', '0.00', '2026-11-08 12:00:00'], // 12 h: 4.00 → 5.00
  7: ['买家乙', '2026-11-12 10:00:00', '600.00', '0.00', '2026-11-15 10:00:00'], // 24 h: 30.00; refunded after 11-25
  9: ['买家丙', '2026-11-18 10:00:00', '100.00', '10.00', '2026-11-21 10:00:00'], // 24 h: 5 % × 90.00 = 4.50 → 5.00
  10: ['老顾客', '2026-11-02 08:00:00', '199.90', '0.00', '2026-11-04 08:00:00'], // at the deadline: on time
  11: ['老顾客', '2026-11-02 09:00:00', '999.99', '0.00', '2026-11-05 09:00:00'], // 24 h: 49.9995 → 50.00
  12: ['小李子', '2026-11-15 14:00:00', '49.90', '0.00', '2026-11-17 14:30:00'], // 0.5 h: 2.495 → 2.50 → 5.00
  15: ['夜猫子', '2026-11-17 22:00:00', '150.00', '0.00', '2026-11-21 08:00:00'], // 34 h: 7.50
  16: ['小李子', '2026-11-15 23:59:59', '20.00', '0.00', '2026-11-18 00:00:00'], // 1 s: 1.00 → 5.00
};
function row(n: number, asOf: string, over: Cells = {}): Cells {
  const [buyer, paid, amount, postage, shipped] = O[n]!;
  const s = shipped <= asOf ? shipped : '';
  return order(id(n), { 买家会员名: buyer, 订单创建时间: paid, 订单付款时间: paid, 买家应付货款: amount, 买家应付邮费: postage, 买家实际支付金额: amount, 订单状态: s ? SHIP : '买家已付款，等待卖家发货', 发货时间: s, 店铺Id: '700800900', 店铺名称: '王记小店', ...over });
}
async function xlsx(file: string, rows: Cells[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(T71);
  for (const r of rows) ws.addRow(T71.map((h) => r[h] ?? ''));
  await wb.xlsx.writeFile(file);
  return file;
}
const issueNow = (stdout: string) => (JSON.parse(stdout) as Record<string, string>[]).map((v) => [v.buyer, v.amount, v.recorded, v.issueNow]);

describe.each(['UTC', 'America/Los_Angeles'])('two staff, one shared ledger, one month (TZ=%s)', (tz) => {
  it('each run issues what the hand working says; the ledger sums to what was issued, 607.50', async () => {
    const d = tmpDir();
    const st = path.join(d, 'nas', 'state.db');
    const asA = '2026-11-20 12:00:00';
    const a = write(d, 'ExportOrderList202611201200.csv', iconv.encode(taobaoCsv([1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 15, 16].map((n) => row(n, asA))), 'gbk'));
    const b1 = await xlsx(path.join(d, 'ExportOrderList202611250900.xlsx'), [7, 9, 12, 15, 16].map((n) => row(n, '2026-11-25 09:00:00')));
    const b2 = await xlsx(path.join(d, 'ExportOrderList202612010900.xlsx'), [7, 9, 12, 15, 16].map((n) => row(n, '2026-12-01 09:00:00', n === 7 ? { 订单状态: '交易关闭', 订单关闭原因: '退款', 退款金额: '600.00' } : {})));
    const run = (f: string, asOf: string) => runCli(['compensate', f, '--record', '--state', st, '--as-of', asOf, '-f', 'json'], { tz });
    // A, as of 11-20 12:00: 老顾客 11-02 50.00; 买家甲 11-05 300.00 + 250.00 + 50.00 + 5.00 = 605.00 → 500.00;
    // 买家甲 11-06 5.00; 买家乙 30.00; 小李子 11-15 5.00 + 5.00 = 10.00: 595.00. Provisional (unshipped, late):
    // 夜猫子 7.50 (14 h), 买家丙 5.00 (2 h): 0.00 now.
    const r1 = run(a, asA);
    expect(r1.stderr).toContain('5 vouchers totalling 595.00 to issue; 2 provisional vouchers owing 12.50 so far');
    expect(issueNow(r1.stdout)).toEqual([
      ['老顾客', '50.00', 'new', '50.00'], ['买家甲', '500.00', 'new', '500.00'], ['买家甲', '5.00', 'new', '5.00'], ['买家乙', '30.00', 'new', '30.00'],
      ['小李子', '10.00', 'new', '10.00'], ['夜猫子', '7.50', '', '0.00'], ['买家丙', '5.00', '', '0.00'],
    ]);
    // B, as of 11-25 09:00: both shipped now, 7.50 + 5.00 = 12.50; 买家乙 and 小李子 recorded by A.
    const r2 = run(b1, '2026-11-25 09:00:00');
    expect(issueNow(r2.stdout)).toEqual([['买家乙', '30.00', 'already_recorded', '0.00'], ['小李子', '10.00', 'already_recorded', '0.00'], ['夜猫子', '7.50', 'new', '7.50'], ['买家丙', '5.00', 'new', '5.00']]);
    // B again after 买家乙's refund: refunds are not subtracted, nothing owed back nor more.
    const r3 = run(b2, '2026-12-01 09:00:00');
    expect(r3.code).toBe(0);
    expect(issueNow(r3.stdout).every((v) => v[2] === 'already_recorded' && v[3] === '0.00')).toBe(true);
    expect(r3.stderr).toContain('0 vouchers totalling 0.00 to issue');
    // The ledger: 595.00 + 12.50 = 607.50 issued, each voucher once.
    const l = runCli(['ledger', 'list', '--state', st, '-f', 'json'], { tz });
    const rows = JSON.parse(l.stdout) as Record<string, string>[];
    expect(rows.length).toBe(7);
    expect(rows.map((v) => Number(v.issued!.replace('.', ''))).reduce((x, y) => x + y, 0)).toBe(60750);
    expect(l.stderr).toContain('7 vouchers recorded, total 607.50');
  });
});
