// `storeops rules list | show <id>` (SPEC "Commands").
import type { Command } from 'commander';
import { action } from '../src/cli/main.js';

export function register(program: Command): void {
  const rules = program.command('rules').description('built-in rule sets: platform, dates, source, tiers / 内置规则集');
  rules
    .command('list')
    .description('list the rule sets with platform and validity dates / 列出规则集')
    .action(action(async () => (await import('../src/rules/run.js')).runRulesList));
  rules
    .command('show')
    .description('one rule set\'s tiers as a table; source and reading on stderr (an id or a JSON rule file, which is validated) / 规则集档位')
    .argument('<id>', 'tmall-2023, tmall-2026, douyin-2025, tmall-global-2026, or a path to a rule file')
    .action(action(async () => (await import('../src/rules/run.js')).runRulesShow));
}
