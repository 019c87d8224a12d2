// reissue-paths3.property.test.ts FUZZ_S=18000 seed 18001 (OWED=1: 2000.00 paid > 1800.00 owed; 1530.00
// after step 1; said, --reissue all and one at a time agree each step): a real 200.00 paid twice.
// Export 1 straight to export 3 pays 1800.00, what a fresh ledger of export 3 owes. Reduced to four
// orders (the seed's o05, o02 and o60 take no part). tmall-2023 (docs/rules.md §1.2: paid before
// 2026-04-09; late = shipped more than 48 h after payment; 30 %, at least 5.00; a buyer's late orders
// paid within 24 h of a window's opening combined, capped at 500.00; §1.7: the money follows the
// order, to the voucher that now holds it, whichever buyer that is; it "counts toward the cap of the
// buyer and window the order is in now, never also toward its old buyer's window (one payment never
// fills two buyers' windows, nor two windows)"; "Money an order's voucher now does not need (paid in
// full by other money of its own orders) stays where it was paid"; "a cap may count first what the
// moved orders' vouchers can do without"; never paid twice).
// Export 1: o00 Q 100.00 paid 2026-04-06 03:05, shipped 04-10 13:05 (106 h, late): Q {00} 30.00; o03 Q
//   1000.00 paid 04-07 16:21 (37 h 16 min after: a window of its own), shipped 04-10 10:21 (66 h):
//   300.00; o04 Q 3000.00 paid 04-07 18:13 (joins), shipped 04-13 02:13 (128 h): 900.00: Q {03,04}
//   min(1200.00, 500.00) = 500.00 (o03's part 300.00, o04's 200.00). 530.00 paid.
// Export 2: o00 as before (Q {00}, paid). o03 paid 04-07 06:21 (76 h, 27 h 16 min after o00: a new
//   window), o30 Q 2000.00 paid 04-07 10:49 (joins), shipped 04-12 03:49 (113 h): 600.00: Q {03,30}
//   min(900.00, 500.00) = 500.00. o04 is P's: P {04} 500.00. 1000.00 owed; Q {03,04}'s 500.00 pays
//   o03's 300.00 and o04's 200.00, each to the voucher holding it now (P {04} needs o04's: it has no
//   other money, so it cannot do without it): Q {03,30} 200.00 anew, P {04} 300.00 anew: 1030.00
//   paid. (The ledger: Q {03,30} takes all 500.00, o04's 200.00 by its cap, and P {04} issues
//   500.00: the same 1030.00, o04's 200.00 filling Q's window while P {04} pays it again.)
// Export 3: o00 and o30 (paid 04-06 20:49, 17 h 44 min after o00: joins; shipped 04-12 03:49, 127 h):
//   Q {00,30} min(630.00, 500.00) = 500.00, window to 04-07 03:05; o03 (04-07 06:21): Q {03} 300.00;
//   o04: P {04} 500.00 (as recorded). Q {03} takes o03's 300.00 of Q {03,30}; the 200.00 Q {03,30}
//   paid for o30 follows o30 to Q {00,30} with o00's 30.00: 270.00 anew; P {04} holds its 500.00:
//   1300.00, what a fresh ledger of export 3 owes and export 1 straight to export 3 pays.
// The ledger issues Q {00,30} 470.00 anew: 1500.00. The 200.00 Q {03,30} holds beyond o03's 300.00 is
// Q {03,04}'s money, o04's by its orders, so it cannot follow o30, and P {04}, which paid o04 again in
// export 2, needs none of it: o04's 200.00 paid twice.
// Traced in src/state/ledger.ts (before money70's fix): in export 2, capCover for Q {03,30} (value and
// most 500.00; its group holds Q {03,04} alone) has laterTake give P {04} 500.00 of Q {03,04}
// (pending 500.00, spare 0.00), but pendingOther, the part never counted toward this cap, holds only
// what other buyers take of a voucher all of whose orders moved (allMoved; seed 158's fix), and o03
// is still Q's: `held` counts all 500.00 ("what this cap takes of that money itself"), the cap takes
// o04's 200.00 with o03's 300.00, and P {04} issues 500.00 anew. The rules' "a cap may count first what
// the moved orders' vouchers can do without" would leave the 200.00 P {04} cannot do without.
// (reissue-16024-said-cap-takes-pending.test.ts: the same `held`, a said conflict of the same buyer.)
// money66's b2a4a2d4 (asIsPaid) does not change this case (1500.00).
// Fixed (money70): laterTake counts in capCover's pendingOther (and staysOf's) what other buyers'
// vouchers whose windows hold no other money (P {04}) take of a group voucher some of whose orders are
// still the buyer's, up to what it holds beyond those orders' recorded shares (Q {03,04}: 500.00
// less o03's 300.00 = 200.00, o04's money however the 500.00 is shared out): Q {03,30}'s cap takes
// o03's 300.00 and issues 200.00 anew, P {04} takes o04's 200.00 and issues 300.00 (1030.00 as
// before); export 3 then issues Q {00,30} 270.00.
// NOT the full seed: reissue-paths3 FUZZ_S=18000 seed 18001 still pays 2000.00 (1800.00 owed) with this
// fix, and with it unbounded too (money70, TOTALS FUZZ_S=18000 FUZZ_N=60: no total changed); this
// reduced case also passes on the property's path (each export plain, then --reissue all: 1030.00,
// 1300.00). The seed's o05, o02 or o60 take part after all: to be reduced again.
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
// Reverted (lead, at the round's end): money70's fix (1a7333e, 4b3a683) broke reissue-stale-notlate-
// path's hand-worked seed-3139 path under TZ=America/Los_Angeles (the first two exports 530.00 -> 700.00,
// 830.00 -> 1000.00 in all: money paid twice), found by the whole test/state run the fix had not had.
// src/state/ledger.ts is back as before it; the last case below is `it.fails` again (1500.00 paid).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000018001${n}`;

