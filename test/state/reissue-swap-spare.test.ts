// Review 26 (adversarial review of the docs/rules.md §1.7 reading): two orders swap buyers between
// exports, each joining the other buyer's window; the money of one of them is not needed where its
// order now is. Re-issuing the conflicts one at a time paid 200.00 more than --reissue all, and more
// than a fresh ledger owes, in one of the two orders (1702a10 to 49faeee; the reissue-paths3
// FUZZ_S=1000 seed 1266 question in four orders, the other way round: here --reissue all is the
// cheaper). Now 1000.00 each way. docs/rules.md §1.7: "The same
// total is paid whichever way the conflicts are re-issued"; "of two ways to pay a voucher, the money
// nothing else can use or count goes first".
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000002626${n}`;

// Every order ships 49 h after payment (1 h late) under tmall-2023, 128 h after (80 h late: out of
// stock, 10 %) under tmall-2026.
const late = (rules: '2023' | '2026') => (n: string, buyer: string, paid: string, at: string) => {
  const day = rules === '2023' ? '2025-06-10' : '2026-06-10';
  const t = Date.parse(`${day}T${at}+08:00`) + (rules === '2023' ? 49 : 128) * 3_600_000;
  const ship = new Date(t + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
  return shipped(id(n), buyer, paid, `${day} ${at}`, ship);
};

for (const rules of ['2023', '2026'] as const) {
  const o = late(rules);
  // tmall-2023 (docs/rules.md §1.2): 30 %, at least 5.00; a buyer's late orders paid within 24 h of a
  // window's opening combined, 500.00 cap. tmall-2026 (§1.3): out of stock with a ≤ 48 h window 10 %
  // (5–500); the buyer's orders paid the same Beijing day combined, 500.00 cap. Amounts per order:
  //                      tmall-2023           tmall-2026
  //   o01 Q→P  09:00     1000.00 → 300.00     3000.00 → 300.00
  //   o05 P→Q  10:00     3000.00 → 900.00     9000.00 → 500.00 (clamped)
  //   o03 P    11:00     1000.00 → 300.00     3000.00 → 300.00   (second export only)
  //   o04 Q    12:00     3000.00 → 900.00     9000.00 → 500.00 (clamped)
  // First export: Q {01,04} = min(500, 300 + 900 or 500) = 500.00; P {05} = 500.00. 1000.00 issued.
  // Second export: o01 is P's, o05 is Q's, o03 new (P). One window (one day) per buyer:
  //   P {01,03} = min(500, 600) = 500.00; Q {05,04} = min(500, 1800 or 1000) = 500.00.
  //   A fresh ledger owes 1000.00, and 1000.00 was issued.
  //   Money: P {05}'s 500.00 is o05's (it follows o05 to Q); Q {01,04}'s 500.00 is o01's (≤ 300.00)
  //   and o04's. Q {05,04} needs 500.00 of it. Paid by o04's 200.00 (Q {01,04}'s money o01 cannot
  //   take: 500 − 300) and 300.00 of o05's, o05's other 200.00 is spare and stays counted in P's window
  //   (P {05}'s recorded opening 10:00 is in it): P {01,03} = o01's 300.00 + that 200.00 toward its cap
  //   = 500.00: nothing new. 1000.00 in all, as a fresh ledger owes and as --reissue all records.
  //   (Q {05,04} paid with all o05's 500.00 instead leaves o04's 200.00 spare in Q's window, where
  //   nothing needs it, and P {01,03} issues 200.00 anew: 1200.00, 200.00 more than owed. The money
  //   nothing else can use or count — o04's 200.00 — goes first: §1.7.)
  describe(`two orders swap buyers, one's money spare where it goes (tmall-${rules}): 1000.00 whichever way`, () => {
    const e1 = [o('01', 'Q', rules === '2023' ? '1000.00' : '3000.00', '09:00:00'), o('05', 'P', rules === '2023' ? '3000.00' : '9000.00', '10:00:00'), o('04', 'Q', rules === '2023' ? '3000.00' : '9000.00', '12:00:00')];
    const e2 = [
      o('01', 'P', rules === '2023' ? '1000.00' : '3000.00', '09:00:00'),
      o('05', 'Q', rules === '2023' ? '3000.00' : '9000.00', '10:00:00'),
      o('03', 'P', rules === '2023' ? '1000.00' : '3000.00', '11:00:00'),
      o('04', 'Q', rules === '2023' ? '3000.00' : '9000.00', '12:00:00'),
    ];
    const p = `${id('01')},${id('03')}`;
    const q = `${id('05')},${id('04')}`;
    const check = (steps: readonly string[]) => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { e1, e2 });
      run(f.e1!, state);
      expect(total(state)).toBe('1000.00');
      const r = run(f.e2!, state);
      expect(seen(r.rows)).toEqual([
        ['P', '01,03', '500.00', '0.00', 'conflict'],
        ['Q', '05,04', '500.00', '0.00', 'conflict'],
      ]);
      expect(owedSaid(r.rows)).toBe(0);
      for (const ids of steps) run(f.e2!, state, '--reissue', ids);
      run(f.e2!, state, '--reissue', 'all');
      expect(total(state)).toBe('1000.00');
    };
    it('--reissue all: 1000.00', () => check(['all']));
    it('{01,03}, then {05,04}: 1000.00', () => check([p, q]));
    // Failed before (1702a10 to 49faeee): 1200.00 (Q {05,04} took all of P {05} first, P {01,03} issued 200.00).
    it('{05,04}, then {01,03}: 1000.00', () => check([q, p]));
  });
}
