// A recording run looks up, for each voucher holding a recorded voucher's orders, which vouchers
// took money over from that one (`covered` naming its key). That lookup (`covered LIKE '%"key"%'`)
// reads the whole vouchers table; run once per conflict, a run's time grew with conflicts × ledger:
// the 1M-row bench export under tmall-2023, a tenth of its rows missing from the first run, 1,484
// scans of ~88k rows in the second (51 s of SQLite). Now the table is read once per recording.
// Money is as before: the amounts below are worked out by hand.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Cover, type VoucherRecord, openState } from '../../src/state/ledger.js';
import { tmpDir } from '../helpers.js';

const T0 = Date.UTC(2026, 9, 1, 2, 0, 0);
const T1 = Date.UTC(2026, 10, 21, 1, 0, 0);
const v = (key: string, buyer: string, amount: string, orderIds: string[]): VoucherRecord => ({ voucherKey: key, buyer, rules: 'tmall-2026', orderIds, amount, windowStart: T0 });

/** Counts the runs of statements whose plan reads the whole vouchers table. */
let scans = 0;
const original = Database.prototype.prepare;
beforeEach(() => {
  scans = 0;
  Database.prototype.prepare = function (this: Database.Database, sql: string) {
    const st = original.call(this, sql);
    let plan: string[] = [];
    try {
      plan = (original.call(this, `EXPLAIN QUERY PLAN ${sql}`).all(...(Array((sql.match(/\?/g) ?? []).length).fill(null) as [never])) as { detail: string }[]).map((r) => r.detail);
    } catch {
      /* not a query */
    }
    if (plan.some((d) => /^SCAN vouchers\b/.test(d))) {
      for (const m of ['all', 'get', 'iterate', 'run'] as const) {
        const f = st[m] as (...a: unknown[]) => unknown;
        (st as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => {
          scans++;
          return f.apply(st, a);
        };
      }
    }
    return st;
  } as typeof Database.prototype.prepare;
});
afterEach(() => {
  Database.prototype.prepare = original;
});

/** n buyers: {o} 10.00 recorded; {o,p} 25.00 recorded with --reissue (taking o's 10.00); then {o,p,q} 40.00 seen. */
async function scansOf(n: number): Promise<{ conflicts: number; grown: number; covers: Cover[] }> {
  const db = await openState(path.join(tmpDir(), 'state.db'));
  const ids = Array.from({ length: n }, (_, i) => String(1000 + i));
  db.recordVouchers(ids.map((i) => v(`a${i}`, `b${i}`, '10.00', [`o${i}`])), T1);
  // Each {o,p} holds o, paid in {o}: a conflict, not recorded; its cover looks up {o}'s takers.
  scans = 0;
  const st1 = db.recordVouchers(ids.map((i) => v(`g${i}`, `b${i}`, '25.00', [`o${i}`, `p${i}`])), T1 + 1000);
  expect([...st1.values()].every((s) => s === 'conflict')).toBe(true);
  const conflicts = scans;
  db.recordVouchers(ids.map((i) => v(`g${i}`, `b${i}`, '25.00', [`o${i}`, `p${i}`])), T1 + 2000, { reissue: () => true });
  scans = 0;
  const covers: Cover[] = [];
  db.recordVouchers(ids.map((i) => v(`h${i}`, `b${i}`, '40.00', [`o${i}`, `p${i}`, `q${i}`])), T1 + 3000, { covers });
  const grown = scans;
  db.close();
  return { conflicts, grown, covers };
}

describe('who took money over from a recorded voucher', () => {
  it('is read from the vouchers table once per recording, however many conflicts', async () => {
    const small = await scansOf(5);
    const large = await scansOf(40);
    // Before: one scan per conflict (5 against 40 and more).
    expect(large.conflicts).toBe(small.conflicts);
    expect(large.grown).toBe(small.grown);
    expect(large.conflicts).toBeLessThanOrEqual(2);
  });

  it('pays as before: {o,p,q} 40.00 counts {o,p}’s 25.00 (which took {o}’s 10.00), 15.00 owed', async () => {
    // {o} 10.00 paid; {o,p} 25.00 recorded took it over (covered {o}: 10.00), issued 15.00. {o,p,q}
    // 40.00: {o}'s money is all taken by {o,p}, which holds o (nothing of {o} left for it); {o,p}'s
    // own 25.00 covers it: 25.00 covered, 40.00 − 25.00 = 15.00 owed. Paid in all 10 + 15 + 15 = 40.
    const { covers } = await scansOf(3);
    expect(covers.map((c) => [c.voucherKey, c.covered, c.byCap])).toEqual([
      ['h1000', '25.00', '0.00'],
      ['h1001', '25.00', '0.00'],
      ['h1002', '25.00', '0.00'],
    ]);
  });
});