function exports() {
  const dir = tmpDir();
  const o00 = shipped(id('00'), 'Q', '100.00', '2026-04-06 03:05:00', '2026-04-10 13:05:00');
  const o03 = shipped(id('03'), 'Q', '1000.00', '2026-04-07 06:21:00', '2026-04-10 10:21:00');
  const o04 = shipped(id('04'), 'P', '3000.00', '2026-04-07 18:13:00', '2026-04-13 02:13:00');
  const f = files(dir, {
    e1: [o00, shipped(id('03'), 'Q', '1000.00', '2026-04-07 16:21:00', '2026-04-10 10:21:00'), shipped(id('04'), 'Q', '3000.00', '2026-04-07 18:13:00', '2026-04-13 02:13:00')],
    e2: [o00, o03, shipped(id('30'), 'Q', '2000.00', '2026-04-07 10:49:00', '2026-04-12 03:49:00'), o04],
    e3: [o00, shipped(id('30'), 'Q', '2000.00', '2026-04-06 20:49:00', '2026-04-12 03:49:00'), o03, o04],
  });
  return { dir, f };
}

describe('seed 18001 reduced: a cap does not count money another buyer\'s voucher needs for its order', () => {
  it('export 1 straight to export 3: 1300.00, as a fresh ledger of export 3', () => {
    const { dir, f } = exports();
    const state = path.join(dir, 'state.db');
    expect(seen(run(f.e1!, state).rows)).toEqual([
      ['Q', '00', '30.00', '30.00', 'new'],
      ['Q', '03,04', '500.00', '500.00', 'new'],
    ]);
    run(f.e3!, state, '--reissue', 'all');
    expect(total(state)).toBe('1300.00');
    const fresh = path.join(dir, 'fresh.db');
    run(f.e3!, fresh);
    expect(total(fresh)).toBe('1300.00');
  });
  it('through export 2: 1030.00 paid (owed 1030.00)', () => {
    const { dir, f } = exports();
    const state = path.join(dir, 'state.db');
    run(f.e1!, state);
    const r2 = run(f.e2!, state);
    expect(seen(r2.rows).map((r) => r.slice(0, 3))).toEqual([
      ['Q', '00', '30.00'],
      ['Q', '03,30', '500.00'],
      ['P', '04', '500.00'],
    ]);
    expect(owedSaid(r2.rows)).toBe(50000);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('1030.00');
  });
  it.fails('through export 2 then export 3: 1300.00, Q {00,30} 270.00 anew (paid 1500.00: 470.00 anew)', () => {
    const { dir, f } = exports();
    const state = path.join(dir, 'state.db');
    run(f.e1!, state);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('1030.00');
    const r3 = run(f.e3!, state);
    expect(owedSaid(r3.rows)).toBe(27000);
    run(f.e3!, state, '--reissue', 'all');
    expect(total(state)).toBe('1300.00');
  });
});
