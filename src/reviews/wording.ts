// The wording check for message templates (RULES 2.2: Tmall 评价管理规范 第十条; 网络反不正当竞争
// 暂行规定 第九条(五)). A phrase list cannot keep up with how people write, so this recognises the
// *shape* of a forbidden sentence:
//   - an action on a review (change / add / delete / upgrade / give: 改, 追加, 删, 撤, 点个, update,
//     remove, leave …) whose object is the review, rating or stars, in a sentence that asks or
//     suggests (请, 麻烦, 能不能, …吗, 的话, please, could you, consider …);
//   - a request for a positive review (好评, 五星, five-star review) or for a review to be added
//     (追评, 晒图, follow-up review), even without an action word;
//   - any reward (返现, 红包, 优惠券, cashback, coupon …) in the same sentence as a review, and any
//     remedy (退款, 补偿, refund) in the same sentence as an action on a review.
// A sentence that says the opposite (无论您怎么评价, 与评价无关, 不需要修改评价, whatever you write,
// not tied to your review) is not a request. The word lists live in templates/reviews/forbidden.json
// ("shape"), as regular-expression fragments an operator may extend. Pure.

/**
 * Traditional forms of the characters the word lists use, to their simplified forms (好評返現 is
 * 好评返现): only what the check reads, not a general converter.
 */
const TRADITIONAL: Readonly<Record<string, string>> = {
  評: '评', 價: '价', 論: '论', 語: '语', 現: '现', 紅: '红', 禮: '礼', 贈: '赠', 優: '优', 獎: '奖', 勵: '励',
  積: '积', 刪: '删', 銷: '销', 為: '为', 爲: '为', 給: '给', 請: '请', 煩: '烦', 幫: '帮', 換: '换',
  點: '点', 個: '个', 顆: '颗', 滿: '满', 還: '还', 嗎: '吗', 曬: '晒', 圖: '图', 單: '单', 動: '动', 驚: '惊',
  錢: '钱', 後: '后', 會: '会', 讓: '让', 寫: '写', 補: '补', 調: '调', 級: '级', 數: '数', 與: '与', 無: '无',
  關: '关', 係: '系', 們: '们', 這: '这', 將: '将', 發: '发', 謝: '谢', 說: '说', 話: '话', 馬: '马', 帳: '账',
  賬: '账', 購: '购', 買: '买', 貨: '货', 鍵: '键', 麼: '么', 兩: '两', 門: '门', 檻: '槛',
  劵: '券', 費: '费', 頂: '顶', 顧: '顾', 親: '亲', 號: '号', 額: '额', 獲: '获',
};

/**
 * What the check reads: format characters that hide a word (zero-width space, joiners, soft hyphen,
 * direction marks, BOM) removed; NFKC (full-width digits and letters to half-width); a line break
 * inside a sentence (the line does not end with sentence punctuation) joined, so a phrase cannot be
 * split across lines; traditional characters of the word lists to simplified. Line breaks after
 * 。！？.!?;； stay: they end sentences.
 */
export function normalizeWording(text: string): string {
  const t = text
    .replace(/[\p{Cf}\u180E\u034F]/gu, '')
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]*\n[^\S\n]*/g, '\n')
    .replace(/([^\n。！？!?.;；])\n+(?=[^\n])/gu, (_all, c: string) => (/[\p{Script=Han}，、：,:]/u.test(c) ? c : `${c} `));
  return t.replace(/[\u3400-\u9fff]/gu, (c) => TRADITIONAL[c] ?? c);
}

/**
 * A passage found in the normalized text, named with the characters the template wrote (評價 stays
 * 評價); hidden characters and line breaks are left out, and case and width are normalized as
 * elsewhere. The normalized passage when it cannot be traced back.
 */
export function asWritten(found: string, raw: string): string {
  if (!HAN.test(found)) return found;
  const forms = new Map<string, string[]>();
  for (const [t, simple] of Object.entries(TRADITIONAL)) forms.set(simple, [...(forms.get(simple) ?? []), t]);
  const esc = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  const one = (c: string) => (forms.has(c) ? `(?:${[c, ...forms.get(c)!].join('|')})` : esc(c));
  const pre = raw.replace(/[\p{Cf}\u180E\u034F]/gu, '').normalize('NFKC').toLowerCase();
  const m = new RegExp([...found].map(one).join('\\s*'), 'u').exec(pre);
  return m ? m[0].replace(/\s+/g, found.includes(' ') ? ' ' : '') : found;
}

