// Property over two exports of the same orders (tmall-2023 and tmall-2026, docs/rules.md §1.2, §1.3):
// the first recorded (--record), then a later export in which orders moved (paid time corrected:
// a 24-hour window or day regrouped), were judged otherwise (ship time), renamed buyers, vanished or
// appeared. Three ways of paying what the later export says is owed must agree:
//   said: the run without --reissue (new vouchers recorded + what its conflicts and changed
//         vouchers say is still owed) == what --reissue all then leaves in the ledger;
//   one:  re-issuing the conflicts one voucher at a time (--reissue <its orders>, in a random
//         order, then --reissue all for whatever is left) == --reissue all at once;
//   never more than a fresh ledger run on the later export alone owes, unless the first export
//         paid more than that already (what was paid cannot be taken back).
// FUZZ_N / FUZZ_S run more seeds; TOTALS=FILE appends each seed's totals (said, --reissue all, one
// at a time, a fresh ledger, in fen) to FILE, to compare builds; OWED=1 also reports totals above or below what a fresh ledger owes
// on the later export (plus the orders it left out, as the ledger still holds them); SHOW_SEED=n
// prints a seed's two exports; KEEP_DIR keeps each seed's files and ledgers there.
// Seeds 14, 146, 167, 198, 250: one at a time paid 300.00, 300.00, 5.00, 50.00, 200.00 more than
// --reissue all (reissue-one-by-one.test.ts works three of them out by hand).
// Settled since review24 (failed from 1394f99; reissue-window-cap-order.test.ts works it out by hand):
// seed 1128, tmall-2023. P's {05,06,03,01} paid 500.00 (30+300+600+300 capped); in the later export o50
// (100.00, 05-30 11:39) opens {50,05} = 60.00 and {06,03} = 500.00 (o01 left out, kept as first seen).
// The run without --reissue says {50,05} owes 30.00 and --reissue all pays it (1530.00); re-issuing
// {50,05} alone first records it with 0.00 to issue (the old voucher's whole 500.00 counted toward its cap,
// {06,03} not being re-issued in that run), then {06,03} takes that 500.00 as well: 1500.00. {06,03} first,
// then {50,05}: 1530.00. A fresh ledger owes 1560.00 (P: 60.00 + 500.00 from one 500.00 payment: 60.00 more).
// Now {50,05} re-issued alone leaves out of its cap the 470.00 {06,03} takes over: 1530.00 either order.
// Review 25: P's {02} voucher, which the later export holds again as Q's, no longer counts toward P's
// window cap (docs/rules.md §1.7): 1560.00 each way, as a fresh ledger owes (OWED=1 passes).
// FUZZ_S=1000 seed 1128 with OWED=1 reported 1530.00 < 1560.00 until then.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../hardening/inproc.js';
import { tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';

const AS_OF = '2026-07-01 00:00:00';
const ms = (t: string) => Date.parse(`${t.replace(' ', 'T')}+08:00`);
const bjMs = (m: number) => new Date(m + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
const fen = (v: unknown) => Math.round(Number(v) * 100);

type O = { id: string; buyer: string; paid: string; paidAt: string; ship: string };

function gen(seed: number) {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T,>(a: T[]) => a[Math.floor(rnd() * a.length)]!;
  const firstDay = pick(['2026-04-06', '2025-05-30', '2026-05-30']);
  const start = ms(`${firstDay} 00:00:00`);
  const n = 2 + Math.floor(rnd() * 6);
  const mk = (i: number): O => {
    const paid = start + Math.floor(rnd() * 3) * 86_400_000 + Math.floor(rnd() * 24) * 3_600_000 + Math.floor(rnd() * 60) * 60_000;
    return { id: String(6000000000000000000n + BigInt(seed * 100 + i)), buyer: pick(['P', 'Q']), paid: pick(['100.00', '1000.00', '2000.00', '3000.00', '9000.00']), paidAt: bjMs(paid), ship: bjMs(paid + (rnd() < 0.3 ? 40 : 49 + Math.floor(rnd() * 80)) * 3_600_000) };
  };
  const first = Array.from({ length: n }, (_, i) => mk(i));
  const second: O[] = [];
  for (const o of first) {
    const r = rnd();
    if (r < 0.1) continue; // vanished
    const c = { ...o };
    if (rnd() < 0.35) c.paidAt = bjMs(ms(o.paidAt) + (Math.floor(rnd() * 40) - 20) * 3_600_000);
    if (rnd() < 0.2) c.ship = bjMs(ms(c.paidAt) + (rnd() < 0.3 ? 40 : 49 + Math.floor(rnd() * 80)) * 3_600_000);
    if (rnd() < 0.15) c.buyer = c.buyer === 'P' ? 'Q' : 'P';
    if (ms(c.ship) < ms(c.paidAt)) c.ship = bjMs(ms(c.paidAt) + 50 * 3_600_000);
    second.push(c);
  }
  for (let i = 0; i < Math.floor(rnd() * 3); i++) second.push(mk(50 + i));
  return { first: first.sort((a, b) => ms(a.paidAt) - ms(b.paidAt)), second: second.sort((a, b) => ms(a.paidAt) - ms(b.paidAt)), order: rnd() };
}

const csv = (os: O[]) =>
  taobaoCsv(os.map((o) => order(o.id, { 买家会员名: o.buyer, 买家应付货款: o.paid, 买家应付邮费: '0.00', 买家实际支付金额: o.paid, 订单状态: '交易成功', 订单付款时间: o.paidAt, 订单创建时间: o.paidAt, 发货时间: o.ship, 宝贝标题: '普通毛巾' })));

type Row = Record<string, unknown>;
const record = async (file: string, state: string, ...more: string[]) => {
  const r = await cli(['compensate', file, '--record', '--state', state, '--as-of', AS_OF, '-f', 'json', ...more]);
  if (![0, 1].includes(r.code)) throw new Error(`code ${r.code}: ${r.stderr}`);
  return { ...r, rows: JSON.parse(r.stdout) as Row[] };
};
const total = async (state: string) => fen(/total ([\d.]+)/.exec((await cli(['ledger', 'list', '--state', state])).stderr)?.[1] ?? 0);

export async function check(seed: number): Promise<string[]> {
  const g = gen(seed);
  const dir = process.env.KEEP_DIR ? fs.mkdtempSync(path.join(process.env.KEEP_DIR, `seed${seed}-`)) : tmpDir();
  const f1 = path.join(dir, 'first.csv');
  const f2 = path.join(dir, 'second.csv');
  fs.writeFileSync(f1, csv(g.first));
  fs.writeFileSync(f2, csv(g.second));
  // What the ledger reads: orders the later export left out are still the ledger's, as first seen.
  const fl = path.join(dir, 'ledger-view.csv');
  fs.writeFileSync(fl, csv([...g.second, ...g.first.filter((o) => !g.second.some((x) => x.id === o.id))]));
  const base = path.join(dir, 'base.db');
  await record(f1, base);
  const paid1 = await total(base);
  const fresh = path.join(dir, 'fresh.db');
  await record(fl, fresh);
  const truth = await total(fresh);
  const copy = (name: string) => {
    const f = path.join(dir, name);
    for (const x of ['', '-wal', '-shm']) if (fs.existsSync(base + x)) fs.copyFileSync(base + x, f + x);
    return f;
  };
  const fails: string[] = [];
  // said, then --reissue all.
  const a = copy('all.db');
  const r = await record(f2, a);
  const afterRun = await total(a);
  // Held vouchers (a 24-hour window the export and the ledger cannot tell) are not recorded by --reissue all.
  const said = afterRun + r.rows.filter((v) => ['conflict', 'amount_changed'].includes(String(v.recorded))).reduce((t, v) => t + fen(v.toIssue), 0);
  const newRows = r.rows.filter((v) => v.recorded === 'new').length;
  const m = /(\d+) newly recorded/.exec(r.stderr);
  if (m && Number(m[1]) !== newRows) fails.push(`seed ${seed}: summary says ${m[1]} newly recorded, ${newRows} rows new`);
  const allRows = (await record(f2, a, '--reissue', 'all')).rows;
  const held = allRows.some((v) => v.recorded === 'held');
  const viaAll = await total(a);
  if (said !== viaAll) fails.push(`seed ${seed}: said ${said}, --reissue all ends at ${viaAll} (${dir})`);
  // The run holds what --reissue all holds (seeds 269, 427 said a held voucher `conflict`, counted as owed).
  const heldKeys = (rows: Row[]) => rows.filter((v) => v.recorded === 'held').map((v) => String(v.voucherKey)).sort().join(',');
  if (heldKeys(r.rows) !== heldKeys(allRows)) fails.push(`seed ${seed}: held [${heldKeys(r.rows)}], by --reissue all [${heldKeys(allRows)}] (${dir})`);
  // one at a time.
  const o = copy('one.db');
  const r1 = await record(f2, o);
  const todo = r1.rows.filter((v) => ['conflict', 'amount_changed'].includes(String(v.recorded))).map((v) => (v.orderIds as string[]).join(','));
  if (g.order < 0.5) todo.reverse();
  for (const ids of todo) await record(f2, o, '--reissue', ids);
  await record(f2, o, '--reissue', 'all');
  const viaOne = await total(o);
  if (viaOne !== viaAll) fails.push(`seed ${seed}: one at a time ${viaOne}, all at once ${viaAll} (${dir})`);
  if (process.env.TOTALS) fs.appendFileSync(process.env.TOTALS, `seed ${seed}: said ${said} all ${viaAll} one ${viaOne} fresh ${truth}\n`);
  // Reported with OWED=1 only: money paid on the first export's data cannot be taken back (an order
  // now judged on time, a window regrouped), and the ledger caps short where it cannot tell.
  if (process.env.OWED && Math.max(viaAll, viaOne) > Math.max(truth, paid1)) fails.push(`seed ${seed}: paid ${viaAll}/${viaOne} > owed ${truth} (first run paid ${paid1}) (${dir})`);
  if (process.env.OWED && Math.min(viaAll, viaOne) < truth && !held) fails.push(`seed ${seed}: paid ${viaAll}/${viaOne} < owed ${truth} (${dir})`);
  return fails;
}

const SEEDS = process.env.FUZZ_N ? Array.from({ length: Number(process.env.FUZZ_N) }, (_, i) => Number(process.env.FUZZ_S ?? 1) + i) : [14, 44, 146, 167, 198, 250, 269, 1, 2];

describe('two exports: said == --reissue all == one at a time, never more than owed', () => {
  it('seeds', async () => {
    const fails: string[] = [];
    for (const seed of SEEDS) fails.push(...(await check(seed)));
    expect(fails).toEqual([]);
  }, 1_200_000);
});

if (process.env.SHOW_SEED) {
  it('show', () => {
    const g = gen(Number(process.env.SHOW_SEED));
    const p = (o: O) => `${o.id.slice(-2)} ${o.buyer} ${o.paid} paid ${o.paidAt} ship ${o.ship}`;
    console.log(['first:', ...g.first.map(p), 'second:', ...g.second.map(p), `order ${g.order < 0.5 ? 'reversed' : 'as listed'}`].join('\n'));
  });
}
