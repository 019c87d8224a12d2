// compensate --by order -o x.xlsx: the rate column is a number in the workbook, as every other
// figure is (甄检's 佣金率 too). It was a text cell "0.05": left-aligned, Excel's green "number stored
// as text" corner, and `=SUM`/`=K2*J2` over it gave 0 (desk53, looked at in LibreOffice).
// Order 3515313147329357901 of examples/ExportOrderList202611.csv (tmall-2026, paid 2026-11-10
// 09:00:00, shipped 11-13 10:00:00, 48 h window: 25 h late): base paid-minus-postage 200.00 − 10.00 =
// 190.00; late 5 % → raw 190.00 × 0.05 = 9.50. The csv and JSON keep the text "0.05".
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const file = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];

describe('compensate --by order: the rate in xlsx', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`is a number cell (0.05), csv and JSON unchanged (TZ=${tz})`, async () => {
      for (const lang of ['zh', 'en'] as const) {
        const out = path.join(tmpDir('rate-xlsx-'), 'orders.xlsx');
        const r = runCli(['compensate', file, ...AS_OF, '--by', 'order', '-o', out, '--lang', lang], { tz });
        expect(r.code).toBe(0);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(out);
        const ws = wb.worksheets[0]!;
        const head = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? '').replace(/\n/g, ''));
        const at = (name: string) => head.indexOf(name);
        const row = ws.getRow(2);
        expect(row.getCell(at(lang === 'zh' ? '订单编号' : 'orderId')).value).toBe('3515313147329357901');
        expect(row.getCell(at(lang === 'zh' ? '计算基数' : 'base')).value).toBe(190);
        expect(row.getCell(at(lang === 'zh' ? '比例' : 'rate')).value).toBe(0.05);
        expect(row.getCell(at(lang === 'zh' ? '按比例' : 'raw')).value).toBe(9.5);
      }
      const csv = runCli(['compensate', file, ...AS_OF, '--by', 'order', '-f', 'csv', '--lang', 'en'], { tz });
      const lines = csv.stdout.trim().split('\n');
      const h = lines[0]!.split(',');
      expect(lines[1]!.split(',')[h.indexOf('rate')]).toBe('0.05');
      const json = runCli(['compensate', file, ...AS_OF, '--by', 'order', '-f', 'json'], { tz });
      expect((JSON.parse(json.stdout) as Array<{ rate: unknown }>)[0]!.rate).toBe('0.05');
    });
  }
});
