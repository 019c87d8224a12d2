// Issue 9: compensation invariants as properties, through the in-process API of
// src/compensation (judge → payout → buildVouchers) and, for file splitting, the whole CLI in
// process. RULES 1.2 (tmall-2023): 30 %, at least 5.00 per order, combined per 24 h window of
// payment times, capped at 500.00 per window. RULES 1.3 (tmall-2026): 5 % clamped 5–50 (out of
// stock 10/15 % clamped 5–500), combined per Beijing calendar day, capped at 500.00.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judge, payout } from '../../src/compensation/judge.js';
import { type LateOrder, buildVouchers, compactPayout } from '../../src/compensation/vouchers.js';
import { Money, fmtMoney } from '../../src/money.js';
import type { Order } from '../../src/orders/types.js';
import { type RuleSet, loadRuleSet } from '../../src/rules/ruleset.js';
import { DAY_MS, HOUR_MS, TimeZone } from '../../src/time.js';
// @ts-expect-error: a plain .mjs script without types
import { TAOBAO_ORDER_LAYOUTS, csvCell, taobaoCsvCell } from '../../scripts/export-layouts.mjs';
import { ROOT, tmpDir } from '../helpers.js';
import { cli } from './inproc.js';

const RULES: Record<string, RuleSet> = { 'tmall-2023': loadRuleSet('tmall-2023', ROOT), 'tmall-2026': loadRuleSet('tmall-2026', ROOT) };
const BJ = new TimeZone('Asia/Shanghai');
const START = Date.UTC(2026, 10, 10, 0, 0, 0) - 8 * HOUR_MS; // 2026-11-10 00:00 Beijing
const AS_OF = Date.UTC(2026, 10, 25, 2, 0, 0); // 2026-11-25 10:00 Beijing
const MIN = new Money('5.00');
const CAP = new Money('500.00');

interface Gen {
  id: string;
  buyer: string;
  paidMin: number; // minutes after START
  shipAfterH: number | null; // hours after payment; null = not shipped
  paidFen: number;
  postageFen: number;
  presale: boolean;
}

const genOrder = fc.record({
  id: fc.bigInt(1_000_000_000_000_000n, 9_999_999_999_999_999_999n).map(String),
  buyer: fc.constantFrom('甲', '乙', '丙', ''), // '' = a buyer with no name: never combined
  paidMin: fc.integer({ min: 0, max: 4 * 24 * 60 }),
  shipAfterH: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
  paidFen: fc.integer({ min: 0, max: 500_000 }),
  postageFen: fc.integer({ min: 0, max: 2_000 }),
  presale: fc.boolean(),
});
const genOrders = fc.uniqueArray(genOrder, { minLength: 1, maxLength: 25, selector: (o) => o.id });

const fen = (n: number) => new Money(n).div(100);

function toOrder(g: Gen): Order {
  const paidAt = START + g.paidMin * 60_000;
  return {
    platform: 'taobao', layout: 'taobao-orders-71', sourceFile: 'gen', sourceLine: 0, orderId: g.id, parentOrderId: null, lineId: null,
    buyer: g.buyer, status: g.shipAfterH === null ? 'awaiting_shipment' : 'shipped', statusRaw: '', createdAt: paidAt, paidAt,
    shippedAt: g.shipAfterH === null ? null : paidAt + g.shipAfterH * HOUR_MS, confirmedAt: null, promisedShipAt: null,
    goodsAmount: fen(g.paidFen), postage: fen(g.postageFen), paidAmount: fen(g.paidFen + g.postageFen), refundAmount: null, quantity: 1,
    title: '围巾', carrier: '', trackingNo: '', presale: g.presale, platformCompensation: null, sellerFlag: '', sellerNote: '', closeReason: '',
    receiver: '', phone: '', address: '', articleNo: '',
  };
}

/** What run.ts does per order: judge, and for a late one its payout. */
function lateOrders(orders: Order[], rules: RuleSet): LateOrder[] {
  const out: LateOrder[] = [];
  for (const o of orders) {
    const v = judge(o, rules, { asOf: AS_OF });
    if (v.verdict !== 'late') continue;
    out.push({
      orderId: o.orderId, buyer: o.buyer, rules: rules.id, paidAt: o.paidAt!, deadline: v.deadline, shippedAt: v.shippedAt, hoursLate: v.hoursLate,
      payout: compactPayout(payout(o, v.kind, v.windowHours, rules, 'paid-minus-postage')), platformCompensation: null,
      shipSource: v.shippedAt === null ? 'unshipped' : 'marked_shipped',
    });
  }
  return out;
}

const total = (vs: { amount: Money }[]) => fmtMoney(vs.reduce((s, v) => s.plus(v.amount), new Money(0)));

