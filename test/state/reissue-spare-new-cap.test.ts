// Reissue-paths3 FUZZ_S=1000 seed 1016 (tmall-2023), reduced: money an order's voucher no longer
// needs, paid to a buyer while the order was that buyer's, and a window of that buyer opened later.
// docs/rules.md §1.7: "Money an order's voucher now does not need (paid in full by other money of its
// own orders) stays where it was paid: it counts toward the cap of the window it was recorded in,
// once ...; of two ways to pay a voucher, the money nothing else can use or count goes first."
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000001016${n}`;

// tmall-2023 (§1.2; all paid before 2026-04-09): 48 h to ship; 30 %, at least 5.00; a buyer's late
// orders paid within 24 h of a window's opening combined, capped at 500.00.
// Export 1: P o03 3000.00 04-06 09:10, shipped 96 h later (900.00) → P {03} 500.00;
//   Q o02 9000.00 04-07 12:33, 63 h (2700.00) → Q {02} 500.00. 1000.00.
// Export 2: o02 is P's, paid 04-06 22:33 (77 h late), in o03's window → P {03,02} 500.00 (capped),
//   paid by the 1000.00 of o03's and o02's money: nothing to issue. 1000.00.
// Export 3: as export 2, and Q o04 100.00 paid 04-06 21:52, shipped 59 h later (30.00) → Q {04},
//   window 04-06 21:52 – 04-07 21:52.
//   P {03,02} can be paid by o03's 500.00 (P {03}: nothing else can count it) or by o02's 500.00
//   (Q {02}, recorded as Q's at 04-07 12:33, which Q {04}'s window holds). The money nothing else
//   can count goes first: o03's pays P {03,02}; o02's 500.00 is not needed, stays in Q's window where
//   it was paid and counts toward Q {04}'s cap: 500.00 already paid there, Q {04} issues 0.00.
//   1000.00 in all. (Before: Q {04} issued 30.00, 1030.00: the 500.00 Q was paid at 04-07 12:33 and
//   30.00 more in one 24-hour window of Q's.)
describe('spare money of a moved order counts toward a later window of its old buyer (tmall-2023)', () => {
  const o03 = shipped(id('03'), 'P', '3000.00', '2026-04-06 09:10:00', '2026-04-10 09:10:00');
  const e1 = [o03, shipped(id('02'), 'Q', '9000.00', '2026-04-07 12:33:00', '2026-04-10 03:33:00')];
  const o02 = shipped(id('02'), 'P', '9000.00', '2026-04-06 22:33:00', '2026-04-10 03:33:00');
  const e2 = [o03, o02];
  const e3 = [o03, shipped(id('04'), 'Q', '100.00', '2026-04-06 21:52:00', '2026-04-09 08:52:00'), o02];
  it('three exports: Q {04} issues nothing, 1000.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2, e3 });
    run(f.e1!, state);
    expect(total(state)).toBe('1000.00');
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('1000.00');
    const r = run(f.e3!, state);
    expect(seen(r.rows)).toEqual([
      ['P', '03,02', '500.00', '0.00', 'already_recorded'],
      ['Q', '04', '30.00', '0.00', 'new'],
    ]);
    run(f.e3!, state, '--reissue', 'all');
    expect(total(state)).toBe('1000.00');
  });
  it('export 1 then export 3: the same, 1000.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e3 });
    run(f.e1!, state);
    run(f.e3!, state, '--reissue', 'all');
    expect(total(state)).toBe('1000.00');
  });
});

// Seed 1283 (FUZZ_S=1150), reduced: the old buyer's window rebuilt from where its voucher opened.
// Export 1: P o02 2000.00 04-06 12:37, 58 h late (600.00) → P {02} 500.00; Q o01 9000.00 04-07
//   09:38, 112 h (2700.00) → Q {01} 500.00. 1000.00.
// Export 2: o01 is P's, paid 04-06 23:38 (122 h late), in o02's window → P {02,01} 500.00, paid by
//   the 1000.00 of o02's and o01's money. 1000.00.
// Export 3: as export 2, and Q o04 2000.00 04-07 15:56, 58 h late (600.00) → Q {04} 500.00 (capped).
//   o02's money (P {02}, in P {02,01}'s own window) pays P {02,01}; o01's 500.00, paid to Q at
//   04-07 09:38, is not needed and counts toward the cap of that Q window (rebuilt: 04-07 09:38 –
//   04-08 09:38), which holds o04: Q {04} issues 0.00. 1000.00 (export 1 straight to 3: 1000.00).
//   Before: P {02,01} took Q {01}'s money by the keys and Q {04} issued 500.00 anew: 1500.00.
describe('spare money of a moved order counts toward its old buyer\'s window rebuilt where it was paid (tmall-2023)', () => {
  // (Order ids whose voucher keys sort Q {01}'s first: the key order alone took its money.)
  const id3 = (n: string) => `61000000000001286${n}`;
  const p02 = shipped(id3('02'), 'P', '2000.00', '2026-04-06 12:37:00', '2026-04-08 22:37:00');
  const e1 = [p02, shipped(id3('01'), 'Q', '9000.00', '2026-04-07 09:38:00', '2026-04-12 01:38:00')];
  const p01 = shipped(id3('01'), 'P', '9000.00', '2026-04-06 23:38:00', '2026-04-12 01:38:00');
  const e2 = [p02, p01];
  const e3 = [p02, p01, shipped(id3('04'), 'Q', '2000.00', '2026-04-07 15:56:00', '2026-04-10 01:56:00')];
  for (const via of [true, false]) {
    it(`${via ? 'three exports' : 'export 1 then export 3'}: Q {04} issues nothing, 1000.00`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { e1, e2, e3 });
      run(f.e1!, state);
      expect(total(state)).toBe('1000.00');
      if (via) {
        run(f.e2!, state, '--reissue', 'all');
        expect(total(state)).toBe('1000.00');
      }
      run(f.e3!, state, '--reissue', 'all');
      expect(total(state)).toBe('1000.00');
    });
  }
});
