// A 拼多多 file holding two shops' orders (an ERP's merged download with a 店铺名称 column, as 老周's
// two PDD shops): each buyer's window and cap is per shop (docs/rules.md §1.3a, "Orders of different
// shops never share a window or a cap"). The PDD layout did not read 店铺名称, so one nick's late
// orders in the two shops were one voucher under one cap.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

const TEMPLATE = path.join(__dirname, '..', '..', 'templates', 'rules', 'custom-example.json');
const HEAD =
  '商品,订单号,订单状态,商品总价(元),邮费(元),店铺优惠折扣(元),平台优惠折扣(元),用户实付金额(元),商家实收金额(元),商品数量(件),发货时间,确认收货时间,商品id,商品规格,样式ID,商家备注,售后状态,快递单号,快递公司,订单成交时间,支付时间,承诺发货时间,用户昵称,店铺名称';
const row = (title: string, id: string, paid: string, shipped: string, paidAt: string, promise: string, shop: string) =>
  `${title},${id},已发货，待收货,${paid},0.00,0,0,${paid},${paid},1,${shipped},,1,默认,1,,无售后,YT${id.slice(-2)},圆通速递,${paidAt},${paidAt},${promise},小红,${shop}`;

describe('compensate: a PDD file naming two shops (店铺名称)', () => {
  it('gives the buyer a voucher and a cap in each shop', () => {
    const dir = tmpDir();
    // The example rule file, combining by calendar day under a 50.00 cap: late tier 5 %, min 3.00, max 30.00.
    const rule = { ...JSON.parse(fs.readFileSync(TEMPLATE, 'utf8')), id: 'pdd-day-cap', payer: 'shop-issues', combine: { by: 'calendar-day', cap: '50.00' } };
    fs.writeFileSync(path.join(dir, 'rules.json'), JSON.stringify(rule));
    const file = path.join(dir, 'erp-merged-orders_export2026-12-04-10-05-00.csv');
    fs.writeFileSync(
      file,
      '\ufeff' +
        [
          HEAD,
          // Shop A: due 12-02 08:00, shipped 12:00 → 4 h late: 800.00 × 5 % = 40.00 → max 30.00.
          row('羊绒大衣', '261201-100000000000011', '800.00', '2026-12-02 12:00:00', '2026-12-01 08:00:00', '2026-12-02 08:00:00', '老周家居旗舰店'),
          // Shop B: due 12-02 09:00, shipped 12:00 → 3 h late: 600.00 × 5 % = 30.00.
          row('羊绒围巾', '261201-200000000000012', '600.00', '2026-12-02 12:00:00', '2026-12-01 09:00:00', '2026-12-02 09:00:00', '老周毛织'),
        ].join('\r\n') +
        '\r\n',
    );
    // Per shop: 30.00 and 30.00, each under its shop's 50.00 cap: 60.00 to issue. Before, one voucher
    // of both orders, 30.00 + 30.00 = 60.00 capped at 50.00: 10.00 short.
    const r = runCli(['compensate', file, '--rules', path.join(dir, 'rules.json'), '--as-of', '2026-12-04 10:00:00', '--lang', 'en', '-q', '-f', 'json']);
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.stdout) as { orderIds: string[]; amount: string; toIssue: string; shop: string }[]).map((v) => [v.orderIds.join(';'), v.amount, v.toIssue, v.shop]);
    expect(rows).toEqual([
      ['261201-100000000000011', '30.00', '30.00', '老周家居旗舰店'],
      ['261201-200000000000012', '30.00', '30.00', '老周毛织'],
    ]);
  });
});
