// The unrecorded-run warning (compensate without --record beside a state database) read every paid
// order id of the ledger (state.paidOrderIds: ~0.4 s at 400k recorded vouchers) to check the few
// vouchers a run lists. It now looks up only the run's own ids (state.paidAmong: batches of 10,000
// ids through the voucher_orders (order_id, kind) index), unless they are a third of the ledger's
// rows or more, when the whole read is the quicker and every paid id is returned.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openState } from '../../src/state/ledger.js';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const AS_OF = ['--as-of', '2026-11-20 12:00:00'];
const id = (i: number) => String(9000000000000000000n + BigInt(i));

/** The README example recorded (…903 paid in a 50.00 voucher), then `n` one-order vouchers paid by hand. */
function ledger(n: number): string {
  const state = path.join(tmpDir(), 'state.db');
  expect(runCli(['compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), ...AS_OF, '--record', '--state', state, '-f', 'csv', '-q']).code).toBe(0);
  const db = new Database(state);
  const v = db.prepare("INSERT INTO vouchers (voucher_key, buyer, rules, order_ids, amount, window_start, recorded_at, kind) VALUES (?, 'b', 'tmall-2026', ?, '5.00', 0, 0, ?)");
  const o = db.prepare('INSERT INTO voucher_orders (voucher_key, order_id, kind, claim) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      // Order 7 is an unkept-promise payout, order 8 a re-issue's claim (not the paying one).
      const kind = i === 7 ? 'delivery_promise' : 'voucher';
      v.run(`k${i}`, JSON.stringify([id(i)]), kind);
      o.run(`k${i}`, id(i), kind, i === 8 ? 'reissue' : 'paid');
    }
  })();
  db.close();
  return state;
}

describe('state.paidAmong: the paid ids among those given', () => {
  it('looks up the ids given, over several batches (12,004 ids against 40,001 rows)', async () => {
    const db = await openState(ledger(40_000), { create: false, readOnly: true });
    try {
      // 4 ids of interest among 12,000 the ledger does not hold (ids 100,000–111,999): 2 batches.
      const ids = [id(5), '3515313147329357903', id(7), id(8), ...Array.from({ length: 12_000 }, (_, i) => id(100_000 + i)), id(39_999)];
      // Paid: 5 and 39,999 (vouchers), …903 (the example's voucher); 7 is a promise, 8 a re-issue claim.
      expect([...db.paidAmong(ids, ids.length)].sort()).toEqual(['3515313147329357903', id(5), id(39_999)]);
      expect([...db.paidAmong(ids, ids.length, 'delivery_promise')]).toEqual([id(7)]);
      expect(db.paidAmong([], 0).size).toBe(0);
    } finally {
      db.close();
    }
  });

  it('reads the ledger whole past a third of its rows: every paid id (a superset), as paidOrderIds', async () => {
    const db = await openState(ledger(30), { create: false, readOnly: true });
    try {
      // 31 voucher_orders rows (…903 and 30 by hand); 11 ids × 3 = 33 ≥ 31: the whole read. Paid
      // vouchers: …903 and 28 of the 30 (not 7, a promise, nor 8, a re-issue claim) = 29.
      const ids = Array.from({ length: 11 }, (_, i) => id(i));
      const got = db.paidAmong(ids, ids.length);
      expect(got.size).toBe(29);
      expect(got).toEqual(db.paidOrderIds());
      // 10 ids × 3 = 30 < 31: looked up, only the given ids' paid ones (0–9 but 7 and 8).
      expect([...db.paidAmong(ids.slice(0, 10), 10)].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 9].map(id));
    } finally {
      db.close();
    }
  });
});

describe('compensate without --record beside a ledger of 40,001 paid orders', () => {
  it('gives the warning as before: 1 voucher to issue, 50.00, its order …903', () => {
    const state = ledger(40_000);
    const r = runCli(['compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), ...AS_OF, '--state', state, '-f', 'csv', '--lang', 'en']);
    expect(r.code).toBe(0);
    // README worked example as of 2026-11-20 12:00: …903's voucher, 2000.00 × 5 % = 100.00 capped at 50.00.
    expect(r.stderr).toContain(`but ${state} records orders of 1 voucher it lists to issue (50.00 of issueNow, counted in the summary's total to issue) as paid`);
    expect(r.stderr).toContain('storeops ledger list --order 3515313147329357903');
  });
});
