// The late-order store keeps each late order in blocks of typed arrays; what goes in must come out
// exactly, across block boundaries (4,096 orders a block), for digit ids and other ids alike.
import { describe, expect, it } from 'vitest';
import { LateStore } from '../../src/compensation/latestore.js';
import type { LateOrder } from '../../src/compensation/vouchers.js';
import { Money } from '../../src/money.js';
import { hashName } from '../../src/compensation/namehash.js';
import { openLookup } from '../../src/compensation/vouchers.js';

function late(i: number): LateOrder {
  return {
    // Every 1,000th order has a PDD-style id (not digits only): kept beside the numbers.
    orderId: i % 1000 === 7 ? `261201-${String(600000000000 + i)}` : String(3515313147329300000n + BigInt(i)),
    buyer: `buyer-${i % 97}`,
    rules: i % 3 === 0 ? 'tmall-2023' : 'tmall-2026',
    paidAt: Date.UTC(2026, 10, 1) + i * 1000,
    deadline: Date.UTC(2026, 10, 3) + i * 1000,
    shippedAt: i % 5 === 0 ? null : Date.UTC(2026, 10, 4) + i * 1000,
    hoursLate: 24 + i / 10,
    payout: { kind: i % 2 === 0 ? 'late' : 'out_of_stock', rate: new Money(i % 2 === 0 ? '0.3' : '0.1'), baseFen: 10000 + i, rawFen: 3000 + i, afterFen: 3000 + i },
    platformCompensation: i % 11 === 0 ? new Money('5.01') : null,
    shipSource: i % 5 === 0 ? 'unshipped' : 'marked_shipped',
    // Every 13th is a line of an order judged line by line: its 子订单编号 comes back with it.
    ...(i % 13 === 4 ? { lineId: String(3515313147329400000n + BigInt(i)) } : {}),
  };
}

describe('LateStore', () => {
  it('gives back every field of 10,000 orders (three blocks) exactly', () => {
    const store = new LateStore();
    for (let i = 0; i < 10_000; i++) store.push(late(i));
    expect(store.length).toBe(10_000);
    for (const i of [0, 7, 4095, 4096, 4097, 8191, 8192, 9007, 9999]) {
      const got = store.get(i);
      const want = late(i);
      expect({ ...got, payout: { ...got.payout, rate: got.payout.rate.toString() }, platformCompensation: got.platformCompensation?.toFixed(2) ?? null }).toEqual({
        ...want,
        payout: { ...want.payout, rate: want.payout.rate.toString() },
        platformCompensation: want.platformCompensation?.toFixed(2) ?? null,
      });
      expect(store.paidAt(i)).toBe(want.paidAt);
      expect(store.orderId(i)).toBe(want.orderId);
      expect(store.rules(i)).toBe(want.rules);
      expect(store.buyer(i)).toBe(want.buyer);
    }
    // Spot values written out: order 4096 is 3515313147329304096, paid 2026-11-01 + 4096 s, buyer-22 (4096 mod 97 = 22).
    expect(store.orderId(4096)).toBe('3515313147329304096');
    expect(store.buyer(4096)).toBe('buyer-22');
    expect(store.orderId(9007)).toBe('261201-600000009007');
    // 4097 = 13 × 315 + 2: no line id; 4099 = 13 × 315 + 4: line 3515313147329404099.
    expect(store.get(4097).lineId).toBeUndefined();
    expect(store.get(4099).lineId).toBe('3515313147329404099');
  });
});

