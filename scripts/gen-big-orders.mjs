#!/usr/bin/env node
// A large synthetic Taobao 订单报表 (71 columns, the ~2022 layout of docs/formats.md) for streaming
// measurements and benchmarks. Deterministic: the same arguments always give the same bytes.
//
//   node scripts/gen-big-orders.mjs --rows 1000000 --encoding gbk --out .cache/orders-1m-gbk.csv
//
// Options: --rows N (default 100000) · --encoding gbk|utf8|utf8-bom (default gbk) · --out FILE
// (default stdout) · --seed N (default 1) · --from "YYYY-MM-DD" and --days N: the paid-time span
// in Beijing time (default 2026-10-01, 50 days) · --buyers N (default rows/4: several orders each).
//
// What is in it, like a real shop's export (Taobao quoting: ids as unquoted ="…" formulas, phones
// with a leading ', money in 元 in some columns, header names with trailing spaces, CRLF):
//   ~62% 交易成功, ~18% 卖家已发货，等待买家确认, ~8% 买家已付款，等待卖家发货 (unshipped; some
//   of them past 48 h), ~7% 交易关闭 (refunded, or unpaid and closed), ~3% 等待买家付款, ~2% 卖家部分发货;
//   ~12% of the shipped orders ship after 48 h (late; a few after 5+ days), ~3% are presale;
//   ~5% of orders carry a seller note, a third of those quoted over two lines;
//   ~10% have several items (titles joined with ，).
//
// --broken-quotes F (default 0: none; the bytes are then the same as without it) puts broken
// quoting, as a hand-edited or badly written export has it, into a share F (0–1) of the rows, by a
// random stream of its own (--broken-kinds after,inner,open: which shapes, default all three):
//   after  the seller note starts with a quote and goes on after the closing one: "加急"请尽快发货
//   inner  the seller note is quoted but its own quotes are not doubled, and it holds a comma:
//          "备注: "加急", 周一前发" (read as two cells: the row has 72)
//   open   the title starts with a quote never closed in its cell: the quoted text runs on to the
//          next quote (the next row's ="…" id), so the row and the next are read as one record.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { TAOBAO_ORDER_LAYOUTS, taobaoCsvCell } from './export-layouts.mjs';
import { bj, rng } from './gen-common.mjs';

