// RULES §1 worked by hand. Each test quotes the rule and does the arithmetic in comments.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Kind, judge, payout } from '../../src/compensation/judge.js';
import { type LateOrder, buildVouchers, compactPayout } from '../../src/compensation/vouchers.js';
import { Money, fmtMoney } from '../../src/money.js';
import type { Order } from '../../src/orders/types.js';
import { type RuleSet, loadRuleSet } from '../../src/rules/ruleset.js';
import { TimeZone, parseTime } from '../../src/time.js';

const ROOT = path.resolve(__dirname, '..', '..');
const T2023 = loadRuleSet('tmall-2023', ROOT);
const T2026 = loadRuleSet('tmall-2026', ROOT);
const BJ = new TimeZone('Asia/Shanghai');
const t = (s: string) => parseTime(s, BJ) as number;

let seq = 0;
function order(p: { buyer?: string; paidAt: string; shipped?: string; paid: string; postage?: string; status?: Order['status']; presale?: boolean; promised?: string; title?: string }): Order {
  seq++;
  return {
    platform: 'taobao', layout: 'test', sourceFile: 'test', sourceLine: seq,
    orderId: String(1000000000000000 + seq), parentOrderId: null, lineId: null,
    buyer: p.buyer ?? 'buyer-a', status: p.status ?? (p.shipped ? 'shipped' : 'awaiting_shipment'), statusRaw: '',
    createdAt: null, paidAt: t(p.paidAt), shippedAt: p.shipped ? t(p.shipped) : null, confirmedAt: null,
    promisedShipAt: p.promised ? t(p.promised) : null,
    goodsAmount: null, postage: p.postage ? new Money(p.postage) : null, paidAmount: new Money(p.paid), refundAmount: null,
    quantity: 1, title: p.title ?? 'item', carrier: '', trackingNo: '', presale: p.presale ?? null, platformCompensation: null,
    sellerFlag: '', sellerNote: '', closeReason: '', receiver: '', phone: '', address: '', articleNo: '',
  };
}

/** Judge and price a set of orders, then group them, as the command does. */
function vouchersOf(orders: Order[], rules: RuleSet, asOf: string) {
  const late: LateOrder[] = [];
  for (const o of orders) {
    const v = judge(o, rules, { asOf: t(asOf) });
    if (v.verdict !== 'late') continue;
    late.push({ orderId: o.orderId, buyer: o.buyer, rules: rules.id, paidAt: o.paidAt!, deadline: v.deadline, shippedAt: v.shippedAt, hoursLate: v.hoursLate, payout: compactPayout(payout(o, v.kind, v.windowHours, rules, 'paid-minus-postage')), platformCompensation: null, shipSource: 'marked_shipped' });
  }
  return buildVouchers(late, new Map(), rules, t(asOf), BJ).map((v) => ({ orders: v.orders.map((l) => l.orderId), computed: fmtMoney(v.computedAmount), amount: fmtMoney(v.amount), capped: v.capped, kinds: v.kinds, state: v.state }));
}

const AS_OF = '2026-12-31 00:00:00';

