// What kind of storeops input a file is, from its header alone, and which command reads it: so
// `compensate reviews.csv` says "this is a review table; storeops reviews queue reads it" instead
// of only "required column 订单付款时间 is missing". The header names come from each reader's own
// alias table (one place per fact); this module only scores them.
import type { FieldSpec } from '../io/table.js';
import { normHeader } from '../io/table.js';
import { SHIPMENT_FIELDS } from '../compensation/inputs.js';
import { LAYOUTS } from '../orders/layouts.js';
import { REVIEW_FIELDS } from '../reviews/read.js';
import { AGENT, SHIFT } from '../roster/read.js';
import { PRODUCT_FIELDS } from '../zhenjian/fields.js';
import { LABEL_FIELDS } from '../zhenjian/labels.js';
import { type Msg, msg } from '../errors.js';

export type InputKind = 'orders' | 'items' | 'reviews' | 'shipments' | 'roster' | 'agents' | 'zhenjian-products' | 'zhenjian-labels';

interface KindInfo {
  name: Msg;
  /** Commands that take this kind as their file argument. */
  main: string[];
  /** Commands that take it through an option (compensate --shipments, reviews queue --orders). */
  side: string[];
  /** How to give it to storeops; FILE is replaced by the file name (usageOf), ORDERS.csv etc. are placeholders. */
  usage: string;
  /** The option a side command takes it through, when that command was given it as its file argument. */
  option?: string;
}

const ORDER_READERS = ['orders inspect', 'orders normalize', 'compensate'];

export const KINDS: Record<InputKind, KindInfo> = {
  orders: { name: msg('订单报表', 'an order export'), main: ORDER_READERS, side: ['reviews queue', 'reviews message'], usage: 'compensate FILE', option: '--orders' },
  items: { name: msg('宝贝报表 (订单明细)', 'an item report (宝贝报表, one row per order line)'), main: ORDER_READERS, side: ['reviews queue', 'reviews message'], usage: 'orders normalize FILE --lines', option: '--orders' },
  reviews: { name: msg('评价表', 'a review table'), main: ['reviews queue'], side: ['reviews message', 'reviews log'], usage: 'reviews queue FILE' },
  shipments: { name: msg('揽收扫描表', 'a pickup-scan file'), main: [], side: ['compensate'], usage: 'compensate ORDERS.csv --shipments FILE' },
  roster: { name: msg('排班表', 'a shift roster'), main: ['roster check'], side: ['roster plan', 'reviews queue'], usage: 'roster check FILE' },
  agents: { name: msg('客服名单', 'an agent list'), main: [], side: ['roster plan'], usage: 'roster plan --month YYYY-MM --agents FILE' },
  'zhenjian-products': { name: msg('甄检商品表', 'a 甄检 product table'), main: ['zhenjian estimate'], side: [], usage: 'zhenjian estimate FILE' },
  'zhenjian-labels': { name: msg('甄检品质标签表', 'a 甄检 label selection'), main: [], side: ['zhenjian estimate'], usage: 'zhenjian estimate PRODUCTS.csv --labels FILE' },
};

/**
 * The zh text's placeholders for the files a usage line names but the operator has not given
 * (the file given is named as it is): Chinese in angle brackets, as the zh help writes `<文件>`,
 * `<小时>`. The zh hints said `storeops compensate ORDERS.csv --shipments 扫描.csv` until 2026-12.
 */
export const PLACEHOLDER_ZH: Record<string, string> = { 'ORDERS.csv': '<订单文件>', 'REVIEWS.csv': '<评价文件>', 'PRODUCTS.csv': '<商品文件>' };

/** `storeops <usage>` for this kind with `file` in it, zh with Chinese placeholders. */
export function usageOf(k: KindInfo, file: string): Msg {
  const en = `storeops ${k.usage.replace('FILE', () => file)}`;
  const zh = `storeops ${k.usage.replace(/\b(?:ORDERS|REVIEWS|PRODUCTS)\.csv\b/g, (p) => PLACEHOLDER_ZH[p]!).replace('FILE', () => file)}`;
  return msg(zh, en);
}

const has = (present: Set<string>, f: FieldSpec) => f.aliases.some((a) => present.has(normHeader(a)));
const count = (present: Set<string>, fields: readonly FieldSpec[]) => fields.filter((f) => has(present, f)).length;
const field = (fields: readonly FieldSpec[], key: string) => fields.filter((f) => f.key === key);

/** A day column of a roster grid: a date (2026-11-01, 11/1) or a day number (1–31, 01日, 07六*). */
const DAY = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}|\d{1,2}(日|号)?([一二三四五六日]|Mo|Tu|We|Th|Fr|Sa|Su)?\*?)$/i;