function parseArgs(argv) {
  const o = { rows: 100_000, encoding: 'gbk', out: undefined, seed: 1, from: '2026-10-01', days: 50, buyers: undefined, broken: 0, brokenKinds: ['after', 'inner', 'open'] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => {
      const x = argv[++i];
      if (x === undefined) fail(`${a} needs a value`);
      return x;
    };
    if (a === '--rows') o.rows = int(v(), a);
    else if (a === '--encoding') o.encoding = v();
    else if (a === '--out' || a === '-o') o.out = v();
    else if (a === '--seed') o.seed = int(v(), a);
    else if (a === '--from') o.from = v();
    else if (a === '--days') o.days = int(v(), a);
    else if (a === '--buyers') o.buyers = int(v(), a);
    else if (a === '--broken-quotes') {
      o.broken = Number(v());
      if (!(o.broken >= 0 && o.broken <= 1)) fail('--broken-quotes takes a share from 0 to 1');
    } else if (a === '--broken-kinds') {
      o.brokenKinds = v().split(',');
      for (const k of o.brokenKinds) if (!['after', 'inner', 'open'].includes(k)) fail(`--broken-kinds: unknown kind ${k} (after, inner, open)`);
    }
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: node scripts/gen-big-orders.mjs --rows N --encoding gbk|utf8|utf8-bom --out FILE [--seed N] [--from YYYY-MM-DD] [--days N] [--buyers N] [--broken-quotes F] [--broken-kinds after,inner,open]\n');
      process.exit(0);
    } else fail(`unknown argument ${a}`);
  }
  if (!['gbk', 'utf8', 'utf8-bom'].includes(o.encoding)) fail(`--encoding must be gbk, utf8 or utf8-bom, not ${o.encoding}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.from)) fail('--from must be YYYY-MM-DD');
  o.buyers ??= Math.max(1, Math.floor(o.rows / 4));
  return o;
}

function int(x, name) {
  if (!/^\d+$/.test(x)) fail(`${name} takes a whole number, not ${x}`);
  return Number(x);
}

function fail(m) {
  process.stderr.write(`gen-big-orders: ${m}\n`);
  process.exit(2);
}



const ITEMS = [
  ['加厚羊毛围巾 灰色', '89.00'], ['毛线球清理器', '12.00'], ['羊绒大衣 驼色 L', '1999.00'], ['针织手套', '44.00'],
  ['羊毛袜 三双装', '59.90'], ['围巾礼盒', '128.00'], ['毛线帽', '39.00'], ['法兰绒睡衣套装', '159.00'],
  ['珊瑚绒毯 1.5米', '99.00'], ['暖手宝 充电款', '69.00'], ['护膝 加绒', '35.50'], ['雪地靴 38码', '239.00'],
];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '小明花建国红丽静伟芳娜敏强磊军洋勇艳杰娟涛超';
const PLACES = [
  ['广东省', '深圳市', '南山区', '518057'], ['浙江省', '杭州市', '西湖区', '310012'], ['北京', '北京市', '朝阳区', '100022'],
  ['上海', '上海市', '浦东新区', '200120'], ['四川省', '成都市', '武侯区', '610041'], ['江苏省', '南京市', '鼓楼区', '210009'],
  ['湖北省', '武汉市', '洪山区', '430070'], ['山东省', '青岛市', '市南区', '266001'],
];
const CARRIERS = [['申通快递', '7730'], ['圆通速递', 'YT88'], ['中通快递', '7850'], ['顺丰速运', 'SF14'], ['韵达快递', '4312']];
const NOTES = ['加急', '送礼, 不要放发票', '客户要求改地址, 已改', '赠品: 毛线球清理器'];

/** One synthetic order, a pure function of (seed, index). */
function makeOrder(o, i, r) {
  const spanMs = o.days * 86_400_000;
  const fromMs = Date.parse(`${o.from}T00:00:00+08:00`);
  // Paid times increase along the file with jitter (real exports are sorted by time).
  const paid = fromMs + Math.floor(((i + r()) / o.rows) * spanMs);
  const created = paid - Math.floor(30_000 + r() * 600_000);
  const buyerNo = Math.floor(r() * o.buyers);
  const buyer = `买家${String(buyerNo).padStart(7, '0')}`;
  const place = PLACES[buyerNo % PLACES.length];
  const receiver = SURNAMES[buyerNo % SURNAMES.length] + GIVEN[(buyerNo >> 3) % GIVEN.length] + (buyerNo % 3 === 0 ? GIVEN[(buyerNo >> 5) % GIVEN.length] : '');
  const phone = `1${3 + (buyerNo % 7)}${String(100000000 + ((buyerNo * 7919) % 900000000)).slice(0, 9)}`;
  const kinds = r() < 0.1 ? 2 + Math.floor(r() * 2) : 1;
  const picked = [];
  let goods = 0;
  let qty = 0;
  for (let k = 0; k < kinds; k++) {
    const [title, price] = ITEMS[Math.floor(r() * ITEMS.length)];
    const q = r() < 0.85 ? 1 : 2;
    picked.push(title);
    goods += Math.round(Number(price) * 100) * q;
    qty += q;
  }
  const postage = goods >= 9900 ? 0 : 800;
  const x = r();
  let status;
  if (x < 0.62) status = '交易成功';
  else if (x < 0.8) status = '卖家已发货，等待买家确认';
  else if (x < 0.88) status = '买家已付款，等待卖家发货';
  else if (x < 0.95) status = '交易关闭';
  else if (x < 0.98) status = '等待买家付款';
  else status = '卖家部分发货';
  const unpaid = status === '等待买家付款' || (status === '交易关闭' && r() < 0.4);
  const shippedStates = ['交易成功', '卖家已发货，等待买家确认', '卖家部分发货'];
  let shipped = '';
  if (shippedStates.includes(status)) {
    const late = r() < 0.12;
    const hours = late ? 48 + r() * (r() < 0.2 ? 120 : 30) : 2 + r() * 44;
    shipped = bj(paid + Math.floor(hours * 3600_000));
  }
  // Nothing happens after the export was taken (the end of the span).
  const exportAt = fromMs + spanMs;
  const at = (t) => Date.parse(t.replace(' ', 'T') + '+08:00');
  if (shipped && at(shipped) > exportAt) {
    shipped = '';
    status = '买家已付款，等待卖家发货';
  }
  let confirmed = status === '交易成功' && shipped ? bj(at(shipped) + 4 * 86_400_000) : '';
  if (confirmed && at(confirmed) > exportAt) {
    confirmed = '';
    status = '卖家已发货，等待买家确认';
  }
  const [carrier, prefix] = CARRIERS[buyerNo % CARRIERS.length];
  const tracking = shipped ? `${prefix}${String(10_000_000_000 + i).slice(1)}` : '';
  const nr = r();
  const note = nr < 0.05 ? (nr < 0.0167 ? `${NOTES[i % NOTES.length]}\n第二行: 已和客户确认` : NOTES[i % NOTES.length]) : '';
  const fen = (n) => (n / 100).toFixed(2);
  const paidAmount = unpaid ? 0 : goods + postage;
  return {
    id: String(3_000_000_000_000_000_000n + BigInt(o.seed) * 10_000_000_000n + BigInt(i)),
    buyer,
    receiver,
    phone,
    address: `${place[0]} ${place[1]} ${place[2]} 某某路${(buyerNo % 300) + 1}号(${place[3]})`,
    goods: fen(goods),
    postage: fen(postage),
    paid: fen(paidAmount),
    status,
    created: bj(created),
    paidAt: unpaid ? '' : bj(paid),
    shipped,
    confirmed,
    title: picked.join('，'),
    kinds,
    qty,
    carrier: shipped ? carrier : '',
    tracking,
    note,
    closeReason: status === '交易关闭' ? (unpaid ? '买家未付款' : '退款') : '订单未关闭',
    refund: status === '交易关闭' && !unpaid ? fen(paidAmount) : '0',
    presale: r() < 0.03 ? '是' : '否',
    platformComp: '',
  };
}

function cell(h, o) {
  switch (h) {
    case '订单编号': case '主订单编号': return o.id;
    case '买家会员名': case '买家会员昵称': return o.buyer;
    case '买家应付货款': return o.goods;
    case '买家应付邮费': return o.postage;
    case '总金额': return (Number(o.goods) + Number(o.postage)).toFixed(2);
    case '买家实际支付金额': return o.paid;
    case '买家支付积分': case '返点积分': case '买家实际支付积分': return '0';
    case '订单状态': return o.status;
    case '收货人姓名': return o.receiver;
    case '收货地址': return o.address;
    case '运送方式': return '快递';
    case '联系手机': return `'${o.phone}`;
    case '订单创建时间': return o.created;
    case '订单付款时间': return o.paidAt;
    case '宝贝标题': return o.title;
    case '宝贝种类': return String(o.kinds);
    case '物流单号': return o.tracking;
    case '物流公司': return o.carrier;
    case '订单备注': return o.note;
    case '宝贝总数量': return String(o.qty);
    case '店铺Id': return '100200300';
    case '店铺名称': return '暖冬织物旗舰店';
    case '订单关闭原因': return o.closeReason;
    case '卖家服务费': case '买家服务费': return '0元';
    case '是否手机订单': return '手机订单';
    case '退款金额': return o.refund;
    case '确认收货时间': return o.confirmed;
    case '打款商家金额': return o.confirmed ? `${o.paid}元` : '0元';
    case '延迟发货自动赔付金额': return o.platformComp;
    case '预售订单': return o.presale;
    case '发货时间': return o.shipped;
    case '联系电话': case '买家留言': case '商家备忘': return '';
    default: return 'null';
  }
}

