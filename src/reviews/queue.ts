// The follow-up queue (SPEC reviews queue; RULES §2): flag, categorise, date, apply the contact
// policy, prioritise, sort. Pure: reviews, order facts and contact history in; items out.
import { Money, moneyMin } from '../money.js';
import type { TimeZone } from '../time.js';
import { classify } from './classify.js';
import type { Category, Matchers } from './keywords.js';
import { type ReviewSettings, contactState, deadlines } from './policy.js';
import { type PriorityThresholds, hoursUntil, priorityOf, score } from './priority.js';
import type { Action, OrderFacts, QueueItem, Review, ReviewStatus } from './types.js';

export interface Goodwill {
  neutral: Money;
  negative: Money;
}

/** RULES 2.2: the seed's 5 / 10 yuan, kept only as a budget for fixing the buyer's problem. */
export const DEFAULT_GOODWILL: Goodwill = { neutral: new Money('5.00'), negative: new Money('10.00') };

export interface QueueOptions {
  matchers: Matchers;
  settings: ReviewSettings;
  thresholds: PriorityThresholds;
  goodwill: Goodwill;
  /** A buyer with this many neutral/negative reviews in the input is a serial negative reviewer. */
  serialNegativeAt: number;
  asOf: number;
  tz: TimeZone;
  contacts: Map<string, { status: ReviewStatus; attempts: number; lastContactAt: number | null }>;
  orders: Map<string, OrderFacts> | null;
  includeResolved: boolean;
}

const PRIMARY: Category[] = ['quality', 'not_as_described', 'logistics', 'service', 'price', 'other'];

export function templateFor(action: Action, categories: Category[]): string {
  switch (action) {
    case 'contact_now':
    case 'follow_up':
    case 'contact_later':
    case 'await_reply':
      return `contact-${PRIMARY.find((c) => categories.includes(c)) ?? 'other'}`;
    case 'post_explanation':
      return 'explain';
    default:
      return '';
  }
}

export function buildQueue(reviews: Review[], o: QueueOptions): QueueItem[] {
  const negativesByBuyer = new Map<string, number>();
  for (const r of reviews) {
    if (r.buyer !== '' && (r.rating === 'bad' || r.rating === 'neutral')) negativesByBuyer.set(r.buyer, (negativesByBuyer.get(r.buyer) ?? 0) + 1);
  }
  const items: QueueItem[] = [];
  for (const r of reviews) {
    const f = classify(r, o.matchers);
    if (f.reasons.length === 0) continue;
    const events: number[] = [];
    if (f.initialFlagged) events.push(r.reviewedAt);
    if (f.followUpFlagged) events.push(r.followUpAt ?? r.reviewedAt);
    const d = deadlines(events, o.asOf, o.settings, o.tz);
    const cs = contactState(o.contacts.get(r.orderId), o.asOf, o.settings, o.tz);
    if (cs.status === 'resolved' && !o.includeResolved) continue;

    const malicious = f.extortion.map((p) => `extortion:${p}`);
    const negatives = negativesByBuyer.get(r.buyer) ?? 0;
    if (negatives >= o.serialNegativeAt) malicious.push(`serial_negative:${negatives}`);
    const isMalicious = malicious.length > 0;

    let action: Action;
    if (cs.blocked === 'resolved') action = 'none';
    else if (cs.blocked === 'complaint_filed') action = 'await_complaint';
    else if (cs.blocked) {
      // No more contact: a malicious review may be reported (RULES 2.1: the last resort);
      // otherwise the public explanation is what is left.
      if (isMalicious && o.asOf <= d.complaintBy) action = 'file_complaint';
      else if (o.asOf <= d.explainBy) action = 'post_explanation';
      else action = 'none';
    } else if (cs.nextContactAt !== null && cs.nextContactAt <= o.asOf) action = cs.attempts === 0 ? 'contact_now' : 'follow_up';
    else action = cs.status === 'awaiting_reply' ? 'await_reply' : 'contact_later';

    const firstContactPending = cs.attempts === 0 && cs.status === 'new';
    const overdue: string[] = [];
    if (firstContactPending && o.asOf > d.contactBy) overdue.push('contactBy');
    if (cs.status !== 'resolved' && o.asOf > d.explainBy) overdue.push('explainBy');
    if (isMalicious && cs.status !== 'resolved' && cs.status !== 'complaint_filed' && o.asOf > d.complaintBy) overdue.push('complaintBy');

    const facts = o.orders?.get(r.orderId);
    const orderValue = facts?.paidAmount ?? null;
    const earlierOrders = facts ? facts.earlierOrders : null;
    const next = firstContactPending ? d.contactBy : isMalicious ? Math.min(d.explainBy, d.complaintBy) : d.explainBy;
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

    items.push({
      orderId: r.orderId,
      buyer: r.buyer,
      title: r.title,
      rating: r.rating,
      reviewedAt: r.reviewedAt,
      text: r.text,
      followUpText: r.followUpText,
      followUpAt: r.followUpAt,
      reasons: f.reasons,
      categories: f.categories,
      priority: priorityOf(s),
      score: s,
      contactBy: d.contactBy,
      explainBy: d.explainBy,
      complaintBy: d.complaintBy,
      overdue,
      status: cs.status,
      attempts: cs.attempts,
      lastContactAt: cs.lastContactAt,
      nextContactAt: cs.nextContactAt,
      assignee: '',
      action,
      template: templateFor(action, f.categories),
      goodwill,
      malicious,
      orderValue,
      earlierOrders,
      sourceFile: r.file,
      sourceLine: r.line,
    });
  }
  // Most urgent first: priority, then the finer score, then the nearest contact deadline.
  items.sort((a, b) => a.priority - b.priority || b.score - a.score || a.contactBy - b.contactBy || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
  return items;
}
