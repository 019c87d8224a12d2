// money45: the smallest case I found of reissue-takeover-orders-gone.test.ts (reissue-paths3 FUZZ_S=9250
// seed 9449): money a voucher counted toward its cap from an earlier voucher sharing one of its orders
// (a cap share beyond that order's part) pays the earlier voucher's other order again once the cap's
// orders have left it. Three orders, three exports. Worked by hand from docs/rules.md §1.2 and §1.7.
// tmall-2023 (§1.2; every order paid in 2025): 30 % of the goods, at least 5.00; 48 h to ship; a
// buyer's late orders paid within 24 h of a window's opening combined, capped at 500.00.
//
// Export 1: o05 Q 100.00 paid 05-31 16:19, shipped 06-03 16:19 (72 h, 24 h late): 30.00; o03 Q 2000.00
//   paid 06-01 13:22, shipped 06-04 05:22 (64 h, 16 h late): 600.00, 21 h 3 min after o05:
//   A = Q {05,03} min(630.00, 500.00) = 500.00 (o05's 30.00, o03's 470.00). 500.00 paid.
// Export 2: o30 Q 9000.00 paid 05-30 22:36, shipped 06-03 00:36 (74 h, 26 h late): 2700.00; o05 paid
//   05-31 21:19 (67 h, 19 h late: 30.00), 22 h 43 min after o30: C = Q {30,05} 500.00, its window
//   (05-30 22:36 to 05-31 22:36) holding A's opening; o03 shipped 06-02 05:22, 16 h after payment: on
//   time. A's money: o05's 30.00 follows o05 to C; o03's 470.00 (its order on time) stays in Q's window
//   where it was paid and counts toward C's cap (§1.7): C owes 500.00 − 30.00 − 470.00 = 0.00. 500.00
//   in all (the ledger: C takes all of A's 500.00 as its cover).
// Export 3: o30 is P's, paid 05-31 07:36, shipped 06-01 23:36 (40 h): on time; o05 as in export 2:
//   E = Q {05} 30.00; o03 P's, paid 06-01 08:22, shipped 06-04 05:22 (69 h, 21 h late): 600.00,
//   F = P {03} 500.00. A fresh ledger: 530.00.
//   Where the money is (§1.7, "the money follows the order, to the voucher that now holds it …
//   never paid twice"; a cap share "is stale once the export puts that voucher's orders out of the
//   window …: the money pays its own orders' voucher again"): C's orders have left it (o30 on time and
//   another buyer's, o05 in E), so its cap share, o03's 470.00, pays o03's voucher F again: F owes
//   500.00 − 470.00 = 30.00; o05's 30.00 pays E. 500.00 + 30.00 = 530.00, every way, as a fresh ledger.
// Before: F found A's money gone (C took it) and C, holding o05 of A's orders, was not read as holding
//   a cap share (giveStale left out a taker sharing an order with the voucher it took from): F issued
//   500.00 anew, 1000.00 every way, o03's 470.00 paid twice.
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000045449${n}`;
const late = (n: string, buyer: string, paid: string, at: string, ship: string) => shipped(id(n), buyer, paid, `2025-${at}:00`, `2025-${ship}:00`);
const e1 = [late('05', 'Q', '100.00', '05-31 16:19', '06-03 16:19'), late('03', 'Q', '2000.00', '06-01 13:22', '06-04 05:22')];
const e2 = [
  late('30', 'Q', '9000.00', '05-30 22:36', '06-03 00:36'),
  late('05', 'Q', '100.00', '05-31 21:19', '06-03 16:19'),
  late('03', 'Q', '2000.00', '06-01 13:22', '06-02 05:22'),
];
const e3 = [
  late('30', 'P', '9000.00', '05-31 07:36', '06-01 23:36'),
  late('05', 'Q', '100.00', '05-31 21:19', '06-03 16:19'),
  late('03', 'P', '2000.00', '06-01 08:22', '06-04 05:22'),
];
const E = id('05');
const F = id('03');

describe('a cap share taken from a voucher sharing an order pays its other order again', () => {
  const check = (steps: readonly string[]) => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2, e3 });
    run(f.e1!, state);
    expect(total(state)).toBe('500.00');
    run(f.e2!, state);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('500.00');
    const said = owedSaid(run(f.e3!, state).rows);
    for (const ids of steps) run(f.e3!, state, '--reissue', ids);
    run(f.e3!, state, '--reissue', 'all');
    return [said, total(state)];
  };
  it('a fresh ledger of the third export: 530.00', () => {
    const dir = tmpDir();
    const fresh = path.join(dir, 'fresh.db');
    run(files(dir, { e3 }).e3!, fresh);
    expect(total(fresh)).toBe('530.00');
  });
  it('said 30.00 owed; --reissue all: 530.00 (1000.00 before)', () => expect(check(['all'])).toEqual([3000, '530.00']));
  it('E then F: 530.00', () => expect(check([E, F])).toEqual([3000, '530.00']));
  it('F then E: 530.00', () => expect(check([F, E])).toEqual([3000, '530.00']));
});
