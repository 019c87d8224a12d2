#!/usr/bin/env node
// The benchmark's DuckDB reference (issue 21): the voucher query `storeops compensate` computes,
// written in SQL and run by DuckDB on one thread over a Taobao 订单报表 CSV. Independent of src/:
// it reads the same rule-set files (templates/rules/*.json, docs/rules.md §1) and nothing else of
// storeops, so the bench can check that both give the same vouchers on the same file.
//
//   node scripts/duckdb-vouchers.mjs FILE [--as-of "YYYY-MM-DD HH:MM:SS"] [--rules auto|ID|FILE.json] [--counts] [--list] [--sql]
//
// Prints one JSON line: late orders, vouchers, their amount, what is to be issued
// (in 元, exact decimals), and DuckDB's version; --counts adds a second pass counting the rows read
// and status texts this reference does not know; --list adds every voucher (its order ids, late
// orders, amount, to issue); --sql prints the query instead. Needs the devDependency @duckdb/node-api.
//
// What it computes (docs/rules.md §1.1–1.4, per order, then per buyer window):
// - the rule set: `auto` = the Taobao rule set in force on the order's paid day (validFrom …
//   validTo, Beijing calendar days; every built-in file except custom-example and other platforms'),
//   or one forced set;
// - deadline = paid + window (shipWindowHours, shortened by the title's listing words);
//   late = shipped (发货时间) after the deadline, or unshipped (awaiting shipment, or 卖家部分发货:
//   a line still unshipped, its 发货时间 only the first parcel's) at as-of;
//   hours late = (shipped or as-of) − deadline; unpaid, closed-unshipped, shipped-without-time: none;
// - the first tier matching (window, hours late, presale), else the set's last tier; base
//   (paid − postage, never below 0 / paid / goods), × rate rounded half-up (fen or yuan), then
//   the tier's min and max;
// - windows: same buyer and rule set, combined by calendar day (Beijing), by a rolling 24 h from
//   the window's first payment (recursive CTE), or never; the cap per window; nothing to issue
//   when the platform paid (延迟发货自动赔付金额 > 0) or deducts it itself.
// All times in the export are Beijing wall-clock times, so they are compared as they are.
// Checked by hand against the README's worked example (examples/ExportOrderList202611.csv as UTF-8,
// as of 2026-11-20 12:00:00): 14.50 + 50.00 + 5.00 + 5.00 = 74.50, 55.00 to issue; with
// --rules tmall-2023 62.00 + 500.00 + 29.97 + 15.00 = 606.97. Not handled: duplicate order ids
// (compensate keeps one copy), pickup scans (--shipments), promised ship times (抖店 exports),
// delivery-promise payouts (--delivery-failures), and rows compensate rejects.
// GBK/GB18030 files: DuckDB's CSV reader knows only UTF-8, UTF-16 and Latin-1 without the
// `encodings` extension, which it would download at run time (not allowed here): UTF-8 only.
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { columnsOf, nextDay, referenceArgs, ruleSets } from './voucher-reference.mjs';

const { args, file, asOf, rulesArg, list } = referenceArgs('node scripts/duckdb-vouchers.mjs FILE [--as-of "YYYY-MM-DD HH:MM:SS"] [--rules auto|ID|FILE.json]');
// ---- the rule sets (the same files storeops reads) ----
const { sets, forced } = ruleSets(rulesArg);

// SQL literals built from the rule files (numbers as exact decimals, never binary floats).
const str = (s) => `'${String(s).replace(/'/g, "''")}'`;
const dec = (s) => {
  if (!/^\d+(\.\d+)?$/.test(String(s))) throw new Error(`not a decimal: ${s}`);
  return `CAST(${str(s)} AS DECIMAL(18,6))`;
};
const num = (x) => {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`not a number: ${x}`);
  return String(x);
};

