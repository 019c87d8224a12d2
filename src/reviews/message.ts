// Message templates: the wording lint (RULES 2.2) and rendering. Pure.
import type { Lang } from '../errors.js';
import { fmtMoney } from '../money.js';
import type { TimeZone } from '../time.js';
import { type ForbiddenTable, PhraseList, prepare } from './keywords.js';
import { Wording, asWritten, normalizeWording } from './wording.js';
import type { QueueItem } from './types.js';

export interface TemplateText {
  zh: string;
  en: string;
}

export type TemplateSet = Record<string, TemplateText>;

export class Lint {
  private readonly list: PhraseList;
  private readonly wording: Wording | undefined;
  constructor(t: ForbiddenTable) {
    this.list = new PhraseList(t.phrases ?? []);
    this.wording = t.shape ? new Wording(t.shape) : undefined;
  }
  /**
   * The forbidden wording in a template, or [] when it is clean. RULES 2.2: a seller may not ask
   * for a review to be changed, added or removed, nor offer anything for a review. Placeholders
   * are blanked first, so `{goodwill}` next to a word cannot hide or make a phrase.
   */
  check(raw: string): string[] {
    // Read as the buyer reads it: hidden characters, line breaks inside a sentence, traditional
    // characters and full-width digits do not hide a phrase (normalizeWording).
    const text = normalizeWording(raw);
    const blanked = text.replace(/\{[a-zA-Z]+\}/g, '  ');
    const found = [...(this.wording?.check(blanked) ?? []), ...this.list.all(prepare(blanked))];
    // {goodwill} is money: in the same sentence as a review it ties the money to the review,
    // whatever the words around it (好评后返{goodwill}元, the {goodwill} yuan is sent once the
    // review is updated); and with it anywhere, no sentence may act on a review (评价改好后告诉我们。
    // {goodwill}元马上到账。). Sentences end at 。！？!? a line break or a full stop not before a digit
    // (5.0分 is one sentence), not at a comma or semicolon.
    if (this.wording && text.includes('{goodwill}')) {
      for (const m of text.matchAll(/(?:[^。！？!?.\n]|\.(?=\d))+[。！？!?.\n]*/gu)) {
        const s = m[0].replace(/\{[a-zA-Z]+\}/g, '  ');
        const review = m[0].includes('{goodwill}') ? this.wording.reviewIn(s) : undefined;
        if (review) found.push(`{goodwill} … ${review}`);
        else {
          const act = this.wording.actionOnReview(s);
          if (act) found.push(`${act} … {goodwill}`);
        }
      }
    }
    // Name each offending phrase once: "返现" inside "好评返现" is the same offence.
    const uniq = [...new Set(found)];
    return [...new Set(uniq.filter((f) => !uniq.some((g) => g !== f && g.toLowerCase().includes(f.toLowerCase()))).map((f) => asWritten(f, raw)))];
  }
}

export const PLACEHOLDERS = ['buyer', 'orderId', 'title', 'goodwill', 'issue', 'shop', 'contactBy', 'explainBy', 'complaintBy', 'reviewedAt', 'reviewText', 'safetyContact'] as const;

const ISSUE: Record<string, TemplateText> = {
  logistics: { zh: '物流', en: 'delivery' },
  quality: { zh: '商品质量', en: 'product quality' },
  not_as_described: { zh: '商品与描述不符', en: 'the item not matching its description' },
  service: { zh: '服务', en: 'our service' },
  price: { zh: '价格', en: 'the price' },
  other: { zh: '这次购物', en: 'this order' },
};

export function render(template: string, item: QueueItem, lang: Lang, tz: TimeZone, shop: TemplateText, safetyContact = ''): string {
  const primary = item.categories[0] ?? 'other';
  const values: Record<string, string> = {
    buyer: item.buyer || (lang === 'zh' ? '亲' : 'there'),
    orderId: item.orderId,
    title: item.title || (lang === 'zh' ? '您购买的商品' : 'your item'),
    goodwill: fmtMoney(item.goodwill),
    issue: (ISSUE[primary] ?? ISSUE.other!)[lang],
    shop: shop[lang],
    // A complaint row has no contact deadline (queue.ts): the placeholder is then empty.
    contactBy: item.contactBy === null ? '' : tz.format(item.contactBy),
    explainBy: tz.format(item.explainBy),
    complaintBy: tz.format(item.complaintBy),
    // Never a guessed time to the buyer: a date alone is written as the date, a time without
    // seconds to the minute (docs/rules.md §2.3).
    reviewedAt: tz.format(item.reviewedAt).slice(0, (item.reviewedAtSlack ?? 0) >= 3_600_000 ? 10 : (item.reviewedAtSlack ?? 0) > 0 ? 16 : 19),
    reviewText: [item.text, item.followUpText].filter((t) => t !== '').join(' / '),
    safetyContact,
  };
  return template.replace(/\{([a-zA-Z]+)\}/g, (all, k: string) => values[k] ?? all);
}

/** Placeholders a template uses that storeops does not fill (likely typos). */
export function unknownPlaceholders(template: string): string[] {
  const out = new Set<string>();
  for (const m of template.matchAll(/\{([a-zA-Z]+)\}/g)) if (!(PLACEHOLDERS as readonly string[]).includes(m[1]!)) out.add(m[1]!);
  return [...out];
}
