// docs/rules.md §1.7 (desk3): a late order whose base is 0.00 (a 0元 order, a free gift, or postage
// only) is still a late transaction: the rule's per-order minimum applies (tmall-2026 tier 5: 5 %,
// at least 5.00), and the run names it so that one that is no sale of its own can be excluded.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';

const late = (buyer: string, paid: string, postage: string) => ({
  买家会员名: buyer,
  订单状态: '交易成功',
  订单创建时间: '2026-05-01 10:00:00',
  订单付款时间: '2026-05-01 10:00:00',
  // 48 h + 1 s after payment: 1 s late, tier 5.
  发货时间: '2026-05-03 10:00:01',
  买家应付货款: paid,
  买家实际支付金额: paid,
  买家应付邮费: postage,
});

describe('a late order with nothing paid for the goods', () => {
  it('is paid the minimum and named on stderr (zh and en); an order of 0.01 is not named', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'a.csv');
    fs.writeFileSync(
      f,
      taobaoCsv([
        // 0.00 − 0.00 = 0.00; 5 % × 0 = 0.00 → minimum 5.00.
        order('2000000000000000101', late('A', '0.00', '0.00')),
        // 10.00 − 10.00 postage = 0.00 → 5.00.
        order('2000000000000000102', late('B', '10.00', '10.00')),
        // 0.01: 5 % = 0.0005 → 0.00 (half-up to the fen) → minimum 5.00; a base above 0, not named.
        order('2000000000000000103', late('C', '0.01', '0.00')),
      ]),
    );
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const r = runCli(['compensate', f, '--as-of', '2026-06-01 00:00:00', '-f', 'json'], { tz });
      expect(r.code, r.stderr).toBe(0);
      const v = (JSON.parse(r.stdout) as { orderIds: string[]; amount: string }[]).map((x) => [x.orderIds[0], x.amount]);
      expect(v).toEqual([
        ['2000000000000000101', '5.00'],
        ['2000000000000000102', '5.00'],
        ['2000000000000000103', '5.00'],
      ]);
      expect(r.stderr).toContain("2 late orders or lines have a base of 0.00 (a 0元 order, a free gift, or only postage paid) and are paid the rule set's minimum, 5.00");
      expect(r.stderr).toContain(': 2000000000000000101, 2000000000000000102. ');
    }
    const zh = runCli(['compensate', f, '--as-of', '2026-06-01 00:00:00', '-f', 'json', '--lang', 'zh']);
    expect(zh.stderr).toContain('2 个延迟的订单/子订单商品实付为 0.00 (0元购、赠品、或只付了邮费), 按规则的最低额 5.00 赔付');
  });

  // Two minimums in one run, named smallest first (as numbers: 5.00/10.00, not the text order 10.00/5.00).
  // A shop rule file: late up to 1 h: 5 %, at least 10.00; later (up to 72 h): 5 %, at least 5.00.
  // D: 0.00, 1 s late → 10.00; E: 0.00, 2 h late → 5.00.
  it('names several minimums smallest first', () => {
    const dir = tmpDir();
    const rules = path.join(dir, 'shop.json');
    fs.writeFileSync(
      rules,
      JSON.stringify({
        id: 'shop-min',
        platform: 'taobao',
        title: { zh: '测试', en: 'test' },
        source: 'test',
        validFrom: null,
        validTo: null,
        shipWindowHours: 48,
        titleWindows: [],
        base: 'paid',
        tiers: [
          { kind: 'out_of_stock', hoursLate: { over: 72 }, rate: '0.10', min: '5.00', max: '100.00' },
          { kind: 'late', hoursLate: { upTo: 1 }, rate: '0.05', min: '10.00', max: '30.00' },
          { kind: 'late', hoursLate: { over: 1, upTo: 72 }, rate: '0.05', min: '5.00', max: '30.00' },
        ],
        rounding: 'fen',
        combine: { by: 'none', cap: null },
        payer: 'shop-issues',
        deliveryPromise: null,
      }),
    );
    const f = path.join(dir, 'b.csv');
    fs.writeFileSync(f, taobaoCsv([order('2000000000000000104', late('D', '0.00', '0.00')), order('2000000000000000105', { ...late('E', '0.00', '0.00'), 发货时间: '2026-05-03 12:00:00' })]));
    const r = runCli(['compensate', f, '--rules', rules, '--as-of', '2026-06-01 00:00:00', '-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { orderIds: string[]; amount: string }[]).map((x) => [x.orderIds[0], x.amount])).toEqual([
      ['2000000000000000104', '10.00'],
      ['2000000000000000105', '5.00'],
    ]);
    expect(r.stderr).toContain("are paid the rule set's minimum, 5.00/10.00 (");
  });

  // 52 late 0.00 orders of 52 buyers: each 5 % × 0.00 → minimum 5.00, 52 vouchers, 260.00. The warning
  // names the first 50 ids and counts the other 2 in the run's language: the zh warning said
  // `…(2 more)` (user7, a 0元 gift campaign shipped late).
  it('counts the orders past the 50 it names in Chinese in a zh run', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'c.csv');
    const ids = Array.from({ length: 52 }, (_, i) => String(2000000000000000200n + BigInt(i)));
    fs.writeFileSync(f, taobaoCsv(ids.map((id, i) => order(id, late(`买家${i}`, '0.00', '0.00')))));
    const zh = runCli(['compensate', f, '--as-of', '2026-06-01 00:00:00', '-f', 'json', '--lang', 'zh']);
    expect(zh.code, zh.stderr).toBe(0);
    const v = JSON.parse(zh.stdout) as { amount: string }[];
    expect(v.length).toBe(52);
    expect(v.every((x) => x.amount === '5.00')).toBe(true);
    expect(zh.stderr).toContain(`52 个延迟的订单/子订单商品实付为 0.00`);
    expect(zh.stderr).toContain(`${ids[49]} …(另有 2 个)。`);
    expect(zh.stderr).not.toMatch(/more/);
    const en = runCli(['compensate', f, '--as-of', '2026-06-01 00:00:00', '-f', 'json', '--lang', 'en']);
    expect(en.stderr).toContain(`${ids[49]} …(2 more). `);
  });
});
