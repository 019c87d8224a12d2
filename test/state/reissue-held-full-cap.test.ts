// Reissue-paths3 FUZZ_S=1150 seed 1202 (tmall-2023), reduced (its P o01, 30.00 in a window of its
// own every time, left out): an order's recorded voucher held again as another buyer's, in a window
// whose cap money nothing else can use already fills, keeps money another voucher of the run needs.
// docs/rules.md §1.7: "of two ways to pay a voucher, the money nothing else can use or count goes
// first"; a lacking order's money "counts toward the cap of that window" it opened.
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000001202${n}`;

// tmall-2023 (§1.2; all paid before 2026-04-09): 48 h to ship; 30 %, at least 5.00; a buyer's late
// orders paid within 24 h of a window's opening combined, capped at 500.00.
// Export 1: P o00 100.00 paid 05-30 22:15, shipped 83 h later (35 h late: 30.00) and P o02 3000.00
//   05-31 08:40, 38 h late (900.00), 10 h 25 min apart → P {00,02} 930.00, capped 500.00;
//   Q o03 3000.00 06-01 01:09, 79 h late (900.00) → Q {03} 500.00. 1000.00.
// Export 2: o03 lacking (its 500.00 stays in the Q window it opened, 06-01 01:09); o00 as before →
//   P {00} 30.00, paid by o00's 30.00 of P {00,02}; o02 is Q's, paid 05-31 03:40 (43 h late) → Q {02}
//   500.00, window 05-31 03:40 – 06-01 03:40, which holds o03's opening: that 500.00 fills its cap.
//   Nothing to issue. 1000.00.
// Export 3: o03 still lacking; o02 is P's again, paid 05-31 07:40 (39 h late) → P {02} 500.00 (the
//   recorded {02}, held as P's); o00 is Q's, paid 05-31 10:15 (62 h late) → Q {00} 30.00 (the
//   recorded {00}, held as Q's), window 05-31 10:15 – 06-01 10:15, which holds o03's opening.
//   Q {00} can be paid by o00's 30.00 of P {00,02} or by the cap, which o03's 500.00 fills: that
//   money nothing else can use goes first, so Q {00} needs none of P {00,02}'s money, and P {02}
//   takes all 500.00 of it (o02 came to 900.00 there). Nothing to issue: 1000.00, what export 1
//   straight to export 3 pays, and what a fresh ledger owes with o03 as last seen (P {02} 500.00,
//   Q {00,03} 500.00). Before: Q {00} kept o00's 30.00 and P {02} issued 30.00: 1030.00, the 30.00
//   paid twice (once in Q's full window, once anew to P).
describe('a held voucher in a window the cap already fills gives up money another voucher needs (tmall-2023)', () => {
  const p00 = shipped(id('00'), 'P', '100.00', '2025-05-30 22:15:00', '2025-06-03 09:15:00');
  const e1 = [p00, shipped(id('02'), 'P', '3000.00', '2025-05-31 08:40:00', '2025-06-03 22:40:00'), shipped(id('03'), 'Q', '3000.00', '2025-06-01 01:09:00', '2025-06-06 08:09:00')];
  const e2 = [shipped(id('02'), 'Q', '3000.00', '2025-05-31 03:40:00', '2025-06-03 22:40:00'), p00];
  const e3 = [shipped(id('02'), 'P', '3000.00', '2025-05-31 07:40:00', '2025-06-03 22:40:00'), shipped(id('00'), 'Q', '100.00', '2025-05-31 10:15:00', '2025-06-05 00:15:00')];
  for (const via of [true, false]) {
    it(`${via ? 'three exports' : 'export 1 then export 3'}: P {02} issues nothing, 1000.00`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { e1, e2, e3 });
      run(f.e1!, state);
      expect(total(state)).toBe('1000.00');
      if (via) {
        run(f.e2!, state, '--reissue', 'all');
        expect(total(state)).toBe('1000.00');
      }
      const r = run(f.e3!, state);
      expect(seen(r.rows).map((v) => v.slice(0, 4))).toEqual([
        ['P', '02', '500.00', '0.00'],
        ['Q', '00', '30.00', '0.00'],
      ]);
      run(f.e3!, state, '--reissue', 'all');
      expect(total(state)).toBe('1000.00');
    });
  }
});

// Seed 1198 (FUZZ_S=1150, tmall-2023), one buyer: the cap filled by money paid for an order now on
// time. Export 1: P o01 9000.00 05-31 05:10, shipped 50 h later (2 h late: 2700.00) and o00 1000.00
//   05-31 21:37, 25 h late (300.00) → P {01,00} 500.00 (capped); o02 3000.00 06-01 13:47 (32 h 37 min
//   after o01), 79 h late (900.00) → P {02} 500.00. 1000.00.
// Export 2: o01 and o02 on time (47 h, 40 h); o00 paid 06-01 01:37, 18 h late → P {00} 300.00, window
//   06-01 01:37 – 06-02 01:37, which holds P {02}'s opening: o02's 500.00 (paid for good) fills its
//   cap. Nothing to issue. 1000.00.
// Export 3: o01 paid 05-30 18:10, 13 h late → P {01} 500.00, window to 05-31 18:10, holding P {01,00}'s
//   opening; o00 paid 06-01 13:37, 6 h late → P {00} 300.00 (the recorded {00}), window to 06-02 13:37,
//   holding P {02}'s opening (06-01 13:47): o02's 500.00 fills that cap, so P {00} needs none of
//   P {01,00}'s money, and P {01} takes all 500.00 of it (o01 came to 2700.00 there). Nothing to issue:
//   1000.00, what export 1 straight to export 3 pays. Before: {00} kept o00's 300.00 of P {01,00} and
//   P {01} issued 300.00: 1300.00.
describe('a held voucher whose cap money paid for an order now on time fills gives up what another voucher needs (tmall-2023)', () => {
  const id8 = (n: string) => `61000000000001198${n}`;
  const p02 = shipped(id8('02'), 'P', '3000.00', '2025-06-01 10:47:00', '2025-06-03 02:47:00');
  const e1 = [
    shipped(id8('01'), 'P', '9000.00', '2025-05-31 05:10:00', '2025-06-02 07:10:00'),
    shipped(id8('00'), 'P', '1000.00', '2025-05-31 21:37:00', '2025-06-03 22:37:00'),
    shipped(id8('02'), 'P', '3000.00', '2025-06-01 13:47:00', '2025-06-06 20:47:00'),
  ];
  const e2 = [shipped(id8('01'), 'P', '9000.00', '2025-05-31 08:10:00', '2025-06-02 07:10:00'), shipped(id8('00'), 'P', '1000.00', '2025-06-01 01:37:00', '2025-06-03 19:37:00'), p02];
  const e3 = [shipped(id8('01'), 'P', '9000.00', '2025-05-30 18:10:00', '2025-06-02 07:10:00'), p02, shipped(id8('00'), 'P', '1000.00', '2025-06-01 13:37:00', '2025-06-03 19:37:00')];
  for (const via of [true, false]) {
    it(`${via ? 'three exports' : 'export 1 then export 3'}: P {01} issues nothing, 1000.00`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { e1, e2, e3 });
      run(f.e1!, state);
      expect(total(state)).toBe('1000.00');
      if (via) {
        run(f.e2!, state, '--reissue', 'all');
        expect(total(state)).toBe('1000.00');
      }
      const r = run(f.e3!, state);
      expect(seen(r.rows).map((v) => v.slice(0, 4))).toEqual([
        ['P', '01', '500.00', '0.00'],
        ['P', '00', '300.00', '0.00'],
      ]);
      run(f.e3!, state, '--reissue', 'all');
      expect(total(state)).toBe('1000.00');
    });
  }
});
