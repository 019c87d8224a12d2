// Warnings on a terminal ran past its edge and were folded by the terminal mid-word, back at
// column 0 (a Chinese warning cut inside a word: 关|闭). On a terminal stderr (isTTY, columns) a
// warning, note or error is now fitted to its width as the roster check's 说明 column is
// (io/width.ts wrapText: a CJK character is two columns), the lines it goes on over indented by two;
// a pipe or a file gets each line unchanged. Found at the desk (desk41's brief).
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildContext, paintLabel, wrapWarning } from '../../src/context.js';
import { msg } from '../../src/errors.js';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Io } from '../../src/context.js';
import { ROOT, tmpDir } from '../helpers.js';

// The built CLI in this process (as test/hardening/inproc.ts): its stderr can be a terminal here.
const main = import(pathToFileURL(path.join(ROOT, 'dist', 'src', 'cli', 'main.js')).href) as Promise<{ run: (argv: string[], io: Io, exit: boolean) => Promise<number> }>;

const NO_SCANS = msg(
  '未提供揽收记录 (--shipments): 用报表的"发货时间"(卖家点发货的时间) 代替揽收时间。',
  "no pickup scans given (--shipments): using the export's 发货时间 (when the seller marked it shipped) as the ship time.",
);

function sink(tty: boolean, columns = 80) {
  const s = Object.assign(new PassThrough(), tty ? { isTTY: true, columns } : {});
  let text = '';
  s.on('data', (b: Buffer) => (text += b.toString()));
  return { s, out: () => text };
}

function warnOn(lang: 'zh' | 'en', tty: boolean, columns = 80, color = false): string {
  const home = tmpDir();
  const err = sink(tty, columns);
  const ctx = buildContext({ lang }, { stdin: Readable.from([]), stdout: new PassThrough(), stderr: err.s, env: color ? { HOME: home } : { HOME: home, NO_COLOR: '1' }, cwd: home, now: () => 0 });
  ctx.warn(NO_SCANS);
  return err.out();
}

