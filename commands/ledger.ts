// `storeops ledger list | export`: what the state database has recorded (SPEC "State database").
import type { Command } from 'commander';
import { Option } from 'commander';
import { action } from '../src/cli/main.js';

export function register(program: Command): void {
  const ledger = program
    .command('ledger')
    .description('what was recorded in the state database: issued vouchers, review contacts / 状态数据库中的记录: 已发赔付券、评价联系记录');

  const what = () =>
    new Option('--what <what>', 'vouchers (default) or contacts / 导出赔付券 (默认) 或联系记录').choices(['vouchers', 'contacts']).default('vouchers');

  ledger
    .command('list')
    .description('recorded vouchers, or the latest contact status per order / 已记录的赔付券, 或每个订单的最新联系状态')
    .addOption(what())
    .option('--order <orderId>', 'only vouchers and contacts for this order / 只看这个订单')
    .action(action(async () => (await import('../src/state/run.js')).runLedgerList));

  ledger
    .command('export')
    .description('everything recorded: every voucher, or every contact attempt / 全部记录: 每张赔付券, 或每一次联系')
    .addOption(what())
    .option('--order <orderId>', 'only vouchers and contacts for this order / 只看这个订单')
    .action(action(async () => (await import('../src/state/run.js')).runLedgerExport));
}
