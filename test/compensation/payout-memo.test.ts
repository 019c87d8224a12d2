// payout.ts keeps the base and the priced amounts of a (paid, postage) pair and a tier in memos
// (a big export prices hundreds of thousands of late orders from a few hundred amounts): the same
// Decimals priced again, under another rule set's tier or rounding, must give the hand values.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { payout } from '../../src/compensation/payout.js';
import { Money, fmtMoney } from '../../src/money.js';
import type { Order } from '../../src/orders/types.js';
import { loadRuleSet } from '../../src/rules/ruleset.js';

const ROOT = path.resolve(__dirname, '..', '..');
const T2023 = loadRuleSet('tmall-2023', ROOT);
const D2025 = loadRuleSet('douyin-2025', ROOT);

const order = (paid: Money, postage: Money | null) => ({ paidAmount: paid, postage, goodsAmount: null, presale: false }) as unknown as Order;
const shown = (p: ReturnType<typeof payout>) => [fmtMoney(p.base), fmtMoney(p.raw), fmtMoney(p.afterMinimum)];

describe('payout: memoised amounts are the amounts', () => {
  it('one paid/postage pair under two rule sets, fen and yuan rounding, twice over', () => {
    const paid = new Money('285.00');
    const postage = new Money('10.00');
    for (let round = 0; round < 2; round++) {
      // tmall-2023 (RULES 1.2): base 285.00 − 10.00 = 275.00; 30 % = 82.50 (over the 5.00 minimum).
      expect(shown(payout(order(paid, postage), 'late', 48, T2023, 'paid-minus-postage', 1))).toEqual(['275.00', '82.50', '82.50']);
      // douyin-2025 (RULES 1.3b), a 72 h window 10 h late: 1 % of 275.00 = 2.75, rounded half-up to
      // the whole yuan = 3, within 2.00–50.00: 3.00.
      expect(shown(payout(order(paid, postage), 'late', 72, D2025, 'paid-minus-postage', 10))).toEqual(['275.00', '3.00', '3.00']);
    }
  });

  it('another postage, none, and equal amounts in other Decimals', () => {
    const paid = new Money('285.00');
    // No postage: base 285.00; 30 % = 85.50.
    expect(shown(payout(order(paid, null), 'late', 48, T2023, 'paid-minus-postage', 1))).toEqual(['285.00', '85.50', '85.50']);
    // Postage 0.00: the same base, 85.50.
    expect(shown(payout(order(paid, new Money('0.00')), 'late', 48, T2023, 'paid-minus-postage', 1))).toEqual(['285.00', '85.50', '85.50']);
    // Postage 5.00 of the same paid Decimal: 280.00 × 30 % = 84.00.
    expect(shown(payout(order(paid, new Money('5.00')), 'late', 48, T2023, 'paid-minus-postage', 1))).toEqual(['280.00', '84.00', '84.00']);
    // Postage above the paid amount: base 0 (never negative), 0.00 raised to the 5.00 minimum.
    expect(shown(payout(order(new Money('3.00'), new Money('8.00')), 'late', 48, T2023, 'paid-minus-postage', 1))).toEqual(['0.00', '0.00', '5.00']);
    // Equal values in new Decimals: the same amounts as the first test's.
    expect(shown(payout(order(new Money('285.00'), new Money('10.00')), 'late', 48, T2023, 'paid-minus-postage', 1))).toEqual(['275.00', '82.50', '82.50']);
  });
});
