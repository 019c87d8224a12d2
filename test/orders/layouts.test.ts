// Every layout of docs/formats.md reads, detected from its header alone; canonical values are checked
// against the hand-written table in expected.ts (from ORDERS in scripts/gen-examples.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { AS_OF, ITEM_LINES, type Json, TAOBAO_ORDERS, cli, json, rel } from './expected.js';

const FX = rel('test', 'fixtures', 'orders');

interface LayoutCase {
  file: string;
  layout: string;
  era: string;
  encoding: string;
  /** Columns the layout has (FORMATS: 退款金额 from 2017, 确认收货时间 from 2018, 主订单编号 from 2019, 发货时间/赔付/预售 from 2022). */
  has: { refund: boolean; confirmed: boolean; parent: boolean; shipped: boolean };
}

const TAOBAO: LayoutCase[] = [
  { file: 'taobao-orders-41.csv', layout: 'taobao-orders-41', era: '2016', encoding: 'GB18030/GBK (not UTF-8)', has: { refund: false, confirmed: false, parent: false, shipped: false } },
  { file: 'taobao-orders-46.csv', layout: 'taobao-orders-46', era: '2017', encoding: 'GB18030/GBK (not UTF-8)', has: { refund: true, confirmed: false, parent: false, shipped: false } },
  { file: 'taobao-orders-56.csv', layout: 'taobao-orders-56', era: '2018', encoding: 'GB18030/GBK (not UTF-8)', has: { refund: true, confirmed: true, parent: false, shipped: false } },
  { file: 'taobao-orders-61.csv', layout: 'taobao-orders-61', era: '2019-2021', encoding: 'UTF8 (detected)', has: { refund: true, confirmed: true, parent: true, shipped: false } },
  { file: 'taobao-orders-67.csv', layout: 'taobao-orders-67', era: '2019-2021', encoding: 'GB18030/GBK (not UTF-8)', has: { refund: true, confirmed: true, parent: true, shipped: false } },
  { file: 'taobao-orders-69.csv', layout: 'taobao-orders-69', era: '2019-2021', encoding: 'GB18030/GBK (not UTF-8)', has: { refund: true, confirmed: true, parent: true, shipped: false } },
  { file: 'taobao-orders-71.csv', layout: 'taobao-orders-71', era: '2022+', encoding: 'UTF8 (BOM)', has: { refund: true, confirmed: true, parent: true, shipped: true } },
];

function expectTaobaoOrders(rows: Json[], c: Pick<LayoutCase, 'layout' | 'has'>, file: string, pii = false): void {
  expect(rows.map((r) => r.orderId)).toEqual(TAOBAO_ORDERS.map((o) => o.orderId));
  rows.forEach((r, i) => {
    const e = TAOBAO_ORDERS[i]!;
    expect(r).toMatchObject({
      platform: 'taobao',
      layout: c.layout,
      sourceFile: file,
      sourceLine: i + 2, // header is line 1, one physical line per order
      orderId: e.orderId,
      parentOrderId: c.has.parent ? e.orderId : null,
      lineId: null,
      buyer: e.buyer,
      status: e.status,
      statusRaw: e.statusRaw,
      createdAt: e.createdAt,
      paidAt: e.paidAt,
      shippedAt: c.has.shipped ? e.shippedAt : null,
      confirmedAt: c.has.confirmed ? e.confirmedAt : null,
      promisedShipAt: null,
      goodsAmount: e.goodsAmount,
      postage: e.postage,
      paidAmount: e.paidAmount,
      refundAmount: c.has.refund ? e.refundAmount : null,
      quantity: e.quantity,
      title: e.title,
      carrier: e.carrier,
      trackingNo: e.trackingNo,
      presale: c.has.shipped ? false : null, // 预售订单 = 否 in the 71-column layout
      platformCompensation: c.has.shipped ? e.platformCompensation : null,
      sellerNote: e.sellerNote,
      closeReason: e.closeReason,
      receiver: pii ? e.receiverRaw : e.receiver,
      phone: pii ? e.phoneRaw : e.phone,
      address: pii ? e.addressRaw : e.address,
    });
  });
}

