// reissue-paths3.property.test.ts FUZZ_S=9000 seed 9217 (rev29; step 1: said and --reissue all
// 1500.00, P {30,02} re-issued first 1530.00), reduced to two exports of six orders (led28; the
// seed's two orders on time in both exports left out). docs/rules.md §1.7: "what its window already
// holds that no other voucher of the run takes (money paid there for an order now on time, say)
// counts toward its cap before it takes over money of an earlier voucher that another window of the
// run counts toward its cap"; "the same total is paid whichever way the conflicts are re-issued".
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000009217${n}`;

// tmall-2023 (docs/rules.md §1.2; every order paid before 2026-04-09): 30 % of the goods, at least
// 5.00; 48 h to ship; a buyer's late orders paid within 24 h of a window's opening combined, 500.00 cap.
//
// Export 1: P o01 9000.00 paid 04-06 23:02, 63 h late → 2700.00; o02 100.00 04-07 13:39, 62 h → 30.00:
//   one window, A = P {01,02} = min(500, 2730.00) = 500.00. Q o04 1000.00 04-07 02:30, 60 h → 300.00;
//   o06 3000.00 04-08 00:08, 113 h → 900.00: B = Q {04,06} = 500.00 (window to 04-08 02:30). Q o00
//   9000.00 04-08 16:18, 98 h → 2700.00, a window of its own: C = Q {00} = 500.00.   1500.00 issued.
// Export 2: o01 is Q's, paid 04-06 05:02 (81 h late, 2700.00): X = Q {01} = 500.00, window 04-06 05:02
//   to 04-07 05:02, which holds B's opening (04-07 02:30). o04 paid 04-07 21:30, shipped 41 h later:
//   on time. o06 paid 04-08 10:08 (103 h late): with o00, Y = Q {06,00} = 500.00. P o30 (new) 100.00
//   04-07 10:26, 100 h late → 30.00, and o02: Z = P {30,02} = 60.00, window 04-07 10:26 to 04-08
//   10:26; A's opening (04-06 23:02) rebuilds P's window to 04-07 23:02, holding o30 and o02: Z sits
//   in the window A was paid in.   A fresh ledger owes 1060.00.
// Where the money is (§1.7):
//   Y takes C's 500.00 (o00's; C's window is Y's own and nothing else counts it), so B's 500.00 (o04's,
//   on time now, and o06's, which Y does not need) stays in Q's window, X's: X's cap counts it and X
//   owes nothing, so X needs none of o01's money in A.
//   A's 500.00: o02's 30.00 follows o02 to Z; o01's 470.00 is not needed by X and stays in P's window,
//   Z's: Z's cap counts 470.00 + 60.00 − 500.00 = 30.00 of it. Z owes 60.00 − 30.00 − 30.00 = 0.00.
//   Nothing anew: 1500.00 whichever way (500.00 of P's money, o01's, spare in P's window for good).
// Before: Z re-issued first (alone, or before X) counted o01's 470.00 as X's to take (X's own cap
// group left out, as cover alone takes it), kept it for X, counted none of it toward its cap and
// issued o30's 30.00 anew; X, re-issued after, counted B's money toward its cap and took none of
// A's: 1530.00. --reissue all (X first) 1500.00.
const late = (n: string, buyer: string, paid: string, at: string, ship: string) => shipped(id(n), buyer, paid, `2026-${at}:00`, `2026-${ship}:00`);
const e1 = [
  late('01', 'P', '9000.00', '04-06 23:02', '04-09 14:02'),
  late('04', 'Q', '1000.00', '04-07 02:30', '04-09 14:30'),
  late('02', 'P', '100.00', '04-07 13:39', '04-10 03:39'),
  late('06', 'Q', '3000.00', '04-08 00:08', '04-12 17:08'),
  late('00', 'Q', '9000.00', '04-08 16:18', '04-12 18:18'),
];
const e2 = [
  late('01', 'Q', '9000.00', '04-06 05:02', '04-09 14:02'),
  late('30', 'P', '100.00', '04-07 10:26', '04-11 14:26'),
  late('02', 'P', '100.00', '04-07 13:39', '04-10 03:39'),
  late('04', 'P', '1000.00', '04-07 21:30', '04-09 14:30'),
  late('06', 'Q', '3000.00', '04-08 10:08', '04-12 17:08'),
  late('00', 'Q', '9000.00', '04-08 16:18', '04-12 18:18'),
];
const X = id('01');
const Y = `${id('06')},${id('00')}`;
const Z = `${id('30')},${id('02')}`;

describe('seed 9217 reduced: a later voucher\'s own window counts toward its cap before it takes money another window counts: 1500.00 whichever way', () => {
  const check = (steps: readonly string[]) => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2 });
    run(f.e1!, state);
    expect(total(state)).toBe('1500.00');
    const said = owedSaid(run(f.e2!, state).rows);
    for (const ids of steps) run(f.e2!, state, '--reissue', ids);
    run(f.e2!, state, '--reissue', 'all');
    return { said, total: total(state) };
  };
  it('said: 0.00 owed', () => expect(check([]).said).toBe(0));
  it('--reissue all: 1500.00', () => expect(check(['all']).total).toBe('1500.00'));
  it('Z, X, Y: 1500.00 (was 1530.00: Z kept o01\'s 470.00 back for X and issued 30.00)', () => expect(check([Z, X, Y]).total).toBe('1500.00'));
  it('Z, Y, X: 1500.00 (was 1530.00)', () => expect(check([Z, Y, X]).total).toBe('1500.00'));
  it('Y, Z, X: 1500.00 (was 1530.00)', () => expect(check([Y, Z, X]).total).toBe('1500.00'));
  it('X, Z, Y: 1500.00', () => expect(check([X, Z, Y]).total).toBe('1500.00'));
  it('Y, X, Z: 1500.00', () => expect(check([Y, X, Z]).total).toBe('1500.00'));
  it('Z and X in one call: 1500.00', () => expect(check([`${Z},${X}`]).total).toBe('1500.00'));
});
