// A csv with exactly as many rows as a spreadsheet sheet holds (Excel 97–2003: 65,536; 2007+:
// 1,048,576, the header included) was opened in a spreadsheet and saved again: every row past the
// limit is gone. The run read what was left without a word; it now names the file and the limit and
// exits 1 (a person exports again). One row fewer is an ordinary file. The 1,048,576 case is the same
// check (src/orders/read.ts); 65,536 keeps the test small.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

const HEAD = '订单编号,买家会员名,订单状态,订单付款时间,买家实际支付金额,买家应付邮费,发货时间\r\n';
/** `rows` rows in all, the header included: orders paid 11-01 10:00, shipped a day later (on time). */
function file(dir: string, name: string, rows: number): string {
  const out: string[] = [HEAD];
  for (let i = 0; i < rows - 1; i++) out.push(`${3515313147300000000n + BigInt(i)},b${i % 1000},交易成功,2026-11-01 10:00:00,100.00,0.00,2026-11-02 10:00:00\r\n`);
  const f = path.join(dir, name);
  fs.writeFileSync(f, out.join(''));
  return f;
}

describe("a csv cut at a spreadsheet's row limit", () => {
  const dir = tmpDir();
  it('65,536 rows: named, exit 1; 65,535 rows: nothing said', () => {
    const cut = runCli(['compensate', file(dir, 'cut.csv', 65_536), '--as-of', '2026-11-20 00:00:00']);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain('cut.csv: the file has exactly 65,536 rows, the most a spreadsheet (Excel) sheet holds: it was probably opened in a spreadsheet and saved again, which drops every row past that');
    expect(cut.stderr).toContain('65535 orders read');
    const zh = runCli(['orders', 'inspect', path.join(dir, 'cut.csv'), '--lang', 'zh']);
    expect(zh.stderr).toContain('cut.csv: 文件正好有 65,536 行, 这是电子表格 (Excel) 一个工作表的最大行数');
    const whole = runCli(['compensate', file(dir, 'whole.csv', 65_535), '--as-of', '2026-11-20 00:00:00']);
    expect(whole.code).toBe(0);
    expect(whole.stderr).not.toContain('the most a spreadsheet');
  });
});
