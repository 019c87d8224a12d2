#!/usr/bin/env node
// The benchmark's Polars reference (issue 21's table of peers): the voucher query of
// scripts/duckdb-vouchers.mjs, step for step, as a Polars lazy query (nodejs-polars, the Polars
// project's Node binding, a devDependency: its prebuilt library comes inside the registry package;
// nothing is downloaded at run time), on one thread (POLARS_MAX_THREADS=1, set before Polars loads).
// Independent of src/: it reads the same rule-set files (templates/rules/*.json) and nothing else
// of storeops.
//
//   node scripts/polars-vouchers.mjs FILE [--as-of "YYYY-MM-DD HH:MM:SS"] [--rules auto|ID|FILE.json] [--list] [--threads N]
//
// Prints one JSON line as scripts/duckdb-vouchers.mjs does; --list adds every voucher. What it
// computes and leaves out is what scripts/duckdb-vouchers.mjs says at its top. Amounts are whole
// fen and rates whole millionths in 64-bit integers: base × rate rounded half-up to the fen (or
// yuan), the tier's min and max, the cap per window, nothing else rounded. A rolling 24 h window
// (tmall-2023) is walked in JavaScript over the late orders, sorted by Polars; calendar days and
// the vouchers are Polars' group-by. Polars reads UTF-8 only, so for a GBK export the bench runs it
// on the UTF-8 file of the same orders and says so.
import { columnsOf, fenOf, headerNames, micro, nextDay, referenceArgs, ruleSets, yuan } from './voucher-reference.mjs';

const { opt, file, asOf, rulesArg, list } = referenceArgs(
  'node scripts/polars-vouchers.mjs FILE [--as-of "YYYY-MM-DD HH:MM:SS"] [--rules auto|ID|FILE.json] [--list] [--threads N]',
  ['--threads'],
);
process.env.POLARS_MAX_THREADS = opt('--threads', '1');
const { default: pl } = await import('nodejs-polars');
const { sets, forced } = ruleSets(rulesArg);
const epoch = (t) => Date.parse(`${t.replace(' ', 'T')}Z`) / 1000;
// the file's columns, matched on the trimmed header name
const c = columnsOf(headerNames(file), file);

const { col, lit, when } = pl;
const cell = (k) => (c[k] ? col(c[k]).fillNull('') : lit(''));
const nonEmpty = (e) => when(e.neq(lit(''))).then(e).otherwise(lit(null));
/** Non-negative integer x divided by d, rounded down, in 64-bit integers. */
const floorDiv = (x, d) => x.sub(x.modulo(d)).div(d).cast(pl.Int64);
/** An amount cell as whole fen, null when empty or not a number ('12.30元' → 1230). */
const fen = (k) => nonEmpty(cell(k).str.strip().str.stripCharsEnd('元')).cast(pl.Float64).mul(100).round(0).cast(pl.Int64);
/** A Beijing wall-clock time as seconds since 1970-01-01 00:00 of the same clock. */
// (this binding's strptime gives microseconds whatever unit is asked: the unit is read off one second)
const unit = Number(
  pl
    .DataFrame({ t: ['1970-01-01 00:00:01'] })
    .select(col('t').str.strptime(pl.Datetime('ms'), '%Y-%m-%d %H:%M:%S').cast(pl.Int64))
    .getColumn('t')
    .toArray()[0],
);
const secs = (k) => floorDiv(nonEmpty(cell(k).str.strip()).str.strptime(pl.Datetime('ms'), '%Y-%m-%d %H:%M:%S').cast(pl.Int64), unit);
const has = (e, k) => e.str.contains(k, true);
const chain = (cases, otherwise) => {
  let e = null;
  for (const [cond, val] of cases) e = e ? e.when(cond).then(val) : when(cond).then(val);
  return e ? e.otherwise(otherwise) : otherwise;
};
const s = cell('status').str.replaceAll(',', '，', true).str.replaceAll(' ', '', true);
const status = chain(
  [
    [s.isIn(['等待买家付款']), lit('unpaid')],
    [s.isIn(['买家已付款，等待卖家发货', '等待卖家发货']), lit('awaiting')],
    [s.isIn(['卖家部分发货']), lit('partial')],
    [s.isIn(['卖家已发货，等待买家确认', '交易成功']), lit('shipped')],
    [s.isIn(['交易关闭', '付款以后用户退款成功，交易自动关闭', '付款以前，卖家或买家主动关闭交易']), lit('closed')],
  ],
  lit('unknown'),
);
const presaleCell = cell('presale');
const rulesExpr = forced
  ? lit(sets[0].id)
  : chain(
      sets.map((r) => {
        let cond = col('paid_s').isNotNull();
        if (r.validFrom) cond = cond.and(col('paid_s').gtEq(epoch(`${r.validFrom} 00:00:00`)));
        if (r.validTo) cond = cond.and(col('paid_s').lt(epoch(`${nextDay(r.validTo)} 00:00:00`)));
        return [cond, lit(r.id)];
      }),
      lit(null),
    );
