// `storeops compensate` (docs/cli.md "compensate").
import type { Command } from 'commander';
import { examples } from '../src/cli/help.js';
import { action } from '../src/cli/main.js';
import { addNotifyOptions } from '../src/notify/options.js';

export function register(program: Command): void {
  const compensate = program
    .command('compensate')
    .description('delayed-shipment compensation vouchers (docs/rules.md §1) / 延迟发货赔付红包 (docs/rules.md §1)')
    .argument('<file...>', 'order exports (csv/xlsx; - for stdin) / 订单报表 (csv/xlsx; - 为标准输入)')
    .option('--rules <auto|id|file>', 'auto (default): each order under its platform\'s rule set in force at its paid time; or one set for every order (storeops rules list; a 天猫国际 (Tmall Global) shop: tmall-global-2026, as its export looks like a Tmall one), or a JSON file like templates/rules/custom-example.json (拼多多: no official rate, your own file) / auto (默认): 每个订单按其平台在付款时生效的规则集; 或对所有订单指定一个规则集 (见 storeops rules list; 天猫国际店铺: tmall-global-2026, 其报表与天猫相同), 或 templates/rules/custom-example.json 格式的 JSON 文件 (拼多多没有官方比例: 用自己的规则文件)')
    .option('--ship-within <hours>', 'ship window when an order has no promised time (default from the rule set: 48; 天猫国际 overseas direct mail: 120) / 订单没有承诺发货时间时的发货时限 (默认取规则集: 48 小时; 天猫国际海外直邮: 120)')
    .option('--shipments <file>', 'pickup scans: 订单编号 (or 物流单号) and 揽收时间; preferred over 发货时间 / 揽收扫描表: 订单编号 (或物流单号) 和揽收时间; 优先于发货时间')
    .option('--delivery-failures <file>', 'order ids whose same-day/next-day/to-door promise was not kept / 当日达/次日达/送货上门未履约的订单编号')
    .option('--direct-mail <file>', '天猫国际 (tmall-global-2026): order ids shipped as overseas direct mail / consolidated import, judged under its 120 h window; the other orders are bonded (48 h, or --ship-within) / 天猫国际 (tmall-global-2026): 按海外直邮/集货进口发货的订单编号, 按 120 小时时限判断; 其余订单为保税 (48 小时, 或 --ship-within)')
    .option('--holidays <file>', '天猫国际 (tmall-global-2026): the origin\'s public holidays, one date (or span) a line; not counted in direct mail\'s 120 h (Beijing calendar days; config compensate.holidays) / 天猫国际 (tmall-global-2026): 发货地法定节假日, 每行一个日期 (或一段); 不计入直邮的 120 小时 (按北京时间自然日; 配置 compensate.holidays)')
    .option('--exclude <file>', 'order ids to leave out (force majeure, invalid address …) / 要排除的订单编号 (不可抗力、地址无效 …)')
    .option('--by <voucher|order>', 'one row per voucher (default) or per late order with its working / 每张红包一行 (默认), 或每个延迟订单一行并列出计算过程')
    .option('--at-risk <hours>', 'instead of vouchers: unshipped orders due within N hours (and those already late) / 改为列出 N 小时内到期 (及已超时) 的未发货订单')
    .option('--base <rule>', 'amount base: auto (default: what each rule set names), paid-minus-postage, paid, goods (docs/rules.md §1.4) / 计算基数: auto (默认: 各规则集指定的基数)、paid-minus-postage (实付减邮费)、paid (实付)、goods (货款) (docs/rules.md §1.4)')
    .option('--record', 'record final vouchers the shop must issue in the state database; already recorded ones are not counted again / 把确定且需商家发放的红包记入状态数据库; 已记录的不再重复计算')
    .option('--reissue <orders|all>', 'with --record: record the vouchers holding these orders although a recorded voucher (any rule set) already pays them, taking it over: only what it did not pay is to issue / 与 --record 一起: 即使已记录的红包 (任何规则集) 已赔付这些订单, 也记录含这些订单的红包, 接替此前的红包: 只发放此前未付的部分')
    .option('--new-shop', 'with --record: record a shop this state database holds nothing of, beside the other shops it holds (two shops sharing one database on purpose; once is enough) / 与 --record 一起: 把本数据库从未记录过的店铺与已有店铺一起记录 (两个店铺有意共用一个数据库; 加一次即可)')
    .option('--fail-on <condition>', 'new-vouchers: exit 1 when this run found vouchers not recorded before / new-vouchers: 发现此前未记录的红包时以退出码 1 结束');
  addNotifyOptions(compensate)
    .action(action(async () => (await import('../src/compensation/run.js')).runCompensate));
  examples(compensate, [
    ['compensate examples/ExportOrderList202611.csv --as-of "2026-11-20 12:00:00"', 'the vouchers owed as of a given time', '截至某一时间应发的赔付红包'],
    ['compensate ORDERS.csv --at-risk 12', 'act now: unshipped orders due within 12 h', '马上处理: 12 小时内到期的未发货订单'],
    ['compensate ORDERS.csv --shipments scans.csv --by order', 'real pickup times; one row per late order with its working', '用真实揽收时间; 每个延迟订单一行, 附计算过程'],
    ['compensate ORDERS.csv --record --fail-on new-vouchers -o vouchers.xlsx', 'for cron: record vouchers once, exit 1 when new ones appear', 'cron 用: 每张红包只记一次, 有新红包时退出码 1'],
  ]);
}
