// reissue-paths3.property.test.ts FUZZ_S=3000 seed 3139 (led20; step 2: said 1030.00, --reissue all
// 1060.00, {31} then {01} 1030.00), its three exports as they are (six orders). A voucher's cap share
// (Q {30} counted Q {05,01,04}'s money toward its cap) whose voucher's order is now on time was held
// as Q {30}'s money: o01's share of it did not follow o01 (P {01} took o31's money of P {01,31,00}
// instead, and Q {31} counted Q {30}'s), and --reissue all also took o00's 30.00 there and topped
// P {00}, shown again as recorded, up by 30.00: o00's money paid twice. docs/rules.md §1.7: the money
// follows its order, never counted in its old buyer's window too; "the same total is paid whichever
// way the conflicts are re-issued". Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000003139${n}`;

// tmall-2023 (docs/rules.md §1.2; every order is paid 2026-04-06..08, before 2026-04-09): 30 % of the
// goods, at least 5.00; 48 h to ship; a buyer's late orders paid within 24 h of a window's opening
// combined, 500.00 cap.
//
// Export 1 (o02, o03 shipped in 40 h: on time):
//   Q o05  100.00 paid 04-07 03:33, 37 h late → 30.00; o01 9000.00 04-07 17:02, 36 h late → 2700.00;
//     o04 1000.00 04-07 18:39, 18 h late → 300.00: Q {05,01,04} = min(500, 3030) = 500.00 (window
//     04-07 03:33 to 04-08 03:33).
//   P o00 100.00 paid 04-08 12:44, 43 h late → 30.00: P {00} = 30.00.   530.00 issued.
// Export 2: o01 P's, paid 04-07 05:02 (63 h late); P o31 1000.00 new, 04-07 21:23, 56 h late → 300.00;
//   o00 paid 04-08 03:44 (50 h late); o05 on time; o04 lacking; Q o30 3000.00 new, 04-07 13:56, 8 h
//   late → 900.00.
//   P {01,31,00} = min(500, 2700 + 300 + 30) = 500.00: P {00}'s 30.00 (o00's) and 470.00 issued.
//   Q {30} = 500.00, in the window Q {05,01,04} opened: its 500.00 counts toward that cap, 0.00 issued.
//   1000.00 in all (a fresh ledger of export 2: 1000.00).
// Export 3: o03, o05 (P's) and o30 (04-08 04:56, shipped 41 h after) on time; o01 as before; o31 Q's,
//   paid 04-08 02:23, 51 h late → 300.00; o00 paid 04-08 14:44, 39 h late → 30.00.
//   P {01} = 500.00 (window 04-07 05:02 to 04-08 05:02: o00 is outside it). P {00} = 30.00 (the
//   recorded P {00} again, same order and amount). Q {31} = 300.00.   830.00 owed by export 3 alone.
// Where the money is (§1.7, it follows its order; what an order no longer needs stays where paid):
//   P {01,31,00}'s 500.00: o00's 30.00 (P {00}'s, taken over) goes back to P {00}; o31's 300.00
//     follows o31 to Q {31}; the 170.00 left is o01's, for P {01}.
//   Q {05,01,04}'s 500.00: Q {30}'s cap share of it is stale (o30 on time: nothing to count it
//     toward); o01's money follows o01: P {01} takes the 330.00 it still needs. o05 (on time) and o04
//     (lacking) keep the 170.00 left in Q's window.
//   Nothing is issued anew: 1000.00, whichever conflict is re-issued first.
// Before: the run said P {01} owed 30.00 (it took 470.00 of P {01,31,00}, o31's 300.00 with it, none
//   of Q {05,01,04}, and Q {31} counted Q {30}'s 500.00 toward its cap): {31} then {01} 1030.00;
//   --reissue all took o00's 30.00 as well and topped P {00} up by 30.00: 1060.00; {01} then {31} 1030.00.
//
// The lead, after led21 (2026-12-05): the working above is the property's path, where export 2's P {01,31,00}
// issued 470.00 of its own and Q {30} issued nothing. The cases below record export 2 with `--reissue all`,
// which allocates otherwise: P {01,31,00} takes 470.00 of Q {05,01,04}'s money (o01's, following o01) and
// o00's 30.00 of P {00}'s, issuing nothing; Q {30} issues 470.00 for o30 and counts Q's last 30.00 toward
// its cap (1000.00 in all, as above). In export 3 o30 is on time: the 470.00 paid for it stays in Q's
// window and counts toward that window's cap (§1.7: money paid there for an order now on time). Movable
// money: Q's 500.00 (470.00 of it in P {01,31,00}) and o00's 30.00 = 530.00. Needed: P {01} 500.00 (o01),
// P {00} 30.00 (o00), and Q {31} (paid 04-08 02:23, inside Q's window 04-07 03:33 to 04-08 03:33) room
// under the cap: 500.00 − 470.00 = 30.00. 560.00 needed from 530.00 movable: 30.00 issued anew, **1030.00**
// whichever way (d04aff9 paid 1030.00 here). Before (4570bea): 1000.00 every way, 0.00 said: Q {31}'s cap
// counted Q's last 30.00 (all 500.00 of Q {30}) and the stale-share hand-back (giveStale) gave the same
// 30.00 to P {01}, counting as passed on only what Q {31} took beyond Q {30}'s own 470.00. Now (led23)
// a cap counts what giveStale gave back of a stale share to no group voucher (capCover), and what a
// taker took of the holder is passed on in full (passedOn): 1030.00, 30.00 said; seed 3139's own path
// is in reissue-paths3's default seeds (1000.00 every way there).
const late = (n: string, buyer: string, paid: string, at: string, ship: string) => shipped(id(n), buyer, paid, `2026-04-${at}:00`, `2026-04-${ship}:00`);
const e1 = [
  late('02', 'P', '1000.00', '06 09:40', '08 01:40'),
  late('03', 'P', '100.00', '07 03:32', '08 19:32'),
  late('05', 'Q', '100.00', '07 03:33', '10 16:33'),
  late('01', 'Q', '9000.00', '07 17:02', '11 05:02'),
  late('04', 'Q', '1000.00', '07 18:39', '10 12:39'),
  late('00', 'P', '100.00', '08 12:44', '12 07:44'),
];
const e2 = [
  late('02', 'P', '1000.00', '06 09:40', '08 01:40'),
  late('03', 'P', '100.00', '07 03:32', '08 19:32'),
  late('01', 'P', '9000.00', '07 05:02', '11 20:02'),
  late('05', 'Q', '100.00', '07 11:33', '09 03:33'),
  late('30', 'Q', '3000.00', '07 13:56', '09 21:56'),
  late('31', 'P', '1000.00', '07 21:23', '12 05:23'),
  late('00', 'P', '100.00', '08 03:44', '12 05:44'),
];
const e3 = [
  late('03', 'P', '100.00', '07 00:32', '08 19:32'),
  late('01', 'P', '9000.00', '07 05:02', '11 20:02'),
  late('05', 'P', '100.00', '07 11:33', '09 03:33'),
  late('31', 'Q', '1000.00', '08 02:23', '12 05:23'),
  late('30', 'Q', '3000.00', '08 04:56', '09 21:56'),
  late('00', 'P', '100.00', '08 14:44', '12 05:44'),
];

