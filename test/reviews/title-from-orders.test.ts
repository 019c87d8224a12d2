// A 拼多多 review sheet typed by hand (user16, 王姐): 订单号, 评价时间, 评分, 评价内容, no title.
// With --orders naming the order, the queue's 商品名称 stayed empty and `reviews message` wrote
// 「您购买的商品」 though the export names the item (拼多多 商品). Now the order export's title fills a
// row that has none, masked as compensate --at-risk masks a title; a title the review gives wins.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const PDD = `${EXAMPLES}/pdd-orders-202611.csv`;

for (const tz of ['UTC', 'America/Los_Angeles']) {
  describe(`reviews: the title from --orders when the review row has none (TZ=${tz})`, () => {
    const dir = tmpDir('review-title-');
    const reviews = path.join(dir, '拼多多评价.csv');
    // 261110-313147329357901 is 加厚羊毛围巾 灰色 in the example export (its first row).
    fs.writeFileSync(reviews, '订单号,评价时间,评分,评价内容\n261110-313147329357901,2026-11-19 20:00:00,2星,围巾掉毛，很失望\n');

    it('the queue shows the export\'s title; the message names it', () => {
      const q = runCli(['reviews', 'queue', reviews, '--orders', PDD, '--as-of', '2026-11-20 12:00:00', '-f', 'csv', '--lang', 'en'], { tz });
      expect(q.code).toBe(0);
      const rows = parse(q.stdout, { columns: true }) as Record<string, string>[];
      expect(rows.map((r) => [r.orderId, r.title])).toEqual([['261110-313147329357901', '加厚羊毛围巾 灰色']]);
      const m = runCli(['reviews', 'message', '261110-313147329357901', '--reviews', reviews, '--orders', PDD, '--as-of', '2026-11-20 12:00:00', '--lang', 'en'], { tz });
      expect(m.code).toBe(0);
      expect(m.stdout).toContain('「加厚羊毛围巾 灰色」');
      expect(m.stdout).not.toContain('您购买的商品');
    });

    it('a title the review row gives wins; a phone in the export\'s title is masked (--show-pii shows it)', () => {
      const withTitle = path.join(dir, 'titled.csv');
      fs.writeFileSync(withTitle, '订单号,商品名称,评价时间,评分,评价内容\n261110-313147329357901,羊毛围巾,2026-11-19 20:00:00,2星,围巾掉毛，很失望\n');
      const q = runCli(['reviews', 'queue', withTitle, '--orders', PDD, '--as-of', '2026-11-20 12:00:00', '-f', 'csv', '--lang', 'en'], { tz });
      expect((parse(q.stdout, { columns: true }) as Record<string, string>[])[0]!.title).toBe('羊毛围巾');
      // The export's first title with a phone in it: 139****0165, as --at-risk masks it.
      const orders = path.join(dir, 'pdd.csv');
      fs.writeFileSync(orders, fs.readFileSync(PDD, 'utf8').replace('加厚羊毛围巾 灰色,261110', '定制围巾 电话13925130165,261110'));
      const masked = runCli(['reviews', 'queue', reviews, '--orders', orders, '--as-of', '2026-11-20 12:00:00', '-f', 'csv', '--lang', 'en'], { tz });
      expect((parse(masked.stdout, { columns: true }) as Record<string, string>[])[0]!.title).toBe('定制围巾 电话139****0165');
      const shown = runCli(['reviews', 'queue', reviews, '--orders', orders, '--as-of', '2026-11-20 12:00:00', '-f', 'csv', '--lang', 'en', '--show-pii'], { tz });
      expect((parse(shown.stdout, { columns: true }) as Record<string, string>[])[0]!.title).toBe('定制围巾 电话13925130165');
    });
  });
}
