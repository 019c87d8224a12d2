// reissue-paths3.property.test.ts FUZZ_S=16000 seed 16024 (OWED=1: 1530.00 paid > 1030.00 owed; 1030.00
// after step 1; said, --reissue all and one at a time agree each step): a real 470.00 paid twice, on
// the path the property takes (each export run first without --reissue, then with --reissue all).
// The same exports with export 2 run straight with --reissue all pay 1060.00 (1030.00 reduced), what
// export 1 straight to export 3 pays: the two paths agree on export 2's total but not on who holds
// what, and export 3 shows it. Reduced to buyer Q's four orders (the seed's P o04, 30.00, lacking in
// export 3, takes no part). tmall-2023 (docs/rules.md §1.2: paid before 2026-04-09; late = shipped
// more than 48 h after payment; 30 %, at least 5.00; a buyer's late orders paid within 24 h of a
// window's opening combined, capped at 500.00; §1.7: the money follows the order, to the voucher that
// now holds it; "Money an order's voucher now does not need (paid in full by other money of its own
// orders) stays where it was paid: it counts toward the cap of the window it was recorded in"; a
// voucher of the run still to be taken, "or a conflict the run only says", is counted as taking of a
// cap group's money what the money of its own window leaves it owing; "The same total is paid
// whichever way the conflicts are re-issued"; never paid twice).
// Export 1: o01 Q 100.00 paid 2026-04-06 03:21, shipped 04-09 23:21 (92 h, late): Q {01} 30.00; o02 Q
//   9000.00 paid 04-07 16:42 (37 h 21 min after: a window of its own), shipped 04-11 12:42 (92 h):
//   2700.00, Q {02} 500.00. 530.00 paid.
// Export 2: o01 paid 04-06 16:21 (79 h): 30.00; o02 paid 04-07 00:42 (8 h 21 min after: joins),
//   shipped 04-11 12:42 (108 h): 2700.00: Q {01,02} min(2730.00, 500.00) = 500.00, paid by o01's
//   30.00 and 470.00 of o02's 500.00 in Q {02}; o30 Q 2000.00 paid 04-08 13:50, shipped 04-12 21:50
//   (104 h): 600.00, Q {30} 500.00, whose window, rebuilt, holds Q {02}'s opening (04-07 16:42, 21 h
//   08 min before; the ledger's reading, capGroup): o02's 30.00 left counts toward its cap: 470.00
//   anew. 1000.00 paid (a fresh ledger of export 2 owes 1000.00 too).
// Export 3: o01 as in export 2: Q {01} 30.00 (Q {01}'s order and amount); o02 is P's, paid 04-07 08:42
//   (100 h): P {02} 500.00 (Q {02}'s order and amount, now P's); o60 Q 2000.00 paid 04-08 04:49,
//   shipped 04-12 15:49 (107 h): 600.00, and o30 (9 h 01 min after: joins): Q {60,30} min(1200.00,
//   500.00) = 500.00. Q {01} takes o01's 30.00, P {02} o02's 500.00 (the 30.00 Q {30}'s cap counted
//   is o02's: it follows o02), Q {60,30} o30's 470.00 and issues 30.00: 1030.00, what a fresh ledger
//   of export 3 owes and export 1 straight to export 3 pays.
// The property's path: export 2 run first without --reissue records Q {30} (new) while Q {01,02} is
// a conflict it only says: Q {30}'s cap counts all 500.00 of Q {02} (nothing anew) and --reissue all
// then has Q {01,02} issue 470.00 anew (its o02 money counted there): 1000.00 too. Export 3 gives Q {02}'s
// 500.00 back to o02 (P {02}; Q {30}'s cap share is stale), Q {01,02}'s 470.00 stays unused in a window
// no voucher needs it in, and Q {60,30} issues 500.00 anew: 1500.00, o02 paid twice.
// Traced in src/state/ledger.ts (not changed here): capCover for Q {30} in the run without --reissue
// has laterTake give Q {01,02} (not recorded) 470.00 of Q {02} (pending 470.00, spare 30.00), and
// `held` (all − pendingOther − max(0, pending − pendingOther − max(0, min(most, all + value − cap) −
// spare))) leaves none of it out: the cap needs 500.00 and may take pending money itself ("what this
// cap takes of that money itself it does not count twice"), which the conflict then makes up anew.
// Within one --reissue all Q {01,02} is taken first and the cap finds only 30.00. At export 2 both
// ways pay 1000.00 (the property sees no disagreement); the money's owner differs.
// money66's b2a4a2d4 (asIsPaid) does not change this case (1500.00).
// money69 (tried, not kept): capCover leaving out of `held`, and out of what its second pass may
// take, the part of `pending` a conflict the run only says takes (laterTake: `u` not recorded in this
// run; then only `u` seen before `v` in the call, blockedKeys, for a `v` no recorded voucher holds,
// bounded by conflictTook) makes this case pass (1030.00, UTC and LA), but the default seeds of
// reissue-paths3 (TOTALS against 0de72b1f) then pay more on step 2, all three ways alike: seed 2319
// 2500.00 -> 3440.00 (OWED=1 flags it: above 2000.00 owed + 500.00 on time + 470.00 two caps) and seed 3139 1000.00 ->
// 1030.00; the first, broadest form also broke one at a time of seeds 588 and 9190 (step 2: 1700.00
// / 1500.00, 1430.00 / 1330.00). So the new voucher's cap leaving the said conflict's money is not
// by itself the rule: a guess, not worked out by hand, is that there the conflict, re-issued, does
// not take what the cap left for it (laterTake's share for it is more than it takes). Neither form
// was kept; ledger.ts is unchanged. Seed 3139 with it (KEEP_DIR, all.db after step 2, 1030.00):
// step 1's new Q {30} counted only 30.00 of Q {05,01,04} (o01 in the said P {01,31,00}) and issued
// 470.00; step 2's Q {31}, in Q {30}'s recorded window, took 270.00 of P {01,31,00} and issued 30.00.
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000016024${n}`;

function exports() {
  const dir = tmpDir();
  const o30 = shipped(id('30'), 'Q', '2000.00', '2026-04-08 13:50:00', '2026-04-12 21:50:00');
  const o01 = shipped(id('01'), 'Q', '100.00', '2026-04-06 16:21:00', '2026-04-09 23:21:00');
  const f = files(dir, {
    e1: [shipped(id('01'), 'Q', '100.00', '2026-04-06 03:21:00', '2026-04-09 23:21:00'), shipped(id('02'), 'Q', '9000.00', '2026-04-07 16:42:00', '2026-04-11 12:42:00')],
    e2: [o01, shipped(id('02'), 'Q', '9000.00', '2026-04-07 00:42:00', '2026-04-11 12:42:00'), o30],
    e3: [o01, shipped(id('02'), 'P', '9000.00', '2026-04-07 08:42:00', '2026-04-11 12:42:00'), shipped(id('60'), 'Q', '2000.00', '2026-04-08 04:49:00', '2026-04-12 15:49:00'), o30],
  });
  return { dir, f };
}

describe('seed 16024 reduced: a cap recorded beside a conflict the run only says leaves that conflict its money', () => {
  it('export 1 straight to export 3: 1030.00, as a fresh ledger of export 3', () => {
    const { dir, f } = exports();
    const state = path.join(dir, 'state.db');
    expect(seen(run(f.e1!, state).rows)).toEqual([
      ['Q', '01', '30.00', '30.00', 'new'],
      ['Q', '02', '500.00', '500.00', 'new'],
    ]);
    run(f.e3!, state, '--reissue', 'all');
    expect(total(state)).toBe('1030.00');
    const fresh = path.join(dir, 'fresh.db');
    run(f.e3!, fresh);
    expect(total(fresh)).toBe('1030.00');
  });
  it('export 2 straight with --reissue all (1000.00), then export 3: 1030.00', () => {
    const { dir, f } = exports();
    const state = path.join(dir, 'state.db');
    run(f.e1!, state);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('1000.00');
    const r3 = run(f.e3!, state);
    expect(owedSaid(r3.rows)).toBe(3000);
    run(f.e3!, state, '--reissue', 'all');
    expect(total(state)).toBe('1030.00');
  });
  it('export 2 run first without --reissue says 1000.00 in all, as --reissue all pays', () => {
    const { dir, f } = exports();
    const state = path.join(dir, 'state.db');
    run(f.e1!, state);
    const r2 = run(f.e2!, state);
    expect(seen(r2.rows).map((r) => r.slice(0, 3))).toEqual([
      ['Q', '01,02', '500.00'],
      ['Q', '30', '500.00'],
    ]);
    expect(Math.round(Number(total(state)) * 100) + owedSaid(r2.rows)).toBe(100000);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('1000.00');
  });
  it.fails('export 2 run first without --reissue, then --reissue all, then export 3: 1030.00 (paid 1500.00: Q {60,30} 500.00 anew)', () => {
    const { dir, f } = exports();
    const state = path.join(dir, 'state.db');
    run(f.e1!, state);
    run(f.e2!, state);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('1000.00');
    const r3 = run(f.e3!, state);
    expect(owedSaid(r3.rows)).toBe(3000);
    run(f.e3!, state, '--reissue', 'all');
    expect(total(state)).toBe('1030.00');
  });
});