export interface ShapeWords {
  /** What a review is called: 评价, 差评, 五星, review, rating, stars … */
  target: string[];
  /** Positive reviews: asking for one is asking for a review (好评, 五星, five-star review). */
  positive: string[];
  /** Reviews that are themselves an addition (追评, 晒图, follow-up review). */
  addition: string[];
  /** Actions on a review: change, add, delete, upgrade, give. */
  action: string[];
  /** Words that look like an action but are about the shop (改进, 补发, improve …); cut first. */
  notAction: string[];
  /** Asking or suggesting: 请, 麻烦, …吗, 的话, please, could you, consider … */
  request: string[];
  /** Request words containing a negation (能不能, 可不可以); cut before negations are looked for. */
  requestWithNegation: string[];
  /** A negation in the same clause: the action is not asked for (不需要修改评价, cannot change). */
  negation: string[];
  /** Unconditional or unrelated, for the whole sentence (无论, 与评价无关, whatever, not tied). */
  unconditional: string[];
  /** Words before a review that make it not the object of an action (根据您的评价修改了…). */
  oblique: string[];
  /** Thanks before an action: a past act, not a request (谢谢您写下评价). */
  thanks: string[];
  /** Anything of value tied to a review: 返现, 红包, 优惠券, cashback, coupon … */
  reward: string[];
  /** Remedies: fine alone, forbidden as the price of a review change (退款, 补偿, refund). */
  remedy: string[];
}

export interface ShapeTable {
  zh: ShapeWords;
  en: ShapeWords;
}

interface Compiled {
  target: RegExp;
  positive: RegExp;
  addition: RegExp;
  actionTarget: RegExp;
  targetAction: RegExp | undefined;
  notAction: RegExp;
  request: RegExp;
  requestWithNegation: RegExp;
  negation: RegExp;
  unconditional: RegExp;
  oblique: RegExp | undefined;
  thanks: RegExp;
  reward: RegExp;
  remedy: RegExp;
  rewardNearTarget: RegExp;
}

const NEVER = /(?!)/;

function alt(list: readonly string[]): string {
  // Longest first, so 改成 is tried before 改.
  return [...list].filter((s) => s !== '').sort((a, b) => b.length - a.length).join('|');
}

function re(list: readonly string[], flags = 'u'): RegExp {
  return list.length === 0 ? NEVER : new RegExp(alt(list), flags);
}

function compileZh(w: ShapeWords): Compiled {
  const T = `(?:${alt(w.target)})`;
  const A = `(?:${alt(w.action)})`;
  // Between an action and its object: a few characters, no clause break; 的 only in 您的/你的/亲的,
  // so 给的评价 ("the review given") and 给买家】订单的评价 are not "give a review".
  const VO_GAP = `(?:[您你亲]的|[^的,，.。!！?？;；:：、])`;
  // The shop's (我们的, 本店的: 修改一下对我们的评分) and a good one's (好的: 追加一条好的评论) hold the
  // object only right after the action, with at most 一下 / 您 / 对 / 给 / a measure word between:
  // with another verb between, the object is that verb's (重新查看我们的评价 = "look at our
  // reviews again", 换个时间再看我们的评价回复), not the action's.
  const OWNED = `(?:一下|下|一点)?[您你]?[对给把]?(?:[一两]?[条个份颗次])?(?:(?:我们|咱们)?(?:本店|小店|店铺|店)|我们|咱们|[好高满])的[^的,，.。!！?？;；:：、]{0,3}?`;
  const TC_GAP = `[^,，.。!！?？;；:：、]`;
  return {
    target: re(w.target),
    positive: re(w.positive),
    addition: re(w.addition),
    actionTarget: new RegExp(`${A}(?:${VO_GAP}{0,6}?|${OWNED})${T}`, 'u'),
    targetAction: new RegExp(`${T}${TC_GAP}{0,8}?${A}`, 'u'),
    notAction: re(w.notAction, 'gu'),
    request: re(w.request),
    requestWithNegation: re(w.requestWithNegation, 'gu'),
    negation: re(w.negation),
    unconditional: re(w.unconditional),
    oblique: w.oblique.length ? new RegExp(`(?:${alt(w.oblique)})(?:[您你]|大家|你们|顾客|买家)?的?$`, 'u') : undefined,
    thanks: re(w.thanks),
    reward: re(w.reward),
    remedy: re(w.remedy),
    rewardNearTarget: new RegExp(`${T}[^.。!！?？;；]{0,12}?(?:${alt(w.reward)})|(?:${alt(w.reward)})[^.。!！?？;；]{0,12}?${T}`, 'u'),
  };
}

