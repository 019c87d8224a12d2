// Money helpers used by the fast paths: fen ⇄ Money must be exact, and the text range check must
// give Decimal's own verdict. Expected values written out by hand.
import { describe, expect, it } from 'vitest';
import { Money, checkMoneyText, fenToMoney, fmtMoney, isAboveZero, moneyToFen, parseMoney, plainFen } from '../../src/money.js';
import { TimeZone } from '../../src/time.js';

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
  it('moneyToFen reads the digits exactly and rounds half-up past two decimals', () => {
    // Worked by hand: 1.5 yuan = 150 fen; 10000000 yuan = 10^9 fen (two base-10^7 words); 9999999.99 = 999999999;
    // 123456789012.34 = 12345678901234 (14 digits, the fast path's limit); 0.005 → 0.01 (half-up) = 1 fen;
    // -0.005 → -0.01 = -1 fen (half away from zero); 2.675 → 2.68 = 268; 1234567890123.456 → 1234567890123.46 = 123456789012346 (15 digits: the slow path).
    const cases: [string, number][] = [
      ['1.5', 150], ['10000000', 1_000_000_000], ['9999999.99', 999_999_999], ['123456789012.34', 12_345_678_901_234],
      ['0.005', 1], ['-0.005', -1], ['2.675', 268], ['1234567890123.456', 123_456_789_012_346], ['0.01', 1], ['-12.30', -1230],
      ['1e7', 1_000_000_000], ['0.1', 10], ['7', 700],
    ];
    for (const [text, fen] of cases) expect(moneyToFen(new Money(text)), text).toBe(fen);
  });
});

describe('fmtMoney (two places, half-up)', () => {
  it('writes amounts out by hand-worked rule', () => {
    // 29.97 stays; 1.5 → 1.50; 0.005 → 0.01 (half-up); -0.005 → -0.01; -0 → 0.00 (no sign, as Decimal writes it);
    // -0.001 → -0.00 (Decimal keeps the sign of a negative that rounds to zero); 12345678901234.5 → 15 digits (slow path).
    const cases: [string, string][] = [
      ['29.97', '29.97'], ['1.5', '1.50'], ['0', '0.00'], ['-0', '0.00'], ['0.005', '0.01'], ['-0.005', '-0.01'], ['-0.001', '-0.00'],
      ['-12.3', '-12.30'], ['100000000', '100000000.00'], ['12345678901234.5', '12345678901234.50'], ['0.07', '0.07'], ['1e-7', '0.00'],
    ];
    for (const [text, out] of cases) expect(fmtMoney(new Money(text)), text).toBe(out);
  });
});

describe('TimeZone.startOfDay with a fixed offset (no calendar lookup)', () => {
  it('gives local midnight', () => {
    // 2026-11-20 23:59:59 Beijing = 15:59:59Z → midnight 2026-11-20 00:00 Beijing = 2026-11-19T16:00Z.
    expect(new TimeZone('Asia/Shanghai').startOfDay(Date.UTC(2026, 10, 20, 15, 59, 59))).toBe(Date.UTC(2026, 10, 19, 16));
    // 2026-11-20 16:00:00Z is 2026-11-21 00:00 Beijing: its own midnight.
    expect(new TimeZone('Asia/Shanghai').startOfDay(Date.UTC(2026, 10, 20, 16))).toBe(Date.UTC(2026, 10, 20, 16));
    // UTC-05:00: 2026-11-20 03:00Z is 2026-11-19 22:00 local → midnight 2026-11-19 05:00Z.
    expect(new TimeZone('-05:00').startOfDay(Date.UTC(2026, 10, 20, 3))).toBe(Date.UTC(2026, 10, 19, 5));
    expect(new TimeZone('UTC').startOfDay(Date.UTC(2026, 10, 20, 3))).toBe(Date.UTC(2026, 10, 20));
  });
});

