// RULES 2.2 (Tmall 评价管理规范 第十条; 网络反不正当竞争暂行规定 第九条(五)): no template may ask a buyer
// to change, add to, delete or upgrade a review, rating or stars, nor tie any reward to a review.
// The corpus (test/reviews/corpus/*.txt, written for this test, zh and en) holds sentences of both
// kinds, including compliant ones that mention reviews, stars or rewards. Every forbidden sentence
// must be refused and every compliant one accepted: both rates must be 100%.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Lint } from '../../src/reviews/message.js';
import { ROOT } from '../helpers.js';
import { forbiddenTable } from './tables.js';

const lint = new Lint(forbiddenTable);
const load = (name: string) =>
  fs
    .readFileSync(path.join(ROOT, 'test', 'reviews', 'corpus', name), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
const forbidden = load('forbidden.txt');
const compliant = load('compliant.txt');
const isZh = (s: string) => /\p{Script=Han}/u.test(s);

function report(side: string, all: string[], ok: (s: string) => boolean): string[] {
  const missed = all.filter((s) => !ok(s));
  for (const lang of ['zh', 'en'] as const) {
    const part = all.filter((s) => isZh(s) === (lang === 'zh'));
    const good = part.filter(ok).length;
    console.log(`wording corpus, ${side} (${lang}): ${good}/${part.length} = ${((100 * good) / part.length).toFixed(1)}%`);
  }
  return missed;
}

describe('the wording check against the corpus', () => {
  it('the corpus is big enough: ≥ 150 sentences per side, both languages on each side', () => {
    expect(forbidden.length).toBeGreaterThanOrEqual(150);
    expect(compliant.length).toBeGreaterThanOrEqual(150);
    for (const side of [forbidden, compliant]) {
      expect(side.filter(isZh).length).toBeGreaterThanOrEqual(50);
      expect(side.filter((s) => !isZh(s)).length).toBeGreaterThanOrEqual(50);
    }
    // No sentence on both sides.
    expect(forbidden.filter((s) => compliant.includes(s))).toEqual([]);
  });
  it('refuses every forbidden sentence (none slips through)', () => {
    const slipped = report('forbidden refused', forbidden, (s) => lint.check(s).length > 0);
    expect(slipped).toEqual([]);
  });
  it('accepts every compliant sentence (none refused by mistake)', () => {
    const refused = report('compliant accepted', compliant, (s) => lint.check(s).length === 0);
    expect(refused.map((s) => [s, lint.check(s)])).toEqual([]);
  });
  it('the tricky compliant sentences of issue 18 are among them', () => {
    for (const s of ['感谢您的评价', '我们已看到您的评价并会改进', '如需退换请联系我们']) {
      expect(compliant).toContain(s);
      expect(lint.check(s)).toEqual([]);
    }
  });
  it('pleas and innuendo that passed until 2026-12 are refused, naming the passage; the same words asking nothing are not', () => {
    // Each returned [] before (forbidden.json had no such phrase; the shape needs a review word).
    expect(lint.check('亲看着办哈')).toEqual(['看着办']);
    expect(lint.check('您懂的')).toEqual(['您懂的']);
    expect(lint.check('能否高抬贵手')).toEqual(['高抬贵手']);
    expect(lint.check('We have refunded you, so we trust you will do the right thing.')).toEqual(['trust you will do the right thing']);
    // A choice left to the buyer, courtesy, 懂 in another sense: accepted.
    for (const s of ['退货还是换货，您看着办就好，我们都支持', '给您添麻烦了，还请多多包涵', '如果您不懂的话，我们可以一步步教您操作退货', 'We will do the right thing and refund the postage too.']) {
      expect(compliant).toContain(s);
      expect(lint.check(s)).toEqual([]);
    }
  });
  it('the sentences issue 18 found accepted are refused, naming the passage', () => {
    expect(lint.check('希望您重新评价一下')).toEqual(['重新评价']);
    expect(lint.check('麻烦您帮忙追评一下')).toEqual(['追评']);
    expect(lint.check('您看评价能不能调整一下')).toEqual(['评价能不能调整']);
    expect(lint.check('亲，满意的话点个五星')).toEqual(['点个五星']);
    expect(lint.check('consider changing your rating')).toEqual(['changing your rating']);
  });
});
