import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, afterQuietHours, beforeQuietHours, contactState, deadlines, inQuietHours, parseQuietHours } from '../../src/reviews/policy.js';
import { TimeZone, addDays } from '../../src/time.js';

const bj = new TimeZone('Asia/Shanghai');
const at = (s: string) => {
  const [d, t = '00:00:00'] = s.split(' ');
  const [y, mo, dd] = d!.split('-').map(Number);
  const [h, mi, se = 0] = t.split(':').map(Number);
  return bj.fromWall(y!, mo!, dd!, h!, mi!, se);
};
const fmt = (t: number | null) => (t === null ? null : bj.format(t));
const S = DEFAULT_SETTINGS;

describe('RULES 2.3: +30 days by the calendar, across month and year ends', () => {
  it('Jan 31 + 30 days = Mar 2 in 2026 (Feb has 28 days: Feb 28 is +28, Mar 2 is +30)', () => {
    expect(fmt(addDays(at('2026-01-31 10:00:00'), 30, bj))).toBe('2026-03-02 10:00:00');
  });
  it('Jan 31 + 30 days = Mar 1 in the leap year 2028 (Feb 29 is +29)', () => {
    expect(fmt(addDays(at('2028-01-31 10:00:00'), 30, bj))).toBe('2028-03-01 10:00:00');
  });
  it('Dec 15 + 30 days = Jan 14 of the next year (Dec 31 is +16, Jan 14 +30)', () => {
    expect(fmt(addDays(at('2026-12-15 12:00:00'), 30, bj))).toBe('2027-01-14 12:00:00');
  });
});

describe('deadlines', () => {
  it('contactBy is 24 h after the review, pulled back out of quiet hours to 21:59:59 the evening before (22:00:00 is quiet)', () => {
    // 2026-12-31 23:30 + 24 h = 2027-01-01 23:30, inside 22:00–08:00 → 2027-01-01 21:59:59, the last second before quiet hours.
    const d = deadlines([at('2026-12-31 23:30:00')], at('2027-01-01 09:00:00'), S, bj);
    expect(fmt(d.contactBy)).toBe('2027-01-01 21:59:59');
    expect(inQuietHours(d.contactBy, S, bj)).toBe(false);
    // Dec 31 + 30 days: Jan 30 (Dec has no days left after the 31st: Jan 1 is +1).
    expect(fmt(d.explainBy)).toBe('2027-01-30 23:30:00');
    expect(fmt(d.complaintBy)).toBe('2027-01-30 23:30:00');
  });
  it('a deadline landing after midnight but before 08:00 moves to 21:59:59 of the previous day', () => {
    // 2026-02-28 03:00 + 24 h = 2026-03-01 03:00 → 2026-02-28 21:59:59 (back across the month end).
    const d = deadlines([at('2026-02-28 03:00:00')], at('2026-02-28 09:00:00'), S, bj);
    expect(fmt(d.contactBy)).toBe('2026-02-28 21:59:59');
  });
  it('review and 追评: contactBy from the latest; explainBy the earliest one still open', () => {
    const events = [at('2026-10-05 10:00:00'), at('2026-10-20 15:00:00')];
    // Oct 5 + 30 = Nov 4 (Oct 31 is +26); Oct 20 + 30 = Nov 19 (Oct 31 is +11).
    expect(fmt(deadlines(events, at('2026-11-01 00:00:00'), S, bj).explainBy)).toBe('2026-11-04 10:00:00');
    expect(fmt(deadlines(events, at('2026-11-10 00:00:00'), S, bj).explainBy)).toBe('2026-11-19 15:00:00');
    // Both passed: the latest, shown as overdue by the queue.
    expect(fmt(deadlines(events, at('2026-11-25 00:00:00'), S, bj).explainBy)).toBe('2026-11-19 15:00:00');
    expect(fmt(deadlines(events, at('2026-11-01 00:00:00'), S, bj).contactBy)).toBe('2026-10-21 15:00:00');
  });
});

