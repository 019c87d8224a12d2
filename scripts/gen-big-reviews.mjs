#!/usr/bin/env node
// A large synthetic review file (storeops' own review CSV, FORMATS "Reviews") for measuring
// `storeops reviews queue`. Deterministic: the same arguments always give the same bytes.
//
//   node scripts/gen-big-reviews.mjs --rows 1000000 --out .cache/reviews-1m.csv
//
// Options: --rows N (default 100000) · --out FILE (default stdout) · --seed N (default 1) ·
// --buyers N (default rows/3: several reviews each) · --unhappy P: the percentage of reviews that
// are 中评, 差评 or 好评 with plainly negative words (default 4, about what a Taobao shop sees; 16 is a
// shop in trouble). Reviews 2026-10-01 … 11-10 (Beijing).
// Mix of the unhappy share: 45% 中评, 40% 差评 (5% of them a safety problem, 3% extortion), 15% 好评
// whose words are negative; the rest 好评 (some with neutralized words such as 没有色差, 不贵). ~12%
// carry a 追评 (a quarter of them negative); DSR scores on every row; CRLF; UTF-8.
import fs from 'node:fs';
import { bj, rng } from './gen-common.mjs';

function parseArgs(argv) {
  const o = { rows: 100_000, out: undefined, seed: 1, buyers: undefined, unhappy: 4 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => {
      const x = argv[++i];
      if (x === undefined) fail(`${a} needs a value`);
      return x;
    };
    if (a === '--rows') o.rows = int(v(), a);
    else if (a === '--out' || a === '-o') o.out = v();
    else if (a === '--seed') o.seed = int(v(), a);
    else if (a === '--buyers') o.buyers = int(v(), a);
    else if (a === '--unhappy') o.unhappy = int(v(), a);
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: node scripts/gen-big-reviews.mjs --rows N --out FILE [--seed N] [--buyers N] [--unhappy PERCENT]\n');
      process.exit(0);
    } else fail(`unknown option ${a}`);
  }
  return o;
}
function int(s, name) {
  if (!/^\d+$/.test(s)) fail(`${name} takes a whole number, got ${s}`);
  return Number(s);
}
function fail(m) {
  process.stderr.write(`gen-big-reviews: ${m}\n`);
  process.exit(2);
}


const GOOD = ['质量很好', '做工精细', '物流很快', '包装严实', '没有色差', '性价比高', '客服态度好', '很满意', '已经回购了', '尺码标准', '穿着舒服', '不贵', '孩子很喜欢', '和图片一样', '味道不大', 'great quality', 'fast delivery', 'not bad at all'];
const MEH = ['一般般', '还行吧', '物流有点慢', '有点色差', '尺码偏小', '包装一般', '价格有点贵', '客服回复慢', '和描述有点不符', 'so-so', 'arrived late'];
const BAD = ['质量太差', '用了两天就坏了', '发错货了', '假货', '掉色严重', '客服不理人', '快递压坏了', '起球厉害', '很失望', '不推荐', 'terrible quality', 'broke after a week'];
const SAFETY = ['孩子用了起疹子', '充电时漏电', '用了过敏', '烫伤了手', 'caught fire while charging'];
const EXTORT = ['不退款就差评', '不赔就差评，等着吧'];
const TITLES = ['加厚羊毛围巾 灰色', '儿童保温杯 350ml', '纯棉四件套 1.8m', '无线蓝牙耳机', '不锈钢炒锅 32cm', '女士羽绒服 M码', '电热水壶 1.7L', '宠物猫粮 10kg'];

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}
function words(r, list, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(pick(r, list));
  return out.join('，');
}
function csv(s) {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const o = parseArgs(process.argv.slice(2));
const r = rng(o.seed);
const buyers = o.buyers ?? Math.max(1, Math.floor(o.rows / 3));
const out = o.out ? fs.createWriteStream(o.out) : process.stdout;
const start = Date.UTC(2026, 9, 1, 0, 0, 0) - 8 * 3_600_000; // 2026-10-01 00:00 Beijing
const span = 40 * 86_400_000; // reviews to 11-10, 追评 within 20 days: all before 2026-12-01
let buf = '订单编号,买家会员名,宝贝标题,评价时间,评价结果,评价内容,追评内容,追评时间,描述相符,服务态度,物流服务\r\n';
for (let i = 0; i < o.rows; i++) {
  const x = r();
  const u = o.unhappy / 100;
  let rating = '好评';
  let text;
  if (x >= u) text = words(r, GOOD, 1 + Math.floor(r() * 3));
  else if (x < u * 0.45) {
    rating = '中评';
    text = words(r, MEH, 1 + Math.floor(r() * 2));
  } else if (x < u * 0.85) {
    rating = '差评';
    const y = r();
    text = y < 0.05 ? pick(r, SAFETY) : y < 0.08 ? `${pick(r, BAD)}，${pick(r, EXTORT)}` : words(r, BAD, 1 + Math.floor(r() * 2));
  } else text = words(r, BAD, 1);
  const at = start + Math.floor(r() * span);
  let fu = '';
  let fuAt = '';
  if (r() < 0.12) {
    fu = r() < 0.25 ? words(r, BAD, 1) : words(r, GOOD, 1);
    fuAt = bj(at + Math.floor(r() * 20 * 86_400_000));
  }
  const dsr = () => String(rating === '差评' ? 1 + Math.floor(r() * 3) : 4 + Math.floor(r() * 2));
  const id = String(3500000000000000000n + BigInt(i) * 7919n);
  const buyer = `buyer${Math.floor(r() * buyers)}`;
  buf += `${id},${buyer},${csv(pick(r, TITLES))},${bj(at)},${rating},${csv(text)},${csv(fu)},${fuAt},${dsr()},${dsr()},${dsr()}\r\n`;
  if (buf.length > 1 << 16) {
    if (!out.write(buf)) await new Promise((res) => out.once('drain', res));
    buf = '';
  }
}
out.write(buf);
if (o.out) out.end();
