// A buyer's window that grew after its voucher was recorded (a late order found in a later export,
// a corrected ship time): the new voucher holds orders an earlier one paid. Only the rest is owed,
// --reissue records it taking over the earlier voucher, and the ledger total is what was paid: the
// day's cap (500, RULES 1.3 第十二条) is never passed. Amounts worked out by hand from RULES 1.3.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';
import { type Row, ledger, recorder, shipped } from './record-runs.js';

const run = recorder('2026-06-01 00:00:00');

describe('a window that grew after it was recorded (tmall-2026, one Beijing day)', () => {
  // 401, 402: 1000.00 each, 48 h window, shipped 48 h 1 s late: 5 % = 50.00 each → 100.00, recorded.
  const first = [
    shipped('1000000000000000401', 'L', '1000.00', '2026-05-01 10:00:00', '2026-05-05 10:00:01'),
    shipped('1000000000000000402', 'L', '1000.00', '2026-05-01 11:00:00', '2026-05-05 11:00:01'),
  ];
  // Later export: 403 (100.00) shipped 1 s late: 5 % = 5.00; 404 (2000.00) shipped 72 h 1 s late:
  // out of stock, window ≤ 48 h: 10 % = 200.00. The day: 50 + 50 + 5 + 200 = 305.00, 100.00 paid.
  const grown = [
    ...first,
    shipped('1000000000000000403', 'L', '100.00', '2026-05-01 12:00:00', '2026-05-03 12:00:01'),
    shipped('1000000000000000404', 'L', '2000.00', '2026-05-01 13:00:00', '2026-05-06 13:00:01'),
  ];

  it('only the 205.00 still owed is to issue; --reissue records it; the ledger total is 305.00, not 405.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const a = path.join(dir, 'a.csv');
    const b = path.join(dir, 'b.csv');
    fs.writeFileSync(a, taobaoCsv(first));
    fs.writeFileSync(b, taobaoCsv(grown));

    const r1 = run(a, state);
    expect(r1.code).toBe(0);
    expect(r1.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['100.00', '100.00', 'new']]);

    const r2 = run(b, state);
    expect(r2.code).toBe(1); // a person checks it
    expect(r2.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['305.00', '205.00', 'conflict']]);
    expect(r2.stderr).toContain('comes to 305.00, of which 100.00 was paid by the vouchers recorded before: 205.00 is still owed');
    // Not yet recorded, the 205.00 is kept out of the total to issue: issued now and again once
    // --reissue records it, it would be paid twice.
    expect(r2.stderr).toContain('0 vouchers totalling 0.00 to issue; 1 conflict still owing 205.00 (not in that total: check and record with --reissue first, then issue)');

    const r3 = run(b, state, '--reissue', 'all');
    expect(r3.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['305.00', '205.00', 'reissued']]);
    expect(r3.stderr).toContain('issue only 205.00');

    const r4 = run(b, state);
    expect(r4.code).toBe(0);
    expect(r4.rows.map((v) => [v.toIssue, v.recorded])).toEqual([['0.00', 'already_recorded']]);

    const l = ledger(state);
    const listed = JSON.parse(l.stdout) as Row[];
    expect(listed.map((v) => [v.amount, v.covered])).toEqual([
      ['100.00', '0.00'],
      ['305.00', '100.00'],
    ]);
    expect(l.stderr).toContain('2 vouchers recorded, total 305.00');
    // zh says 红包 as every other message does (it said 赔付券).
    expect(runCli(['ledger', 'list', '--state', state, '-f', 'json', '--lang', 'zh']).stderr).toContain('已记录 2 个红包, 合计 305.00 元');
  });

  it('a day already paid up to the 500 cap owes nothing more when an order joins it', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    // Three 2000.00 orders shipped 72 h 1 s late: 10 % = 200.00 each, 600.00 capped to 500.00.
    const capped = ['501', '502', '503'].map((n, i) => shipped(`1000000000000000${n}`, 'M', '2000.00', `2026-05-01 1${i}:00:00`, `2026-05-06 1${i}:00:01`));
    // 504: 100.00 paid 23:00, shipped 05-04 00:00 (1 h after its 05-03 23:00 deadline): 5.00; 605.00 capped to 500.00.
    const more = [...capped, shipped('1000000000000000504', 'M', '100.00', '2026-05-01 23:00:00', '2026-05-04 00:00:00')];
    const a = path.join(dir, 'a.csv');
    const b = path.join(dir, 'b.csv');
    fs.writeFileSync(a, taobaoCsv(capped));
    fs.writeFileSync(b, taobaoCsv(more));
    expect(run(a, state).rows.map((v) => [v.amount, v.capped, v.toIssue])).toEqual([['500.00', true, '500.00']]);
    const r2 = run(b, state);
    expect(r2.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['500.00', '0.00', 'conflict']]);
    expect(r2.stderr).toContain('0 vouchers totalling 0.00 to issue');
    const r3 = run(b, state, '--reissue', 'all');
    expect(r3.rows.map((v) => [v.toIssue, v.recorded])).toEqual([['0.00', 'reissued']]);
    expect(ledger(state).stderr).toContain('2 vouchers recorded, total 500.00');
  });

  it('grown by an order still unshipped: the provisional voucher shows only what is not yet paid', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const a = path.join(dir, 'a.csv');
    const b = path.join(dir, 'b.csv');
    fs.writeFileSync(a, taobaoCsv(first));
    // 405: 100.00 paid 05-01 14:00, still unshipped at as-of (06-01): out of stock, 10 % = 10.00, provisional.
    const unshipped = order('1000000000000000405', { 买家会员名: 'L', 买家应付货款: '100.00', 买家应付邮费: '0.00', 买家实际支付金额: '100.00', 订单状态: '买家已付款，等待卖家发货', 订单付款时间: '2026-05-01 14:00:00', 订单创建时间: '2026-05-01 14:00:00', 宝贝标题: '普通毛巾' });
    fs.writeFileSync(b, taobaoCsv([...first, unshipped]));
    run(a, state);
    const r = run(b, state);
    // 50 + 50 + 10 = 110.00, of which 100.00 recorded: 10.00, not recorded (provisional), nothing marked.
    expect(r.rows.map((v) => [v.amount, v.state, v.toIssue, v.recorded])).toEqual([['110.00', 'provisional', '10.00', '']]);
  });

  it('an order excluded after its voucher was recorded: the smaller voucher is covered, nothing owed', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const a = path.join(dir, 'a.csv');
    fs.writeFileSync(a, taobaoCsv(first));
    const ex = path.join(dir, 'exclude.csv');
    fs.writeFileSync(ex, '订单编号\n1000000000000000402\n');
    run(a, state);
    const r = run(a, state, '--exclude', ex);
    // 401 alone: 50.00, paid inside the 100.00 voucher.
    expect(r.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['50.00', '0.00', 'conflict']]);
  });
});

