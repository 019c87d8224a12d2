import { describe, expect, it } from 'vitest';
import { timeSlackOf } from '../../src/orders/parse.js';

// docs/rules.md §1.7: a time shown without seconds may be up to 59 s later than shown; a date alone
// up to a day less a second. A time written with Chinese units is as exact as its smallest unit.
describe('timeSlackOf', () => {
  it('counts seconds written as 秒 as exact, and 分 without 秒 as a minute', () => {
    // 21时40分05秒: seconds shown → 0 (was a whole day: no colons).
    expect(timeSlackOf('2026年11月19日 21时40分05秒')).toBe(0);
    // 21时40分: minutes shown, seconds lost → 59 s = 59 000 ms (was 86 399 000).
    expect(timeSlackOf('2026年11月19日 21时40分')).toBe(59_000);
  });
  it('keeps the colon forms and a date alone as before', () => {
    expect(timeSlackOf('2026-11-19 21:40:05')).toBe(0);
    expect(timeSlackOf('2026/11/19 21:40')).toBe(59_000);
    // A date alone: 24 h − 1 s = 86 399 000 ms.
    expect(timeSlackOf('2026年11月19日')).toBe(86_399_000);
  });
});
