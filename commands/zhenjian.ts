// `storeops zhenjian estimate [file]`: what Tmall 甄检 quality testing will really cost (SPEC
// "zhenjian estimate", RULES §3). Options only; the body lives in src/zhenjian/run.ts.
import type { Command } from 'commander';
import { examples } from '../src/cli/help.js';
import { action } from '../src/cli/main.js';

export function register(program: Command): void {
  const zj = program.command('zhenjian').description('Tmall 甄检 quality testing: what it will really cost / 天猫甄检: 真实费用估算');
  const estimate = zj
    .command('estimate')
    .description(
      'cost per product: registration estimate, real charge, real cost, balance, yearly view, dates and rule checks; ' +
        'interactive when no file is given on a terminal / 每个商品的报名页预估、实际扣款、真实成本、所需余额、年度费用、日期与规则检查; 在终端不给文件时逐项询问',
    )
    .argument('[file]', 'product file, csv or xlsx (- for stdin) / 商品表 (csv 或 xlsx, - 为标准输入)')
    .option('--balance <amount>', 'Alipay balance under the withholding agreement, checked against the charge / 代扣协议下的支付宝余额, 与实际扣款比较检查')
    .option('--avg-order <amount>', "shop's average order price (config zhenjian.avgOrder) / 店铺平均客单价 (配置 zhenjian.avgOrder)")
    .option('--labels <file>', 'label selections to check: itemId, label, mandatory, displayed[, tested] / 要检查的品质标签选择表: 商品ID, 检测项目, 必检, 展示[, 检测]')
    .option('--commission <rate>', 'platform commission rate, 0.05 or 5% (config zhenjian.commissionRate) / 平台佣金率, 0.05 或 5% (配置 zhenjian.commissionRate)')
    .option('--shipping <amount>', 'shipping per sample when the file has none (config zhenjian.shippingPerSample) / 文件中没有运费时每件样品的运费 (配置 zhenjian.shippingPerSample)')
    .option('--far-above <ratio>', 'explain when the charge exceeds this many times the registration estimate (default 2) / 实际扣款超过报名页预估的几倍时说明原因 (默认 2)')
    .option('--categories <file>', 'category sample-count table (default templates/zhenjian/categories.json; config zhenjian.categories) / 类目购样数量表 (默认 templates/zhenjian/categories.json; 配置 zhenjian.categories)')
    .action(action(async () => (await import('../src/zhenjian/run.js')).runEstimate));
  examples(estimate, [
    ['zhenjian estimate', 'answer the questions on a terminal, then append to a csv', '在终端逐项回答, 然后追加到 csv'],
    ['zhenjian estimate examples/zhenjian-products.csv --avg-order 150 --balance 5000', 'cost per product, and the Alipay balance check', '每个商品的费用, 并检查支付宝余额'],
    ['zhenjian estimate my-products.xlsx -o estimate.xlsx --commission 5%', 'every column into a spreadsheet', '全部列写入表格'],
  ]);
}
