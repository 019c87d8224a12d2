// A review file cut off in the middle of its last row (a download or a copy to the shop's Linux box
// that did not finish): the last row is short and no line break follows it. Until 2026-12 the reviews
// reader took it as a row an editor had saved without its trailing empty cells: the 追评 it lost
// (here a safety complaint) was never seen, the queue was short, exit 0, while the order reader
// rejects such a row as cut off. A short row followed by a line break is still read (an editor drops
// trailing empty cells), and a whole last row without a line break too.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

const HEADER = '订单编号,买家会员名,宝贝标题,评价结果,评价时间,评价内容,追评时间,追评内容,描述相符,服务态度,物流服务';
// 李四: a 差评 about the delivery, queued in every case.
const LI = '="4012345678901234503",李四,真丝围巾 礼盒装,差评,2026-12-03 20:15:00,发货太慢了，等了三天才发,,,2,3,1';
// 张三ab: a 好评 whose 追评 reports a rash (safety, priority 1): cut after 评价内容, the 追评 is lost.
const ZHANG = '="4012345678901234501",张三ab,手工皂 薰衣草 3块装,好评,2026-12-01 12:00:00,香味很好,2026-12-03 09:30:00,用了两天脸上起了红疹，过敏了,5,5,5';
const zhangCut = ZHANG.split(',').slice(0, 6).join(',');

describe('a review file cut off in the middle of its last row', () => {
  const dir = tmpDir();
  const write = (name: string, text: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, iconv.encode(text, 'gbk'));
    return f;
  };
  const queue = (f: string, tz = 'UTC', ...more: string[]) => runCli(['reviews', 'queue', f, '--as-of', '2026-12-04 10:00:00', '-f', 'json', ...more], { tz });
  const ids = (stdout: string) => (JSON.parse(stdout) as { orderId: string }[]).map((q) => q.orderId);

  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`the cut row is rejected as cut off (file:line, what to do), exit 1; the rest is queued (TZ=${tz})`, () => {
      const f = write('cut.csv', `${HEADER}\r\n${LI}\r\n${zhangCut}`);
      const r = queue(f, tz);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${f}:3: the file ends in the middle of this row (6 of the header's 11 cells, no line break after it): the file was cut off (a download or copy that did not finish) and this review was not read; download or copy the file again`);
      expect(ids(r.stdout)).toEqual(['4012345678901234503']);
    });
  }

  it('in zh; --strict: exit 3, no queue', () => {
    const f = write('cut-zh.csv', `${HEADER}\r\n${LI}\r\n${zhangCut}`);
    const r = runCli(['reviews', 'queue', f, '--as-of', '2026-12-04 10:00:00', '--lang', 'zh', '-q']);
    expect(r.stderr).toContain(`${f}:3: 文件在这一行中间结束 (11 列的表头, 这一行只有 6 列, 其后没有换行): 文件被截断了 (下载或复制没有完成), 这条评价没有读取; 请重新下载或复制该文件`);
    const strict = queue(f, 'UTC', '--strict');
    expect(strict.code).toBe(3);
    expect(strict.stdout).toBe('');
  });

  it('the same short row followed by a line break is read as before (an editor drops trailing empty cells)', () => {
    const f = write('short.csv', `${HEADER}\r\n${LI}\r\n${zhangCut}\r\n`);
    const r = queue(f);
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toEqual(['4012345678901234503']);
  });

  it('a whole last row without a line break is read: the safety 追评 is priority 1, first', () => {
    const f = write('whole.csv', `${HEADER}\r\n${LI}\r\n${ZHANG}`);
    const r = queue(f);
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toEqual(['4012345678901234501', '4012345678901234503']);
  });
});

// A 合计 row a WPS user typed below the reviews (合计 in the first column, the rest empty): order
// exports, 甄检 sheets, rosters and compensate's side files skip it when it is the last row and name
// it on stderr; the review reader rejected it as a row with no order id (exit 1; under --strict, 3:
// no queue at all). Now the same: skipped and named, exit 0; a 合计 row with more rows after it is
// still rejected (the file may be several pasted together).
describe('a 合计 row below the reviews', () => {
  const dir = tmpDir();
  const TOTAL = '合计,,,,,,,,,,';
  const write = (name: string, text: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, iconv.encode(text, 'gbk'));
    return f;
  };
  const ids = (stdout: string) => (JSON.parse(stdout) as { orderId: string }[]).map((q) => q.orderId);

  it('at the end: skipped and named (file:line), exit 0, also under --strict', () => {
    const f = write('total.csv', `${HEADER}\r\n${LI}\r\n${ZHANG}\r\n${TOTAL}\r\n`);
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const r = runCli(['reviews', 'queue', f, '--as-of', '2026-12-04 10:00:00', '-f', 'json', '--strict'], { tz });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`${f}:4: summary line, skipped`);
      expect(r.stderr).toContain('reviews: 2 rows, 2 read;');
      expect(ids(r.stdout)).toEqual(['4012345678901234501', '4012345678901234503']);
    }
    const zh = runCli(['reviews', 'queue', f, '--as-of', '2026-12-04 10:00:00', '--lang', 'zh', '-f', 'csv']);
    expect(zh.stderr).toContain(`${f}:4: 合计行, 已跳过`);
  });

  it('with a review after it: rejected, exit 1', () => {
    const f = write('total-mid.csv', `${HEADER}\r\n${LI}\r\n${TOTAL}\r\n${ZHANG}\r\n`);
    const r = runCli(['reviews', 'queue', f, '--as-of', '2026-12-04 10:00:00', '-f', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:3: a summary (total) line, but more rows follow it (line 4)`);
    expect(ids(r.stdout)).toEqual(['4012345678901234501', '4012345678901234503']);
  });
});
