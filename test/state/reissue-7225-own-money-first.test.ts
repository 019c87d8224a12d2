// reissue-paths3.property.test.ts FUZZ_S=7000 seed 7225 step 2 (rev31's sweep: said and --reissue all
// 1100.00, Q {03,06,04} re-issued first, then P {30,00}: 1000.00), reduced to two exports of four
// orders (o02 and o30, o05 and o01 of the seed left out: they change nothing here).
// tmall-2026 (docs/rules.md §1.3; every order paid 2026-06-01): late 5 % of the goods, clamped 5–50;
// out of stock (still unshipped 72 h after becoming late, i.e. 120 h after payment, window 48 h)
// 10 %, clamped 5–500; a buyer's orders paid the same calendar day combined, capped at 500.00.
// Export 1: o03 Q 9000.00 paid 06-01 02:14, shipped 06-06 10:14 (128 h: out of stock): 900.00 ->
//   500.00; o04 P 2000.00 06-01 17:23 -> 06-05 15:23 (94 h, late): 100.00 -> 50.00; o06 P 1000.00
//   06-01 22:53 -> 06-06 10:53 (108 h, late): 50.00. Q {03} 500.00, P {04,06} 100.00: 600.00 paid.
// Export 2: o03 shipped 06-05 05:14 (99 h: late only): 50.00; o06 now Q's, paid 06-01 15:53, shipped
//   06-06 10:53 (115 h, late): 50.00; o04 Q's (94 h): 50.00; o00 P 9000.00 06-01 23:28 -> 06-07 06:28
//   (127 h: out of stock): 900.00 -> 500.00. Owed: Q {03,06,04} 150.00 (Q's 06-01), P {00} 500.00
//   (P's 06-01). A fresh ledger: 650.00.
// Where the money is (§1.7): Q {03}'s 500.00 is o03's, paid in Q's 06-01, which no other voucher of
//   the export counts; P {04,06}'s 100.00 is o04's and o06's, paid in P's 06-01, which P {00}'s cap
//   counts. Q {03,06,04} can be paid by either; "money an order's voucher now does not need (paid in
//   full by other money of its own orders) stays where it was paid: it counts toward the cap of the
//   window it was recorded in" and "of two ways to pay a voucher, the money nothing else can use or
//   count goes first": Q {03,06,04} takes 150.00 of o03's 500.00 (nothing anew), o04's and o06's
//   100.00 stays in P's 06-01 and P {00} counts it: 500.00 − 100.00 = 400.00 anew.
//   600.00 + 400.00 = 1000.00, whichever way the conflict is re-issued.
// Before: Q {03,06,04} took each order's part where it was paid (o03's 50.00 of Q {03}, o04's and
//   o06's 100.00 of P {04,06}), so said (and a run re-issuing only P {00}) recorded P {00} new at
//   500.00: 1100.00; Q re-issued first 1000.00.
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000007225${n}`;
const o = (n: string, buyer: string, paid: string, at: string, ship: string) => shipped(id(n), buyer, paid, `2026-${at}:00`, `2026-${ship}:00`);
const e1 = [
  o('03', 'Q', '9000.00', '06-01 02:14', '06-06 10:14'),
  o('04', 'P', '2000.00', '06-01 17:23', '06-05 15:23'),
  o('06', 'P', '1000.00', '06-01 22:53', '06-06 10:53'),
];
const e2 = [
  o('03', 'Q', '9000.00', '06-01 02:14', '06-05 05:14'),
  o('06', 'Q', '1000.00', '06-01 15:53', '06-06 10:53'),
  o('04', 'Q', '2000.00', '06-01 17:23', '06-05 15:23'),
  o('00', 'P', '9000.00', '06-01 23:28', '06-07 06:28'),
];
const Qv = [id('03'), id('06'), id('04')].join(',');

describe('seed 7225 reduced: o03\'s own money pays Q {03,06,04}, P {00} counts o04\'s and o06\'s: 1000.00 every way', () => {
  const upTo2 = () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2 });
    run(f.e1!, state);
    expect(total(state)).toBe('600.00');
    return { state, file: f.e2! };
  };
  it('a fresh ledger of the second export: 650.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'fresh.db');
    run(files(dir, { e2 }).e2!, state);
    expect(total(state)).toBe('650.00');
  });
  it('said: Q {03,06,04} nothing owed, P {00} 400.00 new; then --reissue all 1000.00', () => {
    const { state, file } = upTo2();
    expect(seen(run(file, state).rows)).toEqual([
      ['Q', '03,06,04', '150.00', '0.00', 'conflict'],
      ['P', '00', '500.00', '400.00', 'new'],
    ]);
    run(file, state, '--reissue', 'all');
    expect(total(state)).toBe('1000.00');
  });
  it('--reissue all straight away: 1000.00', () => {
    const { state, file } = upTo2();
    run(file, state, '--reissue', 'all');
    expect(total(state)).toBe('1000.00');
  });
  it('Q {03,06,04} re-issued first: 1000.00', () => {
    const { state, file } = upTo2();
    run(file, state, '--reissue', Qv);
    run(file, state, '--reissue', 'all');
    expect(total(state)).toBe('1000.00');
  });
  it('P {00} re-issued first: 1000.00', () => {
    const { state, file } = upTo2();
    run(file, state, '--reissue', id('00'));
    run(file, state, '--reissue', 'all');
    expect(total(state)).toBe('1000.00');
  });
});
