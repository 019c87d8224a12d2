// Ratings written as stars: digits, ★, and Chinese numerals as a shop's own sheet writes them.
import { describe, expect, it } from 'vitest';
import { parseRating, parseStars } from '../../src/reviews/read.js';

describe('parseStars', () => {
  it('reads 五星 / 一星 / 三分 / 两星 (they were rejected: "rating not recognised")', () => {
    expect(['一星', '两星', '三分', '四颗星', '五星'].map(parseStars)).toEqual([1, 2, 3, 4, 5]);
    // 1–2 stars are negative, 3 neutral, 4–5 positive
    expect(['一星', '三星', '五星'].map(parseRating)).toEqual(['bad', 'neutral', 'good']);
  });
  it('still reads digits and ★, and refuses what is not a star count', () => {
    expect(['4', '4.0', '4星', '★★☆☆☆'].map(parseStars)).toEqual([4, 4, 4, 2]);
    expect(['五', '六星', '十分', '6'].map(parseStars)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