describe.each(Object.keys(RULES))('%s', (id) => {
  const rules = RULES[id]!;

  it('never below the per-order minimum (5.00), and within the per-order maximum where there is one', () => {
    fc.assert(
      fc.property(genOrders, (gs) => {
        for (const l of lateOrders(gs.map(toOrder), rules)) {
          expect(l.payout.afterFen).toBeGreaterThanOrEqual(500);
          // tmall-2026: late 5–50, out of stock 5–500 (RULES 1.3); tmall-2023 has no per-order maximum.
          if (id === 'tmall-2026') expect(l.payout.afterFen).toBeLessThanOrEqual(l.payout.kind === 'late' ? 5_000 : 50_000);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('never above the cap per window; amount = min(sum of per-order payouts, 500.00); each late order in exactly one window of one buyer', () => {
    fc.assert(
      fc.property(genOrders, (gs) => {
        const late = lateOrders(gs.map(toOrder), rules);
        const vs = buildVouchers(late, new Map(), rules, AS_OF, BJ);
        const seen = new Map<string, number>();
        for (const v of vs) {
          expect(v.amount.lte(CAP)).toBe(true);
          const sum = v.orders.reduce((s, l) => s + l.payout.afterFen, 0);
          expect(fmtMoney(v.computedAmount)).toBe(fmtMoney(fen(sum)));
          expect(fmtMoney(v.amount)).toBe(fmtMoney(Money.min(fen(sum), CAP)));
          expect(v.capped).toBe(fen(sum).gt(CAP));
          expect(v.amount.gte(MIN)).toBe(true);
          for (const l of v.orders) {
            seen.set(l.orderId, (seen.get(l.orderId) ?? 0) + 1);
            expect(l.buyer).toBe(v.buyer);
            // RULES 1.2: paid within 24 h of the window's opening; RULES 1.3: the same Beijing day.
            if (rules.combine.by === 'rolling-24h') expect(l.paidAt - v.windowStart).toBeLessThanOrEqual(DAY_MS);
            else expect(BJ.startOfDay(l.paidAt)).toBe(BJ.startOfDay(v.windowStart));
            expect(l.paidAt).toBeGreaterThanOrEqual(v.windowStart);
          }
          if (v.buyer === '') expect(v.orders).toHaveLength(1);
        }
        expect([...seen.keys()].sort()).toEqual(late.map((l) => l.orderId).sort());
        expect([...seen.values()].every((n) => n === 1)).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('the vouchers (keys and amounts) and the total do not depend on row order', () => {
    fc.assert(
      fc.property(
        genOrders.chain((gs) => fc.tuple(fc.constant(gs), fc.shuffledSubarray(gs, { minLength: gs.length, maxLength: gs.length }))),
        ([gs, shuffled]) => {
          const a = buildVouchers(lateOrders(gs.map(toOrder), rules), new Map(), rules, AS_OF, BJ);
          const b = buildVouchers(lateOrders(shuffled.map(toOrder), rules), new Map(), rules, AS_OF, BJ);
          expect(total(b)).toBe(total(a));
          expect(b.map((v) => [v.voucherKey, fmtMoney(v.amount)])).toEqual(a.map((v) => [v.voucherKey, fmtMoney(v.amount)]));
        },
      ),
      { numRuns: 80 },
    );
  });
});

// The same orders in one file, or split over several files (in any order): the same vouchers.
const H71: string[] = TAOBAO_ORDER_LAYOUTS[71];
function exportCsv(gs: Gen[]): string {
  const bj = (t: number) => new Date(t + 8 * HOUR_MS).toISOString().slice(0, 19).replace('T', ' ');
  const rows = gs.map((g) => {
    const paidAt = START + g.paidMin * 60_000;
    const v: Record<string, string> = {
      订单编号: g.id, 主订单编号: g.id, 买家会员名: g.buyer || '', 买家应付货款: fmtMoney(fen(g.paidFen)), 买家应付邮费: fmtMoney(fen(g.postageFen)),
      买家实际支付金额: fmtMoney(fen(g.paidFen + g.postageFen)), 订单状态: g.shipAfterH === null ? '买家已付款，等待卖家发货' : '卖家已发货，等待买家确认',
      订单创建时间: bj(paidAt), 订单付款时间: bj(paidAt), 发货时间: g.shipAfterH === null ? '' : bj(paidAt + g.shipAfterH * HOUR_MS),
      宝贝标题: '围巾', 宝贝总数量: '1', 订单关闭原因: '订单未关闭', 预售订单: g.presale ? '是' : '否',
    };
    return H71.map((h) => taobaoCsvCell(h, v[h] ?? '')).join(',');
  });
  return [H71.map(csvCell).join(','), ...rows].join('\r\n') + '\r\n';
}

describe('splitting the input into several files', () => {
  it('gives the same vouchers and total as one file (whole CLI in process, both rule sets)', async () => {
    const dir = tmpDir('storeops-split-');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(genOrders, fc.integer({ min: 2, max: 4 }), fc.constantFrom('tmall-2023', 'tmall-2026'), async (gs, parts, id) => {
        const one = path.join(dir, `one-${++n}.csv`);
        fs.writeFileSync(one, exportCsv(gs));
        const files: string[] = [];
        for (let p = 0; p < parts; p++) {
          const f = path.join(dir, `part-${n}-${p}.csv`);
          fs.writeFileSync(f, exportCsv(gs.filter((_, i) => i % parts === p)));
          files.unshift(f); // and in reverse order
        }
        const args = ['--rules', id, '--as-of', '2026-11-25 10:00:00', '-f', 'json', '-q'];
        const a = await cli(['compensate', one, ...args]);
        const b = await cli(['compensate', ...files, ...args]);
        expect(a.code).toBe(0);
        expect(b.code).toBe(0);
        const strip = (s: string) => (JSON.parse(s) as { voucherKey: string; amount: string; orderIds: string[] }[]).map((v) => [v.voucherKey, v.amount, v.orderIds]);
        expect(strip(b.stdout)).toEqual(strip(a.stdout));
        // And the CLI found exactly the late orders the API finds (the files were read, not skipped).
        const ids = strip(a.stdout).flatMap(([, , o]) => o as string[]).sort();
        expect(ids).toEqual(lateOrders(gs.map(toOrder), RULES[id]!).map((l) => l.orderId).sort());
      }),
      { numRuns: 40 },
    );
  });
});
