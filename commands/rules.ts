// `storeops rules list | show <id>` (SPEC "Commands").
import type { Command } from 'commander';
import { action } from '../src/cli/main.js';

export function register(program: Command): void {
  const rules = program.command('rules').description('built-in rule sets: source, dates, rates / 内置规则集');
  rules
    .command('list')
    .description('list the rule sets')
    .action(action(async () => (await import('../src/rules/run.js')).runRulesList));
  rules
    .command('show')
    .description('one rule set in detail (an id or a JSON rule file, which is validated)')
    .argument('<id>', 'tmall-2023, tmall-2026, or a path to a rule file')
    .action(action(async () => (await import('../src/rules/run.js')).runRulesShow));
}
