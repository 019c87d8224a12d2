// Two shops recorded into one state database from exports that name no shop (店铺Id and 店铺名称
// empty; README "Several shops"): nothing tells the shops apart and vouchers combine by the buyer's
// nick, so shop A's recorded voucher takes shop B's cap for the same buyer (short, never past a
// cap). Each shop owes its own: the run says so when the capping vouchers' orders are none of them
// in its exports. With the shop named, each gets its own cap: shop-cap.test.ts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledger, recorder, shipped } from './record-runs.js';

const record = recorder('2026-07-01 00:00:00');
const HINT = "were capped with recorded vouchers none of whose orders are in this run's exports: if those came from another shop's export";

describe('two shops, one buyer nick', () => {
  it('tmall-2023: each shop owes its own 500.00; one shared file caps B to 0.00 and says why', () => {
    const dir = tmpDir();
    // RULES 1.2: paid 2026-03-01, 72 h late; 9000.00 × 30 % = 2700.00 an order, 500.00 a 24-hour window.
    const f = files(dir, {
      // Shop A: two orders of P in one window: 5400.00 → 500.00.
      a: [shipped('5000000000000000011', 'P', '9000.00', '2026-03-01 10:00:00', '2026-03-04 10:00:00'), shipped('5000000000000000012', 'P', '9000.00', '2026-03-01 11:00:00', '2026-03-04 10:00:00')],
      // Shop B: one order of P two hours later: 2700.00 → 500.00, owed by shop B on its own.
      b: [shipped('5000000000000000021', 'P', '9000.00', '2026-03-01 12:00:00', '2026-03-04 10:00:00')],
    });
    // A file per shop: 500.00 + 500.00.
    expect(record(f.a, path.join(dir, 'a.db')).rows.map((v) => v.toIssue)).toEqual(['500.00']);
    const own = record(f.b, path.join(dir, 'b.db'));
    expect(own.rows.map((v) => v.toIssue)).toEqual(['500.00']);
    expect(own.stderr).not.toContain(HINT);
    // One file for both: B is capped with A's 500.00 (the documented limit), and the run says so.
    const shared = path.join(dir, 'shared.db');
    record(f.a, shared);
    const b = record(f.b, shared);
    expect(b.rows.map((v) => v.toIssue)).toEqual(['0.00']);
    expect(b.stderr).toContain(`1 voucher(s) ${HINT}`);
    expect(ledger(shared).stderr).toContain('total 500.00');
  });

  it('tmall-2026: the same for a calendar day; a later export of the same shop holding the orders says nothing', () => {
    const dir = tmpDir();
    // RULES 1.3 tier 5: 1000.00 × 5 % = 50.00 an order (max 50.00); 500.00 a Beijing day.
    const ids = Array.from({ length: 11 }, (_, i) => String(5000000000000000100n + BigInt(i)));
    const rows = ids.map((id, i) => shipped(id, 'P', '1000.00', `2026-06-01 ${String(8 + i).padStart(2, '0')}:00:00`, '2026-06-04 20:00:00'));
    const f = files(dir, {
      // Shop A: ten orders of P on 06-01: 10 × 50.00 = 500.00.
      a: rows.slice(0, 10),
      // Shop B: one order of P on 06-01: 50.00, owed by shop B on its own.
      b: rows.slice(10),
      // Shop A again an hour later, the same ten orders: recorded before, no hint.
      a2: rows.slice(0, 10),
    });
    const shared = path.join(dir, 'shared.db');
    expect(record(f.a, shared).rows.map((v) => v.toIssue)).toEqual(['500.00']);
    const again = record(f.a2, shared);
    expect(again.rows.map((v) => v.recorded)).toEqual(['already_recorded']);
    expect(again.stderr).not.toContain(HINT);
    const b = record(f.b, shared);
    expect(b.rows.map((v) => v.toIssue)).toEqual(['0.00']);
    expect(b.stderr).toContain(`1 voucher(s) ${HINT}`);
    expect(record(f.b, path.join(dir, 'b.db')).rows.map((v) => v.toIssue)).toEqual(['50.00']);
  });
});