/** Which rule set judges an order paid at `paid_at` (a Beijing wall-clock TIMESTAMP). */
const rulesCase = forced
  ? str(sets[0].id)
  : `CASE ${sets
      .map((r) => {
        const c = [];
        if (r.validFrom) c.push(`paid_at >= TIMESTAMP ${str(`${r.validFrom} 00:00:00`)}`);
        if (r.validTo) c.push(`paid_at < TIMESTAMP ${str(`${nextDay(r.validTo)} 00:00:00`)}`);
        return `WHEN ${c.length ? c.join(' AND ') : 'TRUE'} THEN ${str(r.id)}`;
      })
      .join(' ')} END`;

/** The window in hours: shipWindowHours, shortened by listing words in the title. */
const windowCase = `CASE ${sets
  .map((r) => {
    let e = num(r.shipWindowHours);
    for (const w of r.titleWindows ?? []) {
      const hit = w.keywords.map((k) => `contains(title, ${str(k)})`).join(' OR ');
      e = `CASE WHEN ${hit} THEN least(${e}, ${num(w.hours)}) ELSE ${e} END`;
    }
    return `WHEN rules = ${str(r.id)} THEN ${e}`;
  })
  .join(' ')} END`;

const range = (r, v) => {
  const c = [];
  if (r?.over !== undefined && r?.over !== null) c.push(`${v} > ${num(r.over)} * 3600`);
  if (r?.upTo !== undefined && r?.upTo !== null) c.push(`${v} <= ${num(r.upTo)} * 3600`);
  return c.length ? c.join(' AND ') : 'TRUE';
};
/** The first tier matching (window, hours late, presale); the set's last tier when none does. */
const tierCase = `CASE ${sets
  .flatMap((r) => [
    ...r.tiers.map((t, i) => {
      const c = [`rules = ${str(r.id)}`, range(t.window, 'window_s'), range(t.hoursLate, 'late_s')];
      if (t.presale === true) c.push('presale');
      if (t.presale === false) c.push('NOT presale');
      return `WHEN ${c.join(' AND ')} THEN ${i}`;
    }),
    `WHEN rules = ${str(r.id)} THEN ${r.tiers.length - 1}`,
  ])
  .join(' ')} END`;
const tierRows = sets.flatMap((r) =>
  r.tiers.map((t, i) => `(${str(r.id)}, ${i}, ${str(t.kind)}, ${dec(t.rate)}, ${dec(t.min ?? '0')}, ${t.max == null ? 'NULL' : dec(t.max)})`),
);
const setRows = sets.map((r) => {
  const base = { 'paid-minus-postage': 0, paid: 1, goods: 2 }[r.base];
  return `(${str(r.id)}, ${base}, ${r.rounding === 'yuan' ? 0 : 2}, ${str(r.combine.by)}, ${r.combine.cap == null ? 'NULL' : dec(r.combine.cap)}, ${str(r.payer)})`;
});

// ---- the file's columns (DuckDB keeps a header's trailing spaces: match on the trimmed name) ----
const db = await DuckDBInstance.create(':memory:', { threads: '1' });
const con = await db.connect();
await con.run('SET threads = 1');
const rows = async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJson();
const csv = `read_csv(${str(path.resolve(file))}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`;
const names = (await rows(`DESCRIBE SELECT * FROM ${csv}`)).map((r) => r.column_name);
const quoted = (n) => (n === null ? 'NULL' : `"${n.replace(/"/g, '""')}"`);
const c = Object.fromEntries(Object.entries(columnsOf(names, file)).map(([k, n]) => [k, quoted(n)]));

const money = (e) => `TRY_CAST(NULLIF(rtrim(trim(${e}), '元'), '') AS DECIMAL(18,2))`;
const ts = (e) => `TRY_CAST(NULLIF(trim(${e}), '') AS TIMESTAMP)`;
const secs = (e) => `date_diff('second', TIMESTAMP '1970-01-01 00:00:00', ${e})`;
// Taobao's status texts (docs/formats.md), ASCII commas as full-width, spaces dropped.
const st = `replace(replace(coalesce(${c.status}, ''), ',', '，'), ' ', '')`;
const statusCase = `CASE
  WHEN s IN ('等待买家付款') THEN 'unpaid'
  WHEN s IN ('买家已付款，等待卖家发货', '等待卖家发货') THEN 'awaiting'
  WHEN s IN ('卖家部分发货') THEN 'partial'
  WHEN s IN ('卖家已发货，等待买家确认', '交易成功') THEN 'shipped'
  WHEN s IN ('交易关闭', '付款以后用户退款成功，交易自动关闭', '付款以前，卖家或买家主动关闭交易') THEN 'closed'
  ELSE 'unknown' END`;

