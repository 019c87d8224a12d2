// The follow-up queue (SPEC reviews queue; RULES §2): flag, categorise, date, apply the contact
// policy, prioritise, sort. Pure: reviews, order facts and contact history in; items out.
import { Money, moneyMin } from '../money.js';
import { PLATFORM_TZ, type TimeZone, addDays } from '../time.js';
import { classify } from './classify.js';
import type { Category, Matchers } from './keywords.js';
import { type OrderContacts, type ReviewSettings, buyerContactState, deadlines } from './policy.js';
import { type PriorityThresholds, hoursUntil, priorityOf, score } from './priority.js';
import type { Action, OrderFacts, QueueItem, Review, ReviewStatus } from './types.js';

export interface Goodwill {
  neutral: Money;
  negative: Money;
}

/** RULES 2.2: the seed's 5 / 10 yuan, kept only as a budget for fixing the buyer's problem. */
export const DEFAULT_GOODWILL: Goodwill = { neutral: new Money('5.00'), negative: new Money('10.00') };
const NO_GOODWILL = new Money('0.00');

export interface QueueOptions {
  matchers: Matchers;
  settings: ReviewSettings;
  thresholds: PriorityThresholds;
  goodwill: Goodwill;
  /** A buyer with this many neutral/negative reviews in the input is a serial negative reviewer. */
  serialNegativeAt: number;
  asOf: number;
  tz: TimeZone;
  contacts: Map<string, OrderContacts>;
  /** Orders whose contacts the state database recorded with each buyer (by nick): they count towards that buyer's limits. */
  storedOrders?: Map<string, string[]>;
  orders: Map<string, OrderFacts> | null;
  includeResolved: boolean;
}

const PRIMARY: Category[] = ['quality', 'not_as_described', 'logistics', 'service', 'price', 'other'];

/** Who the buyer is for the contact rules (RULES 2.2: per buyer). A masked nick (t**1) names no one. */
export function buyerKey(buyer: string, orderId: string): string {
  const b = buyer.trim();
  return b !== '' && !b.includes('*') ? `buyer:${b}` : `order:${orderId}`;
}

export function templateFor(action: Action, categories: Category[], escalate: readonly string[] = [], counterfeit = false): string {
  if (action === 'file_complaint' && escalate.includes('extortion')) return 'complaint-extortion';
  if (escalate.includes('safety') && action !== 'none' && action !== 'post_explanation' && action !== 'file_complaint' && action !== 'await_complaint') return 'contact-safety';
  switch (action) {
    case 'contact_now':
    case 'follow_up':
    case 'contact_later':
    case 'await_reply': {
      const primary = PRIMARY.find((c) => categories.includes(c)) ?? 'other';
      // A buyer doubting the goods are genuine (假货, 不是正品): the not_as_described message asked
      // which colour or size was wrong; contact-counterfeit asks for photos and promises a checked answer.
      // Also when quality words come first (假货，质量太差): the doubt is what to answer.
      if (counterfeit && (primary === 'not_as_described' || primary === 'quality')) return 'contact-counterfeit';
      return `contact-${primary}`;
    }
    case 'post_explanation':
      return 'explain';
    default:
      return '';
  }
}

