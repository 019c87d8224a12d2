// What the --record tests share: a shipped Taobao order of one buyer, exports written from sets of
// them, and `compensate --record` / `ledger list` runs on a state file.
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';

/** An order paid `paid` (no postage) at `paidAt`, marked shipped at `shippedAt`. */
export const shipped = (id: string, buyer: string, paid: string, paidAt: string, shippedAt: string) =>
  order(id, { 买家会员名: buyer, 买家应付货款: paid, 买家应付邮费: '0.00', 买家实际支付金额: paid, 订单状态: '交易成功', 订单付款时间: paidAt, 订单创建时间: paidAt, 发货时间: shippedAt, 宝贝标题: '普通毛巾' });

export type Row = Record<string, unknown>;

/** `compensate FILE --record --state STATE` as of `asOf`, with `fixed` options on every run; its JSON rows parsed. */
export const recorder =
  (asOf: string, ...fixed: string[]) =>
  (file: string, state: string, ...more: string[]) => {
    const r = runCli(['compensate', file, '--state', state, '--as-of', asOf, '-f', 'json', '--record', ...fixed, ...more]);
    return { ...r, rows: r.stdout ? (JSON.parse(r.stdout) as Row[]) : [] };
  };

/** The same, with the process run in time zone `tz` (the reissue tests run under UTC and Los Angeles). */
export const recorderIn =
  (tz: string, asOf: string) =>
  (file: string, state: string, ...more: string[]) => {
    const r = runCli(['compensate', file, '--state', state, '--as-of', asOf, '-f', 'json', '--record', ...more], { tz });
    return { ...r, rows: r.stdout ? (JSON.parse(r.stdout) as Row[]) : [] };
  };

/** A run's vouchers in short: buyer, the orders' last two digits, amount, to issue, recorded. */
export const seen = (rows: Row[]) => rows.map((v) => [v.buyer, (v.orderIds as string[]).map((id) => id.slice(-2)).join(','), v.amount, v.toIssue, v.recorded]);

export const ledger = (state: string) => runCli(['ledger', 'list', '--state', state, '-f', 'json']);

/** One csv export per named set of orders, in `dir`; their paths by name. */
export const files = (dir: string, sets: Record<string, ReturnType<typeof shipped>[]>) =>
  Object.fromEntries(
    Object.entries(sets).map(([name, rows]) => {
      const f = path.join(dir, `${name}.csv`);
      fs.writeFileSync(f, taobaoCsv(rows));
      return [name, f];
    }),
  );

/** The ledger's recorded total (`ledger list`'s "total N" on stderr), read in `tz`. */
export const ledgerTotal = (state: string, tz: string) => /total ([\d.]+)/.exec(runCli(['ledger', 'list', '--state', state], { tz }).stderr)?.[1];

/** What a run says is still owed (fen): its conflict and amount_changed rows' to-issue amounts. */
export const owedSaid = (rows: Row[]) => rows.filter((v) => ['conflict', 'amount_changed'].includes(String(v.recorded))).reduce((t, v) => t + Math.round(Number(v.toIssue) * 100), 0);