describe('RULES 1.1 deadlines and lateness', () => {
  it('shipped exactly at the deadline is on time; one second after is late', () => {
    // paid 2026-11-15 10:00:00 + 48 h = deadline 2026-11-17 10:00:00
    const onTime = order({ paidAt: '2026-11-15 10:00:00', shipped: '2026-11-17 10:00:00', paid: '100.00' });
    const late = order({ paidAt: '2026-11-15 10:00:00', shipped: '2026-11-17 10:00:01', paid: '100.00' });
    expect(judge(onTime, T2023, { asOf: t(AS_OF) })).toEqual({ verdict: 'on_time', deadline: t('2026-11-17 10:00:00') });
    const v = judge(late, T2023, { asOf: t(AS_OF) });
    expect(v.verdict).toBe('late');
    expect(v.verdict === 'late' && v.hoursLate).toBeCloseTo(1 / 3600, 9);
  });

  it('a closed order that never shipped cannot be judged (close time unknown); unpaid is never late', () => {
    const closed = order({ paidAt: '2026-11-01 10:00:00', paid: '30.00', status: 'closed' });
    expect(judge(closed, T2023, { asOf: t(AS_OF) })).toEqual({ verdict: 'not_judged', reason: 'closed_unshipped' });
    const unpaid = { ...order({ paidAt: '2026-11-01 10:00:00', paid: '30.00', status: 'unpaid' }), paidAt: null };
    expect(judge(unpaid, T2023, { asOf: t(AS_OF) })).toEqual({ verdict: 'unpaid' });
  });

  it('an unshipped order past its deadline is late and provisional', () => {
    // paid 2026-11-17 08:00 → deadline 2026-11-19 08:00; as-of 2026-11-20 12:00 → 28 h late.
    const o = order({ paidAt: '2026-11-17 08:00:00', paid: '58.00', postage: '8.00' });
    const v = judge(o, T2023, { asOf: t('2026-11-20 12:00:00') });
    expect(v).toMatchObject({ verdict: 'late', shippedAt: null, hoursLate: 28, kind: 'late' });
    // base 58.00 − 8.00 = 50.00; 30 % = 15.00
    expect(vouchersOf([o], T2023, '2026-11-20 12:00:00')).toEqual([{ orders: [o.orderId], computed: '15.00', amount: '15.00', capped: false, kinds: ['late'], state: 'provisional' }]);
  });

  it('the promised ship time (抖店 承诺发货时间) replaces paid-at + 48 h', () => {
    // promised 2026-11-16 12:00, shipped 2026-11-16 13:00 → 1 h late though within 48 h of payment.
    const o = order({ paidAt: '2026-11-15 10:00:00', promised: '2026-11-16 12:00:00', shipped: '2026-11-16 13:00:00', paid: '100.00' });
    expect(judge(o, T2023, { asOf: t(AS_OF) })).toMatchObject({ verdict: 'late', hoursLate: 1, deadline: t('2026-11-16 12:00:00') });
  });

  it('--ship-within changes the default window', () => {
    // 24 h window: paid 11-15 10:00 → deadline 11-16 10:00; shipped 11-16 11:00 → late by 1 h.
    const o = order({ paidAt: '2026-11-15 10:00:00', shipped: '2026-11-16 11:00:00', paid: '100.00' });
    expect(judge(o, T2023, { asOf: t(AS_OF), shipWithinHours: 24 })).toMatchObject({ verdict: 'late', hoursLate: 1 });
    expect(judge(o, T2023, { asOf: t(AS_OF) }).verdict).toBe('on_time');
  });
});

