// `orders inspect` of an older 订单报表 (docs/formats.md's era table) listed under columnsMissing the
// fields its era never had, as if the shop had trimmed them: the 2016 download (41 columns) listed
// parentOrderId, shippedAt, confirmedAt, refundAmount, presale and platformCompensation. By the
// table: 退款金额 came in 2017, 确认收货时间 in 2018, 主订单编号 in 2019–2021, and 发货时间, 预售订单 and
// 延迟发货自动赔付金额 in 2022+. A field of a later era than the file's is now not listed, as a
// field no era has (旗帜, `added`) is not. So for the 宝贝报表's 2017–2019 era (10 columns: 订单编号,
// 标题, 价格, 购买数量, …, 备注, 订单状态, 商家编码), which has none of the later fields. A field the
// file's own era has is listed when the file lacks it (trimmed), and a file whose count says an
// older era but whose headers show a later one (买家会员昵称: 2022+) is of the later one.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { cli, json, rel } from './expected.js';
import { plainCsv, write } from './build.js';

const FX = rel('test', 'fixtures', 'orders');

describe('an older era: the fields it never had are not missing', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`every 订单报表 era and both 宝贝报表 eras list nothing missing (TZ=${tz})`, () => {
      // Each fixture is the full download of its era (docs/formats.md), so nothing of its era is missing.
      const files = ['taobao-orders-41', 'taobao-orders-46', 'taobao-orders-56', 'taobao-orders-61', 'taobao-orders-67', 'taobao-orders-69', 'taobao-orders-71', 'taobao-items-10', 'taobao-items-28'];
      const r = cli(['orders', 'inspect', ...files.map((f) => path.join(FX, `${f}.csv`)), '-f', 'json', '--lang', 'en'], { tz });
      expect(r.code).toBe(0);
      const rows = json(r);
      expect(rows.map((s) => [s.layout, s.columnsMissing])).toEqual(files.map((f) => [f, []]));
    });
  }

  it('zh table output of the 2016 file: the 缺少的字段 cell is empty', () => {
    const r = cli(['orders', 'inspect', path.join(FX, 'taobao-orders-41.csv'), '-f', 'csv', '--lang', 'zh']);
    expect(r.code).toBe(0);
    const [head, row] = r.stdout.split('\n');
    expect(head!.split(',').at(-1)).toBe('缺少的字段');
    expect(row!.endsWith(',')).toBe(true);
  });
});

describe('what the era has is still listed when trimmed', () => {
  // A 2016-era file (buyer by 买家会员名, no 2017+ column) of 9 columns: a full file by its required
  // fields (订单编号, 买家实际支付金额, 订单状态, 订单付款时间), era 2016 by its count. It has orderId, buyer,
  // paidAmount, status, paidAt, title, quantity, createdAt, goodsAmount; of the 2016 fields it lacks,
  // in the layout's field order: postage, carrier, trackingNo, shopId, shopName, sellerNote,
  // closeReason, receiver, phone, address. Not listed: the later eras' parentOrderId, shippedAt,
  // confirmedAt, refundAmount, presale, platformCompensation, and sellerFlag (no era's).
  const H2016 = ['订单编号', '买家会员名', '买家实际支付金额', '订单状态', '订单付款时间', '宝贝标题', '宝贝总数量', '订单创建时间', '买家应付货款'];
  const ROW = { 订单编号: '3515313147329357001', 买家会员名: '小明', 买家实际支付金额: '200.00', 订单状态: '交易成功', 订单付款时间: '2026-11-10 09:00:00', 宝贝标题: '围巾', 宝贝总数量: '1', 订单创建时间: '2026-11-10 08:58:12', 买家应付货款: '190.00' };

  it('a 2016-era file lacking 收货地址 etc.: those listed, no later era\'s field', () => {
    const f = write(tmpDir(), 'ExportOrderList2016.csv', plainCsv(H2016, [ROW]));
    const [s] = json(cli(['orders', 'inspect', f, '-f', 'json', '--lang', 'en']));
    expect(s!.layoutName).toBe('Taobao/Tmall order report (订单报表) taobao-orders-9 (2016)');
    expect(s!.columnsMissing).toEqual([
      'postage (买家应付邮费)',
      'carrier (物流公司)',
      'trackingNo (物流单号)',
      'shopId (店铺Id / 店铺ID)',
      'shopName (店铺名称)',
      'sellerNote (订单备注 / 商家备忘)',
      'closeReason (订单关闭原因)',
      'receiver (收货人姓名)',
      'phone (联系手机 / 联系电话)',
      'address (收货地址)',
    ]);
  });

  it('the same with 买家会员昵称 (a 2022+ header) instead of 买家会员名: 2022+ by its headers, so 发货时间 … are missing', () => {
    const h = H2016.map((x) => (x === '买家会员名' ? '买家会员昵称' : x));
    const row = Object.fromEntries(Object.entries(ROW).map(([k, v]) => [k === '买家会员名' ? '买家会员昵称' : k, v]));
    const f = write(tmpDir(), 'ExportOrderList2022.csv', plainCsv(h, [row]));
    const [s] = json(cli(['orders', 'inspect', f, '-f', 'json', '--lang', 'en']));
    const missing = s!.columnsMissing as string[];
    for (const k of ['parentOrderId (主订单编号)', 'shippedAt (发货时间)', 'confirmedAt (确认收货时间)', 'refundAmount (退款金额)', 'presale (预售订单)', 'platformCompensation (延迟发货自动赔付金额)']) expect(missing).toContain(k);
    expect(missing).toContain('address (收货地址)');
  });
});
