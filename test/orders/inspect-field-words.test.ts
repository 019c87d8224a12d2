// text44: `orders inspect` in Chinese labelled the fields of a 抖店 or 拼多多 export in Tmall's words
// (已识别列 宝贝标题=选购商品, 卖家备注=商家备注, 物流单号=快递单号): their exports and seller centres say
// 商品 (选购商品, 商品), 商家备注, 快递单号 / 快递公司, and 抖店 收件人 / 运费 (docs/formats.md, FORMATS.md;
// reviews queue's title header says 商品名称 for them since text43). The expected cells, field by field
// in the layout's order (src/orders/layouts.ts) against the examples' headers:
//   douyin-orders-202611.csv: orderId 主订单编号, lineId 子订单编号, title 选购商品 → 商品名称, quantity 商品数量,
//     price 商品单价, paidAmount 订单应付金额, postage 运费 → 运费, buyer 用户昵称, receiver 收件人 → 收件人,
//     phone 收件人手机号, 省 市 区 街道, address 详细地址, createdAt 订单提交时间, paidAt 支付完成时间,
//     confirmedAt 订单完成时间, sellerFlag 旗帜颜色, sellerNote 商家备注 → 商家备注, status 订单状态, 承诺发货时间,
//     预约发货时间, 订单类型, closeReason 取消原因, shippedAt 发货时间, carrier 快递公司 → 快递公司,
//     trackingNo 快递单号 → 快递单号.
//   pdd-orders-202611.csv: title 商品 → 商品名称, sellerNote, trackingNo, carrier as for 抖店; postage stays
//     邮费 (its own header is 邮费(元)), receiver 收货人 (its own word).
// The Tmall example keeps Tmall's words (宝贝标题=宝贝标题, 卖家备注=订单备注); JSON and English keep the keys.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli } from '../helpers.js';

function inspectZh(file: string): Record<string, string> {
  const r = runCli(['orders', 'inspect', file, '--lang', 'zh', '-f', 'tsv']);
  expect(r.code, r.stderr).toBe(0);
  const [head, row] = r.stdout.trimEnd().split('\n');
  const keys = head!.split('\t');
  const cells = row!.split('\t');
  return Object.fromEntries(keys.map((k, i) => [k, cells[i]!]));
}

describe("orders inspect's 已识别列 in the words of the file's own platform", () => {
  it('抖店: 商品名称=选购商品, 运费, 收件人, 商家备注, 快递公司, 快递单号 (failed before: 宝贝标题=选购商品 …)', () => {
    expect(inspectZh(path.join(EXAMPLES, 'douyin-orders-202611.csv'))['已识别列']).toBe(
      '订单编号=主订单编号;子订单编号=子订单编号;商品名称=选购商品;数量=商品数量;单价=商品单价;实付金额=订单应付金额;运费=运费;买家=用户昵称;收件人=收件人;电话=收件人手机号;省=省;市=市;区=区;街道=街道;收货地址=详细地址;创建时间=订单提交时间;付款时间=支付完成时间;确认收货时间=订单完成时间;旗帜=旗帜颜色;商家备注=商家备注;状态=订单状态;承诺发货时间=承诺发货时间;预约发货时间=预约发货时间;订单类型=订单类型;关闭原因=取消原因;发货时间=发货时间;快递公司=快递公司;快递单号=快递单号',
    );
  });

  it('拼多多: 商品名称=商品, 商家备注, 快递单号, 快递公司 (failed before: 宝贝标题=商品 …)', () => {
    expect(inspectZh(path.join(EXAMPLES, 'pdd-orders-202611.csv'))['已识别列']).toBe(
      '订单编号=订单号;商品名称=商品;状态=订单状态;货款=商品总价(元);邮费=邮费(元);实付金额=用户实付金额(元);数量=商品数量(件);发货时间=发货时间;确认收货时间=确认收货时间;商家备注=商家备注;快递单号=快递单号;快递公司=快递公司;付款时间=订单成交时间',
    );
  });

  it("the Tmall 订单报表 keeps Tmall's words; JSON keeps the keys", () => {
    const t = inspectZh(path.join(EXAMPLES, 'ExportOrderList202611.csv'))['已识别列']!;
    expect(t).toContain(';宝贝标题=宝贝标题;');
    expect(t).toContain(';卖家备注=订单备注;');
    expect(t).toContain(';物流公司=物流公司;物流单号=物流单号;');
    const j = runCli(['orders', 'inspect', path.join(EXAMPLES, 'douyin-orders-202611.csv'), '--lang', 'zh', '-f', 'json']);
    const mapped = (JSON.parse(j.stdout) as { columnsMapped: string[] }[])[0]!.columnsMapped;
    expect(mapped).toContain('title=选购商品');
    expect(mapped).toContain('sellerNote=商家备注');
  });
});
