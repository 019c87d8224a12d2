// text46's zh sweep: one setting, two descriptions. reviews queue, log and message read --max-attempts
// and --quiet-hours the same way (src/reviews/settings.ts loadReviewsConfig: the flag, else config
// reviews.maxAttempts / reviews.quietHours, else 3 / 22:00-08:00; the limit counts a buyer's attempts
// across their reviews, src/reviews/policy.ts), but log and message said "per review (default 3)" /
// 每条评价允许的联系次数 (默认 3) and "quiet hours (default 22:00-08:00)" with no config key, where queue
// said per buyer / 这些时段不联系. Now the three say the same, in zh and en.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const help = (cmd: string, lang: string) => runCli(['reviews', cmd, '--help', '--lang', lang]).stdout.replace(/\s+/g, ' ');

describe('reviews queue, log and message describe --max-attempts and --quiet-hours alike', () => {
  it('zh (failed before: log and message said 每条评价允许的联系次数 (默认 3))', () => {
    for (const cmd of ['queue', 'log', 'message']) {
      const h = help(cmd, 'zh');
      expect(h, cmd).toContain('每个买家 (所有评价合计) 允许的联系次数 (默认: 配置 reviews.maxAttempts, 否则 3)');
      expect(h, cmd).toContain('免打扰时段, 这些时段不联系 (默认: 配置 reviews.quietHours, 否则 22:00-08:00; none 表示不限)');
      expect(h, cmd).not.toContain('每条评价允许');
    }
  });
  it('en', () => {
    for (const cmd of ['queue', 'log', 'message']) {
      const h = help(cmd, 'en');
      expect(h, cmd).toContain('contact attempts allowed per buyer, across their reviews (default: config reviews.maxAttempts, else 3)');
      expect(h, cmd).toContain('quiet hours, no contact in them (default: config reviews.quietHours, else 22:00-08:00; none = off)');
    }
  });
});
