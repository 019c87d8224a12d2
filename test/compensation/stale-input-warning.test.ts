// An old download run without --as-of was judged as of now, silently: the README example's order
// 4100000000000000701 (paid 2026-11-17 08:00, unshipped in the download) counted as unshipped until
// the day of the run, weeks late. Decided (desk47; docs/rules.md §1.7 "An old download"): without
// --as-of, when the inputs' newest pay or ship time (the export's time as far as it shows it) is 3 days
// or more before now, a warning (stderr, en/zh, exit unchanged) names that time, how many days, the
// export time a file name gives (ExportOrderList202611201200.csv), and the --as-of to run it with.
// Not with --as-of. A file name giving a recent export time (within the 3 days) is a fresh download of
// a quiet shop's orders: no warning.
// Lead (review of rev41): a file's own time is its name's export time, else when it was saved (its
// modification time, as docs/formats.md "File names" orders downloads): a download saved within the 3
// days is fresh whatever its newest order — a shop quiet for 3 days downloading every hour under cron,
// or last month's orders downloaded today (unshipped as of now: judging as of now is right). Before,
// each was warned (every hour under -q); now only a file saved (or named) 3 days or more ago, or stdin,
// whose newest time is that old. The example saved 2026-11-20 12:00:00 Beijing (04:00 UTC), as below.
//
// By hand, the example's newest pay time is 5200000000000000801's 2026-11-18 15:00, its newest ship
// time the same order's 2026-11-19 10:00:00: the newest is 2026-11-19 10:00:00 (Beijing). The clock
// here (the machine's, 2026-12 or later) is at least 3 days after it, so the days are
// floor((now − that) / 24 h), worked out below from the clock the test reads before the run (a run
// crossing midnight of that count is a second off at most; the count is taken both sides).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const EX = path.join(EXAMPLES, 'ExportOrderList202611.csv');
// 2026-11-19 10:00:00 Beijing (UTC+8) = 02:00 UTC.
const NEWEST = Date.UTC(2026, 10, 19, 2, 0, 0);
const DAY = 24 * 3600 * 1000;
// 2026-11-20 12:00:00 Beijing: when the example was saved in the first case.
const SAVED = Date.UTC(2026, 10, 20, 4, 0, 0);

/** The example copied into `dir`, its modification time `at`. */
function saved(dir: string, at: number, name = 'orders.csv'): string {
  const f = path.join(dir, name);
  fs.copyFileSync(EX, f);
  fs.utimesSync(f, new Date(at), new Date(at));
  return f;
}

const stale = (stderr: string) => stderr.split('\n').filter((l) => l.includes('--as-of') && (l.includes('newest pay or ship time') || l.includes('最新的付款或发货时间')));

/** Both day counts a run starting now may see (the clock moves on during the run). */
function days(): number[] {
  const a = Math.floor((Date.now() - NEWEST) / DAY);
  return [a, a + 1];
}

