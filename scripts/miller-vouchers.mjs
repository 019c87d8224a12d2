#!/usr/bin/env node
// The benchmark's Miller reference (issue 21's table of peers): the voucher query of
// scripts/duckdb-vouchers.mjs, step for step, as one Miller (mlr 6, Debian's package `miller`)
// DSL program over the export: every row in the main block, the windows and vouchers in the end
// block. Independent of src/: the program is written from the same rule-set files
// (templates/rules/*.json) and nothing else of storeops.
//
//   node scripts/miller-vouchers.mjs FILE [--as-of "YYYY-MM-DD HH:MM:SS"] [--rules auto|ID|FILE.json] [--list] [--dsl]
//
// Prints one JSON line as scripts/duckdb-vouchers.mjs does (late orders, vouchers, amount, to issue,
// rule sets, Miller's version); --list adds every voucher; --dsl prints the Miller program instead.
// What it computes and leaves out is what scripts/duckdb-vouchers.mjs says at its top. Amounts are
// whole fen and rates whole millionths in Miller's 64-bit integers: base × rate rounded half-up to
// the fen (or yuan), the tier's min and max, the cap per window, and nothing else rounded.
// Miller reads UTF-8 only (as DuckDB without its downloaded extension), so for a GBK export the
// bench runs it on the UTF-8 file of the same orders and says so. `--lazy-quotes` lets it read
// the exports' ="…" cells. `npm run bench` skips it, with a note, when `mlr` is not installed.
import { spawnSync } from 'node:child_process';
import { columnsOf, fenOf, headerNames, micro, nextDay, referenceArgs, ruleSets } from './voucher-reference.mjs';

const { args, file, asOf, rulesArg, list } = referenceArgs('node scripts/miller-vouchers.mjs FILE [--as-of "YYYY-MM-DD HH:MM:SS"] [--rules auto|ID|FILE.json] [--list] [--dsl]');
const { sets, forced } = ruleSets(rulesArg);

// Miller literals from the rule files: strings quoted, amounts as whole fen, rates as millionths.
const str = (s) => JSON.stringify(String(s));
const fen = (s) => String(fenOf(s));
const num = (x) => {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`not a number: ${x}`);
  return String(x);
};
const epoch = (t) => String(Date.parse(`${t.replace(' ', 'T')}Z`) / 1000);

// ---- the file's columns, matched on the trimmed header name (Miller keeps the spaces), as ${…}:
// not $*[…], which copies the whole record at every use (ten times slower) ----
const c = Object.fromEntries(
  Object.entries(columnsOf(headerNames(file), file)).map(([k, n]) => {
    if (n !== null && /[{}]/.test(n)) throw new Error(`a column name with a brace is not handled: ${n}`);
    return [k, n === null ? null : `\${${n}}`];
  }),
);
const cell = (e) => (e ? `(is_present(${e}) ? ${e} : "")` : '""');

const has = (e, k) => `(ssub(${e}, ${str(k)}, "") != ${e})`;
const range = (r, v) => {
  const parts = [];
  if (r?.over !== undefined && r?.over !== null) parts.push(`${v} > ${num(r.over)} * 3600`);
  if (r?.upTo !== undefined && r?.upTo !== null) parts.push(`${v} <= ${num(r.upTo)} * 3600`);
  return parts.length ? parts.join(' && ') : 'true';
};

const rulesOf = forced
  ? `rules = ${str(sets[0].id)};`
  : `rules = "";\n  ${sets
      .map((r) => {
        const cnd = [];
        if (r.validFrom) cnd.push(`paid_s >= ${epoch(`${r.validFrom} 00:00:00`)}`);
        if (r.validTo) cnd.push(`paid_s < ${epoch(`${nextDay(r.validTo)} 00:00:00`)}`);
        return `if (${cnd.length ? cnd.join(' && ') : 'true'}) { rules = ${str(r.id)} }`;
      })
      .join(' el')}`;
