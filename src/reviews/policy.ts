// Deadlines (RULES 2.3) and the contact policy (RULES 2.2: harassment rules, ruleId 11000254).
// Pure: every function takes the evaluation time and the zone.
import { DAY_MS, HOUR_MS, type TimeZone, addDays } from '../time.js';
import type { ReviewStatus } from './types.js';

export interface ReviewSettings {
  /** Hours after the (latest flagged) review by which the buyer should be contacted ("at once", RULES 2.1). */
  contactWithinHours: number;
  /** RULES 2.3: explanation within 30 days of a review or 追评. */
  explainDays: number;
  /** RULES 2.3: complaint about a review within 30 days of it. */
  complaintDays: number;
  maxAttempts: number;
  /** Quiet hours in minutes after midnight, local time; start > end wraps midnight (22:00–08:00). */
  quietStart: number;
  quietEnd: number;
  /** Least time between two contact attempts (RULES 2.2: per buyer, across all their reviews). */
  minGapHours: number;
  /** Attempts on a buyer's other reviews count towards maxAttempts for this many days. */
  attemptWindowDays: number;
}

export const DEFAULT_SETTINGS: ReviewSettings = {
  contactWithinHours: 24,
  explainDays: 30,
  complaintDays: 30,
  maxAttempts: 3,
  quietStart: 22 * 60,
  quietEnd: 8 * 60,
  minGapHours: 4,
  attemptWindowDays: 30,
};

function minuteOfDay(t: number, tz: TimeZone): number {
  const w = tz.wall(t);
  return w.h * 60 + w.mi + w.s / 60;
}

export function inQuietHours(t: number, s: Pick<ReviewSettings, 'quietStart' | 'quietEnd'>, tz: TimeZone): boolean {
  if (s.quietStart === s.quietEnd) return false;
  const m = minuteOfDay(t, tz);
  return s.quietStart < s.quietEnd ? m >= s.quietStart && m < s.quietEnd : m >= s.quietStart || m < s.quietEnd;
}

/** The first moment at or after t outside quiet hours. */
export function afterQuietHours(t: number, s: Pick<ReviewSettings, 'quietStart' | 'quietEnd'>, tz: TimeZone): number {
  if (!inQuietHours(t, s, tz)) return t;
  const w = tz.wall(t);
  const m = w.h * 60 + w.mi;
  const endH = Math.floor(s.quietEnd / 60);
  const endM = s.quietEnd % 60;
  // Before midnight in a wrapping window the quiet period ends tomorrow.
  const nextDay = s.quietStart > s.quietEnd && m >= s.quietStart ? 1 : 0;
  return tz.fromWall(w.y, w.mo, w.d + nextDay, endH, endM, 0);
}

/**
 * The last second at or before t outside quiet hours (a deadline in the night moves to the evening
 * before). Quiet hours start at their first second (22:00:00 is quiet, inQuietHours; `reviews log`
 * refuses a contact then), so the deadline is the second before: 21:59:59. Until 2026-12 it was
 * 22:00:00, a deadline at which the contact it asks for was refused.
 */
export function beforeQuietHours(t: number, s: Pick<ReviewSettings, 'quietStart' | 'quietEnd'>, tz: TimeZone): number {
  if (!inQuietHours(t, s, tz)) return t;
  const w = tz.wall(t);
  const m = w.h * 60 + w.mi;
  const startH = Math.floor(s.quietStart / 60);
  const startM = s.quietStart % 60;
  const prevDay = s.quietStart > s.quietEnd && m < s.quietEnd ? -1 : 0;
  return tz.fromWall(w.y, w.mo, w.d + prevDay, startH, startM, 0) - 1000;
}

export interface Deadlines {
  contactBy: number;
  explainBy: number;
  complaintBy: number;
}

/**
 * RULES 2.3. `events` are the times of the flagged review parts (the first review and/or the
 * 追评). contactBy: the latest event + contactWithinHours, moved out of quiet hours to the evening
 * before. explainBy / complaintBy: each event + 30 days; the earliest one still open at asOf is
 * shown (the one to act on first), or the latest when all have passed.
 */
export function deadlines(events: number[], asOf: number, s: ReviewSettings, tz: TimeZone): Deadlines {
  const latest = Math.max(...events);
  const contactBy = beforeQuietHours(latest + s.contactWithinHours * HOUR_MS, s, tz);
  const pick = (days: number) => {
    const ds = events.map((e) => addDays(e, days, tz)).sort((a, b) => a - b);
    return ds.find((d) => d >= asOf) ?? ds[ds.length - 1]!;
  };
  return { contactBy, explainBy: pick(s.explainDays), complaintBy: pick(s.complaintDays) };
}

export interface ContactState {
  status: ReviewStatus;
  attempts: number;
  lastContactAt: number | null;
  /** When the next contact is allowed; null = no further contact (do_not_contact, attempts used up, resolved …). */
  nextContactAt: number | null;
  /** Why no further contact is allowed. */
  blocked?: 'do_not_contact' | 'max_attempts' | 'resolved' | 'complaint_filed';
  /**
   * Attempts on all of the buyer's reviews within attemptWindowDays (this one included), counted per
   * conversation: one contact about several of their orders (`reviews log A B`) is one attempt.
   */
  buyerAttempts: number;
  /** The buyer's latest contact about any of their reviews. */
  buyerLastContactAt: number | null;
}

