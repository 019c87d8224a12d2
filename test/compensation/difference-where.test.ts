// "2 vouchers differ from what the platform paid (see the difference column)": the terminal table
// does not show that column unless --wide, and --by order's rows have none at all. The warning says
// where the column is for the output in hand.
// The example: …901+…902's voucher computed 14.50, the platform paid 62.00 (difference 47.50); 阿花tb's
// 5.00, paid 30.00 (25.00): 2 vouchers differ.
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli } from '../helpers.js';
import path from 'node:path';

const args = ['compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--as-of', '2026-11-20 12:00:00'];

describe('the platform-difference warning names where the difference column is', () => {
  it('a csv has it: as before', () => {
    const r = runCli([...args, '-f', 'csv', '--lang', 'en']);
    expect(r.stdout.split('\n')[0]).toContain(',difference,');
    expect(r.stderr).toContain('storeops: warning: 2 vouchers differ from what the platform paid (see the difference column)\n');
  });

  it('the terminal table leaves it out: --wide or -o FILE.xlsx (zh and en)', () => {
    const zh = runCli([...args, '-f', 'table', '--lang', 'zh'], { env: { COLUMNS: '120' } });
    expect(zh.stdout.split('\n')[0]).not.toContain('差额');
    expect(zh.stderr).toContain('2 个红包与平台已赔付金额不一致 (见 差额 列: 表格不显示, 加 --wide 或 -o 文件.xlsx)');
    const en = runCli([...args, '-f', 'table', '--lang', 'en'], { env: { COLUMNS: '200' } });
    expect(en.stderr).toContain('2 vouchers differ from what the platform paid (see the difference column: not in the table, add --wide or -o FILE.xlsx)');
    const wide = runCli([...args, '-f', 'table', '--wide', '--lang', 'en']);
    expect(wide.stdout.split('\n')[0]).toContain('difference');
    expect(wide.stderr).toContain('(see the difference column)\n');
  });

  it('--by order has no such column: run without it', () => {
    const r = runCli([...args, '--by', 'order', '-f', 'csv', '--lang', 'en']);
    expect(r.stdout.split('\n')[0]).not.toContain('difference');
    expect(r.stderr).toContain('2 vouchers differ from what the platform paid (the difference column is in the voucher rows: run it again without --by order)');
    const zh = runCli([...args, '--by', 'order', '-f', 'csv', '--lang', 'zh']);
    expect(zh.stderr).toContain('2 个红包与平台已赔付金额不一致 (差额 列在按红包的输出里: 去掉 --by order 再运行)');
  });
});