describe('tmall-2023 rolling windows that regroup over several runs (RULES 1.2: 30 %, windows of 24 h from the first payment)', () => {
  // Buyer P, 100.00 each, each shipped 50 h after payment (2 h late): 30 % = 30.00 each.
  const o = (n: string, paidAt: string, shippedAt: string) => shipped(`100000000000000000${n}`, 'P', '100.00', paidAt, shippedAt);
  const A = o('1', '2025-03-01 12:00:00', '2025-03-03 14:00:00');
  const B = o('2', '2025-03-02 10:00:00', '2025-03-04 12:00:00');
  const C = o('3', '2025-03-03 09:00:00', '2025-03-05 11:00:00');
  const D = o('4', '2025-03-03 20:00:00', '2025-03-05 22:00:00');
  const at = ['--as-of', '2025-04-01 00:00:00'];
  const files = (dir: string) => {
    const w = (name: string, rows: ReturnType<typeof o>[]) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, taobaoCsv(rows));
      return f;
    };
    // {B,C} = 60.00 (C within 24 h of B); with A: {A,B} = 60.00 and {C} = 30.00; with D too: {A,B} and {C,D} = 60.00.
    return { r1: w('r1.csv', [B, C]), r2: w('r2.csv', [A, B, C]), r3: w('r3.csv', [A, B, C, D]) };
  };
  const owed = (r: { rows: Row[] }) => r.rows.map((v) => [v.orderIds, v.toIssue, v.recorded]);

  it('each payment is taken over once across runs: what is issued adds up to what is owed (120.00)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir);
    expect(owed(run(f.r1, state, ...at))).toEqual([[['1000000000000000002', '1000000000000000003'], '60.00', 'new']]);
    // {B,C}'s 60.00 paid B's 30.00 and C's 30.00: {A,B} takes only B's 30.00 of it (C is not in
    // {A,B}), so A's 30.00 is owed; {C} takes the other 30.00: nothing owed.
    expect(owed(run(f.r2, state, ...at, '--reissue', 'all'))).toEqual([
      [['1000000000000000001', '1000000000000000002'], '30.00', 'reissued'],
      [['1000000000000000003'], '0.00', 'reissued'],
    ]);
    // {C,D} = 60.00 holds C, paid 30.00 (by the {C} voucher, from {B,C}'s money): 30.00 owed.
    const r3 = run(f.r3, state, ...at);
    expect(owed(r3)).toEqual([
      [['1000000000000000001', '1000000000000000002'], '0.00', 'already_recorded'],
      [['1000000000000000003', '1000000000000000004'], '30.00', 'conflict'],
    ]);
    expect(owed(run(f.r3, state, ...at, '--reissue', 'all'))[1]).toEqual([['1000000000000000003', '1000000000000000004'], '30.00', 'reissued']);
    // Issued 60 + 30 + 0 + 30 = 120.00 = 60 ({A,B}) + 60 ({C,D}).
    expect(ledger(state).stderr).toContain('4 vouchers recorded, total 120.00');
  });

  it('a payment taken over in an earlier run is not counted again: {C} keeps only what {A,B} left, run after run', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir);
    run(f.r1, state, ...at);
    // Only {A,B} recorded (taking B's 30.00 of {B,C}'s 60.00: A's 30.00 owed); {C} still blocked:
    // the 30.00 left of {B,C} pays it, nothing owed, now and on the next run.
    expect(owed(run(f.r2, state, ...at, '--reissue', '1000000000000000002'))).toEqual([
      [['1000000000000000001', '1000000000000000002'], '30.00', 'reissued'],
      [['1000000000000000003'], '0.00', 'conflict'],
    ]);
    expect(owed(run(f.r2, state, ...at))[1]).toEqual([['1000000000000000003'], '0.00', 'conflict']);
    // With D: {C,D} = 60.00 takes the 30.00 left of {B,C} (not the 60.00 again): 30.00 owed.
    expect(owed(run(f.r3, state, ...at, '--reissue', 'all'))[1]).toEqual([['1000000000000000003', '1000000000000000004'], '30.00', 'reissued']);
    // 60 ({B,C}) + 30 ({A,B}) + 30 ({C,D}) = 120.00 = 60 ({A,B}) + 60 ({C,D}).
    expect(ledger(state).stderr).toContain('3 vouchers recorded, total 120.00');
  });

  it('a voucher recorded taking over one that paid all of it is not "newly recorded": --fail-on new-vouchers stays quiet', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir);
    const ex = path.join(dir, 'exclude.csv');
    fs.writeFileSync(ex, '订单编号\n1000000000000000003\n');
    run(f.r1, state, ...at);
    // {B} alone = 30.00, all paid by {B,C}'s 60.00.
    const r = run(f.r1, state, ...at, '--exclude', ex, '--reissue', 'all', '--fail-on', 'new-vouchers');
    expect(r.code).toBe(0);
    expect(owed(r)).toEqual([[['1000000000000000002'], '0.00', 'reissued']]);
    expect(r.stderr).toContain('0 newly recorded; 1 recorded before (not counted again)');
  });
});

