// `storeops ledger list | export | alerts`: what the state database has recorded (SPEC "State database"),
// and the notify alerts it holds to post again (docs/notify.md).
import type { Command } from 'commander';
import { Option } from 'commander';
import { examples } from '../src/cli/help.js';
import { action } from '../src/cli/main.js';

export function register(program: Command): void {
  const ledger = program
    .command('ledger')
    .description('what was recorded in the state database: issued vouchers, review contacts / 状态数据库中的记录: 已记录的红包、评价联系记录');

  const what = () =>
    new Option('--what <what>', 'which records: vouchers or contacts / 哪类记录: 红包 (vouchers) 或联系记录 (contacts)').choices(['vouchers', 'contacts']).default('vouchers');

  const list = ledger
    .command('list')
    .description('recorded vouchers, or the latest contact status per order / 已记录的红包, 或每个订单的最新联系状态')
    .addOption(what())
    .option('--order <orderId>', 'only vouchers and contacts for this order / 只看这个订单的红包和联系记录')
    .option('--shop <shop>', 'only the vouchers of this shop: its 店铺Id or 店铺名称 (the shop column), several shops sharing one state database / 只看这个店铺的红包: 店铺Id 或 店铺名称 (店铺列), 多个店铺共用一个状态数据库时用')
    .option('--month <YYYY-MM>', 'only the vouchers recorded in this month, Beijing time (the recordedAt column), to hand a month over / 只看这个月 (北京时间, 按 记录时间 列) 记录的红包, 月底交接用')
    .action(action(async () => (await import('../src/state/run.js')).runLedgerList));

  const exp = ledger
    .command('export')
    .description('everything recorded: every voucher, or every contact attempt / 全部记录: 每个红包, 或每一次联系')
    .addOption(what())
    .option('--order <orderId>', 'only vouchers and contacts for this order / 只看这个订单的红包和联系记录')
    .option('--shop <shop>', 'only the vouchers of this shop: its 店铺Id or 店铺名称 (the shop column), several shops sharing one state database / 只看这个店铺的红包: 店铺Id 或 店铺名称 (店铺列), 多个店铺共用一个状态数据库时用')
    .option('--month <YYYY-MM>', 'only the vouchers recorded in this month, Beijing time (the recordedAt column), to hand a month over / 只看这个月 (北京时间, 按 记录时间 列) 记录的红包, 月底交接用')
    .action(action(async () => (await import('../src/state/run.js')).runLedgerExport));
  const alerts = ledger
    .command('alerts')
    .description('notify alerts held to post again (a robot did not accept them); --drop one, or all of a shop / 保留待补发的通知 (机器人未接收); --drop 删除一条或某店铺的全部')
    .option('--shop <shop>', 'only the alerts of this shop (the shop column) / 只看这个店铺的通知 (店铺列)')
    .option('--drop <id|all>', 'drop this held alert (the id column), or all (of --shop): never posted / 删除这条保留的通知 (编号列), 或 all 全部 (加 --shop 则该店铺的全部), 不再发送')
    .option('--yes', 'with --drop all: no confirmation asked (cron) / 与 --drop all 一起: 不询问确认 (定时任务用)')
    .action(action(async () => (await import('../src/state/alerts.js')).runLedgerAlerts));
  examples(list, [
    ['ledger list', 'recorded vouchers, oldest first', '已记录的赔付红包, 按时间先后'],
    ['ledger list --order 3551234567890123456', 'was this order compensated?', '这个订单赔过吗?'],
    ['ledger list --what contacts', 'latest review-contact status per order', '每个订单最新的评价联系状态'],
  ]);
  examples(alerts, [
    ['ledger alerts', 'alerts a robot did not accept, held to post again', '机器人未接收、保留待补发的通知'],
    ['ledger alerts --drop voucher:v0c7d9f4ff93c7daa0ab3', 'drop one: it is never posted', '删除一条: 不再发送'],
    ['ledger alerts --drop all --shop 100200300 --yes', "drop every alert held for that shop, no question asked", '删除该店铺保留的全部通知, 不询问'],
  ]);
  examples(exp, [
    ['ledger export -o vouchers.xlsx', 'every voucher, into a spreadsheet', '全部赔付红包, 写入表格'],
    ['ledger export --shop 100200300 -o 100200300-vouchers.xlsx', "one shop's vouchers, for its client at month end", '一个店铺的红包, 月底交给该店客户'],
    ['ledger export --month 2026-11 -o 2026-11-vouchers.xlsx', 'the vouchers recorded in November, Beijing time', '11 月 (北京时间) 记录的红包'],
    ['ledger export --what contacts -f json', 'every contact attempt, ISO times', '每一次联系, ISO 时间'],
  ]);
}
