// Issue 14 item 11: storeops reads its own output. `orders normalize -o o.csv/o.xlsx` (English or
// Chinese headers) is the canonical layout (`storeops-35`); reading it back gives the same orders.
// The expected values are the hand-written table of expected.ts (from docs/formats.md and the
// fixture's design), not the program's first output.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { plainCsv, write } from './build.js';
import { ITEM_LINES, type Json, TAOBAO_ORDERS, cli, json, rel } from './expected.js';

const SRC = path.join(rel('test', 'fixtures', 'orders'), 'taobao-orders-71.csv');
const ITEMS = rel('examples', 'ExportOrderDetailList202611.csv');
const ORDERS = rel('examples', 'ExportOrderList202611.csv');

/** The fields the round trip must keep, as the hand table gives them (masked personal fields). */
function expectSameOrders(rows: Json[], file: string): void {
  expect(rows.map((r) => r.orderId)).toEqual(TAOBAO_ORDERS.map((o) => o.orderId));
  rows.forEach((r, i) => {
    const e = TAOBAO_ORDERS[i]!;
    expect(r).toMatchObject({
      platform: 'taobao',
      layout: 'storeops-35',
      sourceFile: file,
      sourceLine: i + 2, // the output's header is line 1, one order per line
      orderId: e.orderId,
      parentOrderId: e.orderId,
      buyer: e.buyer,
      status: e.status,
      statusRaw: e.statusRaw,
      createdAt: e.createdAt,
      paidAt: e.paidAt,
      shippedAt: e.shippedAt,
      confirmedAt: e.confirmedAt,
      goodsAmount: e.goodsAmount,
      postage: e.postage,
      paidAmount: e.paidAmount,
      refundAmount: e.refundAmount,
      quantity: e.quantity,
      title: e.title,
      carrier: e.carrier,
      trackingNo: e.trackingNo,
      presale: false,
      platformCompensation: e.platformCompensation,
      sellerNote: e.sellerNote, // =HYPERLINK(…) was written as '=HYPERLINK(…) and reads back unescaped
      closeReason: e.closeReason,
      receiver: e.receiver,
      phone: e.phone,
      address: e.address,
    });
  });
}

let dir: string;
let enCsv: string;
let zhXlsx: string;
let zhCsv: string;
let enXlsx: string;
beforeAll(() => {
  dir = tmpDir('storeops-roundtrip-');
  enCsv = path.join(dir, 'o.csv');
  zhXlsx = path.join(dir, 'o.xlsx');
  zhCsv = path.join(dir, 'o-zh.csv');
  enXlsx = path.join(dir, 'o-en.xlsx');
  for (const [out, lang] of [[enCsv, 'en'], [zhXlsx, 'zh'], [zhCsv, 'zh'], [enXlsx, 'en']] as const) {
    const r = cli(['orders', 'normalize', SRC, '-o', out, '--lang', lang]);
    expect(r.code, r.stderr).toBe(0);
  }
});