/** One order's contact history as the state database gives it. */
export interface OrderContacts {
  status: ReviewStatus;
  attempts: number;
  lastContactAt: number | null;
  /** Times of every attempt; when absent, all `attempts` count as recent. */
  attemptTimes?: number[];
  /**
   * Beside attemptTimes, the conversation of each attempt when it covered several orders (schema 15;
   * undefined: this order alone). Attempts of one conversation count once toward the buyer's cap.
   */
  attemptConversations?: (number | undefined)[];
  /** do_not_contact was logged at some point: it stays, whatever was logged after it (RULES 2.2). */
  stopped?: boolean;
  /** When the latest 'resolved' entry was logged (a newer 追评 reopens the item). */
  resolvedAt?: number | null;
  /** A complaint about the review was filed. */
  complaintFiled?: boolean;
  /** The buyer the contacts were recorded with (schema 6), when known. */
  buyer?: string | null;
}

/** Contact rules for one review: no contact after do_not_contact, at most maxAttempts, gaps between attempts, never in quiet hours. */
export function contactState(h: OrderContacts | undefined, asOf: number, s: ReviewSettings, tz: TimeZone): ContactState {
  return buyerContactState(h, h ? [h] : [], asOf, s, tz);
}

/**
 * RULES 2.2 (恶意骚扰, ruleId 11000254) counted per buyer, across all their reviews (`buyerOrders`
 * holds the history of each of the buyer's reviewed orders, this one included): a buyer who asked
 * not to be contacted about one order is not contacted about another; attempts on any of their
 * reviews within attemptWindowDays count towards maxAttempts; the minimum gap runs from their
 * latest contact about any review; quiet hours as ever.
 */
export function buyerContactState(
  own: OrderContacts | undefined,
  buyerOrders: readonly OrderContacts[],
  asOf: number,
  s: ReviewSettings,
  tz: TimeZone,
): ContactState {
  // RULES 2.2: a buyer who said stop stays stopped. A later 'resolved' or 'complaint_filed' entry
  // (or a contact forced on record) does not lift it: the order's status stays do_not_contact.
  const stoppedBy = (h: OrderContacts) => h.stopped === true || h.status === 'do_not_contact';
  const status: ReviewStatus = own && stoppedBy(own) ? 'do_not_contact' : (own?.status ?? 'new');
  const attempts = own?.attempts ?? 0;
  const lastContactAt = own?.lastContactAt ?? null;
  const since = asOf - s.attemptWindowDays * DAY_MS;
  let buyerAttempts = 0;
  let buyerLastContactAt: number | null = null;
  let buyerStopped = false;
  // RULES 2.2: the cap limits how often the buyer is contacted: a conversation that covered several
  // of their orders (each order's own attempt) is one contact, counted once.
  const conversations = new Set<number>();
  for (const h of buyerOrders) {
    if (stoppedBy(h)) buyerStopped = true;
    if (!h.attemptTimes) buyerAttempts += h.attempts;
    else
      h.attemptTimes.forEach((t, i) => {
        if (t < since || t > asOf) return;
        const c = h.attemptConversations?.[i];
        if (c === undefined) buyerAttempts++;
        else if (!conversations.has(c)) {
          conversations.add(c);
          buyerAttempts++;
        }
      });
    if (h.lastContactAt !== null && (buyerLastContactAt === null || h.lastContactAt > buyerLastContactAt)) buyerLastContactAt = h.lastContactAt;
  }
  const base = { status, attempts, lastContactAt, buyerAttempts, buyerLastContactAt };
  if (status === 'do_not_contact' || status === 'resolved' || status === 'complaint_filed') return { ...base, nextContactAt: null, blocked: status };
  if (buyerStopped) return { ...base, nextContactAt: null, blocked: 'do_not_contact' };
  if (attempts >= s.maxAttempts || buyerAttempts >= s.maxAttempts) return { ...base, nextContactAt: null, blocked: 'max_attempts' };
  let t = asOf;
  if (buyerLastContactAt !== null) t = Math.max(t, buyerLastContactAt + s.minGapHours * HOUR_MS);
  return { ...base, nextContactAt: afterQuietHours(t, s, tz) };
}

/** "22:00-08:00" → minutes; undefined when malformed. */
export function parseQuietHours(t: string): { quietStart: number; quietEnd: number } | undefined {
  const m = /^\s*(\d{1,2}):(\d{2})\s*[-–~到至]\s*(\d{1,2}):(\d{2})\s*$/.exec(t);
  if (!m) return undefined;
  const a = Number(m[1]) * 60 + Number(m[2]);
  const b = Number(m[3]) * 60 + Number(m[4]);
  if (Number(m[1]) > 24 || Number(m[3]) > 24 || Number(m[2]) > 59 || Number(m[4]) > 59 || a > 1440 || b > 1440) return undefined;
  return { quietStart: a % 1440, quietEnd: b % 1440 };
}
