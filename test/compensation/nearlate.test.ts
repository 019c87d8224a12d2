// compensate keeps only the open orders a window can ask about (src/compensation/nearlate.ts,
// issue 21). Dropping one a window does ask about turns a provisional voucher final: the index
// must hold every key a window looks up — the buyer in its shop AND the bare nick, which holds
// rows whose shop is not trusted — and the open orders must come back from the log as they went in.
import { describe, expect, it } from 'vitest';
import { SpillFile } from '../../src/io/spill.js';
import { Money } from '../../src/money.js';
import { LateStore } from '../../src/compensation/latestore.js';
import { NearLate } from '../../src/compensation/nearlate.js';
import { OpenLog } from '../../src/compensation/openstore.js';
import { SHOP_MARK, type LateOrder } from '../../src/compensation/vouchers.js';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const H = 3600_000;
const T0 = Date.UTC(2026, 10, 10, 1, 0, 0); // 2026-11-10 09:00 Beijing

function late(orderId: string, buyer: string, paidAt: number): LateOrder {
  return {
    orderId,
    buyer,
    rules: 'tmall-2026',
    paidAt,
    deadline: paidAt + 48 * H,
    shippedAt: paidAt + 73 * H,
    hoursLate: 25,
    payout: { kind: 'late', rate: new Money('0.05'), baseFen: 29000, rawFen: 1450, afterFen: 1450 },
    platformCompensation: null,
    shipSource: 'marked_shipped',
  };
}

function index(orders: LateOrder[]): NearLate {
  const store = new LateStore();
  for (const l of orders) store.push(l);
  store.load();
  return NearLate.of(store);
}

describe('NearLate: which open orders a window can ask about', () => {
  const shopBuyer = `小红${SHOP_MARK}1001`;
  const near = index([late('3515313147329357911', shopBuyer, T0), late('3515313147329357920', '', T0), late('3515313147329357930', '阿花', T0)]);

  it('keeps a row held by the bare nick near a late order of that nick in a shop (toVoucher reads both keys)', () => {
    expect(near.has('小红', T0 + H, '3515313147329357912')).toBe(true);
    expect(near.has(shopBuyer, T0 + H, '3515313147329357912')).toBe(true);
    // The nick in another shop, or another nick: no window asks.
    expect(near.has(`小红${SHOP_MARK}2002`, T0 + H, '3515313147329357912')).toBe(false);
    expect(near.has('小明', T0 + H, '3515313147329357912')).toBe(false);
  });

  it('keeps an order without a buyer only under its own order (openKey), and a buyer without a shop by the nick', () => {
    expect(near.has('\u00003515313147329357920', T0, '3515313147329357920~2')).toBe(true);
    expect(near.has('\u00003515313147329357921', T0, '3515313147329357921~2')).toBe(false);
    expect(near.has('阿花', T0 + 20 * H, 'a.csv:3')).toBe(true);
  });

  it('keeps what is paid within a day either side of a late order (a window reaches 24 h each way), drops what is far', () => {
    // Windows open at a late order: toVoucher asks from 24 h before (rolling) to 24 h after.
    expect(near.has('小红', T0 - 24 * H, 'x')).toBe(true);
    expect(near.has('小红', T0 + 24 * H, 'x')).toBe(true);
    expect(near.has('小红', T0 + 4 * 24 * H, 'x')).toBe(false);
    expect(near.has('小红', T0 - 4 * 24 * H, 'x')).toBe(false);
    // A paid time that cannot be read may be in any window: always kept.
    expect(near.has('小红', NaN, 'x')).toBe(true);
  });

  it("drops a late order's own open entry only when no other late order of the key is near; a `~` entry never", () => {
    // 阿花 has one late order: open under its own id (unshipped), only its own window asks, and passes over it.
    expect(near.has('阿花', T0, '3515313147329357930')).toBe(false);
    // Its line not yet due, or a doubtful scan, holds its own voucher: kept.
    expect(near.has('阿花', T0, '3515313147329357930~scan')).toBe(true);
    // With a second late order of 阿花 a day later, another window may ask about it: kept.
    const two = index([late('3515313147329357930', '阿花', T0), late('3515313147329357931', '阿花', T0 + 30 * H)]);
    expect(two.has('阿花', T0, '3515313147329357930')).toBe(true);
  });

  it('tells a late order its own open entry by its id however the store keeps the id (words, text, whole)', () => {
    // has() compares a candidate's id without making it (LateStore.isOrderId, issue 21's twenty-seventh
    // round): an id of digits as its two words, a leading zero, 20 digits or PDD's yymmdd- as text, and a
    // late order kept whole (its base past 32 bits) as that order's own id. Each key has one late order,
    // so its own id is passed over (false) and any other id, however close in writing, is not (true).
    const whole = { ...late('3515313147329357950', '阿强', T0), payout: { kind: 'late' as const, rate: new Money('0.05'), baseFen: 2 ** 40, rawFen: 1450, afterFen: 1450 } };
    const odd = index([late('0351531314732935794', '阿丽', T0), late('35153131473293579401', '阿美', T0), late('261110-512345678901', '阿芳', T0), late('3515313147329357940', '阿珍', T0), whole]);
    expect(odd.has('阿丽', T0, '0351531314732935794')).toBe(false);
    expect(odd.has('阿丽', T0, '351531314732935794')).toBe(true);
    expect(odd.has('阿美', T0, '35153131473293579401')).toBe(false);
    expect(odd.has('阿美', T0, '3515313147329357940')).toBe(true);
    expect(odd.has('阿芳', T0, '261110-512345678901')).toBe(false);
    expect(odd.has('阿芳', T0, '261110-512345678902')).toBe(true);
    expect(odd.has('阿珍', T0, '3515313147329357940')).toBe(false);
    expect(odd.has('阿珍', T0, '03515313147329357940')).toBe(true);
    expect(odd.has('阿珍', T0, '3515313147329357941')).toBe(true);
    expect(odd.has('阿强', T0, '3515313147329357950')).toBe(false);
    expect(odd.has('阿强', T0, '3515313147329357951')).toBe(true);
  });
});

