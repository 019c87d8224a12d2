// `orders normalize`'s output fed back to compensate (docs/formats.md "storeops' own output").
// Amounts by hand (docs/rules.md §1.3, tmall-2026): paid 2026-05-01 10:00, no promised time → 48 h
// → deadline 05-03 10:00; shipped 05-04 10:00: 24 h late → 5 % of (paid − postage) 300.00 = 15.00
// (within 5.00–50.00).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { TAOBAO_ITEM_LAYOUTS } from '../../scripts/export-layouts.mjs';
import { tmpDir } from '../helpers.js';
import { cli } from '../hardening/inproc.js';
import { type Cells, order, taobaoCsv, write } from './build.js';

const AS_OF = ['--as-of', '2026-05-20 12:00:00'];
const late = (id: string, over: Cells) =>
  order(id, { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: '2026-05-01 10:00:00', 订单付款时间: '2026-05-01 10:00:00', 发货时间: '2026-05-04 10:00:00', 买家应付货款: '300.00', 买家应付邮费: '0.00', 买家实际支付金额: '300.00', ...over });
type V = { buyer: string; orderIds: string[]; amount: string; toIssue: string; state: string; shop: string; recorded: string };
const vouchers = (r: { stdout: string }) => JSON.parse(r.stdout) as V[];