describe('RULES 1.2 tmall-2023: 30 %, at least 5 yuan per transaction, 24 h windows capped at 500', () => {
  it('the 5-yuan minimum applies per order before combining', () => {
    // 12.00 × 30 % = 3.60 → raised to the 5.00 minimum.
    const o = order({ paidAt: '2026-11-10 20:00:00', shipped: '2026-11-12 21:00:00', paid: '12.00' });
    const v = judge(o, T2023, { asOf: t(AS_OF) });
    const p = payout(o, (v as { kind: Kind }).kind, 48, T2023, 'paid-minus-postage');
    expect([fmtMoney(p.raw), fmtMoney(p.afterMinimum)]).toEqual(['3.60', '5.00']);
  });

  it('postage is excluded from the base', () => {
    // 买家实际支付金额 200.00 − 买家应付邮费 10.00 = 190.00; 30 % = 57.00 (not 60.00).
    const o = order({ paidAt: '2026-11-10 09:00:00', shipped: '2026-11-13 10:00:00', paid: '200.00', postage: '10.00' });
    expect(vouchersOf([o], T2023, AS_OF)[0]!.amount).toBe('57.00');
  });

  it('rounds half-up to the fen after the percentage', () => {
    // 99.95 × 30 % = 29.985 → 29.99 (half-up).
    const o = order({ paidAt: '2026-11-10 09:00:00', shipped: '2026-11-13 10:00:00', paid: '99.95' });
    expect(vouchersOf([o], T2023, AS_OF)[0]!.amount).toBe('29.99');
  });

  it('caps a window at 500', () => {
    // 1000.00 × 30 % = 300.00 and 900.00 × 30 % = 270.00, paid 2 h apart: 570.00 → capped at 500.00.
    const a = order({ paidAt: '2026-11-10 09:00:00', shipped: '2026-11-13 09:00:00', paid: '1000.00' });
    const b = order({ paidAt: '2026-11-10 11:00:00', shipped: '2026-11-13 09:00:00', paid: '900.00' });
    expect(vouchersOf([a, b], T2023, AS_OF)).toEqual([{ orders: [a.orderId, b.orderId], computed: '570.00', amount: '500.00', capped: true, kinds: ['late'], state: 'final' }]);
  });

  it('a window boundary at exactly 24 h: included; 24 h and one second: a new window', () => {
    // Our reading: "within 24 hours" of the window's first payment includes exactly 24:00:00.
    const a = order({ paidAt: '2026-11-10 09:00:00', shipped: '2026-11-14 09:00:00', paid: '100.00' });
    const b = order({ paidAt: '2026-11-11 09:00:00', shipped: '2026-11-14 09:00:00', paid: '100.00' });
    const c = order({ paidAt: '2026-11-11 09:00:01', shipped: '2026-11-14 09:00:00', paid: '100.00', buyer: 'buyer-b' });
    const d = order({ paidAt: '2026-11-10 09:00:00', shipped: '2026-11-14 09:00:00', paid: '100.00', buyer: 'buyer-b' });
    // buyer-a: 30.00 + 30.00 = 60.00 in one voucher; buyer-b: two vouchers of 30.00.
    const v = vouchersOf([a, b, c, d], T2023, AS_OF);
    expect(v.map((x) => [x.orders, x.amount])).toEqual([
      [[a.orderId, b.orderId], '60.00'],
      [[d.orderId], '30.00'],
      [[c.orderId], '30.00'],
    ]);
  });

  it('three orders at 0 h, 20 h and 30 h make two windows', () => {
    // Window opens at 0 h; 20 h joins; 30 h is more than 24 h after the opening → new window.
    const o0 = order({ paidAt: '2026-11-10 00:00:00', shipped: '2026-11-15 00:00:00', paid: '50.00' });
    const o20 = order({ paidAt: '2026-11-10 20:00:00', shipped: '2026-11-15 00:00:00', paid: '50.00' });
    const o30 = order({ paidAt: '2026-11-11 06:00:00', shipped: '2026-11-15 00:00:00', paid: '50.00' });
    // 50.00 × 30 % = 15.00 each → 30.00 and 15.00.
    expect(vouchersOf([o30, o0, o20], T2023, AS_OF).map((x) => [x.orders, x.amount])).toEqual([
      [[o0.orderId, o20.orderId], '30.00'],
      [[o30.orderId], '15.00'],
    ]);
  });

  it('orders at 23:50 and 00:10: one window under tmall-2023, two under tmall-2026 (calendar day)', () => {
    const a = order({ paidAt: '2026-11-10 23:50:00', shipped: '2026-11-14 00:00:00', paid: '200.00' });
    const b = order({ paidAt: '2026-11-11 00:10:00', shipped: '2026-11-14 00:00:00', paid: '200.00' });
    // 2023: 60.00 + 60.00 = 120.00 in one voucher.
    expect(vouchersOf([a, b], T2023, AS_OF).map((x) => [x.orders, x.amount])).toEqual([[[a.orderId, b.orderId], '120.00']]);
    // 2026: 200.00 × 5 % = 10.00 each, different Beijing days → two vouchers of 10.00.
    expect(vouchersOf([a, b], T2026, AS_OF).map((x) => [x.orders, x.amount])).toEqual([
      [[a.orderId], '10.00'],
      [[b.orderId], '10.00'],
    ]);
  });
});

