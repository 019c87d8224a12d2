// The wrong kind of file: each storeops input is recognised by its header, and a command given
// another kind says what the file is and how to read it (exit 3), in both languages.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/cli/kinds.js';
import fs from 'node:fs';
import path from 'node:path';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const ex = (f: string) => `${EXAMPLES}/${f}`;

describe('which kind of input a header is', () => {
  it('recognises every kind storeops reads', () => {
    expect(classify(['订单编号', '买家会员名', '买家实际支付金额', '订单状态', '订单付款时间', '宝贝标题'])).toBe('orders');
    expect(classify(['子订单编号', '主订单编号', '标题', '价格', '购买数量', '商品属性', '订单状态'])).toBe('items');
    expect(classify(['订单编号', '买家会员名', '评价结果', '评价时间', '评价内容'])).toBe('reviews');
    expect(classify(['订单编号', '揽收时间'])).toBe('shipments');
    expect(classify(['客服', '2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-07'])).toBe('roster');
    expect(classify(['agent', 'date', 'shift', 'start', 'end'])).toBe('roster');
    // roster plan --agents: an agent column and a note (examples/roster/agents.csv); a bare name list is no guess.
    expect(classify(['客服', '备注'])).toBe('agents');
    expect(classify(['agent'])).toBe('agents');
    expect(classify(['姓名', '备注'])).toBeUndefined();
    expect(classify(['商品ID', '一口价', '成本', '服务费'])).toBe('zhenjian-products');
    expect(classify(['商品ID', '检测项目', '必检', '展示'])).toBe('zhenjian-labels');
    // Not clearly anything: no guess.
    expect(classify(['name', 'value'])).toBeUndefined();
    expect(classify([])).toBeUndefined();
  });
});

