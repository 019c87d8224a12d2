// A wall-clock time read in a --tz zone with daylight saving can fall in the hour the clocks skip
// (2026-03-08 02:00–03:00 in America/Los_Angeles: 02:00 PST became 03:00 PDT) or the hour they
// repeat (2026-11-01 01:00–02:00: 01:59:59 PDT was followed by 01:00:00 PST). parseTime refuses
// both rather than move the time or pick one of the two instants; the refusal now says which, and
// how to write the time so it can be read (the same wall time with its offset, the zone's offset on
// each side of the change: −08:00 PST, −07:00 PDT).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TimeZone, clockChange, clockChangeReason, parseTime } from '../../src/time.js';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const LA = new TimeZone('America/Los_Angeles');

describe('clockChange: why a well-formed time was refused', () => {
  it('names the skipped and the repeated hour, and nothing else', () => {
    expect(clockChange('2026-03-08 02:30:00', LA)).toBe('skipped');
    expect(clockChange('2026年3月8日 02:30', LA)).toBe('skipped');
    expect(clockChange('2026-11-01 01:30:00', LA)).toBe('repeated');
    // Either side of each change exists once.
    expect(clockChange('2026-03-08 01:59:59', LA)).toBeUndefined();
    expect(clockChange('2026-03-08 03:00:00', LA)).toBeUndefined();
    expect(clockChange('2026-11-01 02:00:00', LA)).toBeUndefined();
    // Not a clock change: a bad date, an explicit offset, a zone without daylight saving.
    expect(clockChange('2026-02-30 01:00:00', LA)).toBeUndefined();
    expect(clockChange('2026-03-08 02:30:00 -08:00', LA)).toBeUndefined();
    expect(clockChange('2026-03-08 02:30:00', new TimeZone('Asia/Shanghai'))).toBeUndefined();
  });

  it('suggests the time with an offset parseTime then reads', () => {
    const skipped = clockChangeReason('2026-03-08 02:30:00', LA)!;
    expect(skipped.en).toBe(
      '"2026-03-08 02:30:00" does not exist in America/Los_Angeles (the clocks skipped it going forward); check the time, or write its offset, e.g. "2026-03-08 02:30:00 -07:00"',
    );
    expect(skipped.zh).toContain('在时区 America/Los_Angeles 中不存在');
    const repeated = clockChangeReason('2026-11-01 01:30:00', LA)!;
    expect(repeated.en).toContain('happens twice in America/Los_Angeles');
    expect(repeated.en).toContain('"2026-11-01 01:30:00 -07:00" or "2026-11-01 01:30:00 -08:00"');
    expect(repeated.zh).toContain('出现两次');
    // Each suggestion is read, as the instant its offset names: 01:30 PDT = 08:30 UTC, 01:30 PST = 09:30 UTC.
    expect(parseTime('2026-11-01 01:30:00 -07:00', LA)).toBe(Date.UTC(2026, 10, 1, 8, 30));
    expect(parseTime('2026-11-01 01:30:00 -08:00', LA)).toBe(Date.UTC(2026, 10, 1, 9, 30));
  });
});

describe('the refusal on the command line', () => {
  // The example export with its first order paid at 02:30 on the morning the clocks went forward.
  const dir = tmpDir();
  const file = path.join(dir, 'orders.csv');
  const text = new TextDecoder('gbk').decode(fs.readFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv')));
  fs.writeFileSync(file, text.replace('2026-11-10 08:58:12', '2026-03-08 01:58:12').replace('2026-11-10 09:00:00', '2026-03-08 02:30:00'));

  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`compensate --tz America/Los_Angeles names the skipped time on its row (process TZ=${tz})`, () => {
      const r = runCli(['compensate', file, '--tz', 'America/Los_Angeles', '--as-of', '2026-11-30 10:00:00', '-o', path.join(dir, `v-${tz.length}.csv`)], { tz });
      expect(r.stderr).toContain(
        'orders.csv:2 [订单付款时间]: "2026-03-08 02:30:00" does not exist in America/Los_Angeles (the clocks skipped it going forward); check the time, or write its offset, e.g. "2026-03-08 02:30:00 -07:00"',
      );
    });
  }

  it('--as-of in the repeated hour says so in its hint, in Chinese too', () => {
    const r = runCli(['compensate', file, '--tz', 'America/Los_Angeles', '--as-of', '2026-11-01 01:30:00', '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"2026-11-01 01:30:00" 在时区 America/Los_Angeles 中出现两次');
    expect(r.stderr).toContain('"2026-11-01 01:30:00 -07:00" 或 "2026-11-01 01:30:00 -08:00"');
  });
});
