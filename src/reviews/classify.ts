// Why a review needs follow-up, what it is about, and hints that it may be malicious (RULES §2.1).
// Pure: takes the review and the compiled keyword tables.
import { type Category, type Matchers, type Prepared, prepare } from './keywords.js';
import type { Review } from './types.js';

export interface Flagging {
  /** Why the review is in the queue; empty = no follow-up needed. */
  reasons: string[];
  categories: Category[];
  /** Safety words found (burns, allergy, electric shock …); they raise the priority. */
  safety: string[];
  /** Extortion wording found (恶意评价 hint, RULES 2.1). */
  extortion: string[];
  /** Which part holds the extortion wording: the complaint about it is due within 30 days of that part (RULES 2.3). */
  extortionIn: { review: boolean; followUp: boolean };
  /** The first review (rating, DSR, its text) is part of why the item is flagged. */
  initialFlagged: boolean;
  followUpFlagged: boolean;
  /** Severity points for the priority (see priority.ts). */
  severity: number;
  /**
   * The flagged words doubt the goods are genuine (假货, 不是正品, 仿品 …; their denials 不是假货,
   * 保证正品 cut out first): still category not_as_described (docs/rules.md §2.1), but the message
   * is contact-counterfeit, which asks for photos and promises a checked answer, not colour or size.
   */
  counterfeit: boolean;
}

/**
 * A safety word right after a negation says the harm did not happen: 不会割到手, 没有红疹, 不冒烟,
 * 没有出现过敏, 防烫伤. Only directly before it (a connecting 被/再/出现/发生/引起/导致/造成/会/起/长/出 allowed
 * between), so 不小心烫伤了, 没几天就漏电了, 不停冒烟 stay complaints (user5: a 好评 saying 不会割到手 was
 * priority 1, escalated as a safety complaint).
 */
const NEGATED_BEFORE = /(?:没有|没|不会|不|无|未|防|从不|从没|不再|不怕|担心|避免|防止|以免|不易|不容易)(?:被|再|出现|发生|引起|导致|造成|会|起|长|出)?$/;

/** The safety words found that are not only ever said not to have happened (English ones as found). */
function notNegated(words: string[], p: Prepared): string[] {
  return words.filter((w) => {
    const k = w.normalize('NFKC').toLowerCase().replace(/[\s\u3000]+/g, '');
    if (/^[\x20-\x7e]*$/.test(k)) return true;
    let i = p.tight.indexOf(k);
    if (i < 0) return true;
    for (; i >= 0; i = p.tight.indexOf(k, i + 1)) if (!NEGATED_BEFORE.test(p.tight.slice(Math.max(0, i - 6), i))) return true;
    return false;
  });
}

/**
 * docs/rules.md §2.1 (text41): a bad review threatened unless the shop ships — 再不发货就差评,
 * 不给我发货就差评, 赶紧发货，不然差评 — is no extortion: shipping is what the order already owes, no
 * benefit beyond it, and a review exists only once the goods came, so it tells of a real delay (a
 * logistics complaint, followed up by contacting the buyer). The condition is the hit itself up to its
 * 差评/中评/投诉 (不给我发货就差评) or, for 否则/不然/要不然, the clause before it (赶紧发货，不然差评). It
 * is shipping only when it names 发货/发出/寄出/出库 and nothing else the shop is asked for (退 赔 补 钱 偿 返
 * 处理 解决 换 改: 不发货也不退款就差评 and 不补发就差评 stay extortion). Each place the hit stands is
 * judged; one that is not shipping only keeps it.
 */
const SHIP_CONDITION = /发货|发出|寄出|出库/;
const OTHER_DEMAND = /[退赔补钱偿返换改]|处理|解决/;
/**
 * docs/rules.md §2.1 (text42): an invoice is owed as shipping is — the shop must issue one when the
 * buyer asks (电子商务法 第十四条; 发票管理办法 第十九条) — so a bad review threatened unless it is
 * issued (不给开发票就差评, 不给我开发票就给差评, 赶紧开发票，不然差评) is no extortion either: a service
 * complaint, followed up by contacting the buyer. The invoice words (开发票, 补开发票, 重开发票, 开具增值税
 * 专用发票, 专票, 普票, 开票) are taken out of the condition before it is looked at for another demand (补开
 * holds 补): 不开发票也不退款就差评 stays extortion.
 */
const INVOICE = /(?:补开|重开|开具|开)?(?:电子|增值税|专用|普通)*(?:发票|专票|普票)|开票/g;
const OTHERWISE = /^(?:要不然|否则|不然)/;
const CLAUSE_END = /[,.!?;。！？；、~…]+$/;

/** The threat's condition asks only what the order already owes: shipping (text41) or an invoice (text42). */
function shippingOnly(hit: string, p: Prepared): boolean {
  const key = hit.normalize('NFKC').toLowerCase().replace(/[\s\u3000]+/g, '');
  let i = p.tight.indexOf(key);
  if (i < 0) return false;
  for (; i >= 0; i = p.tight.indexOf(key, i + 1)) {
    let condition: string;
    if (OTHERWISE.test(key)) {
      const before = p.tight.slice(0, i).replace(CLAUSE_END, '');
      condition = before.slice(Math.max(...[',', '.', '!', '?', ';', '。', '！', '？', '；'].map((c) => before.lastIndexOf(c))) + 1);
    } else {
      condition = key.replace(/(?:差评|中评|投诉).*$/, '');
    }
    const rest = condition.replace(INVOICE, '');
    if (!(SHIP_CONDITION.test(condition) || rest !== condition) || OTHER_DEMAND.test(rest)) return false;
  }
  return true;
}