describe('TimeZone.fromWall with a fixed offset (calendar arithmetic, no Date.UTC)', () => {
  it('gives the instant of a Beijing wall-clock time', () => {
    const bj = new TimeZone('Asia/Shanghai');
    // Beijing is UTC+8 all year: 10:00 there is 02:00Z the same day; midnight is 16:00Z the day before.
    expect(bj.fromWall(2026, 11, 20, 10, 0, 0)).toBe(Date.UTC(2026, 10, 20, 2, 0, 0));
    expect(bj.fromWall(2024, 2, 29, 0, 0, 0)).toBe(Date.UTC(2024, 1, 28, 16, 0, 0)); // a leap day
    expect(bj.fromWall(2100, 3, 1, 7, 59, 59)).toBe(Date.UTC(2100, 1, 28, 23, 59, 59)); // 2100 is not a leap year
    expect(bj.fromWall(2026, 1, 1, 0, 0, 0)).toBe(1767196800000); // 2025-12-31T16:00:00Z: 2026-01-01 is day 20 454 (56 × 365 + 14 leap days) × 86 400 000 ms − 8 h
    expect(new TimeZone('-05:00').fromWall(2026, 12, 31, 23, 0, 0)).toBe(Date.UTC(2027, 0, 1, 4, 0, 0));
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
  it('digits with an optional fraction are judged in one pass; any other shape by the general rules', () => {
    const max = 100_000_000;
    expect(checkMoneyText('239.00', max)).toBe('ok');
    expect(checkMoneyText('0', max)).toBe('ok');
    // A leading zero is no exported amount (docs/formats.md; until 2026-12 these were 'ok' and 'implausible').
    expect(checkMoneyText('000000000000239.5', max)).toBe('invalid');
    expect(checkMoneyText('0000000000000239.5', max)).toBe('invalid');
    expect(checkMoneyText('0.5', max)).toBe('ok');
    expect(checkMoneyText('99999999.99', max)).toBe('ok');
    expect(checkMoneyText('100000000.01', max)).toBe('implausible');
    expect(checkMoneyText('12.', max)).toBe('invalid');
    expect(checkMoneyText('.5', max)).toBe('invalid');
    expect(checkMoneyText('1.2.3', max)).toBe('invalid');
    expect(checkMoneyText('1e3', max)).toBe('invalid');
    expect(checkMoneyText('１２', max)).toBe('invalid'); // full-width digits are not digits
    expect(checkMoneyText(' 12.50 ', max)).toBe('ok'); // spaces: the general path trims
    expect(checkMoneyText('-1.00', max)).toBe('implausible');
  });
  it('a non-zero digit past the fen is not an exported amount (never rounded); trailing zeros are fine', () => {
    const max = 100_000_000;
    expect(checkMoneyText('12.345', max)).toBe('sub-fen');
    expect(checkMoneyText('0.004', max)).toBe('sub-fen');
    expect(checkMoneyText('12.3400000', max)).toBe('ok');
    expect(checkMoneyText('12.340000001', max)).toBe('sub-fen');
    expect(checkMoneyText('1,234.505', max)).toBe('sub-fen'); // the general path
    expect(checkMoneyText('12.345元', max)).toBe('sub-fen');
    expect(checkMoneyText('12.34元', max)).toBe('ok');
  });
});

describe('plainFen (the row reader makes amounts by their fen)', () => {
  it('whole fen of the plain shape, -1 for anything else', () => {
    // By hand: 239.00 yuan = 23900 fen; 12.5 = 1250; 12.3400 = 1234 (zeros past the fen);
    // 0.50 = 50; 0 = 0; 007.50 (a leading zero) is no amount: -1 (until 2026-12, 750).
    expect(plainFen('239.00')).toBe(23900);
    expect(plainFen('12.5')).toBe(1250);
    expect(plainFen('12.3400')).toBe(1234);
    expect(plainFen('0.50')).toBe(50);
    expect(plainFen('007.50')).toBe(-1);
    expect(plainFen('0')).toBe(0);
    expect(plainFen('100000000.00')).toBe(10000000000);
    for (const t of ['', '12.345', '12.', '.5', '-1.00', '1,234.00', '239.00元', '¥12', ' 12', '1e3', '12345678901234']) expect([t, plainFen(t)]).toEqual([t, -1]);
  });

  it('fenToMoney(plainFen(t)) is parseMoney(t), digit for digit, on random amounts', () => {
    let seed = 11;
    const rnd = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * n);
    for (let k = 0; k < 5000; k++) {
      const whole = '0'.repeat(rnd(3)) + String(rnd(10 ** (1 + rnd(9))));
      const frac = rnd(3) === 0 ? '' : '.' + String(rnd(100)).padStart(2, '0') + '0'.repeat(rnd(3));
      const t = whole + frac;
      const fen = plainFen(t);
      // A leading zero (007.50): refused by both (docs/formats.md).
      if (/^0\d/.test(t)) {
        expect([t, fen, parseMoney(t)]).toEqual([t, -1, undefined]);
        continue;
      }
      expect(fen).toBeGreaterThanOrEqual(0);
      expect(fenToMoney(fen).toString()).toBe((parseMoney(t) as Money).toString());
      expect(fenToMoney(fen).eq(parseMoney(t) as Money)).toBe(true);
    }
  });

  it('isAboveZero is gt(0): zero of either sign, the smallest amounts, the infinities and NaN', () => {
    // By hand: 0, -0 and 0.00 are not above zero; 0.01 and 1e-30 are; -0.01 and -1e-30 are not;
    // Infinity is, -Infinity and NaN are not.
    const cases: [string, boolean][] = [
      ['0', false], ['-0', false], ['0.00', false], ['0.01', true], ['1e-30', true], ['-0.01', false],
      ['-1e-30', false], ['12345678901234.56', true], ['Infinity', true], ['-Infinity', false], ['NaN', false],
    ];
    for (const [t, above] of cases) {
      expect(isAboveZero(new Money(t)), t).toBe(above);
      expect(new Money(t).gt(0), t).toBe(above);
    }
  });
});
