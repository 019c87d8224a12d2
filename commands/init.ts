// `storeops init` (SPEC "Commands"): a starter config and editable templates.
import type { Command } from 'commander';
import { action } from '../src/cli/main.js';

export function register(program: Command): void {
  program
    .command('init')
    .description('write a starter config and editable templates / 生成配置文件和可编辑模板')
    .option('--dir <folder>', 'where to write them (default: the current folder)')
    .option('--force', 'overwrite files that exist')
    .action(action(async () => (await import('../src/init/run.js')).runInit));
}
