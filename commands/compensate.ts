// `storeops compensate` (SPEC "compensate").
import type { Command } from 'commander';
import { action } from '../src/cli/main.js';
import { addNotifyOptions } from '../src/notify/options.js';

export function register(program: Command): void {
  const compensate = program
    .command('compensate')
    .description('delayed-shipment compensation vouchers (RULES §1) / 延迟发货赔付红包')
    .argument('<file...>', 'order exports (csv/xlsx; - for stdin)')
    .option('--rules <id|file>', 'rule set: tmall-2023 (default), tmall-2026, or a JSON file like templates/rules/*.json')
    .option('--ship-within <hours>', 'ship window when an order has no promised time (default from the rule set: 48)')
    .option('--shipments <file>', 'pickup scans: 订单编号 (or 物流单号) and 揽收时间; preferred over 发货时间')
    .option('--delivery-failures <file>', 'order ids whose same-day/next-day/to-door promise was not kept')
    .option('--exclude <file>', 'order ids to leave out (force majeure, invalid address …)')
    .option('--by <voucher|order>', 'one row per voucher (default) or per late order with its working')
    .option('--at-risk <hours>', 'instead of vouchers: unshipped orders due within N hours (and those already late)')
    .option('--base <rule>', 'amount base: paid-minus-postage (default), paid, goods (RULES 1.4)')
    .option('--record', 'record final vouchers in the state database; already recorded ones are not counted again')
    .option('--reissue <orders|all>', 'with --record: pay these orders again although a recorded voucher (any rule set) already pays them; recorded as a re-issue')
    .option('--fail-on <condition>', 'new-vouchers: exit 1 when this run found vouchers not recorded before');
  addNotifyOptions(compensate)
    .action(action(async () => (await import('../src/compensation/run.js')).runCompensate));
}
