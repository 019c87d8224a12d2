// A phone in a buyer's nick or in free text is masked however the buyer split its digits (README,
// Privacy): review25 found 139.2513.0165, a phone with one digit per space, 010 12345678,
// (010)12345678 and 01012345678 shown whole — only 3-4-4 groups split by a space or a dash, and
// landlines with a dash, were found. Masked as maskPhone masks every phone: the first three and
// the last four of eleven digits or more (139****0165, 010****5678).
import { describe, expect, it } from 'vitest';
import { scrubPii, shownNick } from '../../src/io/pii.js';

describe('phones split any way are masked', () => {
  it.each([
    ['139.2513.0165', '139****0165'],
    ['139_2513_0165', '139****0165'],
    ['139·2513·0165', '139****0165'],
    ['139–2513–0165', '139****0165'],
    ['1 3 9 2 5 1 3 0 1 6 5', '139****0165'],
    ['13 92 51 30 16 5', '139****0165'],
    // the country code and its separator are kept as written and the national number masked (was 861****0165)
    ['+86.139.2513.0165', '+86.139****0165'],
    ['jack 139.2513.0165', 'jack 139****0165'],
    ['010 12345678', '010****5678'],
    ['010.12345678', '010****5678'],
    ['(010)12345678', '010****5678'],
    ['（010）12345678', '010****5678'],
    ['01012345678', '010****5678'],
    ['0755-1234567', '075****4567'],
  ])('nick %s → %s', (nick, shown) => {
    expect(shownNick(nick)).toBe(shown);
  });

  it.each([
    // not phones: a longer digit run, a 19-digit order id, ten digits that do not start 1[3-9] or 0,
    // dates and amounts, a PDD order id
    't_1483584939820',
    '3515313147329357901',
    'abc1234567890',
    '2026.11.13 10:00',
    '1,234,567,890.50',
    '261115-000000000000701',
    '买家0001318',
  ])('%s is left as written', (nick) => {
    expect(shownNick(nick)).toBe(nick);
    expect(scrubPii(nick)).toBe(nick);
  });

  it('free text: a note with phones written three ways', () => {
    expect(scrubPii('电话139.2513.0165或010 12345678, 订单3515313147329357901')).toBe('电话139****0165或010****5678, 订单3515313147329357901');
  });
});
