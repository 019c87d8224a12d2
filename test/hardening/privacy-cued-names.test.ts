// desk40: a third person's name in free text (卖家备注, 买家留言, review text, a contact note) after a
// word that says a person follows — a relative or relation (妈妈, 朋友, 同事, 老公 …) or a gift or
// hand-over verb (送给, 转交给, 帮…买 …) — is masked when it looks like a Chinese name: a common
// surname and one or two more characters, ending at the end of the text, a character that is not
// Chinese, or before 买/的/收/说/生日/电话 … (README, Privacy; src/io/pii.ts NAME_CUED). Until desk40
// such a name was shown whole unless it was the order's receiver. Ordinary words after such a cue
// stay. Every expected value is worked out by hand from that rule: maskName keeps the first
// character and writes one * for each other one (陈秀英 → 陈**, 欧阳娜娜 → 欧***).
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { scrubFreeText } from '../../src/io/pii.js';
import { exampleLines } from './hostile.js';
import { runCli, tmpDir } from '../helpers.js';

// [text, as shown]: masked.
const MASKED: [string, string][] = [
  // The brief's two: a relative, then the name at the end of the text; a friend, then 买的.
  ['送给我妈妈陈秀英', '送给我妈妈陈**'],
  ['帮我朋友王小明买的', '帮我朋友王**买的'],
  // 帮 + name + 买: the name's shortest reading that 买 follows (王小 is followed by 明: runs on).
  ['帮王小明买的', '帮王**买的'],
  // 叫 between the cue and the name; the name ends at the full-width comma.
  ['我妈妈叫陈秀英，她很喜欢', '我妈妈叫陈**，她很喜欢'],
  ['转交给李建国', '转交给李**'],
  ['寄给同事赵丽 13925130165', '寄给同事赵* 139****0165'],
  // Before 说 and 的 (words that follow a name in such a sentence).
  ['老公张伟说不错', '老公张*说不错'],
  ['送给女朋友赵丽颖的生日礼物', '送给女朋友赵**的生日礼物'],
  // A compound surname keeps its first character only, as every masked name.
  ['送给朋友欧阳娜娜', '送给朋友欧***'],
  // A two-character name.
  ['儿子李明生日快到了', '儿子李*生日快到了'],
];

// Not masked: no name follows the cue, or what follows is an ordinary word.
const KEPT: string[] = [
  // The brief's three: 一, 推 and 很 are no surnames.
  '送给妈妈一个惊喜',
  '朋友推荐的',
  '送给同事很好用',
  // A surname's character starting an ordinary word: NOT_NAMES (方便, 高兴, 周末, 马上).
  '送给朋友方便',
  '送给朋友高兴坏了',
  '朋友周末来',
  '妈妈马上就到',
  // A particle in the "given name" (常说: 说; 付的: 的).
  '妈妈常说',
  '老公付的钱',
  // Things given: 钱包, 毛衣, 文具, 金条, 白色 (a character of a thing, not of a given name).
  '送给老公钱包',
  '送给妈妈毛衣',
  '送给同事文具',
  '送给爸爸金条',
  '送给朋友白色的',
  // Hand-picked words starting with a surname's character (CUED_NOT_NAMES): 高价, 毕业, 康乃(馨), 牛奶.
  '朋友高价收的',
  '送给同学毕业',
  '送给妈妈康乃馨',
  '送给爸爸牛奶',
  // A verb or particle in the would-be given name: 戴着 (着).
  '老公戴着',
  // rev36: a style, season, occasion, watch or exam the gift is for (版 季 节 表 考: characters of no
  // given name; 韩版 ends before 的, 夏季穿 before 的, 万圣节 before 的, 钟表 at the end, 高考用 before 的).
  '送给妈妈韩版的',
  '送给男朋友夏季穿的',
  '送给同事万圣节的',
  '寄给老公钟表',
  '送给女儿高考用的',
  // A word running on into more Chinese: 高跟鞋 is followed by 很, no end of a name.
  '送给同事高跟鞋很好看',
  // A relative that starts with a surname's character.
  '帮孙子买的',
  // 老王, 小王: no surname first (a nickname, not a full name).
  '送给老王',
  '帮小王买的',
  // Single-character words that are no cues: 给, 代.
  '给钱了',
  '代金券可以用吗',
  // No cue at all: a name alone is not told from other words (README).
  '王小明很满意',
];

describe('a name after a relative or a gift verb in free text (desk40)', () => {
  it.each(MASKED)('%s → %s', (text, shown) => {
    expect(scrubFreeText(text, [])).toBe(shown);
  });

  it.each(KEPT)('%s stays as written', (text) => {
    expect(scrubFreeText(text, [])).toBe(text);
  });

  // The order's receiver (王小明 in the example export) is masked wherever it stands, as before; a
  // third person after a cue beside it now too.
  it('with the receiver named: both masked', () => {
    expect(scrubFreeText('王小明帮朋友李建国买的', ['王小明'])).toBe('王**帮朋友李**买的');
  });

  it('orders normalize: a seller note and a buyer message naming a third person are masked (was shown whole)', () => {
    // The example 订单报表 (receiver 王小明): row 1's 买家留言 (column 14) "送给我妈妈陈秀英，周末送",
    // its 订单备注 (column 26) "帮朋友李建国买的". Expected: 陈**, 李** (the rest as written).
    const lines = exampleLines();
    const cells = lines[1]!.split(',');
    cells[13] = '送给我妈妈陈秀英，周末送';
    cells[25] = '帮朋友李建国买的';
    lines[1] = cells.join(',');
    const dir = tmpDir();
    const f = path.join(dir, 'orders.csv');
    fs.writeFileSync(f, iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'));
    const r = runCli(['orders', 'normalize', f, '-f', 'json', '--lang', 'en']);
    expect(r.code).toBe(0);
    const first = (JSON.parse(r.stdout) as { sellerNote: string; extra: Record<string, string> }[])[0]!;
    expect(first.sellerNote).toBe('帮朋友李**买的');
    expect(first.extra['买家留言']).toBe('送给我妈妈陈**，周末送');
    expect(r.stdout).not.toContain('陈秀英');
    expect(r.stdout).not.toContain('李建国');
    // --show-pii shows them as written.
    const shown = runCli(['orders', 'normalize', f, '-f', 'json', '--lang', 'en', '--show-pii', '-o', path.join(dir, 'shown.json')]);
    expect(shown.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'shown.json'), 'utf8')).toContain('送给我妈妈陈秀英，周末送');
  });
});