describe('RULES 1.3 tmall-2026', () => {
  it('late: 5 % clamped to 5–50', () => {
    // 60.00 × 5 % = 3.00 → 5.00; 400.00 × 5 % = 20.00; 2000.00 × 5 % = 100.00 → 50.00. Different days.
    const a = order({ paidAt: '2026-11-01 10:00:00', shipped: '2026-11-03 11:00:00', paid: '60.00' });
    const b = order({ paidAt: '2026-11-02 10:00:00', shipped: '2026-11-04 11:00:00', paid: '400.00' });
    const c = order({ paidAt: '2026-11-03 10:00:00', shipped: '2026-11-05 11:00:00', paid: '2000.00' });
    expect(vouchersOf([a, b, c], T2026, AS_OF).map((x) => x.amount)).toEqual(['5.00', '20.00', '50.00']);
  });

  it('presale: 10 % clamped 5–50', () => {
    // 300.00 × 10 % = 30.00
    const o = order({ paidAt: '2026-11-01 10:00:00', shipped: '2026-11-03 11:00:00', paid: '300.00', presale: true });
    expect(vouchersOf([o], T2026, AS_OF)[0]!.amount).toBe('30.00');
  });

  it('out of stock: unshipped more than 72 h after becoming late, 10 % (window ≤ 48 h) clamped 5–500, replacing the late payout', () => {
    // paid 11-01 10:00 → deadline 11-03 10:00 → out of stock after 11-06 10:00.
    const o = order({ paidAt: '2026-11-01 10:00:00', paid: '3000.00' });
    // as-of 11-06 10:00 exactly: 72 h late, not yet out of stock: late 5 % = 150 → 50.00.
    expect(vouchersOf([o], T2026, '2026-11-06 10:00:00')).toEqual([{ orders: [o.orderId], computed: '50.00', amount: '50.00', capped: false, kinds: ['late'], state: 'provisional' }]);
    // one second later: out of stock, 3000.00 × 10 % = 300.00 (within 5–500).
    expect(vouchersOf([o], T2026, '2026-11-06 10:00:01')).toEqual([{ orders: [o.orderId], computed: '300.00', amount: '300.00', capped: false, kinds: ['out_of_stock'], state: 'provisional' }]);
  });

  it('out of stock with a window over 48 h: 15 %', () => {
    // promised 72 h after payment: 11-01 10:00 → 11-04 10:00; shipped 11-08 10:00 = 96 h late > 72 h.
    // 1000.00 × 15 % = 150.00
    const o = order({ paidAt: '2026-11-01 10:00:00', promised: '2026-11-04 10:00:00', shipped: '2026-11-08 10:00:00', paid: '1000.00' });
    expect(vouchersOf([o], T2026, AS_OF)).toEqual([{ orders: [o.orderId], computed: '150.00', amount: '150.00', capped: false, kinds: ['out_of_stock'], state: 'final' }]);
  });

  it('the same calendar day combines a mix and caps at 500', () => {
    // Two out-of-stock orders of 3000.00 on 11-01: 300.00 + 300.00 = 600.00 → 500.00.
    const a = order({ paidAt: '2026-11-01 01:00:00', shipped: '2026-11-10 00:00:00', paid: '3000.00' });
    const b = order({ paidAt: '2026-11-01 22:00:00', shipped: '2026-11-10 00:00:00', paid: '3000.00' });
    expect(vouchersOf([a, b], T2026, AS_OF)).toEqual([{ orders: [a.orderId, b.orderId], computed: '600.00', amount: '500.00', capped: true, kinds: ['out_of_stock'], state: 'final' }]);
  });

  it('listing words tighten the window: 极速发 means 24 h', () => {
    // paid 11-01 10:00, shipped 11-02 11:00: 25 h → late under 24 h window; 10 % for … no: 5 % of 200.00 = 10.00
    const o = order({ paidAt: '2026-11-01 10:00:00', shipped: '2026-11-02 11:00:00', paid: '200.00', title: '极速发 羊毛围巾' });
    expect(vouchersOf([o], T2026, AS_OF)[0]!.amount).toBe('10.00');
    expect(vouchersOf([o], T2023, AS_OF)).toEqual([]); // tmall-2023 has no listing windows: 25 h < 48 h
  });

  it('卖家部分发货 with a 发货时间 (the first parcel\'s): still unshipped, so late at as-of (provisional)', () => {
    // tmall-2023: paid 03-01 10:00, deadline 03-03 10:00, first parcel 03-02 10:00; a line still unshipped at
    // as-of: late, 30 % of 100.00 = 30.00, provisional. Taken as shipped at 03-02 10:00 it was on time (0).
    const o = { ...order({ paidAt: '2026-03-01 10:00:00', shipped: '2026-03-02 10:00:00', paid: '100.00' }), status: 'partially_shipped' as const };
    expect(judge(o, T2023, { asOf: t('2026-06-01 00:00:00') })).toMatchObject({ verdict: 'late', shippedAt: null });
    expect(vouchersOf([o], T2023, '2026-06-01 00:00:00')).toEqual([{ orders: [o.orderId], computed: '30.00', amount: '30.00', capped: false, kinds: ['late'], state: 'provisional' }]);
    // Before its deadline it is pending, not on time.
    expect(judge(o, T2023, { asOf: t('2026-03-02 12:00:00') })).toMatchObject({ verdict: 'pending' });
  });

  it('--ship-within replaces the default window, never a listing word\'s shorter one', () => {
    const within72 = (o: Order) => judge(o, T2026, { asOf: t(AS_OF), shipWithinHours: 72 });
    // 现货: 48 h. Paid 05-01 10:00, shipped 05-03 22:00: 12 h after the 48 h deadline → late (5 %).
    const spot = order({ paidAt: '2026-05-01 10:00:00', shipped: '2026-05-03 22:00:00', paid: '100.00', title: '现货 毛巾' });
    expect(within72(spot)).toMatchObject({ verdict: 'late', windowHours: 48, hoursLate: 12 });
    // 极速发: 24 h. Paid 05-01 10:00, shipped 05-07 10:00:01: 120 h + 1 s late → out of stock, window ≤ 48 h.
    const fast = order({ paidAt: '2026-05-01 10:00:00', shipped: '2026-05-07 10:00:01', paid: '3000.00', title: '极速发 毛巾' });
    expect(within72(fast)).toMatchObject({ verdict: 'late', windowHours: 24, kind: 'out_of_stock' });
    // No listing word: the 72 h of --ship-within (shipped 05-03 22:00 is on time).
    const plain = order({ paidAt: '2026-05-01 10:00:00', shipped: '2026-05-03 22:00:00', paid: '100.00', title: '毛巾' });
    expect(within72(plain)).toMatchObject({ verdict: 'on_time' });
  });
});

