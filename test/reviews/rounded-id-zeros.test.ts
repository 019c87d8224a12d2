// The review table is the shop's own sheet (no official export), often kept in Excel. An order-id
// column given a number format comes back with 15 significant digits and zeros
// (3515313147329357901 → 3515313147329360000), and the same save drops the seconds of the times
// (2026/12/5 21:41). Order exports reject such an id (docs/formats.md "Order ids are text"); the
// review reader took it as it stood: the queue listed order 3515313147329360000, `reviews message`
// wrote that id to the buyer, `reviews log` recorded contacts under it. Now the row is rejected
// (file:line [订单编号], exit 1) when its review or 追评 time has no seconds; with whole times a
// real id ending in zeros is read.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

describe('an order id Excel filled with zeros in a review sheet', () => {
  const dir = tmpDir();
  const f = path.join(dir, 'reviews.csv');
  // Line 2: the zeroed id, time without seconds → rejected.
  // Line 3: the same id, a 追评 time without seconds (the review time whole) → rejected.
  // Line 4: a whole id (…7901), time without seconds → read.
  // Line 5: an id ending in four zeros with whole times → read (real ids may end in zeros).
  fs.writeFileSync(
    f,
    [
      '订单编号,买家会员名,宝贝标题,评价结果,评价时间,评价内容,追评时间,追评内容',
      '3515313147329360000,小明爱购物,围巾,差评,2026/12/5 21:41,质量太差,,',
      '3515313147329370000,阿花tb,手套,好评,2026-12-05 09:00:00,挺好,2026/12/5 20:10,开线了，很失望',
      '3515313147329357901,老王,帽子,差评,2026/12/5 21:45,掉毛,,',
      '3515313147329380000,路人甲,袜子,差评,2026-12-05 22:00:00,起球,,',
    ].join('\n') + '\n',
  );
  const args = ['reviews', 'queue', f, '--as-of', '2026-12-06 10:00:00', '-f', 'csv'];

  it('rejects the two rows with file:line and the reason, exit 1; the other two are queued (en)', () => {
    const r = runCli([...args, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${f}:2 [订单编号]: "3515313147329360000" looks like an id a spreadsheet program (such as Excel or WPS) rounded to 15 digits and filled with zeros (this row's review time has no seconds either: the file was saved in one; the real id is lost); set the order-id column to Text in the spreadsheet before pasting the full ids, or use the original file\n`,
    );
    // Line 3's review time is whole: the time named is its 追评 time (rev34: it said "review time").
    expect(r.stderr).toContain(
      `${f}:3 [订单编号]: "3515313147329370000" looks like an id a spreadsheet program (such as Excel or WPS) rounded to 15 digits and filled with zeros (this row's follow-up time has no seconds either: the file was saved in one; the real id is lost);`,
    );
    const ids = r.stdout.trim().split('\n').slice(1).map((l) => l.split(',')[1]).sort();
    expect(ids).toEqual(['3515313147329357901', '3515313147329380000']);
    // 4 rows = 2 read + 2 rejected.
    expect(r.stderr).toContain('reviews: 4 rows, 2 read, 2 rejected;');
  });

  it('zh reason', () => {
    const r = runCli([...args, '--lang', 'zh']);
    expect(r.stderr).toContain(
      `${f}:2 [订单编号]: "3515313147329360000" 是被电子表格软件 (如 Excel、WPS) 按 15 位有效数字四舍五入并补零的订单编号 (这一行的评价时间也没有秒: 文件在电子表格软件里保存过; 原编号已丢失); 在电子表格软件里先把订单编号列设为"文本"再粘贴完整的编号, 或用原来的文件\n`,
    );
    expect(r.stderr).toContain(`${f}:3 [订单编号]: "3515313147329370000" 是被电子表格软件 (如 Excel、WPS) 按 15 位有效数字四舍五入并补零的订单编号 (这一行的追评时间也没有秒:`);
  });
});
