// Every stderr line of `compensate` says where it comes from: errors, warnings and notes start with
// `storeops: ` (a cron job's 2>>log mixes several programs); a line about a place in an input
// starts with that place (`FILE:LINE: …`, as a compiler's); the counts of the summary start with
// what they count. The note "this run holds the orders of 2 shops …" (and the --rules note) had no
// `storeops: ` while the warnings around it had. Since 2026-12 (desk52) the notes about a place
// (`storeops: FILE:5: summary line, skipped`), the --shipments count and the excluded ids are notes
// too: only the closing summary (rules … (base …)) and rejected-row reports (FILE:LINE: why) are bare.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';
import { taobaoCsv } from '../orders/build.js';
import { shipped } from '../state/record-runs.js';

// Two shops' orders of one buyer (1001 and 2002), paid 2026-06-01, shipped 06-04 20:00 (> 48 h).
const rows = [
  { ...shipped('5100000000000000100', 'Q', '1000.00', '2026-06-01 08:00:00', '2026-06-04 20:00:00'), 店铺Id: '1001', 店铺名称: '甲店' },
  { ...shipped('5100000000000000101', 'Q', '1000.00', '2026-06-01 09:00:00', '2026-06-04 20:00:00'), 店铺Id: '2002', 店铺名称: '乙店' },
  { ...shipped('5100000000000000102', 'Q', '1000.00', '2026-06-01 10:00:00', '2026-06-04 20:00:00'), 店铺Id: '1001', 店铺名称: '甲店' },
];

/** The line's kind, or null when it starts with none of them. */
const kind = (line: string, file: string) =>
  /^storeops: (warning|警告): /.test(line) ? 'warning'
  : line.startsWith('storeops: ') ? 'note'
  : line.startsWith(`${file}:`) ? 'place'
  : /^(rules|规则) \S+ \((base|基数) /.test(line) ? 'count'
  : null;

describe('compensate: every stderr line starts with storeops:, its place, or what it counts', () => {
  for (const lang of ['en', 'zh']) {
    it(`two shops, --rules forced, --exclude, --shipments, a skipped summary line (${lang})`, () => {
      const dir = tmpDir();
      const f = path.join(dir, 'two.csv');
      fs.writeFileSync(f, taobaoCsv(rows) + '合计,,,\n');
      const ex = path.join(dir, 'ex.csv');
      fs.writeFileSync(ex, '订单编号\n5100000000000000102\n');
      const r = runCli(['compensate', f, '--as-of', '2026-07-01 00:00:00', '--rules', 'tmall-2026', '--exclude', ex, '--shipments', path.join(EXAMPLES, 'shipments.csv'), '-f', 'csv', '--lang', lang], { tz: 'UTC' });
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines.filter((l) => kind(l, f) === null)).toEqual([]);
      // The notes, prefixed (they were not):
      const notes = lines.filter((l) => kind(l, f) === 'note');
      expect(notes).toEqual(
        lang === 'en'
          ? [
              'storeops: --rules tmall-2026: every order is judged under tmall-2026 (without it, each order gets its platform\'s rule set in force at its paid time)',
              // The file's skipped 合计 line: line 5 (header, three orders, 合计).
              `storeops: ${f}:5: summary line, skipped`,
              'storeops: this run holds the orders of 2 shops (1001, 2002): a buyer has a cap in each shop, counted apart',
              expect.stringMatching(/^storeops: --shipments .*shipments\.csv: /),
              'storeops: excluded: 5100000000000000102',
            ]
          : [
              'storeops: --rules tmall-2026: 所有订单都按 tmall-2026 判断 (不指定时按各订单平台在付款时生效的规则集)',
              `storeops: ${f}:5: 合计行, 已跳过`,
              'storeops: 本次运行包含 2 个店铺的订单 (1001, 2002): 同一买家在每个店铺各有自己的封顶额, 分别计算',
              expect.stringMatching(/^storeops: --shipments .*shipments\.csv: /),
              'storeops: 已排除: 5100000000000000102',
            ],
      );
      // No line about a place is left bare (no row is rejected here); the closing summary counts.
      expect(lines.filter((l) => kind(l, f) === 'place')).toEqual([]);
      expect(lines.some((l) => kind(l, f) === 'count')).toBe(true);
    });
  }
});
