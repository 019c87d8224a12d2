#!/usr/bin/env node
// Two large synthetic 宝贝报表 (item reports, the 28-column layout of docs/formats.md: one row per
// order line, 子订单编号 + 主订单编号), and the same lines in one file, for measuring what reading an
// order's lines across two line-grain exports costs (src/orders/read.ts foldedAcross). Deterministic:
// the same arguments always give the same bytes (and the same mtimes: the first file is the newer).
//
//   node scripts/gen-big-items.mjs --lines 500000 --dir .cache/items
//
// writes DIR/items-shipped.csv and DIR/items-waiting.csv (LINES lines each) and DIR/items-all.csv
// (both files' lines, each order's together). As a status-filtered pair of downloads has them:
//   half the orders are split: one shipped line in items-shipped, one unshipped line in items-waiting;
//   a quarter are two shipped lines, all in items-shipped; a quarter two unshipped lines, all in
//   items-waiting. So LINES lines per file means LINES orders in all, LINES / 2 of them in both files.
// Shipped lines ship 2–46 h after payment, ~12 % after 48 h (late); paid times run over 50 days from
// 2026-10-01 (Beijing time), in order along each file. Options: --lines N (default 100000, even)
// · --dir D (default .) · --seed N (default 1) · --split F (share of orders split, default 0.5).
import fs from 'node:fs';
import path from 'node:path';
import { TAOBAO_ITEM_LAYOUTS, taobaoCsvCell } from './export-layouts.mjs';
import { bj, rng } from './gen-common.mjs';

const o = { lines: 100_000, dir: '.', seed: 1, split: 0.5 };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  const v = process.argv[++i];
  if (v === undefined) fail(`${a} needs a value`);
  if (a === '--lines') o.lines = Number(v);
  else if (a === '--dir') o.dir = v;
  else if (a === '--seed') o.seed = Number(v);
  else if (a === '--split') o.split = Number(v);
  else fail(`unknown argument ${a}`);
}
if (!Number.isInteger(o.lines) || o.lines <= 0 || o.lines % 2) fail('--lines takes an even whole number');
if (!(o.split >= 0 && o.split <= 1)) fail('--split takes a share from 0 to 1');

function fail(m) {
  process.stderr.write(`gen-big-items: ${m}\n`);
  process.exit(2);
}



const ITEMS = [
  ['加厚羊毛围巾 灰色', 8900], ['毛线球清理器', 1200], ['羊绒大衣 驼色 L', 199900], ['针织手套', 4400],
  ['羊毛袜 三双装', 5990], ['围巾礼盒', 12800], ['毛线帽', 3900], ['法兰绒睡衣套装', 15900],
];
const CARRIERS = [['申通快递', '7730'], ['圆通速递', 'YT88'], ['中通快递', '7850'], ['顺丰速运', 'SF14']];
const H = TAOBAO_ITEM_LAYOUTS[28];
const fen = (n) => (n / 100).toFixed(2);

const r = rng(o.seed);
const orders = o.lines; // LINES orders of two lines: 2 × LINES lines in all, LINES per file
const fromMs = Date.parse('2026-10-01T00:00:00+08:00');
const spanMs = 50 * 86_400_000;
const exportAt = fromMs + spanMs;
const head = H.join(',') + ',\r\n';
fs.mkdirSync(o.dir, { recursive: true });
const out = { shipped: [head], waiting: [head], all: [head] };
const files = { shipped: path.join(o.dir, 'items-shipped.csv'), waiting: path.join(o.dir, 'items-waiting.csv'), all: path.join(o.dir, 'items-all.csv') };
const fds = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.openSync(f, 'w')]));
const flush = (force) => {
  for (const k of Object.keys(out)) {
    if (!force && out[k].length < 5000) continue;
    fs.writeSync(fds[k], out[k].join(''));
    out[k] = [];
  }
};
let splitN = 0;
let wholeN = 0;
for (let i = 0; i < orders; i++) {
  const paid = fromMs + Math.floor(((i + r()) / orders) * spanMs);
  const created = paid - Math.floor(30_000 + r() * 600_000);
  const main = String(3_700_000_000_000_000_000n + BigInt(o.seed) * 10_000_000_000n + BigInt(i) * 10n);
  // Which file(s): split (one line each), or both lines in one of them. Exactly LINES / 2 split.
  const wantSplit = Math.round((i + 1) * o.split) > splitN;
  if (wantSplit) splitN++;
  const where = wantSplit ? ['shipped', 'waiting'] : wholeN++ % 2 ? ['waiting', 'waiting'] : ['shipped', 'shipped'];
  const [carrier, prefix] = CARRIERS[i % CARRIERS.length];
  const rows = where.map((file, k) => {
    const [title, price] = ITEMS[Math.floor(r() * ITEMS.length)];
    const q = r() < 0.85 ? 1 : 2;
    let shipped = '';
    let status = '买家已付款，等待卖家发货';
    if (file === 'shipped') {
      const late = r() < 0.12;
      const hours = late ? 48 + r() * 30 : 2 + r() * 44;
      const t = paid + Math.floor(hours * 3600_000);
      shipped = bj(Math.min(t, exportAt));
      status = r() < 0.7 ? '交易成功' : '卖家已发货，等待买家确认';
    }
    const amount = fen(price * q);
    const v = {
      子订单编号: String(BigInt(main) + BigInt(k + 1)), 主订单编号: main, 标题: title, 价格: fen(price), 购买数量: String(q), 商品属性: '颜色分类:默认',
      订单状态: status, 买家应付货款: amount, 买家实际支付金额: amount, 退款金额: '0', 订单创建时间: bj(created), 订单付款时间: bj(paid), 商品id: '610000000001',
      发货时间: shipped, 物流单号: shipped ? `No:${prefix}${String(10_000_000_000 + i).slice(1)}` : '', 物流公司: shipped ? carrier : '', 是否赔付: '否',
    };
    return { file, text: H.map((h) => taobaoCsvCell(h, v[h])).join(',') + ',\r\n' };
  });
  for (const row of rows) {
    out[row.file].push(row.text);
    out.all.push(row.text);
  }
  flush(false);
}
flush(true);
for (const fd of Object.values(fds)) fs.closeSync(fd);
// The shipped download is the newer one (read first: its order-level cells stand).
fs.utimesSync(files.shipped, new Date('2026-11-20T02:00:00Z'), new Date('2026-11-20T02:00:00Z'));
fs.utimesSync(files.waiting, new Date('2026-11-20T01:00:00Z'), new Date('2026-11-20T01:00:00Z'));
fs.utimesSync(files.all, new Date('2026-11-20T02:00:00Z'), new Date('2026-11-20T02:00:00Z'));
process.stderr.write(`gen-big-items: ${orders} orders, ${splitN} split; ${files.shipped}, ${files.waiting} (${orders} lines each), ${files.all}\n`);
