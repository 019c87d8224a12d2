// text46's zh sweep: `rules show nosuch` hinted 内置: auto, douyin-2025, … and `rules show auto` then
// said 未知的规则集 "auto" with the same hint. auto is compensate's --rules choice (docs/rules.md
// §1.3a), not a rule set: rules show says so and names the ones it shows; compensate's hint keeps it.
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli } from '../helpers.js';
import path from 'node:path';

describe('rules show and auto', () => {
  it('rules show auto: what auto is, and which to show (zh, en; failed before: 未知的规则集 "auto")', () => {
    const zh = runCli(['rules', 'show', 'auto', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(
      'storeops: 错误: auto 不是规则集: 它是 compensate --rules 的默认选择, 每个订单按其平台在付款时生效的规则集计算\n' +
        '  提示: 查看其中一个: storeops rules show <规则集> (douyin-2025, tmall-2023, tmall-2026, tmall-global-2026); 各规则集的平台和生效日期: storeops rules list\n',
    );
    const en = runCli(['rules', 'show', 'auto', '--lang', 'en']);
    expect(en.stderr).toContain("auto is not a rule set: it is compensate --rules's default");
  });
  it('an unknown id: rules show lists no auto; compensate --rules does', () => {
    expect(runCli(['rules', 'show', 'nosuch', '--lang', 'zh']).stderr).toContain('提示: 内置: douyin-2025, tmall-2023, tmall-2026, tmall-global-2026; 或给出 JSON 规则文件的路径。');
    const c = runCli(['compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--rules', 'nosuch', '--lang', 'en']);
    expect(c.stderr).toContain('hint: built in: auto, douyin-2025, tmall-2023, tmall-2026, tmall-global-2026; or give the path of a JSON rule file.');
  });
});