/** The same times in the same order (deadlines() of the one gives those of the other). */
function sameTimes(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function buildQueue(reviews: Review[], o: QueueOptions): QueueItem[] {
  // The buyer as named: the review's nick, else (抖店 reviews name none) the order export's.
  const nameOf = (r: Review) => r.buyer || o.orders?.get(r.orderId)?.buyer || '';
  const negativesByBuyer = new Map<string, number>();
  for (const r of reviews) {
    const b = nameOf(r);
    if (b !== '' && (r.rating === 'bad' || r.rating === 'neutral')) negativesByBuyer.set(b, (negativesByBuyer.get(b) ?? 0) + 1);
  }
  const flagged = reviews.map((r) => ({ r, f: classify(r, o.matchers) })).filter((x) => x.f.reasons.length > 0);
  // RULES 2.2: contact limits count per buyer, across all their reviews.
  // The buyer: the review file's, else the order export's, else the one recorded with the contacts.
  const keyOf = (r: Review) => buyerKey(r.buyer || o.orders?.get(r.orderId)?.buyer || o.contacts.get(r.orderId)?.buyer || '', r.orderId);
  const ordersOf = new Map<string, string[]>();
  const add = (k: string, id: string) => {
    const list = ordersOf.get(k);
    if (!list) ordersOf.set(k, [id]);
    else if (!list.includes(id)) list.push(id);
  };
  // Each flagged review's buyer key, made once (a string built per call, then hashed by every lookup).
  const keys = flagged.map(({ r }) => keyOf(r));
  for (let k = 0; k < flagged.length; k++) add(keys[k]!, flagged[k]!.r.orderId);
  // Contacts recorded with the buyer about orders in no file of this run count too (RULES 2.2).
  for (const [nick, ids] of o.storedOrders ?? []) {
    const k = buyerKey(nick, '');
    if (ordersOf.has(k)) for (const id of ids) add(k, id);
  }
  const items: QueueItem[] = [];
  for (let fi = 0; fi < flagged.length; fi++) {
    const { r, f } = flagged[fi]!;
    // The buyer as named, and their neutral/negative reviews in the input: looked up once an item.
    const name = nameOf(r);
    const negatives = negativesByBuyer.get(name) ?? 0;
    const events: number[] = [];
    // The same events at the latest time they may really be (a date alone: the day's last second).
    const lateEvents: number[] = [];
    if (f.initialFlagged) {
      events.push(r.reviewedAt);
      lateEvents.push(r.reviewedAt + (r.reviewedAtSlack ?? 0));
    }
    if (f.followUpFlagged) {
      events.push(r.followUpAt ?? r.reviewedAt);
      lateEvents.push(r.followUpAt !== null ? r.followUpAt + (r.followUpAtSlack ?? 0) : r.reviewedAt + (r.reviewedAtSlack ?? 0));
    }
    // RULES 2.2/2.3: quiet hours are the buyer's night and the 30 days are the platform's days, both
    // Beijing time whatever zone --tz reads the export's times in.
    // docs/rules.md §2.3: a time without its time of day (or seconds) is never guessed. The deadlines
    // shown count from the earliest time it may be (act by them and every possible deadline is met);
    // a deadline is overdue, and the explanation or complaint no longer possible, only once it has
    // passed for the latest time it may be.
    // deadlines() is pure: for the same times it gives the same deadlines, so each set of times is
    // worked out once. A review time with its seconds has no slack (the late times are the times),
    // and a review without extortion wording complains about every flagged part: then one call
    // serves all four (it was four for every item, ~8 % of a 1M-review queue's profile).
    const d = deadlines(events, o.asOf, o.settings, PLATFORM_TZ);
    const late = sameTimes(lateEvents, events) ? d : deadlines(lateEvents, o.asOf, o.settings, PLATFORM_TZ);
    // RULES 2.3: a complaint about a review is filed within 30 days of it. An extortion complaint is
    // about the part that holds the extortion wording (the first review, its 追评, or both): a later
    // 追评 without it opens no new complaint window (until 2026-12 file_complaint was offered until the
    // 追评's window closed, though the extortion was in the first review). Otherwise (a serial
    // negative buyer) each flagged part has its window, as for the explanation.
    const complaintEvents: number[] = [];
    const lateComplaintEvents: number[] = [];
    // A serial negative buyer's item is malicious by each flagged part whatever its wording, so an
    // extortion in the first review does not take the 追评's window away (rev32: it did — 不退款就差评
    // + a 追评 from a buyer with 3 negatives was 'complaintBy overdue' at 12-01 12:00, the 追评's window
    // open until 12-10 12:00).
    if (f.extortion.length > 0 && negatives < o.serialNegativeAt) {
      if (f.extortionIn.review) {
        complaintEvents.push(r.reviewedAt);
        lateComplaintEvents.push(r.reviewedAt + (r.reviewedAtSlack ?? 0));
      }
      if (f.extortionIn.followUp) {
        complaintEvents.push(r.followUpAt ?? r.reviewedAt);
        lateComplaintEvents.push(r.followUpAt !== null ? r.followUpAt + (r.followUpAtSlack ?? 0) : r.reviewedAt + (r.reviewedAtSlack ?? 0));
      }
    } else {
      complaintEvents.push(...events);
      lateComplaintEvents.push(...lateEvents);
    }
    const complaintBy = sameTimes(complaintEvents, events) ? d.complaintBy : deadlines(complaintEvents, o.asOf, o.settings, PLATFORM_TZ).complaintBy;
    const lateComplaintBy = sameTimes(lateComplaintEvents, lateEvents)
      ? late.complaintBy
      : sameTimes(lateComplaintEvents, complaintEvents)
        ? complaintBy
        : deadlines(lateComplaintEvents, o.asOf, o.settings, PLATFORM_TZ).complaintBy;
    const key = keys[fi]!;
    const buyerOrders = ordersOf.get(key) ?? [r.orderId];
    let own = o.contacts.get(r.orderId);
    // RULES 2.3: a 追评 after the order was logged resolved is a new review part: the explanation
    // runs 30 days from it, and a negative or safety 追评 needs the buyer's problem looked at again.
    // The item reopens (its earlier attempts still count towards the limits).
    const reopened =
      own !== undefined && own.status === 'resolved' && !own.stopped && f.followUpFlagged && r.followUpAt !== null && own.resolvedAt != null && r.followUpAt > own.resolvedAt;
    if (reopened) own = { ...own!, status: own!.attempts > 0 ? 'contacted' : 'new' };
    const histories = buyerOrders.map((id) => (id === r.orderId ? own : o.contacts.get(id))).filter((h): h is OrderContacts => h !== undefined);
    const cs = buyerContactState(own, histories, o.asOf, o.settings, PLATFORM_TZ);
    if (cs.status === 'resolved' && !o.includeResolved) continue;

    const malicious = f.extortion.map((p) => `extortion:${p}`);
    if (negatives >= o.serialNegativeAt) malicious.push(`serial_negative:${negatives}`);
    const isMalicious = malicious.length > 0;
    // RULES 2.1: extortion (不退款就差评) is a malicious review: keep the evidence and complain to
    // the platform; no goodwill is offered. A health or safety complaint goes to the manager now.
    const extortion = f.extortion.length > 0;
    const safety = f.safety.length > 0;
    const escalate = [...(safety ? ['safety'] : []), ...(extortion ? ['extortion'] : [])];

    let action: Action;
    if (cs.blocked === 'resolved') action = 'none';
    else if (cs.blocked === 'complaint_filed') action = 'await_complaint';
    else if (extortion && !safety) action = o.asOf <= lateComplaintBy ? 'file_complaint' : o.asOf <= late.explainBy ? 'post_explanation' : 'none';
    else if (cs.blocked) {
      // No more contact: a malicious review may be reported (RULES 2.1: the last resort), unless
      // that was done; otherwise the public explanation is what is left.
      if (isMalicious && o.asOf <= lateComplaintBy && !own?.complaintFiled) action = 'file_complaint';
      else if (o.asOf <= late.explainBy) action = 'post_explanation';
      else action = 'none';
    } else if (cs.nextContactAt !== null && cs.nextContactAt <= o.asOf) action = cs.attempts === 0 || reopened ? 'contact_now' : 'follow_up';
    else action = cs.status === 'awaiting_reply' ? 'await_reply' : 'contact_later';

    // RULES 2.1/2.2: no contact is planned for an extortion review (it goes to a complaint), nor
    // once contact is blocked (do_not_contact, a complaint filed, …): no first contact is then
    // pending, so its deadline is neither overdue nor what the priority counts down to. Until
    // 2026-12 an extortion row (action file_complaint) turned "overdue: contactBy" a day after the
    // review and scored 2 points for a contact nobody was to make.
    const contactPlanned = !(extortion && !safety) && !cs.blocked;
    // A reopened item's first contact about the new 追评 is pending whatever went before.
    const firstContactPending = ((cs.attempts === 0 && cs.status === 'new') || reopened) && contactPlanned;
    // Complaint rows show no contact deadline: the action is the complaint (or waiting for its outcome).
    const complaintRow = (extortion && !safety) || action === 'file_complaint' || action === 'await_complaint';
    const overdue: string[] = [];
    // Deadlines are whole seconds (contactBy 21:59:59 holds until 22:00:00, when quiet hours start).
    if (firstContactPending && Math.floor(o.asOf / 1000) * 1000 > late.contactBy) overdue.push('contactBy');
    // RULES 2.3: the review and its 追评 each have their own 30 days to explain (and to complain
    // about a malicious one). The shown deadline is the earliest still open; when the first
    // review's has passed while the 追评's is still open, that missed window is overdue on its own
    // (`reviewExplainBy`, `reviewComplaintBy`). Until 2026-12 the 追评's window took its place
    // without a word. Once every window has passed, `explainBy` / `complaintBy` say so.
    const firstMissed = (parts: number[], days: number, all: number) => parts.length > 1 && o.asOf > addDays(parts[0]!, days, PLATFORM_TZ) && o.asOf <= all;
    if (cs.status !== 'resolved' && firstMissed(lateEvents, o.settings.explainDays, late.explainBy)) overdue.push('reviewExplainBy');
    if (cs.status !== 'resolved' && o.asOf > late.explainBy) overdue.push('explainBy');
    const complaintOpen = isMalicious && cs.status !== 'resolved' && cs.status !== 'complaint_filed';
    if (complaintOpen && firstMissed(lateComplaintEvents, o.settings.complaintDays, lateComplaintBy)) overdue.push('reviewComplaintBy');
    if (complaintOpen && o.asOf > lateComplaintBy) overdue.push('complaintBy');

    const facts = o.orders?.get(r.orderId);
    const orderValue = facts?.paidAmount ?? null;
    const earlierOrders = facts ? facts.earlierOrders : null;
    // The priority counts down to the complaint deadline only while a complaint may still be filed.
    const next = firstContactPending ? d.contactBy : isMalicious && o.asOf <= lateComplaintBy ? Math.min(d.explainBy, complaintBy) : d.explainBy;
    const s =
      cs.status === 'resolved'
        ? 0
        : score(
            {
              severity: f.severity,
              categories: f.categories,
              safety: f.safety.length > 0,
              orderValue,
              earlierOrders,
              hoursLeft: hoursUntil(next, o.asOf),
              firstContactPending,
            },
            o.thresholds,
          );
    const heavy = r.rating === 'bad' || f.followUpFlagged;
    let goodwill = heavy ? o.goodwill.negative : o.goodwill.neutral;
    if (orderValue !== null && orderValue.gte(0)) goodwill = moneyMin(goodwill, orderValue);
    if (extortion) goodwill = NO_GOODWILL;

    items.push({
      orderId: r.orderId,
      // The review's nick, else (抖店 reviews name no buyer) the order export's: the queue groups the
      // item by that buyer (sameBuyer, the limits) and the message greets them, so it is shown. Before,
      // the column was empty while sameBuyer listed the buyer's other orders, and the message said 亲.
      buyer: name,
      // The review's title, else (a review sheet with no title column, as a 拼多多 one typed by hand)
      // the order export's: the message said 「您购买的商品」 where --orders named the item.
      title: r.title || o.orders?.get(r.orderId)?.title || '',
      rating: r.rating,
      reviewedAt: r.reviewedAt,
      ...(r.reviewedAtSlack ? { reviewedAtSlack: r.reviewedAtSlack } : {}),
      ...(r.signedAt !== undefined ? { signedAt: r.signedAt } : {}),
      text: r.text,
      followUpText: r.followUpText,
      followUpAt: r.followUpAt,
      reasons: f.reasons,
      categories: f.categories,
      // Safety first: a health or safety complaint is priority 1 whatever its score.
      priority: safety && cs.status !== 'resolved' ? 1 : priorityOf(s),
      score: s,
      contactBy: complaintRow ? null : d.contactBy,
      explainBy: d.explainBy,
      complaintBy,
      overdue,
      status: reopened ? 'reopened' : cs.status,
      attempts: cs.attempts,
      buyerAttempts: cs.buyerAttempts,
      lastContactAt: cs.lastContactAt,
      // No contact is planned on an extortion row (RULES 2.1/2.2: it goes to a complaint): no time to
      // contact the buyer either (until 2026-12 the row said when the next contact was allowed).
      nextContactAt: contactPlanned ? cs.nextContactAt : null,
      buyerKey: key,
      sameBuyer: [],
      escalate,
      assignee: '',
      action,
      template: templateFor(action, f.categories, escalate, f.counterfeit),
      goodwill,
      malicious,
      orderValue,
      earlierOrders,
      sourceFile: r.file,
      sourceLine: r.line,
    });
  }
  // One buyer, one contact: each item names the buyer's other items in this queue.
  const byBuyer = new Map<string, QueueItem[]>();
  for (const i of items) {
    const list = byBuyer.get(i.buyerKey);
    if (list) list.push(i);
    else byBuyer.set(i.buyerKey, [i]);
  }
  // (Most buyers have one item: nothing else to name.)
  for (const i of items) {
    const list = byBuyer.get(i.buyerKey)!;
    i.sameBuyer = list.length === 1 ? [] : list.filter((x) => x !== i).map((x) => x.orderId);
  }
  // Most urgent first: open safety complaints, then priority, the finer score, the nearest contact deadline.
  // Whether an item is an open safety complaint is worked out once an item, not at each comparison.
  const safe = (i: QueueItem) => (i.escalate.includes('safety') && i.status !== 'resolved' ? 0 : 1);
  const ranked = items.map((i) => ({ i, safe: safe(i) }));
  ranked.sort(({ i: a, safe: sa }, { i: b, safe: sb }) => sa - sb || a.priority - b.priority || b.score - a.score || (a.contactBy ?? Infinity) - (b.contactBy ?? Infinity) || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
  for (let k = 0; k < ranked.length; k++) items[k] = ranked[k]!.i;
  return items;
}
