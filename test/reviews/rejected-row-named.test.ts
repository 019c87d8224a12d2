// A review row rejected (here: no review time, a cell left empty when the review was copied from the
// 评价管理 page into WPS) is not in the queue. What the operator is told must say what to do, and the
// commands that take the order id must say the row was rejected, not that the order is missing:
// - the rejection said "no review time, so no deadline can be computed" and nothing more: the
//   negative review was off the queue with no word of how to get it back on (user15, 李姐);
// - `reviews message <id>` said "order … is not in the review files" (check the id), and
//   `reviews log <id>` warned "order … is in none of the review files given: check the order id",
//   about an order whose row is in the file and was rejected.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

// GBK with CRLF, as WPS saves a csv on Chinese Windows; line 3 is the row without a review time.
function reviewsFile(): string {
  const dir = tmpDir();
  const file = path.join(dir, '天猫评价.csv');
  const text =
    '订单编号,买家会员名,宝贝标题,评价结果,评价时间,评价内容\r\n' +
    '3561234567890123452,tb_8823x,氨基酸洁面乳 120g,中评,2026-12-01 09:15:00,物流太慢了\r\n' +
    '3561234567890123454,米粒儿,保湿乳液 100ml,差评,,"包装破损，\r\n漏了一半"\r\n';
  fs.writeFileSync(file, iconv.encode(text, 'gb18030'));
  return file;
}
const AS_OF = ['--as-of', '2026-12-07 10:00:00'];

describe('a review row rejected for its missing time', () => {
  it('queue: the reason says the review is left out of the queue and what to do (en)', () => {
    const f = reviewsFile();
    const r = runCli(['reviews', 'queue', f, ...AS_OF, '-f', 'csv', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${f}:3 [评价时间]: no review time, so no deadline can be computed and this review is not in the queue; copy the review's time from the Taobao/Tmall seller centre (卖家中心 评价管理) into this cell, then run again\n`,
    );
    // the row with a time is queued
    expect(r.stdout).toContain('3561234567890123452');
    expect(r.stdout).not.toContain('3561234567890123454');
  });

  it('queue: zh', () => {
    const f = reviewsFile();
    const r = runCli(['reviews', 'queue', f, ...AS_OF, '-f', 'csv', '--lang', 'zh']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:3 [评价时间]: 没有评价时间, 无法计算期限, 这条评价不在跟进队列里; 到卖家中心 评价管理 查到评价时间, 填进这一格后再运行\n`);
  });

  it('message: names the rejected row and its reason, exit 3, not "not in the review files" (en)', () => {
    const f = reviewsFile();
    const r = runCli(['reviews', 'message', '3561234567890123454', '--reviews', f, ...AS_OF, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).not.toContain('is not in the review files');
    expect(r.stderr).toContain(
      `storeops: error: the review of order 3561234567890123454 (${f}:3) was rejected: no review time, so no deadline can be computed and this review is not in the queue; copy the review's time from the Taobao/Tmall seller centre (卖家中心 评价管理) into this cell, then run again\n`,
    );
    expect(r.stderr).toContain('  hint: correct that row of the review file as the reason says, then run this again.\n');
    expect(r.stdout).toBe('');
  });

  it('message: zh', () => {
    const f = reviewsFile();
    const r = runCli(['reviews', 'message', '3561234567890123454', '--reviews', f, ...AS_OF, '--lang', 'zh']);
    expect(r.code).toBe(3);
    expect(r.stderr).not.toContain('评价文件里没有订单');
    expect(r.stderr).toContain(`storeops: 错误: 订单 3561234567890123454 的评价行 (${f}:3) 被拒绝: 没有评价时间, 无法计算期限, 这条评价不在跟进队列里;`);
    expect(r.stderr).toContain('提示: 按拒绝原因改好评价文件的这一行, 再运行这条命令。\n');
  });

  it('message: an order in no row at all is still "not in the review files"', () => {
    const f = reviewsFile();
    const r = runCli(['reviews', 'message', '3561234567890129999', '--reviews', f, ...AS_OF, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('storeops: error: order 3561234567890129999 is not in the review files\n');
  });

  it('log: records, and warns that the row was rejected (not "check the order id")', () => {
    const f = reviewsFile();
    const state = path.join(tmpDir(), 'state.db');
    const r = runCli(['reviews', 'log', '3561234567890123454', '--status', 'contacted', '--reviews', f, '--state', state, ...AS_OF, '-f', 'csv', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('check the order id');
    expect(r.stderr).toContain(
      `storeops: warning: the review of order 3561234567890123454 (${f}:3) was rejected, so its buyer's other reviews were not checked, only this order's contacts; correct that row as its reason says\n`,
    );
    expect(r.stdout).toContain('3561234567890123454,2026-12-07 10:00:00,contacted');
  });

  it('log: zh', () => {
    const f = reviewsFile();
    const state = path.join(tmpDir(), 'state.db');
    const r = runCli(['reviews', 'log', '3561234567890123454', '--status', 'contacted', '--reviews', f, '--state', state, ...AS_OF, '-f', 'csv', '--lang', 'zh']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`storeops: 警告: 订单 3561234567890123454 的评价行 (${f}:3) 被拒绝, 只检查了这个订单的联系记录, 没有检查这位买家的其他评价; 请按拒绝原因改好这一行\n`);
  });
});
