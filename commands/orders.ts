// `storeops orders inspect|normalize` (docs/cli.md "orders").
import type { Command } from 'commander';
import { examples } from '../src/cli/help.js';
import { action } from '../src/cli/main.js';

export function register(program: Command): void {
  const orders = program.command('orders').description('read order exports / 读取订单报表');
  const inspect = orders
    .command('inspect')
    .description(
      'what was read: platform, layout, encoding, row counts, rejected rows, date range, status counts, money totals / 报表体检: 平台、报表格式、编码、行数、被拒绝的行、日期范围、各状态数量、金额合计',
    )
    .argument('<file...>', 'order exports (csv/xlsx; - for stdin) / 订单报表 (csv/xlsx; - 为标准输入)')
    .action(action(async () => (await import('../src/orders/run.js')).runInspect));
  examples(inspect, [
    ['orders inspect examples/ExportOrderList202611.csv', 'is this export readable? what is in it?', '这个报表能读吗? 里面有什么?'],
    ['orders inspect ExportOrderList*.csv ExportOrderDetailList*.csv -f csv', 'one row per file, for scripts', '每个文件一行, 供脚本使用'],
  ]);
  const normalize = orders
    .command('normalize')
    .description('canonical order rows / 规范化的订单行')
    .argument('<file...>', 'order exports (csv/xlsx; - for stdin) / 订单报表 (csv/xlsx; - 为标准输入)')
    .option('--lines', 'one row per order line (宝贝报表, 抖店 sub-orders) / 每个子订单一行 (宝贝报表、抖店子订单)')
    .action(action(async () => (await import('../src/orders/run.js')).runNormalize));
  examples(normalize, [
    ['orders normalize examples/ExportOrderList202611.csv -o orders.xlsx', 'canonical orders, ids as text cells', '规范化订单, 编号为文本单元格'],
    ['orders normalize ExportOrderDetailList*.csv ExportOrderList*.csv --lines -f json', 'one row per order line, as JSON', '每个子订单一行, JSON 格式'],
  ]);
}
