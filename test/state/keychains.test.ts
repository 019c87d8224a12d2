// KeyChains (src/state/keychains.ts): the recording's index of this call's vouchers by key and by
// buyer (issue 21, forty-sixth round). Each key's records in index order, found from the key.
import { describe, expect, it } from 'vitest';
import { KeyChains } from '../../src/state/keychains.js';

const chain = (c: KeyChains, k: string): number[] => {
  const out: number[] = [];
  for (let i = c.first(k); i !== -1; i = c.after(i)) out.push(i);
  return out;
};

describe('KeyChains', () => {
  it('gives each key its records in index order, and none for a key no record has', () => {
    // Records 0 … 5 keyed a b a c b a: a at 0, 2, 5; b at 1, 4; c at 3.
    const keys = ['a', 'b', 'a', 'c', 'b', 'a'];
    const c = new KeyChains(keys.length, (i) => keys[i]!);
    expect(chain(c, 'a')).toEqual([0, 2, 5]);
    expect(chain(c, 'b')).toEqual([1, 4]);
    expect(chain(c, 'c')).toEqual([3]);
    expect(c.first('d')).toBe(-1);
    expect(c.first('')).toBe(-1);
  });

  it('keeps keys apart when the table is crowded (5,000 records, 1,000 keys)', () => {
    // Record i has key `v${i % 1000}`: key v37's records are 37, 1037, 2037, 3037, 4037.
    const n = 5000;
    const c = new KeyChains(n, (i) => `v${i % 1000}`);
    expect(chain(c, 'v37')).toEqual([37, 1037, 2037, 3037, 4037]);
    expect(chain(c, 'v999')).toEqual([999, 1999, 2999, 3999, 4999]);
    for (let k = 0; k < 1000; k++) expect(c.first(`v${k}`)).toBe(k);
    expect(c.first('v1000')).toBe(-1);
  });

  it('holds no record when given none, and the empty text as a key like any other', () => {
    expect(new KeyChains(0, () => 'x').first('x')).toBe(-1);
    const keys = ['', 'x', ''];
    const c = new KeyChains(3, (i) => keys[i]!);
    expect(chain(c, '')).toEqual([0, 2]);
    expect(chain(c, 'x')).toEqual([1]);
  });
});