const sql = `
WITH RECURSIVE
sets(rules, base, places, combine, cap, payer) AS (VALUES ${setRows.join(', ')}),
tiers(rules, tier, kind, rate, min, max) AS (VALUES ${tierRows.join(', ')}),
src AS (
  SELECT trim(${c.id}, '="') AS order_id, coalesce(${c.buyer}, '') AS buyer,
         ${money(c.goods)} AS goods, ${money(c.postage)} AS postage, ${money(c.paid)} AS paid,
         ${st} AS s, ${ts(c.paidAt)} AS paid_at, ${ts(c.shipped)} AS shipped_at, coalesce(${c.title}, '') AS title,
         coalesce(trim(${c.presale}) IN ('是', 'true', 'TRUE', 'Y', 'y', 'yes', '1') OR contains(${c.presale}, '预售'), false) AS presale,
         ${money(c.platform)} AS platform_paid
  FROM ${csv}),
o AS (SELECT *, ${statusCase} AS status, ${rulesCase} AS rules FROM src),
w AS (
  SELECT *, ${windowCase} * 3600 AS window_s, ${secs('paid_at')} AS paid_s, CASE WHEN status = 'partial' THEN NULL ELSE ${secs('shipped_at')} END AS shipped_s
  FROM o WHERE status <> 'unpaid' AND paid_at IS NOT NULL AND rules IS NOT NULL),
l AS (
  SELECT *, CASE WHEN shipped_s IS NOT NULL THEN shipped_s ELSE ${secs(`TIMESTAMP ${str(asOf)}`)} END - (paid_s + window_s) AS late_s
  FROM w WHERE shipped_s IS NOT NULL OR status IN ('awaiting', 'partial')),
late AS (
  SELECT l.*, ${tierCase} AS tier FROM l WHERE late_s > 0),
based AS (
  SELECT late.order_id, late.buyer, late.rules, late.paid_at, late.paid_s, late.platform_paid, sets.combine, sets.cap, sets.payer,
         sets.places, tiers.min, tiers.max,
         (CASE sets.base WHEN 0 THEN greatest(coalesce(paid, 0) - coalesce(postage, 0), 0)
                         WHEN 1 THEN coalesce(paid, 0)
                         ELSE coalesce(goods, paid, 0) END) * tiers.rate AS product
  FROM late JOIN sets USING (rules) JOIN tiers ON tiers.rules = late.rules AND tiers.tier = late.tier),
priced AS (
  SELECT *, least(greatest(CASE places WHEN 0 THEN round(product, 0) ELSE round(product, 2) END, min),
                  coalesce(max, greatest(CASE places WHEN 0 THEN round(product, 0) ELSE round(product, 2) END, min))) AS after
  FROM based),
rolling_in AS (
  SELECT buyer, rules, order_id, paid_s, row_number() OVER (PARTITION BY buyer, rules ORDER BY paid_s, order_id) AS rn
  FROM priced WHERE combine = 'rolling-24h' AND buyer <> ''),
rolling(buyer, rules, order_id, rn, paid_s, wstart) AS (
  SELECT buyer, rules, order_id, rn, paid_s, paid_s FROM rolling_in WHERE rn = 1
  UNION ALL
  SELECT i.buyer, i.rules, i.order_id, i.rn, i.paid_s, CASE WHEN i.paid_s <= r.wstart + 86400 THEN r.wstart ELSE i.paid_s END
  FROM rolling r JOIN rolling_in i ON i.buyer = r.buyer AND i.rules = r.rules AND i.rn = r.rn + 1),
keyed AS (
  SELECT p.*, CASE WHEN p.buyer = '' OR p.combine = 'none' THEN 'o' || p.order_id
                   ELSE 'd' || CAST(CAST(p.paid_at AS DATE) AS VARCHAR) END AS wkey
  FROM priced p WHERE NOT (p.combine = 'rolling-24h' AND p.buyer <> '')
  UNION ALL
  SELECT p.*, 'r' || CAST(r.wstart AS VARCHAR) AS wkey
  FROM priced p JOIN rolling r ON r.order_id = p.order_id AND r.buyer = p.buyer AND r.rules = p.rules
  WHERE p.combine = 'rolling-24h' AND p.buyer <> ''),
vouchers AS (
  SELECT buyer, rules, wkey, count(*) AS n, sum(after) AS computed,
         CASE WHEN any_value(cap) IS NULL THEN sum(after) ELSE least(sum(after), any_value(cap)) END AS amount,
         sum(platform_paid) AS platform, any_value(payer) AS payer${list ? ", string_agg(order_id, ',' ORDER BY order_id) AS ids" : ''}
  FROM keyed GROUP BY buyer, rules, wkey)
${
  list
    ? `SELECT ids, rules, n, CAST(CAST(amount AS DECIMAL(18,2)) AS VARCHAR) AS amount,
       CAST(CAST(CASE WHEN payer = 'platform-deducts' OR platform > 0 THEN 0 ELSE amount END AS DECIMAL(18,2)) AS VARCHAR) AS to_issue