describe('Taobao 订单报表, every layout', () => {
  for (const c of TAOBAO) {
    it(`${c.file}: inspect names ${c.layout} (${c.era}), ${c.encoding}; normalize gives the hand-checked orders`, () => {
      const file = path.join(FX, c.file);
      const ins = cli(['orders', 'inspect', file, '-f', 'json']);
      expect(ins.code).toBe(0);
      const [s] = json(ins);
      expect(s).toMatchObject({
        file,
        platform: 'taobao',
        layout: c.layout,
        layoutName: `Taobao/Tmall order report (订单报表) ${c.layout} (${c.era})`,
        container: 'csv',
        encoding: c.encoding,
        rowsRead: 9,
        accepted: 9,
        rejected: 0,
        duplicates: 0,
        // earliest paid 11-10 09:00; latest: 802 is unpaid, so its creation time 11-20 09:00 counts
        firstAt: '2026-11-10T09:00:00+08:00',
        lastAt: '2026-11-20T09:00:00+08:00',
        // 200 + 12 + 2000 + 88 + 99.90 + 58 + 30 + 236 + 0 = 2723.90; postage 10 + 8 + 6 = 24
        paidSum: '2723.90',
        postageSum: '24.00',
      });
      expect(s!.statusCounts).toEqual(['completed=4', 'shipped=2', 'awaiting_shipment=1', 'closed=1', 'unpaid=1']);
      expect(ins.stderr).toContain('1 file: 9 rows read = 9 accepted + 0 rejected + 0 duplicates');

      const norm = cli(['orders', 'normalize', file, '-f', 'json']);
      expect(norm.code).toBe(0);
      expectTaobaoOrders(json(norm), c, file);
    });
  }

  it('the GBK example (71 columns, header names with trailing spaces) reads like the UTF-8 fixture', () => {
    const file = rel('examples', 'ExportOrderList202611.csv');
    const raw = fs.readFileSync(file);
    expect(raw.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const ins = json(cli(['orders', 'inspect', file, '-f', 'json']));
    expect(ins[0]).toMatchObject({ layout: 'taobao-orders-71', encoding: 'GB18030/GBK (not UTF-8)', accepted: 9 });
    // "收货地址 " and "订单付款时间 " carry a trailing space in the header; both are mapped.
    expect(ins[0]!.columnsMapped).toContain('address=收货地址');
    expect(ins[0]!.columnsMapped).toContain('paidAt=订单付款时间');
    expectTaobaoOrders(json(cli(['orders', 'normalize', file, '-f', 'json'])), TAOBAO[6]!, file);
  });

  it('the .xlsx download reads the same (first sheet, ids as text)', () => {
    const file = rel('examples', 'ExportOrderList202611.xlsx');
    const ins = json(cli(['orders', 'inspect', file, '-f', 'json']));
    expect(ins[0]).toMatchObject({ layout: 'taobao-orders-71', container: 'xlsx', encoding: 'xlsx', rowsRead: 9, accepted: 9, paidSum: '2723.90' });
    expectTaobaoOrders(json(cli(['orders', 'normalize', file, '-f', 'json'])), TAOBAO[6]!, file);
  });

  it('--show-pii shows receiver, phone (without its leading \') and address unmasked', () => {
    const file = rel('examples', 'ExportOrderList202611.csv');
    expectTaobaoOrders(json(cli(['orders', 'normalize', file, '-f', 'json', '--show-pii'])), TAOBAO[6]!, file, true);
  });

  it('masked by default in csv too: 139****0165, never the full number', () => {
    const r = cli(['orders', 'normalize', rel('examples', 'ExportOrderList202611.csv'), '-f', 'csv']);
    expect(r.stdout).toContain('139****0165');
    expect(r.stdout).not.toContain('13925130165');
    expect(r.stdout).not.toContain('科技园南路');
  });

  it('unmapped columns are kept under extra in JSON, personal ones never', () => {
    const [o] = json(cli(['orders', 'normalize', rel('examples', 'ExportOrderList202611.csv'), '-f', 'json']));
    const extra = o!.extra as Record<string, string>;
    expect(extra['店铺名称']).toBe('暖冬织物旗舰店');
    expect(extra['打款商家金额']).toBe('200.00元');
    expect(extra['买家服务费']).toBe('0元');
    expect(Object.keys(extra)).not.toContain('收货地址');
  });

  it('csv output escapes the formula in a seller note; the id stays text', () => {
    const r = cli(['orders', 'normalize', rel('examples', 'ExportOrderList202611.csv'), '-f', 'csv']);
    const line = r.stdout.split('\n').find((l) => l.includes('5200000000000000801'))!;
    expect(line).toContain('"\'=HYPERLINK(""http://x.example"",""点我"")"');
    expect(line.startsWith('taobao,taobao-orders-71,examples/ExportOrderList202611.csv,9,5200000000000000801,')).toBe(true);
  });
});

describe('times are Beijing time whatever the machine zone', () => {
  for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Kolkata']) {
    it(`TZ=${tz}: same JSON, same csv`, () => {
      const file = rel('examples', 'ExportOrderList202611.csv');
      const j = cli(['orders', 'normalize', file, '-f', 'json'], { tz });
      expectTaobaoOrders(json(j), TAOBAO[6]!, file);
      const c = cli(['orders', 'normalize', file, '-f', 'csv'], { tz });
      // order 901 paid 2026-11-10 09:00:00 Beijing: written as such in csv
      expect(c.stdout.split('\n')[1]).toContain(',2026-11-10 08:58:12,2026-11-10 09:00:00,2026-11-13 10:00:00,2026-11-19 20:00:00,');
    });
  }

  it('--tz changes how the export is read (the same wall clock in UTC is 8 hours later)', () => {
    const [o] = json(cli(['orders', 'normalize', rel('examples', 'ExportOrderList202611.csv'), '-f', 'json', '--tz', 'UTC']));
    expect(o!.paidAt).toBe('2026-11-10T09:00:00+00:00');
  });
});