describe('orders normalize → compensate', () => {
  const dir = tmpDir('storeops-normfeed-');

  it('keeps the shop (店铺Id / 店铺名称): vouchers and the ledger name it as from the export', async () => {
    // Before: the output had no shop column, so the vouchers read back had shop "" (recorded without
    // a shop, counting toward every shop's cap, docs/rules.md §1.3a).
    const src = write(dir, 'shops.csv', taobaoCsv([
      late('3515313147329352201', { 买家会员名: '小明', 店铺Id: '1001', 店铺名称: '阿花的店' }),
      late('3515313147329352202', { 买家会员名: '小红', 店铺Id: '', 店铺名称: '暖冬织物旗舰店' }),
    ]));
    for (const lang of ['en', 'zh']) {
      const norm = path.join(dir, `shops-${lang}.csv`);
      expect((await cli(['orders', 'normalize', src, '-o', norm, '--lang', lang, '-q'])).code).toBe(0);
      const a = await cli(['compensate', src, ...AS_OF, '-f', 'json', '-q']);
      const b = await cli(['compensate', norm, ...AS_OF, '-f', 'json', '-q']);
      expect(vouchers(a).map((v) => [v.buyer, v.shop, v.amount])).toEqual([['小明', '1001', '15.00'], ['小红', '暖冬织物旗舰店', '15.00']]);
      expect(b.stdout).toBe(a.stdout);
      // Recorded from the normalized file, the export's run finds the same vouchers recorded.
      const state = path.join(dir, `shops-${lang}.db`);
      expect((await cli(['compensate', norm, ...AS_OF, '--record', '--state', state, '-f', 'json', '-q'])).code).toBe(0);
      const again = await cli(['compensate', src, ...AS_OF, '--record', '--state', state, '-f', 'json', '-q']);
      expect(again.code).toBe(0);
      expect(vouchers(again).map((v) => [v.shop, v.recorded, v.toIssue])).toEqual([['1001', 'already_recorded', '0.00'], ['暖冬织物旗舰店', 'already_recorded', '0.00']]);
      const ledger = JSON.parse((await cli(['ledger', 'list', '--state', state, '-f', 'json', '-q'])).stdout) as { shop: string }[];
      expect(ledger.map((l) => l.shop).sort()).toEqual(['1001', '暖冬织物旗舰店']);
    }
  });

  it('an output of an earlier storeops without the shop columns: inspect, normalize and compensate warn (en/zh); the current output does not', async () => {
    const src = write(dir, 'old-src.csv', taobaoCsv([late('3515313147329352211', { 买家会员名: '小明', 店铺Id: '1001', 店铺名称: '阿花的店' })]));
    const norm = path.join(dir, 'old-norm.csv');
    expect((await cli(['orders', 'normalize', src, '-o', norm, '-q'])).code).toBe(0);
    // The output as storeops wrote it before 02ad664: the same columns less shopId and shopName.
    const rows = fs.readFileSync(norm, 'utf8').replace(/^\uFEFF/, '').split('\n');
    const head = rows[0]!.split(',');
    const drop = new Set([head.indexOf('shopId'), head.indexOf('shopName')]);
    expect(drop.has(-1)).toBe(false);
    // No cell of this row holds a comma (checked: the title and note are plain), so split/join is exact.
    const old = write(dir, 'old.csv', rows.map((r) => (r === '' ? r : r.split(',').filter((_, i) => !drop.has(i)).join(','))).join('\n'));
    const warning = `${old}: this is orders normalize output from an earlier storeops, without the shop columns (shopId/店铺Id, shopName/店铺名称)`;
    const out = path.join(dir, 'old-again.csv');
    for (const args of [['orders', 'inspect', old, '-f', 'json'], ['orders', 'normalize', old, '-o', out], ['compensate', old, ...AS_OF, '-f', 'json']]) {
      const r = await cli(args);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`storeops: warning: ${warning}`);
      expect(r.stderr).toContain('Run orders normalize again on the original export with this version');
    }
    const zh = await cli(['compensate', old, ...AS_OF, '-f', 'json', '--lang', 'zh']);
    expect(zh.stderr).toContain(`storeops: 警告: ${old}: 这是旧版 storeops 的 orders normalize 输出, 没有店铺列 (shopId/店铺Id、shopName/店铺名称)`);
    // Still read: 24 h late, 5 % × 300.00 = 15.00, with no shop.
    expect(vouchers(zh).map((v) => [v.buyer, v.shop, v.amount])).toEqual([['小明', '', '15.00']]);
    // The current output (shop columns present, even if empty) is not warned about.
    for (const f of [norm, src]) expect((await cli(['compensate', f, ...AS_OF, '-f', 'json'])).stderr).not.toContain('earlier storeops');
  });

  it('a buyer masked in the output (a phone nick) is rejected, naming the export line; --show-pii output gives the export\'s vouchers', async () => {
    // Two buyers whose nicks are phone numbers that mask alike (139****0165). Before: compensate on
    // the masked file combined them into one voucher of 30.00 for "139****0165" (and recorded that
    // nick, so a later run on the export recorded both again).
    const src = write(dir, 'phones.csv', taobaoCsv([late('3515313147329352301', { 买家会员名: '13925130165' }), late('3515313147329352302', { 买家会员名: '13925120165' })]));
    const masked = path.join(dir, 'phones-masked.csv');
    expect((await cli(['orders', 'normalize', src, '-o', masked, '-q'])).code).toBe(0);
    const b = await cli(['compensate', masked, ...AS_OF, '-f', 'json']);
    expect(b.code).toBe(3); // every row rejected: no usable order
    expect(b.stderr).toContain(`${masked}:2 [buyer]: the buyer "139****0165" was masked by orders normalize: which buyer it is cannot be told (vouchers are combined, capped and recorded by buyer); run on the export, or write the file again with orders normalize --show-pii (from ${src}:2)`);
    const zh = await cli(['compensate', masked, ...AS_OF, '-f', 'json', '--lang', 'zh']);
    expect(zh.stderr).toContain(`买家 "139****0165" 是 orders normalize 打码后的文本`);
    expect(zh.stderr).toContain(`(来自 ${src}:3)`);
    // inspect still reads the masked file (only compensate keys money by the buyer).
    expect((await cli(['orders', 'inspect', masked, '-q'])).code).toBe(0);
    const shown = path.join(dir, 'phones-shown.csv');
    expect((await cli(['orders', 'normalize', src, '-o', shown, '--show-pii', '-q'])).code).toBe(0);
    const a = await cli(['compensate', src, ...AS_OF, '-f', 'json', '-q']);
    const c = await cli(['compensate', shown, ...AS_OF, '-f', 'json', '-q']);
    expect(vouchers(a).map((v) => [v.orderIds, v.amount])).toEqual([[['3515313147329352302'], '15.00'], [['3515313147329352301'], '15.00']]);
    expect(c.stdout).toBe(a.stdout);
  });

  it('an order folded from several lines: normalize says to write --lines, whose output compensate prices as the export', async () => {
    // 宝贝报表, one order of two lines 150.00 + 150.00 (tmall-2026 prices each sub-order, RULES
    // 1.3): 24 h late → 5 % × 150.00 = 7.50 each, 15.00 in all. Folded to one order row it was one
    // order of 300.00 → 15.00 here too; with lines of 50.00 + 250.00 the per-line minimum shows:
    // 5 % × 50.00 = 2.50 → 5.00, and 5 % × 250.00 = 12.50: 17.50, where the folded order came to
    // 5 % × 300.00 = 15.00 (before: compensate on normalize's default output paid 15.00).
    const T28 = (TAOBAO_ITEM_LAYOUTS as Record<string, string[]>)[28]!;
    const line = (sub: string, amount: string) => ({
      子订单编号: sub, 主订单编号: '3515313147329352400', 标题: '围巾', 价格: amount, 购买数量: '1', 订单状态: '卖家已发货，等待买家确认',
      买家应付货款: amount, 买家实际支付金额: amount, 订单创建时间: '2026-05-01 10:00:00', 订单付款时间: '2026-05-01 10:00:00', 发货时间: '2026-05-04 10:00:00',
    });
    const src = write(dir, 'items.csv', taobaoCsv([line('3515313147329352401', '50.00'), line('3515313147329352402', '250.00')], T28));
    const folded = path.join(dir, 'items-folded.csv');
    const n = await cli(['orders', 'normalize', src, '-o', folded]);
    expect(n.code).toBe(0);
    expect(n.stderr).toContain(`1 order folded from several order lines (e.g. ${src}:2 3515313147329352400); a rule set that pays per sub-order (tmall-2026) prices each line, so compensate on this output would pay less than on the export: write it with --lines to feed it to compensate`);
    const nz = await cli(['orders', 'normalize', src, '-o', path.join(dir, 'items-folded-zh.csv'), '--lang', 'zh']);
    expect(nz.stderr).toContain('1 个订单由多行订单明细合并而成');
    const lines = path.join(dir, 'items-lines.csv');
    const l = await cli(['orders', 'normalize', src, '-o', lines, '--lines']);
    expect(l.stderr).not.toContain('folded');
    const a = await cli(['compensate', src, ...AS_OF, '-f', 'json', '-q']);
    expect(vouchers(a).map((v) => v.amount)).toEqual(['17.50']);
    expect((await cli(['compensate', lines, ...AS_OF, '-f', 'json', '-q'])).stdout).toBe(a.stdout);
    expect(vouchers(await cli(['compensate', folded, ...AS_OF, '-f', 'json', '-q'])).map((v) => v.amount)).toEqual(['15.00']);
  });

  it('a 抖店 order folded from several lines: no tmall-2026 warning (douyin-2025 pays per order), compensate on the output is the export one', async () => {
    // examples/douyin-orders-202611.csv: order 6900000000000000801 has three sub-orders (lines 9–11).
    // Before: "1 order folded from several order lines (e.g. …:9 6900000000000000801); a rule set that
    // pays per sub-order (tmall-2026) …", a rule for Taobao/Tmall orders that never judges a 抖店 one.
    const src = path.resolve(__dirname, '../../examples/douyin-orders-202611.csv');
    const out = path.join(dir, 'douyin-folded.csv');
    for (const lang of ['en', 'zh']) {
      const n = await cli(['orders', 'normalize', src, '-o', out, '--lang', lang]);
      expect(n.code).toBe(0);
      expect(n.stderr).not.toMatch(/tmall-2026|folded|合并而成/);
    }
    // douyin-2025 pays per order: the folded order is what compensate prices, from the export or the output.
    const args = ['--as-of', '2026-11-25 10:00:00', '-f', 'json', '-q'];
    expect((await cli(['compensate', out, ...args])).stdout).toBe((await cli(['compensate', src, ...args])).stdout);
  });

  it('a rejected row that holds a voucher: normalize says the output cannot hold it back', async () => {
    // 小明's order …501 is late (15.00); his order …502 has a paid amount that cannot be read
    // (rejected, same day): on the export the voucher stays provisional (the rejected order may
    // belong in it); the output leaves …502 out, so on it the voucher reads final.
    const src = write(dir, 'held.csv', taobaoCsv([late('3515313147329352501', {}), late('3515313147329352502', { 买家实际支付金额: 'abc' })]));
    const out = path.join(dir, 'held-out.csv');
    const n = await cli(['orders', 'normalize', src, '-o', out]);
    expect(n.code).toBe(1);
    expect(n.stderr).toContain(`rejected or repeated rows whose order may belong in a voucher are left out of the output: 1 (e.g. ${src}:3); compensate on the export keeps those vouchers provisional, on this output it cannot: fix the rows and normalize again before feeding the output to compensate`);
    expect((await cli(['orders', 'normalize', src, '-o', path.join(dir, 'held-zh.csv'), '--lang', 'zh'])).stderr).toContain('输出中缺少 1 行被拒绝或重复的行');
    expect(vouchers(await cli(['compensate', src, ...AS_OF, '-f', 'json', '-q'])).map((v) => [v.amount, v.state])).toEqual([['15.00', 'provisional']]);
    expect(vouchers(await cli(['compensate', out, ...AS_OF, '-f', 'json', '-q'])).map((v) => [v.amount, v.state])).toEqual([['15.00', 'final']]);
  });
});

