// --shipments with a 物流状态 column (docs/rules.md §1.1): 取件 said of the courier is the pickup, by the
// rule 收件 already follows (said of the courier: the courier or carrier before it, or a visit to the
// sender — 上门取件成功, 已上门取件). Before, any state holding 取件 was no pickup: a carrier writing 快递员已取件
// or 上门取件成功 for its pickup lost the scan, and a late order was judged on time by its 发货时间.
// Bare 已取件 / 取件成功 stay no pickup: a receiver taking a parcel from a locker or station reads the same.
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';
import { pickupState } from '../../src/compensation/inputs.js';

const dir = tmpDir();
type V = { orderIds: string[]; amount: string; state: string; maxHoursLate: number | null };
const rows = (out: string) => (JSON.parse(out) as V[]).map((v) => [v.orderIds.join(';'), v.amount, v.state, v.maxHoursLate]);

describe('pickupState: 取件 said of the courier', () => {
  it('unit', () => {
    const yes = ['快递员已取件', '顺丰速运 已取件', '快递员上门取件', '上门取件成功', '已上门取件', '【深圳市】快递员张三已取件', '快递员已取件，正在发往分拨中心'];
    for (const s of yes) expect([s, pickupState(s)]).toEqual([s, true]);
    const no = ['已取件', '取件成功', '驿站已取件', '买家已取件', '待取件', '请凭取件码取件', '取件码 123456', '快递员将上门取件', '预约上门取件', '已安排快递员上门取件', '上门取件', '上门取件失败', '快递员送达，买家已取件', '退货快递员已取件'];
    for (const s of no) expect([s, pickupState(s)]).toEqual([s, false]);
  });

  // tmall-2026: paid 2026-11-10 10:00:00 → deadline 11-12 10:00:00 (48 h); 发货时间 11-12 09:00:00 (on time by it).
  // Base 200.00 − 10.00 = 190.00. Picked up 11-13 10:00:00: 24 h late (≤ 72 h, window ≤ 48 h: 5 %) → 5 % × 190.00 = 9.50.
  const A = '3900000000000000801';
  const paid = '2026-11-10 10:00:00';
  const o = write(dir, 'orders.csv', taobaoCsv([order(A, { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: paid, 订单付款时间: paid, 发货时间: '2026-11-12 09:00:00', 物流单号: 'JD0001234567' })]));
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    for (const state of ['快递员已取件', '上门取件成功']) {
      it(`${state} at 11-13 10:00:00 is the pickup: 24 h late, 9.50 (was on time, 0.00) — TZ=${tz}`, () => {
        const s = write(dir, `s-${state}.csv`, `物流单号,物流状态,揽收时间\r\nJD0001234567,已下单,2026-11-12 08:00:00\r\nJD0001234567,${state},2026-11-13 10:00:00\r\n`);
        const r = runCli(['compensate', o, '--shipments', s, '--as-of', '2026-11-30 12:00:00', '-f', 'json'], { tz });
        expect(r.code).toBe(0);
        expect(rows(r.stdout)).toEqual([[A, '9.50', 'final', 24]]);
        expect(r.stderr).toContain('2 scan row(s) read: 1 used, 1 not a pickup state.');
      });
    }
  }

  it('已取件 alone at 11-13 10:00:00 is not the pickup: on time by 发货时间, nothing owed', () => {
    const s = write(dir, 's-bare.csv', '物流单号,物流状态,揽收时间\r\nJD0001234567,已取件,2026-11-13 10:00:00\r\n');
    const r = runCli(['compensate', o, '--shipments', s, '--as-of', '2026-11-30 12:00:00', '-f', 'json']);
    expect(rows(r.stdout)).toEqual([]);
    expect(r.stderr).toContain('1 scan row(s) read: 0 used, 1 not a pickup state.');
  });

  // A pickup that could not be made (or was cancelled, refused): the courier's name slot (up to four characters
  // between 快递员 and the word) took 无法 / 未能 / 不能 / 没能 / 取消 / 拒绝 for a name, so 快递员无法取件 at 11-12
  // 08:00:00 (before the deadline 11-12 10:00:00) was the pickup — the earliest — and the order on time by it,
  // 0.00, though the courier picked it up 11-13 10:00:00: 24 h late, 5 % × 190.00 = 9.50. So for 揽件/收件
  // (快递员未能揽件, 快递员无法收件). Now those rows are not pickup states.
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    for (const failed of ['快递员无法取件', '快递员未能取件', '顺丰速运取消取件', '快递员未能揽件', '快递员无法收件']) {
      it(`${failed} at 11-12 08:00:00, 快递员已取件 at 11-13 10:00:00: 24 h late, 9.50 (was 0.00) — TZ=${tz}`, () => {
        const s = write(dir, `s-failed-${failed}.csv`, `物流单号,物流状态,揽收时间\r\nJD0001234567,${failed},2026-11-12 08:00:00\r\nJD0001234567,快递员已取件,2026-11-13 10:00:00\r\n`);
        const r = runCli(['compensate', o, '--shipments', s, '--as-of', '2026-11-30 12:00:00', '-f', 'json'], { tz });
        expect(r.code).toBe(0);
        expect(rows(r.stdout)).toEqual([[A, '9.50', 'final', 24]]);
        expect(r.stderr).toContain('2 scan row(s) read: 1 used, 1 not a pickup state.');
      });
    }
  }
});
