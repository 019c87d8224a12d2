// rev47 (review of 400970a1, user24's 家纺 keywords): 头晕 / 头昏 were safety words on their own, so any review
// naming dizziness was a safety complaint, priority 1, escalated, category quality, whatever made the buyer
// dizzy. A bedding shop sells 颈椎枕 to buyers who say they get dizzy: a 好评 saying 颈椎不好经常头晕，这个枕头
// 睡了好多了 was queued (negative_text, safety) and sent the safety message; so was the denial 没有异味，不会让人
// 头晕 (the negation rule needs the 不 right before the word; 让人 stands between), and a 差评 about the 客服
// (绕得我头晕) became quality + safety. What user24 asked for is a smell that makes the buyer dizzy (docs/rules.md
// §2.1: "a smell that makes the buyer dizzy is a health complaint"), as 闻了头疼 / 熏得头疼 already are: the
// dizziness tied to a smell in the same clause (闻, 熏, 味, 臭 before it, no clause break and no 不/没/无/未
// between) is the safety word.
// By hand, each text through the tables (safety → reasons 'safety' and category quality; a 好评 with no
// negative word and no safety word is not queued at all):
//   good  颈椎不好经常头晕，这个枕头睡了好多了  → not queued (no smell: 颈椎 … 头晕)
//   good  没有异味，不会让人头晕                → not queued (the clause with 头晕 holds no smell word)
//   bad   客服说了半天绕得我头晕，问题也没解决   → not safety (no smell); category service (客服), not quality
//   bad   一股刺鼻的味道，闻了头晕             → safety [闻了头晕], quality (刺鼻)
//   bad   味道大得让人头晕                     → safety [味道大得让人头晕] (味 … 头晕, 5 characters between)
//   bad   被子有股臭味，熏得头昏               → safety [熏得头昏]
//   good  闻着不头晕，很好                      → not queued (不 between)
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/reviews/classify.js';
import type { Review } from '../../src/reviews/types.js';
import { matchers } from './tables.js';

const review = (rating: Review['rating'], text: string): Review => ({
  file: 'r.csv', line: 2, orderId: '1', buyer: 'b', title: '', rating, ratingRaw: '', reviewedAt: 0, text,
  followUpText: '', followUpAt: null, dsr: { description: null, service: null, logistics: null },
});

describe('头晕 is a safety word when a smell caused it (rev47)', () => {
  it.each(['颈椎不好经常头晕，这个枕头睡了好多了', '没有异味，不会让人头晕', '闻着不头晕，很好'])('好评 %s: not queued', (t) => {
    expect(classify(review('good', t), matchers).reasons).toEqual([]);
  });
  it('差评 客服说了半天绕得我头晕: a service complaint, no safety', () => {
    const f = classify(review('bad', '客服说了半天绕得我头晕，问题也没解决'), matchers);
    expect(f.reasons).not.toContain('safety');
    expect(f.categories).toEqual(['service']);
  });
  it.each([
    ['一股刺鼻的味道，闻了头晕', '闻了头晕'],
    ['味道大得让人头晕', '味道大得让人头晕'],
    ['被子有股臭味，熏得头昏', '熏得头昏'],
  ])('差评 %s → safety [%s], quality', (t, word) => {
    const f = classify(review('bad', t), matchers);
    expect(f.reasons).toContain('safety');
    expect(f.safety).toEqual([word]);
    expect(f.categories).toContain('quality');
  });
});
