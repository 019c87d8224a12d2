// A reviews.shopNames key that names no platform ("tmal") is refused by the reviews commands (exit 2:
// that shop's buyers would be greeted with another name; text44). text45 read the same key for alert
// titles and roster's 08:00 warning, and refused it there too: a typo stopped `compensate --record
// --notify` from cron (exit 2, nothing recorded that hour) for the sake of an alert's title (rev43).
// Lead: outside the reviews commands the value is warned of and left out; the title falls back to
// reviews.shopName as if shopNames were not set.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../helpers.js';
import { robotsEachTest, runCliAsync } from './robots.js';

const env = robotsEachTest();

const BAD = { shopName: '暖冬织物旗舰店', shopNames: { tmal: '打错了的店', douyin: '暖冬抖音小店' } };
function config(): string {
  const f = path.join(env.dir, 'config.json');
  fs.writeFileSync(f, JSON.stringify({ reviews: BAD, notify: { timeout: 10, attempts: 1 } }));
  fs.chmodSync(f, 0o600);
  return f;
}

describe('a reviews.shopNames key that names no platform, outside the reviews commands', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`compensate --record --notify: warned, recorded, alert titled with reviews.shopName (was exit 2) (${tz})`, async () => {
      // The 抖店 example as of 2026-11-19 06:00: 老王's 6900000000000000701, promised 08:00, 2.0 h left
      // (within --at-risk 12): one at-risk order. shopNames is left out whole (douyin's name too), so
      // the title takes reviews.shopName.
      const r = await runCliAsync(
        ['compensate', path.join(EXAMPLES, 'douyin-orders-202611.csv'), '--at-risk', '12', '--as-of', '2026-11-19 06:00:00', '--config', config(), '--state', path.join(env.dir, 's.db'), '--notify', `webhook:${env.robots.webhook}`, '--lang', 'zh', '-q'],
        { env: { TZ: tz } },
      );
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('"tmal" 不是平台');
      expect(r.stderr).toContain('本次运行不使用 reviews.shopNames');
      expect(env.robots.received).toHaveLength(1);
      expect((env.robots.received[0]!.body as { title: string }).title).toBe('storeops 【暖冬织物旗舰店】 发货预警: 1 个订单已超时或 12 小时内到期');
    });
  }

  it('roster check: warned, checked (was exit 2); reviews queue still refuses it (exit 2)', async () => {
    const roster = await runCliAsync(['roster', 'check', path.join(EXAMPLES, 'roster', 'roster-2026-11.csv'), '--month', '2026-11', '--config', config(), '--lang', 'en', '-q'], { env: { TZ: 'UTC' } });
    expect(roster.code).toBe(0);
    expect(roster.stderr).toContain('reviews.shopNames is not used by this run');
    const reviews = await runCliAsync(['reviews', 'queue', path.join(EXAMPLES, 'reviews.csv'), '--as-of', '2026-11-20 10:00:00', '--config', config(), '--lang', 'en', '-q'], { env: { TZ: 'UTC' } });
    expect(reviews.code).toBe(2);
    expect(reviews.stderr).toContain('"tmal" is not a platform');
    // Said once, as the error: no warning of the same before it.
    expect(reviews.stderr).not.toContain('not used by this run');
  });
});
