// A bad value in the config file named neither the file nor the key: `quiet hours not understood:
// "8-22"` (as if typed as --quiet-hours), `reviews.maxAttempts must be …` (which file?),
// `--base takes …` for compensate.base. An operator whose cron job reads ~/.config/storeops/config.json
// could not tell where to look. Now: the key and the file, in zh and en.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

const AS_OF = ['--as-of', '2026-12-01 10:00:00'];
const config = (o: unknown) => {
  const f = path.join(tmpDir('config-errors-'), 'storeops.config.json');
  fs.writeFileSync(f, JSON.stringify(o));
  return f;
};

describe('a bad config value names the config file and the key (operator test)', () => {
  it('reviews.quietHours "8-22", en and zh', () => {
    const cfg = config({ reviews: { quietHours: '8-22' } });
    const en = runCli(['reviews', 'queue', 'examples/reviews.csv', ...AS_OF, '--config', cfg, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(`storeops: error: reviews.quietHours in config file ${cfg}: quiet hours not understood: "8-22"\n  hint: write it as 22:00-08:00 (may wrap midnight), or none.\n`);
    const zh = runCli(['reviews', 'queue', 'examples/reviews.csv', ...AS_OF, '--config', cfg, '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(`storeops: 错误: 配置文件 ${cfg} 中的 reviews.quietHours: 安静时段格式不对: "8-22"\n  提示: 写成 22:00-08:00 (跨午夜可以), 或 none。\n`);
  });

  it('the flag given instead is named as the flag, as before', () => {
    const r = runCli(['reviews', 'queue', 'examples/reviews.csv', ...AS_OF, '--quiet-hours', '8-22', '--lang', 'en']);
    expect(r.stderr).toBe('storeops: error: quiet hours not understood: "8-22"\n  hint: write it as 22:00-08:00 (may wrap midnight), or none.\n');
  });

  it('reviews.maxAttempts, reviews.highValue, reviews.messageLang, compensate.base and compensate.shipWithin', () => {
    const cases: [unknown, string[], string, string][] = [
      [{ reviews: { maxAttempts: 'x' } }, ['reviews', 'queue', 'examples/reviews.csv', ...AS_OF], 'reviews.maxAttempts in config file CFG must be a number of at least 1, got "x"', '配置文件 CFG 中的 reviews.maxAttempts 应为不小于 1 的数, 收到 "x"'],
      [{ reviews: { highValue: '三百' } }, ['reviews', 'queue', 'examples/reviews.csv', ...AS_OF], 'reviews.highValue in config file CFG must be an amount such as 5.00, got "三百"', '配置文件 CFG 中的 reviews.highValue 应为金额 (如 5.00), 收到 "三百"'],
      [{ reviews: { messageLang: 'fr' } }, ['reviews', 'queue', 'examples/reviews.csv', ...AS_OF], 'reviews.messageLang in config file CFG takes zh or en, got "fr"', '配置文件 CFG 中的 reviews.messageLang 只接受 zh 或 en, 收到 "fr"'],
      [{ compensate: { base: 'gross' } }, ['compensate', 'examples/ExportOrderList202611.csv', ...AS_OF], 'compensate.base in config file CFG takes auto / paid-minus-postage / paid / goods, got "gross"', '配置文件 CFG 中的 compensate.base 只接受 auto / paid-minus-postage / paid / goods, 收到 "gross"'],
      [{ compensate: { shipWithin: 'abc' } }, ['compensate', 'examples/ExportOrderList202611.csv', ...AS_OF], 'compensate.shipWithin in config file CFG takes a positive number of hours, got "abc"', '配置文件 CFG 中的 compensate.shipWithin 需要正的小时数, 收到 "abc"'],
    ];
    for (const [o, args, en, zh] of cases) {
      const cfg = config(o);
      const e = runCli([...args, '--config', cfg, '--lang', 'en']);
      expect(e.code, en).toBe(2);
      expect(e.stderr).toContain(`storeops: error: ${en.replace('CFG', cfg)}`);
      const z = runCli([...args, '--config', cfg, '--lang', 'zh']);
      expect(z.stderr).toContain(`storeops: 错误: ${zh.replace('CFG', cfg)}`);
    }
  });
});
