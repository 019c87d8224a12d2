// HeldGroups (src/orders/heldgroups.ts): the line groups of several line-grain files put aside in a
// temporary file until every file is read (issue 21). What comes back must be what went in, in the
// same order, field for field: the amounts as exact decimals (decimal.js objects, not plain objects),
// absent fields absent, the rest as they were. A run of 16 × 1,024 groups or fewer never makes the
// file; these build it with blocks of 2 groups and 1 kept in memory.
import { describe, expect, it } from 'vitest';
import { Money } from '../../src/money.js';
import { HeldById, HeldGroups, type HeldGroup } from '../../src/orders/heldgroups.js';
import { detectLayout } from '../../src/orders/detect.js';
import { ROW_LITERAL_KEYS, type ParsedRow, isProblem, makeRowParser } from '../../src/orders/parse.js';
import { PLATFORM_TZ } from '../../src/time.js';
import { T71, order } from './build.js';

function row(n: number, extra: Partial<ParsedRow> = {}): ParsedRow {
  return {
    platform: 'taobao', layout: 'taobao-items-28', sourceFile: 'a.csv', sourceLine: n + 1, orderId: `37000000000000${String(n).padStart(5, '0')}`, parentOrderId: null, lineId: `l${n}`, buyer: '', status: 'shipped', statusRaw: '卖家已发货，等待买家确认',
    createdAt: 1_790_000_000_000 + n, paidAt: 1_790_000_060_000 + n, shippedAt: null, confirmedAt: null, promisedShipAt: null,
    goodsAmount: new Money('128.00'), postage: null, paidAmount: new Money('119.8'), refundAmount: new Money(0), quantity: 1, title: '围巾礼盒', articleNo: '', carrier: '', trackingNo: '',
    presale: null, platformCompensation: null, sellerFlag: '', sellerNote: '', closeReason: '', receiver: '', phone: '', address: '',
    ...extra,
  };
}

describe('HeldGroups', () => {
  it('gives back every group in the order pushed, amounts exact, through the temporary file', () => {
    const h = new HeldGroups(1, 2);
    const groups: HeldGroup[] = [];
    for (let i = 0; i < 7; i++) groups.push({ lines: [row(i)], keep: i % 2 === 0, shows: i % 3 !== 0, file: i % 2 });
    // Amounts an export can hold and some it cannot: more decimals than fen, a negative zero, 25 digits.
    groups[3]!.lines.push(row(30, { paidAmount: new Money('0.005'), refundAmount: new Money('-0'), goodsAmount: new Money('1234567890123456789012.34'), price: new Money('-12.5'), timeSlack: { paidAt: 59_000 }, extra: { 备注: 'x' } }));
    groups[5]!.lines[0]!.platformCompensation = new Money('5.00');
    const expected = groups.map((g) => ({ ...g, lines: g.lines.map((l) => ({ ...l })) }));
    for (const g of groups) h.push(g);
    const back = [...h.drain()].flat();
    expect(back.map((g) => g.lines.map((l) => l.orderId))).toEqual(expected.map((g) => g.lines.map((l) => l.orderId)));
    for (let i = 0; i < back.length; i++) {
      const [b, e] = [back[i]!, expected[i]!];
      expect([b.keep, b.shows, b.file]).toEqual([e.keep, e.shows, e.file]);
      for (let j = 0; j < e.lines.length; j++) {
        const bl = b.lines[j]! as unknown as Record<string, unknown>;
        const el = e.lines[j]! as unknown as Record<string, unknown>;
        expect(Object.keys(bl)).toEqual(Object.keys(el));
        for (const k of Object.keys(el)) {
          if (el[k] instanceof Money) {
            expect(bl[k]).toBeInstanceOf(Money);
            const [x, y] = [bl[k] as Money, el[k] as Money];
            expect([x.toString(), x.isNeg()]).toEqual([y.toString(), y.isNeg()]);
          } else expect(bl[k]).toEqual(el[k]);
        }
      }
    }
    // Worked out: 119.8 is 119.80; 0.005 stays 0.005 (not rounded to a fen); −0 stays negative.
    const odd = back[3]!.lines[1]!;
    expect([odd.paidAmount!.toFixed(3), odd.refundAmount!.isNeg(), odd.goodsAmount!.toFixed(2), odd.price!.toFixed(2)]).toEqual(['0.005', true, '1234567890123456789012.34', '-12.50']);
    expect(back[0]!.lines[0]!.paidAmount!.toFixed(2)).toBe('119.80');
    expect(back[5]!.lines[0]!.platformCompensation!.toFixed(2)).toBe('5.00');
  });

  it('a run small enough is given back from memory, the same objects', () => {
    const h = new HeldGroups();
    const g: HeldGroup = { lines: [row(1)], keep: true, shows: true, file: 0 };
    h.push(g);
    expect([...h.drain()]).toEqual([[g]]);
    expect([...h.drain()][0]?.[0]).toBeUndefined();
  });
});

