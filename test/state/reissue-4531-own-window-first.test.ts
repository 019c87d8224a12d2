// reissue-paths3.property.test.ts FUZZ_S=4500 seed 4531 (OWED=1: 2030.00 paid > 1530.00 owed; 1030.00
// after step 1): a real 500.00 paid twice, not a flaw of the OWED bound (no two caps become one, no
// order is owed less, no order lacking). Reduced to three exports of three orders of buyer Q (the
// seed's P orders, o01 30.00 and o60 500.00 new in export 3, take no part; o03 rides with o00).
// tmall-2023 (docs/rules.md §1.2: every order paid before 2026-04-09; late = shipped more than 48 h
// after payment; 30 %, at least 5.00; a buyer's late orders paid within 24 h of a window's opening
// combined, capped at 500.00; §1.7: the money follows the order; money a voucher does not need
// stays where it was paid and counts toward the cap of the window it was recorded in; "of two ways
// to pay a voucher, the money nothing else can use or count goes first; where the run shows no
// difference, money paid in the voucher's own window ... goes before money paid in another window,
// whose cap that money counts toward if left unused by a later run"; "never paid twice").
// Export 1: o02 Q 1000.00 paid 2026-04-07 13:13, shipped 04-10 15:13 (74 h, late): 300.00; o00 Q
//   3000.00 paid 04-08 10:53 (21 h 40 min after o02's opening: same window), shipped 04-12 04:53
//   (90 h): 900.00. A = Q {02,00} min(1200.00, 500.00) = 500.00, recorded at 04-07 13:13. 500.00 paid.
// Export 2 adds o30 Q 2000.00 paid 04-07 01:09, shipped 04-11 16:09 (111 h): 600.00, opening a window
//   to 04-08 01:09; o02 paid 04-07 20:13 (19 h 04 min after: joins), shipped 04-11 14:13 (90 h):
//   300.00: Q {30,02} min(900.00, 500.00) = 500.00. o00 paid 04-08 04:53 (27 h 44 min after 01:09: a
//   new window), shipped 04-12 04:53 (96 h): B = Q {00} min(900.00, 500.00) = 500.00. 1000.00 owed,
//   A's 500.00 pays one of them (o02's part or o00's), 500.00 anew: 1000.00 paid. (The ledger: Q
//   {30,02} takes all of A's 500.00, B issues 500.00, recorded at 04-08 04:53.)
// Export 3: o30 paid 04-06 15:09, shipped 04-11 16:09 (121 h): 600.00: Q {30}, window 04-06 15:09 to
//   04-07 15:09, 500.00. o02 paid 04-08 03:13 (36 h 04 min after o30: a new window), shipped 04-12
//   03:13 (96 h): 300.00; o00 paid 04-08 05:53 (2 h 40 min after), shipped 04-12 04:53 (95 h):
//   900.00: Q {02,00} min(1200.00, 500.00) = 500.00 (A's orders and amount again). 1000.00 owed, what
//   a fresh ledger of export 3 owes and what export 1 straight to export 3 pays (A pays Q {02,00},
//   Q {30} 500.00 anew).
//   Through export 2, 1000.00 of Q's money is paid: A's 500.00 (o02's and o00's, recorded at 04-07
//   13:13, in Q {30,02} since export 2: both in Q {30}'s window now) and B's 500.00 (o00's, recorded
//   at 04-08 04:53, in Q {02,00}'s own window, which no other cap reaches). Q {02,00} can be paid by
//   either; B's is the money nothing else can count, and paid in its own window: it goes first. A's
//   500.00, not needed, stays where it was paid and fills Q {30}'s cap: nothing anew, 1000.00.
//   Every window of export 3 reaches the money paid before, so none of it is paid for good.
// The ledger reads Q {02,00} as A 'already_recorded', keeps A's 500.00 in Q {30,02} back for it (the
// seed-3139 keep-back: a voucher shown again as it was), leaves B's 500.00 unused in Q {02,00}'s full
// window and issues Q {30} 500.00 anew: 1500.00, o00's money paid twice (B's 500.00 paid where A's
// already pays).
// Traced in src/state/ledger.ts (money66 fixed it, below): at the call's start A is put in recordedAsIs (the
// same key at the amount it was recorded with); needsOf (the seed-3139 keep-back, `recordedAsIs.has(
// o.key) && tookFrom(held, o.key)`) then counts A's need on Q {30,02}, which took A's money over, so
// Q {30}'s cover leaves those 500.00 for A and its capCover finds A's opening in its window taken by
// A itself. The release for a voucher seen as it was (the seed-1202 block after recordedAsIs is
// filled) looks only at money A took over (its covered list: none here), not at A's own money
// another voucher holds, and its `stays` counts only vouchers holding none of the call's orders, so
// B (holding o00, A's order) never counts as paying A, and A's money never goes to Q {30}'s cap.
// Fixed (money66): as the call starts, each voucher seen again as recorded is given what its own
// window pays it whatever the run does (asIsPaid): money of recorded vouchers of its cap group all of
// whose orders are its orders now (B: o00's 500.00, nothing else of the run can use or count it), and
// what the group's vouchers holding none of the run's orders leave of its cap (the seed-1202
// reading). Only the rest of its own money, wherever it was taken over, is its: needsOf keeps back
// only that, inGroupOf leaves only that out of the group holding it (Q {30,02}, in Q {30}'s window,
// whose cap now counts A's 500.00), and movedAway owes it only what that and its money still
// standing behind it leave short. The same with B worth less (300.00): reissue-4531-own-window-
// part.test.ts (1000.00 owed; 1300.00 paid before, 1200.00 in a first try that forgot movedAway).
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000004531${n}`;

function exports() {
  const dir = tmpDir();
  const f = files(dir, {
    e1: [shipped(id('02'), 'Q', '1000.00', '2026-04-07 13:13:00', '2026-04-10 15:13:00'), shipped(id('00'), 'Q', '3000.00', '2026-04-08 10:53:00', '2026-04-12 04:53:00')],
    e2: [
      shipped(id('30'), 'Q', '2000.00', '2026-04-07 01:09:00', '2026-04-11 16:09:00'),
      shipped(id('02'), 'Q', '1000.00', '2026-04-07 20:13:00', '2026-04-11 14:13:00'),
      shipped(id('00'), 'Q', '3000.00', '2026-04-08 04:53:00', '2026-04-12 04:53:00'),
    ],
    e3: [
      shipped(id('30'), 'Q', '2000.00', '2026-04-06 15:09:00', '2026-04-11 16:09:00'),
      shipped(id('02'), 'Q', '1000.00', '2026-04-08 03:13:00', '2026-04-12 03:13:00'),
      shipped(id('00'), 'Q', '3000.00', '2026-04-08 05:53:00', '2026-04-12 04:53:00'),
    ],
  });
  return { dir, f };
}

describe('seed 4531 reduced: a voucher shown again as it was is paid by money of its own window first; its own money fills the other window\'s cap', () => {
  it('export 1 straight to export 3: 1000.00, as a fresh ledger of export 3', () => {
    const { dir, f } = exports();
    const state = path.join(dir, 'state.db');
    expect(seen(run(f.e1!, state).rows)).toEqual([['Q', '02,00', '500.00', '500.00', 'new']]);
    expect(seen(run(f.e3!, state).rows)).toEqual([
      ['Q', '30', '500.00', '500.00', 'new'],
      ['Q', '02,00', '500.00', '0.00', 'already_recorded'],
    ]);
    expect(total(state)).toBe('1000.00');
    const fresh = path.join(dir, 'fresh.db');
    run(f.e3!, fresh);
    expect(total(fresh)).toBe('1000.00');
  });
  it('through export 2: 1000.00 paid after export 2 (owed 1000.00)', () => {
    const { dir, f } = exports();
    const state = path.join(dir, 'state.db');
    run(f.e1!, state);
    const r2 = run(f.e2!, state);
    expect(seen(r2.rows).map((r) => r.slice(0, 3))).toEqual([
      ['Q', '30,02', '500.00'],
      ['Q', '00', '500.00'],
    ]);
    expect(owedSaid(r2.rows)).toBe(50000);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('1000.00');
  });
  it('through export 2 then export 3: 1000.00, nothing anew (paid 1500.00 before: Q {30} 500.00 anew, B\'s 500.00 unused)', () => {
    const { dir, f } = exports();
    const state = path.join(dir, 'state.db');
    run(f.e1!, state);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('1000.00');
    const r3 = run(f.e3!, state);
    expect(owedSaid(r3.rows)).toBe(0);
    run(f.e3!, state, '--reissue', 'all');
    expect(total(state)).toBe('1000.00');
  });
});
