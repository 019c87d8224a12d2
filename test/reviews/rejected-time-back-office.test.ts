// text44: a review row with no review time is rejected, and the reason says where to look the time up.
// It named Tmall's 卖家中心 评价管理 for every file: a 抖店 shop has no 卖家中心 (its back office is 抖店后台),
// a 拼多多 shop's is 拼多多商家后台. The row's platform is what the file tells (抖店's 商品评论 export) or
// its 拼多多 order id (yymmdd-digits); a Tmall file keeps its words (rejected-row-named.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

const AS_OF = ['--as-of', '2026-11-21 10:00:00'];

function write(name: string, text: string): string {
  const f = path.join(tmpDir(), name);
  fs.writeFileSync(f, text);
  return f;
}

describe('a review row with no review time: the back office of its platform', () => {
  it('抖店 商品评论 export: 抖店后台 (failed before: 卖家中心 评价管理)', () => {
    const f = write('商品评论.csv', '评价日期,订单ID,商品ID,商品名称,商品规格,商品评价得分,评价内容\n2026-11-19 21:40:00,6915313147329357901,3601234567,加厚羊毛围巾 灰色,默认,1,掉毛\n,6915313147329357902,3601234568,毛线球清理器,默认,1,坏了\n');
    const zh = runCli(['reviews', 'queue', f, '--lang', 'zh', ...AS_OF]);
    expect(zh.stderr).toContain(`${f}:3 [评价日期]: 没有评价时间, 无法计算期限, 这条评价不在跟进队列里; 到抖店后台查到评价时间, 填进这一格后再运行\n`);
    const en = runCli(['reviews', 'queue', f, '--lang', 'en', ...AS_OF]);
    expect(en.stderr).toContain(`${f}:3 [评价日期]: no review time, so no deadline can be computed and this review is not in the queue; copy the review's time from the Douyin shop back office (抖店后台) into this cell, then run again\n`);
  });

  it('a 拼多多 order id: 拼多多商家后台', () => {
    const f = write('pdd.csv', '订单编号,商品名称,评价结果,评价时间,评价内容\n261110-313147329357901,加厚羊毛围巾 灰色,差评,2026-11-19 21:40:00,掉毛\n261110-313147329357902,毛线球清理器,差评,,坏了\n');
    const zh = runCli(['reviews', 'queue', f, '--lang', 'zh', ...AS_OF]);
    expect(zh.stderr).toContain(`${f}:3 [评价时间]: 没有评价时间, 无法计算期限, 这条评价不在跟进队列里; 到拼多多商家后台查到评价时间, 填进这一格后再运行\n`);
  });
});
