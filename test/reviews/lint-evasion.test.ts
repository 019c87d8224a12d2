// RULES 2.2 (Tmall 评价管理规范 第十条; 网络反不正当竞争暂行规定 第九条(五)). Found by a hostile user
// test: forbidden wording that got past the check — hidden characters, a phrase split over lines,
// 五分/5分 for stars, 换一个评价, 惊喜 as the reward, traditional characters. Through the built
// binary (npx tsc -p . first): `reviews message` must refuse with exit 3 and name the phrase.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Lint } from '../../src/reviews/message.js';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';
import { forbiddenTable, shippedMessages } from './tables.js';

const R = path.join(EXAMPLES, 'reviews.csv');
const NEGATIVE = '3515313147329357901'; // 小明爱购物, 差评 about a scarf: template contact-quality
const AS_OF = ['--as-of', '2026-11-21 10:00:00'];

function template(text: string): string {
  const f = path.join(tmpDir(), 'tpl.txt');
  fs.writeFileSync(f, text);
  return f;
}

describe('reviews message --template: evasions of the wording check are refused (exit 3)', () => {
  // Each passage named is worked out from the rule: the review word (差评/好评/五分/5分/评价, or
  // 追评 as an added review) with its action (改成, 删掉, 给, 打, 换) or the reward beside it.
  it.each([
    ['zero-width spaces inside the words', '亲，麻烦您把差\u200b评改成好\u200b评', '改成好评'],
    ['the review and the money on separate lines', '亲，差评\n删掉\n{goodwill}元马上到账', '差评'],
    ['五分 for five stars', '给个全五分吧', '五分'],
    ['5分 with a question', '打个5分好吗', '打个5分'],
    ['full-width digits', '打个５分好吗', '打个5分'],
    ['5分 and a small gift', '收货后给5分送小礼品', '给5分'],
    ['a gift if five points', '亲，给五分的话送您小礼物。', '给五分'],
    ['惊喜 as the reward for a 追评', '追评晒图有惊喜。', '惊喜'],
    ['换 a review', '请帮我们换一个评价', '换一个评价'],
    ['traditional characters, named as written', '好評返現5元。', '好評返現'],
  ])('%s: %s', (_what, text, phrase) => {
    const r = runCli(['reviews', 'message', NEGATIVE, '--reviews', R, '--template', template(text), ...AS_OF]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('contains forbidden wording');
    expect(r.stderr).toContain(phrase);
  });

  it('line breaks that end sentences still end them, and the shipped templates pass', () => {
    const lint = new Lint(forbiddenTable);
    // Two sentences on two lines: thanks for the review, then the goodwill for the problem.
    expect(lint.check('感谢您的评价。\n我们为您准备了{goodwill}元补偿, 用于解决商品的问题。')).toEqual([]);
    // 5分钟 is minutes, not a score.
    expect(lint.check('请给我们5分钟，我们马上为您处理')).toEqual([]);
    for (const [id, t] of Object.entries(shippedMessages)) for (const lang of ['zh', 'en'] as const) expect([id, lang, lint.check(t[lang])]).toEqual([id, lang, []]);
  });
});
