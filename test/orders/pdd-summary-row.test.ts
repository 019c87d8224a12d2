// A 合计 (total) row a WPS/Excel user adds below a 拼多多 export (user27). The PDD export's first
// column is 商品 (the product title), before 订单号, so the label lands in the title column, which the
// reader took for a product's name: the row was rejected as "order id is empty", every hourly
// `--strict` run exited 3 and produced nothing, and without --strict the run exited 1 ("rows were
// rejected") for a row that is no order. A total row names no order: no 订单号, no 订单状态, no
// 订单成交时间 (nor 支付时间). Such a row is now a summary line at the end (skipped and named, exit
// unchanged), as a 合计 before the id column of a Tmall 订单报表 always was. A row whose 商品 starts with
// 合计 but which has a status or a paid time is a product row with a lost id: still rejected.
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { PDD_HEADERS } from '../../scripts/export-layouts.mjs';
import { tmpDir } from '../helpers.js';
import { plainCsv, write } from './build.js';
import { cli, json } from './expected.js';

const TZS = ['UTC', 'America/Los_Angeles'];
const RULES = 'templates/rules/custom-example.json';
const AS_OF = '2026-11-20 12:00:00';

// Two late orders under the example rule file (late up to 72 h: 5 %, min 3.00, max 30.00; platform
// deducts), worked by hand (48 h window from 订单成交时间, no 承诺发货时间 column):
//   A 200.00 paid 11-10 09:00:00, due 11-12 09:00:00, shipped 11-13 10:00:00: 25 h late, 5 % = 10.00
//   B  99.90 paid 11-15 11:00:00, due 11-17 11:00:00, shipped 11-17 11:00:01: 1 s late,
//            5 % = 4.995 → 5.00 (half-up to the fen), above the 3.00 minimum
//   deducted in all 10.00 + 5.00 = 15.00; 2 orders read, both late.
const A = { 商品: '加厚羊毛围巾', 订单号: '261110-313147329357901', 订单状态: '已收货', '商品总价(元)': '200.00', '邮费(元)': '0.00', '用户实付金额(元)': '200.00', '商品数量(件)': '1', 发货时间: '2026-11-13 10:00:00', 订单成交时间: '2026-11-10 09:00:00' };
const B = { 商品: '羊毛袜 三双装', 订单号: '261114-650012233445502', 订单状态: '已收货', '商品总价(元)': '99.90', '邮费(元)': '0.00', '用户实付金额(元)': '99.90', '商品数量(件)': '1', 发货时间: '2026-11-17 11:00:01', 订单成交时间: '2026-11-15 11:00:00' };
// What a spreadsheet user types: the label in column A, sums under the money columns.
const TOTAL = { 商品: '合计', '商品总价(元)': '299.90', '用户实付金额(元)': '299.90', '商品数量(件)': '2' };
// A product named 合计… whose 订单号 was lost: it has a status and a paid time, so it is an order.
const LOST = { 商品: '合计装 羊毛袜两双', 订单状态: '已收货', '用户实付金额(元)': '20.00', 发货时间: '2026-11-16 09:00:00', 订单成交时间: '2026-11-15 12:00:00' };

let withTotal: string;
let lostId: string;
beforeAll(() => {
  const dir = tmpDir('storeops-pdd-total-');
  withTotal = write(dir, 'pdd-total.csv', plainCsv(PDD_HEADERS as string[], [A, B, TOTAL]));
  lostId = write(dir, 'pdd-lost.csv', plainCsv(PDD_HEADERS as string[], [A, B, LOST]));
});

describe.each(TZS)('拼多多 total row in the 商品 column (TZ=%s)', (tz) => {
  it('is a summary line: skipped and named, 2 orders, 0 rejected', () => {
    const r = cli(['orders', 'inspect', withTotal, '-f', 'json'], { tz });
    expect(r.code).toBe(0);
    const [s] = json(r);
    expect(s).toMatchObject({ rowsRead: 2, accepted: 2, rejected: 0, summaryRows: 1 });
    expect(r.stderr).toContain('pdd-total.csv:4: summary line, skipped');
  });

  it('compensate --strict: 10.00 + 5.00 = 15.00 deducted, exit 0 (was exit 3, nothing computed)', () => {
    const r = cli(['compensate', withTotal, '--rules', RULES, '--strict', '-f', 'json', '--as-of', AS_OF], { tz });
    expect(r.code).toBe(0);
    const rows = json(r);
    expect(rows.map((v) => [(v.orderIds as string[]).join(';'), v.amount])).toEqual([
      ['261110-313147329357901', '10.00'],
      ['261114-650012233445502', '5.00'],
    ]);
    expect(r.stderr).toMatch(/2 to be deducted by the platform totalling 15\.00/);
  });

  it('a 合计… product with a status and paid time but no 订单号 is still rejected (exit 1)', () => {
    const r = cli(['orders', 'inspect', lostId, '-f', 'json'], { tz });
    expect(r.code).toBe(1);
    const [s] = json(r);
    expect(s).toMatchObject({ rowsRead: 3, accepted: 2, rejected: 1, summaryRows: 0 });
  });
});
