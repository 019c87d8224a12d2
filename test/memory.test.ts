import { describe, expect, it } from 'vitest';
import { discard } from '../src/memory.js';
import { IdSet } from '../src/orders/idset.js';

describe('discard', () => {
  it('empties the buffer and every view of it at once (its memory is no longer held by them)', () => {
    const a = new Int32Array(1024).fill(7);
    const b = new Uint8Array(a.buffer, 8, 16);
    discard(a.buffer);
    expect(a.buffer.byteLength).toBe(0);
    expect(a.length).toBe(0);
    expect(b.length).toBe(0);
  });
});

describe('IdSet after its parts grew (old slots discarded) and after dispose', () => {
  it('keeps every id and its first place through many growths', () => {
    const set = new IdSet(16);
    const ids = Array.from({ length: 20000 }, (_, i) => String(3000000010000000000n + BigInt(i) * 7919n));
    ids.forEach((id, i) => expect(set.getOrAdd(id, i)).toBeUndefined());
    ids.forEach((id, i) => expect(set.getOrAdd(id, -5)).toBe(i));
    expect(set.count).toBe(20000);
  });

  it('refuses to be used once disposed rather than answering from emptied memory', () => {
    const set = new IdSet(16);
    set.getOrAdd('3000000010000000001', 1);
    set.dispose();
    expect(() => set.getOrAdd('3000000010000000001', 2)).toThrow();
  });
});
