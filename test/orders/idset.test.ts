import { describe, expect, it } from 'vitest';
import { IdSet, idWords, wordsId } from '../../src/orders/idset.js';

describe('IdSet (duplicate check storage)', () => {
  it('remembers 19-digit ids exactly, including ids a double cannot hold', () => {
    const s = new IdSet(4);
    // 3515313147329357901 and …902 are the same double (2^53 < 3.5e18); they must stay apart.
    expect(s.getOrAdd('3515313147329357901', 1)).toBeUndefined();
    expect(s.getOrAdd('3515313147329357902', 2)).toBeUndefined();
    expect(s.getOrAdd('3515313147329357901', 9)).toBe(1);
    expect(s.getOrAdd('3515313147329357902', 9)).toBe(2);
    expect(s.count).toBe(2);
  });

  it('keeps leading zeros and lengths apart, and other ids in a map', () => {
    const s = new IdSet(4);
    expect(s.getOrAdd('0123456789012345', 1)).toBeUndefined();
    expect(s.getOrAdd('123456789012345', 2)).toBeUndefined();
    expect(s.getOrAdd('260517-607198974342268', 3)).toBeUndefined();
    expect(s.getOrAdd('260517-607198974342268', 4)).toBe(3);
    expect(s.getOrAdd('0123456789012345', 5)).toBe(1);
    expect(s.count).toBe(3);
  });

  it('ids whose packed high halves differ by exactly 2^32 stay apart (the slot keeps both 32-bit halves)', () => {
    const s = new IdSet(4);
    // Prefixes 00000000001 and 04294967297 (= 1 + 2^32), the same last nine digits and length.
    expect(s.getOrAdd('00000000001123456789', 1)).toBeUndefined();
    expect(s.getOrAdd('04294967297123456789', 2)).toBeUndefined();
    expect(s.getOrAdd('00000000001123456789', 9)).toBe(1);
    expect(s.getOrAdd('04294967297123456789', 9)).toBe(2);
    expect(s.getOrAdd('99999999999999999999', 3)).toBeUndefined();
    expect(s.getOrAdd('99999999999999999999', 9)).toBe(3);
    expect(s.count).toBe(3);
    // 24 ids alike in all but the upper bits of their prefix (1 + k × 2^32): in a small table their probes meet.
    const t = new IdSet(4);
    const ids = Array.from({ length: 24 }, (_, k) => String(1 + k * 2 ** 32).padStart(11, '0') + '123456789');
    ids.forEach((id, k) => expect(t.getOrAdd(id, k)).toBeUndefined());
    ids.forEach((id, k) => expect(t.getOrAdd(id, -1)).toBe(k));
  });

  it('grows past its first capacity without losing anything', () => {
    const s = new IdSet(8);
    for (let i = 0; i < 50_000; i++) expect(s.getOrAdd(String(3515313147329300000n + BigInt(i * 7919)), i)).toBeUndefined();
    for (let i = 0; i < 50_000; i += 997) expect(s.getOrAdd(String(3515313147329300000n + BigInt(i * 7919)), -1)).toBe(i);
    expect(s.count).toBe(50_000);
  });

  it('without values (it doubles as it grows: issue 21) keeps every id exactly: seen ones 0, their neighbours never added undefined', () => {
    const s = new IdSet(8, false);
    // Ids 7919 apart, in an order that is not sorted (i × 40503 mod 50,000 visits each i once: 40503 and 50,000 share no factor).
    const id = (i: number) => String(3515313147329300000n + BigInt(i * 7919));
    for (let k = 0; k < 50_000; k++) expect(s.getOrAdd(id((k * 40503) % 50_000), k + 1)).toBeUndefined();
    let wrong = 0;
    for (let i = 0; i < 50_000; i++) {
      if (s.getOrAdd(id(i), 7) !== 0) wrong++;
      // id(i) + 1 is no id added (they are 7919 apart): asked with get, which adds nothing.
      if (s.get(String(3515313147329300001n + BigInt(i * 7919))) !== undefined) wrong++;
    }
    expect(wrong).toBe(0);
    expect(s.count).toBe(50_000);
  });
});

