// Message templates: the wording lint (RULES 2.2) and rendering. Pure.
import type { Lang } from '../errors.js';
import { fmtMoney } from '../money.js';
import { DAY_MS, PLATFORM_TZ, type TimeZone } from '../time.js';
import { type ForbiddenTable, PhraseList, prepare } from './keywords.js';
import { Wording, asWritten, normalizeWording } from './wording.js';
import type { QueueItem } from './types.js';
import type { Platform } from '../orders/types.js';

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

export const PLACEHOLDERS = ['buyer', 'orderId', 'title', 'goodwill', 'issue', 'shop', 'contactBy', 'explainBy', 'complaintBy', 'reviewedAt', 'reviewText', 'safetyContact', 'returnPromise', 'logisticsCheck', 'complaintEntry'] as const;

/**
 * Whether the 7-day no-reason return still runs when the message is sent: it runs for 7 days from
 * the day after the buyer signed (签收次日起算; 《网络购买商品七日无理由退货暂行办法》第七条, docs/rules.md §2.1 and §5),
 * Beijing days, so it ends at 00:00 Beijing time on the 8th day after the signing day: signed
 * 2026-11-20 (any time that day), still valid until 2026-11-27 23:59:59, gone from 2026-11-28 00:00.
 * Unknown (no sign time in the review file, or no send time): false, never a promise it cannot check.
 */
export function sevenDayReturnOpen(signedAt: number | undefined, asOf: number | undefined): boolean {
  if (signedAt === undefined || asOf === undefined) return false;
  return asOf < sevenDayReturnEnd(signedAt);
}

/** The first moment the 7-day return no longer runs: 00:00 Beijing on the 8th day after the signing day. */
export function sevenDayReturnEnd(signedAt: number): number {
  // Beijing has no daylight saving: 8 days are 8 × 24 h.
  return PLATFORM_TZ.startOfDay(signedAt) + 8 * DAY_MS;
}

const RETURN_PROMISE: Record<'open' | 'unknown', TemplateText> = {
  open: { zh: '七天无理由退货照常有效', en: 'and the 7-day no-reason return still applies' },
  unknown: { zh: '其他售后需要我们也会协助您办理', en: 'and we will help with any other after-sales need' },
};

// A 发货慢 complaint is the shop's own delay (the parcel left late), not the courier's: the message
// must not blame the courier for it. 快递慢/物流慢/配送慢 is about the journey.
const DISPATCH_SLOW = /发货(?:速度)?(?:太|很|也|真|特别|非常|超|有点|有些|比较|实在)*(?:慢|晚|迟|拖)|(?:迟迟|一直|好久|很久|久久|还|都)(?:不|没|没有|未)发(?:货|出)|拖着不发|(?:延迟|推迟|延期)发货|晚发货|天才发(?:货|出)|ship(?:ped|ping)?(?:too|very|so)?(?:late|slow)|slowtoship|dispatch(?:ed)?(?:too|very|so)?(?:late|slow)|slowdispatch|tookages?toship|(?:not|never)(?:been)?shipped/;
const COURIER_SLOW = /(?:快递|物流|配送|送货|派送|运输|派件|到货|收货)(?:速度)?(?:太|很|也|真|特别|非常|超|有点|有些|比较|实在)*(?:慢|晚|久)|快递员|驿站|在路上|courier|delivery(?:was)?(?:too|very|so)?slow|slowdelivery|arrivedlate|deliveredlate/;

const LOGISTICS_CHECK: Record<'dispatch' | 'courier' | 'both' | 'unknown', TemplateText> = {
  dispatch: { zh: '这单是我们发货晚了, 是我们自己的延误, 我们正在查明原因并改进发货安排', en: 'This order left us late, which is our own delay; we are finding out why and fixing how we dispatch' },
  courier: { zh: '我们已经在向快递公司核实这次运输的情况', en: 'We are checking with the courier what happened' },
  both: { zh: '这单是我们发货晚了, 是我们自己的延误, 我们正在查明原因并改进发货安排; 运输途中的情况我们也在向快递公司核实', en: 'This order left us late, which is our own delay, and we are fixing how we dispatch; we are also checking with the courier about the journey' },
  unknown: { zh: '我们正在核实这单从我们发货到送达的每个环节', en: 'We are checking every step of this order, from our dispatch to the delivery' },
};

