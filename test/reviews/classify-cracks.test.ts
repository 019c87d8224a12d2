// user22: 小林's 抖店 商品评论 export (a tea shop): a 差评 "壶盖有裂纹，刻字也歪了" (a cracked teapot lid) and a
// 中评 "一般般吧，包装有点破" (a torn parcel) were queued under category `other`, so `reviews message` used the
// generic template instead of the quality / logistics one. The keyword tables (templates/reviews/keywords.json)
// had 裂了 and 裂开 but not 裂纹 or 裂痕, and 包装破 but not 包装有点破. Expected by reading the words: a crack
// (裂纹, 裂痕) is the goods' quality; a torn package (包装有点破, 包装有些破) is the delivery's (logistics, as 包装破).
// Their denials (没有裂纹) are not complaints (neutralizers, as 没有破损).
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/reviews/classify.js';
import type { Review } from '../../src/reviews/types.js';
import { matchers } from './tables.js';

const review = (rating: Review['rating'], text: string): Review => ({
  file: 'r.csv', line: 2, orderId: '1', buyer: 'b', title: '', rating, ratingRaw: '', reviewedAt: 0, text,
  followUpText: '', followUpAt: null, dsr: { description: null, service: null, logistics: null },
});

describe('cracks and a torn package are categorised (user22)', () => {
  const cases: [Review['rating'], string, string[]][] = [
    ['bad', '壶盖有裂纹，刻字也歪了', ['quality']],
    ['bad', '杯子有一道裂痕', ['quality']],
    ['neutral', '一般般吧，包装有点破', ['logistics']],
    ['neutral', '包装有些破，茶叶没事', ['logistics']],
    // A crack denied, the complaint elsewhere: not quality (没有裂纹 is a neutralizer, as 没有破损).
    ['bad', '壶没有裂纹，但是客服不回消息', ['service']],
  ];
  for (const [rating, text, want] of cases) {
    it(`${text}: ${want.join(',')}`, () => {
      expect(classify(review(rating, text), matchers).categories).toEqual(want);
    });
  }
  it('没有裂纹 on a 好评 is not a complaint', () => {
    const c = classify(review('good', '收到了，壶没有裂纹，很好'), matchers);
    expect(c.reasons).toEqual([]);
  });
});