const perSet = sets
  .map((r) => {
    let w = `window_h = ${num(r.shipWindowHours)};`;
    for (const tw of r.titleWindows ?? []) w += `\n      if (${tw.keywords.map((k) => has('title', k)).join(' || ')}) { window_h = min(window_h, ${num(tw.hours)}) }`;
    const tiers = r.tiers
      .map((t, i) => {
        const cnd = [range(t.window, 'window_s'), range(t.hoursLate, 'late_s')];
        if (t.presale === true) cnd.push('presale');
        if (t.presale === false) cnd.push('!presale');
        return `if (${cnd.join(' && ')}) { rate = ${String(micro(t.rate))}; lo = ${fen(t.min ?? '0')}; hi = ${t.max == null ? '-1' : fen(t.max)} }`;
      })
      .join(' el');
    const last = r.tiers[r.tiers.length - 1];
    const base = { 'paid-minus-postage': 'max(paid - postage, 0)', paid: 'paid', goods: '(goods_ok ? goods : paid)' }[r.base];
    const round = r.rounding === 'yuan' ? '(product + 50000000) // 100000000 * 100' : '(product + 500000) // 1000000';
    return `if (rules == ${str(r.id)}) {
      ${w}
      window_s = window_h * 3600;
      late_s = (shipped_ok ? shipped_s : ${epoch(asOf)}) - (paid_s + window_s);
      if (judged && late_s > 0) {
        # the cells only a late order needs are read only for one (the interpreter's time is per call)
        id = gsub(${cell(c.id)}, "^[=\\"]+|[=\\"]+$", "");
        buyer = ${cell(c.buyer)};
        pre = ${cell(c.presale)};
        p = strip(pre);
        presale = p == "是" || p == "true" || p == "TRUE" || p == "Y" || p == "y" || p == "yes" || p == "1" || ${has('pre', '预售')};
        paid = max(fen(${cell(c.paid)}), 0);
        postage = max(fen(${cell(c.postage)}), 0);
        goods = fen(${cell(c.goods)});
        goods_ok = goods >= 0;
        platform = max(fen(${cell(c.platform)}), 0);
        rate = ${String(micro(last.rate))}; lo = ${fen(last.min ?? '0')}; hi = ${last.max == null ? '-1' : fen(last.max)};
        ${tiers} else {}
        product = ${base} * rate;
        after = max(${round}, lo);
        if (hi >= 0) { after = min(after, hi) }
        @late[NR] = {"id": id, "buyer": buyer, "rules": rules, "paid_s": paid_s, "after": after, "platform": platform,
                     "combine": ${str(r.combine.by)}, "cap": ${r.combine.cap == null ? '-1' : fen(r.combine.cap)}, "payer": ${str(r.payer)}};
      }
    }`;
  })
  .join('\n    ');

