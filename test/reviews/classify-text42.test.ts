// text42: threats that are no extortion (docs/rules.md §2.1). Extortion, as the rule says, is a bad
// review made the price of a benefit the buyer is not owed (恶意评价: 谋取额外财物或不当利益). Read off that:
// - 不退款就投诉 threatens a complaint, not a review: a complaint goes to the platform, which decides
//   whether the refund is owed — the buyer's own channel, no review used as a lever. No extortion (it was,
//   through the table's 投诉 ending); a threat of a review beside it still is (不退款就投诉并给差评).
// - 不给开发票就差评: the shop must issue an invoice when asked (电子商务法 第十四条, 发票管理办法 第十九条):
//   owed, as shipping is (text41), no benefit beyond the order. No extortion (it was, as a 不给… condition);
//   an invoice asked together with a refund keeps the extortion (the refund is not shown owed).
// - 不退款就差评 is unchanged: extortion (§2.1's first example).
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/reviews/classify.js';
import type { Review } from '../../src/reviews/types.js';
import { matchers } from './tables.js';

const review = (rating: Review['rating'], text: string): Review => ({
  file: 'r.csv', line: 2, orderId: '1', buyer: 'b', title: '', rating, ratingRaw: '', reviewedAt: 0, text,
  followUpText: '', followUpAt: null, dsr: { description: null, service: null, logistics: null },
});

// [rating, text, extortion expected (the words as found, normalized: NFKC, spaces out)]
const THREATS: [Review['rating'], string, string[]][] = [
  // A complaint threatened: no extortion (each was before).
  ['bad', '不退款就投诉', []],
  ['bad', '不退款我就去投诉', []],
  ['bad', '不给退款就投诉到12315', []],
  ['neutral', '不赔钱就投诉', []],
  // An invoice: owed, no extortion (each was before but the last, which has no 不给).
  ['bad', '不给开发票就差评', []],
  ['bad', '不给我开发票就给差评', []],
  ['neutral', '不给补开发票就差评', []],
  ['neutral', '赶紧开发票，不然差评', []],
  ['neutral', '不开发票就差评', []],
  // A review threatened beside the complaint, or a refund beside the invoice: extortion as before.
  ['bad', '不退款就投诉并给差评', ['不退款就投诉并给差评']],
  ['bad', '不退款就差评', ['不退款就差评']],
  ['bad', '不给开发票也不退款就差评', ['不退款就差评', '不给开发票也不退款就差评']],
  ['neutral', '开发票还要赔钱，不然差评', ['不然差评']],
];

describe('text42: a complaint or an owed invoice threatened is no extortion', () => {
  it.each(THREATS)('%s %s → extortion %j', (rating, text, extortion) => {
    expect(classify(review(rating, text), matchers).extortion).toEqual(extortion);
  });
  it('the review is still followed up as an ordinary bad review', () => {
    const f = classify(review('bad', '不给开发票就差评'), matchers);
    expect(f.reasons).toEqual(['negative_rating']);
    expect(f.extortion).toEqual([]);
  });
});
