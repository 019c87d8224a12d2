// SeenIds over many small files (guard45): each file past the first got a part made for 64k ids
// (CompactIds → IdSet(65536) without values: 2 words × 4 bytes a slot, ~0.5 MB), whatever it held;
// 2,000 small exports in one compensate run, three SeenIds, were 2 GB of RSS (the last round's
// 19.7 s and 329 MB). A later part now starts at 1,024 ids and grows with them.
// Hand: 500 files of one order each, before ≥ 499 × 65,536 × 8 bytes ≈ 262 MB of typed arrays (462 MB
// measured: the 16 parts start at staggered sizes above their share);
// after ≤ 500 × (1,024 ids' slots) ≈ a few MB. The bound asserted, 32 MB, lies between.
import { describe, expect, it } from 'vitest';
import { SeenIds } from '../../src/orders/idset.js';

describe('SeenIds over 500 one-order files', () => {
  it('holds each id with its file, in a few MB of typed arrays (not ~0.5 MB a file)', () => {
    const before = process.memoryUsage().arrayBuffers;
    const seen = new SeenIds(500, false);
    for (let f = 0; f < 500; f++) expect(seen.getOrAdd(String(3_000_000_000_000_000_000n + BigInt(f)), 2, f)).toBeUndefined();
    const grown = process.memoryUsage().arrayBuffers - before;
    // Every id again, from file 499's second line: its first file is told.
    for (let f = 0; f < 500; f++) expect(seen.getOrAdd(String(3_000_000_000_000_000_000n + BigInt(f)), 3, 499)).toBe(f);
    // A big later file still holds all its ids (the part grows): 100,000 of them in file 7.
    const big = new SeenIds(10, false);
    big.getOrAdd('1', 2, 0);
    for (let i = 0; i < 100_000; i++) expect(big.getOrAdd(String(4_000_000_000_000_000_000n + BigInt(i)), i + 2, 7)).toBeUndefined();
    for (let i = 0; i < 100_000; i += 997) expect(big.get(String(4_000_000_000_000_000_000n + BigInt(i)))).toBe(7);
    seen.dispose();
    big.dispose();
    expect(grown).toBeLessThan(32 * 1024 * 1024);
  });
});
