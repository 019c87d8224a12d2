// README, Privacy: a buyer nick that is (or holds) a phone number is the buyer's phone, masked as one
// (13925130165 → 139****0165, jack13925130165 → jack139****0165) unless --show-pii. It was masked in
// `reviews` only: compensate's voucher rows, --by order, --at-risk, `ledger list/export` and
// `orders normalize` printed it as written. The ledger and the caps still work on the nick as written.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const shipped = '卖家已发货，等待买家确认';
// Paid 05-01 10:00 (tmall-2026), 48 h window → deadline 05-03 10:00; shipped 05-04 10:00: 24 h late
// → 5 % × 300.00 = 15.00 (within 5.00–50.00).
const late = (id: string, buyer: string) =>
  order(id, { 买家会员名: buyer, 订单状态: shipped, 订单创建时间: '2026-05-01 10:00:00', 订单付款时间: '2026-05-01 10:00:00', 发货时间: '2026-05-04 10:00:00', 买家应付货款: '300.00', 买家应付邮费: '0.00', 买家实际支付金额: '300.00', 宝贝标题: '羊毛围巾' });
const json = (r: { stdout: string }) => JSON.parse(r.stdout) as Record<string, unknown>[];

describe('a phone-like buyer nick is masked in compensate, ledger and orders output', () => {
  const dir = tmpDir();
  const f = write(dir, 'a.csv', taobaoCsv([late('3515313147329352101', '13925130165'), late('3515313147329352102', 'jack13925130166'), late('3515313147329352103', 't_1483584939820')]));

  it('voucher rows and --by order rows; --show-pii shows the nick as written', () => {
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const r = runCli(['compensate', f, '--as-of', '2026-05-20 12:00:00', '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      expect(json(r).map((v) => [v.buyer, v.amount])).toEqual([['139****0165', '15.00'], ['jack139****0166', '15.00'], ['t_1483584939820', '15.00']]);
    }
    const o = runCli(['compensate', f, '--as-of', '2026-05-20 12:00:00', '--by', 'order', '-f', 'json']);
    expect(json(o).map((v) => v.buyer)).toEqual(['139****0165', 'jack139****0166', 't_1483584939820']);
    const p = runCli(['compensate', f, '--as-of', '2026-05-20 12:00:00', '--show-pii', '-f', 'json']);
    expect(json(p).map((v) => v.buyer)).toEqual(['13925130165', 'jack13925130166', 't_1483584939820']);
  });

  it('--at-risk rows', () => {
    // Unshipped, paid 05-01 10:00 → deadline 05-03 10:00; as of 05-03 09:00 it is due within 2 h.
    const g = write(dir, 'b.csv', taobaoCsv([order('3515313147329352104', { 买家会员名: '13925130167', 订单状态: '买家已付款，等待卖家发货', 订单创建时间: '2026-05-01 10:00:00', 订单付款时间: '2026-05-01 10:00:00', 发货时间: '', 买家应付货款: '300.00', 买家应付邮费: '0.00', 买家实际支付金额: '300.00', 宝贝标题: '羊毛围巾' })]));
    const r = runCli(['compensate', g, '--as-of', '2026-05-03 09:00:00', '--at-risk', '2', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(json(r).map((v) => [v.orderId, v.buyer])).toEqual([['3515313147329352104', '139****0167']]);
  });

  it('ledger list / export; the ledger keeps the nick as written', () => {
    const db = `${dir}/state.db`;
    const rec = runCli(['compensate', f, '--as-of', '2026-05-20 12:00:00', '--record', '--state', db, '-f', 'json']);
    expect(rec.code).toBe(0);
    const list = runCli(['ledger', 'list', '--state', db, '-f', 'json']);
    expect(list.code).toBe(0);
    expect(json(list).map((v) => v.buyer).sort()).toEqual(['139****0165', 'jack139****0166', 't_1483584939820']);
    const exp = runCli(['ledger', 'export', '--state', db, '-f', 'json']);
    expect(json(exp).map((v) => v.buyer).sort()).toEqual(['139****0165', 'jack139****0166', 't_1483584939820']);
    const pii = runCli(['ledger', 'list', '--state', db, '--show-pii', '-f', 'json']);
    expect(json(pii).map((v) => v.buyer).sort()).toEqual(['13925130165', 'jack13925130166', 't_1483584939820']);
  });

  it('orders normalize', () => {
    const r = runCli(['orders', 'normalize', f, '-f', 'json']);
    expect(r.code).toBe(0);
    expect(json(r).map((v) => v.buyer)).toEqual(['139****0165', 'jack139****0166', 't_1483584939820']);
  });
});

// The same for the shop (店铺Id, or 店铺名称 where the Id is empty): a small seller's shop may be
// named by the owner's mobile. orders normalize masked it (shopId), but compensate's `shop` column,
// `ledger list/export` and the messages naming a shop printed 13812345678 as written.
describe('a shop cell that is a phone number is masked in compensate, ledger and messages', () => {
  const dir = tmpDir();
  const inShop = (id: string, buyer: string, shop: string) => ({ ...late(id, buyer), 店铺Id: shop });
  const f = write(dir, 'a.csv', taobaoCsv([inShop('3515313147329352201', 'buyerA', '13812345678'), inShop('3515313147329352202', 'buyerB', '100200300')]));

  it('voucher rows and --by order rows (each 15.00, as above); --show-pii shows it as written', () => {
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const r = runCli(['compensate', f, '--as-of', '2026-05-20 12:00:00', '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      expect(json(r).map((v) => [v.buyer, v.shop, v.amount])).toEqual([['buyerA', '138****5678', '15.00'], ['buyerB', '100200300', '15.00']]);
      // The note naming the run's shops masks it too.
      expect(r.stderr).toContain('(100200300, 138****5678)');
      expect(r.stderr).not.toContain('13812345678');
    }
    const o = runCli(['compensate', f, '--as-of', '2026-05-20 12:00:00', '--by', 'order', '-f', 'json']);
    expect(json(o).map((v) => v.shop)).toEqual(['138****5678', '100200300']);
    const p = runCli(['compensate', f, '--as-of', '2026-05-20 12:00:00', '--show-pii', '-f', 'json']);
    expect(json(p).map((v) => v.shop)).toEqual(['13812345678', '100200300']);
  });

  it('ledger list / export; the ledger keeps the shop as written (caps go by it)', () => {
    const db = `${dir}/state.db`;
    expect(runCli(['compensate', f, '--as-of', '2026-05-20 12:00:00', '--record', '--state', db, '-f', 'json']).code).toBe(0);
    for (const cmd of ['list', 'export']) {
      expect(json(runCli(['ledger', cmd, '--state', db, '-f', 'json'])).map((v) => v.shop).sort()).toEqual(['100200300', '138****5678']);
    }
    expect(json(runCli(['ledger', 'list', '--state', db, '--show-pii', '-f', 'json'])).map((v) => v.shop).sort()).toEqual(['100200300', '13812345678']);
  });

  it('the refusal naming a shop by 店铺Id and another only by 店铺名称 (exit 3)', () => {
    const g = write(dir, 'b.csv', taobaoCsv([inShop('3515313147329352203', 'buyerA', '13812345678'), { ...late('3515313147329352204', 'buyerB'), 店铺Id: '', 店铺名称: '暖冬织物旗舰店' }]));
    const r = runCli(['compensate', g, '--as-of', '2026-05-20 12:00:00']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('b.csv:2: 138****5678');
    expect(r.stderr).not.toContain('13812345678');
  });
});
