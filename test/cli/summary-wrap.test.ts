// A run's summary on a terminal was fitted to its width by wrapText (desk41), which breaks at the last
// space that fits: at 80 columns the compensate summary read "… 5 late, 1 not / judged
// (closed_unshipped=1), 0 excluded; 1 voucher totalling 50.00 to issue; 1 / provisional voucher …",
// and in zh "… 待定红包 1 个, 目前计 / 5.00 元 …", a count torn from its word, a clause cut mid-way
// (tmux at 80 columns, desk47). Now the summary (ctx.info) breaks, among the spaces that leave the
// line at least 60 % full, at the end of a clause (`;`, else `,` or `:`), never between a number and its
// word when another space will do (width.ts wrapPhrases). Warnings keep wrapText (stderr-wrap.test.ts).
// A pipe or a file gets the summary as one line, unchanged.
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/context.js';
import { displayWidth, wrapPhrases } from '../../src/io/width.js';
import { EXAMPLES, ROOT, tmpDir } from '../helpers.js';

const main = import(pathToFileURL(path.join(ROOT, 'dist', 'src', 'cli', 'main.js')).href) as Promise<{ run: (argv: string[], io: Io, exit: boolean) => Promise<number> }>;

function sink(tty: boolean, columns: number) {
  const s = Object.assign(new PassThrough(), tty ? { isTTY: true, columns } : {});
  let text = '';
  s.on('data', (b: Buffer) => (text += b.toString()));
  return { s, out: () => text };
}

/** The README example's compensate run, its stderr on a terminal `columns` wide (or a pipe): the summary's lines. */
async function summary(lang: 'en' | 'zh', tty: boolean, columns = 80): Promise<string[]> {
  const home = tmpDir();
  const err = sink(tty, columns);
  const code = await (await main).run(
    ['compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--as-of', '2026-11-20 12:00:00', '--lang', lang, '-o', path.join(home, 'v.csv')],
    { stdin: Readable.from([]), stdout: new PassThrough(), stderr: err.s, env: { HOME: home, NO_COLOR: '1' }, cwd: home, now: () => 0 },
    false,
  );
  expect(code).toBe(0);
  const lines = err.out().split('\n');
  const start = lines.findIndex((l) => l.startsWith(lang === 'zh' ? '规则 ' : 'rules '));
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('  '));
  return lines.slice(start, end);
}

const EN = 'rules tmall-2026 (base paid-minus-postage): 9 orders read, 8 paid, 5 late, 1 not judged (closed_unshipped=1), 0 excluded; 1 voucher totalling 50.00 to issue; 1 provisional voucher owing 5.00 so far (not final, not in that total: do not issue it yet; a later run lists it once final); 2 already paid by the platform (computed 19.50, platform paid 92.00; not issued again); 0 rejected rows';
const ZH = '规则 tmall-2026 (基数 实付减邮费): 读取订单 9, 已付款 8, 延迟 5, 无法判断 1 (关闭未发货 1), 排除 0; 现在发放的红包 1 个共 50.00 元; 待定红包 1 个, 目前计 5.00 元 (未定稿, 未计入现在发放: 现在不要发放, 定稿后会在以后的运行中列出); 平台已赔付 2 个 (计算 19.50 元, 平台已付 92.00 元, 不再发放); 拒绝行 0';