const o = parseArgs(process.argv.slice(2));
const headers = TAOBAO_ORDER_LAYOUTS[71];
const enc = (text) => (o.encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8'));
if (o.out) fs.mkdirSync(path.dirname(path.resolve(o.out)), { recursive: true });
const out = o.out ? fs.createWriteStream(o.out) : process.stdout;
const write = (buf) => (out.write(buf) ? Promise.resolve() : new Promise((res) => out.once('drain', res)));

const r = rng(o.seed);
// Broken quoting by a stream of its own: without --broken-quotes the orders are the same.
const rb = rng(o.seed ^ 0x5bd1e995);
const noteAt = headers.indexOf('订单备注');
const titleAt = headers.indexOf('宝贝标题');
function breakQuotes(cells) {
  const kind = o.brokenKinds[Math.floor(rb() * o.brokenKinds.length)];
  if (kind === 'after') cells[noteAt] = '"加急"请尽快发货';
  else if (kind === 'inner') cells[noteAt] = '"备注: "加急", 周一前发"';
  else cells[titleAt] = `"${cells[titleAt]}`;
}
let text = (o.encoding === 'utf8-bom' ? '\uFEFF' : '') + headers.map((h) => (h === '收货地址' || h === '订单付款时间' ? `"${h} "` : h)).join(',') + '\r\n';
for (let i = 0; i < o.rows; i++) {
  const ord = makeOrder(o, i, r);
  const cells = headers.map((h) => taobaoCsvCell(h, cell(h, ord)));
  if (o.broken > 0 && rb() < o.broken) breakQuotes(cells);
  text += cells.join(',') + '\r\n';
  if (text.length > 1 << 18) {
    await write(enc(text));
    text = '';
  }
}
await write(enc(text));
if (o.out) await new Promise((res, rej) => out.end((e) => (e ? rej(e) : res())));
