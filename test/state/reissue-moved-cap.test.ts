// A case the three-export property test found (reissue-paths3.property.test.ts seed 436; docs/cli.md
// `--record`, `--reissue`): money a recorded voucher paid for an order the export now puts in another
// 24-hour window of the buyer follows that order there, and is not counted toward the cap of the
// window the voucher opened in as well. Every amount is worked out by hand from docs/rules.md §1.2
// (tmall-2023, every order here paid before 2026-04-09: 48 h to ship, 30 % per order, at least 5.00;
// a buyer's late orders paid within 24 h of a window's opening combined, 500.00 cap per window).
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);

describe("an order's money that follows it to another window is not also counted toward its old window's cap (seed 436)", () => {
  // First export (buyer Q):
  //   o00 100.00 paid 04-06 21:21, shipped 04-12 03:21 (late) → 30.00
  //   o01 100.00 paid 04-06 23:45 (within 24 h), shipped 04-11 21:45 (late) → 30.00
  //   o03 100.00 paid 04-08 11:09 (past 04-07 21:21: a window of its own), shipped 04-11 06:09 (late) → 30.00
  //   {00,01} 60.00, {03} 30.00: 90.00.
  // Second export: o31 100.00 paid 04-06 17:31, shipped 04-08 09:31 (40 h: on time); o00 shipped
  //   04-09 10:21 (61 h: late, 30.00); o30 2000.00 paid 04-07 17:57 (within 24 h of 04-06 21:21),
  //   shipped 04-12 18:57 (late, 600.00); o03 shipped 04-10 03:09 (40 h: on time, its record stands).
  //   {00,01,30} = min(500, 30 + 30 + 600) = 500.00: {00,01}'s 60.00 (all its orders) and 440.00 new.
  //   530.00.
  // Third export: o31 paid 04-05 21:31 (shipped 04-08 09:31: 60 h, late, 30.00); o00 paid 04-06 18:21
  //   (late, 30.00); o01 is not in it; o30 and o03 as before.
  //   Windows, rebuilt from the ledger's openings (04-06 21:21 for {00,01} and {00,01,30}, 04-08 11:09
  //   for {03}) and the export's: 04-05 21:31 opens W1 (to 04-06 21:31; 04-06 21:21 joins it); 04-07
  //   17:57 opens W2 (to 04-08 17:57; {03}'s 04-08 11:09 joins it).
  //   W2 {30} = min(500, 600) = 500.00: {00,01,30} paid o30 the 440.00 it issued of its own (o00 and
  //     o01 were paid by {00,01}'s 60.00): it takes that 440.00; {03}'s 30.00 counts toward W2's cap
  //     (30 + 500 − 500 = 30.00): 30.00 new.
  //   W1 {31,00} = 30 + 30 = 60.00: o00's 30.00 of {00,01,30}; W1's cap: the ledger's vouchers opening
  //     in W1 hold only o01's 30.00 for it now (o30's 440.00 is W2's, o00's 30.00 taken):
  //     30 + 60 ≤ 500, nothing capped: 30.00 new.
  //   Said and paid: 60.00; 590.00 in all, whichever way it is re-issued.
  // Before: --reissue all took {31,00} first and counted o30's 440.00, still in {00,01,30}, toward
  //   W1's cap (470 + 60 − 500 = 30.00: nothing new), then {30} took the same 440.00: 560.00 paid
  //   (and said); re-issuing {30} first, then {31,00}, paid 590.00.
  // Re-issuing {31,00} on its own first counted o30's 440.00 toward W1's cap as well (the conflict
  //   {30} not being recorded in that run): 560.00 paid, until the fix for seed 1128
  //   (reissue-window-cap-order.test.ts) left it out there too: 590.00.
  const id = (n: string) => `61000000000000436${n}`;
  const e1 = [
    shipped(id('00'), 'Q', '100.00', '2026-04-06 21:21:00', '2026-04-12 03:21:00'),
    shipped(id('01'), 'Q', '100.00', '2026-04-06 23:45:00', '2026-04-11 21:45:00'),
    shipped(id('03'), 'Q', '100.00', '2026-04-08 11:09:00', '2026-04-11 06:09:00'),
  ];
  const e2 = [
    shipped(id('31'), 'Q', '100.00', '2026-04-06 17:31:00', '2026-04-08 09:31:00'),
    shipped(id('00'), 'Q', '100.00', '2026-04-06 21:21:00', '2026-04-09 10:21:00'),
    shipped(id('01'), 'Q', '100.00', '2026-04-06 23:45:00', '2026-04-11 21:45:00'),
    shipped(id('30'), 'Q', '2000.00', '2026-04-07 17:57:00', '2026-04-12 18:57:00'),
    shipped(id('03'), 'Q', '100.00', '2026-04-08 11:09:00', '2026-04-10 03:09:00'),
  ];
  const e3 = [
    shipped(id('31'), 'Q', '100.00', '2026-04-05 21:31:00', '2026-04-08 09:31:00'),
    shipped(id('00'), 'Q', '100.00', '2026-04-06 18:21:00', '2026-04-09 10:21:00'),
    shipped(id('30'), 'Q', '2000.00', '2026-04-07 17:57:00', '2026-04-12 18:57:00'),
    shipped(id('03'), 'Q', '100.00', '2026-04-08 11:09:00', '2026-04-10 03:09:00'),
  ];
  for (const [name, steps] of [
    ['--reissue all', ['all']],
    ['{30}, then {31,00}', [id('30'), `${id('31')},${id('00')}`]],
    ['{31,00}, then {30}', [`${id('31')},${id('00')}`, id('30')]],
  ] as const) {
    it(`${name}: 60.00 said and paid, 590.00 in all`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { e1, e2, e3 });
      run(f.e1!, state);
      expect(total(state)).toBe('90.00');
      run(f.e2!, state, '--reissue', 'all');
      expect(total(state)).toBe('530.00');
      const said = run(f.e3!, state);
      expect(seen(said.rows)).toEqual([
        ['Q', '31,00', '60.00', '30.00', 'conflict'],
        ['Q', '30', '500.00', '30.00', 'conflict'],
      ]);
      expect(owedSaid(said.rows)).toBe(6000);
      for (const ids of steps) run(f.e3!, state, '--reissue', ids);
      expect(total(state)).toBe('590.00');
      run(f.e3!, state, '--reissue', 'all');
      expect(total(state)).toBe('590.00');
    });
  }
});
