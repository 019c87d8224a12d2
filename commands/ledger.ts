// `storeops ledger list | export`: what the state database has recorded (SPEC "State database").
import type { Command } from 'commander';
import { Option } from 'commander';
import { examples } from '../src/cli/help.js';
import { action } from '../src/cli/main.js';

export function register(program: Command): void {
  const ledger = program
    .command('ledger')
    .description('what was recorded in the state database: issued vouchers, review contacts / 状态数据库中的记录: 已发赔付券、评价联系记录');

  const what = () =>
    new Option('--what <what>', 'vouchers (default) or contacts / 导出赔付券 (默认) 或联系记录').choices(['vouchers', 'contacts']).default('vouchers');

  const list = ledger
    .command('list')
    .description('recorded vouchers, or the latest contact status per order / 已记录的赔付券, 或每个订单的最新联系状态')
    .addOption(what())
    .option('--order <orderId>', 'only vouchers and contacts for this order / 只看这个订单')
    .action(action(async () => (await import('../src/state/run.js')).runLedgerList));

  const exp = ledger
    .command('export')
    .description('everything recorded: every voucher, or every contact attempt / 全部记录: 每张赔付券, 或每一次联系')
    .addOption(what())
    .option('--order <orderId>', 'only vouchers and contacts for this order / 只看这个订单')
    .action(action(async () => (await import('../src/state/run.js')).runLedgerExport));
  examples(list, [
    ['ledger list', 'recorded vouchers, oldest first', '已记录的赔付红包, 按时间先后'],
    ['ledger list --order 3551234567890123456', 'was this order compensated?', '这个订单赔过吗?'],
    ['ledger list --what contacts', 'latest review-contact status per order', '每个订单最新的评价联系状态'],
  ]);
  examples(exp, [
    ['ledger export -o vouchers.xlsx', 'every voucher, into a spreadsheet', '全部赔付红包, 写入表格'],
    ['ledger export --what contacts -f json', 'every contact attempt, ISO times', '每一次联系, ISO 时间'],
  ]);
}
