// A variant of reissue-4531-own-window-first.test.ts (reissue-paths3 FUZZ_S=4500 seed 4531, reduced):
// the same three exports of buyer Q's o30, o02 and o00, with o00 paid 1000.00 (not 3000.00), so that
// B, o00's voucher of export 2, pays only part of A = Q {02,00} when A is shown again as it was.
// tmall-2023 (docs/rules.md §1.2: every order paid before 2026-04-09; late = shipped more than 48 h
// after payment; 30 %, at least 5.00; a buyer's late orders paid within 24 h of a window's opening
// combined, capped at 500.00; §1.7: the money follows the order; money a voucher does not need stays
// where it was paid and counts toward the cap of the window it was recorded in; of two ways to pay a
// voucher, the money nothing else can use or count goes first, and money paid in the voucher's own
// window before money paid in another; never paid twice).
// Export 1: o02 Q 1000.00 paid 2026-04-07 13:13, shipped 04-10 15:13 (74 h, late): 300.00; o00 Q
//   1000.00 paid 04-08 10:53 (21 h 40 min after 13:13: same window), shipped 04-12 04:53 (90 h):
//   300.00. A = Q {02,00} min(600.00, 500.00) = 500.00, recorded at 04-07 13:13. 500.00 paid.
// Export 2: o30 Q 2000.00 paid 04-07 01:09, shipped 04-11 16:09 (111 h): 600.00, opening a window to
//   04-08 01:09; o02 paid 04-07 20:13 (19 h 04 min after: joins), shipped 04-11 14:13 (90 h): 300.00:
//   Q {30,02} min(900.00, 500.00) = 500.00. o00 paid 04-08 04:53 (27 h 44 min after 01:09: a new
//   window), shipped 04-12 04:53 (96 h): B = Q {00} 300.00. 800.00 owed; A's 500.00 pays one of
//   them, the rest anew: 800.00 paid (the ledger: Q {30,02} takes all of A's 500.00, B issues 300.00,
//   recorded at 04-08 04:53).
// Export 3: o30 paid 04-06 15:09, shipped 04-11 16:09 (121 h): 600.00: Q {30} 500.00, window 04-06
//   15:09 to 04-07 15:09. o02 paid 04-08 03:13 (36 h 04 min after o30: a new window), shipped 04-12
//   03:13 (96 h): 300.00; o00 paid 04-08 05:53 (2 h 40 min after), shipped 04-12 04:53 (95 h): 300.00:
//   Q {02,00} min(600.00, 500.00) = 500.00, A's orders and amount again ('already_recorded'). 1000.00
//   owed: what a fresh ledger of export 3 owes, and what export 1 straight to export 3 pays (A pays
//   Q {02,00}, Q {30} 500.00 anew).
//   Through export 2, 800.00 is paid: A's 500.00 (recorded at 04-07 13:13, in Q {30}'s window now,
//   held by Q {30,02}) and B's 300.00 (o00's, recorded at 04-08 04:53, in Q {02,00}'s own window,
//   which no other cap reaches). Q {02,00} takes B's 300.00 first (money nothing else can use or
//   count, paid in its own window), then 200.00 of A's. A's other 300.00, not needed, stays where it
//   was paid and counts toward Q {30}'s cap: Q {30} owes 500.00 − 300.00 = 200.00 anew. 1000.00.
// Before money66: Q {30} 500.00 anew (B's 300.00 unused in a window A's money fills anyway): 1300.00.
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000004531${n}`;

function exports() {
  const dir = tmpDir();
  const f = files(dir, {
    e1: [shipped(id('02'), 'Q', '1000.00', '2026-04-07 13:13:00', '2026-04-10 15:13:00'), shipped(id('00'), 'Q', '1000.00', '2026-04-08 10:53:00', '2026-04-12 04:53:00')],
    e2: [
      shipped(id('30'), 'Q', '2000.00', '2026-04-07 01:09:00', '2026-04-11 16:09:00'),
      shipped(id('02'), 'Q', '1000.00', '2026-04-07 20:13:00', '2026-04-11 14:13:00'),
      shipped(id('00'), 'Q', '1000.00', '2026-04-08 04:53:00', '2026-04-12 04:53:00'),
    ],
    e3: [
      shipped(id('30'), 'Q', '2000.00', '2026-04-06 15:09:00', '2026-04-11 16:09:00'),
      shipped(id('02'), 'Q', '1000.00', '2026-04-08 03:13:00', '2026-04-12 03:13:00'),
      shipped(id('00'), 'Q', '1000.00', '2026-04-08 05:53:00', '2026-04-12 04:53:00'),
    ],
  });
  return { dir, f };
}

describe('seed 4531 reduced, B worth 300.00: B pays A first, A\'s 300.00 left fills Q {30}\'s cap', () => {
  it('export 1 straight to export 3: 1000.00, as a fresh ledger of export 3', () => {
    const { dir, f } = exports();
    const state = path.join(dir, 'state.db');
    expect(seen(run(f.e1!, state).rows)).toEqual([['Q', '02,00', '500.00', '500.00', 'new']]);
    expect(seen(run(f.e3!, state).rows)).toEqual([
      ['Q', '30', '500.00', '500.00', 'new'],
      ['Q', '02,00', '500.00', '0.00', 'already_recorded'],
    ]);
    expect(total(state)).toBe('1000.00');
    const fresh = path.join(dir, 'fresh.db');
    run(f.e3!, fresh);
    expect(total(fresh)).toBe('1000.00');
  });
  it('through export 2 then export 3: 800.00, then Q {30} 200.00 anew: 1000.00, said and re-issued', () => {
    const { dir, f } = exports();
    const state = path.join(dir, 'state.db');
    run(f.e1!, state);
    const r2 = run(f.e2!, state);
    expect(seen(r2.rows).map((r) => r.slice(0, 3))).toEqual([
      ['Q', '30,02', '500.00'],
      ['Q', '00', '300.00'],
    ]);
    expect(owedSaid(r2.rows)).toBe(30000);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('800.00');
    const r3 = run(f.e3!, state);
    expect(seen(r3.rows)).toEqual([
      ['Q', '30', '500.00', '200.00', 'conflict'],
      ['Q', '02,00', '500.00', '0.00', 'already_recorded'],
    ]);
    expect(owedSaid(r3.rows)).toBe(20000);
    const all = run(f.e3!, state, '--reissue', 'all');
    expect(seen(all.rows).map((r) => r.slice(1))).toEqual([
      ['30', '500.00', '200.00', 'reissued'],
      ['02,00', '500.00', '0.00', 'already_recorded'],
    ]);
    expect(total(state)).toBe('1000.00');
    // Run again: nothing more.
    run(f.e3!, state, '--reissue', 'all');
    expect(total(state)).toBe('1000.00');
  });
});
