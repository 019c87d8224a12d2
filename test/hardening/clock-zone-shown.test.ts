// "Now" as storeops shows it is Beijing time; the operator compares it with their own clock (user26:
// 周姐, a Tmall shop run from Los Angeles, TZ=America/Los_Angeles). Before, the messages that show the
// clock's time gave the Beijing wall time with no zone and called it "this computer's clock": at
// 09:00 on 2026-12-07 in Los Angeles a warning said "before now (2026-12-08 01:00:00)" and a refused
// row "after now, 2025-11-25 10:00:00 by this computer's clock" while that clock read 2025-11-24
// 18:00 — a date and hour the operator's clock never showed, as if it were 16 h off. Now the time is
// named Beijing time, and the machine's own clock is shown beside it (with its zone) when its wall
// time differs; a machine on Beijing time (TZ=Asia/Shanghai) shows one time. Worked by hand:
// - 2025-11-25T02:00:00Z = 2025-11-25 10:00:00 Beijing (UTC+8) = 2025-11-24 18:00:00 Los Angeles
//   (PST, UTC−8; US daylight saving ended 2025-11-02) = 2025-11-25 02:00:00 UTC.
// - 2026-12-07T17:00:00Z = 2026-12-08 01:00:00 Beijing = 2026-12-07 09:00:00 Los Angeles (PST):
//   her 09:00 cron job. The README export's newest time is 2026-11-19 10:00:00 Beijing: 18 days
//   15 hours before, "18 days".
// - 2026-11-20T17:00:00Z = 2026-11-21 01:00:00 Beijing = 2026-11-20 09:00:00 Los Angeles; the
//   example review 6000000000000000902 is dated 2026-11-21 08:30:00 (Beijing), 7.5 h after that:
//   written after now, within the day a time may lie ahead of the clock. The reviews queue said it
//   was "written after --as-of" and to "leave --as-of out" when no --as-of was given.
// The clock is set for the child only, by a preload (as test/hardening/clock-wrong.test.ts); it runs
// on from the given time, so the seconds of "now" may have moved by the time it is shown.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, clockAt, runCli, tmpDir } from '../helpers.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const REVIEWS = path.join(EXAMPLES, 'reviews.csv');

