import { describe, expect, it } from 'vitest';
import { Money } from '../../src/money.js';
import { DEFAULT_SETTINGS } from '../../src/reviews/policy.js';
import { DEFAULT_THRESHOLDS } from '../../src/reviews/priority.js';
import { DEFAULT_GOODWILL, type QueueOptions, buildQueue } from '../../src/reviews/queue.js';
import { orderFacts } from '../../src/reviews/orders.js';
import type { Review } from '../../src/reviews/types.js';
import { TimeZone } from '../../src/time.js';
import { matchers } from './tables.js';

const bj = new TimeZone('Asia/Shanghai');
const at = (d: number, h: number, mi = 0) => bj.fromWall(2026, 11, d, h, mi);
const fmt = (t: number | null) => (t === null ? null : bj.format(t));
let line = 1;
const rv = (o: Partial<Review>): Review => ({
  file: 'r.csv',
  line: ++line,
  orderId: '100',
  buyer: 'b',
  title: '',
  rating: 'bad',
  ratingRaw: '',
  reviewedAt: at(20, 10),
  text: '',
  followUpText: '',
  followUpAt: null,
  dsr: { description: null, service: null, logistics: null },
  ...o,
});
const opts = (o: Partial<QueueOptions> = {}): QueueOptions => ({
  matchers,
  settings: DEFAULT_SETTINGS,
  thresholds: DEFAULT_THRESHOLDS,
  goodwill: DEFAULT_GOODWILL,
  serialNegativeAt: 3,
  asOf: at(20, 12),
  tz: bj,
  contacts: new Map(),
  orders: null,
  includeResolved: false,
  ...o,
});

describe('the queue', () => {
  it('only flagged reviews, most urgent first; goodwill 10.00 negative / 5.00 neutral', () => {
    const q = buildQueue(
      [
        rv({ orderId: '1', rating: 'neutral', text: '买完就降价了' }),
        rv({ orderId: '2', rating: 'good', text: '很好' }),
        rv({ orderId: '3', rating: 'bad', text: '破了个洞，质量太差' }),
      ],
      opts(),
    );
    expect(q.map((i) => i.orderId)).toEqual(['3', '1']);
    // #3: negative 5 + quality 2 + no order 0 + 22 h to contactBy 0 = 7 → 2. #1: neutral 2 + price 0 = 2 → 5.
    expect(q.map((i) => [i.score, i.priority])).toEqual([
      [7, 2],
      [2, 5],
    ]);
    expect(q.map((i) => i.goodwill.toFixed(2))).toEqual(['10.00', '5.00']);
    expect(q[0]).toMatchObject({ action: 'contact_now', template: 'contact-quality', status: 'new', attempts: 0, overdue: [] });
    expect(fmt(q[0]!.contactBy)).toBe('2026-11-21 10:00:00');
    expect(fmt(q[0]!.explainBy)).toBe('2026-12-20 10:00:00');
  });
  it('goodwill never exceeds what the buyer paid (a 3.50 order gets 3.50)', () => {
    const orders = orderFacts([{ orderId: '9', parentOrderId: null, buyer: 'b', paidAt: at(1, 9), paidAmount: new Money('3.50') }]);
    const [i] = buildQueue([rv({ orderId: '9' })], opts({ orders }));
    expect(i!.goodwill.toFixed(2)).toBe('3.50');
  });
  it('repeat buyers: earlier paid, not closed orders by the same buyer', () => {
    const o = (orderId: string, d: number, status?: 'closed') => ({ orderId, parentOrderId: null, buyer: 'amy', paidAt: at(d, 9), paidAmount: new Money('50'), status });
    const f = orderFacts([o('1', 1), o('2', 2, 'closed'), o('3', 3), o('4', 4)]);
    // Order 4: orders 1 and 3 before it; 2 was closed.
    expect(f.get('4')!.earlierOrders).toBe(2);
    expect(f.get('1')!.earlierOrders).toBe(0);
  });
  it('a serial negative reviewer (3 neutral/negative reviews) and extortion wording are complaint candidates', () => {
    const q = buildQueue(
      [rv({ orderId: '1', buyer: 'x' }), rv({ orderId: '2', buyer: 'x', rating: 'neutral' }), rv({ orderId: '3', buyer: 'x', text: '不退款就差评' }), rv({ orderId: '4', buyer: 'y' })],
      opts(),
    );
    const by = new Map(q.map((i) => [i.orderId, i.malicious]));
    expect(by.get('3')).toEqual(['extortion:不退款就差评', 'serial_negative:3']);
    expect(by.get('1')).toEqual(['serial_negative:3']);
    expect(by.get('4')).toEqual([]);
  });
  it('attempts used up: a malicious review goes to complaint, others to the public explanation', () => {
    const contacts = new Map([
      ['1', { status: 'awaiting_reply' as const, attempts: 3, lastContactAt: at(20, 11) }],
      ['2', { status: 'awaiting_reply' as const, attempts: 3, lastContactAt: at(20, 11) }],
    ]);
    const q = buildQueue([rv({ orderId: '1', text: '不退款就差评' }), rv({ orderId: '2', text: '很差' })], opts({ contacts }));
    const by = new Map(q.map((i) => [i.orderId, i]));
    // Extortion: the complaint steps (not a message to the buyer) and no goodwill.
    expect(by.get('1')).toMatchObject({ action: 'file_complaint', template: 'complaint-extortion', nextContactAt: null, attempts: 3, escalate: ['extortion'] });
    expect(by.get('1')!.goodwill.toString()).toBe('0');
    expect(by.get('2')).toMatchObject({ action: 'post_explanation', template: 'explain', nextContactAt: null });
  });
  it('awaiting a reply inside the 4 h gap: await_reply with the next allowed time', () => {
    const contacts = new Map([['1', { status: 'awaiting_reply' as const, attempts: 1, lastContactAt: at(20, 11) }]]);
    const [i] = buildQueue([rv({ orderId: '1', text: '很差' })], opts({ contacts }));
    expect(i).toMatchObject({ action: 'await_reply', attempts: 1 });
    expect(fmt(i!.nextContactAt)).toBe('2026-11-20 15:00:00');
  });
  it('overdue marks: contactBy passed without contact; explainBy passed', () => {
    const [i] = buildQueue([rv({ reviewedAt: at(1, 10) })], opts({ asOf: at(30, 12) }));
    // Nov 1 10:00 + 24 h = Nov 2 10:00; + 30 days = Dec 1 10:00 (Nov has 30 days), still open on Nov 30.
    expect(i!.overdue).toEqual(['contactBy']);
    expect(fmt(i!.explainBy)).toBe('2026-12-01 10:00:00');
    const [j] = buildQueue([rv({ reviewedAt: at(1, 10) })], opts({ asOf: bj.fromWall(2026, 12, 2, 9, 0) }));
    expect(j!.overdue).toEqual(['contactBy', 'explainBy']);
    expect(j!.action).toBe('contact_now');
  });
  it('resolved items leave the queue unless --all', () => {
    const contacts = new Map([['1', { status: 'resolved' as const, attempts: 1, lastContactAt: at(20, 11) }]]);
    expect(buildQueue([rv({ orderId: '1' })], opts({ contacts }))).toEqual([]);
    expect(buildQueue([rv({ orderId: '1' })], opts({ contacts, includeResolved: true }))[0]).toMatchObject({ action: 'none', priority: 5 });
  });
});
