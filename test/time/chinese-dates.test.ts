// The shared time parser (src/time.ts) reads the Chinese date forms some exports use (抖店 商品评论:
// `2026年11月19日 21:40:00`), always as Beijing wall-clock time whatever the machine's zone.
import { describe, expect, it, vi } from 'vitest';
import { TimeZone, parseTime, parseWhen } from '../../src/time.js';
import { runCli } from '../helpers.js';

const BJ = new TimeZone('Asia/Shanghai');

describe('parseTime: Chinese date forms', () => {
  it('reads 年月日 with a clock time as Beijing time', () => {
    // 2026-11-19 21:40:00 in UTC+8 is 13:40:00 UTC.
    expect(parseTime('2026年11月19日 21:40:00', BJ)).toBe(Date.UTC(2026, 10, 19, 13, 40, 0));
    expect(parseTime('2026年11月19日21:40', BJ)).toBe(Date.UTC(2026, 10, 19, 13, 40, 0));
    // 时/分/秒 written out; single-digit month and day.
    expect(parseTime('2026年1月2日 08时05分09秒', BJ)).toBe(Date.UTC(2026, 0, 2, 0, 5, 9));
    expect(parseTime('2026年1月2日 8时05分', BJ)).toBe(Date.UTC(2026, 0, 2, 0, 5, 0));
    // A date alone is midnight Beijing time: 2026-04-10 00:00 +08:00 = 2026-04-09 16:00 UTC.
    expect(parseTime('2026年04月10日', BJ)).toBe(Date.UTC(2026, 3, 9, 16, 0, 0));
  });

  it('rejects impossible dates and stray text, as for the other forms', () => {
    expect(parseTime('2026年2月30日 10:00:00', BJ)).toBeUndefined();
    expect(parseTime('2026年13月1日', BJ)).toBeUndefined();
    expect(parseTime('2026年11月19日 24:00:00', BJ)).toBeUndefined();
    expect(parseTime('2026年11月19日 晚上', BJ)).toBeUndefined();
    expect(parseTime('11月19日 21:40', BJ)).toBeUndefined(); // no year: never guessed
  });

  it('the other zone names the same wall clock differently', () => {
    // 2026-07-01 09:00 in Los Angeles (PDT, UTC-7) = 16:00 UTC.
    expect(parseTime('2026年7月1日 09:00:00', new TimeZone('America/Los_Angeles'))).toBe(Date.UTC(2026, 6, 1, 16, 0, 0));
  });
});

describe('a wall-clock time the --tz zone skips or repeats', () => {
  const la = new TimeZone('America/Los_Angeles');
  it('skipped (clocks forward 2026-03-08 02:00 → 03:00) or repeated (back 2026-11-01 02:00 → 01:00): not a time, never moved an hour', () => {
    expect(parseTime('2026-03-08 02:00:00', la)).toBeUndefined();
    expect(parseTime('2026-03-08 02:30:00', la)).toBeUndefined();
    expect(parseTime('2026-11-01 01:30:00', la)).toBeUndefined();
    expect(parseTime('2026/3/8 2:30', la)).toBeUndefined();
  });
  it('either side of the change: PST is UTC−8, PDT UTC−7', () => {
    expect(parseTime('2026-03-08 01:59:59', la)).toBe(Date.UTC(2026, 2, 8, 9, 59, 59));
    expect(parseTime('2026-03-08 03:00:00', la)).toBe(Date.UTC(2026, 2, 8, 10, 0, 0));
    expect(parseTime('2026-11-01 00:59:59', la)).toBe(Date.UTC(2026, 10, 1, 7, 59, 59));
    expect(parseTime('2026-11-01 02:00:00', la)).toBe(Date.UTC(2026, 10, 1, 10, 0, 0));
  });
  it('Beijing time has no such gap', () => {
    expect(parseTime('2026-03-08 02:30:00', new TimeZone('Asia/Shanghai'))).toBe(Date.UTC(2026, 2, 7, 18, 30, 0));
  });
});