const dsl = `
func fen(str s): num {
  t = sub(strip(s), "元$", "");
  if (t =~ "^([0-9]+)\\.([0-9])$") { return int(sub("\\1\\2" . "0", "^0+(.)", "\\1")) }
  if (t =~ "^([0-9]+)\\.([0-9][0-9])$") { return int(sub("\\1\\2", "^0+(.)", "\\1")) }
  if (t =~ "^([0-9]+)$") { return int(sub("\\1", "^0+(.)", "\\1")) * 100 }
  return -1;
}
func yuan(num f): str {
  return (f // 100) . "." . fmtnum(f % 100, "%02d");
}
begin { @late = {} }
s = gsub(gsub(${cell(c.status)}, ",", "，"), " ", "");
status = "unknown";
if (s == "等待买家付款") { status = "unpaid" }
elif (s == "买家已付款，等待卖家发货" || s == "等待卖家发货") { status = "awaiting" }
elif (s == "卖家部分发货") { status = "partial" }
elif (s == "卖家已发货，等待买家确认" || s == "交易成功") { status = "shipped" }
elif (s == "交易关闭" || s == "付款以后用户退款成功，交易自动关闭" || s == "付款以前，卖家或买家主动关闭交易") { status = "closed" }
paid_s = strptime(strip(${cell(c.paidAt)}), "%Y-%m-%d %H:%M:%S");
if (status != "unpaid" && !is_error(paid_s)) {
  ${rulesOf}
  if (rules != "") {
    title = ${cell(c.title)};
    shipped_s = status == "partial" ? 0 : strptime(strip(${cell(c.shipped)}), "%Y-%m-%d %H:%M:%S");
    shipped_ok = status != "partial" && !is_error(shipped_s);
    judged = shipped_ok || status == "awaiting" || status == "partial";
    ${perSet}
  }
}
end {
  # the windows: calendar day, a rolling 24 h from the window's first payment, or each order alone
  roll = {};
  v = {};
  for (k, o in @late) {
    if (o["buyer"] == "" || o["combine"] == "none") {
      o["wkey"] = "o" . o["id"];
    } elif (o["combine"] == "calendar-day") {
      o["wkey"] = "d" . (o["paid_s"] // 86400);
    } else {
      g = o["buyer"] . "\\t" . o["rules"];
      if (!haskey(roll, g)) { roll[g] = [] }
      roll[g][length(roll[g]) + 1] = o;
      continue;
    }
    w = o["buyer"] . "\\t" . o["rules"] . "\\t" . o["wkey"];
    if (!haskey(v, w)) { v[w] = {"n": 0, "sum": 0, "platform": 0, "cap": o["cap"], "payer": o["payer"], "rules": o["rules"], "ids": []} }
    v[w]["n"] += 1; v[w]["sum"] += o["after"]; v[w]["platform"] += o["platform"];
    v[w]["ids"][length(v[w]["ids"]) + 1] = o["id"];
  }
  for (g, xs in roll) {
    sorted = sort(xs, func(a, b) { return a["paid_s"] == b["paid_s"] ? (a["id"] < b["id"] ? -1 : a["id"] > b["id"] ? 1 : 0) : (a["paid_s"] < b["paid_s"] ? -1 : 1) });
    start = -1;
    for (o in sorted) {
      if (start < 0 || o["paid_s"] > start + 86400) { start = o["paid_s"] }
      w = g . "\\tr" . start;
      if (!haskey(v, w)) { v[w] = {"n": 0, "sum": 0, "platform": 0, "cap": o["cap"], "payer": o["payer"], "rules": o["rules"], "ids": []} }
      v[w]["n"] += 1; v[w]["sum"] += o["after"]; v[w]["platform"] += o["platform"];
      v[w]["ids"][length(v[w]["ids"]) + 1] = o["id"];
    }
  }
  n = 0; nv = 0; amt = 0; iss = 0; rs = {};
  out = {};
  for (w, x in v) {
    a = x["cap"] < 0 ? x["sum"] : min(x["sum"], x["cap"]);
    t = (x["payer"] == "platform-deducts" || x["platform"] > 0) ? 0 : a;
    n += x["n"]; nv += 1; amt += a; iss += t; rs[x["rules"]] = 1;
    ${list ? 'ids = joinv(sort(x["ids"], "f"), ","); out[ids] = {"ids": ids, "rules": x["rules"], "n": x["n"], "amount": yuan(a), "to_issue": yuan(t)};' : ''}
  }
  @sum = {"late_orders": n, "vouchers": nv, "amount": yuan(amt), "to_issue": yuan(iss), "rules": joink(sort(rs), ",")};
  emit @sum;
  ${list ? 'for (k, x in sort(out, "f")) { @row = x; emit @row }' : ''}
}`;

if (args.includes('--dsl')) {
  process.stdout.write(`${dsl}\n`);
  process.exit(0);
}
const r = spawnSync('mlr', ['--icsv', '--ojsonl', '-S', '--lazy-quotes', '--from', file, 'put', '-q', dsl], { encoding: 'utf8', maxBuffer: 1 << 30 });
if (r.error) throw r.error;
if (r.status !== 0) {
  process.stderr.write(r.stderr);
  process.exit(r.status ?? 1);
}
const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
const [sum, ...rest] = lines;
const version = spawnSync('mlr', ['--version'], { encoding: 'utf8' }).stdout.trim();
process.stdout.write(
  `${JSON.stringify({
    lateOrders: Number(sum.late_orders),
    vouchers: Number(sum.vouchers),
    amount: sum.amount,
    toIssue: sum.to_issue,
    rules: sum.rules ?? '',
    miller: version,
    ...(list ? { list: rest.map((x) => ({ orderIds: String(x.ids).split(','), rules: x.rules, lateOrders: Number(x.n), amount: x.amount, toIssue: x.to_issue })) } : {}),
  })}\n`,
);
