// Issue 14 items 6 and 7. (6) The unit price (宝贝报表 价格/商品价格, 抖店 商品单价 or 商品金额) and
// the 抖店 货号 are written by `orders normalize`: price per line with --lines, 货号 as articleNo.
// (7) The PDD 2023 layout of 82 columns (支付时间, 订单成交时间, 承诺发货时间) is detected and its
// 承诺发货时间 is the promised ship time. Expected values worked out by hand from the rows below.
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { PDD_HEADERS, TAOBAO_ITEM_LAYOUTS } from '../../scripts/export-layouts.mjs';
import { tmpDir } from '../helpers.js';
import { plainCsv, write } from './build.js';
import { cli, json } from './expected.js';

const TZS = ['UTC', 'America/Los_Angeles'];

// 抖店 naming the unit price 商品金额 and carrying 货号. Order …751 has two lines:
//   line …752: 2 × 49.90, paid 99.80, 货号 BW-001; line …753: 1 × 29.00, paid 29.00, 货号 BW-002.
const DY = ['主订单编号', '子订单编号', '选购商品', '商品数量', '商品金额', '货号', '订单应付金额', '订单提交时间', '支付完成时间', '订单状态', '承诺发货时间', '发货时间'];
const DY_ROWS = [
  { 主订单编号: '6917926768823643751', 子订单编号: '6917926768823643752', 选购商品: '保温杯', 商品数量: '2', 商品金额: '49.90', 货号: 'BW-001', 订单应付金额: '99.80', 订单提交时间: '2026-11-18 20:00:00', 支付完成时间: '2026-11-18 20:01:00', 订单状态: '已发货', 承诺发货时间: '2026-11-20 20:01:00', 发货时间: '2026-11-19 09:30:00' },
  { 主订单编号: '6917926768823643751', 子订单编号: '6917926768823643753', 选购商品: '杯套', 商品数量: '1', 商品金额: '29.00', 货号: 'BW-002', 订单应付金额: '29.00', 订单提交时间: '2026-11-18 20:00:00', 支付完成时间: '2026-11-18 20:01:00', 订单状态: '已发货', 承诺发货时间: '2026-11-20 20:01:00', 发货时间: '2026-11-19 09:30:00' },
];

// 宝贝报表 (28 columns): one line of 2 × 64.00 = 128.00.
const T28: string[] = (TAOBAO_ITEM_LAYOUTS as Record<string, string[]>)[28]!;
const ITEM = { 子订单编号: '5200000000000000808', 主订单编号: '5200000000000000801', 标题: '羊毛围巾 红色', 价格: '64.00', 购买数量: '2', 订单状态: '卖家已发货，等待买家确认', 买家实际支付金额: '128.00', 订单付款时间: '2026-11-18 15:00:00', 发货时间: '2026-11-19 10:00:00' };

// PDD 2023: the 27 columns, plus 支付时间, 承诺发货时间 and the receiver columns, then other columns
// the reader does not use, 82 in all (docs/formats.md: "a 2023 layout of about 82 columns").
const PDD82: string[] = [...(PDD_HEADERS as string[]), '支付时间', '承诺发货时间', '收货人', '手机', '详细地址', '买家昵称'];
for (let i = 1; PDD82.length < 82; i++) PDD82.push(`其他列${i}`);
const PDD_ROW = {
  商品: '儿童保温杯', 订单号: '260601-123456789012345', 订单状态: '已发货，待收货', '商品总价(元)': '59.90', '邮费(元)': '0.00', '用户实付金额(元)': '55.90',
  '商品数量(件)': '1', 发货时间: '2026-06-02 18:00:00', 订单成交时间: '2026-06-01 10:00:00', 支付时间: '2026-06-01 10:00:05', 承诺发货时间: '2026-06-03 10:00:05',
  收货人: '张三', 手机: '13800138000', 详细地址: '广东省 广州市 天河区 体育西路1号', 买家昵称: 'pdd用户甲',
};

let dir: string;
let douyin: string;
let items: string;
let pdd: string;
beforeAll(() => {
  dir = tmpDir('storeops-price-');
  douyin = write(dir, 'douyin.csv', plainCsv(DY, DY_ROWS));
  items = write(dir, 'ExportOrderDetailList202611201200.csv', plainCsv(T28, [ITEM]));
  pdd = write(dir, 'a1b2orders_export2026-06-05-10-00-00.csv', plainCsv(PDD82, [PDD_ROW]));
});