function compileEn(w: ShapeWords): Compiled {
  const T = `(?:${alt(w.target)})`;
  const A = `\\b(?:${alt(w.action)})\\b`;
  const b = (l: readonly string[], flags = 'u') => (l.length === 0 ? NEVER : new RegExp(`\\b(?:${alt(l)})\\b`, flags));
  return {
    target: new RegExp(T, 'u'),
    positive: b(w.positive),
    addition: b(w.addition),
    // English: the review is the object of the verb, at most five words later.
    actionTarget: new RegExp(`${A}(?:\\s+[\\w'$%-]+){0,5}?\\s+${T}`, 'u'),
    targetAction: undefined,
    notAction: b(w.notAction, 'gu'),
    request: new RegExp(`\\b(?:${alt(w.request)})\\b|\\?\\s*$`, 'u'),
    requestWithNegation: b(w.requestWithNegation, 'gu'),
    negation: b(w.negation),
    unconditional: b(w.unconditional),
    oblique: undefined,
    thanks: b(w.thanks),
    reward: b(w.reward),
    remedy: b(w.remedy),
    rewardNearTarget: new RegExp(`${T}(?:\\s+[\\w'$%-]+){0,8}?\\s+\\b(?:${alt(w.reward)})\\b|\\b(?:${alt(w.reward)})\\b(?:\\s+[\\w'$%-]+){0,8}?\\s+${T}`, 'u'),
  };
}

const SENTENCE = /[.。!！?？;；\n]+/u;

// The {goodwill} check (reviewIn): words that make the review and the money unrelated, only where
// they govern the review; and the review named as the occasion (您在评价中提到…, 您的评价我们很重视,
// we read your review, your review mentions …), never when it is a positive or added one.
const UNRELATED_ZH =
  /(?:无论|不管|不论)[^，,。！？!?]{0,8}(?:评|星|分)|与[^，,。！？!?]{0,10}评[价论语分]?[^，,。！？!?]{0,4}(?:无关|没有任何关系|没有关系|没关系)|(?:不影响|不会影响|不干涉|不会干涉)[^，,。！？!?]{0,6}(?:评|星|分)|评[价论语分]?[^，,。！？!?]{0,6}(?:完全)?由您(?:自己)?决定|(?:不需要|无需|不必|不用|不会要求|不要求|绝不会要求|不会让您)[^，,。！？!?]{0,6}(?:修改|更改|改|删|追加|撤)[^，,。！？!?]{0,4}评/u;
