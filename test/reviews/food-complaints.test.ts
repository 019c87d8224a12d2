// user17 (小林, a 天猫 and 抖店 snack shop): a 好评 whose 追评 said 打开发现好几包都发霉了 (mouldy) was not in
// the queue at all: the 追评 is followed up only when it holds a negative word (docs/rules.md §2.1,
// SPEC "negative follow-up reviews"), and 发霉, 变质, 过期了, 生虫, 异物, 哈喇味, 受潮 were only category
// words (quality), never "negative". A snack that arrived mouldy, gone off, past its date, with insects,
// a foreign body or a rancid taste is a complaint whatever the stars say: they are negative words now,
// and a hair in the food (里面有一根头发, 吃出头发) is quality (it fell back to the DSR's 描述不符/服务).
// Their denials (没有发霉, 没过期, 不受潮, 无异物 …) are praise, as 没有异味 is (neutralizers).
// Expected by reading §2.1: a complaint → flagged (negative_text on a 好评's words, negative_follow_up on
// its 追评), category quality; a denial → not flagged (no reasons). Each complaint line failed before.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/reviews/classify.js';
import type { Review } from '../../src/reviews/types.js';
import { matchers } from './tables.js';

const review = (rating: Review['rating'], text: string, followUpText = ''): Review => ({
  file: 'r.csv', line: 2, orderId: '1', buyer: 'b', title: '', rating, ratingRaw: '', reviewedAt: 0, text,
  followUpText, followUpAt: followUpText ? 0 : null, dsr: { description: null, service: null, logistics: null },
});

const COMPLAINTS_FOLLOW_UP: string[] = [
  '打开发现好几包都发霉了',
  '放了两天就霉了',
  '收到的牛肉干已经变质了',
  '仔细一看已经过期了',
  '生产日期一看，已过期三个月',
  '坚果里面生虫了',
  '袋子里长虫了',
  '吃出异物，恶心',
  '核桃一股哈喇味',
  '薯片都受潮了，不脆',
];

const PRAISE: string[] = [
  '放了一个月也没有发霉',
  '没过期，日期很新鲜',
  '生产日期很新，不会过期',
  '密封很好不受潮',
  '没有异物，很干净',
  '没有哈喇味，很香',
  '没有变质，冷链送到的',
  '没有虫，放心',
];

describe('food complaints in a snack shop\'s reviews', () => {
  it.each(COMPLAINTS_FOLLOW_UP)('好评 with the 追评 %s → negative_follow_up, quality', (fu) => {
    const f = classify(review('good', '包装不错', fu), matchers);
    expect(f.reasons).toEqual(['negative_follow_up']);
    expect(f.categories).toEqual(['quality']);
  });
  it.each(COMPLAINTS_FOLLOW_UP)('好评 saying %s itself → negative_text, quality', (t) => {
    const f = classify(review('good', t), matchers);
    expect(f.reasons).toEqual(['negative_text']);
    expect(f.categories).toEqual(['quality']);
  });
  it.each(PRAISE)('好评 %s → not flagged', (t) => {
    expect(classify(review('good', t), matchers).reasons).toEqual([]);
    expect(classify(review('good', '好吃', t), matchers).reasons).toEqual([]);
  });
  it('a hair in the food is quality (it was the DSR fallback, 描述不符/服务)', () => {
    for (const t of ['里面有一根头发', '吃出头发了']) {
      const f = classify({ ...review('neutral', t), dsr: { description: 2, service: 3, logistics: null } }, matchers);
      expect(f.categories).toEqual(['quality']);
    }
  });
  it('hair praised on a shampoo is still no complaint (头发 alone is no negative word)', () => {
    expect(classify(review('good', '用了以后头发很顺滑'), matchers).reasons).toEqual([]);
  });
  it('a strange taste (怪味) is quality, as 异味 is; its denial is not (抖店 商品评论 score 1: 太硬了咬不动，还有股怪味 was other)', () => {
    expect(classify(review('bad', '太硬了咬不动，还有股怪味'), matchers).categories).toEqual(['quality']);
    expect(classify(review('neutral', '没有怪味，就是发货太慢了'), matchers).categories).toEqual(['logistics']);
  });
});
