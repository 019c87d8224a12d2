// zh help at 80 columns broke its lines wherever they were full: mid-phrase and mid-word
// (`以退出码 1 结` / `束`, `状态数` / `据库`, `来源 (` / `比例见 rules show)`), and a help topic's
// example description likewise. Lines now break at a clause end (after ; : , 、 。) that leaves the
// line 60 % full, else at a space that does, else where full; an example's comment, and what a help
// topic's example command does, at a clause end wherever one is; never after an opening bracket.
import stringWidth from 'fast-string-width';
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/cli/help.js';
import { runCli } from '../helpers.js';

describe('help lines break at clause ends', () => {
  it('wrapText: a clause end that leaves the line 60 % full, else a space, else where full', () => {
    // 50 columns (an 80-column terminal beside compensate's 30-column flags). By hand:
    // "new-vouchers: 发现此前未记录的红包时以退出码 1" is 14 + 32 + 1 = 47 wide ("发现此前未记录的红包时以退出码"
    // is 15 characters, 30 columns, and " 1"), " 结" would make 50, "束" 52 > 50. No clause end after
    // 30 columns (60 %): the space before 结束 at 47 is taken, not 结 | 束.
    expect(wrapText('new-vouchers: 发现此前未记录的红包时以退出码 1 结束', 50)).toEqual(['new-vouchers: 发现此前未记录的红包时以退出码 1', '结束']);
    // --record: "把确定且需商家发放的红包记入状态数据库;" is 40 wide, ≥ 30; the line was full at "…已记录的不" (48).
    expect(wrapText('把确定且需商家发放的红包记入状态数据库; 已记录的不再重复计算', 50)).toEqual(['把确定且需商家发放的红包记入状态数据库;', '已记录的不再重复计算']);
    // A clause end inside brackets is not one: "(rates: rules show)" stays whole. 45 columns:
    // "the built-in rule sets: dates, title, who pays," is 46 > 45; "…title," is 37 ≥ 27.
    expect(wrapText('the built-in rule sets: dates, title, who pays, source (rates: rules show)', 45, 0)).toEqual(['the built-in rule sets: dates, title,', 'who pays, source (rates: rules show)']);
    // No line ends with an opening bracket: at 40 columns "内置规则集: 生效日期、名称、由谁赔付、来源 (" was the
    // full line (39); with a clause end at 0 (an example's description) it breaks after 由谁赔付、 (32).
    const lines = wrapText('内置规则集: 生效日期、名称、由谁赔付、来源 (比例见 rules show)', 40, 0);
    expect(lines).toEqual(['内置规则集: 生效日期、名称、由谁赔付、', '来源 (比例见 rules show)']);
    expect(wrapText('来源来源来源来源来源来源来源来源来源 (比例见 rules show)', 40, 1).some((l) => /[(（]$/.test(l))).toBe(false);
  });

  it('compensate --help --lang zh at 80 columns: --fail-on and --record end their lines on a word or a clause', () => {
    const r = runCli(['compensate', '--help', '--lang', 'zh'], { env: { COLUMNS: '80' } });
    const lines = r.stdout.split('\n');
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(80);
    const at = lines.findIndex((l) => l.startsWith('  --fail-on <条件>'));
    expect(lines[at]!.endsWith('以退出码 1')).toBe(true);
    expect(lines[at + 1]!.trim()).toBe('结束');
    const rec = lines.findIndex((l) => l.startsWith('  --record '));
    expect(lines[rec]!.endsWith('记入状态数据库;')).toBe(true);
    expect(lines[rec + 1]!.trim()).toBe('已记录的不再重复计算');
  });

  it('help rules --lang zh at 80 columns: the example descriptions break at their clause ends', () => {
    const r = runCli(['help', 'rules', '--lang', 'zh'], { env: { COLUMNS: '80' } });
    const lines = r.stdout.split('\n');
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(80);
    // "storeops rules list" and its gap take 35 columns, 45 left; the description is 62 wide.
    expect(lines).toContain('  storeops rules list              内置规则集: 生效日期、名称、由谁赔付、');
    expect(lines).toContain(' '.repeat(35) + '来源 (比例见 rules show)');
    // Under compensate's 55 columns, 25 left: "指定规则集;" then "或一个 JSON 规则文件" (20), the bracket below.
    expect(lines.filter((l) => l.startsWith(' '.repeat(55))).map((l) => l.trim())).toEqual(['或一个 JSON 规则文件', '(templates/rules/*.json', '的格式)']);
    expect(lines.some((l) => /[(（]$/.test(l))).toBe(false);
  });

  it("an example's comment wider than the terminal goes on in comment lines, broken at a clause end", () => {
    // compensate's third example at 40 columns: "  # 用真实揽收时间; 每个延迟订单一行, 附计算过程" is 4 + 44 = 48 > 40.
    // By hand, 36 columns for the text: "用真实揽收时间; 每个延迟订单一行," is 15 + 1 + 17 = 33 (the last clause
    // end that fits), then "附计算过程" (10). Before, the 48-column line was left for the terminal to fold.
    const r = runCli(['compensate', '--help', '--lang', 'zh'], { env: { COLUMNS: '40' } });
    const lines = r.stdout.split('\n');
    const at = lines.indexOf('  # 用真实揽收时间; 每个延迟订单一行,');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('  # 附计算过程');
    expect(lines[at + 2]!.startsWith('  storeops compensate ORDERS.csv')).toBe(true);
  });
});
