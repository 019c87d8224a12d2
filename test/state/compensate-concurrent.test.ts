// Two `compensate --record` processes at once on one state database (review18): the write lock is
// taken before "is this already paid?" is read (ledger.ts, IMMEDIATE), so a voucher is recorded by
// one of them only, and a buyer's day cap (tmall-2026, 500.00) is shared, never paid twice.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { order, taobaoCsv, write } from '../orders/build.js';
import { cliAsync as cli, tmpDir } from '../helpers.js';


const shipped = '卖家已发货，等待买家确认';
const id = (n: number) => `35153131473293${String(n).padStart(5, '0')}`;

// tmall-2026 (paid 2026-11-10, after 2026-04-09). Paid 09:00 + 48 h = deadline 11-12 09:00; shipped
// 11-16 09:00: 96 h late (> 72 h), window 48 h (≤ 48 h): tier 2, 10 % of (2000.00 − 0.00 postage)
// = 200.00 per order (max 500.00). A buyer's day cap: 500.00.
const late = (n: number, buyer: string, minute: number) =>
  order(id(n), {
    买家会员名: buyer,
    订单状态: shipped,
    买家应付货款: '2000.00',
    买家应付邮费: '0.00',
    买家实际支付金额: '2000.00',
    订单付款时间: `2026-11-10 09:${String(minute).padStart(2, '0')}:00`,
    订单创建时间: `2026-11-10 08:${String(minute).padStart(2, '0')}:00`,
    发货时间: `2026-11-16 09:${String(minute).padStart(2, '0')}:00`,
  });

type Row = { voucherKey: string; buyer: string; toIssue: string; recorded: string };

describe('two compensate --record runs at once on one state', () => {
  it('the same export: every voucher is new in exactly one run, recorded once', async () => {
    const dir = tmpDir();
    // 60 buyers, two late orders each on one day: 400.00 each (under the 500.00 cap).
    const rows = [];
    for (let b = 0; b < 60; b++) rows.push(late(2 * b, `买家${b}`, 1), late(2 * b + 1, `买家${b}`, 2));
    const f = write(dir, 'orders.csv', taobaoCsv(rows));
    const state = path.join(dir, 'state.db');
    const args = (o: string) => ['compensate', f, '--as-of', '2026-11-25 12:00:00', '--record', '--state', state, '-f', 'json', '-o', path.join(dir, o)];
    const [a, b] = await Promise.all([cli(args('a.json'), tmpDir()), cli(args('b.json'), tmpDir())]);
    expect([a.stderr.includes('rror'), b.stderr.includes('rror')]).toEqual([false, false]);
    const ra = (await import('node:fs')).readFileSync(path.join(dir, 'a.json'), 'utf8');
    const rb = (await import('node:fs')).readFileSync(path.join(dir, 'b.json'), 'utf8');
    const va = JSON.parse(ra) as Row[];
    const vb = JSON.parse(rb) as Row[];
    expect([va.length, vb.length]).toEqual([60, 60]);
    const fresh = [...va, ...vb].filter((v) => v.recorded === 'new').map((v) => v.voucherKey);
    expect(fresh.length).toBe(60);
    expect(new Set(fresh).size).toBe(60);
    // What both runs say to issue: 60 × 400.00 = 24000.00, once.
    const issued = [...va, ...vb].reduce((t, v) => t.plus(v.toIssue), new Decimal(0));
    expect(issued.toFixed(2)).toBe('24000.00');
    const raw = new Database(state, { readonly: true });
    expect(raw.prepare('SELECT count(*) AS n FROM vouchers').get()).toEqual({ n: 60 });
    raw.close();
  }, 120_000);

  it("two exports of one buyer's day: the 500.00 cap is shared, not paid twice", async () => {
    const dir = tmpDir();
    // Export A: orders 1, 2 (400.00). Export B: orders 3, 4 (400.00), the same buyer and day.
    // Whichever records first issues 400.00; the other only what the cap leaves: 100.00. 500.00 in all.
    const fa = write(dir, 'a.csv', taobaoCsv([late(1, '小明', 1), late(2, '小明', 2)]));
    const fb = write(dir, 'b.csv', taobaoCsv([late(3, '小明', 3), late(4, '小明', 4)]));
    const state = path.join(dir, 'state.db');
    const args = (f: string, o: string) => ['compensate', f, '--as-of', '2026-11-25 12:00:00', '--record', '--state', state, '-f', 'json', '-o', path.join(dir, o)];
    const fs = await import('node:fs');
    for (let round = 0; round < 3; round++) {
      // A new ledger each round, and the last round's lists with it: a list showing vouchers
      // recorded new that the database does not hold is refused (guard44, record-other-ledger).
      for (const f of [state, path.join(dir, 'a.json'), path.join(dir, 'b.json')]) fs.rmSync(f, { force: true });
      const [ca, cb] = await Promise.all([cli(args(fa, 'a.json'), tmpDir()), cli(args(fb, 'b.json'), tmpDir())]);
      expect([ca.code, cb.code], ca.stderr + cb.stderr).toEqual([0, 0]);
      const va = JSON.parse(fs.readFileSync(path.join(dir, 'a.json'), 'utf8')) as Row[];
      const vb = JSON.parse(fs.readFileSync(path.join(dir, 'b.json'), 'utf8')) as Row[];
      const toIssue = [...va, ...vb].map((v) => v.toIssue).sort();
      expect(toIssue).toEqual(['100.00', '400.00']);
      const raw = new Database(state, { readonly: true });
      expect(raw.prepare('SELECT count(*) AS n FROM vouchers').get()).toEqual({ n: 2 });
      raw.close();
    }
  }, 120_000);
});
