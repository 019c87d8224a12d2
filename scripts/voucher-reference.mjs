// What the bench's voucher references (scripts/duckdb-vouchers.mjs, polars-vouchers.mjs,
// miller-vouchers.mjs, js-vouchers.mjs; pandas-vouchers.py is Python and has its own) share, so that
// each reads its command line, the rule-set files and the export's header the same way: the
// arguments, the rule sets (templates/rules/*.json, the same files storeops reads, and nothing else
// of storeops), exact money helpers (whole fen, rates as millionths) and the columns the query uses,
// matched on the trimmed header name.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The command line: FILE [--as-of "YYYY-MM-DD HH:MM:SS"] [--rules auto|ID|FILE.json] [--list] and the
 * script's own options (`valueOptions` take a value). Exits 2 with the usage when FILE is missing.
 */
export function referenceArgs(usage, valueOptions = []) {
  const args = process.argv.slice(2);
  const takesValue = new Set(['--as-of', '--rules', ...valueOptions]);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const file = args.find((a, i) => !a.startsWith('--') && !(i > 0 && takesValue.has(args[i - 1])));
  if (!file) {
    process.stderr.write(`usage: ${usage}\n`);
    process.exit(2);
  }
  const asOf = opt('--as-of', '2026-12-01 00:00:00');
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(asOf)) throw new Error(`--as-of must be YYYY-MM-DD HH:MM:SS, not ${asOf}`);
  return { args, opt, file, asOf, rulesArg: opt('--rules', 'auto'), list: args.includes('--list') };
}

/**
 * The rule sets: `auto` = every built-in Taobao set (not custom-example.json, not other platforms'),
 * each judging the orders paid in its validFrom … validTo; else the one named (an id or a file),
 * forced on every order. Throws on a base, rounding or combining the references do not know.
 */
export function ruleSets(rulesArg) {
  const dir = path.join(ROOT, 'templates', 'rules');
  const load = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
  const sets =
    rulesArg === 'auto'
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.json') && f !== 'custom-example.json')
          .sort()
          .map((f) => load(path.join(dir, f)))
          .filter((r) => r.platform === 'taobao')
      : [load(rulesArg.endsWith('.json') ? path.resolve(rulesArg) : path.join(dir, `${rulesArg}.json`))];
  for (const r of sets) {
    if (!['paid-minus-postage', 'paid', 'goods'].includes(r.base)) throw new Error(`${r.id}: base ${r.base} is not known to this reference`);
    if (!['fen', 'yuan'].includes(r.rounding)) throw new Error(`${r.id}: rounding ${r.rounding} is not known to this reference`);
    if (!['calendar-day', 'rolling-24h', 'none'].includes(r.combine.by)) throw new Error(`${r.id}: combine ${r.combine.by} is not known to this reference`);
  }
  return { sets, forced: rulesArg !== 'auto' };
}

/** "12.3" → 1230 fen, exactly (a rule file's amount: digits, at most two decimals). */
export function fenOf(s) {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(s));
  if (!m) throw new Error(`not an amount: ${s}`);
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** A rate such as "0.15" as whole millionths (150000), exactly. */
export function micro(s) {
  const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(String(s));
  if (!m) throw new Error(`not a rate: ${s}`);
  return Number(m[1]) * 1_000_000 + Number((m[2] ?? '').padEnd(6, '0'));
}

/** Whole fen as yuan text: 1230 → "12.30". */
export function yuan(f) {
  return `${f < 0 ? '-' : ''}${Math.floor(Math.abs(f) / 100)}.${String(Math.abs(f) % 100).padStart(2, '0')}`;
}

/** The calendar day after YYYY-MM-DD. */
export function nextDay(d) {
  return new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The header's cell texts of a UTF-8 export (quotes removed; spaces kept, as the readers keep them). */
export function headerNames(file) {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(1 << 16);
  const got = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  const line = head.subarray(0, got).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0];
  return line.split(',').map((h) => h.replace(/^"(.*)"$/, '$1').replace(/""/g, '"'));
}

/** The 订单报表 columns the query reads, each by the names Taobao's exports give it. */
const COLUMNS = {
  id: ['订单编号'],
  buyer: ['买家会员名', '买家会员昵称', '买家昵称'],
  goods: ['买家应付货款'],
  postage: ['买家应付邮费'],
  paid: ['买家实际支付金额'],
  status: ['订单状态'],
  paidAt: ['订单付款时间'],
  shipped: ['发货时间'],
  title: ['宝贝标题'],
  presale: ['预售订单'],
  platform: ['延迟发货自动赔付金额'],
};

/**
 * Each column the query reads: the header's own text for it (matched trimmed), or null. Throws when
 * the file is no 订单报表 (订单编号, 买家实际支付金额, 订单状态 and 订单付款时间 needed).
 */
export function columnsOf(names, file) {
  const c = {};
  for (const [key, aliases] of Object.entries(COLUMNS)) {
    c[key] = null;
    for (const a of aliases) {
      const n = names.find((x) => x.trim() === a);
      if (n !== undefined) {
        c[key] = n;
        break;
      }
    }
  }
  if (!c.id || !c.paid || !c.status || !c.paidAt) throw new Error(`${file}: not a Taobao 订单报表 (订单编号, 买家实际支付金额, 订单状态, 订单付款时间 needed)`);
  return c;
}
