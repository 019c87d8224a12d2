// A snack shop's 差评 saying 太咸了 (too salty) fell back to the DSR's category (描述不符 when 描述相符 was
// low, `other` with no DSR): no taste word was in any category. docs/rules.md §2.1's categories are
// quality, not_as_described, logistics, service, price, other, and the food complaints before decide
// where taste goes: a strange or rancid taste (怪味, 哈喇味, 异味) is quality. A food that tastes wrong
// (太咸, 太甜, 太辣, 不好吃, 难吃, 口感差, 味道一般, too salty) is the goods themselves, not a listing that
// said otherwise, so quality too; no new category (docs/rules.md lists no other, and the messages are
// per category). They stay category words only: a 好评 saying 有点咸 is no complaint to contact about.
// Denials and praise (不会太咸, 不太甜刚好, 一点都不难吃, 咸淡适中, 不知道好不好吃) are neutralizers.
// Worked by hand from the tables: 差评 太咸了 with 描述相符 2 → 太咸 (quality) → ['quality'] (before:
// ['not_as_described'] from the DSR fallback); a denial next to 发货太慢了 leaves only logistics.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/reviews/classify.js';
import type { Review } from '../../src/reviews/types.js';
import { matchers } from './tables.js';

const review = (rating: Review['rating'], text: string, description: number | null = null): Review => ({
  file: 'r.csv', line: 2, orderId: '1', buyer: 'b', title: '', rating, ratingRaw: '', reviewedAt: 0, text,
  followUpText: '', followUpAt: null, dsr: { description, service: null, logistics: null },
});

const TASTE: string[] = ['太咸了', '太甜了，齁得慌', '太辣了，吃不了', '一点都不好吃', '很难吃', '口感差，硬邦邦的', '味道一般，不会回购', 'Way too salty.', 'tastes awful'];

const DENIED: string[] = [
  '不会太咸，就是发货太慢了',
  '不太甜刚好，就是发货太慢了',
  '一点都不难吃，就是发货太慢了',
  '咸淡适中，就是发货太慢了',
  '不知道好不好吃，发货太慢了',
  '口感差不多，就是发货太慢了',
  'not too salty, but slow shipping',
];

describe('food taste complaints are quality (docs/rules.md §2.1 categories)', () => {
  it('差评 太咸了 with 描述相符 2 → quality, not the DSR fallback 描述不符', () => {
    expect(classify(review('bad', '太咸了', 2), matchers).categories).toEqual(['quality']);
  });
  it.each(TASTE)('中评 %s → quality', (t) => {
    expect(classify(review('neutral', t), matchers).categories).toEqual(['quality']);
  });
  it.each(DENIED)('中评 %s → logistics only (the denial is no taste complaint)', (t) => {
    expect(classify(review('neutral', t), matchers).categories).toEqual(['logistics']);
  });
  it('a denied taste with no other words falls back as before (no DSR: other)', () => {
    expect(classify(review('neutral', '咸淡适中，一点都不难吃'), matchers).categories).toEqual(['other']);
  });
  it('a 好评 naming a taste is not queued: taste words are category words, not negative ones', () => {
    expect(classify(review('good', '有点太甜了，孩子喜欢'), matchers).reasons).toEqual([]);
  });
});
