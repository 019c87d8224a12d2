// reissue-paths3.property.test.ts FUZZ_S=2400 seed 2709 (led20; step 1: said and --reissue all
// 2000.00, {03} re-issued alone first 2200.00), reduced to two exports of five orders (o02, o05, o30
// left out: 1300.00 / 1500.00; led23: 1300.00 every way). docs/rules.md §1.7: "the same total
// is paid whichever way the conflicts are re-issued". Times are Beijing time; run under TZ=UTC and
// TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000002709${n}`;

// tmall-2023 (docs/rules.md §1.2; paid 2026-04-06..08, before 2026-04-09): 30 % of the goods, at
// least 5.00; 48 h to ship; a buyer's late orders paid within 24 h of a window's opening combined,
// 500.00 cap.
//
// Export 1:
//   P o00 1000.00 paid 04-06 03:23, 28 h late → 300.00: P {00} = 300.00.
//   Q o06 3000.00 paid 04-06 14:56, 24 h late → 900.00; o04 100.00 04-07 11:34, 68 h late → 30.00:
//     Q {06,04} = min(500, 930) = 500.00 (window 04-06 14:56 to 04-07 14:56).
//   Q o01 2000.00 paid 04-08 03:27, 80 h late → 600.00; o03 1000.00 04-08 12:16, 22 h late → 300.00:
//     Q {01,03} = 500.00.   1300.00 issued.
// Export 2: o06 is P's; o01's paid time corrected to 04-07 19:27 (88 h late).
//   P {00,06} = min(500, 300 + 900) = 500.00 (window 04-06 03:23 to 04-07 03:23).
//   Q {04,01} = min(500, 30 + 600) = 500.00 (window 04-07 11:34 to 04-08 11:34); Q {03} = 300.00
//   (o03 41 min after that window ends).   A fresh ledger owes 1300.00; 1300.00 was issued.
// Where the money is (§1.7: it follows its order; what an order's voucher does not need stays where
// it was paid and counts toward the cap of the window it was recorded in):
//   P {00}'s 300.00 (o00's) pays P {00,06} first (nothing else can use it); o06's money in Q {06,04}
//     pays the 200.00 left.
//   Q {06,04}'s other 300.00: o04's 30.00 follows o04 to Q {04,01}; o06's 270.00 more, not needed by
//     o06, stays in Q's window 04-06 14:56 to 04-07 14:56, which holds Q {04,01}'s opening (04-07
//     11:34): it counts toward Q {04,01}'s cap.
//   Q {01,03}'s 500.00: o03's 300.00 pays Q {03}; o01's 200.00 the rest of Q {04,01}.
//   Nothing is issued anew: 1300.00 (what --reissue all pays, and said).
// Before: re-issued alone first, Q {03} kept back 400.00 of Q {01,03} for Q {04,01} (it counted only
// what Q {06,04} holds for o04, not the 270.00 Q {04,01}'s cap counts there) and issued 200.00: 1500.00.
// Now what Q {04,01}'s cap group keeps (capStays) counts Q {06,04}, which holds o04, too: 300.00 stays
// there for it, Q {01,03} keeps 200.00 back and Q {03} takes o03's 300.00: 1300.00.
const late = (n: string, buyer: string, paid: string, at: string, ship: string) => shipped(id(n), buyer, paid, `2026-04-${at}:00`, `2026-04-${ship}:00`);
const e1 = [
  late('00', 'P', '1000.00', '06 03:23', '09 07:23'),
  late('06', 'Q', '3000.00', '06 14:56', '09 14:56'),
  late('04', 'Q', '100.00', '07 11:34', '12 07:34'),
  late('01', 'Q', '2000.00', '08 03:27', '13 11:27'),
  late('03', 'Q', '1000.00', '08 12:16', '11 10:16'),
];
const e2 = [
  late('00', 'P', '1000.00', '06 03:23', '09 07:23'),
  late('06', 'P', '3000.00', '06 14:56', '09 14:56'),
  late('04', 'Q', '100.00', '07 11:34', '12 07:34'),
  late('01', 'Q', '2000.00', '07 19:27', '13 11:27'),
  late('03', 'Q', '1000.00', '08 12:16', '11 10:16'),
];

describe('seed 2709 reduced: spare money a cap counts is not kept back again: 1300.00 whichever way', () => {
  const check = (steps: readonly string[]) => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2 });
    expect(seen(run(f.e1!, state).rows)).toEqual([
      ['P', '00', '300.00', '300.00', 'new'],
      ['Q', '06,04', '500.00', '500.00', 'new'],
      ['Q', '01,03', '500.00', '500.00', 'new'],
    ]);
    expect(owedSaid(run(f.e2!, state).rows)).toBe(0);
    for (const ids of steps) run(f.e2!, state, '--reissue', ids);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('1300.00');
  };
  it('--reissue all: 1300.00', () => check(['all']));
  it('{03} first: 1300.00 (was 1500.00: Q {03} issued 200.00 anew)', () => check([id('03')]));
});