describe('a command given the wrong kind of file', () => {
  const cases: [string[], string, string][] = [
    [['compensate', ex('reviews.csv')], 'is a review table, not what storeops compensate reads here', 'storeops reviews queue'],
    [['compensate', ex('zhenjian-products.csv')], 'is a 甄检 product table, not what storeops compensate reads here', 'storeops zhenjian estimate'],
    [['compensate', ex('shipments.csv')], 'is a pickup-scan file, not what storeops compensate reads here', `storeops compensate ORDERS.csv --shipments ${ex('shipments.csv')}`],
    [['roster', 'check', ex('ExportOrderList202611.csv')], 'is an order export, not what storeops roster check reads here', 'storeops compensate'],
    [['reviews', 'queue', ex('roster/roster-2026-11.csv')], 'is a shift roster, not what storeops reviews queue reads here', 'storeops roster check'],
    [['reviews', 'queue', ex('ExportOrderDetailList202611.csv')], 'is an item report (宝贝报表, one row per order line), not what storeops reviews queue reads here', 'storeops orders normalize'],
    [['zhenjian', 'estimate', ex('shipments.csv')], 'is a pickup-scan file, not what storeops zhenjian estimate reads here', 'storeops compensate ORDERS.csv --shipments'],
    [['orders', 'inspect', ex('zhenjian-labels.csv')], 'is a 甄检 label selection, not what storeops orders inspect reads here', 'storeops zhenjian estimate PRODUCTS.csv --labels'],
    [['compensate', ex('roster/agents.csv')], 'is an agent list, not what storeops compensate reads here', `storeops roster plan --month YYYY-MM --agents ${ex('roster/agents.csv')}`],
    [['compensate', ex('ExportOrderList202611.csv'), '--shipments', ex('reviews.csv')], 'is a review table, not what storeops compensate reads here', 'storeops reviews queue'],
  ];
  for (const [args, said, how] of cases) {
    it(`${args.slice(0, -1).join(' ')} ${args.at(-1)!.replace(EXAMPLES + '/', '')}`, () => {
      const r = runCli(args);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(said);
      expect(r.stderr).toContain(`hint: read it with: ${how}`);
    });
  }

  it('in Chinese too', () => {
    const r = runCli(['compensate', ex('reviews.csv'), '--lang', 'zh']);
    expect(r.stderr).toBe(`storeops: 错误: ${ex('reviews.csv')} 是评价表, 不是 storeops compensate 在这里要读的文件\n  提示: 这样读取它: storeops reviews queue ${ex('reviews.csv')}\n`);
  });

  it('a file of the right kind with a missing column still names the column', () => {
    // An order export given as pickup scans: compensate does read order exports, so the message is the column's.
    const r = runCli(['compensate', ex('ExportOrderList202611.csv'), '--shipments', ex('ExportOrderList202611.csv')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('required column "揽收时间" is missing');
  });

  it('orders inspect / normalize given a review table: says it is one (it was read as a reduced order export, exit 0)', () => {
    // reviews.csv has 订单编号, 买家会员名, 宝贝标题 — enough for the taobao-orders layout — and 评价结果,
    // 评价时间, 评价内容, 追评…, 描述相符…: before, inspect printed 9 orders with status 未知 and exit 0.
    const f = ex('reviews.csv');
    const zh = runCli(['orders', 'inspect', f, '--lang', 'zh']);
    expect(zh.code).toBe(3);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toBe(`storeops: 错误: ${f} 是评价表, 不是 storeops orders inspect 在这里要读的文件\n  提示: 这样读取它: storeops reviews queue ${f}\n`);
    const en = runCli(['orders', 'normalize', f, '--lang', 'en']);
    expect(en.code).toBe(3);
    expect(en.stderr).toBe(`storeops: error: ${f} is a review table, not what storeops orders normalize reads here\n  hint: read it with: storeops reviews queue ${f}\n`);
    // Given as --orders beside the reviews (the queue reads reviews as its argument): the reader's own words.
    const side = runCli(['reviews', 'queue', f, '--orders', f, '--lang', 'en', '--as-of', '2026-11-25 10:00:00']);
    expect(side.code).toBe(3);
    expect(side.stderr).toBe(`storeops: error: ${f} looks like a review table (a 评价 export), not an order export\n  hint: read reviews with: storeops reviews queue ${f}; here, give the order export from the shop's back office (店铺后台).\n`);
  });

  it('reviews queue given an order export: also how to give it beside the reviews (--orders)', () => {
    const f = ex('ExportOrderList202611.csv');
    const en = runCli(['reviews', 'queue', f, '--lang', 'en']);
    expect(en.code).toBe(3);
    expect(en.stderr).toBe(
      `storeops: error: ${f} is an order export, not what storeops reviews queue reads here\n` +
        `  hint: read it with: storeops compensate ${f}; for the review queue, give it beside the review table with --orders: storeops reviews queue REVIEWS.csv --orders ${f}\n`,
    );
    const zh = runCli(['reviews', 'queue', f, '--lang', 'zh']);
    expect(zh.stderr).toBe(
      `storeops: 错误: ${f} 是订单报表, 不是 storeops reviews queue 在这里要读的文件\n` +
        `  提示: 这样读取它: storeops compensate ${f}; 用于评价跟进时, 在评价表后面用 --orders 给出: storeops reviews queue <评价文件> --orders ${f}\n`,
    );
  });

  // The zh hints carried the en text's placeholders (ORDERS.csv, REVIEWS.csv, PRODUCTS.csv, F) in
  // an otherwise Chinese line; zh help writes its placeholders as <文件>, <小时>: the hints now write
  // <订单文件>, <评价文件>, <商品文件>, <揽收文件>. The file given is named as it is. Expected lines:
  // the message tables' text with the placeholder put in by hand.
  it('zh hints name the files not given with Chinese placeholders (<订单文件> …), not ORDERS.csv', () => {
    const run = (args: string[]) => runCli([...args, '--lang', 'zh'], { cwd: EXAMPLES });
    expect(run(['compensate', 'shipments.csv']).stderr).toBe('storeops: 错误: shipments.csv 是揽收扫描表, 不是 storeops compensate 在这里要读的文件\n  提示: 这样读取它: storeops compensate <订单文件> --shipments shipments.csv\n');
    expect(run(['orders', 'inspect', 'zhenjian-labels.csv']).stderr).toBe('storeops: 错误: zhenjian-labels.csv 是甄检品质标签表, 不是 storeops orders inspect 在这里要读的文件\n  提示: 这样读取它: storeops zhenjian estimate <商品文件> --labels zhenjian-labels.csv\n');
    expect(run(['compensate', 'ExportOrderList202611.csv', '--exclude', 'zhenjian-labels.csv']).stderr).toBe(
      'storeops: 错误: --exclude zhenjian-labels.csv 是甄检品质标签表, 不是排除订单列表: 会把其中每个订单都当作列表中的订单\n' +
        '  提示: --exclude 的列表只要一列 订单编号 (每行一个订单)。这个文件这样读取: storeops zhenjian estimate <商品文件> --labels zhenjian-labels.csv\n',
    );
    expect(run(['compensate', 'delivery-failures.csv']).stderr).toBe(
      'storeops: 错误: delivery-failures.csv: 无法识别的报表格式; 找到的列: 订单编号\n' +
        '  提示: 这是只有订单编号一列的列表, 不是订单报表: 要排除的订单用 storeops compensate <订单文件> --exclude delivery-failures.csv, 当日达/次日达未履约的用 --delivery-failures delivery-failures.csv。\n',
    );
    expect(run(['compensate', 'ExportOrderList202611.csv', '--fail-on', 'new-vouchers']).stderr).toContain('  提示: 加上 --record (定时任务: storeops compensate <订单文件> --record --fail-on new-vouchers -o 红包.xlsx); 不记录时');
    // Into a pipe the page is laid out for 80 columns (text48): the line is 88 wide, so its comment
    // breaks at the clause end under itself (wrapPage); the command stays whole.
    expect(run(['help', 'rules']).stdout).toContain('\n  storeops compensate <订单文件> --rules tmall-2026    指定规则集;\n' + ' '.repeat(55) + '或一个 JSON 规则文件');
  });

  it('a file name holding $& is named as it is in the hint (String.replace took it as a pattern: aFILEb.csv)', () => {
    const dir = tmpDir();
    fs.copyFileSync(ex('shipments.csv'), path.join(dir, 'a$&b.csv'));
    const r = runCli(['compensate', 'a$&b.csv', '--lang', 'en'], { cwd: dir });
    expect(r.stderr).toContain('  hint: read it with: storeops compensate ORDERS.csv --shipments a$&b.csv\n');
  });
});
