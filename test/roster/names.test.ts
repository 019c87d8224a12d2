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
  it('小梅 among 小美, 小王 and 小李: 小美, the name of the same sound (desk 2026-12)', () => {
    // Each of 小美, 小王, 小李 is one character off 小梅 (梅 → 美, 王, 李), so none was suggested. 梅 (méi)
    // and 美 (měi) are one syllable, typed with a pinyin input method; 王 (wáng) and 李 (lǐ) are not.
    expect(nearName('小梅', ['小美', '小王', '小李'])).toBe('小美');
    expect(nearName('小璜', ['小黄', '小王', '小陈'])).toBe('小黄'); // huáng / huáng
    // Two of one sound (莉, 李: lì, lǐ) is no guess; nor a name one longer or shorter among them (王).
    expect(nearName('小丽', ['小莉', '小李', '小王'])).toBeUndefined();
    expect(nearName('小王', ['王', '小汪'])).toBeUndefined();
    // 小汪 among 小王 and 小陈 (王 is two off): 汪 and 王 are both wáng.
    expect(nearName('小汪', ['王', '小王', '小陈'])).toBe('小王');
    // Sounds apart (陈 chén, 王 wáng, 李 lǐ from 张 zhāng): still no guess.
    expect(nearName('小张', ['小陈', '小李'])).toBeUndefined();
  });
});

