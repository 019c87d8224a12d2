// Every stderr line of `orders inspect` / `orders normalize` says where it comes from, as
// compensate's do (docs/cli.md "Streams"): errors, warnings and notes start with `storeops: `; a
// line about a place in an input starts with that place (`FILE:LINE: …`, `FILE: …`); the summary's
// counts start with what they count (`2 files: …`, `N rows read: …`). Three notes had no prefix:
// "(use --duplicates <file> to list every duplicate)", "(the table shows 7 of 35 columns; …)" and
// "… and 2 more rejected rows (use --rejects <file> to see them all)".
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv } from './build.js';

const paid = (i: number) => `35153131473293${String(57000 + i)}`;

/** The line's kind, or null when it starts with none of them. */
const kind = (line: string, files: string[]) =>
  /^storeops: (warning|警告): /.test(line) ? 'warning'
  : line.startsWith('storeops: ') ? 'note'
  : files.some((f) => line.startsWith(`${f}:`) || line.startsWith(`${f} and `) || line.startsWith(`${f} 与 `)) ? 'place'
  : /^\d+ (files?|rows?)\b|^\d+ 个文件: |^读取 \d+ 行/.test(line) ? 'count'
  : null;

describe('orders: every stderr line starts with storeops:, its place, or what it counts', () => {
  const dir = tmpDir();
  // a: 22 rows whose paid amount is no amount (rejected: 20 named, then "… and 2 more") and 3 good
  // ones; b (exported later) holds the 3 good ones again (duplicates across files).
  const good = [1, 2, 3].map((i) => order(paid(i), { 订单付款时间: '2026-11-10 09:00:00', 订单创建时间: '2026-11-10 08:00:00' }));
  const bad = Array.from({ length: 22 }, (_, i) => order(paid(100 + i), { 订单付款时间: '2026-11-10 09:00:00', 订单创建时间: '2026-11-10 08:00:00', 买家实际支付金额: 'abc' }));
  const a = path.join(dir, 'ExportOrderList202611201200.csv');
  const b = path.join(dir, 'ExportOrderList202611211200.csv');
  fs.writeFileSync(a, taobaoCsv([...good, ...bad]));
  fs.writeFileSync(b, taobaoCsv(good));
  const files = [a, b];

  for (const lang of ['en', 'zh'] as const) {
    it(`inspect and normalize (-f table into a pipe, COLUMNS=80), ${lang}`, () => {
      const notes: string[] = [];
      for (const args of [['orders', 'inspect', a, b, '-f', 'json'], ['orders', 'normalize', a, b, '-f', 'table']]) {
        const r = runCli([...args, '--lang', lang], { env: { COLUMNS: '80' } });
        const lines = r.stderr.trimEnd().split('\n');
        expect(lines.filter((l) => kind(l, files) === null)).toEqual([]);
        expect(lines.some((l) => kind(l, files) === 'place')).toBe(true);
        expect(lines.some((l) => kind(l, files) === 'count')).toBe(true);
        notes.push(...lines.filter((l) => kind(l, files) === 'note'));
      }
      // Per command: b's 3 orders repeat a's (the pair's line, a note with storeops: since 2026-12, desk52:
      // b exported 2026-11-21 12:00 by its name, a a day before; then the --duplicates hint), 22 of a's 25
      // rows rejected (20 named as FILE:LINE, then "… and 2 more"); the table's short view holds 7 of
      // normalize's 35 columns.
      const ids = '3515313147329357001, 3515313147329357002, 3515313147329357003';
      const pair =
        lang === 'en'
          ? `storeops: ${b} and ${a} share 3 orders (${ids}); the versions in the newer ${b} are used (exported 2026-11-21 12:00:00, from its name; the other: exported 2026-11-20 12:00:00, from its name)`
          : `storeops: ${b} 与 ${a} 有 3 个相同订单 (${ids}); 采用较新的 ${b} 中的版本 (文件名中的导出时间 2026-11-21 12:00:00; 另一个: 文件名中的导出时间 2026-11-20 12:00:00)`;
      expect(notes).toEqual(
        lang === 'en'
          ? [
              pair,
              'storeops: use --duplicates <file> to list every duplicate',
              'storeops: … and 2 more rejected rows (use --rejects <file> to see them all)',
              pair,
              'storeops: use --duplicates <file> to list every duplicate',
              'storeops: … and 2 more rejected rows (use --rejects <file> to see them all)',
              // At 80 columns the note goes on in a second line (98 columns on one; user7).
              'storeops: the table shows 7 of 35 columns;',
              'storeops: --wide for all, or -f csv / -o file.xlsx to export every column',
            ]
          : [
              pair,
              'storeops: 用 --duplicates <文件> 列出全部重复订单',
              'storeops: … 另有 2 行被拒绝 (用 --rejects <文件> 查看全部)',
              pair,
              'storeops: 用 --duplicates <文件> 列出全部重复订单',
              'storeops: … 另有 2 行被拒绝 (用 --rejects <文件> 查看全部)',
              'storeops: 表格只显示 7/35 列;',
              'storeops: 加 --wide 显示全部, 或 -f csv / -o 文件.xlsx 导出全部列',
            ],
      );
    });
  }
});
