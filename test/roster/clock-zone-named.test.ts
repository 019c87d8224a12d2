// A clock time in a roster note names its zone (desk56's brief): shift times are Beijing wall clock
// (docs/rules.md §4) whatever the machine's zone, and a note that says "08:00–09:00" or "03:00" alone
// leaves an operator on a machine in Los Angeles (TZ=America/Los_Angeles) asking whose 08:00 it is.
// By hand: the default shifts start at 09:00 (白班 09:00–17:30), so 08:00–09:00 (the platform's
// measured hours start at 08:00, RULES §4) is uncovered: "北京时间 08:00–09:00" / "08:00–09:00 Beijing
// time". A --volume with chats at 3 (03:00–04:00), which no default shift covers (晚班 ends 23:30):
// "… 天的北京时间 03:00 起的一小时 …" / "03:00 Beijing time: …", on each of February 2026's 28 days.
// The platform rule's own window (统计 08:00–23:00) is a quotation of the rule, left as it is.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

for (const tz of ['UTC', 'America/Los_Angeles']) {
  describe(`roster notes name Beijing time (TZ=${tz})`, () => {
    it('roster check: the uncovered morning', () => {
      const roster = path.join(EXAMPLES, 'roster', 'roster-2026-11.csv');
      const zh = runCli(['roster', 'check', roster, '--lang', 'zh'], { tz });
      expect(zh.stderr).toContain('storeops: 警告: 没有班次覆盖 北京时间 08:00–09:00: 天猫/淘宝店这段时间计入');
      const en = runCli(['roster', 'check', roster, '--lang', 'en'], { tz });
      expect(en.stderr).toContain('storeops: warning: no shift covers 08:00–09:00 Beijing time: on Tmall/Taobao');
    });

    it('roster plan: an hour of --volume no shift covers', () => {
      const dir = tmpDir('roster-clock-zone-');
      fs.writeFileSync(path.join(dir, 'v.csv'), fs.readFileSync(path.join(EXAMPLES, 'roster', 'volume.csv'), 'utf8').trimEnd() + '\n3,30\n');
      const args = ['roster', 'plan', '--month', '2026-02', '--agents', '8', '--volume', 'v.csv', '--time-limit', '3', '-f', 'csv'];
      const zh = runCli([...args, '--lang', 'zh'], { cwd: dir, tz });
      expect(zh.stderr).toMatch(/storeops: 警告: 28 天的北京时间 03:00 起的一小时需要最多 \d+ 人, 但没有班次覆盖\n/);
      const en = runCli([...args, '--lang', 'en'], { cwd: dir, tz });
      expect(en.stderr).toMatch(/storeops: warning: 03:00 Beijing time: up to \d+ agents? needed on 28 days but no shift covers that hour\n/);
    }, 120_000);
  });
}