const windowExpr = chain(
  sets.map((r) => {
    let e = lit(r.shipWindowHours);
    for (const w of r.titleWindows ?? []) {
      const hit = w.keywords.map((k) => has(col('title'), k)).reduce((a, b) => a.or(b));
      e = when(hit).then(pl.minHorizontal([e, lit(w.hours)])).otherwise(e);
    }
    return [col('rules').eq(lit(r.id)), e];
  }),
  lit(null),
);
const range = (r, v) => {
  let e = lit(true);
  if (r?.over != null) e = e.and(col(v).gt(r.over * 3600));
  if (r?.upTo != null) e = e.and(col(v).ltEq(r.upTo * 3600));
  return e;
};
const perTier = (pick) =>
  chain(
    sets.flatMap((r) => [
      ...r.tiers.map((t, i) => {
        let cond = col('rules').eq(lit(r.id)).and(range(t.window, 'window_s')).and(range(t.hoursLate, 'late_s'));
        if (t.presale === true) cond = cond.and(col('presale'));
        if (t.presale === false) cond = cond.and(col('presale').not());
        return [cond, lit(pick(t, r))];
      }),
      [col('rules').eq(lit(r.id)), lit(pick(r.tiers[r.tiers.length - 1], r))],
    ]),
    lit(null),
  );
const perSet = (pick) => chain(sets.map((r) => [col('rules').eq(lit(r.id)), lit(pick(r))]), lit(null));
const baseExpr = chain(
  sets.map((r) => [
    col('rules').eq(lit(r.id)),
    r.base === 'paid-minus-postage'
      ? pl.maxHorizontal([col('paid').fillNull(0).sub(col('postage').fillNull(0)), lit(0)])
      : r.base === 'paid'
        ? col('paid').fillNull(0)
        : col('goods').fillNull(col('paid')).fillNull(0),
  ]),
  lit(null),
);

const asOfS = epoch(asOf);
const late = pl
  .scanCSV(file, { hasHeader: true, inferSchemaLength: 0, quoteChar: '"' })
  .select(
    cell('id').str.stripChars('="').alias('order_id'),
    cell('buyer').alias('buyer'),
    fen('goods').alias('goods'),
    fen('postage').alias('postage'),
    fen('paid').alias('paid'),
    fen('platform').alias('platform'),
    status.alias('status'),
    secs('paidAt').alias('paid_s'),
    secs('shipped').alias('shipped_raw'),
    cell('title').alias('title'),
    presaleCell.str.strip().isIn(['是', 'true', 'TRUE', 'Y', 'y', 'yes', '1']).or(has(presaleCell, '预售')).alias('presale'),
  )
  .withColumns(rulesExpr.alias('rules'), when(col('status').eq(lit('partial'))).then(lit(null)).otherwise(col('shipped_raw')).alias('shipped_s'))
  .filter(col('status').neq(lit('unpaid')).and(col('paid_s').isNotNull()).and(col('rules').isNotNull()))
  .withColumns(windowExpr.mul(3600).cast(pl.Int64).alias('window_s'))
  .filter(col('shipped_s').isNotNull().or(col('status').isIn(['awaiting', 'partial'])))
  .withColumns(col('shipped_s').fillNull(asOfS).sub(col('paid_s').add(col('window_s'))).alias('late_s'))
  .filter(col('late_s').gt(0))
  .withColumns(
    perTier((t) => micro(t.rate)).cast(pl.Int64).alias('rate'),
    perTier((t) => fenOf(t.min ?? '0')).cast(pl.Int64).alias('lo'),
    perTier((t) => (t.max == null ? -1 : fenOf(t.max))).cast(pl.Int64).alias('hi'),
    perSet((r) => (r.rounding === 'yuan' ? 1 : 0)).alias('yuan'),
    perSet((r) => r.combine.by).alias('combine'),
    perSet((r) => (r.combine.cap == null ? -1 : fenOf(r.combine.cap))).cast(pl.Int64).alias('cap'),
    perSet((r) => r.payer).alias('payer'),
    baseExpr.cast(pl.Int64).alias('base'),
  )
  .withColumns(col('base').mul(col('rate')).alias('product'))
  .withColumns(
    when(col('yuan').eq(1))
      .then(floorDiv(col('product').add(50_000_000), 100_000_000).mul(100))
      .otherwise(floorDiv(col('product').add(500_000), 1_000_000))
      .alias('rounded'),
  )
  .withColumns(pl.maxHorizontal([col('rounded'), col('lo')]).alias('floor'))
  .withColumns(when(col('hi').gtEq(0)).then(pl.minHorizontal([col('floor'), col('hi')])).otherwise(col('floor')).cast(pl.Int64).alias('after'))
  .withColumns(
    when(col('buyer').eq(lit('')).or(col('combine').eq(lit('none'))))
      .then(lit('o').add(col('order_id')))
      .when(col('combine').eq(lit('calendar-day')))
      .then(lit('d').add(floorDiv(col('paid_s'), 86400).cast(pl.Utf8)))
      .otherwise(lit(null))
      .alias('wkey'),
  )
  .select('order_id', 'buyer', 'rules', 'paid_s', 'after', 'platform', 'cap', 'payer', 'wkey')
  .collectSync();