describe('parseTime: the day kept from the last time read (issue 21)', () => {
  it('gives each zone its own instant for the same day, and checks a new day whatever came before', () => {
    const bj = new TimeZone('Asia/Shanghai');
    const utc = new TimeZone('UTC');
    // 2026-10-01 00:00:02 in Beijing (UTC+8) is 2026-09-30 16:00:02 UTC; read in UTC it is 8 h later.
    expect(parseTime('2026-10-01 00:00:02', bj)).toBe(Date.UTC(2026, 8, 30, 16, 0, 2));
    expect(parseTime('2026-10-01 00:00:02', utc)).toBe(Date.UTC(2026, 9, 1, 0, 0, 2));
    expect(parseTime('2026-10-01 23:59:59', bj)).toBe(Date.UTC(2026, 9, 1, 15, 59, 59));
    // A day that does not exist, right after the day before it was read: still refused.
    expect(parseTime('2026-02-28 10:00:00', bj)).toBe(Date.UTC(2026, 1, 28, 2, 0, 0));
    expect(parseTime('2026-02-29 10:00:00', bj)).toBeUndefined();
    expect(parseTime('2028-02-29 10:00:00', bj)).toBe(Date.UTC(2028, 1, 29, 2, 0, 0));
    // The same day with a bad time of day is refused; the day itself still reads afterwards.
    expect(parseTime('2028-02-29 24:00:00', bj)).toBeUndefined();
    expect(parseTime('2028-02-29 10:60:00', bj)).toBeUndefined();
    expect(parseTime('2028-02-29 00:00:00', bj)).toBe(Date.UTC(2028, 1, 28, 16, 0, 0));
    // Not digits in the date (-1 each) after a kept day: refused, not taken for that day.
    expect(parseTime('2028-02-x9 00:00:00', bj)).toBeUndefined();
    expect(parseTime('2028-0x-29 00:00:00', bj)).toBeUndefined();
  });
});

describe('parseTime: no day kept yet', () => {
  it("refuses a date of no digits whose key would be -1 ('abcd-99-99': year -1, month 99, day 99)", async () => {
    // A fresh module: no time read before. The key is -1 × 10000 + 99 × 100 + 99 = -1, which was the
    // "no day kept" mark: the text read as the kept day's (0, 1970-01-01) 10:00 Beijing = 02:00 UTC (7200000).
    vi.resetModules();
    const fresh = await import('../../src/time.js');
    expect(fresh.parseTime('abcd-99-99 10:00:00', new fresh.TimeZone('Asia/Shanghai'))).toBeUndefined();
    expect(fresh.parseTime('abcd-99-99 10:00:00', new fresh.TimeZone('UTC'))).toBeUndefined();
  });
});

// --as-of "2026年11月20日12点" was refused (the hour with 点 is how a Chinese operator writes it).
// parseWhen reads the forms an option is typed in, as Beijing wall-clock time (tz): expected instants
// worked by hand: Beijing is UTC+8, so 2026-11-20 12:00 Beijing = 2026-11-20 04:00 UTC.
describe('parseWhen: the Chinese forms an option is typed in', () => {
  it('reads 年月日 with the hour in 点/时, minutes, seconds, 半 and 上午/下午', () => {
    const at = (h: number, mi = 0, s = 0) => Date.UTC(2026, 10, 20, h - 8, mi, s);
    expect(parseWhen('2026年11月20日12点', BJ)).toBe(at(12));
    expect(parseWhen('2026年11月20日 12点', BJ)).toBe(at(12));
    expect(parseWhen('2026年11月20日12时', BJ)).toBe(at(12));
    expect(parseWhen('2026年11月20日12点整', BJ)).toBe(at(12));
    expect(parseWhen('2026年11月20日 12点30分', BJ)).toBe(at(12, 30));
    expect(parseWhen('2026年11月20日12点5分', BJ)).toBe(at(12, 5));
    expect(parseWhen('2026年11月20日12点05', BJ)).toBe(at(12, 5));
    expect(parseWhen('2026年11月20日 12点30分15秒', BJ)).toBe(at(12, 30, 15));
    expect(parseWhen('2026年11月20日12点半', BJ)).toBe(at(12, 30));
    expect(parseWhen('2026年11月20号 9点', BJ)).toBe(at(9));
    // 下午3点 = 15:00; 上午9点 = 09:00.
    expect(parseWhen('2026年11月20日下午3点', BJ)).toBe(at(15));
    expect(parseWhen('2026年11月20日 下午3点半', BJ)).toBe(at(15, 30));
    expect(parseWhen('2026年11月20日上午9点', BJ)).toBe(at(9));
    // The forms parseTime reads are read as it reads them.
    expect(parseWhen('2026年11月20日 12:00', BJ)).toBe(at(12));
    expect(parseWhen('2026-11-20 12:00:00', BJ)).toBe(at(12));
    // 00:00 Beijing = 16:00 UTC the day before.
    expect(parseWhen('2026年11月20日0点', BJ)).toBe(Date.UTC(2026, 10, 19, 16, 0, 0));
  });

  it('refuses what is no time or is ambiguous, and says no-year for a month and day without the year', () => {
    for (const t of ['2026年11月20日24点', '2026年2月30日12点', '2026年11月20日12点60分', '2026年11月20日12点5', '2026年11月20日上午13点', '2026年11月20日下午0点', '2026年11月20日下午13点', '2026年11月20日晚上8点', '2026年11月20日12', '']) {
      expect(parseWhen(t, BJ), t).toBeUndefined();
    }
    for (const t of ['11月20日', '11月20日12点', '11月20日 12:00', '11月20号下午3点', '11-20', '11/20 12:00', '12月1日']) expect(parseWhen(t, BJ), t).toBe('no-year');
  });

  it('is Beijing wall-clock time whatever the machine zone (the zone given, not TZ)', () => {
    // 2026-07-01 09:00 in Los Angeles (PDT, UTC-7) = 16:00 UTC.
    expect(parseWhen('2026年7月1日9点', new TimeZone('America/Los_Angeles'))).toBe(Date.UTC(2026, 6, 1, 16, 0, 0));
    expect(parseWhen('2026年7月1日9点', BJ)).toBe(Date.UTC(2026, 6, 1, 1, 0, 0));
  });
});

