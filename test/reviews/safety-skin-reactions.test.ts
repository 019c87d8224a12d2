// user11 (小何, CS supervisor of a Tmall beauty/skincare 旗舰店): the adverse reactions a skincare
// buyer writes — 上脸有点刺痛, 长了好多闭口和痘痘, 眼睛进去了好疼，睁不开 — were ordinary reviews
// (category `other`, priority 2–4, nobody told), while 红疹 / 爆痘 / 烂脸 were priority 1 with the
// person in charge warned. README "Safety first": a review that reports harm to health is priority 1
// whatever its score. The safety table gains 刺痛, 灼热/灼烧/烧灼, 发痒, 长痘/冒痘/起痘 (and 长了痘 …),
// 长闭口/爆闭口/冒闭口/起闭口 (and 长了好多闭口 …), 眼睛疼/眼睛痛, 睁不开. Said not to have happened
// (不刺痛, 没长痘, 没起闭口: the negation rule of classify.ts) they stay praise; 痘痘肌, 祛痘, 闭口少了 name
// no reaction and are not in the table.
import { describe, expect, it } from 'vitest';
import { classify, needsFollowUp } from '../../src/reviews/classify.js';
import type { Review } from '../../src/reviews/types.js';
import { matchers } from './tables.js';

const base: Review = {
  file: 'r.csv',
  line: 2,
  orderId: '1',
  buyer: 'b',
  title: '',
  rating: 'good',
  ratingRaw: '好评',
  reviewedAt: 0,
  text: '',
  followUpText: '',
  followUpAt: null,
  dsr: { description: null, service: null, logistics: null },
};
const r = (o: Partial<Review>): Review => ({ ...base, ...o });

describe('skin and eye reactions to a cosmetic are safety complaints', () => {
  it('each reaction, on a 中评 or 差评, is flagged safety (category quality); before, none was', () => {
    for (const [rating, text, word] of [
      ['neutral', '有点搓泥，上脸有点刺痛', '刺痛'],
      ['bad', '涂上去脸上有灼热感，洗掉了还红', '灼热'],
      ['bad', '用了以后脸一直发痒', '发痒'],
      ['bad', '用完脸上长了好多闭口和痘痘', '长了好多闭口'],
      ['bad', '用了三天开始冒痘', '冒痘'],
      ['bad', '一用就长痘', '长痘'],
      ['bad', '眼睛进去了好疼，睁不开', '睁不开'],
      ['bad', '卸妆的时候眼睛痛了一晚上', '眼睛痛'],
    ] as const) {
      const f = classify(r({ rating, text }), matchers);
      expect(f.safety, text).toContain(word);
      expect(f.reasons, text).toContain('safety');
      expect(f.categories, text).toContain('quality');
    }
  });
  it('a 好评 telling of the reaction is queued as safety too', () => {
    const rev = r({ rating: 'good', text: '效果还行，就是上脸有点刺痛' });
    expect(classify(rev, matchers).reasons).toEqual(['negative_text', 'safety']);
    expect(needsFollowUp(rev, matchers)).toBe(true);
  });
  it('said not to have happened, or no reaction named, it is praise: nothing to follow up', () => {
    for (const text of ['用了不刺痛，很温和', '敏感肌也没有刺痛感', '一点都不刺痛', '痘痘肌用了没长痘', '用了一个月没起闭口', '不会长闭口，推荐', '涂完不会发痒', '祛痘效果不错，痘印淡了', '用了一个月闭口少了很多', '痘痘肌友好']) {
      const rev = r({ rating: 'good', text });
      expect(classify(rev, matchers).reasons, text).toEqual([]);
      expect(needsFollowUp(rev, matchers), text).toBe(false);
    }
  });
});
