// What each command tells the group, built from the command's result after its output is
// written. Pure: the clock (asOf) and the zone come in; money stays exact decimal text.
import crypto from 'node:crypto';
import { type Lang, plural } from '../errors.js';
import { type Money, ZERO, fmtMoney } from '../money.js';
import { type TimeZone, zoneWords } from '../time.js';
import { tenths } from '../io/columns.js';
import { CATEGORY_ZH } from '../reviews/codes.js';
import { maskNamesIn, scrubPii } from '../io/pii.js';
import { fmtHours } from '../roster/render.js';
import type { Notice, NoticeItem } from './types.js';
import type { Platform } from '../orders/types.js';

const T = <A extends unknown[]>(zh: (...a: A) => string, en: (...a: A) => string) => ({ zh, en });
const pick = <A extends unknown[]>(t: { zh: (...a: A) => string; en: (...a: A) => string }, lang: Lang, ...a: A) => (lang === 'zh' ? t.zh(...a) : t.en(...a));

/** "11-20 14:00": the day and time in the shop's zone, short enough for a chat line. */
function short(tz: TimeZone, t: number): string {
  return tz.format(t).slice(5, 16);
}

/** A summary's "as of" time, with its zone: the group may read it anywhere (user26: posted from a server in Los Angeles, "截至 2026-11-19 06:00" named no zone). */
type At = { zh: string; en: string };
function asOfShown(tz: TimeZone, t: number): At {
  const at = tz.format(t).slice(0, 16);
  const z = zoneWords(tz);
  return { zh: `${z.zh} ${at}`, en: `${at} ${z.en}` };
}

/** Hours left (h ≥ 0, rounded down) or hours late (h < 0, rounded up), to the tenth, as the tables show them. */
function hours(h: number): string {
  return tenths(Math.abs(h), h < 0 ? 'up' : 'down').toFixed(1);
}

