// desk39 (task 2): "every input row is either used or reported". A title line above the header
// (a report title, a blank line) was skipped silently in a review file, a 甄检 product or label file
// and compensate's --exclude/--delivery-failures/--shipments: stderr said nothing while the same
// lines in an order export or a roster file are named (`x.csv: the header is on line 3; the 2 lines
// above it (title or blank) were skipped`). Now every reader says it in the same words, so the file's
// lines reconcile: title lines + header + the rows the summary counts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const TZS = ['UTC', 'America/Los_Angeles'];

/** The example file with `title` lines put above its header (a BOM kept in front of the first line). */
function titled(dir: string, name: string, example: string, title: string[]): string {
  const text = fs.readFileSync(path.join(EXAMPLES, example), 'utf8').replace(/^\uFEFF/, '');
  const p = path.join(dir, name);
  fs.writeFileSync(p, [...title, text].join('\n'));
  return p;
}

describe('title lines above the header are named in every reader', () => {
  for (const tz of TZS) {
    it(`reviews: one title line above the header (TZ=${tz})`, () => {
      const dir = tmpDir();
      const f = titled(dir, 'reviews.csv', 'reviews.csv', ['评价管理导出 2026-11-21']);
      const en = runCli(['reviews', 'queue', f, '--as-of', '2026-11-20 12:00', '-f', 'csv', '--lang', 'en'], { tz });
      expect(en.code).toBe(0);
      // A line of its own starting storeops:, as the warnings around it do (陈姐 read "reviews.csv: 表头在第 2 行"
      // as the one bare line among them; desk50).
      expect(en.stderr.split('\n')).toContain(`storeops: ${f}: the header is on line 2; the line above it (title or blank) was skipped`);
      // The example's 9 review rows (10 lines, the header its first): 1 title + 1 header + 9 = the 11 lines.
      expect(en.stderr).toContain('reviews: 9 rows, 9 read');
      const zh = runCli(['reviews', 'queue', f, '--as-of', '2026-11-20 12:00', '-f', 'csv', '--lang', 'zh'], { tz });
      expect(zh.stderr.split('\n')).toContain(`storeops: ${f}: 表头在第 2 行, 跳过了前面的 1 行 (标题或空行)`);
    });

    it(`甄检: a title above the products, a title and a blank line above the labels (TZ=${tz})`, () => {
      const dir = tmpDir();
      const p = titled(dir, 'products.csv', 'zhenjian-products.csv', ['甄检报名商品 2026-11']);
      const l = titled(dir, 'labels.csv', 'zhenjian-labels.csv', ['品质标签选择', '']);
      const r = runCli(['zhenjian', 'estimate', p, '--labels', l, '--as-of', '2026-11-20 11:00', '-f', 'json', '--lang', 'en'], { tz });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`${p}: the header is on line 2; the line above it (title or blank) was skipped`);
      expect(r.stderr).toContain(`${l}: the header is on line 3; the 2 lines above it (title or blank) were skipped`);
      // The example's 4 product rows (5 lines) are all estimated: 1 title + 1 header + 4 = 6 lines.
      expect(r.stderr).toContain('甄检 estimate: 4 products;');
      const zh = runCli(['zhenjian', 'estimate', p, '--labels', l, '--as-of', '2026-11-20 11:00', '-f', 'json', '--lang', 'zh'], { tz });
      expect(zh.stderr).toContain(`${l}: 表头在第 3 行, 跳过了前面的 2 行 (标题或空行)`);
    });

    it(`compensate: --exclude, --delivery-failures and --shipments with a title line (TZ=${tz})`, () => {
      const dir = tmpDir();
      const ex = path.join(dir, 'after-sale.csv');
      fs.writeFileSync(ex, '售后列表导出\n订单编号\n3515313147329357901\n');
      const df = titled(dir, 'failures.csv', 'delivery-failures.csv', ['派送失败记录', '']);
      const sh = titled(dir, 'scans.csv', 'shipments.csv', ['揽收记录导出']);
      const r = runCli(['compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--exclude', ex, '--delivery-failures', df, '--shipments', sh, '--as-of', '2026-11-25 12:00', '-f', 'csv', '--lang', 'en'], { tz });
      expect(r.stderr).toContain(`${ex}: the header is on line 2; the line above it (title or blank) was skipped`);
      expect(r.stderr).toContain(`${df}: the header is on line 3; the 2 lines above it (title or blank) were skipped`);
      expect(r.stderr).toContain(`${sh}: the header is on line 2; the line above it (title or blank) was skipped`);
      // The id under the title is still used: the order is excluded.
      expect(r.stderr).toContain('excluded: 3515313147329357901');
    });
  }
});
