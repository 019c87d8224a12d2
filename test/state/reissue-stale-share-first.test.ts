// reissue-paths3.property.test.ts FUZZ_S=2100 seed 2319 (step 2: --reissue all 3000.00, one at a
// time 2500.00, 2970.00 or 3000.00 by the order), reduced to three exports of seven orders (led18).
// A cap share gone stale (Q {30} counted Q {01}'s money toward its cap; o30 then left Q's window)
// was given to the voucher now holding o01 only once o30's new voucher was recorded, and then only
// after money another voucher's cap counts. docs/rules.md §1.7: "of two ways to pay a voucher, the
// money nothing else can use or count goes first"; "the same total is paid whichever way the
// conflicts are re-issued". Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `610000000000231${n}`;

// tmall-2023 (docs/rules.md §1.2; every order is paid in 2025): 30 % of the goods, at least 5.00; 48 h
// to ship; a buyer's late orders paid within 24 h of a window's opening combined, 500.00 cap.
//
// Export 1:
//   P o06  100.00 paid 05-31 08:02, 25 h late → 30.00: P {06} 30.00.
//   Q o03 2000.00 paid 05-31 10:08 → 600.00; o00 2000.00 05-31 20:27 → 600.00: Q {03,00} = 500.00
//       (window 05-31 10:08 to 06-01 10:08).
//   Q o01 9000.00 paid 06-01 11:24 → 2700.00 (a window of its own): Q {01} 500.00.
//   P o02 2000.00 paid 06-01 17:22 → 600.00: P {02} 500.00.  1530.00 issued.
// Export 2: o03 P's, paid 05-31 15:08; o01's paid time corrected to 06-01 02:24; Q o30 2000.00 new,
//   paid 06-01 21:12 → 600.00.
//   P {06,03} = min(500, 30 + 600) = 500.00: P {06}'s 30.00 (o06's) and 470.00 issued for o03.
//   Q {00,01} = 500.00: Q {03,00}'s 500.00 (o00's share 600.00).
//   Q {30} = 500.00, in the window Q {01} opened (06-01 11:24 to 06-02 11:24): Q {01}'s 500.00, which
//   o01 no longer needs, counts toward that cap: 0.00 issued.  2000.00 in all (a fresh ledger's 2000.00).
// Export 3: P o60 2000.00 new, paid 05-30 09:14 → 600.00; o01 and o30 P's.
//   P {60,06} = min(500, 600 + 30) = 500.00, window 05-30 09:14 to 05-31 09:14: it holds P {06,03}'s
//     opening (05-31 08:02).
//   P {03,01} = min(500, 600 + 2700) = 500.00.   Q {00} = 500.00.
//   P {02,30} = min(500, 600 + 600) = 500.00.    A fresh ledger owes 2000.00; 2000.00 was issued.
// Where the money is (§1.7, it follows its order):
//   P {02}'s 500.00 (o02's) pays P {02,30}; Q {00,01}'s 500.00 (o00's) pays Q {00}.
//   Q {01}'s 500.00 is o01's: Q {30}'s cap share of it is stale (o30 left that window for P {02,30}),
//     and nothing else can use or count it: it pays P {03,01}.
//   P {06,03}'s 500.00: o06's 30.00 follows o06 to P {60,06}; o03's 470.00 is then not needed (P {03,01}
//     is paid) and stays in P {60,06}'s window, counted toward its cap: 30.00 + 470.00 = 500.00.
//   Nothing is issued anew: 2000.00, whichever is re-issued first.
// Before: --reissue all took none of Q {01}'s money for P {03,01} (P {02,30} not recorded yet) and
//   P {03,01} issued 500.00 anew: 2500.00; re-issued after P {02,30}, P {03,01} took o03's 470.00
//   first (money P {60,06}'s cap counts) and 30.00 of the share, and P {60,06} issued 470.00: 2470.00.
const o = (n: string, buyer: string, paid: string, at: string, late: number) => {
  const ms = Date.parse(`2025-${at.replace(' ', 'T')}:00+08:00`) + (48 + late) * 3_600_000;
  return shipped(id(n), buyer, paid, `2025-${at}:00`, new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' '));
};
const e1 = [o('06', 'P', '100.00', '05-31 08:02', 25), o('03', 'Q', '2000.00', '05-31 10:08', 64), o('00', 'Q', '2000.00', '05-31 20:27', 24), o('01', 'Q', '9000.00', '06-01 11:24', 67), o('02', 'P', '2000.00', '06-01 17:22', 57)];
const e2 = [
  o('06', 'P', '100.00', '05-31 08:02', 25),
  o('03', 'P', '2000.00', '05-31 15:08', 59),
  o('00', 'Q', '2000.00', '05-31 20:27', 24),
  o('01', 'Q', '9000.00', '06-01 02:24', 76),
  o('02', 'P', '2000.00', '06-01 17:22', 57),
  o('30', 'Q', '2000.00', '06-01 21:12', 77),
];
const e3 = [
  o('60', 'P', '2000.00', '05-30 09:14', 25),
  o('06', 'P', '100.00', '05-31 08:02', 25),
  o('03', 'P', '2000.00', '05-31 15:08', 51),
  o('00', 'Q', '2000.00', '05-31 20:27', 24),
  o('01', 'P', '9000.00', '06-01 02:24', 76),
  o('02', 'P', '2000.00', '06-01 17:22', 57),
  o('30', 'P', '2000.00', '06-01 21:12', 77),
];
const ids = (...ns: string[]) => ns.map(id).join(',');
const p60 = ids('60', '06');
const p03 = ids('03', '01');
const q00 = ids('00');
const p02 = ids('02', '30');

describe('seed 2319 reduced: a stale cap share pays its order\'s new voucher before money another cap counts: 2000.00 whichever way', () => {
  const check = (steps: readonly string[]) => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2, e3 });
    run(f.e1!, state);
    expect(total(state)).toBe('1530.00');
    expect(seen(run(f.e2!, state).rows)).toEqual([
      ['P', '06,03', '500.00', '470.00', 'conflict'],
      ['Q', '00,01', '500.00', '0.00', 'conflict'],
      ['P', '02', '500.00', '0.00', 'already_recorded'],
      ['Q', '30', '500.00', '0.00', 'new'],
    ]);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('2000.00');
    const r = run(f.e3!, state);
    // What the run says is still owed: 0.00 (before: P {03,01} 500.00).
    expect(owedSaid(r.rows)).toBe(0);
    for (const step of steps) run(f.e3!, state, '--reissue', step);
    run(f.e3!, state, '--reissue', 'all');
    expect(total(state)).toBe('2000.00');
  };
  // Each failed before on what the run said (500.00 owed); then paid 2500.00, 2470.00, 2500.00 and
  // 2000.00 (P {60,06} first kept o03's 470.00 for its cap, and P {02,30} was recorded by then).
  it('--reissue all: 2000.00', () => check(['all']));
  it('{02,30}, {03,01}, {60,06}, then {00}: 2000.00', () => check([p02, p03, p60, q00]));
  it('{03,01}, {60,06}, {00}, then {02,30}: 2000.00', () => check([p03, p60, q00, p02]));
  it('{60,06}, {02,30}, {03,01}, then {00}: 2000.00', () => check([p60, p02, p03, q00]));
});
