// --quiet-hours (or config reviews.quietHours) written as the hours contact IS allowed: 08:00-22:00.
// Quiet hours are when not to contact (RULES 2.2, harassment: contacting at unreasonable times
// costs 500 yuan and 4 points per upheld complaint). The queue took it and scheduled every contact
// for the night: as of 2026-12-01 10:00 (Beijing), nextContactAt 2026-12-01 22:00:00, contact_later.
// Now a window leaving 01:00–05:00 open is refused (exit 2), saying what to write.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

const REVIEWS = 'examples/reviews.csv';
const AS_OF = ['--as-of', '2026-12-01 10:00:00'];

describe('quiet hours that leave the night open', () => {
  it.each(['UTC', 'America/Los_Angeles'])('--quiet-hours 08:00-22:00 is refused with the window meant (TZ=%s)', (tz) => {
    const r = runCli(['reviews', 'queue', REVIEWS, ...AS_OF, '--quiet-hours', '08:00-22:00', '-f', 'csv'], { tz });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'storeops: error: quiet hours "08:00-22:00" leave the night (01:00–05:00) open: buyers would be contacted in the small hours (harassment under the platform\'s rules). Quiet hours are when NOT to contact; this looks like the hours contact is allowed (08:00-22:00)\n' +
        '  hint: write the hours not to contact, e.g. --quiet-hours 22:00-08:00 (default 22:00-08:00); for no quiet hours at all, write none.\n',
    );
  });

  it('config reviews.quietHours "12:00-13:00" (a lunch break, not a night): refused too, naming the config file and key, the default suggested as the file writes it, zh', () => {
    const cfg = path.join(tmpDir('quiet-inverted-'), 'storeops.config.json');
    fs.writeFileSync(cfg, JSON.stringify({ reviews: { quietHours: '12:00-13:00' } }));
    const r = runCli(['reviews', 'queue', REVIEWS, ...AS_OF, '--config', cfg, '--lang', 'zh', '-f', 'csv']);
    expect(r.code).toBe(2);
    // Before: '安静时段 "12:00-13:00" 不包括深夜 …' with no word of the config file, and the fix written as a flag.
    expect(r.stderr).toContain(`storeops: 错误: 配置文件 ${cfg} 中的 reviews.quietHours: 安静时段 "12:00-13:00" 不包括深夜 (01:00–05:00)`);
    expect(r.stderr).toContain('例如 "quietHours": "22:00-08:00"');
  });

  it('a night window (23:00-07:00), 02:00-03:00 and none are taken as before', () => {
    for (const q of ['23:00-07:00', '02:00-03:00', 'none']) {
      const r = runCli(['reviews', 'queue', REVIEWS, ...AS_OF, '--quiet-hours', q, '-f', 'csv']);
      expect(r.code, q).toBe(0);
    }
    // 10:00 Beijing is outside 23:00-07:00: contact now (nextContactAt = as-of).
    const r = runCli(['reviews', 'queue', REVIEWS, ...AS_OF, '--quiet-hours', '23:00-07:00', '-f', 'json']);
    expect((JSON.parse(r.stdout) as Record<string, unknown>[])[0]).toMatchObject({ nextContactAt: '2026-12-01T10:00:00+08:00', action: 'contact_now' });
  });
});