describe('LateStore compact encoding and its exact fallbacks', () => {
  const base: LateOrder = {
    orderId: '3515313147329357901',
    buyer: 'tb_buyer',
    rules: 'tmall-2026',
    paidAt: Date.UTC(2026, 10, 1, 2, 3, 4),
    deadline: Date.UTC(2026, 10, 3, 2, 3, 4),
    shippedAt: null,
    hoursLate: 12.5,
    payout: { kind: 'late', rate: new Money('0.3'), baseFen: 12345, rawFen: 3703.5, afterFen: 3703 },
    platformCompensation: null,
    shipSource: 'unshipped',
  };
  const plain = (l: LateOrder) => ({ ...l, payout: { ...l.payout, rate: l.payout.rate.toString() }, platformCompensation: l.platformCompensation?.toFixed(2) ?? null });

  it('gives back orders whose values do not fit 32 bits (milliseconds, before 1970, huge or fractional fen, -0) exactly', () => {
    const odd: LateOrder[] = [
      base,
      { ...base, paidAt: base.paidAt + 123 }, // a time with milliseconds
      { ...base, shippedAt: -86_400_000, shipSource: 'marked_shipped' }, // 1969-12-31
      { ...base, deadline: 4_294_967_295_000 }, // 2106-02-07: past unsigned 32-bit seconds (2^32 − 1 is the "no time" mark)
      { ...base, payout: { ...base.payout, baseFen: 2 ** 31, rawFen: 2 ** 40 + 0.25, afterFen: 2 ** 31 } }, // 21,474,836.48 yuan
      { ...base, payout: { ...base.payout, afterFen: 10.5 } },
      { ...base, payout: { ...base.payout, afterFen: -0 } },
      { ...base, platformCompensation: new Money('-21474836.48') }, // −2^31 fen: the "none" mark itself
      { ...base, platformCompensation: new Money('0.01'), hoursLate: 0.1 + 0.2 },
    ];
    const store = new LateStore();
    odd.forEach((l) => store.push(l));
    odd.forEach((l, i) => {
      expect(plain(store.get(i))).toEqual(plain(l));
      expect(store.paidAt(i)).toBe(l.paidAt);
      expect(store.orderId(i)).toBe(l.orderId);
      expect(store.buyer(i)).toBe(l.buyer);
    });
    expect(Object.is(store.get(6).payout.afterFen, -0)).toBe(true);
    expect(store.get(8).hoursLate).toBe(0.30000000000000004);
  });

  it('buyer names: across name blocks, empty, longer than a block, and compared as JavaScript compares strings', () => {
    const names = ['', 'a', 'ab', 'b', '买家0131861', '买家0131862', 'Ｚ', '😀x', '\uffff', 'z'.repeat(70_000), 'tb_' + 'x'.repeat(40_000)];
    const store = new LateStore();
    // 2,000 orders of 40,003-unit names fill many 65,536-unit blocks, with the others in between.
    const all: string[] = [];
    for (let k = 0; k < 200; k++) for (const n of names) all.push(n);
    all.forEach((buyer, i) => store.push({ ...base, buyer, orderId: String(1000 + i) }));
    all.forEach((buyer, i) => expect(store.buyer(i)).toBe(buyer));
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    for (let i = 0; i < names.length * 2; i++) {
      for (let j = 0; j < names.length * 2; j++) expect(store.compareBuyers(i, j)).toBe(cmp(all[i]!, all[j]!));
      expect(store.hasBuyer(i)).toBe(all[i] !== '');
    }
    // By code units, as `<` compares: '😀' is the surrogate pair D83D DE00, below U+FFFF.
    expect(store.compareBuyers(7, 8)).toBe(-1);
    expect(store.orderId(4)).toBe('1004');
  });
});

