import { describe, expect, it } from 'vitest';
import { Lint, render, unknownPlaceholders } from '../../src/reviews/message.js';
import { Money } from '../../src/money.js';
import type { QueueItem } from '../../src/reviews/types.js';
import { TimeZone } from '../../src/time.js';
import { forbiddenTable, shippedMessages } from './tables.js';

const lint = new Lint(forbiddenTable);

describe('RULES 2.2: templates may not ask for a review change or pay for a review', () => {
  it.each([
    ['亲，好评返现5元哦', '好评返现'],
    ['麻烦您改成好评，谢谢', '改成好评'],
    ['能否帮忙修改评价', '修改评价'],
    ['收到后追加好评送小礼物', '追加好评'],
    ['麻烦把差评删掉吧', '差评删掉'],
  ])('refuses %s, naming %s', (text, phrase) => {
    expect(lint.check(text).join(' ')).toContain(phrase);
  });
  it.each([
    ['Leave a good review and get cashback!', 'leave a good review'],
    ['Could you please change your review to reflect this?', 'change your review'],
    ['We would appreciate it if you could modify your rating', 'modify your rating'],
    ['Please add a positive follow-up review', 'add a positive follow-up review'],
    ['A refund for your positive review', 'refund for your positive review'],
    ['Would you change it to a 5-star?', 'change it to a 5-star'],
    ['please delete the negative review', 'delete the negative review'],
  ])('refuses the English %s, naming %s', (text, phrase) => {
    expect(lint.check(text).map((s) => s.toLowerCase())).toContain(phrase.toLowerCase());
  });
  it('spaces, full-width letters and case do not hide a phrase', () => {
    expect(lint.check('请 改 成 好 评')).toEqual(['改成好评']);
    expect(lint.check('ＣＨＡＮＧＥ YOUR REVIEW')).toEqual(['change your review']);
  });
  it('names each offence once (返现 inside 好评返现 is not listed again)', () => {
    expect(lint.check('好评返现')).toEqual(['好评返现']);
  });
  // Found by a user test: these passed. {goodwill} is money, so with a review in the same sentence
  // it is money tied to the review, however the sentence is worded; and requests written with
  // 评语, 帮忙, 动动手指 or in traditional characters.
  it('money ({goodwill}) in the same sentence as a review, and review-change requests in other words', () => {
    const cases: Array<[string, string[]]> = [
      ['{buyer} 您好。好评后返{goodwill}元', ['{goodwill} … 好评']],
      ['评价改完截图发我，马上给您转{goodwill}元', ['{goodwill} … 评价']],
      ['我们给您退{goodwill}元，评价那边您看着办', ['评价那边您看着办', '{goodwill} … 评价']],
      ['The {goodwill} yuan refund will be sent after your review is updated.', ['{goodwill} … your review']],
      ['Your {goodwill} yuan is ready; it is released when the 1-star review is gone.', ['{goodwill} … the 1-star review']],
      ["We'll send {goodwill} yuan once the review is edited.", ['{goodwill} … the review']],
      ['动动手指改成好评', ['改成好评']],
      ['能否更新一下评语', ['更新一下评语']],
      ['亲 帮忙改下评', ['改下评']],
      ['請修改評價', ['修改評價']],
    ];
    for (const [text, found] of cases) expect([text, lint.check(text)]).toEqual([text, found]);
    // Found by review: thanking for a positive review, an "unrelated" that governs nothing, a decimal
    // point taken for a full stop, the action and the money in two sentences.
    const more: Array<[string, string[]]> = [
      ['感谢您的好评，{goodwill}元已发放到您的账户。', ['{goodwill} … 好评']],
      ['Thanks for your 5-star review: {goodwill} yuan is on its way.', ['{goodwill} … your 5-star review']],
      ['无论如何，好评后{goodwill}元到账。', ['{goodwill} … 好评']],
      ['好评后转账{goodwill}元，与评价无关', ['{goodwill} … 好评']],
      ['After your review is updated, {goodwill} yuan is sent either way.', ['{goodwill} … your review']],
      ['评价改成5.0分后{goodwill}元到账。', ['{goodwill} … 评价']],
      ['评价改好后告诉我们。{goodwill}元马上安排到账。', ['评价改 … {goodwill}']],
    ];
    for (const [text, found] of more) expect([text, lint.check(text)]).toEqual([text, found]);
    // The review named only as the occasion, or said to be unrelated, or a change said not to be needed, with money: fine.
    for (const text of [
      '{buyer} 您好。我们提供{goodwill}元补偿, 与您的评价无关。',
      'We will refund {goodwill} yuan for the broken item, whatever you write in your review.',
      '感谢您的评价，补偿{goodwill}元已经发放。',
      '您不需要修改评价，我们会为您退款并补偿{goodwill}元。',
      '您在评价中提到围巾掉毛，非常抱歉，另外提供{goodwill}元补偿。',
      '您的评价我们非常重视，已经反馈给质检部门，另外为您准备了{goodwill}元补偿。',
      '补偿{goodwill}元，您的评价完全由您决定。',
      'We read your review and we are sorry: we can replace the scarf and add {goodwill} yuan.',
      'You do not need to change your review; we will refund you and add {goodwill} yuan.',
    ]) {
      expect([text, lint.check(text)]).toEqual([text, []]);
    }
  });
  it('apologies and remedies are fine', () => {
    expect(lint.check('看到您的评价，非常抱歉，我们可以为您退货或部分退款，补偿 {goodwill} 元。')).toEqual([]);
    expect(lint.check('Thank you for your review. We can refund you {goodwill} yuan for the broken item.')).toEqual([]);
  });
  it('every shipped template is clean in both languages and uses only known placeholders', () => {
    expect(Object.keys(shippedMessages).sort()).toEqual(
      ['complaint-extortion', 'contact-counterfeit', 'contact-logistics', 'contact-not_as_described', 'contact-other', 'contact-price', 'contact-quality', 'contact-safety', 'contact-service', 'explain'].sort(),
    );
    for (const [id, t] of Object.entries(shippedMessages)) {
      expect([id, lint.check(t.zh)]).toEqual([id, []]);
      expect([id, lint.check(t.en)]).toEqual([id, []]);
      expect(unknownPlaceholders(t.zh + t.en)).toEqual([]);
    }
  });
});

describe('rendering', () => {
  it('fills placeholders; goodwill in two places; empty buyer becomes a greeting', () => {
    const tz = new TimeZone('Asia/Shanghai');
    const item = { orderId: '123', buyer: '', title: '围巾', categories: ['quality'], goodwill: new Money('10'), contactBy: 0, explainBy: 0 } as unknown as QueueItem;
    expect(render('{buyer}: {orderId} {title} {goodwill} {issue} {shop} {nope}', item, 'zh', tz, { zh: '暖暖店', en: 'Warm' })).toBe('亲: 123 围巾 10.00 商品质量 暖暖店 {nope}');
    expect(render('{buyer} {issue}', item, 'en', tz, { zh: '暖暖店', en: 'Warm' })).toBe('there product quality');
  });
});