describe('quiet hours (default 22:00–08:00)', () => {
  it('edges: 22:00 and 07:59 are quiet, 21:59 and 08:00 are not', () => {
    expect(inQuietHours(at('2026-11-20 22:00:00'), S, bj)).toBe(true);
    expect(inQuietHours(at('2026-11-20 07:59:00'), S, bj)).toBe(true);
    expect(inQuietHours(at('2026-11-20 21:59:59'), S, bj)).toBe(false);
    expect(inQuietHours(at('2026-11-20 08:00:00'), S, bj)).toBe(false);
  });
  it('the next allowed time is 08:00, the next day before midnight, across a month end', () => {
    expect(fmt(afterQuietHours(at('2026-11-30 23:00:00'), S, bj))).toBe('2026-12-01 08:00:00');
    expect(fmt(afterQuietHours(at('2026-12-01 01:00:00'), S, bj))).toBe('2026-12-01 08:00:00');
    expect(fmt(afterQuietHours(at('2026-12-01 15:00:00'), S, bj))).toBe('2026-12-01 15:00:00');
    expect(fmt(beforeQuietHours(at('2027-01-01 03:00:00'), S, bj))).toBe('2026-12-31 21:59:59');
  });
  it('a window that does not wrap midnight (12:00–13:30)', () => {
    const q = { quietStart: 12 * 60, quietEnd: 13 * 60 + 30 };
    expect(fmt(afterQuietHours(at('2026-11-20 12:10:00'), q, bj))).toBe('2026-11-20 13:30:00');
    expect(inQuietHours(at('2026-11-20 23:00:00'), q, bj)).toBe(false);
  });
  it('parses "22:00-08:00" and rejects nonsense', () => {
    expect(parseQuietHours('22:00-08:00')).toEqual({ quietStart: 1320, quietEnd: 480 });
    expect(parseQuietHours('21:30~07:00')).toEqual({ quietStart: 1290, quietEnd: 420 });
    expect(parseQuietHours('late')).toBeUndefined();
    expect(parseQuietHours('25:00-08:00')).toBeUndefined();
  });
});

describe('contact policy (RULES 2.2: do_not_contact, maxAttempts 3, gaps, quiet hours)', () => {
  it('no history: contact now (outside quiet hours)', () => {
    const c = contactState(undefined, at('2026-11-21 10:00:00'), S, bj);
    expect(c).toEqual({ status: 'new', attempts: 0, lastContactAt: null, nextContactAt: at('2026-11-21 10:00:00'), buyerAttempts: 0, buyerLastContactAt: null });
  });
  it('no history at 23:00: next contact at 08:00 tomorrow', () => {
    expect(fmt(contactState(undefined, at('2026-11-21 23:00:00'), S, bj).nextContactAt)).toBe('2026-11-22 08:00:00');
  });
  it('after an attempt: 4 h gap (10:05 + 4 h = 14:05)', () => {
    const c = contactState({ status: 'contacted', attempts: 1, lastContactAt: at('2026-11-21 10:05:00') }, at('2026-11-21 11:00:00'), S, bj);
    expect(fmt(c.nextContactAt)).toBe('2026-11-21 14:05:00');
  });
  it('gap ending in quiet hours: 19:00 + 4 h = 23:00 → 08:00 next day', () => {
    const c = contactState({ status: 'awaiting_reply', attempts: 2, lastContactAt: at('2026-11-30 19:00:00') }, at('2026-11-30 20:00:00'), S, bj);
    expect(fmt(c.nextContactAt)).toBe('2026-12-01 08:00:00');
  });
  it('attempts used up, do_not_contact, resolved: no further contact', () => {
    const now = at('2026-11-21 10:00:00');
    expect(contactState({ status: 'contacted', attempts: 3, lastContactAt: now - 86_400_000 }, now, S, bj)).toMatchObject({ nextContactAt: null, blocked: 'max_attempts' });
    expect(contactState({ status: 'contacted', attempts: 2, lastContactAt: now - 86_400_000 }, now, { ...S, maxAttempts: 2 }, bj)).toMatchObject({ nextContactAt: null, blocked: 'max_attempts' });
    expect(contactState({ status: 'do_not_contact', attempts: 1, lastContactAt: now }, now, S, bj)).toMatchObject({ nextContactAt: null, blocked: 'do_not_contact' });
    expect(contactState({ status: 'resolved', attempts: 1, lastContactAt: now }, now, S, bj)).toMatchObject({ nextContactAt: null, blocked: 'resolved' });
  });
});
