// Money helpers used by the fast paths: fen ⇄ Money must be exact, and the text range check must
// give Decimal's own verdict. Expected values written out by hand.
import { describe, expect, it } from 'vitest';
import { checkMoneyText, fenToMoney, moneyToFen } from '../../src/money.js';

describe('fen and yuan', () => {
  it('fenToMoney writes the yuan out exactly', () => {
    // 2997 fen = 29 yuan 97 fen; 5 fen = 0.05; -5 fen = -0.05; 100 fen = 1.00; 123456789 fen = 1234567.89
    expect(fenToMoney(2997).toFixed(2)).toBe('29.97');
    expect(fenToMoney(5).toFixed(2)).toBe('0.05');
    expect(fenToMoney(-5).toFixed(2)).toBe('-0.05');
    expect(fenToMoney(100).toFixed(2)).toBe('1.00');
    expect(fenToMoney(0).toFixed(2)).toBe('0.00');
    expect(fenToMoney(123456789).toFixed(2)).toBe('1234567.89');
  });
  it('moneyToFen and fenToMoney round-trip', () => {
    for (const f of [0, 1, 9, 10, 99, 101, 2997, 50000, -1, -250]) expect(moneyToFen(fenToMoney(f))).toBe(f);
  });
});

describe('checkMoneyText (no Decimal built)', () => {
  it('range by the text: the limit itself is fine, anything above it is not', () => {
    const max = 100_000_000;
    expect(checkMoneyText('100000000', max)).toBe('ok');
    expect(checkMoneyText('100000000.00', max)).toBe('ok');
    // a fraction digit above the limit, even far out, is above it (Number() would round it away)
    expect(checkMoneyText('100000000.0000000000000001', max)).toBe('implausible');
    expect(checkMoneyText('100000001', max)).toBe('implausible');
    expect(checkMoneyText('1234567890123456', max)).toBe('implausible');
    expect(checkMoneyText('-0.00', max)).toBe('implausible');
    expect(checkMoneyText('1,234.50', max)).toBe('ok');
    expect(checkMoneyText('12元', max)).toBe('ok');
    expect(checkMoneyText('abc', max)).toBe('invalid');
    expect(checkMoneyText('', max)).toBe('empty');
  });
});
