// payoutFen (payout.ts) prices a late order in whole fen without a Decimal: it must give exactly
// the fen compactPayout(payout(…)) gives, for every rule set's tiers, base rule and rounding, and
// leave to payout() what it cannot price exactly (a part of a fen, a negative base).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { payout, payoutFen } from '../../src/compensation/payout.js';
import { compactPayout } from '../../src/compensation/vouchers.js';
import { Money } from '../../src/money.js';
import type { Order } from '../../src/orders/types.js';
import { BASE_RULES } from '../../src/rules/types.js';
import { builtinIds, loadRuleSet } from '../../src/rules/ruleset.js';

const ROOT = path.resolve(__dirname, '..', '..');
const order = (paid: string | null, postage: string | null, goods: string | null, presale = false) =>
  ({ paidAmount: paid === null ? null : new Money(paid), postage: postage === null ? null : new Money(postage), goodsAmount: goods === null ? null : new Money(goods), presale }) as unknown as Order;

describe('payoutFen', () => {
  it('gives the fen of compactPayout(payout()) for every built-in rule set, base rule and tier', () => {
    // Amounts around the roundings' halves (x.x5 fen under 5 %, 15 %, 1 %) and the minimums and maximums.
    const amounts = ['0.00', '0.01', '0.10', '0.30', '9.90', '10.00', '99.99', '100.00', '100.10', '100.30', '149.50', '150.00', '166.70', '250.50', '285.00', '999.99', '1000.00', '5000.01', '123456.78'];
    let compared = 0;
    for (const id of builtinIds()) {
      const rules = loadRuleSet(id, ROOT);
      for (const base of BASE_RULES) {
        for (const paid of [...amounts, null]) {
          for (const postage of ['0.00', '8.00', '300.00', null]) {
            for (const [kind, windowHours, hoursLate] of [['late', 24, 1], ['late', 48, 30], ['late', 72, 100], ['out_of_stock', 48, 80], ['out_of_stock', 96, 200]] as const) {
              for (const presale of [false, true]) {
                const o = order(paid, postage, paid === '285.00' ? '250.00' : null, presale);
                const fen = payoutFen(o, kind, windowHours, rules, base, hoursLate);
                expect(fen).toBeDefined();
                expect(fen).toEqual(compactPayout(payout(o, kind, windowHours, rules, base, hoursLate)));
                compared++;
              }
            }
          }
        }
      }
    }
    expect(compared).toBe(builtinIds().length * 3 * 20 * 4 * 5 * 2);
  });

  it('leaves a part of a fen and a negative base to payout()', () => {
    const rules = loadRuleSet('tmall-2023', ROOT);
    expect(payoutFen(order('10.005', '0.00', null), 'late', 48, rules, 'paid', 1)).toBeUndefined();
    expect(payoutFen(order('-10.00', null, null), 'late', 48, rules, 'paid', 1)).toBeUndefined();
    // tmall-2023 (RULES 1.2): 30 % of 285.00 − 10.00 = 82.50 → 8250 fen, over the 5.00 minimum.
    expect(payoutFen(order('285.00', '10.00', null), 'late', 48, rules, 'paid-minus-postage', 1)).toMatchObject({ baseFen: 27500, rawFen: 8250, afterFen: 8250 });
  });
});
