// `storeops init` (SPEC "Commands"): a starter config and editable templates.
import type { Command } from 'commander';
import { examples } from '../src/cli/help.js';
import { action } from '../src/cli/main.js';

export function register(program: Command): void {
  const init = program
    .command('init')
    .description('write a starter config and editable templates / 生成配置文件和可编辑模板')
    .option('--dir <folder>', 'where to write them (default: the current folder) / 写到哪个文件夹 (默认: 当前文件夹)')
    .option('--force', 'overwrite files that exist / 覆盖已存在的文件')
    .action(action(async () => (await import('../src/init/run.js')).runInit));
  examples(init, [
    ['init', 'storeops.config.json and storeops-templates/ in this folder', '在当前文件夹生成 storeops.config.json 和 storeops-templates/'],
    ['init --dir ~/shop --force', 'somewhere else, overwriting what is there', '写到别处, 覆盖已有文件'],
  ]);
}