describe('unit price and 货号 in normalize output (item 6)', () => {
  it('抖店 商品金额 is the unit price and 货号 the article number: per line with --lines', () => {
    const rows = json(cli(['orders', 'normalize', douyin, '--lines', '-f', 'json']));
    expect(rows.map((r) => [r.lineId, r.price, r.articleNo, r.quantity, r.paidAmount])).toEqual([
      ['6917926768823643752', '49.90', 'BW-001', 2, '99.80'],
      ['6917926768823643753', '29.00', 'BW-002', 1, '29.00'],
    ]);
    const [s] = json(cli(['orders', 'inspect', douyin, '-f', 'json']));
    expect(s!.columnsMapped).toEqual(expect.arrayContaining(['price=商品金额', 'articleNo=货号']));
  });

  it('without --lines the order has no one unit price; its 货号 are joined; paid 99.80 + 29.00 = 128.80', () => {
    const [o] = json(cli(['orders', 'normalize', douyin, '-f', 'json']));
    expect(o).toMatchObject({ orderId: '6917926768823643751', lineId: null, price: null, articleNo: 'BW-001;BW-002', quantity: 3, paidAmount: '128.80' });
  });

  it('csv output has the 单价/price and 货号/articleNo columns (zh and en headers)', () => {
    const en = cli(['orders', 'normalize', douyin, '--lines', '-f', 'csv', '--lang', 'en']).stdout.split('\n');
    const h = en[0]!.split(',');
    expect(en[1]!.split(',')[h.indexOf('price')]).toBe('49.90');
    expect(en[1]!.split(',')[h.indexOf('articleNo')]).toBe('BW-001');
    const zh = cli(['orders', 'normalize', douyin, '--lines', '-f', 'csv', '--lang', 'zh']).stdout.split('\n');
    const hz = zh[0]!.split(',');
    expect(zh[2]!.split(',')[hz.indexOf('单价')]).toBe('29.00');
    expect(zh[2]!.split(',')[hz.indexOf('货号')]).toBe('BW-002');
  });

  it('宝贝报表 价格 with --lines', () => {
    const [l] = json(cli(['orders', 'normalize', items, '--lines', '-f', 'json']));
    expect(l).toMatchObject({ lineId: '5200000000000000808', orderId: '5200000000000000801', price: '64.00', quantity: 2, paidAmount: '128.00' });
  });
});

describe('PDD 2023 82-column layout (item 7)', () => {
  for (const tz of TZS) {
    it(`detected as pdd-orders-82; 支付时间 is the paid time and 承诺发货时间 the promised ship time (TZ=${tz})`, () => {
      const [s] = json(cli(['orders', 'inspect', pdd, '-f', 'json'], { tz }));
      expect(s).toMatchObject({ platform: 'pdd', layout: 'pdd-orders-82', rowsRead: 1, accepted: 1, paidSum: '55.90', postageSum: '0.00' });
      expect(s!.columnsMapped).toEqual(expect.arrayContaining(['paidAt=支付时间', 'promisedShipAt=承诺发货时间']));
      const [o] = json(cli(['orders', 'normalize', pdd, '-f', 'json'], { tz }));
      // Beijing wall clock as written: paid 2026-06-01 10:00:05 (支付时间, preferred over 订单成交时间
      // 10:00:00), promised 2026-06-03 10:00:05, shipped 2026-06-02 18:00:00.
      expect(o).toMatchObject({
        platform: 'pdd', orderId: '260601-123456789012345', status: 'shipped', paidAt: '2026-06-01T10:00:05+08:00',
        promisedShipAt: '2026-06-03T10:00:05+08:00', shippedAt: '2026-06-02T18:00:00+08:00', goodsAmount: '59.90', paidAmount: '55.90',
        buyer: 'pdd用户甲', receiver: '张*', phone: '138****8000',
      });
    });
  }

  it('the 27-column layout (no 支付时间) takes 订单成交时间 as the paid time and has no promised time', () => {
    const f = write(dir, 'pdd27.csv', plainCsv(PDD_HEADERS as string[], [PDD_ROW]));
    const [o] = json(cli(['orders', 'normalize', f, '-f', 'json']));
    expect(o).toMatchObject({ paidAt: '2026-06-01T10:00:00+08:00', promisedShipAt: null });
  });
});
