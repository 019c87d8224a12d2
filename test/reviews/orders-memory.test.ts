// `reviews queue --orders` held every line of the order exports in memory (an OrderLike per line,
// its Money, and every buyer's payment history): 587 MB peak for the 1,000,000-order bench export
// and five reviews (/usr/bin/time -v), against 146 MB for `orders inspect` of the same file. Now
// only the lines of the orders the reviews name are held, with the payment history of their buyers
// (165 MB). A buyer the reviews do not name (a masked nick, 抖店 reviews without a buyer column)
// has their history taken from a second, silent read of the exports; standard input, which cannot
// be read twice, keeps every buyer's history (one time per order) as before.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Money } from '../../src/money.js';
import { FactsCollector } from '../../src/reviews/orders.js';
import { runCli, tmpDir } from '../helpers.js';

const ORDERS =
  '订单编号,买家会员名,买家实际支付金额,订单状态,收货人姓名,订单创建时间,订单付款时间\n' +
  '3100000000000000001,阿明,50.00,交易成功,李雷,2026-11-01 09:59:00,2026-11-01 10:00:00\n' +
  '3100000000000000002,阿明,60.00,交易关闭,李雷,2026-11-05 09:59:00,2026-11-05 10:00:00\n' +
  '3100000000000000005,小红,30.00,交易成功,韩梅,2026-11-02 09:59:00,2026-11-02 10:00:00\n' +
  '3100000000000000007,阿明,70.00,交易成功,李雷,2026-11-03 09:59:00,不是时间\n' +
  '3100000000000000003,阿明,120.00,交易成功,李雷,2026-11-10 09:59:00,2026-11-10 10:00:00\n' +
  '3100000000000000004,阿明,70.00,交易成功,李雷,2026-11-12 09:59:00,2026-11-12 10:00:00\n' +
  '3100000000000000006,小红,300.00,交易成功,韩梅,2026-11-08 09:59:00,2026-11-08 10:00:00\n';

// …003's review names its buyer masked (阿**): the reviews do not say whose history to keep, and
// 阿明's order …001 comes before …003 in the file. …006's names 小红, as the export does.
const REVIEWS =
  '订单编号,买家会员名,宝贝标题,评价结果,评价时间,评价内容,追评时间,追评内容,描述相符,服务态度,物流服务\n' +
  '3100000000000000003,阿**,围巾,差评,2026-11-20 10:00:00,李雷说围巾掉毛严重,,,1,3,4\n' +
  '3100000000000000006,小红,手套,中评,2026-11-20 11:00:00,一般,,,3,5,5\n';

describe('FactsCollector holds only the named orders and their buyers', () => {
  it('keeps 1 line of 1,000 and 1 buyer history of 100; the count is the full list\'s', () => {
    const day = (d: number) => Date.UTC(2026, 10, d);
    const c = new FactsCollector(new Set(['o500']), new Set(['b0']));
    // Order k: buyer b(k mod 100), paid on day 1 + (k mod 10). o500: b0, day 1; b0's orders are
    // o0, o100, …, o900, paid on day 1 (k mod 10 = 0 for every k that is a multiple of 100).
    for (let k = 0; k < 1000; k++) c.add({ orderId: `o${k}`, parentOrderId: null, buyer: `b${k % 100}`, paidAt: day(1 + (k % 10)), paidAmount: new Money('1.00') });
    expect(c.keptLines).toBe(1);
    expect(c.buyersHeld).toBe(1);
    // None of b0's orders is paid before o500 (all on day 1): 0 earlier.
    expect(c.facts().get('o500')!.earlierOrders).toBe(0);
    expect(c.missedBuyers().size).toBe(0);
  });

  it('names the buyer of a kept line whose history it did not keep', () => {
    const c = new FactsCollector(new Set(['x']), new Set());
    c.add({ orderId: 'y', parentOrderId: null, buyer: 'amy', paidAt: 1, paidAmount: null });
    c.add({ orderId: 'x', parentOrderId: null, buyer: 'amy', paidAt: 2, paidAmount: null });
    expect([...c.missedBuyers()]).toEqual(['amy']);
    expect(c.buyersHeld).toBe(0);
  });
});

describe('reviews queue --orders: earlier orders of a buyer the reviews do not name', () => {
  it.each(['UTC', 'America/Los_Angeles'])('counted from a second read of the file, the rejected row told once (TZ=%s)', (tz) => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'o.csv'), ORDERS);
    fs.writeFileSync(path.join(dir, 'r.csv'), REVIEWS);
    const rej = path.join(dir, 'rej.csv');
    const r = runCli(['reviews', 'queue', 'r.csv', '--orders', 'o.csv', '--as-of', '2026-11-21 10:30:00', '-f', 'json', '--state', 's.db', '--rejects', rej], { tz, cwd: dir });
    expect(r.code).toBe(1); // a rejected row needs attention (exit 1)
    const by = Object.fromEntries((JSON.parse(r.stdout) as Record<string, unknown>[]).map((x) => [x.orderId, [x.orderValue, x.earlierOrders]]));
    // By hand: 阿明's paid orders before …003 (11-10 10:00): …001 (11-01) → 1; …002 is closed, …007
    // has no payment time (rejected), …004 is later. 小红's before …006 (11-08): …005 (11-02) → 1.
    expect(by).toEqual({ '3100000000000000003': ['120.00', 1], '3100000000000000006': ['300.00', 1] });
    // The row of …007 is rejected once (the second read says nothing): one line on stderr, one in --rejects.
    expect(r.stderr.match(/o\.csv:5 /g)?.length ?? 0).toBe(1);
    // Counted once, as the order export's (user11: it was counted among the reviews, `2 rows, 2 read, 1 rejected`).
    expect(r.stderr).toContain('reviews: 2 rows, 2 read; ');
    expect(r.stderr).toContain('; order exports: 1 row rejected\n');
    expect(fs.readFileSync(rej, 'utf8').trim().split('\n').filter((l) => l.includes('o.csv'))).toHaveLength(1);
    // The receiver name 李雷 in the review is masked, as before.
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).find((x) => x.orderId === '3100000000000000003')!.text).toBe('李*说围巾掉毛严重');
  });

  it.each(['UTC', 'America/Los_Angeles'])('the same from standard input, read once (TZ=%s)', (tz) => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'r.csv'), REVIEWS);
    const r = runCli(['reviews', 'queue', 'r.csv', '--orders', '-', '--as-of', '2026-11-21 10:30:00', '-f', 'json', '--state', 's.db'], { tz, cwd: dir, input: ORDERS });
    expect(r.code).toBe(1); // a rejected row needs attention (exit 1)
    const by = Object.fromEntries((JSON.parse(r.stdout) as Record<string, unknown>[]).map((x) => [x.orderId, x.earlierOrders]));
    expect(by).toEqual({ '3100000000000000003': 1, '3100000000000000006': 1 });
  });
});