/** What a logistics complaint is about: the shop's slow dispatch, the courier's journey, both, or not said. */
export function logisticsKind(text: string): 'dispatch' | 'courier' | 'both' | 'unknown' {
  const t = normalizeWording(text).toLowerCase().replace(/\s+/g, '');
  const dispatch = DISPATCH_SLOW.test(t);
  // 发货慢 also holds 货慢; 发货太慢 is not a courier complaint: the dispatch words are taken out first.
  const courier = COURIER_SLOW.test(t.replace(new RegExp(DISPATCH_SLOW.source, 'g'), '|'));
  return dispatch && courier ? 'both' : dispatch ? 'dispatch' : courier ? 'courier' : 'unknown';
}

/**
 * {complaintEntry} (complaint-extortion): where the complaint about a review is filed, in the words of
 * the buyer's platform. Taobao/Tmall's 卖家中心「评价管理 - 投诉」 as the template said until text45 for
 * every shop. For 抖店 and 拼多多 neither /work/shared/RULES.md, FORMATS.md nor the seeds name the menu,
 * so it is said generically (that platform's back office, its review complaint entry), never a made-up
 * menu path; the back offices are named as src/backoffice.ts BACK_OFFICE names them. Unknown platform (a sheet
 * that does not tell, no --orders): the generic words, with Taobao/Tmall's entry as the example.
 */
export const COMPLAINT_ENTRY: Readonly<Record<Platform | 'unknown', TemplateText>> = {
  taobao: { zh: '卖家中心「评价管理 - 投诉」', en: 'the Taobao/Tmall seller centre (卖家中心「评价管理 - 投诉」: review management - complaint)' },
  douyin: { zh: '抖店后台的评价投诉入口', en: "the Douyin shop back office's (抖店后台) review complaint entry" },
  pdd: { zh: '拼多多商家后台的评价投诉入口', en: "the Pinduoduo merchant back office's (拼多多商家后台) review complaint entry" },
  unknown: {
    zh: '店铺所在平台商家后台的评价投诉入口 (淘宝/天猫: 卖家中心「评价管理 - 投诉」)',
    en: "your platform's shop back office, its review complaint entry (Taobao/Tmall: the seller centre's 卖家中心「评价管理 - 投诉」)",
  },
};

/**
 * The complaint-extortion step as the shipped template wrote it until text45, word for word: a copy
 * `storeops init` put in storeops-templates/ (reviews.templates) still has it, and would keep sending
 * a 抖店 or 拼多多 shop to Tmall's 卖家中心. Read as {complaintEntry}.
 */
const OLD_COMPLAINT_ENTRY: readonly [string, string][] = [
  ['通过卖家中心「评价管理 - 投诉」以', '通过{complaintEntry}以'],
  ['file a complaint in the seller centre (review management - complaint) as', 'file a complaint through {complaintEntry} as'],
];

const ISSUE: Record<string, TemplateText> = {
  logistics: { zh: '物流', en: 'delivery' },
  quality: { zh: '商品质量', en: 'product quality' },
  not_as_described: { zh: '商品与描述不符', en: 'the item not matching its description' },
  service: { zh: '服务', en: 'our service' },
  price: { zh: '价格', en: 'the price' },
  other: { zh: '这次购物', en: 'this order' },
};

/**
 * `asOf`: when the message is sent (the run's --as-of); without it nothing time-bound is promised.
 * `platform`: the buyer's platform ({complaintEntry}), undefined when nothing tells.
 */
export function render(template: string, item: QueueItem, lang: Lang, tz: TimeZone, shop: TemplateText, safetyContact = '', asOf?: number, platform?: Platform): string {
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
    returnPromise: RETURN_PROMISE[sevenDayReturnOpen(item.signedAt, asOf) ? 'open' : 'unknown'][lang],
    logisticsCheck: LOGISTICS_CHECK[logisticsKind(`${item.text}\n${item.followUpText}`)][lang],
    complaintEntry: COMPLAINT_ENTRY[platform ?? 'unknown'][lang],
  };
  const t = platform === 'taobao' ? template : OLD_COMPLAINT_ENTRY.reduce((acc, [old, now]) => acc.split(old).join(now), template);
  return t.replace(/\{([a-zA-Z]+)\}/g, (all, k: string) => values[k] ?? all);
}

/** Placeholders a template uses that storeops does not fill (likely typos). */
export function unknownPlaceholders(template: string): string[] {
  const out = new Set<string>();
  for (const m of template.matchAll(/\{([a-zA-Z]+)\}/g)) if (!(PLACEHOLDERS as readonly string[]).includes(m[1]!)) out.add(m[1]!);
  return [...out];
}
