// `storeops rules list | show <id>` (docs/cli.md).
import type { Command } from 'commander';
import { examples } from '../src/cli/help.js';
import { action } from '../src/cli/main.js';

export function register(program: Command): void {
  const rules = program.command('rules').description('built-in rule sets: source, dates, rates / 内置规则集');
  const list = rules
    .command('list')
    .description('list the rule sets / 列出规则集')
    .action(action(async () => (await import('../src/rules/run.js')).runRulesList));
  const show = rules
    .command('show')
    .description('one rule set in detail (an id or a JSON rule file, which is validated) / 一个规则集的详情 (规则集编号, 或一个会被校验的 JSON 规则文件)')
    .argument('<id>', 'tmall-2023, tmall-2026, or a path to a rule file / 规则集编号 (见 storeops rules list) 或规则文件路径')
    .action(action(async () => (await import('../src/rules/run.js')).runRulesShow));
  examples(list, [
    ['rules list', 'the built-in rule sets: source, dates, rates', '内置规则集: 来源、生效日期、比例'],
    ['rules list --wide', 'every column, the sources in full', '显示全部列, 包括完整出处'],
  ]);
  examples(show, [
    ['rules show tmall-2026', 'one rule set in detail', '一个规则集的详情'],
    ['rules show my-rules.json', 'check your own rule file field by field', '逐项检查自己的规则文件'],
  ]);
}