describe('a run stopped before its output is written records nothing', () => {
  it('SIGTERM while stdout is full (a reader that stopped reading): exit 143, the vouchers are not in the ledger (the next run shows them again)', async () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const a = path.join(dir, 'a.csv');
    // 3000 buyers, one late order each: 50.00 per voucher, ~750 KB of csv, more than a pipe holds.
    const rows = Array.from({ length: 3000 }, (_, i) => shipped(`1000000000000${100000 + i}`, `buyer${i}`, '1000.00', '2026-05-01 10:00:00', '2026-05-05 10:00:01'));
    fs.writeFileSync(a, taobaoCsv(rows));
    const { BIN } = await import('../helpers.js');
    // stdout is a FIFO the shell holds open (read-write, so the open does not wait) and never reads:
    // once it is full the run waits, its vouchers recorded but not committed; then it is terminated.
    const fifo = path.join(dir, 'fifo');
    const script =
      `mkfifo '${fifo}' && exec 3<>'${fifo}' && ` +
      `'${process.execPath}' '${BIN}' compensate '${a}' --state '${state}' --as-of '2026-06-01 00:00:00' --record -f csv > '${fifo}' 2>/dev/null & ` +
      'pid=$!; sleep 4; kill -TERM $pid; wait $pid; echo "exit $?"';
    const sh = spawnSync('sh', ['-c', script], { env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LANG: 'C', HOME: dir }, encoding: 'utf8' });
    expect(sh.stdout.trim()).toBe('exit 143');
    // Nothing was recorded: the operator never saw these vouchers, so the next run shows them as new.
    expect(ledger(state).stderr).toContain('nothing recorded yet: no vouchers in');
    const again = run(a, state);
    expect(again.rows.length).toBe(3000);
    expect(again.rows.every((v) => v.toIssue === '50.00' && v.recorded === 'new')).toBe(true);
  }, 60_000);
});