describe('HeldGroups repeated values', () => {
  // A value the same as the block's previous row's (same keys) is not written again. What must hold:
  // 0 and -0 are not the same value (quantity -0 after 0 comes back -0), a shared amount comes back
  // equal, rows of two key lists in one block (one with shop added) each repeat only their own
  // list's previous row.
  it('gives back each row as it was, whatever its previous row', () => {
    const h = new HeldGroups(0, 4);
    const price = new Money('39.00');
    const extra = { 备注: 'x' };
    const lines = [
      row(1, { quantity: 0, price, extra }),
      row(2, { quantity: -0, price, extra }),
      row(3, { quantity: -0, price, shop: 's1' } as Partial<ParsedRow>),
      row(4, { quantity: 2, price: new Money('-0'), extra }),
      row(5, { quantity: 2, price: null, shop: 's1' } as Partial<ParsedRow>),
    ];
    const expected = lines.map((l) => ({ ...l }));
    for (let i = 0; i < lines.length; i++) h.push({ lines: [lines[i]!], keep: true, shows: true, file: 0 });
    const back = [...h.drain()].flat().map((g) => g.lines[0]!);
    expect(back.length).toBe(5);
    expect(back.map((l) => Object.is(l.quantity, -0))).toEqual([false, true, true, false, false]);
    expect(back.map((l) => l.quantity)).toEqual([0, -0, -0, 2, 2]);
    expect(back.map((l) => (l.price == null ? l.price : `${l.price.toFixed(2)}${l.price.isNeg() ? '-' : ''}`))).toEqual(['39.00', '39.00', '39.00', '0.00-', null]);
    expect(back.map((l) => (l as unknown as { shop?: string }).shop)).toEqual([undefined, undefined, 's1', undefined, 's1']);
    expect(back.map((l) => Object.keys(l))).toEqual(expected.map((l) => Object.keys(l)));
    expect(back[0]!.extra).toEqual({ 备注: 'x' });
    expect(back.map((l) => l.extra)).toEqual([{ 备注: 'x' }, { 备注: 'x' }, undefined, { 备注: 'x' }, undefined]);
    expect(back.map((l) => l.orderId)).toEqual(expected.map((l) => l.orderId));
  });
});

describe('ROW_LITERAL_KEYS', () => {
  // Rows brought back from the temporary file are built with a literal of ROW_LITERAL_KEYS first, to
  // have the parser's rows' hidden class: the list must be parseCells' literal, key for key. A parsed
  // row's keys start with it (the literal's 32 keys; keys the parser adds after it, such as shop,
  // come later).
  it("is the start of a parsed row's keys, in order", () => {
    const d = detectLayout('t.csv', T71);
    const p = makeRowParser(d.layout, d.map, 't.csv', d.layoutId, PLATFORM_TZ, Date.UTC(2027, 0, 1), false);
    const r = p.parse(T71.map((h) => order('3000000010000000001', {})[h] ?? ''), 2);
    if (isProblem(r)) throw new Error(`rejected: ${r.reason.en}`);
    expect(ROW_LITERAL_KEYS.length).toBe(32);
    expect(Object.keys(r).slice(0, 32)).toEqual(ROW_LITERAL_KEYS);
  });
});

describe('HeldById take once, untaken', () => {
  // The join of an order report with an item report (read.ts joined) holds each item-report order's
  // lines here by order id: taken once when its order-report row comes (a second row of the id gets
  // nothing, as the Map it replaced had deleted the order), and the orders never taken given back at
  // the end in the order added. Blocks of 2 groups, 1 kept in memory, a cache of 1 block: orders 0-1
  // stay in memory, 2-3, 4-5 and 6-7 go to the temporary file, 8 is the open block.
  it('gives each order once, the rest in the order added, through the temporary file', () => {
    const h = new HeldById(1, 2, 1);
    for (let i = 0; i < 9; i++) h.add(row(i).orderId, { lines: [row(i)], keep: false, shows: i % 2 === 0, file: i % 3 });
    expect(h.size).toBe(9);
    expect([h.has(row(4).orderId), h.has(row(9).orderId)]).toEqual([true, false]);
    // Taken in another order than added (5, 0, 8, 3): each is its own group (line, shows, file).
    for (const i of [5, 0, 8, 3]) {
      const got = h.take(row(i).orderId, true)!;
      expect(got.map((g) => [g.lines[0]!.sourceLine, g.shows, g.file])).toEqual([[i + 1, i % 2 === 0, i % 3]]);
      expect(got[0]!.lines[0]!.paidAmount!.toFixed(2)).toBe('119.80');
    }
    expect(h.take(row(5).orderId, true)).toBeUndefined();
    expect(h.take(row(9).orderId, true)).toBeUndefined();
    // Left: 1, 2, 4, 6, 7 (added 0-8, taken 0, 3, 5, 8), lines 2, 3, 5, 7, 8.
    expect([...h.untaken()].map((g) => g.lines[0]!.sourceLine)).toEqual([2, 3, 5, 7, 8]);
    h.close();
  });
});