// docs/cli.md --as-of: 上午12点 / 下午12点 are refused (midnight or noon?). Their half hour and minutes are
// the same question (下午12点半: 12:30 or 00:30?); until 2026-12 all of them were refused as "not a valid
// time", the reason unsaid. Now the refusal says it is ambiguous and gives the two 24-hour forms (desk44).
describe('上午12点 / 下午12点 and their half hour: noon or midnight, never guessed', () => {
  it('parseWhen tells them apart from no time at all', () => {
    for (const t of ['2026年11月20日下午12点', '2026年11月20日上午12点', '2026年11月20日下午12点半', '2026年11月20日 上午12点半', '2026年11月20日下午12点30分', '2026年11月20日上午12点05', '2026年11月20日下午12点整']) {
      expect(parseWhen(t, BJ), t).toBe('noon-or-midnight');
    }
    // The forms the message offers are times: 12:30 Beijing = 04:30 UTC; 00:30 Beijing = 11-19 16:30 UTC.
    expect(parseWhen('2026年11月20日12点半', BJ)).toBe(Date.UTC(2026, 10, 20, 4, 30, 0));
    expect(parseWhen('2026年11月20日0点半', BJ)).toBe(Date.UTC(2026, 10, 19, 16, 30, 0));
    // 下午 1–11 still read: 下午1点半 = 13:30 Beijing = 05:30 UTC.
    expect(parseWhen('2026年11月20日下午1点半', BJ)).toBe(Date.UTC(2026, 10, 20, 5, 30, 0));
  });

  it('--as-of 下午12点半 is refused (exit 2) saying why, with the noon and midnight forms, zh and en', () => {
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const en = runCli(['compensate', 'x.csv', '--as-of', '2026年11月20日下午12点半', '--lang', 'en'], { tz });
      expect(en.code).toBe(2);
      expect(en.stderr).toBe(
        'storeops: error: --as-of is ambiguous: "2026年11月20日下午12点半": 下午12点 (and its half hour or minutes, 12点半) may mean noon or midnight; storeops never guesses which\n' +
          '  hint: for noon write "2026年11月20日12点半", for midnight "2026年11月20日0点半" (without 上午/下午, on the 24-hour clock).\n',
      );
      const zh = runCli(['compensate', 'x.csv', '--as-of', '2026年11月20日 上午12点', '--lang', 'zh'], { tz });
      expect(zh.code).toBe(2);
      expect(zh.stderr).toBe(
        'storeops: 错误: --as-of 有歧义: "2026年11月20日 上午12点": 上午12点 (包括 12点半、12点几分) 可能指中午 12 点, 也可能指半夜 0 点; storeops 不猜\n' +
          '  提示: 中午写 "2026年11月20日 12点", 半夜写 "2026年11月20日 0点" (不带 上午/下午, 按 24 小时制)。\n',
      );
    }
  });
});
