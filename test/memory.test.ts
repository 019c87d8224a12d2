import { afterEach, describe, expect, it, vi } from 'vitest';
import { DETACH_MIN, discard, discardLarge } from '../src/memory.js';
import { IdSet, SeenIds } from '../src/orders/idset.js';
import { LateStore } from '../src/compensation/latestore.js';
import { SpillFile } from '../src/io/spill.js';
import { Money } from '../src/money.js';

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

// The first detach in a process makes V8 drop every optimised function that reads a typed array and
// compile it again with a detached-buffer check on each access (issue 21, twenty-ninth round): while
// an export is read nothing may be detached but large tables. Counted through structuredClone, which
// discard() detaches by.
describe('no buffer detached while an export is read', () => {
  afterEach(() => vi.restoreAllMocks());
  const transfers = () => {
    const spy = vi.spyOn(globalThis, 'structuredClone');
    return () => spy.mock.calls.filter(([, o]) => (o as { transfer?: unknown[] } | undefined)?.transfer !== undefined).length;
  };

  it('discardLarge detaches a buffer of DETACH_MIN bytes and lets a smaller one go attached', () => {
    const count = transfers();
    const small = new ArrayBuffer(DETACH_MIN - 1);
    const large = new ArrayBuffer(DETACH_MIN);
    discardLarge(small);
    discardLarge(large);
    // DETACH_MIN = 2^20: the 1,048,575-byte buffer keeps its length, the 1,048,576-byte one is emptied.
    expect([DETACH_MIN, small.byteLength, large.byteLength, count()]).toEqual([1048576, 1048575, 0, 1]);
  });

  it('the duplicate check, ids-only, grows from 16 to 20,000 ids (parts of at most a few KB) without a detach', () => {
    const count = transfers();
    const seen = new SeenIds(1, false, 16);
    for (let i = 0; i < 20000; i++) expect(seen.getOrAdd(String(3000000010000000000n + BigInt(i) * 7919n), i + 2, 0)).toBeUndefined();
    expect(seen.getOrAdd(String(3000000010000000000n + 7919n), 9, 0)).toBe(0);
    // 16 parts doubling from 4 slots to ~2,048 (8 bytes a slot): every old part under 16 KB, none detached.
    expect(count()).toBe(0);
  });

  it('the late-order store reuses the blocks it puts aside: 50,000 orders pushed without a detach', () => {
    const count = transfers();
    const opened: SpillFile[] = [];
    const store = new LateStore(() => {
      const f = SpillFile.open();
      opened.push(f);
      return f;
    });
    for (let i = 0; i < 50_000; i++)
      store.push({
        orderId: String(3515313147329300000n + BigInt(i)),
        buyer: `${'买家'.repeat(20)}-${i % 1013}`,
        rules: 'tmall-2026',
        paidAt: Date.UTC(2026, 10, 1) + i * 1000,
        deadline: Date.UTC(2026, 10, 3) + i * 1000,
        shippedAt: Date.UTC(2026, 10, 4) + i * 1000,
        hoursLate: 24 + i / 10,
        payout: { kind: 'late', rate: new Money('0.3'), baseFen: 10000 + i, rawFen: 3000 + i, afterFen: 3000 + i },
        platformCompensation: null,
        shipSource: 'marked_shipped',
      });
    // 13 blocks of 4,096: the first 12 put aside (8 held first, then each full one), none detached.
    expect(opened.length).toBe(1);
    expect(count()).toBe(0);
    store.load();
    // Read back into the blocks kept; order 40,000 (block 9, put aside) comes back whole.
    expect([store.get(40_000).orderId, store.get(40_000).payout.baseFen, store.buyer(40_000)]).toEqual(['3515313147329340000', 50000, `${'买家'.repeat(20)}-${40000 % 1013}`]);
    store.close();
  });
});
