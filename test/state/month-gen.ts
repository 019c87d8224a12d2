// A realistic month of one Tmall shop's order downloads, for the hourly-cron ledger test
// (month-cron.property.test.ts). Every hour the shop downloads an 订单报表 holding the orders created
// in the last N days, each as it stood at that download: first unpaid or waiting to ship, then
// shipped (some late), some refunded and closed. The events an operator meets are put in on purpose
// (see `month()`); everything else comes from a seeded generator.
import { order, taobaoCsv } from '../orders/build.js';
import type { Row } from './month-oracle.js';

export const H = 3_600_000;
export const D = 24 * H;
export const bjMs = (s: string) => Date.parse(`${s.replace(' ', 'T')}+08:00`);
export const bjStr = (t: number) => new Date(t + 8 * H).toISOString().slice(0, 19).replace('T', ' ');
const fen = (f: number) => `${Math.floor(f / 100)}.${String(f % 100).padStart(2, '0')}`;

export interface Truth {
  id: string;
  buyer: string;
  createdAt: number;
  paidAt: number | null;
  goodsFen: number;
  postageFen: number;
  title: string;
  presale: boolean;
  /** The seller's real ship time (发货时间), null: never. */
  ship: number | null;
  /** From when the downloads show it shipped (≥ ship): a ship time that appears only days later. */
  shownFrom: number | null;
  /** From `at` on, the downloads show 发货时间 `to` (a correction by the platform). */
  fix?: { at: number; to: number };
  closeAt: number | null;
  tag: string;
}

export interface Download {
  at: number;
  name: string;
  cut: boolean;
}

