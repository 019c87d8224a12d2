// Open (unshipped, not closed) orders kept by buyer in typed-array blocks: a buyer's list must come
// back exactly as added, across blocks, with digit and other ids and with or without a rule set.
import { describe, expect, it } from 'vitest';
import { OpenStore } from '../../src/compensation/openstore.js';

describe('OpenStore', () => {
  it('gives each buyer their own open orders back, in the order added', () => {
    const s = new OpenStore();
    // 9,000 orders over three buyers (a, b, c in turn): past two blocks of 4,096.
    for (let i = 0; i < 9000; i++) {
      const buyer = 'abc'[i % 3]!;
      s.add(buyer, { orderId: i === 4100 ? '261201-607198974342268' : String(3515313147329300000n + BigInt(i)), paidAt: 1_700_000_000_000 + i * 1000, rules: i % 2 ? 'tmall-2026' : undefined });
    }
    expect(s.get('nobody')).toBeUndefined();
    const b = s.get('b')!;
    expect(b.length).toBe(3000);
    // b holds orders 1, 4, 7, …: the first is order 1, odd → tmall-2026; the second is order 4, even → no rule set.
    expect(b[0]).toEqual({ orderId: '3515313147329300001', paidAt: 1_700_000_001_000, rules: 'tmall-2026' });
    expect(b[1]).toEqual({ orderId: '3515313147329300004', paidAt: 1_700_000_004_000, rules: undefined });
    // Order 4100 (4100 mod 3 = 2: buyer c) has a PDD id; it is c's 1367th (4100 = 2 + 3 × 1366).
    expect(s.get('c')![1366]).toEqual({ orderId: '261201-607198974342268', paidAt: 1_700_004_100_000, rules: undefined });
    expect(s.get('a')!.at(-1)).toEqual({ orderId: '3515313147329308997', paidAt: 1_700_008_997_000, rules: 'tmall-2026' });
  });
});

describe('OpenStore buyers (names pooled behind a hash table)', () => {
  it('tells 20,000 buyers apart, prefixes and lengths included, across name blocks and table growth', () => {
    const s = new OpenStore();
    // Names: 'b0' … 'b19999' and each with a trailing 'x' (a longer name sharing the prefix), '' and
    // two names of 70,000 code units that differ only in their last one (kept apart from the pool).
    const names: string[] = [];
    for (let n = 0; n < 20_000; n++) names.push(`买家b${n}`, `买家b${n}x`);
    names.push('', 'y'.repeat(69_999) + 'a', 'y'.repeat(69_999) + 'b', '😀');
    // Each buyer gets two orders, added in two rounds: buyer k's are k and names.length + k.
    for (let round = 0; round < 2; round++) {
      names.forEach((name, k) => s.add(name, { orderId: String(1_000_000 + round * names.length + k), paidAt: k * 1000 + round, rules: round ? 'tmall-2026' : undefined }));
    }
    const N = names.length; // 40,004
    for (const k of [0, 1, 2, 39_999, 40_000, 40_001, 40_002, 40_003, 12_345]) {
      expect(s.get(names[k]!)).toEqual([
        { orderId: String(1_000_000 + k), paidAt: k * 1000, rules: undefined },
        { orderId: String(1_000_000 + N + k), paidAt: k * 1000 + 1, rules: 'tmall-2026' },
      ]);
    }
    expect(s.get('买家b20000')).toBeUndefined();
    expect(s.get('买家b1xx')).toBeUndefined();
    expect(s.get('y'.repeat(69_999) + 'c')).toBeUndefined();
  });
});

describe('OpenStore: shop keys and bare nicks', () => {
  it('finds a bare nick added after shop-qualified keys only (and not before it is added)', () => {
    // `nick` + U+001F + shop (vouchers.ts SHOP_MARK) is a buyer of a shop; the bare nick holds a
    // rejected row's order. While only shop keys are held, a bare nick is answered without a
    // look-up: it must still be found once it is added, long names (kept apart) included.
    const s = new OpenStore();
    const long = 'z'.repeat(70_000);
    s.add('买家1\u001f100200300', { orderId: '3000000010000000001', paidAt: 1000, rules: 'tmall-2026' });
    s.add(`${long}\u001f100200300`, { orderId: '3000000010000000002', paidAt: 2000, rules: 'tmall-2026' });
    expect(s.get('买家1')).toBeUndefined();
    expect(s.get(long)).toBeUndefined();
    expect(s.get('买家1\u001f100200300')).toEqual([{ orderId: '3000000010000000001', paidAt: 1000, rules: 'tmall-2026' }]);
    s.add('买家1', { orderId: 'orders.csv:7', paidAt: 1500, rules: undefined });
    expect(s.get('买家1')).toEqual([{ orderId: 'orders.csv:7', paidAt: 1500, rules: undefined }]);
    const t = new OpenStore();
    t.add(`${long}\u001f1`, { orderId: '3000000010000000003', paidAt: 1, rules: undefined });
    t.add(long, { orderId: 'orders.csv:9', paidAt: Number.NaN, rules: undefined });
    expect(t.get(long)).toEqual([{ orderId: 'orders.csv:9', paidAt: Number.NaN, rules: undefined }]);
    expect(t.get('买家2')).toBeUndefined();
  });
});