const UNRELATED_EN =
  /\b(?:no matter|whatever|regardless of)\b[^.!?]{0,40}\b(?:review|rating|stars?|write)|\bnot (?:tied|linked|conditional)\b[^.!?]{0,24}\breview|\bnothing to do with\b[^.!?]{0,24}\breview|\b(?:do not|don't|no) need to (?:change|update|edit|remove|delete)\b[^.!?]{0,24}\breview|\b(?:does not|doesn't|won't|will not) (?:depend on|affect)\b[^.!?]{0,24}\breview/u;
const OCCASION_AFTER_ZH = /^(?:中|里)(?:提到|说|反映|写|讲)|^(?:我们|本店)(?:非常|很|已经|会)?(?:重视|收到|看到|认真)/u;
const OCCASION_BEFORE_EN = /\b(?:thank you for|thanks for|we (?:have )?read|sorry to see|we saw|we have seen)\s*$/u;
const OCCASION_AFTER_EN = /^\s*(?:says|mentions|said|mentioned)\b/u;
const CLAUSE_ZH = /[,，:：、]+/u;
// A clause telling what the shop has done (您的评价我们已经更新到质检记录): the shop's own act, not what an
// earlier clause's request (请您放心) asks the buyer for, so the request does not carry on into it.
const SHOP_DID_ZH = /(?:我们|我|本店|小店|咱们)(?:已经|已|都已|刚刚|刚|正在)/u;
const CLAUSE_EN = /[,:]+/u;
const HAN = /\p{Script=Han}/u;

export class Wording {
  private readonly zh: Compiled;
  private readonly en: Compiled;
  private readonly enImperative: RegExp;
  constructor(t: ShapeTable) {
    this.zh = compileZh(t.zh);
    this.en = compileEn(t.en);
    // An English sentence that starts with the action is itself a request ("Leave a review …").
    this.enImperative = new RegExp(`^\\s*(?:(?:${alt(t.en.request)})\\s+)?(?:${alt(t.en.action)})\\b`, 'u');
  }

  /**
   * The review a sentence names (its first review word, as written), unless the sentence says the
   * two are unrelated (无论您怎么评价, whatever you write) or names it only as the occasion
   * (看到您的评价, 感谢您的评价, thank you for your review); undefined when it names none.
   */
  reviewIn(sentence: string): string | undefined {
    const norm = sentence.normalize('NFKC').toLowerCase();
    const zh = HAN.test(norm);
    const c = zh ? this.zh : this.en;
    const s = zh ? norm.replace(/\s+/g, '') : norm.replace(/\s+/g, ' ');
    // "Unrelated" only when the words govern the review (无论您怎么评价, 与评价无关, 您不需要修改评价,
    // whatever you write in your review): 无论如何 or a bare "either way" elsewhere does not count,
    // and nothing makes money beside a positive or added review (好评后返…, 与评价无关) unrelated.
    const praisedAnywhere = c.positive.test(s) || c.addition.test(s);
    if (!praisedAnywhere && (zh ? UNRELATED_ZH : UNRELATED_EN).test(s)) return undefined;
    const all = new RegExp(c.target.source, 'gu');
    for (const m of s.matchAll(all)) {
      const word = m[0];
      const before = s.slice(0, m.index);
      const after = s.slice(m.index + word.length);
      // A positive or added review (好评, 五星, 追评, a 5-star review) is never just the occasion.
      const praised = c.positive.test(word) || c.addition.test(word);
      const occasion = zh
        ? Boolean(c.oblique?.test(before)) || OCCASION_AFTER_ZH.test(after)
        : OCCASION_BEFORE_EN.test(before) || OCCASION_AFTER_EN.test(after);
      if (occasion && !praised) continue;
      return word.trim();
    }
    return undefined;
  }

  /** An action on a review in a sentence (改成好评, 评价改好, update your review) that no clause negates; undefined when none. */
  actionOnReview(sentence: string): string | undefined {
    const norm = sentence.normalize('NFKC').toLowerCase();
    if (HAN.test(norm)) {
      const c = this.zh;
      const s = norm.replace(/\s+/g, '');
      if (UNRELATED_ZH.test(s)) return undefined;
      for (const raw of s.replace(SENTENCE, '').split(CLAUSE_ZH)) {
        const clause = raw.replace(c.notAction, '〇');
        if (clause === '' || c.negation.test(clause.replace(c.requestWithNegation, '〇'))) continue;
        const act = this.actZh(clause);
        if (act) return act;
      }
      return undefined;
    }
    const c = this.en;
    const s = norm.replace(/\s+/g, ' ').replace(c.notAction, '_');
    if (UNRELATED_EN.test(s) || c.negation.test(s.replace(c.requestWithNegation, '_'))) return undefined;
    return c.actionTarget.exec(s)?.[0];
  }

  /** The forbidden passages in a text (normalized: NFKC, lower case), each once; [] when clean. */
  check(text: string): string[] {
    const out: string[] = [];
    const norm = text.normalize('NFKC').toLowerCase();
    // Keep the sentence end: a question mark makes a sentence a request.
    for (const m of norm.matchAll(/[^.。!！?？;；\n]+[.。!！?？;；\n]*/gu)) {
      const s = m[0];
      const found = HAN.test(s) ? this.sentenceZh(s.replace(/\s+/g, '')) : this.sentenceEn(s.replace(/\s+/g, ' ').trim());
      for (const f of found) if (!out.includes(f)) out.push(f);
    }
    return out;
  }

  private sentenceZh(s: string): string[] {
    const c = this.zh;
    if (c.unconditional.test(s)) return [];
    const body = s.replace(SENTENCE, '');
    const found: string[] = [];
    let acted: string | undefined;
    // A request in an earlier clause of the sentence carries on to the next: 希望您给我们一个改正的机会，把差评撤了
    // asks in its first clause for what the second says (it passed before: 把差评撤了 alone holds no request word);
    // not into a clause telling what the shop has done (SHOP_DID_ZH).
    let askedBefore = false;
    for (const raw of body.split(CLAUSE_ZH)) {
      if (raw === '') continue;
      const clause = raw.replace(c.notAction, '〇');
      const requested = c.request.test(clause);
      const asked = requested || (askedBefore && !SHOP_DID_ZH.test(clause)) || /[?？]/.test(s);
      if (c.negation.test(clause.replace(c.requestWithNegation, '〇'))) continue;
      if (requested) askedBefore = true;
      const act = this.actZh(clause);
      if (act) acted ??= act;
      if (asked) {
        if (act && !c.thanks.test(clause)) found.push(act);
        else {
          const p = c.positive.exec(clause) ?? c.addition.exec(clause);
          if (p && !c.thanks.test(clause)) found.push(p[0]);
        }
      }
    }
    const reward = c.rewardNearTarget.exec(body);
    if (reward) found.push(reward[0]);
    if (acted && (reward || c.reward.test(body) || c.remedy.test(body)) && !found.includes(acted)) found.push(acted);
    return found;
  }

  /** An action whose object is the review (改成好评, 把差评删掉), as written; undefined when none. */
  private actZh(clause: string): string | undefined {
    const c = this.zh;
    const vo = c.actionTarget.exec(clause);
    if (vo) return vo[0];
    const tc = c.targetAction!.exec(clause);
    if (tc && !(c.oblique && c.oblique.test(clause.slice(0, tc.index)))) return tc[0];
    return undefined;
  }

  private sentenceEn(s: string): string[] {
    const c = this.en;
    if (c.unconditional.test(s)) return [];
    const cleaned = s.replace(c.notAction, '_');
    if (c.negation.test(cleaned.replace(c.requestWithNegation, '_'))) return [];
    const asked = c.request.test(cleaned) || this.enImperative.test(cleaned);
    const found: string[] = [];
    let acted: string | undefined;
    for (const clause of cleaned.replace(/[.!?;]+\s*$/, '').split(CLAUSE_EN)) {
      const vo = c.actionTarget.exec(clause.trim());
      if (vo) acted ??= vo[0];
    }
    if (asked && !c.thanks.test(cleaned)) {
      if (acted) found.push(acted);
      else {
        const p = c.positive.exec(cleaned) ?? c.addition.exec(cleaned);
        if (p) found.push(p[0]);
      }
    }
    const reward = c.rewardNearTarget.exec(cleaned);
    if (reward) found.push(reward[0]);
    if (acted && (reward || c.reward.test(cleaned) || c.remedy.test(cleaned)) && !found.includes(acted)) found.push(acted);
    return found;
  }
}

/** Add an operator's word lists to the shipped ones (entries are added, never removed). */
export function mergeShape(base: ShapeTable, extra: unknown): ShapeTable {
  if (typeof extra !== 'object' || extra === null) return base;
  const out = { zh: { ...base.zh }, en: { ...base.en } };
  for (const lang of ['zh', 'en'] as const) {
    const e = (extra as Record<string, unknown>)[lang];
    if (typeof e !== 'object' || e === null) continue;
    for (const k of Object.keys(out[lang]) as (keyof ShapeWords)[]) {
      const add = (e as Record<string, unknown>)[k];
      if (Array.isArray(add)) out[lang][k] = [...out[lang][k], ...add.filter((x): x is string => typeof x === 'string')];
    }
  }
  return out;
}
