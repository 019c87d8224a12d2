// text46: the garbled-file error quoted the garbled names as read, and what a program leaves for
// Chinese read as Western text holds characters that show as nothing: LibreOffice turns the bytes
// Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) into private-use U+F181 … U+F19D, Excel
// into C1 controls, and 0xAD is a soft hyphen. The operator saw `å•ç¼–` where the file holds
// `å<U+F18D>•ç¼–`. Now each such character is written as its code (`\uf18d`, `\xad`), with a note
// saying what the codes are, in en and zh.
//
// Worked by hand for the 抖店 export (UTF-8) read by LibreOffice as Western and saved again:
// 主 E4 B8 BB → ä ¸ »; 订 E8 AE A2 → è ® ¢; 单 E5 8D 95 → å U+F18D •; 编 E7 BC 96 → ç ¼ –;
// 号 E5 8F B7 → å U+F18F ·. So 主订单编号 after the mark (EF BB BF → ï » ¿) is shown
// ï»¿ä¸»è®¢å\uf18d•ç¼–å\uf18f· ; 子 E5 AD 90 → å \xad \uf190.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shownName } from '../../src/cli/garbled.js';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
/** Bytes as LibreOffice shows them read as Western (Windows-1252). */
const asLibreOffice = (bytes: Buffer) =>
  [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? (UNDEFINED.has(b) ? String.fromCharCode(0xf100 + b) : CP1252_80_9F[b - 0x80]) : String.fromCharCode(b))).join('');

describe('a garbled name shows its invisible characters', () => {
  const dir = tmpDir();
  const f = path.join(dir, 'douyin-libreoffice.csv');
  fs.writeFileSync(f, asLibreOffice(fs.readFileSync(path.join(EXAMPLES, 'douyin-orders-202611.csv'))), 'utf8');

  it('shownName: private-use, C1, soft hyphen and zero-width characters as codes; visible ones as they are', () => {
    expect(shownName('å\uF18D•')).toBe('å\\uf18d•');
    expect(shownName('å\u00AD\uF190')).toBe('å\\xad\\uf190');
    expect(shownName('a\u0001b\u200Bc\uFEFF')).toBe('a\\x01b\\u200bc\\ufeff');
    expect(shownName('¶©µ¥±àºÅ')).toBe('¶©µ¥±àºÅ');
  });

  it('compensate, en: the names with codes and the note', () => {
    const r = runCli(['compensate', f, '--as-of', '2026-11-20 12:00:00']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      `${f}: the column names are garbled (ï»¿ä¸»è®¢å\\uf18d•ç¼–å\\uf18f·, å\\xad\\uf190è®¢å\\uf18d•ç¼–å\\uf18f·, `,
    );
    expect(r.stderr).toContain(' …) (\\u…/\\x… is a character the file holds that does not show, written as its code): it is UTF-8-encoded Chinese');
    expect(r.stderr).not.toMatch(/[\uE000-\uF8FF\u00AD]/);
  });

  it('compensate, zh', () => {
    const r = runCli(['compensate', f, '--as-of', '2026-11-20 12:00:00', '--lang', 'zh']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}: 列名是乱码 (ï»¿ä¸»è®¢å\\uf18d•ç¼–å\\uf18f·, `);
    expect(r.stderr).toContain(' …) (\\u…/\\x… 是文件里显示不出来的字符, 这里写成它的编码): 这是 UTF-8 编码的中文');
    expect(r.stderr).not.toMatch(/[\uE000-\uF8FF\u00AD]/);
  });

  it('roster check: a garbled agent name (小王 read by LibreOffice) is shown with its codes', () => {
    // 小 E5 B0 8F → å ° U+F18F; 王 E7 8E 8B → ç Ž ‹.
    const r0 = path.join(dir, 'roster-names.csv');
    fs.writeFileSync(r0, `agent,2026-11-01,2026-11-02\n${asLibreOffice(Buffer.from('小王', 'utf8'))},D,N\n小李,N,D\n`, 'utf8');
    const r = runCli(['roster', 'check', r0, '--month', '2026-11']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('the agent name "å°\\uf18fçŽ‹" is garbled (\\u…/\\x… is a character the file holds that does not show, written as its code) (it was 小王)');
  });
});
