// rev43, on perf48 97cdbcc4 + text45 fe9653b0 together: perf48 stopped holding the queue's flagged
// reviews (Built.reviews undefined for `reviews queue`, only counted), text45 reads them to title a
// queue alert with each item's shop (the review row's 店铺名称, else its platform's reviews.shopNames).
// Both applied, `tsc` failed (b.reviews possibly undefined) and the emitted build crashed every
// `reviews queue --notify` after writing its rows: "internal error: Cannot read properties of
// undefined (reading 'map')", exit 70, no alert. Now build holds the reviews when the run alerts.
// Worked by hand: one 差评 on a Tmall order (19 digits), its row naming 店铺名称 暖冬A店, reviewed
// 11-19 21:40, as of 11-20 10:00 first contact due (priority 2): one alert, titled with the row's
// shop, not the config's reviews.shopName (别的店).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { robotsEachTest, runCliAsync } from './robots.js';

const env = robotsEachTest();

describe('reviews queue --notify with the flagged reviews not held for the output', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`exits 0 and titles the alert with the review row's 店铺名称 (failed before: exit 70) (${tz})`, async () => {
      const f = path.join(env.dir, 'reviews.csv');
      fs.writeFileSync(f, '订单编号,店铺名称,商品名称,评价结果,评价时间,评价内容\n3515313147329357901,暖冬A店,加厚羊毛围巾,差评,2026-11-19 21:40:00,质量太差 掉毛\n');
      const cfg = path.join(env.dir, 'config.json');
      fs.writeFileSync(cfg, JSON.stringify({ reviews: { shopName: '别的店' }, notify: { timeout: 10, attempts: 1 } }));
      fs.chmodSync(cfg, 0o600);
      const r = await runCliAsync(['reviews', 'queue', f, '--as-of', '2026-11-20 10:00:00', '--config', cfg, '--state', path.join(env.dir, 'state.db'), '--notify', `webhook:${env.robots.webhook}`, '--notify-on', 'always', '--lang', 'zh', '-f', 'csv'], { env: { TZ: tz } });
      expect(r.stderr).not.toContain('internal error');
      expect(r.code).toBe(0);
      expect(env.robots.received).toHaveLength(1);
      const body = env.robots.received[0]!.body as { title: string; shop?: string };
      expect(body.shop).toBe('暖冬A店');
      expect(body.title.startsWith('storeops 【暖冬A店】 ')).toBe(true);
    });
  }
});