/** The kind a header belongs to, or undefined when it is none of them clearly. */
export function classify(headers: readonly string[]): InputKind | undefined {
  const present = new Set(headers.map(normHeader).filter((h) => h !== ''));
  const scores: [InputKind, number][] = [];
  for (const l of LAYOUTS) {
    const s = l.signature.filter((h) => present.has(normHeader(h))).length;
    if (s >= 2) scores.push([l.grain === 'order' ? 'orders' : 'items', s]);
  }
  // Reviews: what was said and how it was rated (an order id and a buyer are in every kind).
  const reviewSpecific = REVIEW_FIELDS.filter((f) => !['orderId', 'buyer', 'title'].includes(f.key));
  scores.push(['reviews', count(present, reviewSpecific)]);
  // Pickup scans: the pickup time is the whole point of the file.
  scores.push(['shipments', count(present, field(SHIPMENT_FIELDS, 'pickupAt')) * 2]);
  const days = headers.filter((h) => DAY.test(h.trim())).length;
  scores.push(['roster', has(present, AGENT) && (days >= 7 || has(present, SHIFT)) ? 3 : 0]);
  // An agent list (roster plan --agents): an agent column (headed as one, not a bare name/姓名,
  // which any list has) and at most two more beside it, no day and no shift.
  const agentHeaded = AGENT.aliases.some((a) => !['name', '姓名'].includes(a) && present.has(normHeader(a)));
  scores.push(['agents', agentHeaded && days < 7 && !has(present, SHIFT) && present.size <= 3 ? 2 : 0]);
  const zhenjianSpecific = PRODUCT_FIELDS.filter((f) => ['listPrice', 'unitCost', 'serviceFee', 'samples', 'periodDays', 'autoRenew', 'signedAt'].includes(f.key));
  scores.push(['zhenjian-products', count(present, zhenjianSpecific)]);
  scores.push(['zhenjian-labels', count(present, LABEL_FIELDS.filter((f) => f.key !== 'itemId'))]);
  scores.sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  if (!best || best[1] < 2) return undefined;
  // A tie between two kinds is no answer, except an order report against an item report (one reader).
  const orderish = (k: InputKind) => k === 'orders' || k === 'items';
  if (second && second[1] === best[1] && second[0] !== best[0] && !(orderish(second[0]) && orderish(best[0]))) return undefined;
  return best[0];
}

/**
 * The platform of a 抖店 or 拼多多 order export, by the layout its header matches best; undefined for
 * a Taobao/Tmall report or no order export. Those exports are read by compensate as they are (one row
 * per sub-order in 抖店's case), so they are not called a 宝贝报表 nor sent to `orders normalize --lines`.
 */
function otherPlatform(headers: readonly string[]): 'douyin' | 'pdd' | undefined {
  const present = new Set(headers.map(normHeader).filter((h) => h !== ''));
  let best: { platform: string; score: number } | undefined;
  for (const l of LAYOUTS) {
    const score = l.signature.filter((h) => present.has(normHeader(h))).length;
    if (score >= 2 && (!best || score > best.score)) best = { platform: l.platform, score };
  }
  return best?.platform === 'douyin' || best?.platform === 'pdd' ? best.platform : undefined;
}

const PLATFORM_EXPORT: Record<'douyin' | 'pdd', Msg> = {
  douyin: msg('抖店订单导出', 'a 抖店 (Douyin) order export'),
  pdd: msg('拼多多订单导出', 'a 拼多多 (Pinduoduo) order export'),
};

/**
 * When a command failed to read a file and the file is plainly another kind, what to say instead:
 * which kind it is and how storeops reads it. Undefined when this command reads that kind in the
 * place it was given (`asArgument`: the file argument, else an option such as --shipments).
 */
export function wrongKind(file: string, headers: readonly string[], command: string, asArgument: boolean): { text: Msg; hint: Msg } | undefined {
  const kind = classify(headers);
  if (!kind) return undefined;
  const k = KINDS[kind];
  if (k.main.includes(command) || (!asArgument && k.side.includes(command))) return undefined;
  const platform = kind === 'orders' || kind === 'items' ? otherPlatform(headers) : undefined;
  const name = platform ? PLATFORM_EXPORT[platform] : k.name;
  const usage = platform ? usageOf(KINDS.orders, file) : usageOf(k, file);
  const text = msg(`${file} 是${name.zh}, 不是 storeops ${command} 在这里要读的文件`, `${file} is ${name.en}, not what storeops ${command} reads here`);
  // 甄检 is Tmall's (天猫甄检): an order export is no product table, and a 抖店 or 拼多多 shop's
  // products cannot register at all. Said so, with the file it reads, rather than only how else to
  // read the export.
  if (command === 'zhenjian estimate' && (kind === 'orders' || kind === 'items')) {
    const tmall = platform
      ? msg(`甄检是天猫的检测服务 (天猫甄检), ${name.zh.replace('订单导出', '')}的商品不能报名; `, `甄检 is Tmall's testing service (天猫甄检): ${platform === 'douyin' ? '抖店' : '拼多多'} products cannot register for it; `)
      : msg('', '');
    return {
      text,
      hint: msg(
        `${tmall.zh}甄检估算读天猫商品表, 每个商品一行 (商品ID、类目、一口价、到手价、成本、服务费 …), 如 examples/zhenjian-products.csv, 或不带文件在终端里逐项回答。这个文件这样读取: ${usage.zh}`,
        `${tmall.en}the estimate reads a Tmall product table, one row per product (商品ID, 类目, 一口价, 到手价, 成本, 服务费 …), as examples/zhenjian-products.csv, or answers typed in a terminal with no file. This file is read with: ${usage.en}`,
      ),
    };
  }
  // An order export given to `reviews queue` as its file: the queue reads it too, beside the reviews.
  if (k.option && k.side.includes(command)) {
    return {
      text,
      hint: msg(
        `这样读取它: ${usage.zh}; 用于评价跟进时, 在评价表后面用 ${k.option} 给出: storeops ${command} ${PLACEHOLDER_ZH['REVIEWS.csv']} ${k.option} ${file}`,
        `read it with: ${usage.en}; for the review queue, give it beside the review table with ${k.option}: storeops ${command} REVIEWS.csv ${k.option} ${file}`,
      ),
    };
  }
  return { text, hint: msg(`这样读取它: ${usage.zh}`, `read it with: ${usage.en}`) };
}