describe('clean-up of odd cells (FORMATS "Cell clean-up")', () => {
  // A re-saved 订单报表: 元 amounts, thousands separators, null text, ASCII-comma statuses,
  // YYYY/M/D H:mm times, header names with trailing spaces, =\"\" empty formulas, No: tracking.
  const csv = [
    '订单编号 ,买家会员名,买家应付货款,买家应付邮费,买家实际支付金额,订单状态 ,订单创建时间,订单付款时间 ,宝贝标题,宝贝总数量,物流单号,联系手机,收货地址 ,订单关闭原因,退款金额',
    '="1234567890123456789",买家A,"1,190.00元",null,1190.00元,"买家已付款,等待卖家发货",2026/11/3 9:05,2026/11/3 9:07:30,围巾,1,="",\'13800138000,浙江省 杭州市 西湖区 某路1号,订单未关闭,0元',
    '="1234567890123456790",买家B,12元,0元,12.5,"卖家已发货, 等待买家确认",2026-11-04 10:00:00,2026/11/4 10:01,袜子,2,No:SF1234567890,NULL,,订单未关闭,null',
    '',
  ].join('\r\n');

  it('reads every wrapping into canonical values', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'ExportOrderList-resaved.csv');
    fs.writeFileSync(file, csv);
    const r = cli(['orders', 'normalize', file, '-f', 'json', '--show-pii']);
    expect(r.code).toBe(0);
    const rows = json(r);
    expect(rows[0]).toMatchObject({
      orderId: '1234567890123456789',
      buyer: '买家A',
      goodsAmount: '1190.00', // "1,190.00元"
      postage: null, // null text = empty
      paidAmount: '1190.00', // "1190.00元"
      status: 'awaiting_shipment', // ASCII comma
      statusRaw: '买家已付款,等待卖家发货',
      createdAt: '2026-11-03T09:05:00+08:00', // 2026/11/3 9:05
      paidAt: '2026-11-03T09:07:30+08:00',
      trackingNo: '', // =""
      phone: '13800138000',
      refundAmount: '0.00', // 0元
    });
    expect(rows[1]).toMatchObject({
      orderId: '1234567890123456790',
      goodsAmount: '12.00',
      postage: '0.00',
      paidAmount: '12.50',
      status: 'shipped', // "卖家已发货, 等待买家确认": ASCII comma and a space
      paidAt: '2026-11-04T10:01:00+08:00',
      quantity: 2,
      trackingNo: 'SF1234567890',
      phone: '',
      address: '',
      refundAmount: null,
    });
  });
});