// A rolling 24 h window (from the window's first payment) is a walk over each buyer's late orders
// in payment order; Polars sorts them, the walk is a plain loop.
let keyed = late;
const rolling = late.filter(col('wkey').isNull()).sort(['buyer', 'rules', 'paid_s', 'order_id']);
if (rolling.height > 0) {
  const b = rolling.getColumn('buyer').toArray();
  const ru = rolling.getColumn('rules').toArray();
  const p = rolling.getColumn('paid_s').toArray().map(Number);
  const keys = new Array(rolling.height);
  let start = 0;
  for (let i = 0; i < rolling.height; i++) {
    if (i === 0 || b[i] !== b[i - 1] || ru[i] !== ru[i - 1] || p[i] > start + 86400) start = p[i];
    keys[i] = `r${start}`;
  }
  keyed = pl.concat([late.filter(col('wkey').isNotNull()), rolling.withColumns(pl.Series('wkey', keys))]);
}
const v = keyed
  .lazy()
  .groupBy(['buyer', 'rules', 'wkey'])
  .agg(
    col('after').count().alias('n'),
    col('after').sum().alias('computed'),
    col('platform').sum().alias('platform'),
    col('cap').first().alias('cap'),
    col('payer').first().alias('payer'),
    ...(list ? [col('order_id').sort().alias('ids')] : []),
  )
  .withColumns(when(col('cap').lt(0)).then(col('computed')).otherwise(pl.minHorizontal([col('computed'), col('cap')])).alias('amount'))
  .withColumns(when(col('payer').eq(lit('platform-deducts')).or(col('platform').fillNull(0).gt(0))).then(lit(0)).otherwise(col('amount')).alias('to_issue'))
  .collectSync();
const total = (k) => v.getColumn(k).toArray().reduce((a, x) => a + Number(x), 0);
const out = {
  lateOrders: v.height ? total('n') : 0,
  vouchers: v.height,
  amount: yuan(v.height ? total('amount') : 0),
  toIssue: yuan(v.height ? total('to_issue') : 0),
  rules: [...new Set(v.getColumn('rules').toArray())].sort().join(','),
  polars: pl.version ?? 'nodejs-polars',
  threads: Number(process.env.POLARS_MAX_THREADS),
};
if (list) {
  out.list = v
    .toRecords()
    .map((x) => ({ orderIds: [...x.ids].map(String), rules: x.rules, lateOrders: Number(x.n), amount: yuan(Number(x.amount)), toIssue: yuan(Number(x.to_issue)) }))
    .sort((a, b) => (a.orderIds.join(',') < b.orderIds.join(',') ? -1 : 1));
}
process.stdout.write(`${JSON.stringify(out)}\n`);
