// A row whose 订单状态 the layout does not know was rejected as `unknown order status "已发货，退款中"`
// and nothing more (user27): whether the cell or storeops was wrong, and what to do, was left to
// guess. The reason now lists the statuses of that export (its own words) and what to do.
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { PDD_HEADERS } from '../../scripts/export-layouts.mjs';
import { tmpDir } from '../helpers.js';
import { plainCsv, write } from './build.js';
import { cli } from './expected.js';

const ROW = { 商品: '羊毛袜', 订单号: '261114-650012233445502', 订单状态: '已发货，退款中', '用户实付金额(元)': '99.90', 发货时间: '2026-11-17 11:00:01', 订单成交时间: '2026-11-15 11:00:00' };
const OK = { ...ROW, 订单号: '261110-313147329357901', 订单状态: '已收货' };

let file: string;
beforeAll(() => {
  file = write(tmpDir('storeops-status-'), 'pdd.csv', plainCsv(PDD_HEADERS as string[], [OK, ROW]));
});

describe('unknown 拼多多 status', () => {
  it('zh: the statuses of the export and what to do; the row counted rejected (exit 1)', () => {
    const r = cli(['orders', 'inspect', file, '-f', 'json', '--lang', 'zh']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'pdd.csv:3 [订单状态]: 未知的订单状态 "已发货，退款中" (拼多多 订单导出的状态: 待支付、待付款、待发货、已付款，待发货、未发货，待发货、已发货，待收货、已发货、已收货、已签收、未发货，退款成功、已发货，退款成功、已收货，退款成功、已取消、交易关闭): 这一行的订单没有计算; 检查这个单元格 (在表格软件里改过的, 请重新导出), 平台新用的状态要 storeops 更新后才能读取',
    );
  });

  it('en names them too', () => {
    const r = cli(['orders', 'inspect', file, '-f', 'json', '--lang', 'en']);
    expect(r.stderr).toContain('pdd.csv:3 [订单状态]: unknown order status "已发货，退款中" (the statuses of a Pinduoduo (拼多多) order export: 待支付、');
    expect(r.stderr).toContain("this row's order was not computed; check the cell (edited in a spreadsheet: export again)");
  });
});