describe('宝贝报表 (one row per order line)', () => {
  const cases = [
    { file: 'taobao-items-10.csv', layout: 'taobao-items-10', era: '2017-2019', encoding: 'GB18030/GBK (not UTF-8)', amounts: false },
    { file: 'taobao-items-28.csv', layout: 'taobao-items-28', era: 'later', encoding: 'GB18030/GBK (not UTF-8)', amounts: true },
    { file: 'taobao-items-newest.csv', layout: 'taobao-items-30', era: 'newest', encoding: 'UTF8 (detected)', amounts: true },
  ];
  for (const c of cases) {
    it(`${c.file}: ${c.layout} (${c.era}); 11 lines fold into 9 orders, --lines gives the 11 lines`, () => {
      const file = path.join(FX, c.file);
      const [s] = json(cli(['orders', 'inspect', file, '-f', 'json']));
      expect(s).toMatchObject({ layout: c.layout, layoutName: `Taobao/Tmall item report (宝贝报表) ${c.layout} (${c.era})`, encoding: c.encoding, rowsRead: 11, accepted: 11, rejected: 0 });
      // 10-column reports have no amount column; the others: 200+12+2000+88+99.90+58+30+(128+48+60)+0 = 2723.90
      expect(s!.paidSum).toBe(c.amounts ? '2723.90' : '0.00');

      const orders = json(cli(['orders', 'normalize', file, '-f', 'json']));
      expect(orders.map((o) => o.orderId)).toEqual(TAOBAO_ORDERS.map((o) => o.orderId));
      const o801 = orders[7]!;
      expect(o801).toMatchObject({
        orderId: '5200000000000000801',
        lineId: null,
        status: 'shipped',
        quantity: 4, // 1 + 2 + 1
        title: '羊毛围巾 红色，针织手套，羊毛袜 三双装',
        paidAmount: c.amounts ? '236.00' : null, // 128 + 48 + 60
      });
      if (c.amounts) {
        expect(o801).toMatchObject({ shippedAt: '2026-11-19T10:00:00+08:00', trackingNo: 'SF1400000008', carrier: '顺丰速运', paidAt: '2026-11-18T15:00:00+08:00' });
        // 赔付金额 / 主动赔付金额 of order 901's line: 57.00
        expect(orders[0]!.platformCompensation).toBe('57.00');
      }

      const lines = json(cli(['orders', 'normalize', file, '-f', 'json', '--lines']));
      expect(lines.map((l) => l.orderId)).toEqual(ITEM_LINES.map((l) => l.orderId));
      expect(lines.map((l) => l.title)).toEqual(ITEM_LINES.map((l) => l.title));
      expect(lines.map((l) => l.quantity)).toEqual(ITEM_LINES.map((l) => l.qty));
      if (c.amounts) {
        expect(lines.map((l) => l.lineId)).toEqual(ITEM_LINES.map((l) => l.lineId));
        expect(lines.map((l) => l.paidAmount)).toEqual(ITEM_LINES.map((l) => l.paid));
      }
    });
  }
});

