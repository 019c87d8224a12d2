import { describe, expect, it } from 'vitest';
import { Money } from '../../src/money.js';
import { DEFAULT_THRESHOLDS, priorityOf, score, urgencyPoints } from '../../src/reviews/priority.js';

const T = DEFAULT_THRESHOLDS;

describe('priority (README "How the priority is scored")', () => {
  it('negative quality review, 200.00 order, first contact overdue: 5 + 2 + 1 + 0 + 2 = 10 → 1', () => {
    const s = score({ severity: 5, categories: ['quality'], safety: false, orderValue: new Money('200.00'), earlierOrders: 0, hoursLeft: -12.3, firstContactPending: true }, T);
    expect(s).toBe(10);
    expect(priorityOf(s)).toBe(1);
  });
  it('neutral price review, no order known, 20 h left: 2 + 0 + 0 + 0 + 0 = 2 → 5', () => {
    const s = score({ severity: 2, categories: ['price'], safety: false, orderValue: null, earlierOrders: null, hoursLeft: 20, firstContactPending: true }, T);
    expect(s).toBe(2);
    expect(priorityOf(s)).toBe(5);
  });
  it('neutral logistics, 300.00 order, repeat buyer, 10 h left: 2 + 1 + 2 + 1 + 1 = 7 → 2', () => {
    const s = score({ severity: 2, categories: ['logistics'], safety: false, orderValue: new Money('300.00'), earlierOrders: 2, hoursLeft: 10, firstContactPending: true }, T);
    expect(s).toBe(7);
    expect(priorityOf(s)).toBe(2);
  });
  it('negative before neutral: negative price (5) outranks neutral quality (4)', () => {
    const neg = score({ severity: 5, categories: ['price'], safety: false, orderValue: null, earlierOrders: null, hoursLeft: 20, firstContactPending: true }, T);
    const neu = score({ severity: 2, categories: ['quality'], safety: false, orderValue: null, earlierOrders: null, hoursLeft: 20, firstContactPending: true }, T);
    expect([neg, neu]).toEqual([5, 4]);
    expect([priorityOf(neg), priorityOf(neu)]).toEqual([3, 4]);
  });
  it('safety counts 3, above quality and not-as-described (2), above price (0)', () => {
    const s = (categories: ('quality' | 'price' | 'not_as_described')[], safety: boolean) =>
      score({ severity: 5, categories, safety, orderValue: null, earlierOrders: null, hoursLeft: 24, firstContactPending: true }, T);
    expect([s(['quality'], true), s(['quality'], false), s(['not_as_described'], false), s(['price'], false)]).toEqual([8, 7, 7, 5]);
  });
  it('value bands: 99.99 → 0, 100.00 → 1, 299.99 → 1, 300.00 → 2', () => {
    const s = (v: string) => score({ severity: 0, categories: ['other'], safety: false, orderValue: new Money(v), earlierOrders: 0, hoursLeft: 100, firstContactPending: true }, T);
    expect([s('99.99'), s('100.00'), s('299.99'), s('300.00')]).toEqual([0, 1, 1, 2]);
  });
  it('urgency bands', () => {
    expect([6, 6.01, 18, 18.01].map((h) => urgencyPoints(h, true))).toEqual([2, 1, 1, 0]);
    expect([72, 73, 168, 169].map((h) => urgencyPoints(h, false))).toEqual([2, 1, 1, 0]);
  });
  it('score bands', () => {
    expect([13, 9, 8, 7, 6, 5, 4, 3, 2, 0].map(priorityOf)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
});
