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
});
