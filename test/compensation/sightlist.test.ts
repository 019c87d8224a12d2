// The sightings a --record run writes, held in columns until the recording writes them
// (src/compensation/sightlist.ts, issue 21): iterated, each comes back as it was added — the same
// fields, an absent shop or line id absent, the seen time given when added — in the order added.
import { describe, expect, it } from 'vitest';
import { SightingList } from '../../src/compensation/sightlist.js';
import type { Sighting } from '../../src/state/ledger.js';

const AS_OF = Date.UTC(2026, 10, 20, 4, 0, 0); // 2026-11-20 12:00 Beijing
const H = 3600_000;

describe('SightingList', () => {
  it('gives back each sighting as added, in order, with the seen time given', () => {
    const list = new SightingList();
    const a: Sighting = { orderId: '3000000010000000009', platform: 'taobao', shop: '100200300', deadline: AS_OF - 48 * H, seenAt: AS_OF };
    const b: Sighting = { orderId: 'D-7', platform: 'douyin', deadline: AS_OF - 3 * H, seenAt: AS_OF };
    const c: Sighting = { orderId: '3000000010000000009', platform: 'taobao', lineId: 'L2', shop: '100200300', deadline: AS_OF - 47 * H, seenAt: AS_OF };
    const d: Sighting = { orderId: '', platform: 'pdd', lineId: '', shop: '店铺A', deadline: 0, seenAt: AS_OF };
    list.add(a);
    // Seen at the file's own time, an hour before --as-of (run.ts: min(as-of, the file's latest time)).
    list.add(b, AS_OF - H);
    list.add(c);
    list.add(d);
    list.pack();
    expect(list.length).toBe(4);
    expect([...list]).toEqual([
      { orderId: '3000000010000000009', platform: 'taobao', shop: '100200300', deadline: AS_OF - 48 * H, seenAt: AS_OF },
      { orderId: 'D-7', platform: 'douyin', deadline: AS_OF - 3 * H, seenAt: AS_OF - H },
      { orderId: '3000000010000000009', platform: 'taobao', lineId: 'L2', shop: '100200300', deadline: AS_OF - 47 * H, seenAt: AS_OF },
      { orderId: '', platform: 'pdd', lineId: '', shop: '店铺A', deadline: 0, seenAt: AS_OF },
    ]);
    // No shop or line id key where none was given (the ledger writes NULL and '' for them).
    expect(Object.keys([...list][1]!).sort()).toEqual(['deadline', 'orderId', 'platform', 'seenAt']);
    // Read twice, the same.
    expect([...list].map((s) => s.orderId)).toEqual(['3000000010000000009', 'D-7', '3000000010000000009', '']);
  });

  it('grows past its first blocks and keeps every one (40 sightings, ids o0 … o39)', () => {
    const list = new SightingList();
    for (let i = 0; i < 40; i++) list.add({ orderId: `o${i}`, platform: i % 2 ? 'douyin' : 'taobao', deadline: i * H, seenAt: AS_OF });
    // Not packed by hand: iterating packs it.
    const out = [...list];
    expect(out.length).toBe(40);
    expect(out[0]).toEqual({ orderId: 'o0', platform: 'taobao', deadline: 0, seenAt: AS_OF });
    expect(out[17]).toEqual({ orderId: 'o17', platform: 'douyin', deadline: 17 * H, seenAt: AS_OF });
    expect(out[39]).toEqual({ orderId: 'o39', platform: 'douyin', deadline: 39 * H, seenAt: AS_OF });
  });

  it('added to after being read: the new ones after the old', () => {
    const list = new SightingList();
    list.add({ orderId: 'o1', platform: 'taobao', deadline: H, seenAt: AS_OF });
    expect([...list].map((s) => s.orderId)).toEqual(['o1']);
    list.add({ orderId: 'o22', platform: 'taobao', deadline: 2 * H, seenAt: AS_OF });
    list.add({ orderId: 'o333', platform: 'pdd', deadline: 3 * H, seenAt: AS_OF });
    expect([...list].map((s) => [s.orderId, s.platform, s.deadline])).toEqual([['o1', 'taobao', H], ['o22', 'taobao', 2 * H], ['o333', 'pdd', 3 * H]]);
  });

  it('an empty list gives nothing', () => {
    const list = new SightingList();
    list.pack();
    expect(list.length).toBe(0);
    expect([...list]).toEqual([]);
  });
});