describe('抖店 and 拼多多', () => {
  it('抖店: UTF-8 with BOM, tab-prefixed ids, thousands separators, address from 省/市/区/详细地址', () => {
    const file = rel('examples', 'douyin-orders-202611.csv');
    expect(fs.readFileSync(file).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    const [s] = json(cli(['orders', 'inspect', file, '-f', 'json']));
    expect(s).toMatchObject({ platform: 'douyin', layout: 'douyin-orders-45', encoding: 'UTF8 (BOM)', rowsRead: 11, accepted: 11, paidSum: '2723.90' });
    const orders = json(cli(['orders', 'normalize', file, '-f', 'json']));
    // gen-examples: 抖店 ids are "69" + the Taobao id without its first two digits, written "\t…".
    expect(orders.map((o) => o.orderId)).toEqual(TAOBAO_ORDERS.map((o) => `69${o.orderId.slice(2)}`));
    expect(orders[2]).toMatchObject({ orderId: '6915313147329357903', paidAmount: '2000.00', status: 'shipped', statusRaw: '已发货' }); // "2,000.00"
    expect(orders[0]).toMatchObject({
      platform: 'douyin',
      status: 'completed',
      paidAt: '2026-11-10T09:00:00+08:00',
      promisedShipAt: '2026-11-12T09:00:00+08:00', // 承诺发货时间 = paid + 48 h
      shippedAt: '2026-11-13T10:00:00+08:00',
      phone: '139****0165',
      address: '广东省 深圳市 ****',
    });
    expect(orders[7]).toMatchObject({ orderId: '6900000000000000801', paidAmount: '236.00', quantity: 4, title: '羊毛围巾 红色，针织手套，羊毛袜 三双装' });
    expect(orders[6]).toMatchObject({ status: 'closed', closeReason: '买家申请退款' });
    const pii = json(cli(['orders', 'normalize', file, '-f', 'json', '--show-pii']));
    expect(pii[0]).toMatchObject({ address: '广东省 深圳市 南山区 科技园南路88号(518057)', phone: '13925130165', receiver: '王小明' });
  });

  it('拼多多: yymmdd-digits ids, (元) headers, a tab-only 商家备注', () => {
    const file = rel('examples', 'pdd-orders-202611.csv');
    const [s] = json(cli(['orders', 'inspect', file, '-f', 'json']));
    // the unpaid order 802 is not in the PDD export: 8 orders, same paid sum (802 paid 0)
    expect(s).toMatchObject({ platform: 'pdd', layout: 'pdd-orders-27', rowsRead: 8, accepted: 8, paidSum: '2723.90', postageSum: '18.00' });
    const orders = json(cli(['orders', 'normalize', file, '-f', 'json']));
    expect(orders.map((o) => o.orderId)).toEqual([
      '261110-313147329357901', '261111-313147329357902', '261112-313147329357903', '261113-650012233445501',
      '261114-650012233445502', '261115-000000000000701', '261116-000000000000702', '261117-000000000000801',
    ]);
    expect(orders.map((o) => o.status)).toEqual(['completed', 'completed', 'shipped', 'completed', 'completed', 'awaiting_shipment', 'closed', 'shipped']);
    expect(orders[0]).toMatchObject({ paidAt: '2026-11-10T09:00:00+08:00', goodsAmount: '190.00', postage: '10.00', paidAmount: '200.00', sellerNote: '', trackingNo: '773012345678901' });
  });
});

describe('several files and stdin', () => {
  it('- reads standard input', () => {
    const r = cli(['orders', 'inspect', '-', '-f', 'json'], { input: fs.readFileSync(rel('examples', 'ExportOrderList202611.csv')) });
    expect(json(r)[0]).toMatchObject({ file: 'stdin', layout: 'taobao-orders-71', accepted: 9 });
  });
});

describe('orders inspect in Chinese', () => {
  it('statuses and the platform show their zh labels in the table and in csv; JSON keeps the codes', () => {
    const f = rel('examples', 'ExportOrderList202611.csv');
    const t = cli(['orders', 'inspect', f, '--lang', 'zh', '-f', 'table']);
    expect(t.stdout).toMatch(/平台\s+淘宝\/天猫\n/);
    // 交易成功 completed, 已发货 shipped, 待发货 awaiting_shipment, 交易关闭 closed, 待付款 unpaid
    expect(t.stdout).toMatch(/各状态数量\s+交易成功=4, 已发货=2, 待发货=1, 交易关闭=1, 待付款=1\n/);
    const c = cli(['orders', 'inspect', f, '--lang', 'zh', '-f', 'csv']);
    expect(c.stdout).toContain(',淘宝/天猫,taobao-orders-71,');
    expect(c.stdout).toContain(',交易成功=4;已发货=2;待发货=1;交易关闭=1;待付款=1,');
    const j = json(cli(['orders', 'inspect', f, '--lang', 'zh', '-f', 'json']));
    expect([j[0]!.platform, j[0]!.statusCounts]).toEqual(['taobao', ['completed=4', 'shipped=2', 'awaiting_shipment=1', 'closed=1', 'unpaid=1']]);
  });
});
