// windows() sorts late orders with its own merge sort (no heap copies of the array): it must give
// exactly the order Array.prototype.sort (stable) gives with the same comparator.
import { describe, expect, it } from 'vitest';
import { stableSort } from '../../src/compensation/window.js';

describe('stableSort', () => {
  it('orders like the stable built-in sort, equal keys kept in their first order', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (const n of [0, 1, 2, 15, 16, 17, 31, 33, 100, 1000, 4099]) {
      for (const distinct of [1, 3, 50, 1_000_000]) {
        const keys = Array.from({ length: n }, () => Math.floor(rnd() * distinct));
        const cmp = (x: number, y: number) => keys[x]! - keys[y]!;
        const a = Int32Array.from({ length: n }, (_, i) => i);
        stableSort(a, new Int32Array(n), cmp);
        const want = Array.from({ length: n }, (_, i) => i).sort(cmp);
        expect([...a]).toEqual(want);
      }
    }
  });

  it('a hand case: keys 2,1,2,1,0 → indices 4, 1, 3, 0, 2 (ties in their first order)', () => {
    const keys = [2, 1, 2, 1, 0];
    const a = Int32Array.from([0, 1, 2, 3, 4]);
    stableSort(a, new Int32Array(8), (x, y) => keys[x]! - keys[y]!);
    expect([...a]).toEqual([4, 1, 3, 0, 2]);
  });
});