describe('NearLate over many late orders (its directory of hash slots: issue 21, seventeenth round)', () => {
  // 6,000 late orders of 3,000 buyers (two each, 3 days apart), ~12,000 entries with the shop keys:
  // the index then searches a slot of its directory, not the whole array. Every buyer's own key must
  // still be found near each of its late orders, and a buyer with none must not (a 32-bit hash of
  // ~12,000 entries, 5 days a lookup: a false match ~1 in 70,000 lookups, none among these).
  const orders: LateOrder[] = [];
  for (let b = 0; b < 3000; b++) {
    const buyer = b % 2 === 0 ? `买家${b}${SHOP_MARK}1001` : `买家${b}`;
    orders.push(late(String(3515313147329000000n + BigInt(2 * b)), buyer, T0 + (b % 40) * 24 * H));
    orders.push(late(String(3515313147329000000n + BigInt(2 * b + 1)), buyer, T0 + (b % 40) * 24 * H + 72 * H));
  }
  const near = index(orders);

  it('finds each buyer near both its late orders, under its own key and the bare nick', () => {
    for (let b = 0; b < 3000; b++) {
      const at = T0 + (b % 40) * 24 * H;
      // 12 h after the first late order, 12 h before the second (paid 72 h later): both within a day.
      expect(near.has(`买家${b}`, at + 12 * H, 'other')).toBe(true);
      expect(near.has(`买家${b}`, at + 60 * H, 'other')).toBe(true);
      if (b % 2 === 0) expect(near.has(`买家${b}${SHOP_MARK}1001`, at + 12 * H, 'other')).toBe(true);
      // Ten days after the second: no window of this buyer reaches it.
      expect(near.has(`买家${b}`, at + 72 * H + 10 * 24 * H, 'other')).toBe(false);
    }
  });

  it('keeps no open order of a buyer with no late order', () => {
    for (let b = 3000; b < 3500; b++) expect(near.has(`买家${b}`, T0 + (b % 40) * 24 * H, 'other')).toBe(false);
  });
});

