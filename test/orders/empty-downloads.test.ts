// A download with a header and no rows (拼多多's hourly file for an hour without orders) warned on every
// run that read it: the hourly cron job reads a week of downloads (README "Pruning the exports folder"),
// so each such file was a warning every hour, 168 times, in the -q log. Now (desk44): a warning only
// when no file of the run has a row (nothing read at all: a wrong download or filter looks the same);
// otherwise a note per empty file, and under -q a note for the newest file only, when it is empty —
// the download the run was made for; each download is the newest of the run after it, so each empty
// one is told once in the cron log, never lost, never repeated hourly.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const PDD = fs.readFileSync(path.join(EXAMPLES, 'pdd-orders-202611.csv'), 'utf8');
const HEADER = PDD.slice(0, PDD.indexOf('\n') + 1);

function folder(): string {
  const dir = tmpDir('empty-downloads-');
  // PDD names its downloads by export time (README "Overlapping downloads"): 12:00 is the newest.
  fs.writeFileSync(path.join(dir, 'orders_export2026-11-20-10-00-00.csv'), HEADER);
  fs.writeFileSync(path.join(dir, 'orders_export2026-11-20-11-00-00.csv'), PDD);
  fs.writeFileSync(path.join(dir, 'orders_export2026-11-20-12-00-00.csv'), HEADER);
  return dir;
}
const ALL = ['orders_export2026-11-20-10-00-00.csv', 'orders_export2026-11-20-11-00-00.csv', 'orders_export2026-11-20-12-00-00.csv'];
// A note, so `storeops: ` first (desk52, 2026-12: it was the one bare line among storeops: lines).
const note = (f: string) => `storeops: ${f}: no data rows after the header (a download with no orders); the other files were read\n`;

describe('empty downloads (header only) among others', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`a note per empty file, no warning; -q: the newest only (${tz})`, () => {
      const dir = folder();
      const r = runCli(['orders', 'normalize', ...ALL, '-f', 'csv', '--lang', 'en'], { cwd: dir, tz });
      expect(r.code).toBe(0);
      // 8 data rows in the example, all accepted: nothing lost.
      expect(r.stdout.trimEnd().split('\n')).toHaveLength(1 + 8);
      expect(r.stderr).toBe(note(ALL[2]!) + note(ALL[0]!) + '8 rows read: 8 accepted, 0 rejected, 0 duplicates; wrote 8 orders\n');
      const q = runCli(['orders', 'normalize', ...ALL, '-q', '-f', 'csv', '--lang', 'en'], { cwd: dir, tz });
      expect(q.code).toBe(0);
      expect(q.stderr).toBe(note(ALL[2]!));
      // An hour later a download with orders is the newest: the empty ones are not told again under -q.
      fs.writeFileSync(path.join(dir, 'orders_export2026-11-20-13-00-00.csv'), PDD);
      const later = runCli(['orders', 'normalize', ...ALL, 'orders_export2026-11-20-13-00-00.csv', '-q', '-f', 'csv', '--lang', 'en'], { cwd: dir, tz });
      expect(later.code).toBe(0);
      expect(later.stderr).not.toContain('no data rows');
    });
  }

  it('zh; every file empty is still a warning, also under -q', () => {
    const dir = folder();
    const zh = runCli(['orders', 'normalize', ...ALL, '-q', '-f', 'csv', '--lang', 'zh'], { cwd: dir });
    expect(zh.stderr).toBe(`storeops: ${ALL[2]}: 表头之后没有数据行 (一份没有订单的下载), 已读取其他文件\n`);
    const empty = runCli(['orders', 'normalize', ALL[0]!, ALL[2]!, '-q', '-f', 'csv', '--lang', 'en'], { cwd: dir });
    expect(empty.code).toBe(0);
    expect(empty.stderr).toBe(`storeops: warning: ${ALL[2]}: no data rows after the header\nstoreops: warning: ${ALL[0]}: no data rows after the header\n`);
  });
});
