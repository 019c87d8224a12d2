// OpenLog's first chunk is small (64 code units, openstore.ts FIRST_LOG_CHUNK; issue 21, forty-seventh
// round: its first move to a next chunk then comes within the first open orders, before compensate's
// judgeBatch is optimised). A speed change: this passes before and after it.
//
// Worked by hand: a record is the buyer (2 length units + its units), the order id (2 + its units),
// the paid time (4 units) and the rule set (1). Buyer `b0` (2 units) with id `3515313147329357901`
// (19 units) is 2+2 + 2+19 + 4 + 1 = 30 units: the first record ends at unit 30, the second at 60,
// the third (30 units more) crosses the 64th unit — the end of a 64-unit chunk — at its id. A buyer
// of 100 units (104 + 2 + 19 + 5 = 130 units) is longer than the whole first chunk. Each comes back
// from replay with every field as it went in, in order, and the store keeps exactly those `keep` takes.
import { describe, expect, it } from 'vitest';
import { OpenLog } from '../../src/compensation/openstore.js';

type O = { orderId: string; paidAt: number; rules?: string | undefined };

function roundTrip(records: [string, O][]): { seen: [string, O][]; kept: O[] | undefined } {
  const log = new OpenLog();
  for (const [b, o] of records) log.add(b, o);
  expect(log.count).toBe(records.length);
  const seen: [string, O][] = [];
  const store = log.replay((b, o) => {
    seen.push([b, { orderId: o.orderId, paidAt: o.paidAt, rules: o.rules }]);
    return b === 'b1';
  });
  return { seen, kept: store.get('b1') };
}

const T = Date.UTC(2026, 10, 10, 1, 0, 0);

describe('OpenLog across its small first chunk', () => {
  it('three 30-unit records: the third crosses unit 64 and comes back whole', () => {
    const recs: [string, O][] = [
      ['b0', { orderId: '3515313147329357901', paidAt: T, rules: 'tmall-2026' }],
      ['b1', { orderId: '3515313147329357902', paidAt: T + 1000, rules: undefined }],
      ['b2', { orderId: '3515313147329357903', paidAt: NaN, rules: 'tmall-2023' }],
    ];
    const { seen, kept } = roundTrip(recs);
    expect(seen).toEqual(recs);
    expect(kept).toEqual([{ orderId: '3515313147329357902', paidAt: T + 1000, rules: undefined }]);
  });

  it('a 130-unit record, longer than the first chunk, between short ones', () => {
    const long = '买'.repeat(100);
    const recs: [string, O][] = [
      ['b1', { orderId: '1', paidAt: T, rules: undefined }],
      [long, { orderId: '3515313147329357904~a.csv:7', paidAt: T + 2000, rules: 'tmall-2026' }],
      ['b1', { orderId: '261201-123', paidAt: T + 3000, rules: 'tmall-2026' }],
    ];
    const { seen, kept } = roundTrip(recs);
    expect(seen).toEqual(recs);
    expect(kept).toEqual([
      { orderId: '1', paidAt: T, rules: undefined },
      { orderId: '261201-123', paidAt: T + 3000, rules: 'tmall-2026' },
    ]);
  });

  it('every record count from 0 to 40 (chunk ends at every offset of a record)', () => {
    for (let n = 0; n <= 40; n++) {
      const recs: [string, O][] = [];
      for (let i = 0; i < n; i++) recs.push([i % 2 ? 'b1' : `b${i}x`, { orderId: String(3515313147329357000n + BigInt(i)), paidAt: T + i, rules: i % 3 ? 'tmall-2026' : undefined }]);
      const { seen, kept } = roundTrip(recs);
      expect(seen).toEqual(recs);
      const want = recs.filter(([b]) => b === 'b1').map(([, o]) => o);
      expect(kept).toEqual(want.length ? want : undefined);
    }
  });
});
