// A run by hand over a folder of hourly downloads (each "the last N hours") printed a line per pair of
// files sharing orders: every order is kept from the newest file holding it, and each older file holding
// it makes a pair, ~138 lines for a day's folder (desk46). More than 3 such pairs (two downloads told
// apart by their times, read the same way) are now summed up in one line: how many files, rows and
// pairs, the newest file, -v for the count per pair, --duplicates for every row. A tie, a file holding
// an order twice and a pair whose times are read two ways keep their own lines; -q hides the ordinary
// pairs as before.
//
// By hand: 5 downloads ExportOrderList20261120{10..14}00.csv, each holding the same 2 orders (the
// README example's lines 2 and 3): each order is read from the 14:00 file, so each of the 4 older files
// has 2 rows repeating orders read from a newer one: 4 × 2 = 8 rows, 4 pairs (14:00 with each older
// one), 5 files. Rows read 5 × 2 = 10 = 2 orders + 8 repeated: every row accounted for.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const EX = path.join(EXAMPLES, 'ExportOrderList202611.csv');

function downloads(dir: string, hours: number[]): string[] {
  const lines = iconv.decode(fs.readFileSync(EX), 'gb18030').split(/\r?\n/);
  return hours.map((h) => {
    const f = path.join(dir, `ExportOrderList20261120${h}00.csv`);
    fs.writeFileSync(f, `${lines[0]}\r\n${lines[1]}\r\n${lines[2]}\r\n`);
    return f;
  });
}

const overlap = (stderr: string) => stderr.split('\n').filter((l) => / share | downloads overlap|个下载有重叠|--duplicates/.test(l));

describe('overlapping downloads: many pairs summed up in one line, every row counted', () => {
  const run = (files: string[], more: string[] = []) =>
    runCli(['compensate', ...files, '--as-of', '2026-11-20 15:00:00', '--state', path.join(path.dirname(files[0]!), 'none.db'), '-o', path.join(path.dirname(files[0]!), 'v.csv'), ...more]);

  it('5 downloads, 4 pairs: one line (en, zh); --duplicates holds the 8 rows; -v the 4 pair lines; -q nothing', () => {
    const dir = tmpDir();
    const f = downloads(dir, [10, 11, 12, 13, 14]);
    const en = run(f);
    expect(en.code).toBe(0);
    expect(overlap(en.stderr)).toEqual([
      `storeops: 5 downloads overlap: 8 rows of 4 older files repeat orders read from a newer one, in 4 pairs of files; the newer versions are used (the newest: ${f[4]}, exported 2026-11-20 14:00:00, from its name); -v gives the count per pair; --duplicates <file> lists every row (file, line, order id, the file used)`,
    ]);
    const dups = path.join(dir, 'dups.csv');
    const zh = run(f, ['--lang', 'zh', '--duplicates', dups]);
    expect(overlap(zh.stderr)).toEqual([
      `storeops: 5 个下载有重叠: 4 个较旧文件中的 8 行是已从较新的下载读取的订单, 共 4 对文件, 采用较新的版本 (最新的: ${f[4]}, 文件名中的导出时间 2026-11-20 14:00:00); 每对文件的行数用 -v 列出; 每一行 (文件、行号、订单编号、采用的文件) 见 ${dups}`,
    ]);
    // Header + the 8 rows.
    expect(fs.readFileSync(dups, 'utf8').trim().split('\n')).toHaveLength(1 + 8);
    // -v: a line per pair, each 2 orders, the newest file's versions used.
    const v = run(f, ['-v']);
    const pairs = overlap(v.stderr).filter((l) => l.includes(' share '));
    expect(pairs).toHaveLength(4);
    for (const l of pairs) expect(l).toMatch(new RegExp(`^storeops: ${f[4]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} and \\S+ share 2 orders \\(3515313147329357901, 3515313147329357902\\); the versions in the newer `));
    // -q: the hourly line's log gets none of it (as before).
    expect(overlap(run(f, ['-q']).stderr)).toEqual([]);
  });

  it('3 downloads, 2 pairs: a line per pair, as before', () => {
    const dir = tmpDir();
    const f = downloads(dir, [10, 11, 12]);
    const r = run(f);
    const got = overlap(r.stderr);
    expect(got).toHaveLength(3);
    // A note: storeops: first, as the summary line and the --duplicates hint are (desk52, 2026-12).
    expect(got[0]).toBe(
      `storeops: ${f[2]} and ${f[1]} share 2 orders (3515313147329357901, 3515313147329357902); the versions in the newer ${f[2]} are used (exported 2026-11-20 12:00:00, from its name; the other: exported 2026-11-20 11:00:00, from its name)`,
    );
    expect(got[2]).toBe('storeops: use --duplicates <file> to list every duplicate');
  });
});