describe('storeops reads its own output', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`normalize -o o.csv (English headers) then normalize o.csv: the same orders (TZ=${tz})`, () => {
      expect(fs.readFileSync(enCsv, 'utf8').split('\n')[0]).toContain('platform,layout,sourceFile,sourceLine,orderId');
      const r = cli(['orders', 'normalize', enCsv, '-f', 'json'], { tz });
      expect(r.code, r.stderr).toBe(0);
      expectSameOrders(json(r), enCsv);
    });
  }

  it('Chinese headers, xlsx: orders inspect names the layout; normalize gives the same orders', () => {
    const ins = cli(['orders', 'inspect', zhXlsx, '-f', 'json', '--lang', 'en']);
    expect(ins.code, ins.stderr).toBe(0);
    const [s] = json(ins);
    expect(s).toMatchObject({ platform: 'taobao', layout: 'storeops-35', container: 'xlsx', rowsRead: 9, accepted: 9, rejected: 0, duplicates: 0 });
    // 9 orders, counted from the hand table: completed 901, 902, 501, 502 (4); shipped 903, 801 (2);
    // awaiting 701; closed 702; unpaid 802.
    expect([...(s!.statusCounts as string[])].sort()).toEqual(['awaiting_shipment=1', 'closed=1', 'completed=4', 'shipped=2', 'unpaid=1']);
    expect(s!.layoutName).toBe('storeops canonical orders (output of orders normalize) storeops-35');
    // Paid sum: 200 + 12 + 2000 + 88 + 99.90 + 58 + 30 + 236 + 0 = 2723.90; postage 10 + 8 + 6 = 24.00.
    expect(s).toMatchObject({ paidSum: '2723.90', postageSum: '24.00' });
    expect(s!.columnsUnmapped).toEqual(['报表格式', '来源文件', '行号']);
    expectSameOrders(json(cli(['orders', 'normalize', zhXlsx, '-f', 'json'])), zhXlsx);
  });

  it('Chinese headers csv and English headers xlsx read the same', () => {
    expectSameOrders(json(cli(['orders', 'normalize', zhCsv, '-f', 'json'])), zhCsv);
    expectSameOrders(json(cli(['orders', 'normalize', enXlsx, '-f', 'json'])), enXlsx);
  });

  it('compensate o.csv pays what compensate on the export pays', () => {
    const args = ['-f', 'json', '--rules', 'tmall-2023', '--lang', 'en'];
    const a = cli(['compensate', SRC, ...args]);
    const b = cli(['compensate', enCsv, ...args]);
    expect(a.code).toBe(b.code);
    const pick = (r: Json[]) => r.map((v) => [v.buyer, v.orderIds, v.amount, v.state]);
    // tmall-2023: 30 % of (paid − postage) per late order, at least 5.00, at most 500.00 a voucher:
    //   …901 (73 h, 25 h late) (200 − 10) × 30 % = 57.00, …902 (49 h) 12 × 30 % = 3.60 → 5.00: 62.00, the platform paid it;
    //   …903 2000 × 30 % = 600 → 500.00 (cap); …502 (48 h 0 min 1 s) 99.90 × 30 % = 29.97 (platform paid 30.00);
    //   …701 unshipped past its deadline: (58 − 8) × 30 % = 15.00, provisional.
    const expected = [
      ['小明爱购物', ['3515313147329357901', '3515313147329357902'], '62.00', 'paid_by_platform'],
      ['小明爱购物', ['3515313147329357903'], '500.00', 'final'],
      ['阿花tb', ['2987650012233445502'], '29.97', 'paid_by_platform'],
      ['老王的店铺', ['4100000000000000701'], '15.00', 'provisional'],
    ];
    expect(pick(json(a))).toEqual(expected);
    expect(pick(json(b))).toEqual(expected);
  });

  it('--lines output reads back: lines with their unit price; without --lines they fold to the same orders', () => {
    const lines = path.join(dir, 'lines.csv');
    expect(cli(['orders', 'normalize', ITEMS, ORDERS, '--lines', '-o', lines]).code).toBe(0);
    const back = json(cli(['orders', 'normalize', lines, '--lines', '-f', 'json']));
    expect(back.map((l) => l.lineId).sort()).toEqual(ITEM_LINES.map((l) => l.lineId).sort());
    // Each line's paid amount and quantity as the hand table gives them; the unit price is written and read back.
    for (const e of ITEM_LINES) expect(back.find((l) => l.lineId === e.lineId)).toMatchObject({ orderId: e.orderId, paidAmount: e.paid, quantity: e.qty });
    expect(back.every((l) => typeof l.price === 'string')).toBe(true);
    // Order 5200000000000000801 folds from its three lines: paid 128.00 + 48.00 + 60.00 = 236.00,
    // quantity 1 + 2 + 1 = 4 (the hand table's 236.00 and 4).
    const folded = json(cli(['orders', 'normalize', lines, '-f', 'json']));
    const o801 = folded.find((o) => o.orderId === '5200000000000000801')!;
    expect(o801).toMatchObject({ paidAmount: '236.00', quantity: 4, lineId: null, status: 'shipped' });
    expect(folded).toHaveLength(9);
  });

  it('compensate on the --lines output pays what compensate on the order and item reports pays (the order postage is kept, once)', () => {
    const lines = path.join(dir, 'lines-pay.csv');
    expect(cli(['orders', 'normalize', ITEMS, ORDERS, '--lines', '-o', lines]).code).toBe(0);
    // The order's postage (买家应付邮费) is written with its first line only: 10.00 on …901's, 8.00 on
    // …701's, 6.00 on …802's; the other lines of a many-line order have none (postage is per order).
    const back = json(cli(['orders', 'normalize', lines, '--lines', '-f', 'json']));
    expect(back.filter((l) => l.postage !== null && l.postage !== '0.00').map((l) => [l.lineId, l.postage])).toEqual([
      ['3515313147329357901', '10.00'],
      ['4100000000000000706', '8.00'],
      ['5200000000000000811', '6.00'],
    ]);
    expect(back.filter((l) => l.orderId === '5200000000000000801').map((l) => l.postage)).toEqual(['0.00', null, null]);
    // tmall-2026 as of 2026-11-20 12:00 (docs/rules.md §1.3): …901 25 h late, (200.00 − 10.00) × 5 % = 9.50;
    // …902 1 h late, 12.00 × 5 % = 0.60 → 5.00; same day: 14.50. …903 2000.00 × 5 % = 100.00 → 50.00.
    // …502 99.90 × 5 % = 4.995 → 5.00. …701 unshipped 28 h late, (58.00 − 8.00) × 5 % = 2.50 → 5.00.
    // Before, …901's line read back without its postage: 200.00 × 5 % = 10.00, a 15.00 voucher.
    const args = ['--as-of', '2026-11-20 12:00:00', '-f', 'json', '--lang', 'en'];
    // Every voucher is the shop's the order report names (店铺Id 100200300): the lines carry it, so
    // the output read back caps and records them as that shop's (before, the lines had no shop and
    // the vouchers read back had none: counted toward every shop's cap, docs/rules.md §1.3a).
    const pick = (r: Json[]) => r.map((v) => [v.orderIds, v.baseAmount, v.amount, v.shop]);
    const expected = [
      [['3515313147329357901', '3515313147329357902'], '202.00', '14.50', '100200300'],
      [['3515313147329357903'], '2000.00', '50.00', '100200300'],
      [['2987650012233445502'], '99.90', '5.00', '100200300'],
      [['4100000000000000701'], '50.00', '5.00', '100200300'],
    ];
    expect(back.every((l) => l.shopId === '100200300' && l.shopName === '暖冬织物旗舰店')).toBe(true);
    expect(pick(json(cli(['compensate', ORDERS, ITEMS, ...args])))).toEqual(expected);
    expect(pick(json(cli(['compensate', lines, ...args])))).toEqual(expected);
    // orders inspect adds the postage once per order: 10.00 + 8.00 + 6.00 = 24.00, as in the order report.
    expect(json(cli(['orders', 'inspect', lines, '-f', 'json']))[0]!.postageSum).toBe('24.00');
  });

  it('two overlapping outputs: the second copy of each order is a duplicate (orders without line ids dedupe as orders)', () => {
    const copy = path.join(dir, 'o-copy.csv');
    fs.copyFileSync(enCsv, copy);
    const r = cli(['orders', 'inspect', enCsv, copy, '-f', 'json']);
    const stats = json(r);
    // 9 + 9 rows; 9 accepted from one file, 9 duplicates in the other.
    expect(stats.reduce((a, s) => a + (s.accepted as number), 0)).toBe(9);
    expect(stats.reduce((a, s) => a + (s.duplicates as number), 0)).toBe(9);
  });

  it('times without seconds stay without seconds: the output is as imprecise as the export', () => {
    // One order re-saved by Excel: paid 2026/11/10 9:00 (seconds lost).
    const h = ['订单编号', '买家会员名', '买家应付货款', '买家应付邮费', '买家实际支付金额', '订单状态', '订单创建时间', '订单付款时间', '宝贝标题', '宝贝总数量', '收货地址'];
    const f = write(dir, 'resaved.csv', plainCsv(h, [{ 订单编号: '3515313147329357901', 买家会员名: '小明', 买家应付货款: '100.00', 买家应付邮费: '0.00', 买家实际支付金额: '100.00', 订单状态: '交易成功', 订单创建时间: '2026/11/10 8:58', 订单付款时间: '2026/11/10 9:00', 宝贝标题: '围巾', 宝贝总数量: '1', 收货地址: '广东省 深圳市 南山区 x' }]));
    const out = path.join(dir, 'resaved-out.csv');
    expect(cli(['orders', 'normalize', f, '-o', out, '--lang', 'en']).code).toBe(0);
    const row = fs.readFileSync(out, 'utf8').split('\n')[1]!;
    expect(row).toContain(',2026-11-10 08:58,2026-11-10 09:00,');
    const [s] = json(cli(['orders', 'inspect', out, '-f', 'json']));
    expect(s).toMatchObject({ layout: 'storeops-35', accepted: 1, timesWithoutSeconds: 1 });
  });

  it('the output of a reduced export (status unknown) is read by inspect but refused row by row by compensate', () => {
    const h = ['订单编号', '买家会员名', '买家应付货款', '买家应付邮费', '买家实际支付金额', '订单创建时间', '订单付款时间', '宝贝标题', '宝贝总数量', '收货地址'];
    const f = write(dir, 'trimmed.csv', plainCsv(h, [{ 订单编号: '3515313147329357901', 买家会员名: '小明', 买家应付货款: '100.00', 买家应付邮费: '0.00', 买家实际支付金额: '100.00', 订单创建时间: '2026-11-10 08:58:00', 订单付款时间: '2026-11-10 09:00:00', 宝贝标题: '围巾', 宝贝总数量: '1', 收货地址: '广东省 深圳市 南山区 x' }]));
    const out = path.join(dir, 'trimmed-out.csv');
    expect(cli(['orders', 'normalize', f, '-o', out]).code).toBe(0);
    const [s] = json(cli(['orders', 'inspect', out, '-f', 'json']));
    expect(s).toMatchObject({ accepted: 1, statusCounts: ['unknown=1'] });
    const c = cli(['compensate', out, '--lang', 'en']);
    expect(c.code).toBe(3); // its only row is rejected: nothing usable
    expect(c.stderr).toContain(`${out}:2 [status]: "unknown" the order status is unknown (the original export had no status column); this command needs it`);
  });
});
