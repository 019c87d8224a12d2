// reissue-paths3.property.test.ts FUZZ_S=6000 seed 6485 step 1 (money56's sweep of seeds 6000-6499, under
// America/Los_Angeles; the same under UTC), the second export alone (two exports): said and
// --reissue all pay 1460.00, re-issuing P {02} first pays 1330.00. By docs/rules.md §1.7 ("the money
// follows the order, to the voucher that now holds it, whichever buyer that is"; "a cap may count
// first what the moved orders' vouchers can do without") 1330.00 is owed every way.
// tmall-2023 (§1.2; every order paid in 2025): 30 % of the goods, at least 5.00; 48 h to ship; a
// buyer's late orders paid within 24 h of a window's opening combined, capped at 500.00.
// Export 1: P o01 2000.00 (600.00) paid 05-30 05:10, 121 h: P {01} 500.00; P o04 3000.00 (900.00)
//   05-31 08:40 (27 h 30 min later: a window of its own), 82 h: B = P {04} 500.00; Q o00 on time;
//   Q o02 1000.00 (300.00) 05-31 16:09, 105 h, o03 100.00 (30.00) 19:46, 76 h: C = Q {02,03} 330.00.
//   1330.00.
// Export 2: o04 is Q's, o02 P's. P {01} 500.00 as recorded; D = P {02} 300.00 (P {01}'s window ends
//   05-31 05:10); E = Q {04,03} (o04 opens 05-31 08:40, o03 19:46 joins; o00 on time) 900.00 + 30.00
//   capped 500.00. A fresh ledger: 500.00 + 300.00 + 500.00 = 1300.00.
// Money: B's 500.00 is o04's and follows it to E; C's 330.00 is o02's 300.00 (follows o02 to D,
//   another buyer's, which has no other money: it cannot do without it) and o03's 30.00 (E's). D
//   takes o02's 300.00, E o04's 500.00 (or 470.00 and o03's 30.00): 30.00 spare, paid for good.
//   Nothing anew: 1330.00.
// The ledger now: said D owes 130.00; --reissue all records E taking 160.00 of C (o03's 30.00 and
//   130.00 of o02's) and 340.00 of B, D 170.00 of C and 130.00 anew: 1460.00, 160.00 of o04's money
//   left in B. D first: D takes C's 300.00, E B's 500.00: 1330.00.
// Why (money57, traced): E's cap (Q's window, C opened in it) counted what of C the later D would not
//   take, and D's need was worked out less what D's own cap would count in P's window: B's 500.00,
//   all of it o04's, which E takes for its own order. So D looked as if it needed 170.00 of C, E's
//   cap counted 160.00 of o02's money, and E took 340.00 of B for the rest. Now what a voucher of
//   another buyer would count toward its cap of a voucher holding only E's orders is not taken off
//   its need (src/state/ledger.ts, laterTake): D needs o02's 300.00, E's cap counts C's 30.00 (o03's),
//   E takes B's 470.00: 1330.00 every way, as worked above. Failed before (it.fails), pass now.
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000006485${n}`;
const o = (n: string, buyer: string, paid: string, at: string, ship: string) => shipped(id(n), buyer, paid, `2025-${at}:00`, `2025-${ship}:00`);
const e1 = [
  o('01', 'P', '2000.00', '05-30 05:10', '06-04 06:10'),
  o('04', 'P', '3000.00', '05-31 08:40', '06-03 18:40'),
  o('00', 'Q', '1000.00', '05-31 08:46', '06-02 00:46'),
  o('02', 'Q', '1000.00', '05-31 16:09', '06-05 01:09'),
  o('03', 'Q', '100.00', '05-31 19:46', '06-03 23:46'),
];
const e2 = [
  o('01', 'P', '2000.00', '05-30 05:10', '06-04 06:10'),
  o('04', 'Q', '3000.00', '05-31 08:40', '06-03 18:40'),
  o('00', 'Q', '1000.00', '05-31 08:46', '06-02 00:46'),
  o('02', 'P', '1000.00', '05-31 16:09', '06-05 01:09'),
  o('03', 'Q', '100.00', '05-31 19:46', '06-03 23:46'),
];
const D = id('02');
const E = [id('04'), id('03')].join(',');

describe('seed 6485 step 1: o02\'s money follows it to P {02}, not into Q {04,03}: 1330.00 every way', () => {
  const upTo2 = () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2 });
    run(f.e1!, state);
    expect(total(state)).toBe('1330.00');
    return { state, file: f.e2! };
  };
  const via = (steps: readonly string[]) => {
    const { state, file } = upTo2();
    run(file, state);
    for (const ids of steps) run(file, state, '--reissue', ids);
    run(file, state, '--reissue', 'all');
    return total(state);
  };
  it('a fresh ledger of the second export: 1300.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'fresh.db');
    run(files(dir, { e2 }).e2!, state);
    expect(total(state)).toBe('1300.00');
  });
  it('P {02} re-issued first, then Q {04,03}: 1330.00', () => expect(via([D, E])).toBe('1330.00'));
  // Each paid 1460.00 before (or said 130.00 owed).
  it('--reissue all: 1330.00', () => expect(via(['all'])).toBe('1330.00'));
  it('Q {04,03} re-issued first, then P {02}: 1330.00', () => expect(via([E, D])).toBe('1330.00'));
  it('what the second export says: nothing owed', () => {
    const { state, file } = upTo2();
    expect(seen(run(file, state).rows)).toEqual([
      ['P', '01', '500.00', '0.00', 'already_recorded'],
      ['Q', '04,03', '500.00', '0.00', 'conflict'],
      ['P', '02', '300.00', '0.00', 'conflict'],
    ]);
  });
});
