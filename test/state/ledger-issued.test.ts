// `ledger list` / `ledger export`: a re-issued voucher's row shows its whole amount and what the
// vouchers it took over had paid (covered). The summary's total is what was paid; an operator who
// summed the amount column in a spreadsheet paid the covered part again. The last column `issued`
// (实发) = amount − covered, and its sum is the total the summary names.
// The README's example (state database, "comes to 305.00, of which 100.00 was paid by the vouchers
// recorded before: 205.00 is still owed"), tmall-2026, one Beijing day, cap 500 (RULES 1.3):
//   first export: 401, 402 (1000.00 each, 48 h 1 s late): 5 % = 50.00 each → {401,402} 100.00, recorded.
//   later export adds 403 (100.00, 1 s late): 5.00, and 404 (2000.00, 72 h 1 s late: out of stock,
//   10 %) 200.00 → the day's voucher 50 + 50 + 5 + 200 = 305.00; --reissue records it, covered 100.00.
//   amount column: 100.00 + 305.00 = 405.00 (what the spreadsheet summed: 100.00 too much)
//   issued column: (100.00 − 0.00) + (305.00 − 100.00) = 100.00 + 205.00 = 305.00 = the summary's total.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { taobaoCsv } from '../orders/build.js';
import { type Row, recorder, shipped } from './record-runs.js';

const run = recorder('2026-06-01 00:00:00');
const first = [
  shipped('1000000000000000401', 'L', '1000.00', '2026-05-01 10:00:00', '2026-05-05 10:00:01'),
  shipped('1000000000000000402', 'L', '1000.00', '2026-05-01 11:00:00', '2026-05-05 11:00:01'),
];
const grown = [
  ...first,
  shipped('1000000000000000403', 'L', '100.00', '2026-05-01 12:00:00', '2026-05-03 12:00:01'),
  shipped('1000000000000000404', 'L', '2000.00', '2026-05-01 13:00:00', '2026-05-06 13:00:01'),
];

describe('ledger list / export: the issued column sums to the total', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`a re-issued voucher: issued 205.00, not its amount 305.00; the summary names the column (TZ=${tz})`, async () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const a = path.join(dir, 'a.csv');
      const b = path.join(dir, 'b.csv');
      fs.writeFileSync(a, taobaoCsv(first));
      fs.writeFileSync(b, taobaoCsv(grown));
      expect(run(a, state).rows.map((v) => [v.amount, v.recorded])).toEqual([['100.00', 'new']]);
      expect(run(b, state, '--reissue', 'all').rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['305.00', '205.00', 'reissued']]);

      const json = runCli(['ledger', 'list', '--state', state, '-f', 'json'], { tz });
      expect((JSON.parse(json.stdout) as Row[]).map((v) => [v.amount, v.covered, v.issued])).toEqual([
        ['100.00', '0.00', '100.00'],
        ['305.00', '100.00', '205.00'],
      ]);
      expect(json.stderr).toBe(`2 vouchers recorded, total 305.00: the sum of the issued column (amount less covered; not the sum of amount) (${state})\n`);

      // csv: the new column last, the others where they were; summing it gives 305.00, not 405.00.
      const csv = runCli(['ledger', 'export', '--state', state, '--lang', 'zh'], { tz });
      const lines = csv.stdout.trim().split('\n');
      expect(lines[0]).toBe('红包编号,买家,规则集,订单编号,金额,此前已付,窗口开始,记录时间,类型,补发自,店铺,当前窗口开始,当前买家,实发');
      const cells = lines.slice(1).map((l) => l.split(','));
      expect(cells.map((c) => [c[4], c[5], c[13]])).toEqual([
        ['100.00', '0.00', '100.00'],
        ['305.00', '100.00', '205.00'],
      ]);
      expect(csv.stderr).toBe(`已记录 2 个红包, 合计 305.00 元, 即 实发 列之和 (金额减此前已付; 不是 金额 列之和) (${state})\n`);

      // xlsx: a number cell the spreadsheet sums to 305.
      const out = path.join(dir, 'ledger.xlsx');
      expect(runCli(['ledger', 'export', '--state', state, '-q', '-o', out], { tz }).code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const ws = wb.worksheets[0]!;
      expect(ws.getRow(1).getCell(14).value).toBe('issued');
      expect([ws.getRow(2).getCell(14).value, ws.getRow(3).getCell(14).value]).toEqual([100, 205]);
    });
  }
});