/** The Beijing wall time of `ms` as storeops writes it. */
function beijing(ms: number): string {
  return new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

describe.each(['UTC', 'America/Los_Angeles'])('an old download without --as-of is said to be judged as of now (TZ=%s)', (tz) => {
  it('en: names the newest time, the days, when the file was saved, and --as-of that time; exit 0', () => {
    const dir = tmpDir();
    const d = days();
    const r = runCli(['compensate', saved(dir, SAVED), '-q', '-o', path.join(dir, 'a.csv')], { tz });
    expect(r.code).toBe(0);
    const lines = stale(r.stderr);
    expect(lines).toHaveLength(1);
    const m = /^storeops: warning: the inputs' newest pay or ship time is 2026-11-19 10:00:00, (\d+) days before now \((\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) Beijing time; [-0-9: ]{19} by this computer's clock, [A-Za-z_/]+\); the file was saved at 2026-11-20 12:00:00, and no --as-of was given: they are judged as of now, so every order unshipped in the download counts as unshipped until now \(it may have shipped since\) and looks days later than it was\. For an old download, run it as of when it was downloaded: --as-of "2026-11-20 12:00:00"; to judge as of now, download the export again$/.exec(lines[0]!);
    expect(m).not.toBeNull();
    expect(d).toContain(Number(m![1]));
    // "now" is the Beijing wall clock of the run, named so, with the machine's own clock (UTC or Los
    // Angeles here, never Beijing's wall time) beside it (user26; before, the Beijing time alone).
    expect(m![2]! >= beijing(Date.now() - 60_000).slice(0, 10)).toBe(true);
  });

  it('stdin (no file time): the newest time is all there is; --as-of that time or the real download time', () => {
    const r = runCli(['compensate', '-', '-q'], { tz, input: fs.readFileSync(EX) });
    expect(r.code).toBe(0);
    const lines = stale(r.stderr);
    expect(lines).toHaveLength(1);
    const m = /^storeops: warning: the inputs' newest pay or ship time is 2026-11-19 10:00:00, (\d+) days before now \([-0-9: ]{19} Beijing time; [-0-9: ]{19} by this computer's clock, [A-Za-z_/]+\), and no --as-of was given: .* --as-of "2026-11-19 10:00:00" \(or the later time it was really downloaded\); to judge as of now, download the export again$/.exec(lines[0]!);
    expect(m).not.toBeNull();
    expect(days()).toContain(Number(m![1]));
  });

  it('a file saved within the 3 days (a quiet shop downloading hourly, last month downloaded today): no warning', () => {
    const dir = tmpDir();
    // Saved an hour ago, no time in its name: the newest order is weeks old, the download is not.
    const f = saved(dir, Date.now() - 3600 * 1000);
    const r = runCli(['compensate', f, '-q', '-o', path.join(dir, 'a.csv')], { tz });
    expect(r.code).toBe(0);
    expect(stale(r.stderr)).toEqual([]);
    // Saved 2 days 23 h ago: inside the 3 days, still fresh.
    const g = saved(dir, Date.now() - (3 * DAY - 3600 * 1000), 'older.csv');
    const r2 = runCli(['compensate', g, '-q', '-o', path.join(dir, 'b.csv')], { tz });
    expect(stale(r2.stderr)).toEqual([]);
  });

  it('zh, the export time from the file name: named, and --as-of is that time', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'ExportOrderList202611201200.csv');
    fs.copyFileSync(EX, f);
    const r = runCli(['compensate', f, '-q', '--lang', 'zh', '-o', path.join(dir, 'a.csv')], { tz });
    expect(r.code).toBe(0);
    const lines = stale(r.stderr);
    expect(lines).toHaveLength(1);
    const m = /^storeops: 警告: 输入中最新的付款或发货时间是 2026-11-19 10:00:00, 比现在 \(北京时间 [-0-9: ]{19}; 本机时钟 [A-Za-z_/]+ [-0-9: ]{19}\) 早 (\d+) 天; 文件名中的导出时间是 2026-11-20 12:00:00, 但没有给 --as-of: 按现在判断, 下载里未发货的订单都算作至今未发货 \(之后可能已经发货\), 延迟会多算好几天。这是旧的下载的话, 用下载时的时间运行: --as-of "2026-11-20 12:00:00"; 确实要按现在判断, 请下载最新的报表$/.exec(lines[0]!);
    expect(m).not.toBeNull();
    expect(days()).toContain(Number(m![1]));
  });

  it('with --as-of: no warning; a file name giving an export time within 3 days: no warning', () => {
    const dir = tmpDir();
    const r = runCli(['compensate', EX, '--as-of', '2026-11-20 12:00:00', '-q', '-o', path.join(dir, 'a.csv')], { tz });
    expect(r.code).toBe(0);
    expect(stale(r.stderr)).toEqual([]);
    // Downloaded an hour ago (its name says so): the shop's newest order is old, the export is not.
    const hourAgo = beijing(Date.now() - 3600 * 1000).replace(/[-: ]/g, '');
    const f = path.join(dir, `ExportOrderList${hourAgo}.csv`);
    fs.copyFileSync(EX, f);
    const fresh = runCli(['compensate', f, '-q', '-o', path.join(dir, 'b.csv')], { tz });
    expect(fresh.code).toBe(0);
    expect(stale(fresh.stderr)).toEqual([]);
  });
});