describe('OpenLog: open orders put aside while reading, back in the order they went in', () => {
  it('gives back every field (ids of any kind, NaN paid times, no rule set, long names) across chunks and the file', () => {
    const spills: SpillFile[] = [];
    const log = new OpenLog(() => {
      const f = SpillFile.open();
      spills.push(f);
      return f;
    });
    const long = 'y'.repeat(70_000);
    const added: [string, { orderId: string; paidAt: number; rules: string | undefined }][] = [];
    // ~60 code units a record × 60,000: ~3.6M units, past the 8 chunks of 64k kept in memory.
    for (let i = 0; i < 60_000; i++) {
      const buyer = i === 777 ? long : `买家${i % 5000}${i % 3 ? SHOP_MARK + '1001' : ''}`;
      const o: { orderId: string; paidAt: number; rules: string | undefined } = { orderId: i % 7 ? String(3515313147329300000n + BigInt(i)) : `261201-${i}~a.csv:${i}`, paidAt: i % 11 ? T0 + i * 1000 : NaN, rules: i % 2 ? 'tmall-2026' : undefined };
      log.add(buyer, o);
      added.push([buyer, o]);
    }
    expect(spills.length).toBe(1);
    const seen: typeof added = [];
    const store = log.replay((buyer, o) => {
      seen.push([buyer, { orderId: o.orderId, paidAt: o.paidAt, rules: o.rules }]);
      return buyer === '买家42' || buyer === long;
    });
    expect(seen).toEqual(added);
    const want = (b: string) => added.filter(([x]) => x === b).map(([, o]) => o);
    expect(store.get('买家42')).toEqual(want('买家42'));
    expect(store.get(long)).toEqual(want(long));
    expect(store.get(`买家42${SHOP_MARK}1001`)).toBeUndefined();
    for (const f of spills) f.close();
  });
});

describe('compensate: a rejected row of a buyer in a shop holds that buyer’s voucher (kept through the filter)', () => {
  // docs/rules.md §1.3 (tmall-2026, by date): paid 2026-11-10 09:00 Beijing, 48 h to ship, shipped
  // 11-13 10:00: 25 h late, 5 % of (300.00 paid − 10.00 postage) = 14.50 for 小红 in shop 1001.
  // Her row Y of the same shop and day is rejected (4OO.00): its shop is not trusted, so it is held
  // by the bare nick 小红, and the window (calendar day 11-10) may be missing it: provisional, not
  // recorded (rules.md §1.2, "a rejected row … keeps the buyer's vouchers provisional"). Left out of
  // the kept open orders (looked up only under 小红␟1001), the voucher was final and recorded.
  const X = '3515313147329357911';
  const Y = '3515313147329357912';
  const shipped = '卖家已发货，等待买家确认';
  const shop = { 店铺Id: '1001', 店铺名称: '甲店' };
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`same day: provisional, nothing recorded (TZ=${tz})`, () => {
      const dir = tmpDir();
      const f = write(
        dir,
        'held.csv',
        taobaoCsv([
          order(X, { ...shop, 买家会员名: '小红', 订单状态: shipped, 订单付款时间: '2026-11-10 09:00:00', 发货时间: '2026-11-13 10:00:00', 买家实际支付金额: '300.00' }),
          order(Y, { ...shop, 买家会员名: '小红', 订单状态: shipped, 订单付款时间: '2026-11-10 10:00:00', 发货时间: '2026-11-13 10:00:00', 买家实际支付金额: '4OO.00' }),
        ]),
      );
      const r = runCli(['compensate', f, '--as-of', '2026-11-25 12:00:00', '--record', '--state', `${dir}/s.db`, '-f', 'json'], { tz });
      const got = (JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.orderIds, v.amount, v.state, v.recorded]);
      expect(got).toEqual([['小红', [X], '14.50', 'provisional', '']]);
      expect(r.stderr).toContain('1 rejected row(s) still name a buyer and a paid time');
      expect(r.stderr).toContain('0 newly recorded');
    });
  }

  it('paid four days later: no window of hers can grow by it, final and recorded', () => {
    const dir = tmpDir();
    const f = write(
      dir,
      'far.csv',
      taobaoCsv([
        order(X, { ...shop, 买家会员名: '小红', 订单状态: shipped, 订单付款时间: '2026-11-10 09:00:00', 发货时间: '2026-11-13 10:00:00', 买家实际支付金额: '300.00' }),
        order(Y, { ...shop, 买家会员名: '小红', 订单状态: shipped, 订单付款时间: '2026-11-14 10:00:00', 发货时间: '2026-11-15 10:00:00', 买家实际支付金额: '4OO.00' }),
      ]),
    );
    const r = runCli(['compensate', f, '--as-of', '2026-11-25 12:00:00', '--record', '--state', `${dir}/s.db`, '-f', 'json']);
    const got = (JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.orderIds, v.amount, v.state, v.recorded]);
    expect(got).toEqual([['小红', [X], '14.50', 'final', 'new']]);
  });
});