describe('orders normalize --show-pii → compensate: a nick of its own with stars (review18)', () => {
  const dir = tmpDir('storeops-normstars-');
  // A 抖店 用户昵称 may hold stars of its own (小****仙): not storeops' masking of a phone number
  // (139****0165 / ********67). Before, compensate refused every row of a --show-pii output whose
  // nick held four stars, and its voucher was lost. 小****仙's order: tmall-2026, 24 h late,
  // 5 % × 300.00 = 15.00 (see the top of this file); a masked phone nick is still refused.
  it('is read as the buyer, as from the export; a masked phone nick is still refused', async () => {
    const src = write(dir, 'stars.csv', taobaoCsv([late('3515313147329352601', { 买家会员名: '小****仙' }), late('3515313147329352602', { 买家会员名: '010-1234567' })]));
    const shown = path.join(dir, 'stars-shown.csv');
    expect((await cli(['orders', 'normalize', src, '-o', shown, '--show-pii', '-q'])).code).toBe(0);
    const a = await cli(['compensate', src, ...AS_OF, '-f', 'json', '-q']);
    expect(vouchers(a).map((v) => [v.buyer, v.amount]).sort()).toEqual([['********67', '15.00'], ['小****仙', '15.00']]); // output masks the landline nick
    expect((await cli(['compensate', shown, ...AS_OF, '-f', 'json', '-q'])).stdout).toBe(a.stdout);
    // Without --show-pii the landline nick is written ********67 and refused; 小****仙 is not.
    const masked = path.join(dir, 'stars-masked.csv');
    expect((await cli(['orders', 'normalize', src, '-o', masked, '-q'])).code).toBe(0);
    const b = await cli(['compensate', masked, ...AS_OF, '-f', 'json']);
    expect(vouchers(b).map((v) => [v.buyer, v.amount])).toEqual([['小****仙', '15.00']]);
    expect(b.stderr).toContain(`${masked}:3 [buyer]: the buyer "********67" was masked by orders normalize`);
  });
});
