// Hours columns to the tenth: lateness rounds up (an order one second late is not shown as 0.0 h
// late, and 72 h plus a second is shown in the "more than 72 h" tier it is priced in), time left
// rounds down (never more than there is), other hours to the nearest tenth.
import { describe, expect, it } from 'vitest';
import { type Column, cellJson, cellText, tenths } from '../../src/io/columns.js';
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

// The text is written from the whole count of tenths (columns.ts tenthsText), not by toFixed: the
// same text as `tenths(h, round).toFixed(1)` (the csv writer's costliest cell was that toFixed).
describe('hours text from the count of tenths', () => {
  it('negatives, zero and -0, large and odd values as toFixed wrote them', () => {
    // -1 s left rounds down to -0.1 (floor of -0.0028 tenths); -0.04 h to the nearest is -0 → 0.0.
    expect(cellText(LEFT, hours(-1000), c)).toBe('-0.1');
    expect(cellText(PLAIN, -0.04, c)).toBe('0.0');
    expect(cellText(PLAIN, -0, c)).toBe('0.0');
    expect(cellText(PLAIN, -12.35, c)).toBe('-12.3'); // -123.5 tenths rounds to -123 (Math.round: toward +∞)
    expect(cellText(PLAIN, 1416, c)).toBe('1416.0');
    expect(cellText(LATE, 99_999_999_999.91, c)).toBe('100000000000.0'); // 10^12 tenths: the last count written from the integer
    expect(cellText(PLAIN, 1e12, c)).toBe('1000000000000.0'); // past it: toFixed itself
    expect(cellText(PLAIN, Number.NaN, c)).toBe('NaN');
    expect(cellText(PLAIN, Number.POSITIVE_INFINITY, c)).toBe('Infinity');
  });
  it('equals tenths(...).toFixed(1) over a spread of values', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const col of [LATE, LEFT, PLAIN]) {
      for (let i = -3000; i <= 3000; i++) expect(cellText(col, i / 36, c)).toBe(tenths(i / 36, col.round).toFixed(1));
      for (let k = 0; k < 3000; k++) {
        const h = (rnd() * 2 - 1) * 10 ** Math.floor(rnd() * 12);
        expect(cellText(col, h, c)).toBe(tenths(h, col.round).toFixed(1));
      }
    }
  });
});
