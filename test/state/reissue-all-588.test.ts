// reissue-paths3.property.test.ts seed 588, reduced to two exports (led13): two orders move between
// buyers P and Q, each into the other buyer's 24-hour window, and an order of each buyer's recorded
// voucher is on time now. --reissue all (and re-issuing Q {01} first) paid 1200.00; P {00,04} first,
// and a fresh ledger, 1000.00. docs/rules.md §1.7: "The same total is paid whichever way the conflicts
// are re-issued"; "of two ways to pay a voucher, the money nothing else can use or count goes first".
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000000588${n}`;

// tmall-2023 (docs/rules.md §1.2; every order is paid before 2026-04-09): 30 % of the goods, at least
// 5.00; 48 h to ship; a buyer's late orders paid within 24 h of a window's opening combined, 500.00 cap.
//
// First export:
//   o30 Q 9000.00 paid 04-07 22:00, shipped 04-10 04:00 (54 h: late) → 2700.00
//   o01 P 2000.00 paid 04-08 06:46, shipped 04-12 17:46 (late)       →  600.00
//   o05 P  100.00 paid 04-08 06:52, shipped 04-13 11:52 (late)       →   30.00
//   o00 Q 1000.00 paid 04-08 09:58, shipped 04-12 01:58 (late)       →  300.00
//   Q {30,00}: o00 joins o30's window (11 h 58 min) = min(500, 3000) = 500.00 (window 04-07 22:00 to
//   04-08 22:00). P {01,05} = min(500, 630) = 500.00 (window 04-08 06:46 to 04-09 06:46). 1000.00 issued.
// Second export (the same paid times):
//   o30 Q shipped 04-09 14:00 (40 h): on time now.
//   o01 Q (was P's), still late: Q {01} = min(500, 600) = 500.00, opening 04-08 06:46, inside Q's
//       recorded window (04-07 22:00 + 24 h): one window with Q {30,00}, one 500.00 cap.
//   o05 P shipped 04-09 22:52 (40 h): on time now.
//   o00 P (was Q's), still late: 300.00; o04 P 9000.00 paid 04-08 21:52, shipped 04-12 23:52 (98 h:
//       late) → 2700.00. P {00,04} = min(500, 3000) = 500.00, opening 04-08 09:58, inside P's recorded
//       window (04-08 06:46 + 24 h): one window with P {01,05}, one 500.00 cap.
//   A fresh ledger owes 500.00 + 500.00 = 1000.00; 1000.00 was issued (P 500.00, Q 500.00, as owed).
// Where the money is (§1.7: it follows its order; money of an order now on time stays in the window it
// was paid in, counted toward that cap, less what its voucher's other orders take where they are now):
//   Q {30,00}'s 500.00: o00's 300.00 follows o00 to P {00,04}; the other 200.00 (o30's, on time) counts
//     toward Q's window cap, and nothing else can use it.
//   P {01,05}'s 500.00: o01's (600.00 ≥ 500.00) may follow o01 to Q {01}; what Q {01} does not take
//     stays in P's window (o05 is on time) and counts toward P {00,04}'s cap.
//   Q {01} 500.00: its cap counts the 200.00 first (the money nothing else can use), so it takes 300.00
//     of P {01,05}: 0.00 to issue. P {00,04} 500.00: o00's 300.00 + P {01,05}'s 200.00 left toward its
//     cap = 500.00: 0.00 to issue. 1000.00 in all, whichever is re-issued first.
//   (Q {01} paid with all of P {01,05}'s 500.00 instead leaves Q's 200.00 counted where nothing needs
//   it, and P {00,04} issues 200.00 anew: 1200.00 — what --reissue all paid before.)
const e1 = [
  shipped(id('30'), 'Q', '9000.00', '2026-04-07 22:00:00', '2026-04-10 04:00:00'),
  shipped(id('01'), 'P', '2000.00', '2026-04-08 06:46:00', '2026-04-12 17:46:00'),
  shipped(id('05'), 'P', '100.00', '2026-04-08 06:52:00', '2026-04-13 11:52:00'),
  shipped(id('00'), 'Q', '1000.00', '2026-04-08 09:58:00', '2026-04-12 01:58:00'),
];
const e2 = [
  shipped(id('30'), 'Q', '9000.00', '2026-04-07 22:00:00', '2026-04-09 14:00:00'),
  shipped(id('01'), 'Q', '2000.00', '2026-04-08 06:46:00', '2026-04-12 17:46:00'),
  shipped(id('05'), 'P', '100.00', '2026-04-08 06:52:00', '2026-04-09 22:52:00'),
  shipped(id('00'), 'P', '1000.00', '2026-04-08 09:58:00', '2026-04-12 01:58:00'),
  shipped(id('04'), 'P', '9000.00', '2026-04-08 21:52:00', '2026-04-12 23:52:00'),
];
const q = id('01');
const p = `${id('00')},${id('04')}`;

describe('seed 588 reduced: an order of each buyer moved into the other\'s window, one of each on time now: 1000.00 whichever way', () => {
  const check = (steps: readonly string[]) => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2 });
    expect(seen(run(f.e1!, state).rows)).toEqual([
      ['Q', '30,00', '500.00', '500.00', 'new'],
      ['P', '01,05', '500.00', '500.00', 'new'],
    ]);
    expect(total(state)).toBe('1000.00');
    const r = run(f.e2!, state);
    expect(seen(r.rows)).toEqual([
      ['Q', '01', '500.00', '0.00', 'conflict'],
      ['P', '00,04', '500.00', '0.00', 'conflict'],
    ]);
    // What the run says is still owed: 0.00 (before: P {00,04} 200.00).
    expect(owedSaid(r.rows)).toBe(0);
    for (const ids of steps) run(f.e2!, state, '--reissue', ids);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('1000.00');
  };
  // Failed before: 1200.00 (Q {01} took all of P {01,05}'s 500.00; P {00,04} issued 200.00).
  it('--reissue all: 1000.00', () => check(['all']));
  // Failed before: 1200.00, the same way.
  it('{01}, then {00,04}: 1000.00', () => check([q, p]));
  // Failed before in what the run said (P {00,04} 200.00 owed, which --reissue all then paid).
  it('{00,04}, then {01}: 1000.00', () => check([p, q]));
});

// The same under tmall-2026 (docs/rules.md §1.3; paid from 2026-04-09): every late order ships 128 h
// after payment (80 h late: out of stock, window ≤ 48 h: 10 %, 5.00–500.00), an on-time one 40 h after;
// a buyer's payments on one Beijing day combined, 500.00 cap. All paid 2026-06-10.
// First export: Q o30 9000.00 02:00 → 900 → 500.00, o00 1000.00 09:58 → 100.00: Q {30,00} = min(500,
//   600) = 500.00. P o01 9000.00 06:46 → 500.00, o05 100.00 06:52 → 10.00: P {01,05} = min(500, 510)
//   = 500.00. 1000.00 issued.
// Second export: o30 and o05 on time; o01 Q's: Q {01} 500.00; o00 P's, o04 P 9000.00 21:52 → 500.00:
//   P {00,04} = min(500, 600) = 500.00. A fresh ledger owes 1000.00; 1000.00 was issued.
//   Q {30,00}'s 500.00: o00's 100.00 follows o00; o30's 400.00 counts toward Q's 06-10 cap. Q {01}
//   counts it first and takes 100.00 of P {01,05} (o01's share 500.00); P {00,04} = o00's 100.00 +
//   P {01,05}'s 400.00 left toward its cap: nothing new. 1000.00 whichever way.
//   (Before: --reissue all and Q {01} first took all 500.00 of P {01,05}; P {00,04} issued 400.00:
//   1400.00.)
const at = (t: string, hours: number) => {
  const ms = Date.parse(`2026-06-10T${t}+08:00`) + hours * 3_600_000;
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
};
const o26 = (n: string, buyer: string, paid: string, t: string, late: boolean) => shipped(id(n), buyer, paid, `2026-06-10 ${t}`, at(t, late ? 128 : 40));
const f1 = [o26('30', 'Q', '9000.00', '02:00:00', true), o26('01', 'P', '9000.00', '06:46:00', true), o26('05', 'P', '100.00', '06:52:00', true), o26('00', 'Q', '1000.00', '09:58:00', true)];
const f2 = [
  o26('30', 'Q', '9000.00', '02:00:00', false),
  o26('01', 'Q', '9000.00', '06:46:00', true),
  o26('05', 'P', '100.00', '06:52:00', false),
  o26('00', 'P', '1000.00', '09:58:00', true),
  o26('04', 'P', '9000.00', '21:52:00', true),
];

describe('seed 588 reduced, tmall-2026 (one Beijing day per buyer): 1000.00 whichever way', () => {
  const check = (steps: readonly string[]) => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { f1, f2 });
    expect(seen(run(f.f1!, state).rows)).toEqual([
      ['Q', '30,00', '500.00', '500.00', 'new'],
      ['P', '01,05', '500.00', '500.00', 'new'],
    ]);
    const r = run(f.f2!, state);
    expect(seen(r.rows)).toEqual([
      ['Q', '01', '500.00', '0.00', 'conflict'],
      ['P', '00,04', '500.00', '0.00', 'conflict'],
    ]);
    expect(owedSaid(r.rows)).toBe(0);
    for (const ids of steps) run(f.f2!, state, '--reissue', ids);
    run(f.f2!, state, '--reissue', 'all');
    expect(total(state)).toBe('1000.00');
  };
  // Failed before: 1400.00.
  it('--reissue all: 1000.00', () => check(['all']));
  // Failed before: 1400.00.
  it('{01}, then {00,04}: 1000.00', () => check([q, p]));
  // Failed before in what the run said (P {00,04} 400.00 owed).
  it('{00,04}, then {01}: 1000.00', () => check([p, q]));
});