describe('warnings on a terminal fit its width', () => {
  it('en at 80: broken at the last space that fits, the rest indented by two', () => {
    // "storeops: warning: " 19 + "no pickup scans given (--shipments): " 37 = 56, "using the export's" → 74;
    // " 发货时间" (8 columns, two a character) would end at 83 > 80: the line breaks before it.
    // The rest, 发货时间 … ship time. (62 columns), fits in 80 − 2.
    expect(warnOn('en', true)).toBe(
      "storeops: warning: no pickup scans given (--shipments): using the export's\n" + '  发货时间 (when the seller marked it shipped) as the ship time.\n',
    );
  });

  it('zh at 80: CJK characters count two columns', () => {
    // "storeops: 警告: " 16, 未提供揽收记录 14 → 30, " (--shipments):" 15 → 45, " 用报表的" 9 → 54,
    // "\"发货时间\"(" 11 → 65, 卖家点发货的时间 16 → 81 > 80: broken at the space after "(--shipments):".
    // The rest is 51 columns, one line.
    expect(warnOn('zh', true)).toBe('storeops: 警告: 未提供揽收记录 (--shipments):\n  用报表的"发货时间"(卖家点发货的时间) 代替揽收时间。\n');
  });

  it('at 120 it is one line; a pipe gets the line unchanged whatever its length', () => {
    const one = 'storeops: 警告: 未提供揽收记录 (--shipments): 用报表的"发货时间"(卖家点发货的时间) 代替揽收时间。\n';
    expect(warnOn('zh', true, 120)).toBe(one);
    expect(warnOn('zh', false)).toBe(one);
    expect(warnOn('en', false)).toBe(`storeops: warning: ${NO_SCANS.en}\n`);
  });

  it('wrapWarning: each line of a text of several lines wraps under its own indent', () => {
    // 30 columns: "storeops: error: aaaa bbbb" (26) + " cccc" → 31 > 30.
    expect(wrapWarning('storeops: error: aaaa bbbb cccc\n  hint: dddd eeee ffff gggg hhhh', 30)).toEqual([
      'storeops: error: aaaa bbbb',
      '  cccc',
      '  hint: dddd eeee ffff gggg',
      '    hhhh',
    ]);
  });

  it('an error and its hint on a terminal are fitted too; in a pipe unchanged', async () => {
    const home = tmpDir();
    const go = async (tty: boolean) => {
      const err = sink(tty, 80);
      const code = await (await main).run(['compensate', 'x.csv', '--as-of', '11月20日', '--lang', 'en'], { stdin: Readable.from([]), stdout: new PassThrough(), stderr: err.s, env: { HOME: home, NO_COLOR: '1' }, cwd: home, now: () => 0 }, false);
      return { code, text: err.out() };
    };
    const tty = await go(true);
    expect(tty.code).toBe(2);
    // "storeops: error: --as-of has no year: \"11月20日\"; storeops never guesses the" is 78 columns
    // (11月20日 is 8); " year" would make 83.
    expect(tty.text.split('\n').slice(0, 3)).toEqual([
      'storeops: error: --as-of has no year: "11月20日"; storeops never guesses the',
      '  year',
      '  hint: write it as "2026-11-20 14:00:00" (in --tz, Beijing time by default), or',
    ]);
    const pipe = await go(false);
    expect(pipe.text.split('\n')[0]).toBe('storeops: error: --as-of has no year: "11月20日"; storeops never guesses the year');
  });

  it('a terminal narrower than "storeops: warning: " says "warning:" once (desk44)', () => {
    // 12 columns: "storeops: warning:" (18) does not fit; wrapText breaks after "storeops:" (9), then
    // "warning: no" (11), "pickup scans" (12), "given" (+ " (--shipments)" would be 19), "(--shipments" (12), ")".
    // Under 20 columns the rest is not indented (context.ts wrapWarning). Before: "storeops: warning: \nwarning: no\n…".
    const en = "storeops:\nwarning: no\npickup scans\ngiven\n(--shipments\n): using the\nexport's\n发货时间\n(when the\nseller\nmarked it\nshipped) as\nthe ship\ntime.\n";
    expect(warnOn('en', true, 12)).toBe(en);
    // 15 columns zh: "storeops: 警告:" is 15 columns, one line; then 未提供揽收记录 (14).
    expect(warnOn('zh', true, 15).split('\n').slice(0, 3)).toEqual(['storeops: 警告:', '未提供揽收记录', '(--shipments):']);
    // With colour (chalk is loaded by the CLI only: paintLabel itself), the label is painted where it
    // landed, once; a label cut in two is left unpainted.
    expect(paintLabel(['storeops:', 'warning: no'], 'warning', '<W>')).toEqual(['storeops:', '<W>: no']);
    expect(paintLabel(['storeops: warning: no pickup'], 'warning', '<W>')).toEqual(['storeops: <W>: no pickup']);
    expect(paintLabel(['storeops: 警告:', '未提供 warning'], '警告', '<W>')).toEqual(['storeops: <W>:', '未提供 warning']);
    expect(paintLabel(['storeops', ':', 'warning:'], 'warning', '<W>')).toEqual(['storeops', ':', 'warning:']);
    for (const cols of [10, 12, 15, 18, 19, 20, 22]) {
      for (const lang of ['en', 'zh'] as const) {
        const t = warnOn(lang, true, cols);
        expect(t.split(lang === 'zh' ? '警告' : 'warning').length - 1, `${lang} ${cols}`).toBe(1);
        expect(t, `${lang} ${cols}`).not.toMatch(/ \n/);
      }
    }
  });

  it('an error on a 14-column terminal says "error:" once', async () => {
    const home = tmpDir();
    const err = sink(true, 14);
    const code = await (await main).run(['compensate', 'x.csv', '--as-of', '11月20日', '--lang', 'en'], { stdin: Readable.from([]), stdout: new PassThrough(), stderr: err.s, env: { HOME: home, NO_COLOR: '1' }, cwd: home, now: () => 0 }, false);
    expect(code).toBe(2);
    // "storeops: error:" is 16 > 14: "storeops:" then "error: --as-of" (14).
    expect(err.out().split('\n').slice(0, 2)).toEqual(['storeops:', 'error: --as-of']);
    expect(err.out().split('error:').length - 1).toBe(1);
  });
});
