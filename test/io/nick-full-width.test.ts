// README, Privacy: a buyer nick that is (or holds) a phone number is shown masked unless --show-pii.
// A nick typed with a Chinese input method holds full-width digits (１３９２５１３０１６５): the same
// phone, which shownNick showed whole (its check counted ASCII digits only, and MOBILE/LANDLINE's \d
// is ASCII). review25.
import { describe, expect, it } from 'vitest';
import { shownNick } from '../../src/io/pii.js';

describe('shownNick masks a phone written in full-width digits', () => {
  it('a mobile, alone, in a longer nick, with full-width separators, or half of it full-width', () => {
    // 11 digits 13925130165: maskPhone keeps the first 3 and last 4 → 139****0165.
    expect(shownNick('１３９２５１３０１６５')).toBe('139****0165');
    expect(shownNick('jack１３９２５１３０１６５')).toBe('jack139****0165');
    expect(shownNick('小明１３９２５１３０１６５的店')).toBe('小明139****0165的店');
    // 3-4-4 with full-width dashes (－) or ideographic spaces: MOBILE allows one separator per group.
    expect(shownNick('１３９－２５１３－０１６５')).toBe('139****0165');
    expect(shownNick('１３９\u3000２５１３\u3000０１６５')).toBe('139****0165');
    // +86 in full width: the country code kept as written (half-width, as the digits shown are), no space added; the national 13925130165 → 139****0165.
    expect(shownNick('＋８６１３９２５１３０１６５')).toBe('+86139****0165');
    expect(shownNick('139２５１３0165')).toBe('139****0165');
  });

  it('a landline in full width: 010-12345678 is 11 digits → 010****5678', () => {
    expect(shownNick('０１０－１２３４５６７８')).toBe('010****5678');
  });

  it('no phone: the nick as written (full-width forms kept)', () => {
    // A 13-digit run is no phone (digit boundaries), nor are 9 digits.
    expect(shownNick('ｔ_１４８３５８４９３９８２０')).toBe('ｔ_１４８３５８４９３９８２０');
    expect(shownNick('１２３４５６７８９')).toBe('１２３４５６７８９');
    expect(shownNick('小明－１２３４５６７８９０')).toBe('小明－１２３４５６７８９０');
  });

  it('ASCII nicks as before', () => {
    expect(shownNick('13925130165')).toBe('139****0165');
    expect(shownNick('jack13925130166')).toBe('jack139****0166');
    expect(shownNick('t_1483584939820')).toBe('t_1483584939820');
    expect(shownNick('010-12345678')).toBe('010****5678');
  });
});