describe('seed 3139\'s exports, export 2 recorded with --reissue all: o30\'s 470.00 stays in Q\'s window, so 30.00 more is owed: 1030.00 whichever way', () => {
  const check = (steps: readonly string[]) => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2, e3 });
    expect(seen(run(f.e1!, state).rows)).toEqual([
      ['Q', '05,01,04', '500.00', '500.00', 'new'],
      ['P', '00', '30.00', '30.00', 'new'],
    ]);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('1000.00');
    const r = run(f.e3!, state);
    // What the run says is still owed, in fen: 30.00 (P {01} or Q {31}).
    expect(owedSaid(r.rows)).toBe(3000);
    expect(seen(r.rows).find((v) => v[1] === '00')).toEqual(['P', '00', '30.00', '0.00', 'already_recorded']);
    for (const ids of steps) run(f.e3!, state, '--reissue', ids);
    run(f.e3!, state, '--reissue', 'all');
    expect(total(state)).toBe('1030.00');
  };
  it('--reissue all: 1030.00 (was 1000.00)', () => check(['all']));
  it('{31} then {01}: 1030.00 (was 1000.00)', () => check([id('31'), id('01')]));
  it('{01} then {31}: 1030.00 (was 1000.00)', () => check([id('01'), id('31')]));
});
