// windows() sorts the late orders first by their buyer keys natively (each key's rank with the
// order's index) and then each run of equal keys by the whole comparison (issue 21, seventeenth
// round). It must give the windows one stable sort by buyer name, rule set, paid time and order id
// gives — checked here against that sort made with plain strings and Array.prototype.sort (stable),
// grouped as docs/rules.md §1.2/§1.3 say: a buyer's orders under one rule set, a window opening at
// the first and holding what is paid within its reach (tmall-2023: 24 h, inclusive; tmall-2026: the
// same Beijing calendar day); a buyer with no name never combined; the lines of one order (same id
// and paid time) one window.
import { describe, expect, it } from 'vitest';
import { LateStore } from '../../src/compensation/latestore.js';
import { type LateOrder } from '../../src/compensation/vouchers.js';
import { windows } from '../../src/compensation/window.js';
import { Money } from '../../src/money.js';
import { type RuleSet, loadRuleSet } from '../../src/rules/ruleset.js';
import { DAY_MS, HOUR_MS, TimeZone } from '../../src/time.js';
import { ROOT } from '../helpers.js';

const BJ = new TimeZone('Asia/Shanghai');
const RULES: Record<string, RuleSet> = { 'tmall-2023': loadRuleSet('tmall-2023', ROOT), 'tmall-2026': loadRuleSet('tmall-2026', ROOT) };
const T0 = Date.UTC(2026, 10, 1, 16, 0, 0); // 2026-11-02 00:00 Beijing

function late(orderId: string, buyer: string, rules: string, paidAt: number): LateOrder {
  return {
    orderId, buyer, rules, paidAt,
    deadline: paidAt + 48 * HOUR_MS, shippedAt: paidAt + 73 * HOUR_MS, hoursLate: 25,
    payout: { kind: 'late', rate: new Money('0.05'), baseFen: 29000, rawFen: 1450, afterFen: 1450 },
    platformCompensation: null, shipSource: 'marked_shipped',
  };
}

/** The windows by the definition: one stable sort of plain values, then grouped. */
function reference(orders: LateOrder[]): number[][] {
  const s = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const idx = orders.map((_, i) => i).sort((a, b) => {
    const x = orders[a]!;
    const y = orders[b]!;
    return s(x.buyer, y.buyer) || s(x.rules, y.rules) || x.paidAt - y.paidAt || s(x.orderId, y.orderId);
  });
  const out: number[][] = [];
  let cur: number[] = [];
  let end = -Infinity;
  for (const i of idx) {
    const o = orders[i]!;
    const f = cur.length ? orders[cur[0]!]! : undefined;
    const joins = f !== undefined && o.buyer !== '' && o.buyer === f.buyer && o.rules === f.rules && o.paidAt <= end;
    const sameOrder = f !== undefined && o.orderId === f.orderId && o.paidAt === f.paidAt && o.rules === f.rules;
    if (joins || sameOrder) {
      cur.push(i);
      continue;
    }
    if (cur.length) out.push(cur);
    cur = [i];
    // tmall-2023: 24 h from the opening, inclusive; tmall-2026: to the end of its Beijing day.
    end = o.rules === 'tmall-2023' ? o.paidAt + DAY_MS : BJ.startOfDay(o.paidAt) + DAY_MS - 1;
  }
  if (cur.length) out.push(cur);
  // Output order: the first order's paid time, buyer, rule set, order id.
  return out.sort((g, h) => {
    const x = orders[g[0]!]!;
    const y = orders[h[0]!]!;
    return x.paidAt - y.paidAt || s(x.buyer, y.buyer) || s(x.rules, y.rules) || s(x.orderId, y.orderId);
  });
}

describe('windows(): the same windows as one stable sort by buyer, rule set, paid time, order id', () => {
  it('on random late orders whose buyer keys often tie (long names sharing their first characters)', () => {
    let seed = 11;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >>> 12) % n;
    // Names of many distinct characters: a key holds only the first few past the shared start,
    // so 张三丰… names differing late tie on their keys and only the names tell them apart.
    const chars = '张三丰李四王五赵六钱七孙八周九吴十郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施';
    for (const n of [1, 2, 40, 700, 3000]) {
      const orders: LateOrder[] = [];
      for (let i = 0; i < n; i++) {
        const len = rnd(4) === 0 ? 0 : 3 + rnd(14);
        let name = len ? '买家' : '';
        for (let k = 0; k < len; k++) name += chars[k < 11 ? rnd(2) : rnd(chars.length)];
        const rules = rnd(3) === 0 ? 'tmall-2023' : 'tmall-2026';
        // Paid on one of 6 days, at whole hours (ties in paid time), ids from a small range (ties in id).
        // At n = 700 a few paid times are not whole seconds (kept whole by the store; the windows'
        // output order is then sorted by the comparison alone).
        const paidAt = T0 + rnd(6) * DAY_MS + rnd(24) * HOUR_MS + (rnd(5) === 0 ? 1000 : 0) + (n === 700 && rnd(50) === 0 ? 500 : 0);
        const id = String(3515313147329000000n + BigInt(rnd(Math.max(2, n))));
        orders.push(late(id, name, rules, paidAt));
      }
      const store = new LateStore();
      for (const o of orders) store.push(o);
      store.load();
      if (n === 3000) {
        // The case this is about is there: orders with equal keys and different names.
        const keys = store.buyerKeys();
        const byKey = new Map<number, Set<string>>();
        for (let i = 0; i < n; i++) byKey.set(keys[i]!, (byKey.get(keys[i]!) ?? new Set()).add(orders[i]!.buyer));
        expect([...byKey.values()].filter((names) => names.size > 1).length).toBeGreaterThan(20);
      }
      const list = windows(store, (id) => RULES[id]!, BJ);
      const got = list.map((g) => [...g]);
      expect(got).toEqual(reference(orders));
    }
  });

  it('a hand case: two buyers, two late orders each, interleaved in time', () => {
    // 乙 (U+4E59) sorts before 甲 (U+7532). Each buyer's two orders, 2 h apart on one Beijing day,
    // are one window (tmall-2026); the windows come out by their first paid time: 乙's at 01:00
    // (orders 3 and 1), 甲's at 02:00 (orders 0 and 2).
    const orders = [
      late('3515313147329000001', '买家张张张张甲', 'tmall-2026', T0 + 2 * HOUR_MS),
      late('3515313147329000002', '买家张张张张乙', 'tmall-2026', T0 + 3 * HOUR_MS),
      late('3515313147329000003', '买家张张张张甲', 'tmall-2026', T0 + 4 * HOUR_MS),
      late('3515313147329000004', '买家张张张张乙', 'tmall-2026', T0 + 1 * HOUR_MS),
    ];
    const store = new LateStore();
    for (const o of orders) store.push(o);
    store.load();
    expect(windows(store, (id) => RULES[id]!, BJ).map((g) => [...g])).toEqual([[3, 1], [0, 2]]);
  });
});
