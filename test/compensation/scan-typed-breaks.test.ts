// --shipments: a waybill cell typed with a line break (a list, one waybill per line: docs/formats.md) is
// named on stderr as typed, with file:line. The break was written as it stood and cut the warning line in
// two (`waybill YT5001` / `99; found for …`): the break now shows as `\n` (`\r\n`), as in the rejected-row log.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
const TZS = ['UTC', 'America/Los_Angeles'];
const AS_OF = ['--as-of', '2026-11-30 12:00:00', '-f', 'json'];
// tmall-2026: A paid 11-10 10:00:00, marked shipped 11-12 09:00:00 (deadline 11-12 10:00:00: on time by it).
const A = '3900000000000000951';
const orders = write(dir, 'orders.csv', taobaoCsv([order(A, { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: '2026-11-10 10:00:00', 订单付款时间: '2026-11-10 10:00:00', 发货时间: '2026-11-12 09:00:00', 物流单号: 'YT5001' })]));

describe('a waybill cell with a line break, named on stderr', () => {
  for (const tz of TZS) {
    it(`a contradicting row A + "YT5001\\n99" (99 not A's) and an unmatched "YT7\\r\\n77": each on one line — TZ=${tz}`, () => {
      // The first row lists 99, which A's export does not show: the pickup of neither (docs/rules.md §1.1);
      // A stays judged by 发货时间, on time, nothing owed (its window provisional, nothing in it).
      const scans = write(dir, 'breaks.csv', `订单编号,物流单号,揽收时间\n${A},"YT5001\n99",2026-11-13 10:00:00\n,"YT7\r\n77",2026-11-13 11:00:00\n`);
      const r = runCli(['compensate', orders, '--shipments', scans, ...AS_OF], { tz });
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe('[]');
      expect(r.stderr).toContain(`${scans}:2 (order id ${A}, waybill YT5001\\n99; found for ${A})`);
      expect(r.stderr).toContain(`${scans}:4 (YT7\\r\\n77)`);
      // Every line of stderr is one message: none starts with a piece of a cell.
      for (const l of r.stderr.split('\n').filter((x) => x !== '')) expect(l).toMatch(/^(storeops|--shipments|rules|  )/);
    });
  }
});
