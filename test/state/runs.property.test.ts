// Property over sequences of hourly runs (the ledger, not the payout rules): one buyer's orders
// arrive in exports that each hold only some of them, some with an older ship time (a smaller
// payout than the truth), some orders excluded for a run, with or without --reissue (all or some
// ids). Whatever the sequence, what the ledger says was paid never passes what the final export
// (every order, true ship times) says is owed, what the runs told the operator to issue
// (new / reissued / topped_up rows) adds up to the ledger, and after the final run with
// --reissue all the ledger is exactly what is owed. Both rule sets: tmall-2023 (24-hour windows,
// 30 %) and tmall-2026 (calendar days, 5 % / 10 %), each capped at 500 (RULES 1.2, 1.3).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../hardening/inproc.js';
import { tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';

const AS_OF = '2026-07-01 00:00:00';
const plus = (t: string, hours: number) => new Date(Date.parse(`${t.replace(' ', 'T')}+08:00`) + hours * 3_600_000 + 1000).toISOString();
const bj = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

function sequence(seed: number, firstDay: string) {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const orders = Array.from({ length: 3 + Math.floor(rnd() * 5) }, (_, i) => {
    const day = Number(firstDay.slice(8)) + Math.floor(rnd() * 2);
    const paidAt = `${firstDay.slice(0, 8)}${String(day).padStart(2, '0')} ${String(1 + Math.floor(rnd() * 22)).padStart(2, '0')}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}:00`;
    const stale = bj(plus(paidAt, 48)); // 1 s late
    return { id: String(5000000000000000000n + BigInt(seed * 100 + i)), buyer: rnd() < 0.8 ? 'P' : 'Q', paidAt, paid: ['100.00', '1000.00', '2000.00', '3000.00', '5000.00'][Math.floor(rnd() * 5)]!, stale, truth: rnd() < 0.5 ? stale : bj(plus(paidAt, 120)) };
  });
  const runs = Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => {
    const sub = orders.filter(() => rnd() < 0.6);
    const rows = sub.map((o) => ({ o, ship: rnd() < 0.5 ? o.truth : o.stale }));
    const exclude = rnd() < 0.3 ? sub.filter(() => rnd() < 0.3).map((o) => o.id) : [];
    const some = sub.filter(() => rnd() < 0.5).map((o) => o.id);
    const r = rnd();
    const reissue = r < 0.33 ? ['--reissue', 'all'] : r < 0.66 && some.length ? ['--reissue', some.join(',')] : [];
    return { rows, exclude, reissue };
  });
  return { orders, runs };
}

const csv = (rows: { o: ReturnType<typeof sequence>['orders'][number]; ship: string }[]) =>
  taobaoCsv(rows.map(({ o, ship }) => order(o.id, { 买家会员名: o.buyer, 买家应付货款: o.paid, 买家应付邮费: '0.00', 买家实际支付金额: o.paid, 订单状态: '交易成功', 订单付款时间: o.paidAt, 订单创建时间: o.paidAt, 发货时间: ship })));
const fen = (v: unknown) => Math.round(Number(v) * 100);

describe('sequences of --record runs never pay more than is owed, and end paying exactly that', () => {
  const seeds = (from: number) => Array.from({ length: 15 }, (_, i) => from + i);
  for (const [firstDay, list] of [['2025-05-01', seeds(1)], ['2026-05-01', seeds(101)], ['2026-04-08', seeds(201)]] as const) {
    it(`orders from ${firstDay} (seeds ${list[0]}–${list[list.length - 1]})`, async () => {
      for (const seed of list) {
        const dir = tmpDir();
        const state = path.join(dir, 'state.db');
        const { orders, runs } = sequence(seed, firstDay);
        const full = path.join(dir, 'full.csv');
        fs.writeFileSync(full, csv(orders.map((o) => ({ o, ship: o.truth }))));
        const owed = (JSON.parse((await cli(['compensate', full, '--as-of', AS_OF, '-f', 'json'])).stdout) as Record<string, unknown>[]).reduce((t, v) => t + fen(v.toIssue), 0);
        expect(owed, `seed ${seed}: something is owed`).toBeGreaterThan(0);
        const paid = async () => fen(/total ([\d.]+)/.exec((await cli(['ledger', 'list', '--state', state])).stderr)![1]);
        let told = 0;
        const steps = [...runs.filter((r) => r.rows.length > 0), { rows: orders.map((o) => ({ o, ship: o.truth })), exclude: [] as string[], reissue: ['--reissue', 'all'] }];
        for (const [k, step] of steps.entries()) {
          const f = path.join(dir, `run${k}.csv`);
          fs.writeFileSync(f, csv(step.rows));
          const ex = path.join(dir, `ex${k}.csv`);
          fs.writeFileSync(ex, `订单编号\n${step.exclude.join('\n')}\n`);
          const r = await cli(['compensate', f, '--record', '--state', state, '--as-of', AS_OF, '-f', 'json', ...step.reissue, ...(step.exclude.length ? ['--exclude', ex] : [])]);
          expect([0, 1], `seed ${seed} run ${k}: ${r.stderr}`).toContain(r.code);
          for (const v of JSON.parse(r.stdout) as Record<string, unknown>[]) if (['new', 'reissued', 'topped_up'].includes(String(v.recorded))) told += fen(v.toIssue);
          expect(await paid(), `seed ${seed} run ${k}: paid past what is owed`).toBeLessThanOrEqual(owed);
        }
        expect(await paid(), `seed ${seed}: the ledger after the final run`).toBe(owed);
        expect(told, `seed ${seed}: what the runs said to issue`).toBe(owed);
      }
    }, 120_000);
  }
});
