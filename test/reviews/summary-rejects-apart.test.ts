// user11 (小何, CS supervisor of a Tmall beauty shop) ran her morning queue with the day's order
// export, one of whose rows had a bad 发货时间; the summary said `评价 12 行, 读入 12, 拒绝 1`: twelve
// review rows, twelve read and one rejected, which does not add up, and the rejected row was no
// review at all. The one RejectLog holds the review rows', the order exports' and the roster's
// rejections; the summary now counts each apart, so that for the reviews rows = read + rejected.
import fs from 'node:fs';
import iconv from 'iconv-lite';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const AS_OF = ['--as-of', '2026-11-21 10:00:00'];

/** examples/ExportOrderList202611.csv (GBK) with the first order's 发货时间 made a day November lacks. */
function ordersWithOneBadRow(dir: string): string {
  const text = iconv.decode(fs.readFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv')), 'gbk');
  // The first data row ships at 2026-11-13 10:00:00 (its 发货时间, the second last column).
  const bad = text.replace(',2026-11-13 10:00:00,', ',2026-11-31 10:00:00,');
  expect(bad).not.toBe(text);
  const file = path.join(dir, 'orders.csv');
  fs.writeFileSync(file, iconv.encode(bad, 'gbk'));
  return file;
}

describe('reviews queue: rejected rows counted by the file they come from', () => {
  it('a rejected order row is not counted as a rejected review (en, zh)', () => {
    const dir = tmpDir();
    const orders = ordersWithOneBadRow(dir);
    const en = runCli(['reviews', 'queue', path.join(EXAMPLES, 'reviews.csv'), '--orders', orders, ...AS_OF, '-f', 'csv', '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain('orders.csv:2 [发货时间]');
    // examples/reviews.csv: 9 review rows, every one read; the one rejected row is the order export's.
    expect(en.stderr).toContain('reviews: 9 rows, 9 read; ');
    expect(en.stderr).toContain('; order exports: 1 row rejected');
    expect(en.stderr).not.toMatch(/9 read, 1 rejected/);
    const zh = runCli(['reviews', 'queue', path.join(EXAMPLES, 'reviews.csv'), '--orders', orders, ...AS_OF, '-f', 'csv', '--lang', 'zh']);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('评价 9 行, 读入 9; ');
    expect(zh.stderr).toContain('; 订单报表拒绝 1 行');
  });

  it('a rejected review row and a rejected order row: each counted in its own place', () => {
    const dir = tmpDir();
    const orders = ordersWithOneBadRow(dir);
    const text = fs.readFileSync(path.join(EXAMPLES, 'reviews.csv'), 'utf8');
    // The 保温杯 review (line 7) gets a review time November lacks: that row is rejected.
    const reviews = path.join(dir, 'reviews.csv');
    const bad = text.replace('2026-11-20 18:30:00', '2026-11-31 18:30:00');
    expect(bad).not.toBe(text);
    fs.writeFileSync(reviews, bad);
    const en = runCli(['reviews', 'queue', reviews, '--orders', orders, ...AS_OF, '-f', 'csv', '--lang', 'en']);
    expect(en.code).toBe(1);
    // 9 rows = 8 read + 1 rejected; the order row apart.
    expect(en.stderr).toContain('reviews: 9 rows, 8 read, 1 rejected; ');
    expect(en.stderr).toContain('; order exports: 1 row rejected');
  });
});
