// reissue-paths3.property.test.ts FUZZ_S=2100 seed 2340 (step 2: --reissue all 1530.00, Q {60,04}
// re-issued first 1500.00), reduced to two exports (led18). A recorded voucher whose order moved to
// another buyer sits in the window of a later voucher of its old buyer; the money that other buyer's
// voucher takes of it for that order was counted as staying in the window (capStays), so nothing was
// kept back for the later voucher, and an order's money was paid twice. docs/rules.md §1.7: the money
// follows the order ("never paid twice"), and "the same total is paid whichever way the conflicts are
// re-issued". Settled (led19, staysOf): capStays leaves out what the other buyer's vouchers take of a
// voucher all of whose orders are theirs now, working each later voucher out as coverOf does when the
// call takes it before this one and by cover alone after (led18's two tries, reverted, took all by
// cover alone, which broke seed 1616, or all as coverOf, which left 2340 as it was; seed 1493 needed
// takeableBy to let P {05,04} take the cap money P {04} paid o04 with). Times are Beijing time; run
// under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `610000000000234${n}`;

// tmall-2023 (docs/rules.md §1.2; every order is paid before 2026-04-09): 30 % of the goods, at least
// 5.00; 48 h to ship; a buyer's late orders paid within 24 h of a window's opening combined, 500.00
// cap. Every late order ships 60 h after payment.
//
// First export:
//   o01 Q 1000.00 paid 04-06 09:00 → 300.00: Q {01} = 300.00.
//   o02 P 3000.00 paid 04-06 10:00 → 900.00; o03 P 100.00 paid 04-06 20:00 → 30.00 (10 h later):
//       P {02,03} = min(500, 930) = 500.00 (window 04-06 10:00 to 04-07 10:00).
//   o04 P 2000.00 paid 04-07 12:00 (26 h after 10:00: a window of its own) → 600.00: P {04} = 500.00.
//   1300.00 issued.
// Second export: o01 is P's; o03's paid time corrected to 04-07 10:00; o04 is Q's; Q o05 2000.00 new,
//   paid 04-06 20:00 → 600.00.
//   P: o01 04-06 09:00 opens a window to 04-07 09:00, o02 (10:00) joins: P {01,02} = min(500, 300 +
//      900) = 500.00. o03 (04-07 10:00) opens the next: P {03} = 30.00; its window (to 04-08 10:00)
//      holds P {04}'s recorded opening, 04-07 12:00.
//   Q: o05 04-06 20:00, o04 04-07 12:00 (16 h later): Q {05,04} = min(500, 600 + 600) = 500.00.
//   A fresh ledger owes 500.00 + 30.00 + 500.00 = 1030.00; 1300.00 was issued.
// Where the money is (§1.7: it follows its order):
//   P {04}'s 500.00 is o04's (600.00 ≥ 500.00): it pays Q {05,04}, which needs no more.
//   P {02,03}'s 500.00: o03's 30.00 follows o03 to P {03}; o02's 470.00 to P {01,02}.
//   Q {01}'s 300.00 is o01's: P {01,02} takes the 30.00 it still needs; the 270.00 left stays in Q's
//   window, where it was paid.
//   Nothing is issued anew: 1300.00 in all, whichever conflict is re-issued first.
// Before: P {03}'s cap was taken to count P {04}'s 500.00 (in its window, but all of it Q {05,04}'s,
//   for o04), so P {01,02} keeps nothing of P {02,03} back for P {03} and takes all 500.00, o03's 30.00
//   with it, and P {03} issues 30.00 anew: 1330.00 said and paid by --reissue all; Q {05,04} re-issued
//   first takes P {04}'s money before P {03}'s cap is counted: 1300.00.
const late = (n: string, buyer: string, paid: string, at: string, ship: string) => shipped(id(n), buyer, paid, `2026-04-${at}:00`, `2026-04-${ship}:00`);
const e1 = [
  late('01', 'Q', '1000.00', '06 09:00', '08 21:00'),
  late('02', 'P', '3000.00', '06 10:00', '08 22:00'),
  late('03', 'P', '100.00', '06 20:00', '09 08:00'),
  late('04', 'P', '2000.00', '07 12:00', '10 00:00'),
];
const e2 = [
  late('01', 'P', '1000.00', '06 09:00', '08 21:00'),
  late('02', 'P', '3000.00', '06 10:00', '08 22:00'),
  late('05', 'Q', '2000.00', '06 20:00', '09 08:00'),
  late('03', 'P', '100.00', '07 10:00', '09 22:00'),
  late('04', 'Q', '2000.00', '07 12:00', '10 00:00'),
];
const a = `${id('01')},${id('02')}`;
const b = `${id('05')},${id('04')}`;
const c = id('03');

describe('seed 2340 reduced: a moved order\'s money is not counted as staying in its old buyer\'s window: 1300.00 whichever way', () => {
  const check = (steps: readonly string[]) => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2 });
    expect(seen(run(f.e1!, state).rows)).toEqual([
      ['Q', '01', '300.00', '300.00', 'new'],
      ['P', '02,03', '500.00', '500.00', 'new'],
      ['P', '04', '500.00', '500.00', 'new'],
    ]);
    expect(total(state)).toBe('1300.00');
    const r = run(f.e2!, state);
    // What the run says is still owed: 0.00 (before: P {03} 30.00).
    expect(owedSaid(r.rows)).toBe(0);
    for (const ids of steps) run(f.e2!, state, '--reissue', ids);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('1300.00');
  };
  // Each failed before on what the run says (P {03} 30.00 owed). Then paid: --reissue all 1330.00;
  // {01,02} first 1330.00 (it takes o03's 30.00 too); {05,04} first 1330.00; {03} first 1300.00.
  // (Q {05,04} re-issued alone also puts P {04}'s money back while its own cap counts first, and P
  // {03}'s cap must not count it as staying there.) Now 1300.00 every way.
  it('--reissue all: 1300.00', () => check(['all']));
  it('{01,02}, {05,04}, then {03}: 1300.00', () => check([a, b, c]));
  it('{05,04}, {01,02}, then {03}: 1300.00', () => check([b, a, c]));
  it('{03}, {01,02}, then {05,04}: 1300.00', () => check([c, a, b]));
});