describe('the summary on a terminal breaks at clause ends, never between a number and its word', () => {
  it('en at 80', async () => {
    // Line 1 (80): "… 9 orders read, 8 paid, 5 late," is 74 columns; " 1 not" still fits (80), " judged" does
    // not. The breaks leaving at least 48 (60 %): after "late," (74, a comma), "1" (76, a number: worst),
    // "not" (80, a space): the comma. The rest at 78: "1 not judged (closed_unshipped=1), 0 excluded;" is
    // 46, "+ 1 voucher totalling 50.00 to issue;" 82 > 78: the semicolon at 46 (under 46.8, 60 % of 78,
    // but the only clause end; the spaces after it are inside "1 voucher"). Then "1 voucher … to issue; 1
    // provisional voucher owing 5.00 so far" 75 (" (not" 80 > 78): after "issue;" (35) is under 60 %,
    // "far" (75, before "(not": a space) is the latest clean break. And so on; before, wrapText broke after
    // "1 not", "; 1" and "(not final, not in that total: do not"-style places.
    expect(await summary('en', true, 80)).toEqual([
      'rules tmall-2026 (base paid-minus-postage): 9 orders read, 8 paid, 5 late,',
      '  1 not judged (closed_unshipped=1), 0 excluded;',
      '  1 voucher totalling 50.00 to issue; 1 provisional voucher owing 5.00 so far',
      '  (not final, not in that total: do not issue it yet;',
      '  a later run lists it once final); 2 already paid by the platform',
      '  (computed 19.50, platform paid 92.00; not issued again); 0 rejected rows',
    ]);
  });

  it('zh at 80: CJK two columns; "目前计 5.00 元" and "拒绝行 0" stay whole', async () => {
    // Line 1: "规则 tmall-2026 (基数 实付减邮费): 读取订单 9, 已付款 8, 延迟 5," 64 columns; " 无法判断" 73, " 1"
    // 75, " (关闭未发货" 87 > 80. Breaks ≥ 48: after "5," (64, comma), "无法判断" (73, before a number),
    // "1" (75, a number): the comma.
    expect(await summary('zh', true, 80)).toEqual([
      '规则 tmall-2026 (基数 实付减邮费): 读取订单 9, 已付款 8, 延迟 5,',
      '  无法判断 1 (关闭未发货 1), 排除 0; 现在发放的红包 1 个共 50.00 元;',
      '  待定红包 1 个, 目前计 5.00 元 (未定稿, 未计入现在发放: 现在不要发放,',
      '  定稿后会在以后的运行中列出); 平台已赔付 2 个 (计算 19.50 元,',
      '  平台已付 92.00 元, 不再发放); 拒绝行 0',
    ]);
  });

  it('at 120, en and zh', async () => {
    expect(await summary('en', true, 120)).toEqual([
      'rules tmall-2026 (base paid-minus-postage): 9 orders read, 8 paid, 5 late, 1 not judged (closed_unshipped=1),',
      '  0 excluded; 1 voucher totalling 50.00 to issue; 1 provisional voucher owing 5.00 so far (not final, not in that total:',
      '  do not issue it yet; a later run lists it once final); 2 already paid by the platform (computed 19.50,',
      '  platform paid 92.00; not issued again); 0 rejected rows',
    ]);
    expect(await summary('zh', true, 120)).toEqual([
      '规则 tmall-2026 (基数 实付减邮费): 读取订单 9, 已付款 8, 延迟 5, 无法判断 1 (关闭未发货 1), 排除 0;',
      '  现在发放的红包 1 个共 50.00 元; 待定红包 1 个, 目前计 5.00 元 (未定稿, 未计入现在发放: 现在不要发放,',
      '  定稿后会在以后的运行中列出); 平台已赔付 2 个 (计算 19.50 元, 平台已付 92.00 元, 不再发放); 拒绝行 0',
    ]);
  });

  it('a pipe: the summary is one line, unchanged', async () => {
    expect(await summary('en', false)).toEqual([EN]);
    expect(await summary('zh', false)).toEqual([ZH]);
  });

  it('wrapPhrases: every line fits; joined again it is the text; a line ends in no "(" and no bare count', () => {
    for (const text of [EN, ZH]) {
      for (const width of [40, 60, 78, 80, 100, 118, 120]) {
        const lines = wrapPhrases(text, width);
        expect(lines.join(' ')).toBe(text);
        for (const [i, l] of lines.entries()) {
          expect(displayWidth(l), `${width}: ${l}`).toBeLessThanOrEqual(width);
          expect(l).not.toMatch(/\($/);
          // A count at a line's end with its word on the next ("1 | provisional"): never, as long as
          // another break exists; these texts always have one.
          if (i < lines.length - 1) expect(`${l} | ${lines[i + 1]}`, String(width)).not.toMatch(/(?:^| )\d+(?:\.\d+)? \| [^\d(]/);
        }
      }
    }
    // A word wider than the line is cut, as wrapText cuts it.
    expect(wrapPhrases('see /a/very/long/path/name.csv now', 10)).toEqual(['see', '/a/very/lo', 'ng/path/na', 'me.csv now']);
    expect(wrapPhrases('fits', 10)).toEqual(['fits']);
  });
});