FROM vouchers ORDER BY ids`
    : `SELECT coalesce(sum(n), 0) AS late_orders, count(*) AS vouchers,
       CAST(CAST(coalesce(sum(amount), 0) AS DECIMAL(18,2)) AS VARCHAR) AS amount,
       CAST(CAST(coalesce(sum(CASE WHEN payer = 'platform-deducts' OR platform > 0 THEN 0 ELSE amount END), 0) AS DECIMAL(18,2)) AS VARCHAR) AS to_issue,
       string_agg(DISTINCT rules, ',' ORDER BY rules) AS rules
FROM vouchers`
}`;

if (args.includes('--sql')) {
  process.stdout.write(sql + '\n');
  process.exit(0);
}
/** "123.45" → 12345 fen, exactly. */
const fen = (x) => {
  const m = /^(\d+)\.(\d{2})$/.exec(x);
  if (!m) throw new Error(`not an amount: ${x}`);
  return Number(m[1]) * 100 + Number(m[2]);
};
const yuan = (f) => `${Math.floor(f / 100)}.${String(f % 100).padStart(2, '0')}`;
let r;
let vouchers;
if (list) {
  vouchers = (await rows(sql)).map((x) => ({ orderIds: x.ids.split(','), rules: x.rules, lateOrders: Number(x.n), amount: x.amount, toIssue: x.to_issue }));
  const sum = (k) => yuan(vouchers.reduce((a, x) => a + fen(x[k]), 0));
  r = { late_orders: vouchers.reduce((a, x) => a + x.lateOrders, 0), vouchers: vouchers.length, amount: sum('amount'), to_issue: sum('toIssue'), rules: [...new Set(vouchers.map((x) => x.rules))].sort().join(',') };
} else [r] = await rows(sql);
const [v] = await rows('SELECT version() AS v');
// --counts (validation, not timed): a second pass counting the rows read and any status text this
// reference does not know (which it would silently leave out).
const counts = args.includes('--counts') ? (await rows(`SELECT count(*) AS n, count(*) FILTER (WHERE ${statusCase.replace(/\bs\b/g, 'x')} = 'unknown') AS u FROM (SELECT ${st} AS x FROM ${csv})`))[0] : null;
process.stdout.write(
  JSON.stringify({
    ...(counts ? { orders: Number(counts.n), unknownStatus: Number(counts.u) } : {}),
    lateOrders: Number(r.late_orders),
    vouchers: Number(r.vouchers),
    amount: r.amount,
    toIssue: r.to_issue,
    rules: r.rules ?? '',
    duckdb: v.v,
    threads: 1,
    ...(list ? { list: vouchers } : {}),
  }) + '\n',
);
