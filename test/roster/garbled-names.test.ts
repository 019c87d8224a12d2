// Round 31: a roster whose agent names a program garbled (read in the wrong encoding and saved
// again), its header ASCII (agent,2026-11-01,…) so the header check (src/cli/garbled.ts) never ran.
// Read from GBK as UTF-8, 小王 (D0 A1 CD F5) and 小李 (D0 A1 C0 EE) both become С�� (D0 A1 is the
// Cyrillic С in UTF-8; the rest is not UTF-8): the example's five agents read as one agent listed
// five times — "line 3 lists the agent of line 2 again: its shifts were not read; merge the two
// rows" (exit 1), four people's shifts dropped. Read as Western they stay apart but garbled
// (Ð¡Íõ), and were checked and planned so. Now the file is refused (exit 3), naming the garbling
// as a garbled header is named.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { garbledName } from '../../src/cli/garbled.js';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const example = () => fs.readFileSync(path.join(EXAMPLES, 'roster', 'roster-2026-11.csv'), 'utf8').replace(/^\uFEFF/, '');

describe('garbled agent names are named, never merged', () => {
  it('GBK read as UTF-8 (every name С��): refused at line 2, not five agents merged into one', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'roster-lost.csv');
    fs.writeFileSync(f, new TextDecoder('utf-8').decode(iconv.encode(example(), 'gbk')));
    const r = runCli(['roster', 'check', f, '-f', 'csv', '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stdout).not.toContain('duplicate-agent');
    expect(r.stderr).toContain(`${f}:2: the agent name "С\uFFFD\uFFFD" is garbled: a program read the file in the wrong encoding and saved it again`);
    expect(r.stderr).toContain('hint: use the original file');
    const zh = runCli(['roster', 'check', f, '-f', 'csv', '--lang', 'zh']);
    expect(zh.stderr).toContain(`${f}:2: 客服姓名是乱码 "С\uFFFD\uFFFD"`);
  });

  it('GBK read as Western (Ð¡Íõ): refused, saying it was 小王', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'roster-west.csv');
    fs.writeFileSync(f, iconv.encode(example(), 'gbk').toString('latin1'), 'utf8');
    const r = runCli(['roster', 'plan', '--month', '2026-12', '--agents', f, '--time-limit', '5', '-f', 'csv', '--lang', 'en'], { timeoutMs: 60_000 });
    // --agents reads the roster's agent column: the same check.
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:2: the agent name "Ð¡Íõ" is garbled (it was 小王): it is GBK-encoded Chinese that a program read as Western text`);
  });

  it('garbledName: Western and Chinese names are no garbling', () => {
    for (const n of ['José', 'Åsa', 'Sum Yee', '小王', '欧阳娜娜', 'Zoë', 'Ça']) expect(garbledName(n), n).toBeUndefined();
    // 小李 in GBK is D0 A1 C0 EE: as Latin-1 Ð ¡ À î; in UTF-8 E5 B0 8F E6 9D 8E: as Windows-1252 å ° \x8F æ \x9D Ž
    expect(garbledName('Ð¡Àî')).toBe('gbk-as-western');
    expect(garbledName(Buffer.from('小李', 'utf8').toString('latin1'))).toBe('utf8-as-western');
    expect(garbledName('小\uFFFD')).toBe('lost');
    expect(garbledName('锟斤拷')).toBe('lost');
  });
});
