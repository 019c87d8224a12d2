// Until 2026-12 no alert named its shop: an operator whose group hears from two shops (or two cron
// jobs) could not tell which one "1 order late" was about. Now (desk44) the title, after "storeops",
// names the shop the export names (店铺名称, else 店铺Id; several: up to 3, then "+N more"), else the
// config's (notify.shop, else reviews.shopName); a phone in it is masked (shownNick), nothing else is.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLES, tmpDir } from '../helpers.js';
import { Robots, runCliAsync } from './robots.js';

let robots: Robots;
let dir: string;
beforeEach(async () => {
  robots = await new Robots().start();
  dir = tmpDir();
});
afterEach(async () => {
  await robots.stop();
});

/**
 * The example 订单报表 (GBK; every row of shop 店铺Id 100200300, 店铺名称 暖冬织物旗舰店) with data row i
 * of shop `shop(i)`: [店铺Id, 店铺名称].
 */
function withShop(shop: (i: number) => [string, string]): string {
  const lines = iconv.decode(fs.readFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv')), 'gbk').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '');
  const f = path.join(dir, `ExportOrderList202611-${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(f, [lines[0], ...lines.slice(1).map((l, i) => l.replace('100200300', shop(i)[0]).replace('暖冬织物旗舰店', shop(i)[1]))].join('\n') + '\n');
  return f;
}
/** The example export without its shop cells (as 抖店 and 拼多多 exports name none). */
function noShop(): string {
  return withShop(() => ['', '']);
}
function config(extra: Record<string, unknown>): string {
  const f = path.join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(f, JSON.stringify({ notify: { timeout: 10, attempts: 1 }, ...extra }));
  fs.chmodSync(f, 0o600);
  return f;
}
const run = (args: string[], tz = 'UTC') => runCliAsync([...args, '--state', path.join(dir, 'state.db'), '--notify-on', 'always'], { env: { TZ: tz } });
// The example's at-risk order …701, due 11-19 08:00: as of 06:00 it has 2.0 h left (test/notify/cli.test.ts).
const AT_RISK = ['--at-risk', '12', '--as-of', '2026-11-19 06:00:00'];

describe('alerts name their shop', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`the export's 店铺名称 in the title, zh and en, DingTalk and webhook (${tz})`, async () => {
      const f = withShop(() => ['100200300', '老王家居旗舰店']);
      const en = await run(['compensate', f, ...AT_RISK, '--config', config({}), '--notify', `dingtalk:${robots.dingtalk}`, '--lang', 'en'], tz);
      expect(en.code).toBe(0);
      expect((robots.received[0]!.body as { markdown: { title: string } }).markdown.title).toBe('storeops ［老王家居旗舰店］ shipping alert: 1 order late or due within 12 h');
      expect((robots.received[0]!.body as { markdown: { text: string } }).markdown.text.split('\n')[0]).toBe('### storeops ［老王家居旗舰店］ shipping alert: 1 order late or due within 12 h');
      const zh = await run(['compensate', f, ...AT_RISK, '--config', config({}), '--notify', `webhook:${robots.webhook}`, '--lang', 'zh'], tz);
      expect(zh.code).toBe(0);
      const body = robots.received[1]!.body as { shop: string; title: string };
      expect(body.shop).toBe('老王家居旗舰店');
      expect(body.title).toBe('storeops 【老王家居旗舰店】 发货预警: 1 个订单已超时或 12 小时内到期');
    });
  }

  it('two shops; a phone in a shop name masked; without 店铺 columns the config names it; none: as before', async () => {
    // Rows alternate between two shops; the second is named by the owner's mobile (masked as the shop column is).
    const two = withShop((i) => (i % 2 === 0 ? ['100200300', '老王家居旗舰店'] : ['100200399', '店主13925130165']));
    expect((await run(['compensate', two, ...AT_RISK, '--config', config({}), '--notify', `webhook:${robots.webhook}`, '--lang', 'en'])).code).toBe(0);
    expect((robots.received[0]!.body as { title: string }).title).toBe('storeops [老王家居旗舰店, 店主139****0165] shipping alert: 1 order late or due within 12 h');
    const plain = noShop();
    expect((await run(['compensate', plain, ...AT_RISK, '--config', config({ notify: { timeout: 10, attempts: 1, shop: '老王 B 店' } }), '--notify', `webhook:${robots.webhook}`, '--lang', 'en'])).code).toBe(0);
    expect((robots.received[1]!.body as { title: string }).title).toBe('storeops [老王 B 店] shipping alert: 1 order late or due within 12 h');
    expect((await run(['compensate', plain, ...AT_RISK, '--config', config({ reviews: { shopName: '小李的店' } }), '--notify', `webhook:${robots.webhook}`, '--lang', 'zh'])).code).toBe(0);
    expect((robots.received[2]!.body as { title: string }).title).toBe('storeops 【小李的店】 发货预警: 1 个订单已超时或 12 小时内到期');
    expect((await run(['compensate', plain, ...AT_RISK, '--config', config({}), '--notify', `webhook:${robots.webhook}`, '--lang', 'en'])).code).toBe(0);
    const none = robots.received[3]!.body as { title: string; shop?: string };
    expect(none.title).toBe('storeops shipping alert: 1 order late or due within 12 h');
    expect(none.shop).toBeUndefined();
  });

  // user17 (小林: a 天猫 shop and a 抖店 shop, one config with reviews.shopName for the Tmall one and
  // reviews.shopNames per platform, as the README's "Shop names" says for messages): the 抖店 export names
  // no shop, and its at-risk alert was titled with the Tmall shop's name. Now a run whose orders are all of
  // one platform takes reviews.shopNames for it before reviews.shopName; notify.shop still comes first.
  // The 抖店 example's at-risk order: 老王's 6900000000000000701, promised 2026-11-19 08:00: as of 06:00,
  // 2.0 h left, within 12 h (examples/douyin-orders-202611.csv). Failed before (【暖冬织物旗舰店】).
  it('an export naming no shop, all of one platform: reviews.shopNames for that platform names it', async () => {
    const dy = path.join(EXAMPLES, 'douyin-orders-202611.csv');
    const names = { shopName: '暖冬织物旗舰店', shopNames: { 天猫: '暖冬织物旗舰店', 抖店: '暖冬抖音小店' } };
    expect((await run(['compensate', dy, ...AT_RISK, '--config', config({ reviews: names }), '--notify', `webhook:${robots.webhook}`, '--lang', 'zh'])).code).toBe(0);
    expect((robots.received[0]!.body as { title: string }).title).toBe('storeops 【暖冬抖音小店】 发货预警: 1 个订单已超时或 12 小时内到期');
    // The Tmall export without its shop cells: the tmall name (the same here as shopName).
    expect((await run(['compensate', noShop(), ...AT_RISK, '--config', config({ reviews: { shopName: '小李的店', shopNames: { tmall: '小李天猫店' } } }), '--notify', `webhook:${robots.webhook}`, '--lang', 'zh'])).code).toBe(0);
    expect((robots.received[1]!.body as { title: string }).title).toBe('storeops 【小李天猫店】 发货预警: 1 个订单已超时或 12 小时内到期');
    // notify.shop set: it names every alert, as before.
    expect((await run(['compensate', dy, ...AT_RISK, '--config', config({ notify: { timeout: 10, attempts: 1, shop: '老王 B 店' }, reviews: names }), '--notify', `webhook:${robots.webhook}`, '--lang', 'zh'])).code).toBe(0);
    expect((robots.received[2]!.body as { title: string }).title).toBe('storeops 【老王 B 店】 发货预警: 1 个订单已超时或 12 小时内到期');
    // No name for 抖店 in shopNames: reviews.shopName, as before.
    expect((await run(['compensate', dy, ...AT_RISK, '--config', config({ reviews: { shopName: '暖冬织物旗舰店', shopNames: { tmall: '暖冬织物旗舰店' } } }), '--notify', `webhook:${robots.webhook}`, '--lang', 'zh'])).code).toBe(0);
    expect((robots.received[3]!.body as { title: string }).title).toBe('storeops 【暖冬织物旗舰店】 发货预警: 1 个订单已超时或 12 小时内到期');
  });
});
