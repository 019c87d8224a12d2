// reissue-paths3.property.test.ts FUZZ_S=3000 seed 3239 (led20; step 2: said and --reissue all
// 2000.00, {04} and {02} re-issued in one call first 2500.00), reduced to three exports of five
// orders (o01, o03 left out: 1500.00 / 2000.00). Settled by led22 (below). docs/rules.md
// §1.7: "the same total is paid whichever way the conflicts are re-issued"; never paid twice. Times
// are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000003239${n}`;

// tmall-2023 (docs/rules.md §1.2; every order paid in 2025): 30 % of the goods; 48 h to ship; a
// buyer's late orders paid within 24 h of a window's opening combined, 500.00 cap.
//
// Export 1 (o02 shipped in 40 h: on time):
//   Q o00 3000.00 paid 05-30 02:41, 49 h late → 900.00; o04 9000.00 05-30 20:30, 39 h late →
//     2700.00: Q {00,04} = 500.00 (window 05-30 02:41 to 05-31 02:41).
//   P o05 3000.00 paid 05-30 03:54, 59 h late → 900.00; o06 3000.00 05-30 23:09, 37 h late →
//     900.00: P {05,06} = 500.00.   1000.00 issued.
// Export 2: o05 Q's (05-30 04:54); o02 05-31 01:02, 36 h late → 2700.00: Q {00,05,02} = 500.00,
//   paid by Q {00,04}'s 500.00 (o00's); o04 P's (05-31 11:30, 24 h late): P {06,04} = 500.00 (window
//   05-30 23:09 to 05-31 23:09), paid by P {05,06}'s 500.00 (o06's).   1000.00, a fresh ledger's.
// Export 3: o00 and o05 P's: P {00,05,06} = min(500, 900 + 900 + 900) = 500.00 (window 05-30 02:41 to
//   05-31 02:41); P {04} = 500.00 (05-31 11:30); Q {02} = 500.00.   1500.00 owed, 1000.00 paid.
// Where the money is (§1.7, it follows its orders): Q {00,05,02}'s 500.00 is o00's, o05's and o02's;
//   P {06,04}'s 500.00 is P {05,06}'s, taken over for o06 (below). P {00,05,06} may take either;
//   Q {02} only the first; P {04} neither (Q {00,04}'s money, o04's among it, went to Q {00,05,02}).
//   1000.00 for 1500.00 owed: 500.00 is issued anew whichever way, 1500.00 in all (--reissue all,
//   and a fresh ledger of export 3).
// What the ledger records (export 2): Q {00,05,02} took Q {00,04}'s 500.00 (for o00), P {06,04} took
// P {05,06}'s 500.00 (for o06). So P {06,04}'s 500.00 is money taken over for o06, an order of
// P {00,05,06}: P {04} can take none of it (takeableBy 0; it issues its 500.00 anew every way) and
// P {00,05,06} can take all of it. Q {02} can take Q {00,05,02}'s 500.00 (o02's part, 500.00 at most)
// once P {00,05,06}'s 500.00 is kept back elsewhere: in P {06,04}, which nothing else can use.
//   By hand: P {04} 500.00 anew, Q {02} takes Q {00,05,02}'s 500.00 (0.00 anew), P {00,05,06} takes
//   P {06,04}'s 500.00 (0.00 anew): 1000.00 + 500.00 = 1500.00 whichever way.
// Before: {02}, re-issued first or in one call with {04}, counted P {06,04}'s 500.00 as P {04}'s (what
// o04 came to in it), though P {04} can take none of it: so it kept all of Q {00,05,02}'s 500.00 back
// for P {00,05,06} and issued 500.00 anew, as P {04} did; P {00,05,06} then took P {06,04}'s 500.00
// and Q {00,05,02}'s lay unused: 2000.00, 500.00 paid twice. {04} first, then {02}: 1500.00 (P {04},
// recorded, no longer counts).
const late = (n: string, buyer: string, paid: string, at: string, ship: string) => shipped(id(n), buyer, paid, `2025-${at}:00`, `2025-${ship}:00`);
const e1 = [
  late('00', 'Q', '3000.00', '05-30 02:41', '06-03 03:41'),
  late('05', 'P', '3000.00', '05-30 03:54', '06-03 14:54'),
  late('02', 'Q', '9000.00', '05-30 19:02', '06-01 11:02'),
  late('04', 'Q', '9000.00', '05-30 20:30', '06-03 11:30'),
  late('06', 'P', '3000.00', '05-30 23:09', '06-03 12:09'),
];
const e2 = [
  late('00', 'Q', '3000.00', '05-30 02:41', '06-03 03:41'),
  late('05', 'Q', '3000.00', '05-30 04:54', '06-03 14:54'),
  late('06', 'P', '3000.00', '05-30 23:09', '06-03 12:09'),
  late('02', 'Q', '9000.00', '05-31 01:02', '06-03 13:02'),
  late('04', 'P', '9000.00', '05-31 11:30', '06-03 11:30'),
];
const e3 = [
  late('00', 'P', '3000.00', '05-30 02:41', '06-02 00:41'),
  late('05', 'P', '3000.00', '05-30 04:54', '06-03 14:54'),
  late('06', 'P', '3000.00', '05-30 23:09', '06-03 15:09'),
  late('02', 'Q', '9000.00', '05-31 01:02', '06-03 13:02'),
  late('04', 'P', '9000.00', '05-31 11:30', '06-03 11:30'),
];

describe('seed 3239 reduced: money taken over for a later voucher\'s order is not counted as kept for a voucher that cannot take it: 1500.00 whichever way', () => {
  const check = (steps: readonly string[]) => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2, e3 });
    run(f.e1!, state);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('1000.00');
    expect(owedSaid(run(f.e3!, state).rows)).toBe(50000);
    for (const ids of steps) run(f.e3!, state, '--reissue', ids);
    run(f.e3!, state, '--reissue', 'all');
    expect(total(state)).toBe('1500.00');
  };
  it('--reissue all: 1500.00', () => check(['all']));
  it('{04}, then {02}: 1500.00', () => check([id('04'), id('02')]));
  it('{02}, then {04}: 1500.00 (was 2000.00: {02} kept all of Q {00,05,02} back for P {00,05,06})', () => check([id('02'), id('04')]));
  it('{04} and {02} in one call: 1500.00 (was 2000.00: {02} kept all of Q {00,05,02} back for P {00,05,06})', () => check([`${id('04')},${id('02')}`]));
});
