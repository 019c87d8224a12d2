// user18 (陈姐, a 天猫 女装 shop's 客服主管): a review time typed by hand as 12月3日 (no year) was
// rejected as "评价时间不是有效时间 (应为 2026-11-20 14:03:00)" — nothing said the year was what was
// missing. The year is never guessed (docs/rules.md §1.7, §2.3): the row is still rejected, and the
// reason says the year is missing and what to write. The same for a 追评时间 and an order export's time
// (the shared reason, time.ts refusedTimeReason).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

const AS_OF = ['--as-of', '2026-12-07 09:30:00'];

function write(name: string, text: string): string {
  const f = path.join(tmpDir(), name);
  fs.writeFileSync(f, text);
  return f;
}

const HEAD = '订单编号,买家会员名,宝贝标题,评价结果,评价时间,评价内容,追评时间,追评内容\n';

describe('a review time without its year (12月3日) is rejected saying the year is missing', () => {
  it('评价时间 and 追评时间, zh and en (failed before: "not a valid time")', () => {
    const f = write('评价.csv',
      HEAD +
        '3520118843210000101,tb_lily88,羊毛大衣 驼色 M,差评,12月3日,掉毛严重,,\n' +
        '3520118843210000102,苏苏小可爱,阔腿牛仔裤 27,中评,12月3日 9:12,有色差,,\n' +
        '3520118843210000103,momo2019,针织开衫 米白,好评,2026-12-05 20:00:00,还行,12月6日 23:10,洗了一次就缩水了\n' +
        '3520118843210000104,晴天的猫,羽绒服 黑色 L,差评,2026-12-07 01:05:33,快递太慢了,,\n');
    const zh = runCli(['reviews', 'queue', f, '--lang', 'zh', '-f', 'csv', ...AS_OF]);
    expect(zh.code).toBe(1);
    const fix = '在这一格写上年份再运行, 写成 年-月-日 时:分:秒 (如 2026-11-20 14:03:00) 或 2026年11月20日 14:03:00\n';
    expect(zh.stderr).toContain(`${f}:2 [评价时间]: "12月3日" 没有年份, storeops 不猜是哪一年; ${fix}`);
    expect(zh.stderr).toContain(`${f}:3 [评价时间]: "12月3日 9:12" 没有年份, storeops 不猜是哪一年; ${fix}`);
    expect(zh.stderr).toContain(`${f}:4 [追评时间]: "12月6日 23:10" 没有年份, storeops 不猜是哪一年; ${fix}`);
    // Only 104 is queued: 01:05:33 + 24 h = 12-08 01:05:33 falls in the quiet hours (22:00–08:00),
    // so contactBy is moved back to 12-07 21:59:59 (docs/rules.md §2.3, README "Deadlines").
    const rows = zh.stdout.trim().split('\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('3520118843210000104');
    expect(rows[1]).toContain('2026-12-07 21:59:59');
    const en = runCli(['reviews', 'queue', f, '--lang', 'en', '-f', 'csv', ...AS_OF]);
    expect(en.stderr).toContain(
      `${f}:2 [评价时间]: "12月3日" has no year, and storeops never guesses the year; write the year into this cell and run again, as year-month-day hour:minute:second (e.g. 2026-11-20 14:03:00) or 2026年11月20日 14:03:00\n`,
    );
  });

  it('a date with its year is read as before (2026年12月3日: the day, contactBy 12-03 21:59:59)', () => {
    // Date alone: deadlines from 00:00:00, 00:00 + 24 h = 12-04 00:00 is quiet → 12-03 21:59:59 (docs/rules.md §2.3).
    const f = write('评价.csv', HEAD + '3520118843210000101,tb_lily88,羊毛大衣 驼色 M,差评,2026年12月3日,掉毛严重,,\n');
    const r = runCli(['reviews', 'queue', f, '--lang', 'zh', '-f', 'csv', ...AS_OF]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2026-12-03 21:59:59');
  });
});
