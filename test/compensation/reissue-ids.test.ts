// `--reissue 3700…,3700…`: the ids the conflict warning gives are pasted back. 阿杰 (user20) typed
// them with the Chinese input method's comma (，) or the 顿号 (、), as Chinese text lists them: the run
// stopped with exit 2 ("--reissue takes order ids (comma-separated) or all"), nothing recorded, though
// `;` and spaces were already taken. Now the full-width separators split ids as the ASCII ones do.
import { describe, expect, it } from 'vitest';
import { parseReissue } from '../../src/compensation/request.js';

const A = '3700000000000021000';
const B = '3700000000000022000';
const C = '3700000000000023000';

describe('--reissue order id lists', () => {
  for (const [name, text] of [
    ['ASCII comma', `${A},${B}`],
    ['full-width comma ，', `${A}，${B}`],
    ['顿号 、', `${A}、${B}`],
    ['full-width semicolon ；', `${A}；${B}`],
    ['ideographic space', `${A}\u3000${B}`],
    ['full-width comma and a space', `${A}， ${B}`],
  ] as const) {
    it(`${name}: names ${A} and ${B}, not ${C}`, () => {
      const has = parseReissue(text, true)!;
      expect([has(A), has(B), has(C)]).toEqual([true, true, false]);
    });
  }

  it('still refuses what is no id list (exit 2), and needs --record', () => {
    expect(() => parseReissue('3.7E+18', true)).toThrow(/--reissue takes order ids/);
    expect(() => parseReissue('，', true)).toThrow(/--reissue takes order ids/);
    expect(() => parseReissue(`${A}`, false)).toThrow(/--reissue works only with --record/);
  });
});
