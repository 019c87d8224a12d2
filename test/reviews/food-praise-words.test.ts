// rev43, on user17 335971fc (发霉, 变质, 过期了, 已过期, 受潮 … made negative words): praise that says
// the food keeps, or a coupon that expired, was queued as a complaint (negative_text, quality: the
// contact-quality message apologising for a quality problem sent to a happy buyer). Reproduced on
// 335971fc's table, each of these 好评 came out reasons [negative_text], categories [quality]:
//   很好吃，可惜优惠券过期了 (过期了 is the coupon's), 质量很好，已过期的券也给补了 (已过期: the coupon),
//   保质期长，不易变质，好评 / 真空包装防止变质，很好 (变质 denied by 不易 / 防止), 包装严实，不怕受潮
//   (受潮 under 怕), 没有一点发霉 (没有 … 发霉 with 一点 between: 没有发霉 does not match).
// Expected by reading docs/rules.md §2.1 (a positive review is followed up only when its words are
// plainly negative; a denial or praise is a neutralizer): none is flagged. The food complaints stay
// flagged, also beside a neutralized phrase (the neutralizer cuts only its own words out).
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/reviews/classify.js';
import type { Review } from '../../src/reviews/types.js';
import { matchers } from './tables.js';

const review = (text: string): Review => ({
  file: 'r.csv', line: 2, orderId: '1', buyer: 'b', title: '', rating: 'good', ratingRaw: '', reviewedAt: 0, text,
  followUpText: '', followUpAt: null, dsr: { description: null, service: null, logistics: null },
});

describe('food words: praise and coupons are not complaints (user17 335971fc)', () => {
  for (const t of ['很好吃，可惜优惠券过期了', '质量很好，已过期的券也给补了', '保质期长，不易变质，好评', '真空包装防止变质，很好', '包装严实，不怕受潮', '没有一点发霉', '红包已过期 但东西很好吃', '防霉包装 放了很久']) {
    it(`${t}: not flagged (failed before: negative_text, quality)`, () => {
      expect(classify(review(t), matchers).reasons).toEqual([]);
    });
  }
  for (const t of ['就怕受潮，结果还是受潮了', '优惠券过期了，坚果也已过期', '说是不易变质，收到就变质了']) {
    it(`${t}: still negative_text, quality among its categories`, () => {
      const f = classify(review(t), matchers);
      expect(f.reasons).toEqual(['negative_text']);
      expect(f.categories).toContain('quality');
    });
  }
});