describe('idWords (an id as its 64-bit value in two 32-bit words)', () => {
  it('gives back every digit id without a leading zero of 1–19 digits, and refuses the rest', () => {
    // 19 nines is the largest: 9999999999999999999 < 2^64 = 18446744073709551616.
    for (const id of ['1', '9', '123456789', '1000000000', '3515313147329357901', '3515313147329357902', '9999999999999999999', '4294967296123456789', '1073741823999999999']) {
      const w = idWords(id)!;
      expect(w).toBeDefined();
      expect(wordsId(w[0], w[1])).toBe(id);
    }
    // Worked out by hand: 3515313147329357901 = leading 3515313147 and last nine 329357901;
    // 3515313147 = 4 × 878828286 + 3, so hi = 878828286 and lo = 329357901 + 3 × 2^30 = 3550583373
    // (as a signed 32-bit number: 3550583373 − 2^32 = −744383923).
    expect(idWords('3515313147329357901')).toEqual([878828286, -744383923]);
    for (const id of ['0', '0123456789012345', '12345678901234567890', '260517-607198974342268', '', '12a4', '１２３']) expect(idWords(id)).toBeUndefined();
  });

  it('a table of ids of every length keeps them apart (short ids, ids one digit longer, the leading-zero twin in the map)', () => {
    const s = new IdSet(16);
    const ids = ['7', '70', '700000000', '7000000000', '0700000000', '70000000000000000000', '7000000000000000000', '999999999', '1999999999'];
    ids.forEach((id, k) => expect(s.getOrAdd(id, k)).toBeUndefined());
    ids.forEach((id, k) => expect(s.getOrAdd(id, 99)).toBe(k));
    expect(s.count).toBe(ids.length);
  });
});

