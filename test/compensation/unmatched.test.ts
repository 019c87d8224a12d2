// Rows of --shipments, --exclude and --delivery-failures that match no order of the exports were
// dropped without a word (a pickup-scan file keyed by the wrong ids silently fell back to 发货时间).
// Every side-input row is now used or reported: count, file:line and the id that matched nothing.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
const shipped = '卖家已发货，等待买家确认';
const A = '3515313147329357921';
const B = '3515313147329357922';
const exportFile = write(dir, 'orders.csv', taobaoCsv([
  order(A, { 买家会员名: '阿花', 订单状态: shipped, 发货时间: '2026-11-13 09:00:00', 物流单号: 'SF1001' }),
  order(B, { 买家会员名: '小明', 订单状态: shipped, 发货时间: '2026-11-11 09:00:00', 物流单号: 'YT2002' }),
]));
const RUN = ['compensate', exportFile, '--as-of', '2026-11-25 12:00:00', '--rules', 'tmall-2023', '-f', 'json'];

describe('side-input rows that match no order', () => {
  it('--shipments: the matched scan (by tracking number) is used, the other two listed by line', () => {
    // Line 2 matches A by 物流单号; lines 3 and 4 match nothing (an unknown id, an unknown tracking number).
    const sh = write(dir, 'scans.csv', '订单编号,物流单号,揽收时间\n,SF1001,2026-11-12 10:00:00\n1111111111111111111,,2026-11-12 10:00:00\n,ZT9,2026-11-12 10:00:00\n');
    const r = runCli([...RUN, '--shipments', sh]);
    expect(r.code).toBe(0);
    // A: deadline 11-12 09:00:00, picked up 11-12 10:00:00 → 1 h late: (200.00 − 10.00) × 30 % = 57.00. B on time.
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.orderIds, v.amount, v.maxHoursLate])).toEqual([[[A], '57.00', 1]]);
    expect(r.stderr).toContain(`--shipments ${sh}: 2 of 3 row(s) of the pickup scans match no order in the exports (by order id or tracking number) and were not used: ${sh}:3 (1111111111111111111), ${sh}:4 (ZT9). The scans that matched were used as usual.`);
  });

  it('--shipments: a scan naming the order id comes before an earlier scan of its waybill (docs/rules.md §1.1)', () => {
    // A: paid 11-10 09:00:00, deadline 11-12 09:00:00. By id: 11-12 11:00:00 (2 h late); by its waybill
    // SF1001: 11-12 08:00:00 (on time). The id's scan counts: 2 h late, (200.00 − 10.00) × 30 % = 57.00.
    const sh = write(dir, 'both.csv', `订单编号,物流单号,揽收时间\n,SF1001,2026-11-12 08:00:00\n${A},,2026-11-12 11:00:00\n`);
    const r = runCli([...RUN, '--shipments', sh]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.orderIds, v.amount, v.maxHoursLate])).toEqual([[[A], '57.00', 2]]);
    // Without the id's row the waybill's scan counts: on time, nothing owed (B on time as well).
    const wb = write(dir, 'waybill.csv', '订单编号,物流单号,揽收时间\n,SF1001,2026-11-12 08:00:00\n');
    expect(JSON.parse(runCli([...RUN, '--shipments', wb]).stdout)).toEqual([]);
  });

  it('--shipments where nothing matches says that every order was judged by 发货时间', () => {
    const sh = write(dir, 'wrong.csv', '订单编号,揽收时间\n1111111111111111111,2026-11-12 10:00:00\n');
    const r = runCli([...RUN, '--shipments', sh]);
    expect(r.stderr).toContain(`1 of 1 row(s) of the pickup scans match no order in the exports (by order id or tracking number) and were not used: ${sh}:2 (1111111111111111111). Not one scan was used: every order was judged by the export's 发货时间.`);
    // A by 发货时间 11-13 09:00:00: 24 h late, 57.00.
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.orderIds, v.amount])).toEqual([[[A], '57.00']]);
  });

  it('--exclude and --delivery-failures: ids not in the exports are listed; the ones that match are used', () => {
    const ex = write(dir, 'ex.csv', `订单编号\n1234567890123456789\n${A}\n`);
    const df = write(dir, 'df.csv', `订单编号\n9234567890123456789\n`);
    const r = runCli([...RUN, '--exclude', ex, '--delivery-failures', df]);
    expect(r.stdout.trim()).toBe('[]'); // A excluded; B on time; the failure id matches nothing
    expect(r.stderr).toContain(`--exclude ${ex}: 1 of 2 id(s) of the exclusion list match no order in the exports (by order id) and were not used: ${ex}:2 (1234567890123456789).`);
    expect(r.stderr).toContain(`--delivery-failures ${df}: 1 of 1 id(s) of the delivery-failure list match no order in the exports (by order id) and were not used: ${df}:2 (9234567890123456789).`);
  });
});