describe('LateStore buyer sort keys (the windows\' sort)', () => {
  // buyerKeys: where two orders' keys differ they must order the names as `<` does; where equal,
  // compareBuyers decides. Checked pairwise against string comparison on names that share a
  // start (买家…), end inside the keys, hold U+0000 (equal to a unit past the end in a key),
  // surrogate pairs, and one past a name block.
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const byKeys = (store: LateStore, keys: Float64Array, a: number, b: number) => (keys[a] !== keys[b] ? (keys[a]! < keys[b]! ? -1 : 1) : store.compareBuyers(a, b));
  const check = (names: string[]) => {
    const store = new LateStore();
    names.forEach((buyer, i) => store.push({ ...base, buyer, orderId: String(1000 + i) }));
    const keys = store.buyerKeys();
    for (let i = 0; i < names.length; i++) for (let j = 0; j < names.length; j++) expect([i, j, byKeys(store, keys, i, j)]).toEqual([i, j, cmp(names[i]!, names[j]!)]);
  };
  const base: LateOrder = {
    orderId: '1', buyer: '', rules: 'tmall-2026', paidAt: Date.UTC(2026, 10, 1), deadline: Date.UTC(2026, 10, 2), shippedAt: null, hoursLate: 1,
    payout: { kind: 'late', rate: new Money('0.3'), baseFen: 100, rawFen: 30, afterFen: 500 }, platformCompensation: null, shipSource: 'unshipped',
  };

  it('names sharing a start, ending inside the keys, with U+0000, surrogates and a name longer than a block', () => {
    check(['买家0131861', '买家0131862', '买家01318', '买家0131861\u0000', '买家013186', '买家0131861a', '买家', '买家\u0000', '买家😀', '买家\uffff', '买家' + '9'.repeat(70_000), '买家' + '9'.repeat(70_000) + '1']);
  });

  it('an empty name among them (nothing shared), and random names over a small alphabet', () => {
    check(['', 'a', 'ab', 'a\u0000', 'b', 'ba', '\u0000', 'abcdefg', 'abcdefh', 'abcdef']);
    // All names the same (nothing past the shared part), and many distinct units (few in a key).
    check(['买家1', '买家1', '买家1']);
    check(Array.from({ length: 60 }, (_, k) => String.fromCharCode(0x4e00 + ((k * 7919) % 3000), 0x4e00 + ((k * 104729) % 3000), 0x61 + (k % 3))));
    // 10,000 distinct units past the shared part: a key holds only 3 of them (base 10,001), so
    // names equal in their first 3 units are told apart by compareBuyers.
    const many = Array.from({ length: 4 }, (_, k) => String.fromCharCode(...Array.from({ length: 2500 }, (_, j) => 0x4e00 + k * 2500 + j)));
    check([...many, 'abc1', 'abc2', 'abc', 'abc\u0000', 'abd', 'ab', '一丁七1', '一丁七', '一丁七0', many[0]! + 'x', many[0]!.slice(0, 3)]);
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = ['x', 'y', '\u0000', '买', '\ud83d'];
    const names = Array.from({ length: 120 }, () => 'tb_' + Array.from({ length: Math.floor(rnd() * 10) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(''));
    check(names);
  });

  it('names of buyers in shops (nick + U+001F + shop, kept as the nick and a shared end): given back whole and compared as strings', () => {
    // Several shops, nicks that are prefixes of one another, a nick holding U+001F or units below
    // it, an empty nick, a bare nick beside its shop's key, a shop that is a longer shop's start,
    // and a name that is only a mark and a shop: every pair ordered as `<` orders the whole names.
    const shops = ['\u001f100200300', '\u001f100200301', '\u001f1002003', '\u001f暖冬织物旗舰店', '\u001f'];
    const nicks = ['买家0131861', '买家013186', '买家0131861a', 'a\u001fb', 'a\u0001', 'a', '', 'tb_😀', 'z'.repeat(300)];
    const names: string[] = [];
    for (const n of nicks) for (const s of shops) names.push(n + s);
    names.push('买家0131861', 'a', '\u001f\u001f', '买家0131861\u001f100200300\u001fx');
    check(names);
    const store = new LateStore();
    names.forEach((buyer, i) => store.push({ ...base, buyer, orderId: String(1000 + i) }));
    names.forEach((buyer, i) => {
      expect(store.buyer(i)).toBe(buyer);
      expect(store.hasBuyer(i)).toBe(buyer !== '');
    });
  });

  it('one export\'s buyers in a shop across name blocks and past the number of ends kept', () => {
    // 40,000 orders of 20 shops (~12 units of nick each: several 65,536-unit blocks), then 33,000
    // orders of shops each seen once (more than the 32,767 ends kept: the rest whole in the pool).
    const names: string[] = [];
    for (let i = 0; i < 40_000; i++) names.push(`买家${String((i * 7919) % 100_000).padStart(7, '0')}\u001f${100200300 + (i % 20)}`);
    for (let i = 0; i < 33_000; i++) names.push(`tb${i % 50}\u001fshop${i}`);
    const store = new LateStore();
    names.forEach((buyer, i) => store.push({ ...base, buyer, orderId: String(1000 + i) }));
    names.forEach((buyer, i) => expect(store.buyer(i)).toBe(buyer));
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    const keys = store.buyerKeys();
    for (let k = 0; k < 20_000; k++) {
      const a = (k * 104729) % names.length;
      const b = (k * 7919 + 13) % names.length;
      expect([a, b, byKeys(store, keys, a, b)]).toEqual([a, b, cmp(names[a]!, names[b]!)]);
      expect([a, b, store.compareBuyers(a, b)]).toEqual([a, b, cmp(names[a]!, names[b]!)]);
    }
  });
});

describe('LateStore put aside in a temporary file while orders are read', () => {
  it('gives back every field of 50,000 orders (13 blocks, all but the last put aside) exactly after load()', async () => {
    const { SpillFile } = await import('../../src/io/spill.js');
    const opened: ReturnType<typeof SpillFile.open>[] = [];
    const spilled = new LateStore(() => {
      const f = SpillFile.open();
      opened.push(f);
      return f;
    });
    const kept = new LateStore();
    // Long names fill the name blocks (64k code units) several times over: they are put aside too.
    const named = (i: number): LateOrder => ({ ...late(i), buyer: `${'买家'.repeat(20)}-${i % 1013}` });
    for (let i = 0; i < 50_000; i++) {
      spilled.push(named(i));
      kept.push(named(i));
    }
    expect(opened.length).toBe(1);
    // 8 blocks stay in memory before anything is put aside; then every full block goes: 12 of 13.
    expect(opened[0]!.length).toBeGreaterThan(12 * 4096 * 60);
    spilled.load();
    for (let i = 0; i < 50_000; i += 7) {
      const a = spilled.get(i);
      const b = kept.get(i);
      expect({ ...a, payout: { ...a.payout, rate: a.payout.rate.toString() } }).toEqual({ ...b, payout: { ...b.payout, rate: b.payout.rate.toString() } });
      expect(spilled.buyer(i)).toBe(`${'买家'.repeat(20)}-${i % 1013}`);
    }
    // Line ids of orders in blocks put aside: 4 and 39,004 (13 × 3000 + 4) have one, 39,005 none.
    expect(spilled.get(4).lineId).toBe('3515313147329400004');
    expect(spilled.get(13 * 3000 + 4).lineId).toBe('3515313147329439004');
    expect(spilled.get(13 * 3000 + 5).lineId).toBeUndefined();
    expect(spilled.compareBuyers(1, 1014)).toBe(0); // 1 and 1014 are both buyer …-1 (1014 mod 1013 = 1)
    spilled.close();
  });

  it('makes no temporary file for a small run', () => {
    let opened = 0;
    const store = new LateStore(() => {
      opened++;
      throw new Error('not expected');
    });
    for (let i = 0; i < 8 * 4096; i++) store.push(late(i));
    store.load();
    expect(opened).toBe(0);
    expect(store.get(8 * 4096 - 1).orderId).toBe(late(8 * 4096 - 1).orderId);
  });

  it('hashes a name from its units as hashName hashes the keys openLookup makes of it (nearlate.ts)', () => {
    // Names as capBuyer makes them (nick, or nick + \u001f + shop), a mark inside a nick, one end
    // shared by the next name (the store keeps it once), and no name at all.
    const names = ['买家0001318\u001f100200300', 'tb_x\u001f100200300', '买家0001318', 'a\u001fb\u001f100200300', '\u001f100200300', ''];
    const store = new LateStore();
    for (const [k, buyer] of names.entries()) store.push({ ...late(k + 1), buyer });
    for (const [i, buyer] of names.entries()) {
      const keys = openLookup(buyer, `o${i}`);
      if (!store.buyerHashes(i)) {
        // Read whole instead (nearlate.ts falls back to the string): a mark inside the kept part, or no name.
        expect([3, 5]).toContain(i);
        continue;
      }
      expect(store.hashWhole).toBe(hashName(keys.inShop));
      if (keys.anyShop === undefined) expect(store.hashNick).toBeNaN();
      else expect(store.hashNick).toBe(hashName(keys.anyShop));
    }
  });
});

