// An operator running in Chinese (--lang zh) whose file lacks a required column is told the
// column's Chinese name: a roster demand file without its date column said `缺少必需的列 "date"`,
// a 甄检 product file `"listPrice"`, a label file `"itemId"`, an agent list `"agent"`: English in
// a zh message, while the order files' messages named `订单编号`, `揽收时间`. The hint still lists
// every accepted name (English ones included); en messages are unchanged.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

let dir: string;
let ab: string;
beforeAll(() => {
  dir = tmpDir('storeops-zh-columns-');
  ab = path.join(dir, 'ab.csv');
  fs.writeFileSync(ab, 'a,b\n1,2\n');
});

const ZH: [string, string[], string][] = [
  // The first alias holding a Chinese character in each FieldSpec (src/roster/read.ts, src/zhenjian/fields.ts).
  ['roster --demand', ['roster', 'plan', '--month', '2026-11', '--agents', 'a,b,c,d', '--demand', '@'], '@: 缺少必需的列 "日期" (每日排班需求); 找到的列: a, b'],
  ['roster --volume', ['roster', 'plan', '--month', '2026-11', '--agents', 'a,b,c,d', '--volume', '@'], '@: 缺少必需的列 "小时" (每小时咨询量); 找到的列: a, b'],
  ['roster --agents file', ['roster', 'plan', '--month', '2026-11', '--agents', '@'], '@: 缺少必需的列 "客服" (客服名单); 找到的列: a, b'],
  ['roster check', ['roster', 'check', '@', '--month', '2026-11'], '@: 缺少必需的列 "客服" (排班表); 找到的列: a, b'],
  ['zhenjian products', ['zhenjian', 'estimate', '@'], '@: 缺少必需的列 "一口价" (甄检商品表); 找到的列: a, b'],
  ['compensate --shipments (unchanged)', ['compensate', 'examples/ExportOrderList202611.csv', '--as-of', '2026-12-01 00:00:00', '--shipments', '@'], '@: 缺少必需的列 "揽收时间" (揽收记录); 找到的列: a, b'],
];

describe('a missing required column is named in Chinese in zh', () => {
  for (const [name, args, expected] of ZH) {
    it(name, () => {
      const r = runCli([...args.map((a) => (a === '@' ? ab : a)), '--lang', 'zh']);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`storeops: 错误: ${expected.replace('@', ab)}`);
    });
  }

  it('the hint still lists every accepted name, English ones included', () => {
    const r = runCli(['roster', 'plan', '--month', '2026-11', '--agents', 'a,b,c,d', '--demand', ab, '--lang', 'zh']);
    expect(r.stderr).toContain('提示: 可接受的列名: date / 日期 / day / 天。导出时勾选该列, 或改正表头。');
  });

  it('en keeps the first alias', () => {
    const r = runCli(['roster', 'plan', '--month', '2026-11', '--agents', 'a,b,c,d', '--demand', ab, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`storeops: error: ${ab}: required column "date" is missing (staff demand); columns found: a, b`);
  });
});
