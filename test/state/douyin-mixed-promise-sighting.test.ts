// A 抖店 order whose two sub-orders were promised at different times (docs/rules.md §1.1, user13), seen
// by an hourly --record run while one line was still unshipped. Worked by hand:
// Order …301 paid 11-10 10:00:00. A 100.00 promised 11-12 10:00 (48 h window), shipped 11-13 10:00: 24 h
// late. B 500.00 made to order, promised 11-25 10:00 (360 h window).
// e1 (as of 11-20 12:00; its latest time 11-20 11:00, another order's payment): B unshipped. A shipped
//   late, so the order's deadline is A's promise: late and unshipped, provisional; sighted at 11-20 11:00.
// e2 (as of 12-01 10:00): B shipped 11-24 10:00, a day before its promise. Each line against its own
//   promise: A 24 h late on its 48 h window (tier 4, 0 %): 0.00, late, final; B on time. The sighting
//   (11-20 11:00, after A's ship time) proves only that B was unshipped then, which it was allowed to be:
//   it must not make the order "late until 11-20 11:00" (193 h, 缺货 1 % × 600.00 = 6.00), nor, as
//   before user13, 11-24 against A's promise (288 h, 6.00).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { DOUYIN_HEADERS, csvCell } from '../../scripts/export-layouts.mjs';
import { runCli, tmpDir } from '../helpers.js';

const H: string[] = DOUYIN_HEADERS;
function row(main: string, sub: string, amount: string, paid: string, promised: string, shipped: string): string {
  const v: Record<string, string> = {
    主订单编号: `\t${main}`, 子订单编号: `\t${sub}`, 选购商品: '围巾', 商品数量: '1', 商品单价: amount, 订单应付金额: amount, 运费: '0.00',
    订单提交时间: paid, 支付完成时间: paid, 订单状态: shipped ? '已发货' : '待发货', 承诺发货时间: promised, 订单类型: '普通订单', 用户昵称: '阿杰', 发货时间: shipped,
  };
  return H.map((h) => csvCell(v[h] ?? '')).join(',');
}
function write(f: string, bShip: string, otherShip: string): string {
  fs.writeFileSync(
    f,
    '\uFEFF' +
      [
        H.map(csvCell).join(','),
        row('6937100000000000301', '6937100000000000951', '100.00', '2026-11-10 10:00:00', '2026-11-12 10:00:00', '2026-11-13 10:00:00'),
        row('6937100000000000301', '6937100000000000952', '500.00', '2026-11-10 10:00:00', '2026-11-25 10:00:00', bShip),
        row('6937100000000000302', '6937100000000000953', '80.00', '2026-11-20 11:00:00', '2026-11-22 11:00:00', otherShip),
      ].join('\r\n') +
      '\r\n',
  );
  return f;
}

describe('抖店 sub-orders promised at different times, sighted while one was unshipped', () => {
  it('the sighting of the line not yet due does not make the order late: 0.00 (A 24 h late on 48 h), final', () => {
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const e1 = write(path.join(dir, 'e1.csv'), '', '');
      const r1 = runCli(['compensate', e1, '--state', state, '--as-of', '2026-11-20 12:00:00', '--record', '-o', path.join(dir, 'v1.csv'), '--lang', 'en'], { tz });
      expect(r1.code, r1.stderr).toBe(0);
      fs.unlinkSync(e1);
      const e2 = write(path.join(dir, 'e2.csv'), '2026-11-24 10:00:00', '2026-11-21 11:00:00');
      const r2 = runCli(['compensate', e2, '--state', state, '--as-of', '2026-12-01 10:00:00', '--record', '-f', 'json', '--lang', 'en'], { tz });
      expect(r2.code, r2.stderr).toBe(0);
      const rows = JSON.parse(r2.stdout) as { orderIds: string[]; kinds: string[]; amount: string; state: string; maxHoursLate: number }[];
      expect(rows.map((v) => [v.orderIds, v.kinds, v.amount, v.state, Number(v.maxHoursLate)]), tz).toEqual([[['6937100000000000301'], ['late'], '0.00', 'final', 24]]);
    }
  });

  it('a sighting while the later line was overdue does not stretch the earlier line\'s lateness: B 58 h, 18.00', () => {
    // A 100.00 promised 11-12 10:00 (48 h), shipped 11-15 10:00: 72 h late (> 48 h: 缺货, tier 1, 1 %, 2–50).
    // B 500.00 promised 11-16 10:00 (144 h), unshipped in e1 (as of 11-18 12:00; another order paid 11-18
    // 11:00): due at B's promise, late, sighted at 11-18 11:00. e2: B shipped 11-18 20:00, 58 h late.
    // A is the line latest against its own promise (72 h > 58 h) but the dearest is B's (money52, the reading
    // adopted, rules.md §1.1): A 1 % × 600.00 = 6.00; B 58 h late on 144 h, 缺货 tier 2, 3 % × 600.00 = 18 →
    // 18.00, 58.0 h (until money52: A decided, 6.00, 72 h). The sighting (before B shipped) is no lateness of
    // A: before, 145 h (11-18 11:00 − A's promise), as if the order had shipped at A's time and stayed unshipped after.
    const row3 = (bShip: string, otherShip: string) =>
      [
        H.map(csvCell).join(','),
        row('6937100000000000301', '6937100000000000951', '100.00', '2026-11-10 10:00:00', '2026-11-12 10:00:00', '2026-11-15 10:00:00'),
        row('6937100000000000301', '6937100000000000952', '500.00', '2026-11-10 10:00:00', '2026-11-16 10:00:00', bShip),
        row('6937100000000000302', '6937100000000000953', '80.00', '2026-11-18 11:00:00', '2026-11-20 11:00:00', otherShip),
      ].join('\r\n') + '\r\n';
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const e1 = path.join(dir, 'e1.csv');
      fs.writeFileSync(e1, '\uFEFF' + row3('', ''));
      const r1 = runCli(['compensate', e1, '--state', state, '--as-of', '2026-11-18 12:00:00', '--record', '-o', path.join(dir, 'v1.csv'), '--lang', 'en'], { tz });
      expect(r1.code, r1.stderr).toBe(0);
      fs.unlinkSync(e1);
      const e2 = path.join(dir, 'e2.csv');
      fs.writeFileSync(e2, '\uFEFF' + row3('2026-11-18 20:00:00', '2026-11-19 11:00:00'));
      const r2 = runCli(['compensate', e2, '--state', state, '--as-of', '2026-12-01 10:00:00', '--record', '-f', 'json', '--lang', 'en'], { tz });
      expect(r2.code, r2.stderr).toBe(0);
      const rows = JSON.parse(r2.stdout) as { orderIds: string[]; kinds: string[]; amount: string; state: string; maxHoursLate: number }[];
      expect(rows.map((v) => [v.orderIds, v.kinds, v.amount, v.state, Number(v.maxHoursLate)]), tz).toEqual([[['6937100000000000301'], ['out_of_stock'], '18.00', 'final', 58]]);
    }
  });
});
