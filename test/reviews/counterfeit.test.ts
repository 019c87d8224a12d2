// A review doubting the goods are genuine — 怀疑不是正品, 假货, 不是正品 — was category not_as_described
// with the not_as_described message, which asks "what was different (colour, size, specification or
// quantity)": an odd answer to "I think it is fake". The category stays not_as_described: SPEC's list
// (logistics, quality, not_as_described, service, price, other) is fixed, docs/rules.md §2.1 (text46)
// adds none, and the shipped keyword table has these words there (the listing said genuine, the goods
// were not). The template is contact-counterfeit: photos of the item, tag and packaging, each point
// checked and the finding told with what it rests on, a return at the shop's cost (it offered 进货发票 /
// 品牌授权 until 2026-12: a promise a reseller may not be able to keep); no review named,
// nothing offered for one (RULES §2.2: the lint passes it). Denials are not complaints: 不是假货 (it
// held 假货) is cut out as a neutralizer; 保证正品 and 是正品 hold no complaint word.
// Worked by hand from the tables: 差评 怀疑不是正品 → 不是正品 (not_as_described, COUNTERFEIT) →
// categories ['not_as_described'], template contact-counterfeit (before: contact-not_as_described).
// 中评 不是假货，就是发货太慢了 → 不是假货 cut → 发货太慢 (logistics) only (before: 假货 matched too,
// ['not_as_described', 'logistics'], the message contact-not_as_described).
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/reviews/classify.js';
import { templateFor } from '../../src/reviews/queue.js';
import { Lint } from '../../src/reviews/message.js';
import type { Review } from '../../src/reviews/types.js';
import { forbiddenTable, matchers, shippedMessages } from './tables.js';

const review = (rating: Review['rating'], text: string): Review => ({
  file: 'r.csv', line: 2, orderId: '1', buyer: 'b', title: '', rating, ratingRaw: '', reviewedAt: 0, text,
  followUpText: '', followUpAt: null, dsr: { description: null, service: null, logistics: null },
});

const template = (rating: Review['rating'], text: string) => {
  const f = classify(review(rating, text), matchers);
  return templateFor('contact_now', f.categories, [], f.counterfeit);
};

describe('counterfeit suspicions: not_as_described, answered by contact-counterfeit', () => {
  it.each(['怀疑不是正品', '假货，别买', '收到的不是正品', '明显是仿品', 'This is a fake.'])('差评 %s → not_as_described, contact-counterfeit', (t) => {
    const f = classify(review('bad', t), matchers);
    expect(f.categories).toEqual(['not_as_described']);
    expect(f.counterfeit).toBe(true);
    expect(template('bad', t)).toBe('contact-counterfeit');
  });
  it('quality words with it (假货，质量太差): the doubt is what the message answers', () => {
    expect(classify(review('bad', '假货，质量太差'), matchers).categories).toEqual(['quality', 'not_as_described']);
    expect(template('bad', '假货，质量太差')).toBe('contact-counterfeit');
  });
  it('a size complaint keeps the not_as_described message', () => {
    expect(template('bad', '尺码不对，偏小')).toBe('contact-not_as_described');
  });
  it.each([
    ['不是假货，就是发货太慢了', ['logistics']],
    ['保证正品，就是发货太慢了', ['logistics']],
    ['是正品，就是发货太慢了', ['logistics']],
    ['绝对不是假的，物流太慢了', ['logistics']],
    ['not fake, but slow shipping', ['logistics']],
  ])('中评 %s: the denial is no complaint → %j, not counterfeit', (t, cats) => {
    const f = classify(review('neutral', t), matchers);
    expect(f.categories).toEqual(cats);
    expect(f.counterfeit).toBe(false);
    expect(template('neutral', t)).toBe('contact-logistics');
  });
  it('the message asks for photos and promises a checked answer and a return, never documents, colour or size, never a review (RULES §2.2)', () => {
    const m = shippedMessages['contact-counterfeit']!;
    expect(m.zh).toContain('照片');
    expect(m.zh).toContain('把核对的结果和依据如实告诉您');
    expect(m.zh).toContain('退货退款, 运费由我们承担');
    expect(m.zh).not.toContain('颜色');
    expect(m.en).toContain('photos');
    expect(m.en).toContain('tell you plainly what we found and what it rests on');
    expect(m.en).toContain('refund you, and we pay the postage');
    expect(m.en).not.toContain('colour');
    // Until 2026-12 it offered 进货凭证 (进货发票, 品牌授权): a shop without them had to edit the
    // template before sending it. It promises nothing a shop may not have, and no money (RULES §2.2).
    expect(m.zh).not.toMatch(/进货|发票|授权|凭证|元/);
    expect(m.en).not.toMatch(/invoice|authoris|proof|document|certificate|yuan|\{goodwill\}/i);
    expect(m.zh).not.toContain('{goodwill}');
    const lint = new Lint(forbiddenTable);
    expect(lint.check(m.zh)).toEqual([]);
    expect(lint.check(m.en)).toEqual([]);
    expect(m.zh + m.en).not.toMatch(/评价|review|好评|rating/i);
  });
});
