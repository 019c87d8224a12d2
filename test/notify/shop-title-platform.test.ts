// Alert titles name the shop in the order the review greeting takes it (reviews/settings.ts shopFor,
// text44): the export's 店铺名称 (else 店铺Id), then reviews.shopNames for the platform of the orders (or
// reviews) whose export names none, then reviews.shopName; notify.shop, set for alerts, before them all (lead). Until text45 the title
// ignored reviews.shopNames: a 抖店 run (its export names no shop) was titled with reviews.shopName,
// the Tmall shop's. Decided (the greeting has no notify.shop): a platform's own name comes before the
// one-name-for-all keys, notify.shop before reviews.shopName as before.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../helpers.js';
import { robotsEachTest, runCliAsync } from './robots.js';

const env = robotsEachTest();

function config(extra: Record<string, unknown>): string {
  const f = path.join(env.dir, `config-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(f, JSON.stringify({ ...extra, notify: { timeout: 10, attempts: 1, ...((extra.notify as object) ?? {}) } }));
  fs.chmodSync(f, 0o600);
  return f;
}
const run = (args: string[], tz: string) => runCliAsync([...args, '--state', path.join(env.dir, 'state.db'), '--notify-on', 'always'], { env: { TZ: tz } });
const title = (i: number) => (env.robots.received[i]!.body as { title: string; shop?: string });
const DOUYIN = path.join(EXAMPLES, 'douyin-orders-202611.csv'); // 抖店 export: no 店铺名称
const TMALL = path.join(EXAMPLES, 'ExportOrderList202611.csv'); // 订单报表: 店铺名称 暖冬织物旗舰店
const AT = ['--at-risk', '12', '--as-of', '2026-11-20 12:00:00'];
const SHOPS = { shopName: '暖暖天猫旗舰店', shopNames: { douyin: '暖暖抖店', pdd: '暖暖拼多多店' } };

describe('alert titles: the platform\'s own shop name (reviews.shopNames)', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`compensate on a 抖店 export: reviews.shopNames.douyin, not reviews.shopName (failed before: 暖暖天猫旗舰店) (${tz})`, async () => {
      const r = await run(['compensate', DOUYIN, ...AT, '--config', config({ reviews: SHOPS }), '--notify', `webhook:${env.robots.webhook}`, '--lang', 'zh'], tz);
      expect(r.stderr).not.toContain('通知失败');
      expect(title(0).shop).toBe('暖暖抖店');
      expect(title(0).title.startsWith('storeops 【暖暖抖店】 ')).toBe(true);
      expect(title(0).title).not.toContain('暖暖天猫旗舰店');
    });
  }

  // Lead (merging user17's shop-title case): notify.shop is set for the alerts themselves, so it names
  // every alert whose export names no shop, before a platform's name (as before text45; text45 had put
  // the platform's name first).
  it('notify.shop, set for alerts, before a platform\'s name; notify.shop before reviews.shopName when the platform has none; the export\'s own name first', async () => {
    await run(['compensate', DOUYIN, ...AT, '--config', config({ reviews: SHOPS, notify: { shop: '老王 B 店' } }), '--notify', `webhook:${env.robots.webhook}`, '--lang', 'en'], 'UTC');
    expect(title(0).shop).toBe('老王 B 店');
    await run(['compensate', DOUYIN, ...AT, '--config', config({ reviews: { shopName: '暖暖天猫旗舰店', shopNames: { pdd: '暖暖拼多多店' } }, notify: { shop: '老王 B 店' } }), '--notify', `webhook:${env.robots.webhook}`, '--lang', 'en'], 'UTC');
    expect(title(1).shop).toBe('老王 B 店');
    await run(['compensate', DOUYIN, ...AT, '--config', config({ reviews: { shopName: '暖暖天猫旗舰店', shopNames: { pdd: '暖暖拼多多店' } } }), '--notify', `webhook:${env.robots.webhook}`, '--lang', 'en'], 'UTC');
    expect(title(2).shop).toBe('暖暖天猫旗舰店');
    // The Tmall export names its shop: that name, whatever the config says.
    await run(['compensate', TMALL, '--at-risk', '12', '--as-of', '2026-11-19 06:00:00', '--config', config({ reviews: { shopNames: { tmall: '别的名字' } } }), '--notify', `webhook:${env.robots.webhook}`, '--lang', 'en'], 'UTC');
    expect(title(3).shop).toBe('暖冬织物旗舰店');
  });

  it('reviews queue: a 拼多多 review titled with reviews.shopNames.pdd (failed before: reviews.shopName)', async () => {
    const f = path.join(env.dir, 'pdd-reviews.csv');
    // A 差评 on a 拼多多 order (yymmdd-digits), reviewed 11-19 21:40: first contact due now.
    fs.writeFileSync(f, '订单编号,商品名称,评价结果,评价时间,评价内容\n261110-313147329357901,加厚羊毛围巾 灰色,差评,2026-11-19 21:40:00,质量太差 掉毛\n');
    const r = await run(['reviews', 'queue', f, '--as-of', '2026-11-20 10:00:00', '--config', config({ reviews: SHOPS }), '--notify', `webhook:${env.robots.webhook}`, '--lang', 'zh'], 'UTC');
    expect(r.stderr).not.toContain('通知失败');
    expect(title(0).shop).toBe('暖暖拼多多店');
  });
});
