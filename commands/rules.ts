// `storeops rules list | show <id>` (docs/cli.md).
import type { Command } from 'commander';
import { examples } from '../src/cli/help.js';
import { action } from '../src/cli/main.js';

export function register(program: Command): void {
  const rules = program.command('rules').description('built-in rule sets: platform, dates, source, tiers / 内置规则集: 平台、生效日期、来源、档位');
  const list = rules
    .command('list')
    .description('list the rule sets with platform and validity dates / 列出规则集及其平台和生效日期')
    .action(action(async () => (await import('../src/rules/run.js')).runRulesList));
  const show = rules
    .command('show')
    .description('one rule set\'s tiers as a table, its source and reading on stderr (an id, or a JSON rule file, which is validated) / 一个规则集的档位表, 来源与解读在 stderr (规则集编号, 或一个会被校验的 JSON 规则文件)')
    .argument('<id>', 'tmall-2023, tmall-2026, douyin-2025, tmall-global-2026, or a path to a rule file / tmall-2023、tmall-2026、douyin-2025、tmall-global-2026 (见 storeops rules list), 或规则文件路径')
    .action(action(async () => (await import('../src/rules/run.js')).runRulesShow));
  examples(list, [
    ['rules list', 'the built-in rule sets: platform, dates, source', '内置规则集: 平台、生效日期、来源'],
    ['rules list --wide', 'every column, the sources in full', '显示全部列, 包括完整出处'],
  ]);
  examples(show, [
    ['rules show douyin-2025', 'one rule set\'s tiers, source and adopted reading', '一个规则集的档位、来源和采用的解读'],
    ['rules show my-rules.json', 'check your own rule file field by field', '逐项检查自己的规则文件'],
  ]);
}
