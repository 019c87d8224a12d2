// `storeops orders inspect|normalize` (SPEC "orders").
import type { Command } from 'commander';
import { action } from '../src/cli/main.js';

export function register(program: Command): void {
  const orders = program.command('orders').description('read order exports / 读取订单报表');
  orders
    .command('inspect')
    .description('what was read: platform, layout, encoding, row counts, rejected rows, date range, status counts, money totals / 报表体检')
    .argument('<file...>', 'order exports (csv/xlsx; - for stdin)')
    .action(action(async () => (await import('../src/orders/run.js')).runInspect));
  orders
    .command('normalize')
    .description('canonical order rows / 规范化订单行')
    .argument('<file...>', 'order exports (csv/xlsx; - for stdin)')
    .option('--lines', 'one row per order line (宝贝报表, 抖店 sub-orders)')
    .action(action(async () => (await import('../src/orders/run.js')).runNormalize));
}
