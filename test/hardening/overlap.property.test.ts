// Issue 14 item 1 as a property: the same orders downloaded several times (each download a
// snapshot of the shop at its export time, holding any subset of the orders paid by then), given
// in any argument order, give the vouchers of the newest rows — exactly what one file holding each
// order's newest row gives. The whole CLI runs in process.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { TAOBAO_ORDER_LAYOUTS, csvCell, taobaoCsvCell } from '../../scripts/export-layouts.mjs';
import { tmpDir } from '../helpers.js';
import { cli } from './inproc.js';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 10, 10, 0, 0, 0) - 8 * HOUR; // 2026-11-10 00:00 Beijing
const AS_OF = '2026-11-20 10:00:00';
const AS_OF_MS = Date.UTC(2026, 10, 20, 2, 0, 0);
const H71: string[] = TAOBAO_ORDER_LAYOUTS[71];

interface Gen {
  id: string;
  buyer: string;
  paidH: number; // hours after START
  shipAfterH: number | null; // hours after payment; null = never shipped
  paidYuan: number;
}

/** Beijing wall clock of an instant, as the export writes it. */
const wall = (t: number) => new Date(t + 8 * HOUR).toISOString().slice(0, 19).replace('T', ' ');
/** The export time as Taobao puts it in the file name: yyyyMMddHHmm, Beijing. */
const nameTime = (t: number) => wall(t).replace(/[-: ]/g, '').slice(0, 12);

function row(g: Gen, at: number): string {
  const paidAt = START + g.paidH * HOUR;
  const shippedAt = g.shipAfterH === null ? null : paidAt + g.shipAfterH * HOUR;
  const shipped = shippedAt !== null && shippedAt <= at; // the state at the download's time
  const v: Record<string, string> = {
    订单编号: g.id, 买家会员名: g.buyer, 买家应付货款: `${g.paidYuan}.00`, 买家应付邮费: '0.00', 买家实际支付金额: `${g.paidYuan}.00`,
    订单状态: shipped ? '卖家已发货，等待买家确认' : '买家已付款，等待卖家发货', 订单创建时间: wall(paidAt), 订单付款时间: wall(paidAt),
    发货时间: shipped ? wall(shippedAt!) : '', 宝贝标题: '围巾', 宝贝总数量: '1', 订单关闭原因: '订单未关闭',
  };
  return H71.map((h) => taobaoCsvCell(h, v[h] ?? '')).join(',');
}

const csv = (rows: string[]) => [H71.map(csvCell).join(','), ...rows].join('\r\n') + '\r\n';

const genOrder = fc.record({
  id: fc.bigInt(3_000_000_000_000_000_000n, 3_999_999_999_999_999_999n).map(String),
  buyer: fc.constantFrom('甲', '乙', '丙'),
  paidH: fc.integer({ min: 0, max: 72 }),
  shipAfterH: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
  paidYuan: fc.integer({ min: 1, max: 900 }),
});

// Downloads at distinct whole minutes between day 3 and day 9 after START (every order is paid by day 3).
const genDownloads = fc.uniqueArray(fc.integer({ min: 72 * 60, max: 9 * 24 * 60 }), { minLength: 2, maxLength: 4 }).map((m) => m.sort((a, b) => a - b).map((x) => START + x * 60_000));

const scenario = fc
  .tuple(fc.uniqueArray(genOrder, { minLength: 1, maxLength: 8, selector: (o) => o.id }), genDownloads)
  .chain(([orders, downloads]) =>
    fc.tuple(
      fc.constant(orders),
      fc.constant(downloads),
      // Which downloads hold each order (at least one).
      fc.array(fc.subarray(downloads.map((_, i) => i), { minLength: 1 }), { minLength: orders.length, maxLength: orders.length }),
      // The argument order of the files.
      fc.shuffledSubarray(downloads.map((_, i) => i), { minLength: downloads.length, maxLength: downloads.length }),
    ),
  );

describe('overlapping downloads in any argument order', () => {
  it('give the vouchers of each order\'s newest row', async () => {
    const dir = tmpDir('storeops-overlap-');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ([orders, downloads, holds, argOrder]) => {
        const run = path.join(dir, String(++n));
        fs.mkdirSync(run);
        const files = downloads.map((at, d) => {
          const f = path.join(run, `ExportOrderList${nameTime(at)}.csv`);
          fs.writeFileSync(f, csv(orders.filter((_, i) => holds[i]!.includes(d)).map((g) => row(g, at))));
          return f;
        });
        // The truth: each order's row from the newest download that holds it, in one file.
        const newest = path.join(run, 'newest.csv');
        fs.writeFileSync(newest, csv(orders.map((g, i) => row(g, downloads[Math.max(...holds[i]!)]!))));

        const args = ['--as-of', AS_OF, '--rules', 'tmall-2023', '-f', 'json', '-q'];
        const split = await cli(['compensate', ...argOrder.map((d) => files[d]!), ...args]);
        const one = await cli(['compensate', newest, ...args]);
        expect(split.code).toBe(0);
        expect(one.code).toBe(0);
        const strip = (s: string) =>
          (JSON.parse(s) as { voucherKey: string; amount: string; orderIds: string[]; state: string; maxHoursLate: number }[]).map((v) => [v.voucherKey, v.amount, v.orderIds, v.state, v.maxHoursLate]);
        expect(strip(split.stdout)).toEqual(strip(one.stdout));

        // Independently: the late orders are those whose newest row is late (tmall-2023: 48 h
        // after payment; shipped after it, or unshipped in that row and the deadline before as-of).
        const late = orders
          .filter((g, i) => {
            const at = downloads[Math.max(...holds[i]!)]!;
            const paidAt = START + g.paidH * HOUR;
            const deadline = paidAt + 48 * HOUR;
            const shippedAt = g.shipAfterH === null ? null : paidAt + g.shipAfterH * HOUR;
            if (shippedAt !== null && shippedAt <= at) return shippedAt > deadline;
            return AS_OF_MS > deadline;
          })
          .map((g) => g.id)
          .sort();
        expect(strip(split.stdout).flatMap((v) => v[2] as string[]).sort()).toEqual(late);
      }),
      { numRuns: 40 },
    );
  });
});
