// Hours columns to the tenth: lateness rounds up (an order one second late is not shown as 0.0 h
// late, and 72 h plus a second is shown in the "more than 72 h" tier it is priced in), time left
// rounds down (never more than there is), other hours to the nearest tenth.
import { describe, expect, it } from 'vitest';
import { type Column, cellJson, cellText } from '../../src/io/columns.js';
import { TimeZone } from '../../src/time.js';

const c = { lang: 'en' as const, tz: new TimeZone('Asia/Shanghai') };
const LATE: Column = { key: 'hoursLate', zh: '延迟(小时)', en: 'hoursLate', type: 'hours', round: 'up' };
const LEFT: Column = { key: 'hoursLeft', zh: '剩余(小时)', en: 'hoursLeft', type: 'hours', round: 'down' };
const PLAIN: Column = { key: 'hours', zh: '工时', en: 'hours', type: 'hours' };
const H = 3_600_000;
const hours = (ms: number) => ms / H;

describe('hours to the tenth', () => {
  it('lateness rounds up, from whole milliseconds', () => {
    expect(cellText(LATE, hours(1000), c)).toBe('0.1'); // 1 s late
    expect(cellJson(LATE, hours(1000), c)).toBe(0.1);
    expect(cellText(LATE, hours(72 * H), c)).toBe('72.0'); // exactly 72 h: not pushed to 72.1 by the division's rounding
    expect(cellText(LATE, hours(72 * H + 1), c)).toBe('72.1'); // 1 ms more
    expect(cellText(LATE, hours(29.5 * H), c)).toBe('29.5');
    expect(cellText(LATE, hours(0.3 * H), c)).toBe('0.3'); // 18 min exactly (0.3 is not exact in binary)
    expect(cellText(LATE, 0, c)).toBe('0.0');
  });
  it('time left rounds down; other hours to the nearest tenth', () => {
    expect(cellText(LEFT, hours(2 * H + 58 * 60_000), c)).toBe('2.9'); // 2 h 58 min left
    expect(cellText(LEFT, hours(0.7 * H), c)).toBe('0.7'); // 42 min exactly
    expect(cellJson(LEFT, hours(59_000), c)).toBe(0); // 59 s left
    expect(cellText(PLAIN, 8.5, c)).toBe('8.5');
    expect(cellText(PLAIN, 6.25, c)).toBe('6.3');
  });
});