describe('SeenIds without lines (no --duplicates): ids only, 8 bytes a slot, one set per file', () => {
  it('tells the file where each id was first seen exactly as the one table of line × files + file does', async () => {
    const { SeenIds, UNKNOWN_AT } = await import('../../src/orders/idset.js');
    const files = 3;
    const withLines = new SeenIds(files, true, 16);
    const idsOnly = new SeenIds(files, false, 16);
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    // Three files read one after another; ids drawn from a small pool so that many repeat, within
    // a file and across files; digit ids, a leading zero and PDD ids alike.
    const pool = Array.from({ length: 3000 }, (_, k) => (k % 10 === 3 ? `261201-${k}` : k % 10 === 5 ? `0${3515313147329300000n + BigInt(k)}` : String(3515313147329300000n + BigInt(k))));
    for (let file = 0; file < files; file++) {
      for (let line = 2; line < 4000; line++) {
        const id = pool[Math.floor(rnd() * pool.length)]!;
        const a = withLines.getOrAdd(id, line, file);
        const b = idsOnly.getOrAdd(id, line, file);
        // Without lines: undefined exactly when new, else the file (its line unknown: 0).
        expect(b === undefined).toBe(a === undefined);
        if (a !== undefined) expect(b).toBe(a % files);
        expect(b).not.toBe(UNKNOWN_AT);
      }
    }
  });

  it('a row past the 31-bit limit (line × files + file ≥ 2^31 − 1) is "unknown" for a digit id, as in the one table; other ids keep their file', async () => {
    const { SeenIds, UNKNOWN_AT } = await import('../../src/orders/idset.js');
    for (const lines of [true, false]) {
      const s = new SeenIds(2, lines, 16);
      // File 1, line 2^30: 2^30 × 2 + 1 = 2^31 + 1, past the limit.
      expect(s.getOrAdd('3515313147329357901', 2 ** 30, 1)).toBeUndefined();
      expect(s.getOrAdd('261201-607198974342268', 2 ** 30, 1)).toBeUndefined();
      expect(s.getOrAdd('3515313147329357902', 5, 1)).toBeUndefined();
      expect(s.getOrAdd('3515313147329357901', 2 ** 30 + 9, 1)).toBe(UNKNOWN_AT);
      const other = s.getOrAdd('261201-607198974342268', 2 ** 30 + 9, 1)!;
      expect(other % 2).toBe(1);
      const known = s.getOrAdd('3515313147329357902', 2 ** 30 + 9, 1)!;
      expect([known % 2, Math.floor(known / 2)]).toEqual([1, lines ? 5 : 0]);
    }
  });

  it('ids alone past the compact switch (6 bytes an id): every id told new or seen exactly as a Set of the ids does, through growth', async () => {
    const { CompactIds } = await import('../../src/orders/idset.js');
    const set = new CompactIds(16);
    const seen = new Set<string>();
    let seed = 5;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    // 1.4M draws from 1.2M ids (many seen twice): the IdSet phase, the move into buckets at 2^19
    // ids, and several growths of every part. Words as splitWords makes them (hi < 2^32 − 1).
    const ids: [number, number][] = Array.from({ length: 1_200_000 }, () => [Math.floor(rnd() * 0xfffffffe) | 0, Math.floor(rnd() * 0x100000000) | 0]);
    for (let k = 0; k < 1_400_000; k++) {
      const [hi, lo] = ids[k < 1_200_000 ? k : Math.floor(rnd() * ids.length)]!;
      const key = `${hi},${lo}`;
      const got = set.getOrAddWords(hi, lo);
      if ((got === undefined) !== !seen.has(key)) expect([k, hi, lo, got]).toEqual([k, hi, lo, seen.has(key) ? 0 : undefined]);
      seen.add(key);
    }
    // A near neighbour of every id (one bit of either word flipped) was never added.
    let wrong = 0;
    for (const [hi, lo] of ids) {
      if (set.getWords(hi, lo) !== 0) wrong++;
      if (set.getWords(hi, lo ^ 1) !== (seen.has(`${hi},${lo ^ 1}`) ? 0 : undefined)) wrong++;
      if (set.getWords(hi ^ 0x40000, lo) !== (seen.has(`${hi ^ 0x40000},${lo}`) ? 0 : undefined)) wrong++;
    }
    expect(wrong).toBe(0);
    set.dispose();
  });

  it('ids alone: ids that all fall in one bucket fill it and the three after, the rest kept apart (spill), also after the part grows', async () => {
    const { CompactIds } = await import('../../src/orders/idset.js');
    // The words an id is mixed into (idset.ts CompactIds): L = lo ^ mix(hi, k1), H = hi ^ mix(L, k2).
    // Made backwards from H and L: 200 ids with one H (one bucket) and different L.
    const mix = (x: number, k: number) => {
      let h = x ^ k;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      return h ^ (h >>> 16);
    };
    const idOf = (H: number, L: number): [number, number] => {
      const hi = H ^ mix(L, 0x9e3779b9);
      return [hi, L ^ mix(hi, 0x2545f491)];
    };
    const set = new CompactIds(16);
    // Past the switch to buckets first (2^19 ids of their own).
    for (let k = 0; k < 1 << 19; k++) expect(set.getOrAddWords(k + 1, k * 7)).toBeUndefined();
    const crowd = Array.from({ length: 200 }, (_, k) => idOf(0x12345678, k * 2654435761));
    for (const [hi, lo] of crowd) expect(set.getOrAddWords(hi, lo)).toBeUndefined();
    for (const [hi, lo] of crowd) expect(set.getOrAddWords(hi, lo)).toBe(0);
    // Same H, an L never added; same L, the next H.
    expect(set.getWords(...idOf(0x12345678, 12345))).toBeUndefined();
    expect(set.getWords(...idOf(0x12345679, 0))).toBeUndefined();
    // Enough more ids for every part to grow (the crowd's bucket and spill moved), then all there.
    for (let k = 0; k < 600_000; k++) set.getOrAddWords(k + 7_000_000, k * 13);
    for (const [hi, lo] of crowd) expect(set.getWords(hi, lo)).toBe(0);
    for (let k = 0; k < 1 << 19; k += 97) expect(set.getWords(k + 1, k * 7)).toBe(0);
    expect(set.getWords(...idOf(0x12345678, 12345))).toBeUndefined();
  });
});