/** DSR scores of 3 or below are flagged (SPEC reviews). */
export const DSR_FLAG_AT_OR_BELOW = 3;

// Severity points, documented in the README ("How the priority is scored").
export const SEVERITY = { negative: 5, negativeFollowUp: 4, neutral: 2, negativeText: 2, lowDsr: 1 } as const;

/**
 * Whether classify() would flag the review, answered with as little work as possible (most reviews
 * are positive and are only read to be dropped): the same tests, stopping at the first that says yes.
 */
export function needsFollowUp(r: Review, m: Matchers): boolean {
  if (r.rating === 'bad' || r.rating === 'neutral') return true;
  const { description, service, logistics } = r.dsr;
  if ((description !== null && description <= DSR_FLAG_AT_OR_BELOW) || (service !== null && service <= DSR_FLAG_AT_OR_BELOW) || (logistics !== null && logistics <= DSR_FLAG_AT_OR_BELOW)) return true;
  if (r.text !== '') {
    const t = prepare(r.text, m.neutralizers);
    if (m.negative.any(t) || (m.safety.any(t) && notNegated(m.safety.all(t), t).length > 0)) return true;
  }
  if (r.followUpText !== '') {
    const f = prepare(r.followUpText, m.neutralizers);
    if (m.negative.any(f) || (m.safety.any(f) && notNegated(m.safety.all(f), f).length > 0)) return true;
  }
  return false;
}

export function classify(r: Review, m: Matchers): Flagging {
  const reasons: string[] = [];
  let severity = 0;
  let initialFlagged = false;
  let followUpFlagged = false;
  const text = prepare(r.text, m.neutralizers);
  const fu = prepare(r.followUpText, m.neutralizers);

  if (r.rating === 'bad') {
    reasons.push('negative_rating');
    severity = Math.max(severity, SEVERITY.negative);
    initialFlagged = true;
  } else if (r.rating === 'neutral') {
    reasons.push('neutral_rating');
    severity = Math.max(severity, SEVERITY.neutral);
    initialFlagged = true;
  }
  for (const k of ['description', 'service', 'logistics'] as const) {
    const v = r.dsr[k];
    if (v !== null && v <= DSR_FLAG_AT_OR_BELOW) {
      reasons.push(`low_dsr_${k}=${v}`);
      severity = Math.max(severity, SEVERITY.lowDsr);
      initialFlagged = true;
    }
  }
  const safetyInitial = notNegated(m.safety.all(text), text);
  const safetyFollow = notNegated(m.safety.all(fu), fu);
  // A positive (or unrated) review whose words are plainly negative still needs a call.
  if (r.rating !== 'bad' && r.rating !== 'neutral' && (m.negative.first(text) !== undefined || safetyInitial.length > 0)) {
    reasons.push('negative_text');
    severity = Math.max(severity, SEVERITY.negativeText);
    initialFlagged = true;
  }
  if (r.followUpText !== '' && (m.negative.first(fu) !== undefined || safetyFollow.length > 0)) {
    reasons.push('negative_follow_up');
    severity = Math.max(severity, SEVERITY.negativeFollowUp);
    followUpFlagged = true;
  }
  const safety = [...new Set([...safetyInitial, ...safetyFollow])];
  if (safety.length > 0 && (initialFlagged || followUpFlagged)) reasons.push('safety');

  const extortionReview = m.extortion.all(text).filter((h) => !shippingOnly(h, text));
  const extortionFollowUp = m.extortion.all(fu).filter((h) => !shippingOnly(h, fu));
  const extortion = [...new Set([...extortionReview, ...extortionFollowUp])];
  const extortionIn = { review: extortionReview.length > 0, followUp: extortionFollowUp.length > 0 };

  const cats = new Set<Category>();
  const scan = (p: Prepared) => {
    for (const [c, list] of m.categories) if (list.first(p) !== undefined) cats.add(c);
  };
  if (initialFlagged) scan(text);
  if (followUpFlagged) scan(fu);
  const counterfeit = (initialFlagged && m.counterfeit.any(text)) || (followUpFlagged && m.counterfeit.any(fu));
  if (safety.length > 0) cats.add('quality');
  // A low DSR with no words still says what went wrong.
  if (cats.size === 0) {
    const low = (v: number | null) => v !== null && v <= DSR_FLAG_AT_OR_BELOW;
    if (low(r.dsr.description)) cats.add('not_as_described');
    if (low(r.dsr.logistics)) cats.add('logistics');
    if (low(r.dsr.service)) cats.add('service');
  }
  const order: Category[] = ['quality', 'not_as_described', 'logistics', 'service', 'price'];
  const categories = order.filter((c) => cats.has(c));
  if (categories.length === 0) categories.push('other');

  if (reasons.length === 0) return { reasons, categories: [], safety: [], extortion: [], extortionIn: { review: false, followUp: false }, initialFlagged, followUpFlagged, severity: 0, counterfeit: false };
  return { reasons, categories, safety, extortion, extortionIn, initialFlagged, followUpFlagged, severity, counterfeit };
}
