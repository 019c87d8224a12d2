// A promised ship time (抖店 承诺发货时间, 预约发货时间) lies ahead by nature: an order paid an hour ago
// promises 48 h ahead, a presale weeks ahead. Until 2026-12 a time more than a day after the later of
// --as-of and the clock was rejected as implausible in every time column, these too: every fresh 抖店
// download had rejected rows (exit 3 under the cron recipe's --strict) and the buyer's voucher was held.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as cli, tmpDir } from '../helpers.js';

const HOUR = 3600_000;
/** Beijing wall time of an instant, as the export writes it. */
function bj(ms: number): string {
  return new Date(ms + 8 * HOUR).toISOString().replace('T', ' ').slice(0, 19);
}

describe('a promised ship time ahead of now is read', () => {
  const now = Math.floor(Date.now() / 1000) * 1000;
  const paid = now - HOUR;
  const header = '主订单编号,子订单编号,选购商品,商品数量,订单应付金额,运费,用户昵称,订单提交时间,支付完成时间,订单状态,承诺发货时间,预约发货时间,发货时间';
  const row = (id: string, promise: string, reserved = '') =>
    `"\t${id}","\t${id}1",挂钩,1,45.00,0.00,新客,${bj(paid)},${bj(paid)},待发货,${promise},${reserved},`;
  const write = (rows: string[]) => {
    const f = path.join(tmpDir(), 'douyin.csv');
    fs.writeFileSync(f, '\ufeff' + [header, ...rows].join('\r\n') + '\r\n');
    return f;
  };

  it('48 h after payment (47 h ahead), a presale 30 days ahead and a 预约发货时间 20 days ahead are accepted; two years ahead is still refused', () => {
    const f = write([
      row('6921000000000000601', bj(paid + 48 * HOUR)),
      row('6921000000000000602', bj(paid + 30 * 24 * HOUR)),
      row('6921000000000000603', '', bj(paid + 20 * 24 * HOUR)),
      row('6921000000000000604', bj(paid + 2 * 366 * 24 * HOUR)),
    ]);
    const r = cli(['orders', 'inspect', f, '-f', 'json', '--as-of', bj(now)]);
    expect(r.stderr).toContain('1 file: 4 rows read = 3 accepted + 1 rejected + 0 duplicates');
    expect(r.stderr).toContain(`${f}:5 [承诺发货时间]: time "${bj(paid + 2 * 366 * 24 * HOUR)}" is implausible (in the future: more than 367 days after now, `);
    expect(r.stderr).not.toContain(':2 [');
    expect(r.code).toBe(1);
  });

  it('the cron recipe (--strict) reads a fresh order and lists it due by its promise with --at-risk', () => {
    const f = write([row('6921000000000000601', bj(paid + 48 * HOUR))]);
    const s = cli(['compensate', f, '--strict', '-f', 'csv', '--as-of', bj(now)]);
    expect(s.stderr).not.toContain('implausible');
    expect(s.code).toBe(0);
    // Deadline = the promise, paid + 48 h; as of paid + 1 h, 47.0 h are left. Cost if late: a 48 h
    // window shipped within 48 h of its deadline is douyin-2025 tier 4, 0 % → 0.00 (docs/rules.md §1.3b).
    const a = cli(['compensate', f, '--at-risk', '48', '-f', 'csv', '--as-of', bj(now)]);
    expect(a.code).toBe(0);
    const lines = a.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`6921000000000000601,新客,${bj(paid)},${bj(paid + 48 * HOUR)},47.0,`);
    expect(lines[1]).toContain(',45.00,0.00,douyin-2025,');
  });
});