export interface Month {
  start: number;
  end: number; // the last run
  orders: Truth[];
  downloads: Download[];
  keepDays: number;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NICKS = ['小明爱购物', '阿花tb', '老王的店铺', 'tb_8812', '晴天娃娃', 'moonlight22', '糖糖', '张三丰', '李四hz', 'sunny_cn'];
const TITLES = ['加厚羊毛围巾', '真丝方巾', '【极速发】纯棉袜子', '现货 羊绒围巾', '【非现货】预售15天内发货 手套', '针织帽'];

/**
 * `days` days of orders from `first` (Beijing), `orders` from `buyers` buyers (a tenth of them
 * order often, several a day), and a download every hour at :02 holding `keepDays` days of orders.
 * The runs go on `settleDays` past the last payment (8: every order that will ship has shipped).
 */
export interface Plan {
  seed: number;
  first: string;
  days: number;
  orders: number;
  buyers: number;
  /** Days of orders (by 订单创建时间) each download holds. */
  keepDays: number;
  /** Days (1 = the first) of the events: no download all day; two downloads in one hour; a cut-off download. */
  missingDay: number;
  doubleDay: number;
  cutDay: number;
  /** Beijing hours of the double download (at :02 and :40) and of the cut-off one (at :02). */
  doubleHour: number;
  cutHour: number;
  /** Days the runs go on after the last payment. */
  settleDays: number;
}

export function month(p: Plan): Month {
  const { seed, first, days, keepDays } = p;
  const nOrders = p.orders;
  const nBuyers = p.buyers;
  const rnd = rng(seed);
  const start = bjMs(`${first} 00:00:00`);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const between = (a: number, b: number) => a + Math.floor(rnd() * (b - a));
  const buyers = Array.from({ length: nBuyers }, (_, i) => `${NICKS[i % NICKS.length]}${i >= NICKS.length ? String(i) : ''}`);
  const heavy = buyers.slice(0, Math.max(1, Math.floor(nBuyers / 10)));
  const last = new Map<string, number>();
  const orders: Truth[] = [];
  for (let i = 0; i < nOrders; i++) {
    const buyer = rnd() < 0.4 ? pick(heavy) : pick(buyers);
    // A heavy buyer's next order often comes within hours of the last (several a day).
    const prev = last.get(buyer);
    let paidAt = prev !== undefined && heavy.includes(buyer) && rnd() < 0.5 ? prev + between(20 * 60_000, 6 * H) : start + between(0, days * D);
    if (paidAt >= start + days * D) paidAt = start + between(0, days * D);
    paidAt -= paidAt % 1000;
    last.set(buyer, paidAt);
    const createdAt = paidAt - between(10_000, 40 * 60_000); // sometimes the day before: created 23:50, paid 00:10
    const title = pick(TITLES);
    const presale = title.includes('预售');
    const goodsFen = pick([1990, 3900, 5800, 9990, 12800, 19900, 29900, 45000, 88000, 159900, 299900, 520000]);
    const postageFen = pick([0, 0, 0, 800, 1000]);
    const w = title.includes('极速发') && paidAt >= bjMs('2026-04-09 00:00:00') ? 24 : 48;
    const dl = paidAt + w * H;
    const r = rnd();
    const o: Truth = { id: String(3900000000000000000n + BigInt(seed) * 10000n + BigInt(i)), buyer, createdAt, paidAt, goodsFen, postageFen, title, presale, ship: null, shownFrom: null, closeAt: null, tag: 'on_time' };
    if (r < 0.6) o.ship = paidAt + between(H, w * H - H);
    else if (r < 0.63) (o.ship = dl), (o.tag = 'at_deadline');
    else if (r < 0.65) (o.ship = dl + 1000), (o.tag = 'one_second');
    else if (r < 0.8) (o.ship = dl + between(60_000, 71 * H)), (o.tag = 'late');
    else if (r < 0.85) (o.ship = dl + between(73 * H, 140 * H)), (o.tag = 'out_of_stock');
    else if (r < 0.89) (o.closeAt = paidAt + between(H, w * H - H)), (o.tag = 'closed_in_time');
    else if (r < 0.93) (o.closeAt = dl + between(2 * H, 100 * H)), (o.tag = 'closed_after_late');
    else if (r < 0.96) (o.ship = dl + between(H, 60 * H)), (o.closeAt = o.ship + between(D, 4 * D)), (o.tag = 'late_then_refunded');
    else if (r < 0.97) o.tag = 'never_shipped';
    else if (r < 0.98) (o.paidAt = null), (o.tag = 'unpaid');
    else o.ship = paidAt + between(H, w * H - H);
    if (o.ship !== null) o.ship -= o.ship % 1000;
    if (o.closeAt !== null) o.closeAt -= o.closeAt % 1000;
    o.shownFrom = o.ship;
    orders.push(o);
  }
  // The events put in on purpose, on the first orders that fit (each tagged).
  const lateOnes = orders.filter((o) => o.tag === 'late' && o.paidAt! < start + (days - 3) * D);
  const dlOf = (o: Truth) => o.paidAt! + (o.title.includes('极速发') && o.paidAt! >= bjMs('2026-04-09 00:00:00') ? 24 : 48) * H;
  // A ship time shown `shown` hours after the deadline, corrected `after` hours later to `to` hours after it.
  const correct = (o: Truth | undefined, shown: number, after: number, to: number, tag: Truth['tag']) => {
    if (!o) return;
    o.ship = dlOf(o) + shown * H;
    o.shownFrom = o.ship;
    o.fix = { at: o.ship + after * H, to: dlOf(o) + to * H };
    o.tag = tag;
  };
  // A ship time the platform corrects later: 60 h late shown, 75 h late (out of stock) from 16 h later.
  correct(lateOnes[0], 60, 16, 75, 'fixed_later');
  // Corrected earlier: 80 h late (out of stock) shown, 70 h late from 12 h later (money paid stays).
  correct(lateOnes[1], 80, 12, 70, 'fixed_earlier');
  // Corrected to on time: 5 h late shown, 2 h before the deadline from 10 h later (money paid stays).
  correct(lateOnes[2], 5, 10, -2, 'fixed_on_time');
  // A ship time that appears only 36 h after it (the order shows unshipped till then).
  for (const o of lateOnes.slice(3, 5)) (o.ship = dlOf(o) + 10 * H), (o.shownFrom = o.ship + 36 * H), (o.tag = 'shown_late');
  // Corrected to late: 2 h before the deadline shown, 5 h after it from 12 h after the deadline
  // (the buyer's day may be recorded by then: the day's voucher grows, a conflict to re-issue).
  if (lateOnes[5]) {
    const o = lateOnes[5];
    o.ship = dlOf(o) - 2 * H;
    o.shownFrom = o.ship;
    o.fix = { at: dlOf(o) + 12 * H, to: dlOf(o) + 5 * H };
    o.tag = 'fixed_to_late';
  }
  const end = start + (days + p.settleDays) * D + 5 * 60_000;
  // Downloads: every hour at :02, but none on the missing day (the shop forgot; the next download
  // covers it); two in one hour on the double day (:02 and :40); one cut off mid-file on the cut
  // day (the operator deletes it after the refused run; the next hour's is good).
  const downloads: Download[] = [];
  const name = (t: number) => `ExportOrderList${bjStr(t).replace(/[-: ]/g, '').slice(0, 12)}.csv`;
  for (let t = start + H + 2 * 60_000; t <= end; t += H) {
    const day = Math.floor((t - start) / D) + 1;
    if (day === p.missingDay) continue;
    downloads.push({ at: t, name: name(t), cut: day === p.cutDay && Number(bjStr(t).slice(11, 13)) === p.cutHour });
    if (day === p.doubleDay && Number(bjStr(t).slice(11, 13)) === p.doubleHour) downloads.push({ at: t + 38 * 60_000, name: name(t + 38 * 60_000), cut: false });
  }
  return { start, end, orders, downloads, keepDays };
}

/** An order as a download made at `t` shows it (null: not in it). */
export function rowAt(o: Truth, t: number, keepDays: number): Row | null {
  if (o.createdAt > t || o.createdAt <= t - keepDays * D) return null;
  const paid = o.paidAt !== null && o.paidAt <= t;
  const shown = paid && o.ship !== null && o.shownFrom! <= t;
  const shipAt = shown ? (o.fix && o.fix.at <= t ? o.fix.to : o.ship) : null;
  const closed = o.closeAt !== null && o.closeAt <= t;
  return { id: o.id, buyer: o.buyer, paidAt: paid ? o.paidAt : null, goodsFen: o.goodsFen, postageFen: o.postageFen, title: o.title, presale: o.presale, shipAt, closed };
}

/** The csv of a download made at `t` (cut off in the middle of its last row when `cut`). */
export function csvAt(m: Month, d: Download): { text: string; rows: Row[] } {
  const rows: Row[] = [];
  const cells = [];
  for (const o of m.orders) {
    const r = rowAt(o, d.at, m.keepDays);
    if (!r) continue;
    rows.push(r);
    const status = r.closed ? '交易关闭' : r.paidAt === null ? '等待买家付款' : r.shipAt === null ? '买家已付款，等待卖家发货' : d.at > r.shipAt + 10 * D ? '交易成功' : '卖家已发货，等待买家确认';
    cells.push(
      order(r.id, {
        买家会员名: r.buyer,
        买家应付货款: fen(r.goodsFen),
        买家应付邮费: fen(r.postageFen),
        买家实际支付金额: r.paidAt === null ? '0.00' : fen(r.goodsFen + r.postageFen),
        总金额: fen(r.goodsFen + r.postageFen),
        订单状态: status,
        订单创建时间: bjStr(o.createdAt),
        订单付款时间: r.paidAt === null ? '' : bjStr(r.paidAt),
        宝贝标题: r.title,
        预售订单: r.presale ? '是' : '否',
        发货时间: r.shipAt === null ? '' : bjStr(r.shipAt),
        店铺Id: '100200300',
        店铺名称: '围巾小店',
        订单关闭原因: r.closed ? '买家申请退款' : '订单未关闭',
        延迟发货自动赔付金额: '0.00',
      }),
    );
  }
  let text = taobaoCsv(cells);
  if (d.cut) text = text.slice(0, text.lastIndexOf('\r\n', text.length - 3) + 2 + 60); // 60 bytes into the last row
  return { text, rows };
}
