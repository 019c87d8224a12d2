// `compensate --record` from cron every hour: orders a recorded voucher paid that a later run judges
// on time (or leaves out with --exclude) were named in a full warning on every run, for ever (shown
// even with -q), so the operator learned to skip stderr. Now said in full once per (order, voucher
// paying it) — once per order for --exclude — and then counted in one line hidden by -q. The marker
// is written with the recording's commit: a run whose recording is dropped says it again.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const A = '3300000000000000011';
const B = '3300000000000000012';

describe.each(['UTC', 'America/Los_Angeles'])('orders paid but no longer owed, said once (TZ=%s)', (tz) => {
  const d = tmpDir();
  // As in changed.test.ts: tmall-2026, buyer 小明, both paid 2026-11-01 Beijing (one calendar day,
  // one voucher); deadline paid + 48 h. A: paid 10:00, marked shipped 11-03 11:00 (1 h late):
  // 5 % × 300.00 = 15.00. B: paid 12:00, marked shipped 11-03 13:00 (1 h late): 5 % × 400.00 = 20.00.
  // One voucher {A, B} of 15.00 + 20.00 = 35.00 (under the 500.00 cap), recorded by the first run.
  const orders = write(d, 'orders.csv', taobaoCsv([
    order(A, { 买家会员名: '小明', 订单状态: '卖家已发货，等待买家确认', 订单创建时间: '2026-11-01 09:59:00', 订单付款时间: '2026-11-01 10:00:00', 发货时间: '2026-11-03 11:00:00', 买家应付货款: '300.00', 买家应付邮费: '0.00', 买家实际支付金额: '300.00' }),
    order(B, { 买家会员名: '小明', 订单状态: '卖家已发货，等待买家确认', 订单创建时间: '2026-11-01 11:59:00', 订单付款时间: '2026-11-01 12:00:00', 发货时间: '2026-11-03 13:00:00', 买家应付货款: '400.00', 买家应付邮费: '0.00', 买家实际支付金额: '400.00' }),
  ]));
  // Picked up before the deadline (11-03 10:00): A on time. Then B too (deadline 11-03 12:00).
  const scansA = write(d, 'scans-a.csv', `订单编号,揽收时间\n${A},2026-11-03 09:00:00\n`);
  const scansAB = write(d, 'scans-ab.csv', `订单编号,揽收时间\n${A},2026-11-03 09:00:00\n${B},2026-11-03 10:00:00\n`);
  const excl = write(d, 'exclude.csv', `订单编号\n${B}\n`);
  const base = (st: string) => ['compensate', orders, '--as-of', '2026-11-10 00:00:00', '--record', '--state', st, '-f', 'json'];
  const run = (args: string[]) => runCli(args, { tz });
  const fresh = () => {
    const st = path.join(tmpDir(), 'state.db');
    const first = run(base(st));
    expect(first.code).toBe(0);
    const key = (JSON.parse(first.stdout) as Record<string, string>[])[0]!.voucherKey;
    return { st, key };
  };
  const onTimeFull = (ids: string, n = 1) => `paid in recorded vouchers ${n === 1 ? 'is' : 'are'} judged on time by this run: ${ids}`;
  const SHORT_ONE = 'storeops: 1 order paid in recorded vouchers and reported by an earlier run remains so (1 judged on time); the record stands, not listed again (-v lists it; storeops ledger list --order <orderId> shows the voucher that paid an order)';

  it('on time: in full once, one short line after (hidden by -q), in full again for an order newly on time; -v lists all', () => {
    const { st, key } = fresh();
    const second = run([...base(st), '--shipments', scansA]);
    expect(second.stderr).toContain(`1 order ${onTimeFull(`${A} (voucher ${key}, 15.00)`)}`);
    expect(second.stderr).not.toContain('reported by an earlier run');

    const third = run([...base(st), '--shipments', scansA]);
    expect(third.stderr).not.toContain('judged on time by this run');
    expect(third.stderr).toContain(SHORT_ONE);
    // -q (the hourly recipe): nothing about it at all.
    const quiet = run([...base(st), '--shipments', scansA, '-q']);
    expect(quiet.stderr).not.toContain(A);
    expect(quiet.stderr).not.toContain('reported by an earlier run');

    // B is now on time too: B in full (20.00), A counted.
    const fourth = run([...base(st), '--shipments', scansAB]);
    expect(fourth.stderr).toContain(`1 order ${onTimeFull(`${B} (voucher ${key}, 20.00)`)}`);
    expect(fourth.stderr).not.toContain(`${A} (voucher`);
    expect(fourth.stderr).toContain(SHORT_ONE);
    // -v lists both again, 15.00 + 20.00 = 35.00, without the short line.
    const verbose = run([...base(st), '--shipments', scansAB, '-v']);
    expect(verbose.stderr).toContain(`2 orders ${onTimeFull(`${A} (voucher ${key}, 15.00), ${B} (voucher ${key}, 20.00)`, 2)}; what they came to in those vouchers (35.00, before the buyer's cap)`);
    expect(verbose.stderr).not.toContain('reported by an earlier run');
    const after = run([...base(st), '--shipments', scansAB, '--lang', 'zh']);
    expect(after.stderr).not.toContain('判定为按时发货:');
    expect(after.stderr).toContain('2 个已在记录的红包中赔付的订单此前已报告过, 情况未变 (2 个判定为按时发货); 记录不变, 不再逐一列出 (加 -v 列出; storeops ledger list --order <订单编号> 查看赔付它的红包)');
  });

  // /dev/full: Linux's; elsewhere the test is skipped.
  it.skipIf(!fs.existsSync('/dev/full'))('a run whose output cannot be written (recording dropped) says it again next time; a run without --record writes nothing', () => {
    const { st, key } = fresh();
    // Without --record: the ledger is not read nor changed.
    const plain = run(['compensate', orders, '--as-of', '2026-11-10 00:00:00', '--shipments', scansA, '--state', st, '-f', 'json']);
    expect(plain.code).toBe(0);
    // The output fails only once written: /dev/full, where every write is "disk full" (a folder that
    // does not exist and a write-protected file are refused before anything is read): judged and
    // warned, then the output fails (exit 5) and nothing is recorded.
    const failed = run([...base(st), '--shipments', scansA, '-o', '/dev/full']);
    expect(failed.code).toBe(5);
    expect(failed.stderr).toContain(`1 order ${onTimeFull(`${A} (voucher ${key}, 15.00)`)}`);
    const again = run([...base(st), '--shipments', scansA, '--lang', 'zh']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`1 个订单已在记录的红包中赔付, 但本次运行判定为按时发货: ${A} (红包 ${key}, 15.00 元)`);
    expect(run([...base(st), '--shipments', scansA]).stderr).toContain(SHORT_ONE);
  });

  it('judged late again: the marker goes, and on time once more is said in full again', () => {
    const { st, key } = fresh();
    expect(run([...base(st), '--shipments', scansA]).stderr).toContain(onTimeFull(`${A} (voucher ${key}, 15.00)`));
    expect(run([...base(st), '--shipments', scansA]).stderr).toContain(SHORT_ONE);
    // Without the scans A is 1 h late again (paid by its recorded voucher).
    const late = run(base(st));
    expect(late.stderr).not.toContain('reported by an earlier run');
    expect(run([...base(st), '--shipments', scansA]).stderr).toContain(`1 order ${onTimeFull(`${A} (voucher ${key}, 15.00)`)}`);
  });

  it('left out by --exclude: in full once per order (zh and en), then counted', () => {
    const { st, key } = fresh();
    const first = run([...base(st), '--exclude', excl, '--lang', 'zh']);
    expect(first.stderr).toContain(`1 个订单已在记录的红包中赔付, 但本次运行按 --exclude 排除了它: ${B} (红包 ${key}, 20.00 元)`);
    const second = run([...base(st), '--exclude', excl]);
    expect(second.stderr).not.toContain('left out by --exclude in this run');
    expect(second.stderr).toContain('1 order paid in recorded vouchers and reported by an earlier run remains so (1 left out by --exclude)');
    // -v: the English full wording, 20.00 (B's share of the 35.00).
    expect(run([...base(st), '--exclude', excl, '-v']).stderr).toContain(`1 order paid in recorded vouchers is left out by --exclude in this run: ${B} (voucher ${key}, 20.00); what it came to in that voucher (20.00, before the buyer's cap) was paid already.`);
  });
});
