// Which names of a roster's side files (--previous, --requests) are taken for one person typed two ways.
import { describe, expect, it } from 'vitest';
import { likelyPairs, nearName } from '../../src/roster/names.js';

describe('roster names: a likely pair only when one name fits', () => {
  it('小王 beside 王 and 小陈 (both one character off) is no guess', () => {
    // 小王 → 王: one character dropped; 小王 → 小陈: one character changed. Two fit equally, so
    // neither is named (before: 王 was left out for being one character long, and the warning read
    // "Perhaps one person spelt two ways: 小王 / 小陈", a pair of two different people).
    expect(nearName('小王', ['王', '小陈'])).toBeUndefined();
    expect(likelyPairs(['小王', '小李'], ['王', '小李', '小陈'])).toEqual([]);
  });
  it('still pairs a name one character off when it alone fits, and never guesses a one-character name', () => {
    expect(nearName('小黄', ['小璜', '小李明'])).toBe('小璜'); // 黄 → 璜; 小李明 is two off
    expect(likelyPairs(['小王'], ['小陈'])).toEqual([['小王', '小陈']]);
    expect(nearName('小王', ['王'])).toBeUndefined();
  });
});