describe('voucher state', () => {
  it('stays provisional while another open order of the buyer could still join the window', () => {
    // a shipped late; b (same buyer, paid 2 h later) is unshipped but its deadline has not passed yet.
    const a = order({ paidAt: '2026-11-10 09:00:00', shipped: '2026-11-12 10:00:00', paid: '100.00' });
    const late: LateOrder[] = [{ orderId: a.orderId, buyer: a.buyer, rules: T2023.id, paidAt: a.paidAt!, deadline: t('2026-11-12 09:00:00'), shippedAt: a.shippedAt, hoursLate: 1, payout: compactPayout(payout(a, 'late', 48, T2023, 'paid')), platformCompensation: null, shipSource: 'marked_shipped' }];
    const open = new Map([[a.buyer, [{ orderId: 'other', paidAt: t('2026-11-10 11:00:00') }]]]);
    expect(buildVouchers(late, open, T2023, t('2026-11-12 10:30:00'), BJ)[0]!.state).toBe('provisional');
    expect(buildVouchers(late, new Map(), T2023, t('2026-11-12 10:30:00'), BJ)[0]!.state).toBe('final');
    // The window itself (09:00 + 24 h) must be over: at 11-11 08:00 it is not.
    expect(buildVouchers(late, new Map(), T2023, t('2026-11-11 08:00:00'), BJ)[0]!.state).toBe('provisional');
  });
});

describe('RULES 1.2 serious delay (a risk flag, no money)', () => {
  it('flags a window holding an order more than 72 h late under tmall-2023, never under tmall-2026', () => {
    // paid 11-01 10:00 → deadline 11-03 10:00. Shipped 11-06 10:00 = exactly 72 h late: no flag;
    // shipped 11-06 10:00:01 (72 h + 1 s): flagged. The money is unchanged: 100.00 × 30 % = 30.00.
    const at72 = order({ paidAt: '2026-11-01 10:00:00', shipped: '2026-11-06 10:00:00', paid: '100.00' });
    const over = order({ paidAt: '2026-11-01 10:00:00', shipped: '2026-11-06 10:00:01', paid: '100.00', buyer: 'buyer-z' });
    const risk = (orders: Order[], rules: RuleSet) => {
      const late: LateOrder[] = orders.map((o) => {
        const v = judge(o, rules, { asOf: t(AS_OF) }) as Extract<ReturnType<typeof judge>, { verdict: 'late' }>;
        return { orderId: o.orderId, buyer: o.buyer, rules: rules.id, paidAt: o.paidAt!, deadline: v.deadline, shippedAt: v.shippedAt, hoursLate: v.hoursLate, payout: compactPayout(payout(o, v.kind, v.windowHours, rules, 'paid')), platformCompensation: null, shipSource: 'marked_shipped' as const };
      });
      return buildVouchers(late, new Map(), rules, t(AS_OF), BJ).map((v) => [v.buyer, v.risk, fmtMoney(v.amount)]);
    };
    expect(risk([at72, over], T2023)).toEqual([['buyer-a', '', '30.00'], ['buyer-z', 'serious_delay', '30.00']]);
    expect(risk([over], T2026).map((r) => r[1])).toEqual(['']);
  });
});