function s(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * The shops a run's orders name, as a title shows them: at most 3, then "等 N 家" / "+N more". Each
 * is the 店铺名称 where the export gives one, else the 店铺Id, a phone in it masked (shownNick, as
 * the output's shop column). undefined when the export names none (抖店, 拼多多): the config's then.
 */
export function shopsShown(names: readonly string[], lang: Lang): string | undefined {
  if (names.length === 0) return undefined;
  const shown = names.slice(0, 3).join(lang === 'zh' ? '、' : ', ');
  const more = names.length - 3;
  return more > 0 ? (lang === 'zh' ? `${shown} 等 ${names.length} 家` : `${shown} +${more} more`) : shown;
}

export interface AtRiskEntry {
  orderId: string;
  title: string;
  deadline: number;
  hoursLeft: number;
  risk: 'late' | 'at_risk';
  /** null: the order's paid amount is empty, so what lateness costs is unknown. */
  costIfLate: Money | null;
  /** The order's receiver names (its lines' too), masked in the title wherever they appear. */
  receivers?: readonly string[];
}

const AT_RISK = {
  title: T((n: number, h: number) => `storeops 发货预警: ${n} 个订单已超时或 ${h} 小时内到期`, (n: number, h: number) => `storeops shipping alert: ${s(n, 'order')} late or due within ${h} h`),
  summary: T(
    (n: number, late: number, h: number, cost: string, rules: string, asOf: At) => `截至${asOf.zh}: ${n} 个未发货订单已超时或将在 ${h} 小时内超时 (其中已超时 ${late} 个); 若延迟约赔 ${cost} 元 (规则 ${rules})。`,
    (n: number, late: number, h: number, cost: string, rules: string, asOf: At) => `As of ${asOf.en}: ${s(n, 'unshipped order')} late or due within ${h} h (${late} already late); if late they cost about ${cost} (rules ${rules}).`,
  ),
  late: T((id: string, d: string, h: string, c: string) => `订单 ${id} 已超时 ${h} 小时 (截止 ${d}), 赔 ${c} 元`, (id: string, d: string, h: string, c: string) => `order ${id} is ${h} h late (due ${d}), costs ${c}`),
  soon: T((id: string, d: string, h: string, c: string) => `订单 ${id} 截止 ${d} (还剩 ${h} 小时), 若延迟赔 ${c} 元`, (id: string, d: string, h: string, c: string) => `order ${id} due ${d} (${h} h left), costs ${c} if late`),
};

/** compensate --at-risk (RULES §1): orders going late, most urgent first, with what lateness costs. */
export function atRiskNotice(rows: AtRiskEntry[], o: { lang: Lang; tz: TimeZone; asOf: number; withinHours: number; rules: string }): Notice {
  const cost = rows.reduce((t, r) => (r.costIfLate === null ? t : t.plus(r.costIfLate)), ZERO);
  const late = rows.filter((r) => r.risk === 'late').length;
  return {
    topic: 'at_risk',
    lang: o.lang,
    title: pick(AT_RISK.title, o.lang, rows.length, o.withinHours),
    summary: pick(AT_RISK.summary, o.lang, rows.length, late, o.withinHours, fmtMoney(cost), o.rules, asOfShown(o.tz, o.asOf)),
    items: rows.map((r) => ({
      // An order told "due soon" is news again when it turns late.
      key: `at_risk:${r.orderId}:${r.risk}`,
      // No paid amount: the cost is shown as "?" (not 0.00) and the item carries no amount.
      text: pick(r.risk === 'late' ? AT_RISK.late : AT_RISK.soon, o.lang, r.orderId, short(o.tz, r.deadline), hours(r.hoursLeft), r.costIfLate === null ? '?' : fmtMoney(r.costIfLate)) + (r.title ? ` · ${maskNamesIn(scrubPii(r.title), r.receivers)}` : ''),
      amount: r.costIfLate === null ? undefined : fmtMoney(r.costIfLate),
    })),
  };
}

export interface VoucherEntry {
  voucherKey: string;
  buyer: string;
  amount: Money;
  orderIds: string[];
  capped: boolean;
  /** Recorded by this run (--record): the next run counts it as recorded before, so the group hears of it until delivered. */
  keep?: boolean;
}

const VOUCHERS = {
  // A platform-deducts rule set (douyin-2025) issues nothing: its title says what the platform deducts
  // ("0 vouchers to issue" over 62.00 deducted read as nothing to do; rev51).
  title: T(
    (n: number, d: Deducted) => (n === 0 && (d.n || d.provN) ? `storeops 延迟发货赔付: 平台将扣款 ${d.n} 笔共 ${d.total} 元${d.provN ? `, 待定 ${d.provN} 笔` : ''}` : `storeops 延迟发货赔付: ${n} 个红包待发`),
    (n: number, d: Deducted) =>
      n === 0 && (d.n || d.provN) ? `storeops late-shipment compensation: ${d.n} to be deducted by the platform, ${d.total}${d.provN ? `, ${d.provN} provisional` : ''}` : `storeops late-shipment vouchers: ${s(n, 'voucher')} to issue`,
  ),
  summary: T(
    (n: number, total: string, prov: number, rules: string, d: Deducted) =>
      `本次共 ${n} 个确定的红包, 合计 ${total} 元 (规则 ${rules})${prov ? `; 另有 ${prov} 个待定 (订单未发货), 未列出` : ''}` +
      `${d.n ? `; 平台将从店铺扣款 ${d.n} 笔共 ${d.total} 元 (无需发放, 仅对账)` : ''}${d.provN ? `; 待定扣款 ${d.provN} 笔, 目前计 ${d.provTotal} 元` : ''}。`,
    (n: number, total: string, prov: number, rules: string, d: Deducted) =>
      `${s(n, 'final voucher')} totalling ${total} (rules ${rules})${prov ? `; ${prov} provisional (orders still unshipped), not listed` : ''}` +
      `${d.n ? `; ${d.n} to be deducted by the platform totalling ${d.total} (nothing to issue; reconcile only)` : ''}${d.provN ? `; ${s(d.provN, 'provisional deduction')} of ${d.provTotal} so far` : ''}.`,
  ),
  item: T(
    (buyer: string, amount: string, ids: string, capped: boolean) => `${buyer || '(无买家名)'}: ${amount} 元${capped ? ' (已封顶)' : ''} · 订单 ${ids}`,
    (buyer: string, amount: string, ids: string, capped: boolean) => `${buyer || '(no buyer name)'}: ${amount}${capped ? ' (capped)' : ''} · orders ${ids}`,
  ),
  deduction: T(
    (buyer: string, amount: string, ids: string) => `${buyer || '(无买家名)'}: 平台扣款 ${amount} 元 (无需发放) · 订单 ${ids}`,
    (buyer: string, amount: string, ids: string) => `${buyer || '(no buyer name)'}: ${amount} deducted by the platform (nothing to issue) · orders ${ids}`,
  ),
};

/**
 * A final amount the platform deducts from the shop (douyin-2025, payer platform-deducts): an item of
 * the voucher alert, so that the default --notify-on new tells each once (keyed by its amount too, so a
 * changed one is told again). No `amount` on the item: the message's "N new (total X)" is money to issue.
 */
export interface DeductionEntry {
  voucherKey: string;
  buyer: string;
  amount: Money;
  orderIds: string[];
}

/**
 * What a platform-deducts rule set (douyin-2025) will charge the shop, as the run's summary counts it:
 * final (n, total) and provisional so far (provN, provTotal). Said in the alert's summary line (user27:
 * a 抖店 shop's alert said "0 final vouchers totalling 0.00" while 62.00 was to be deducted); not items.
 */
export interface Deducted {
  n: number;
  total: string;
  provN: number;
  provTotal: string;
}

const NO_DEDUCTION: Deducted = { n: 0, total: '0.00', provN: 0, provTotal: '0.00' };

/** compensate: final vouchers to issue (RULES 1.2–1.4). Provisional ones may still change and are only counted. */
export function vouchersNotice(finals: VoucherEntry[], o: { lang: Lang; provisional: number; rules: string; seen?: ReadonlySet<string>; deducted?: Deducted; deductions?: readonly DeductionEntry[] }): Notice {
  const total = finals.reduce((t, v) => t.plus(v.amount), ZERO);
  return {
    topic: 'vouchers',
    lang: o.lang,
    title: pick(VOUCHERS.title, o.lang, finals.length, o.deducted ?? NO_DEDUCTION),
    summary: pick(VOUCHERS.summary, o.lang, finals.length, fmtMoney(total), o.provisional, o.rules, o.deducted ?? NO_DEDUCTION),
    items: finals.map((v): NoticeItem => ({
      key: `voucher:${v.voucherKey}`,
      // A group chat is read by more people than the output file: a phone, id-card number or address
      // in a title or a buyer name (a shifted row, a nick that is a phone number) is masked there
      // whatever --show-pii says (the files it governs are the operator's own).
      text: pick(VOUCHERS.item, o.lang, scrubPii(v.buyer), fmtMoney(v.amount), v.orderIds.join(';'), v.capped),
      amount: fmtMoney(v.amount),
      ...(v.keep ? { keep: true } : {}),
    })).concat(
      (o.deductions ?? []).map((d) => ({
        key: `deduction:${d.voucherKey}@${fmtMoney(d.amount)}`,
        text: pick(VOUCHERS.deduction, o.lang, scrubPii(d.buyer), fmtMoney(d.amount), d.orderIds.join(';')),
      })),
    ),
    // A voucher held for a robot whose URL the operator has since replaced goes to this run's robots
    // when this run's export holds it (`voucher:<key>` or a top-up's `voucher:<key>@<amount>`): never
    // another shop's, sharing the state database, whose export this is not.
    ...(o.seen ? { adopts: (key: string) => key.startsWith('voucher:') && o.seen!.has(key.slice('voucher:'.length).replace(/@.*$/, '')) } : {}),
  };
}

export interface ReviewEntry {
  orderId: string;
  rating: 'good' | 'neutral' | 'bad' | null;
  priority: number;
  action: string;
  attempts: number;
  /** null on a complaint row (no contact planned); such rows are never in the contact-now notice. */
  contactBy: number | null;
  /** Deadlines already missed (empty when none). */
  overdue: readonly string[];
  assignee: string;
  categories: readonly string[];
  /** Who the buyer is for the contact rules (queue.ts buyerKey): the title counts buyers, not reviews. */
  buyerKey?: string;
  /** `safety` for a health or safety complaint (README "Safety first"): said in the item itself. */
  escalate?: readonly string[];
  /** The shop the review file or the order export names (店铺名称; masked), as the greeting takes it first. */
  shop?: string;
  /** The review's platform (the order export's, else the review row's), when known. */
  platform?: Platform;
}

const RATING = { zh: { good: '好评', neutral: '中评', bad: '差评' }, en: { good: 'positive', neutral: 'neutral', bad: 'negative' } } as const;

const REVIEWS = {
  title: T((n: number) => `storeops 评价跟进: 现在要联系 ${n} 位买家`, (n: number) => `storeops review follow-up: ${s(n, 'buyer')} to contact now`),
  summary: T(
    (n: number, reviews: number, open: number, overdue: number, asOf: At) =>
      `截至${asOf.zh}: 现在要联系 ${n} 位买家${reviews !== n ? ` (${reviews} 条评价)` : ''}; 队列中需跟进 ${open} 条, 逾期 ${overdue} 条。`,
    (n: number, reviews: number, open: number, overdue: number, asOf: At) =>
      `As of ${asOf.en}: ${s(n, 'buyer')} to contact now${reviews !== n ? ` (${s(reviews, 'review')})` : ''}; ${open} in the follow-up queue, ${overdue} overdue.`,
  ),
  item: T(
    (id: string, rating: string, p: number, cats: string, by: string, who: string, again: boolean, overdue: boolean, safety: boolean) =>
      `${safety ? '健康/安全投诉, 需上报 · ' : ''}订单 ${id} · ${rating} · 优先级 ${p}${cats ? ` · ${cats}` : ''} · ${again ? '再次联系' : '首次联系'}, 期限 ${by}${overdue ? ' (已逾期)' : ''}${who ? ` → ${who}` : ''}`,
    (id: string, rating: string, p: number, cats: string, by: string, who: string, again: boolean, overdue: boolean, safety: boolean) =>
      `${safety ? 'health or safety complaint, escalate · ' : ''}order ${id} · ${rating} · priority ${p}${cats ? ` · ${cats}` : ''} · ${again ? 'follow up' : 'first contact'} by ${by}${overdue ? ' (overdue)' : ''}${who ? ` → ${who}` : ''}`,
  ),
};

/** Review actions that mean "contact the buyer now" (RULES §2 contact policy). */
export const CONTACT_NOW = new Set(['contact_now', 'follow_up']);

/** reviews queue: buyers to contact now, in queue order (most urgent first). */
export function reviewsNotice(items: ReviewEntry[], o: { lang: Lang; tz: TimeZone; asOf: number }): Notice {
  const now = items.filter((i) => CONTACT_NOW.has(i.action));
  // One buyer with two reviews is one conversation (RULES 2.2: the limits are per buyer).
  const buyers = new Set(now.map((i) => i.buyerKey ?? `order:${i.orderId}`)).size;
  const open = items.filter((i) => i.action !== 'none').length;
  const overdue = items.filter((i) => i.overdue.length > 0).length;
  // The title's shop(s): those of the buyers listed, as their messages greet them (text45).
  const named = [...new Set(now.map((i) => i.shop).filter((x): x is string => x !== undefined && x !== ''))];
  const platforms = [...new Set(now.filter((i) => i.shop === undefined || i.shop === '').map((i) => i.platform))];
  return {
    topic: 'reviews',
    lang: o.lang,
    ...(now.length > 0 ? { shops: { named, platforms } } : {}),
    title: pick(REVIEWS.title, o.lang, buyers),
    summary: pick(REVIEWS.summary, o.lang, buyers, now.length, open, overdue, asOfShown(o.tz, o.asOf)),
    items: now.map((i) => ({
      // The same review is news again for each further attempt that falls due.
      key: `review:${i.orderId}:${i.action}:${i.attempts}`,
      text: pick(
        REVIEWS.item,
        o.lang,
        i.orderId,
        i.rating ? RATING[o.lang][i.rating] : 'DSR',
        i.priority,
        i.categories.map((c) => (o.lang === 'zh' ? (CATEGORY_ZH[c] ?? c) : c.replace(/_/g, ' '))).join('/'),
        i.contactBy === null ? '' : short(o.tz, i.contactBy),
        i.assignee,
        i.action === 'follow_up',
        i.overdue.length > 0,
        i.escalate?.includes('safety') === true,
      ),
    })),
  };
}

export interface RosterEntry {
  agent: string;
  hours: number;
  nights: number;
  weekendDays: number;
  daysOff: number;
  /** The days off, as days of the month (or of the template): the group reads who is off when. */
  offDays?: number[];
  /** Days of approved leave (--requests 请假), as days of the month: not days off, said apart. */
  leaveDays?: number[];
}

/**
 * The hour spread as the plan compares it when some agents are on leave or part-time (pro rata,
 * roster/run.ts summarize), beside the hours as rostered: the group was told only the raw
 * difference ("工时差 15 小时" for a roster whose objective, 1 h, scales 小王's 2 days of leave).
 */
export interface RosterSpread {
  hours: number;
  asRostered: number;
  why: 'leave' | 'limits';
}

const ROSTER = {
  title: T((what: string) => `storeops 排班已生成: ${what}`, (what: string) => `storeops roster published: ${what}`),
  summary: T(
    (n: number, spread: number, proven: boolean, pro?: RosterSpread) =>
      `${n} 名客服; 工时差 ${fmtHours(spread)} 小时${pro ? ` (${pro.why === 'leave' ? '请假的客服' : '兼职客服'}按上班天数折算为整月工时; 表中实际工时相差 ${fmtHours(pro.asRostered)} 小时)` : ''}; ${proven ? '已证明最优' : '未在时限内证明最优'}。`,
    (n: number, spread: number, proven: boolean, pro?: RosterSpread) =>
      `${s(n, 'agent')}; hour spread ${fmtHours(spread)} h${pro ? ` (${pro.why === 'leave' ? 'agents on leave' : 'part-time agents'} pro rata, scaled to a full month by the days they work; ${fmtHours(pro.asRostered)} h apart as rostered)` : ''}; ${proven ? 'proven optimal' : 'not proven optimal within the time limit'}.`,
  ),
  item: T(
    (r: RosterEntry) =>
      `${r.agent}: ${fmtHours(r.hours)} 小时, 晚班 ${r.nights}, 周末上班 ${r.weekendDays} 天, 休息 ${r.daysOff} 天${r.offDays?.length ? ` (${r.offDays.map((d) => `${d}日`).join('、')})` : ''}${r.leaveDays?.length ? `, 请假 ${r.leaveDays.length} 天 (${r.leaveDays.map((d) => `${d}日`).join('、')})` : ''}`,
    (r: RosterEntry) =>
      `${r.agent}: ${fmtHours(r.hours)} h, ${plural(r.nights, 'night')}, ${plural(r.weekendDays, 'weekend day')}, ${plural(r.daysOff, 'day')} off${r.offDays?.length ? ` (${r.offDays.join(', ')})` : ''}${r.leaveDays?.length ? `, ${plural(r.leaveDays.length, 'day')} of leave (${r.leaveDays.join(', ')})` : ''}`,
  ),
};

/**
 * roster plan: the roster's totals per agent. `grid` (one code string per agent) fingerprints the
 * roster, so the same roster planned again is not news and a changed one is.
 */
export function rosterNotice(rows: RosterEntry[], o: { lang: Lang; what: string; grid: string[]; proven: boolean; spread?: RosterSpread }): Notice {
  const print = crypto.createHash('sha256').update(JSON.stringify([o.what, rows.map((r) => r.agent), o.grid])).digest('hex').slice(0, 16);
  const hs = rows.map((r) => r.hours);
  const spread = hs.length ? Math.max(...hs) - Math.min(...hs) : 0;
  return {
    topic: 'roster',
    lang: o.lang,
    title: pick(ROSTER.title, o.lang, o.what),
    summary: o.spread ? pick(ROSTER.summary, o.lang, rows.length, o.spread.hours, o.proven, o.spread) : pick(ROSTER.summary, o.lang, rows.length, spread, o.proven),
    items: rows.map((r) => ({ key: `roster:${o.what}:${print}:${r.agent}`, text: pick(ROSTER.item, o.lang, r) })),
  };
}