describe('the clock\'s time in a refused row: Beijing time, and the machine\'s own clock beside it', () => {
  const env = clockAt('2025-11-25T02:00:00Z');
  it('TZ=America/Los_Angeles (en, zh)', () => {
    const r = runCli(['compensate', ORDERS, '-q', '--lang', 'en'], { env, tz: 'America/Los_Angeles' });
    expect(r.code).toBe(3);
    // Before: "… more than a day after now, 2025-11-25 10:00:00 by this computer's clock, or --as-of if later; …"
    expect(r.stderr).toMatch(
      /\[订单创建时间\]: time "2026-11-10 08:58:12" is implausible \(in the future: more than a day after now, 2025-11-25 10:00:0\d Beijing time \(2025-11-24 18:00:0\d by this computer's clock, America\/Los_Angeles\), or --as-of if later; if the clock is wrong, set it, or give --as-of\)\n/,
    );
    const zh = runCli(['compensate', ORDERS, '-q', '--lang', 'zh'], { env, tz: 'America/Los_Angeles' });
    expect(zh.code).toBe(3);
    // Before: "比现在 2025-11-25 10:00:00 (按本机时钟, 或更晚的 --as-of) 晚一天以上"
    expect(zh.stderr).toMatch(/时间 "2026-11-10 08:58:12" 不合理 \(在未来: 比现在 北京时间 2025-11-25 10:00:0\d \(本机时钟 America\/Los_Angeles 2025-11-24 18:00:0\d, 或更晚的 --as-of\) 晚一天以上; 若本机时钟不对, 请校准时钟, 或给出 --as-of\)\n/);
  });

  it('TZ=Asia/Shanghai: one time, named Beijing time', () => {
    const r = runCli(['compensate', ORDERS, '-q', '--lang', 'en'], { env, tz: 'Asia/Shanghai' });
    expect(r.stderr).toMatch(/more than a day after now, 2025-11-25 10:00:0\d Beijing time by this computer's clock, or --as-of if later;/);
    const zh = runCli(['compensate', ORDERS, '-q', '--lang', 'zh'], { env, tz: 'Asia/Shanghai' });
    expect(zh.stderr).toMatch(/比现在 北京时间 2025-11-25 10:00:0\d \(按本机时钟, 或更晚的 --as-of\) 晚一天以上/);
  });
});

describe('an old download: "now" named Beijing time, with the machine\'s clock', () => {
  it('her 09:00 job in Los Angeles (en, zh)', () => {
    const env = clockAt('2026-12-07T17:00:00Z');
    const dir = tmpDir();
    const f = path.join(dir, 'orders.csv');
    fs.copyFileSync(ORDERS, f);
    // Saved 2026-11-20 12:00:00 Beijing (04:00 UTC): an old download.
    fs.utimesSync(f, new Date(Date.UTC(2026, 10, 20, 4)), new Date(Date.UTC(2026, 10, 20, 4)));
    const r = runCli(['compensate', f, '-q', '--lang', 'en', '-o', path.join(dir, 'a.csv')], { env, tz: 'America/Los_Angeles' });
    expect(r.code).toBe(0);
    // Before: "… is 2026-11-19 10:00:00, 18 days before now (2026-12-08 01:00:00); …"
    expect(r.stderr).toMatch(
      /the inputs' newest pay or ship time is 2026-11-19 10:00:00, 18 days before now \(2026-12-08 01:00:0\d Beijing time; 2026-12-07 09:00:0\d by this computer's clock, America\/Los_Angeles\); the file was saved at 2026-11-20 12:00:00, and no --as-of was given/,
    );
    const zh = runCli(['compensate', f, '-q', '--lang', 'zh', '-o', path.join(dir, 'b.csv')], { env, tz: 'America/Los_Angeles' });
    expect(zh.stderr).toMatch(/输入中最新的付款或发货时间是 2026-11-19 10:00:00, 比现在 \(北京时间 2026-12-08 01:00:0\d; 本机时钟 America\/Los_Angeles 2026-12-07 09:00:0\d\) 早 18 天/);
  });
});

describe.each(['UTC', 'America/Los_Angeles'])('reviews queue without --as-of, a review dated after the clock (TZ=%s)', (tz) => {
  it('says "after now", the clock, and not to leave out an --as-of never given', () => {
    const env = clockAt('2026-11-20T17:00:00Z');
    const local = tz === 'UTC' ? '2026-11-20 17:00:0\\d by this computer\'s clock, UTC' : '2026-11-20 09:00:0\\d by this computer\'s clock, America/Los_Angeles';
    const r = runCli(['reviews', 'queue', REVIEWS, '--lang', 'en'], { env, tz });
    // Before: "1 review to follow up was written after --as-of (2026-11-21 01:00:00): … leave --as-of out or set it later".
    expect(r.stderr).not.toContain('written after --as-of');
    expect(r.stderr).toMatch(
      new RegExp(
        `storeops: warning: 1 review to follow up was written after now \\(2026-11-21 01:00:0\\d Beijing time; ${local}\\): the queue is as of a time before it, and its actions and deadlines count from the review time; if this computer's clock is behind, set it \\(date, timedatectl or NTP\\)\\n`,
      ),
    );
    const zh = runCli(['reviews', 'queue', REVIEWS, '--lang', 'zh'], { env, tz });
    const localZh = tz === 'UTC' ? '本机时钟 UTC 2026-11-20 17:00:0\\d' : '本机时钟 America/Los_Angeles 2026-11-20 09:00:0\\d';
    expect(zh.stderr).toMatch(
      new RegExp(`storeops: 警告: 1 条需跟进的评价的评价时间晚于现在 \\(北京时间 2026-11-21 01:00:0\\d; ${localZh}\\): 队列按评价之前的时刻计算, 它们的动作和期限以评价时间为准; 若本机时钟慢了, 请校准 \\(date、timedatectl 或 NTP\\)\\n`),
    );
  });
});

describe('reviews log at her 09:00 in Los Angeles: refused in quiet hours, the clock named', () => {
  // 2026-11-20T17:00:00Z = 2026-11-21 01:00:00 Beijing, inside the default quiet hours 22:00–08:00
  // (Beijing, docs/rules.md §2.2) = 2026-11-20 09:00:00 Los Angeles, a working hour there. Before:
  // "2026-11-21 01:00:00 is within quiet hours (22:00-08:00 Beijing time)", the time unnamed.
  it.each(['UTC', 'America/Los_Angeles'])('TZ=%s (en, zh)', (tz) => {
    const env = clockAt('2026-11-20T17:00:00Z');
    const local = tz === 'UTC' ? ['2026-11-20 17:00:0\\d by this computer\'s clock, UTC', '本机时钟 UTC 2026-11-20 17:00:0\\d'] : ['2026-11-20 09:00:0\\d by this computer\'s clock, America/Los_Angeles', '本机时钟 America/Los_Angeles 2026-11-20 09:00:0\\d'];
    const home = tmpDir();
    const state = path.join(home, 'state.db');
    const r = runCli(['reviews', 'log', '3515313147329357901', '--status', 'contacted', '--state', state, '--lang', 'en'], { env, tz });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`order 3515313147329357901: contact not recorded: 2026-11-21 01:00:0\\d Beijing time \\(${local[0]}\\) is within quiet hours \\(22:00-08:00 Beijing time\\)\\n`));
    const zh = runCli(['reviews', 'log', '3515313147329357901', '--status', 'contacted', '--state', state, '--lang', 'zh'], { env, tz });
    expect(zh.stderr).toMatch(new RegExp(`订单 3515313147329357901: 不记录这次联系: 北京时间 2026-11-21 01:00:0\\d \\(${local[1]}\\) 在安静时段内 \\(北京时间 22:00-08:00\\)\\n`));
  });

  it('with --as-of (the operator\'s own time, not the clock): as before, one time', () => {
    const r = runCli(['reviews', 'log', '3515313147329357901', '--status', 'contacted', '--state', path.join(tmpDir(), 's.db'), '--as-of', '2026-11-21 01:00:00', '--lang', 'en'], { tz: 'America/Los_Angeles' });
    expect(r.stderr).toContain('contact not recorded: 2026-11-21 01:00:00 is within quiet hours (22:00-08:00 Beijing time)\n');
  });
});
