// user18 (陈姐): a file with a title line above its header (评价管理导出 2026-12-07, 甄检报名商品 2026-12),
// given to the wrong command, was refused listing the title as the columns found, masked as a data
// row (`找到的列: [1 个单元格: 评****]`), and the kind of file was not told: the title named nothing,
// so the header below it was never looked at. Now, when no header is accepted, a one-cell first row is
// passed over for the first row of two or more names within the lines searched, and the error says
// what the file is and which command reads it (src/cli/kinds.ts), with the title line or not.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

const REVIEWS = '订单编号,买家会员名,宝贝标题,评价结果,评价时间,评价内容\n3520118843210000101,tb_lily88,羊毛大衣,差评,2026-12-06 21:30:15,掉毛\n';
const PRODUCT_HEAD = '商品ID,商品标题,类目,一口价,到手价,成本,服务费\n';
const product = (i: number) => `6890000000${String(i).padStart(2, '0')},连衣裙 黑色,连衣裙,499,344,139.72,380\n`;

function write(name: string, text: string): string {
  const f = path.join(tmpDir('wrong-kind-'), name);
  fs.writeFileSync(f, text);
  return f;
}

describe('a file of another kind with a title line above its header (failed before: the title listed as the columns)', () => {
  it('a review table with a title given to zhenjian estimate: 是评价表, read with reviews queue', () => {
    const f = write('评价导出.csv', '评价管理导出 2026-12-07\n' + REVIEWS);
    const zh = runCli(['zhenjian', 'estimate', f, '--lang', 'zh']);
    expect(zh.code).toBe(3);
    expect(zh.stderr).toBe(`storeops: 错误: ${f} 是评价表, 不是 storeops zhenjian estimate 在这里要读的文件\n  提示: 这样读取它: storeops reviews queue ${f}\n`);
  });

  it('a product table of 20 rows with a title given to reviews queue (the header search ends at line 15 with rows left)', () => {
    const f = write('商品表.csv', '甄检报名商品 2026-12\n' + PRODUCT_HEAD + Array.from({ length: 20 }, (_, i) => product(i)).join(''));
    const en = runCli(['reviews', 'queue', f, '--lang', 'en', '--as-of', '2026-12-07 09:30:00']);
    expect(en.code).toBe(3);
    expect(en.stderr).toBe(`storeops: error: ${f} is a 甄检 product table, not what storeops reviews queue reads here\n  hint: read it with: storeops zhenjian estimate ${f}\n`);
  });

  it('a title over data rows (no header at all) still shows the title, masked, as before', () => {
    const f = write('无表头.csv', '甄检报名商品 2026-12\n' + product(1) + product(2));
    const zh = runCli(['reviews', 'queue', f, '--lang', 'zh', '--as-of', '2026-12-07 09:30:00']);
    expect(zh.code).toBe(3);
    expect(zh.stderr).toContain(`${f}: 缺少必需的列 "订单编号" (评价文件); 找到的列: [1 个单元格: 甄*************]`);
  });
});
