// Command bodies for `storeops reviews queue|log|message` (SPEC reviews): read, compute with the
// pure modules, hand rows to the output layer.
import fs from 'node:fs';
import path from 'node:path';
import { ACTION_ZH, BLOCKED_ZH, CATEGORY_ZH, CHANNEL_ZH, DEADLINE_ZH, ESCALATE_ZH, MALICIOUS_ZH, RATING_ZH, QUEUE_STATUS_ZH, REASON_ZH, STATUS_ZH, TEMPLATE_ZH } from './codes.js';
import { type Ctx, closestKey } from '../context.js';
import { InputError, type Msg, UsageError, msg, noteLine, plural, say } from '../errors.js';
import { checkOrderId, typedIdProblem, typedOrderId } from '../io/cells.js';
import { HOUR_MS, PLATFORM_TZ, clockShown, zoneWords } from '../time.js';
import type { Column } from '../io/columns.js';
import { openSink, writeRows } from '../io/output.js';
import { resolveFormat } from '../io/formats.js';
import { maskNamesIn, scrubFreeText, scrubPii, shownNick } from '../io/pii.js';
import { RejectLog } from '../io/rejects.js';
import type { StateDb } from '../state/ledger.js';
import { FactsCollector, type OrderLike } from './orders.js';
import type { Order } from '../orders/types.js';
import { Writable } from 'node:stream';
import { type OrderContacts, afterQuietHours, buyerContactState, inQuietHours } from './policy.js';
import { buildQueue, buyerKey } from './queue.js';
import { needsFollowUp } from './classify.js';
import { PLACEHOLDERS, render, sevenDayReturnEnd, sevenDayReturnOpen, unknownPlaceholders } from './message.js';
import { normalizeWording } from './wording.js';
import { type RosterOnShift, handout, readOnShift } from './roster-file.js';
import { type ReviewsConfig, loadReviewsConfig, shopFor } from './settings.js';
import type { Platform } from '../orders/types.js';
import type { ItemWord, OrderFacts, QueueItem, Review, ReviewStatus } from './types.js';
import { PDD_ID, readReviews } from './read.js';
import { writeDuplicatesFirst } from '../orders/duplicates.js';
import { reviewsNotice } from '../notify/notices.js';
import { notifySetup } from '../notify/run.js';
import { fileProblem } from '../io/fsproblem.js';
import { readTextFileSync } from '../io/textfile.js';

export const QUEUE_COLUMNS: Column[] = [
  { key: 'priority', zh: '优先级', en: 'priority', type: 'int', brief: true, short: { zh: '优先', en: 'prio' } },
  { key: 'orderId', zh: '订单编号', en: 'orderId', type: 'id', brief: true },
  { key: 'buyer', zh: '买家', en: 'buyer', brief: true, whole: true },
  { key: 'rating', zh: '评价结果', en: 'rating', labels: RATING_ZH },
  { key: 'reviewedAt', zh: '评价时间', en: 'reviewedAt', type: 'time' },
  { key: 'title', zh: '宝贝标题', en: 'title' },
  { key: 'text', zh: '评价内容', en: 'text' },
  { key: 'followUpText', zh: '追评内容', en: 'followUpText' },
  { key: 'reasons', zh: '标记原因', en: 'reasons', type: 'list', labels: REASON_ZH },
  { key: 'categories', zh: '问题类别', en: 'categories', type: 'list', labels: CATEGORY_ZH },
  { key: 'contactBy', zh: '联系期限', en: 'contactBy', type: 'time', brief: true },
  { key: 'explainBy', zh: '解释期限', en: 'explainBy', type: 'time' },
  { key: 'complaintBy', zh: '投诉期限', en: 'complaintBy', type: 'time' },
  { key: 'overdue', zh: '已逾期', en: 'overdue', type: 'list', brief: true, labels: DEADLINE_ZH },
  { key: 'status', zh: '状态', en: 'status', brief: true, labels: QUEUE_STATUS_ZH },
  { key: 'attempts', zh: '联系次数', en: 'attempts', type: 'int' },
  { key: 'buyerAttempts', zh: '买家被联系次数', en: 'buyerAttempts', type: 'int' },
  { key: 'lastContactAt', zh: '上次联系', en: 'lastContactAt', type: 'time' },
  { key: 'nextContactAt', zh: '下次可联系', en: 'nextContactAt', type: 'time' },
  { key: 'sameBuyer', zh: '同一买家的其他订单', en: 'sameBuyer', type: 'list' },
  { key: 'assignee', zh: '负责客服', en: 'assignee' },
  { key: 'escalate', zh: '上报', en: 'escalate', type: 'list', brief: true, labels: ESCALATE_ZH },
  { key: 'action', zh: '下一步', en: 'action', brief: true, labels: ACTION_ZH },
  { key: 'template', zh: '模板', en: 'template', labels: TEMPLATE_ZH },
  { key: 'goodwill', zh: '补偿预算', en: 'goodwill', type: 'money' },
  { key: 'malicious', zh: '恶意评价迹象', en: 'malicious', type: 'list', labels: MALICIOUS_ZH },
  { key: 'orderValue', zh: '订单金额', en: 'orderValue', type: 'money' },
  { key: 'earlierOrders', zh: '此前订单数', en: 'earlierOrders', type: 'int' },
  { key: 'score', zh: '分数', en: 'score', type: 'int' },
];

/** Contact history per order, with every attempt's time (the attempt window counts them). */
function orderContacts(db: StateDb, orderIds: string[]): Map<string, OrderContacts> {
  const out = new Map<string, OrderContacts>();
  for (const [id, h] of db.contactHistory(orderIds)) {
    out.set(id, {
      status: h.status,
      attempts: h.attempts,
      lastContactAt: h.lastContactAt,
      attemptTimes: h.entries.filter((e) => CONTACT_STATUSES.has(e.status)).map((e) => e.at),
      attemptConversations: h.entries.filter((e) => CONTACT_STATUSES.has(e.status)).map((e) => e.conversation),
      stopped: h.stoppedAt !== null,
      resolvedAt: h.resolvedAt,
      complaintFiled: h.complaintFiled,
      buyer: h.buyer,
    });
  }
  return out;
}

/** The buyer's nick when it names someone (not empty, not masked like t**1): what a contact records. */
function namedBuyer(nick: string | null | undefined): string | undefined {
  const b = (nick ?? '').trim();
  return buyerKey(b, '').startsWith('buyer:') ? b : undefined;
}

/**
 * RULES 2.2: the contact limits count per buyer across runs. The contacts of these orders, and of
 * every other order whose contact was recorded with the same buyer (schema 6), whatever review
 * files this run reads. `buyerOf` names the buyer of an order as this run knows it (review file,
 * order export); the buyer recorded with the order's contacts is the fallback.
 */
function contactsWithBuyers(db: StateDb, orderIds: string[], buyerOf: (id: string) => string | undefined): { contacts: Map<string, OrderContacts>; storedOrders: Map<string, string[]> } {
  const contacts = orderContacts(db, orderIds);
  const buyers = new Set<string>();
  for (const id of orderIds) {
    const b = namedBuyer(buyerOf(id)) ?? namedBuyer(contacts.get(id)?.buyer);
    if (b !== undefined) buyers.add(b);
  }
  const storedOrders = db.ordersOfBuyers([...buyers]);
  const more = [...new Set([...storedOrders.values()].flat())].filter((id) => !contacts.has(id));
  for (const [id, h] of orderContacts(db, more)) contacts.set(id, h);
  return { contacts, storedOrders };
}

const CONTACT_STATUSES: ReadonlySet<ReviewStatus> = new Set(['contacted', 'awaiting_reply']);
const LOG_STATUSES: readonly ReviewStatus[] = ['contacted', 'awaiting_reply', 'resolved', 'complaint_filed', 'do_not_contact'];
const CHANNELS = ['wangwang', 'feige', 'pdd_chat', 'phone', 'sms'];

/** Each platform's chat with its buyers (docs/cli.md, reviews log --channel). */
const PLATFORM_CHAT: Readonly<Record<Platform, string>> = { taobao: 'wangwang', douyin: 'feige', pdd: 'pdd_chat' };
const CHAT_PLATFORM: Readonly<Record<string, Msg>> = { wangwang: msg('淘宝/天猫', 'Taobao/Tmall'), feige: msg('抖店', '抖店'), pdd_chat: msg('拼多多', '拼多多') };

/** Other words for a channel: the platform's chat named as its operators say it; `chat` is the order's own platform's. */
const CHANNEL_WORDS: Readonly<Record<string, string>> = {
  飞鸽: 'feige',
  'pdd-chat': 'pdd_chat',
  拼多多聊天: 'pdd_chat',
  商家客服: 'pdd_chat',
  多多客服: 'pdd_chat',
  聊天: 'chat',
  客服聊天: 'chat',
  chat: 'chat',
};

/**
 * The channel to record for `--channel`, given the order's platform when the run knows it (the order
 * export, the review row, a 拼多多 order id). A platform's chat is that platform's: `wangwang` typed for
 * a 抖店 order is its 飞鸽 (a 旺旺 message cannot reach a 抖店 buyer), and `chat` is the order's own.
 */
function chatChannel(ctx: Ctx, orderId: string, given: string, platform: Platform | undefined): string {
  const ch = CHANNEL_WORDS[given] ?? given;
  if (ch !== 'chat' && !(ch in CHAT_PLATFORM)) return ch;
  if (platform === undefined) {
    if (ch !== 'chat') return ch;
    throw new UsageError(
      msg(`--channel ${given}: 不知道订单 ${orderId} 在哪个平台, 无法确定是哪种聊天`, `--channel ${given}: the platform of order ${orderId} is not known, so which chat it was is not either`),
      msg(
        '写明渠道: wangwang (旺旺, 淘宝/天猫)、feige (飞鸽, 抖店) 或 pdd_chat (拼多多客服聊天); 或加上 --orders <订单报表> / --reviews <评价表>。',
        'name it: wangwang (旺旺, Taobao/Tmall), feige (飞鸽, 抖店) or pdd_chat (拼多多 商家客服 chat); or add --orders <export> / --reviews <file>.',
      ),
    );
  }
  const own = PLATFORM_CHAT[platform];
  if (ch !== 'chat' && ch !== own) {
    const p = CHAT_PLATFORM[own]!;
    ctx.warn(
      msg(
        `订单 ${orderId} 是${p.zh}的订单, 它的聊天是${CHANNEL_ZH[own]} (${own}), 不是${CHANNEL_ZH[ch]} (${CHAT_PLATFORM[ch]!.zh}的): 按 ${own} 记录`,
        `order ${orderId} is a ${p.en} order, whose chat is ${CHANNEL_ZH[own]} (${own}), not ${CHANNEL_ZH[ch]} (${CHAT_PLATFORM[ch]!.en}'s): recorded as ${own}`,
      ),
    );
  }
  return own;
}

/** A code given as itself or as its zh label (已联系 → contacted); anything else as given. */
function codeOf(given: string, codes: readonly string[], zh: Readonly<Record<string, string>>): string {
  return codes.find((c) => zh[c] === given) ?? given;
}

/** `contacted (已联系), awaiting_reply (等待回复), …` */
function choices(codes: readonly string[], zh: Readonly<Record<string, string>>): string {
  return codes.map((c) => (zh[c] ? `${c} (${zh[c]})` : c)).join(', ');
}

function fileList(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

/** What the order facts of a review need: closed orders are left out, earlier orders counted by payment time. */
const REVIEWS_ORDER_NEEDS: ReadonlySet<string> = new Set(['status', 'paidAt']);

/** The order facts, and the receiver names of each wanted order (to mask them in free text). */
interface LoadedOrders {
  facts: Map<string, OrderFacts>;
  receivers: Map<string, Set<string>>;
}

/** The buyers the reviews name (not masked): their payment history is kept as the exports stream by. */
function namedBuyers(reviews: Review[]): Set<string> {
  const out = new Set<string>();
  for (const r of reviews) {
    const b = namedBuyer(r.buyer);
    if (b !== undefined) out.add(b);
  }
  return out;
}

/** The records an order read from the exports gives: the order, and each line under another id. */
function* recordsOf(o: Order): Generator<OrderLike> {
  // The shop's name as the export writes it (店铺名称; not the 店铺Id): a message greets with it.
  const shopName = o.shopName ?? (o.shopByName ? o.shop : undefined);
  yield { orderId: o.orderId, parentOrderId: o.parentOrderId, buyer: o.buyer, paidAt: o.paidAt, paidAmount: o.paidAmount, status: o.status, platform: o.platform, shopName, title: o.title };
  // An export of lines under the order's id (抖店: 主订单编号, each line its 子订单编号): a review
  // may name a line, as the platform's review list does. It joins to that line, as a 订单报表's
  // sub-order does (its own amount, the buyer; the order's payment time when the line has none).
  for (const l of o.subOrders ?? []) {
    if (l.lineId === null || l.lineId === o.orderId) continue;
    yield { orderId: l.lineId, parentOrderId: o.orderId, buyer: l.buyer || o.buyer, paidAt: l.paidAt ?? o.paidAt, paidAmount: l.paidAmount, status: l.status, platform: o.platform, shopName, title: l.title };
  }
}

/** A context that says nothing: the second read of the same exports (its rows were reported by the first). */
function silentCtx(ctx: Ctx): Ctx {
  const sink = new Writable({ write: (_c, _e, done) => done() });
  return {
    ...ctx,
    io: { ...ctx.io, stderr: sink },
    quiet: true,
    strict: false,
    rejects: undefined,
    duplicates: undefined,
    duplicatesFirst: undefined,
    warn: () => {},
    info: () => {},
    attention: () => {},
  };
}

/**
 * `alsoNames`: orders whose receiver names are wanted though their facts are not (the rejected
 * review rows that name them, masked with those names). `buyers`: the buyers the reviews name,
 * whose payment history (earlierOrders) is kept as the exports stream by.
 *
 * Memory: only the lines of the orders the reviews name are held, with the payment history of
 * their buyers (before, every line of the exports was: 587 MB peak for 1,000,000 orders and five
 * reviews). A named order whose buyer the reviews do not name (抖店 reviews have no buyer column; a
 * masked nick t**1) needs that buyer's earlier orders, read before the order was: the exports are
 * read a second time, silently, for those buyers' history alone. Standard input cannot be read
 * twice: then every buyer's history is held, as before (one time per order, not the lines).
 */
async function loadOrderFacts(ctx: Ctx, files: string[], rejects: RejectLog, wanted: Set<string>, alsoNames: ReadonlySet<string> = new Set(), buyers: ReadonlySet<string> = new Set()): Promise<LoadedOrders | null> {
  if (files.length === 0) return null;
  const { readOrderBatches } = await import('../orders/read.js');
  const collector = new FactsCollector(wanted, files.includes('-') ? 'all' : buyers);
  const receivers = new Map<string, Set<string>>();
  const addReceiver = (id: string, name: string) => {
    let s = receivers.get(id);
    if (!s) receivers.set(id, (s = new Set()));
    s.add(name);
  };
  const options = { needs: { fields: REVIEWS_ORDER_NEEDS, command: 'reviews' }, allLines: true };
  for await (const batch of readOrderBatches(ctx, files, rejects, options)) for (const o of batch) {
    // A review names the order or one of its sub-orders: the receiver goes with both ids.
    const named = (id: string | null) => id !== null && (wanted.has(id) || alsoNames.has(id));
    if (o.receiver !== '' && (named(o.orderId) || named(o.parentOrderId))) {
      addReceiver(o.orderId, o.receiver);
      if (o.parentOrderId !== null) addReceiver(o.parentOrderId, o.receiver);
    }
    for (const r of recordsOf(o)) collector.add(r);
    // A line named by its own id (抖店 子订单编号): its receiver, the line's or the order's.
    for (const l of o.subOrders ?? []) {
      if (l.lineId === null || l.lineId === o.orderId) continue;
      const receiver = l.receiver || o.receiver;
      if (receiver !== '' && named(l.lineId)) addReceiver(l.lineId, receiver);
    }
  }
  const missed = collector.missedBuyers();
  if (missed.size > 0) {
    collector.forget(missed);
    const quiet = silentCtx(ctx);
    for await (const batch of readOrderBatches(quiet, files, new RejectLog(quiet), options)) for (const o of batch) for (const r of recordsOf(o)) collector.addHistory(r, missed);
  }
  const facts = collector.facts();
  // An order's title fills the queue's title of a review row that has none: masked as compensate
  // --at-risk masks a title (a phone or address by its look, the order's receiver by name).
  if (!ctx.showPii) for (const [id, f] of facts) if (f.title) facts.set(id, { ...f, title: maskNamesIn(scrubPii(f.title), receivers.get(id) ?? []) });
  return { facts, receivers };
}

/** Free text of an order as it may be shown: see scrubFreeText (README, Privacy). */
function shownText(ctx: Ctx, text: string, receivers: Map<string, Set<string>> | undefined, orderId: string): string {
  return ctx.showPii ? text : scrubFreeText(text, receivers?.get(orderId) ?? []);
}

/**
 * docs/rules.md §2.3: a review dated without its time of day (`2026-11-20`, an xlsx date cell) is
 * any second of that day, so the queue shows the date alone (`2026-11-20`, in JSON too), never a
 * guessed 00:00:00; one without seconds (an Excel re-save, `2026/11/20 9:59`, §1.7) is shown to the
 * minute (`2026-11-20 09:59`, JSON `2026-11-20T09:59+08:00`), as a message's {reviewedAt} is; the
 * deadlines and the order still count from its earliest time, as before.
 */
function shownReviewedAt(ctx: Ctx, i: QueueItem, json: boolean): number | string {
  const slack = i.reviewedAtSlack ?? 0;
  if (slack >= HOUR_MS) return ctx.tz.date(i.reviewedAt);
  if (slack === 0) return i.reviewedAt;
  if (!json) return ctx.tz.format(i.reviewedAt).slice(0, 16);
  const iso = ctx.tz.iso(i.reviewedAt);
  return iso.slice(0, 16) + iso.slice(19);
}

async function openStateDb(ctx: Ctx, create: boolean): Promise<StateDb> {
  const { emptyFile, openState } = await import('../state/ledger.js');
  // The queue reads an empty file (0 bytes, or 1) as no database, yet storeops never leaves one empty:
  // a ledger cut short, its contacts lost. Said, as ledger list says it (guard43): a buyer who asked
  // not to be contacted read as never contacted, with a time to contact them (RULES 2.2, rev44).
  // A run that writes (reviews log) is refused by openState (emptyStateError).
  if (!create && emptyFile(path.resolve(ctx.statePath))) {
    const why = (await import('../state/fail.js')).emptyStateWhy(fs.statSync(ctx.statePath).size);
    const file = path.resolve(ctx.statePath);
    ctx.warn(
      msg(
        `状态数据库 ${file} ${why.zh}; 其中记录的联系 (勿再联系、联系次数、上次联系) 都不知道, 所有买家都显示为从未联系过: 恢复之前不要联系任何买家`,
        `the state database ${file}: ${why.en}; the contacts recorded in it (do_not_contact, attempts, last contact) are not known, so every buyer reads as never contacted: restore it before contacting anyone`,
      ),
    );
  }
  return openState(ctx.statePath, { create });
}

interface Built {
  items: QueueItem[];
  /**
   * `reviews message` (build's onlyOrder): the reviews held, the flagged ones and the order's own;
   * the queue with an alert to send (keepReviews: the alert names each item's shop from its row).
   * Undefined otherwise, the queue only counting them (`held`): kept, a 1M-review run's 52,000 flagged
   * reviews stayed alive through the writing for that count (~13 MB).
   */
  reviews?: Review[];
  /** How many reviews were held (the flagged ones, and for message the order's own). */
  held: number;
  /** Reviews read (after duplicates), held or not. */
  read: number;
  duplicates: number;
  rows: number;
  cfg: ReviewsConfig;
  rejects: RejectLog;
  /** Rows rejected, by the file they come from (the summary counts each apart). */
  rejected: { reviews: number; orders: number; roster: number };
  matchedOrders: number | null;
  roster?: RosterOnShift;
  /** Receiver names per order id, from --orders (masked in the review text). */
  receivers?: Map<string, Set<string>>;
  /** The title column's zh header: titleHeader. */
  titleZh: string;
  /** The order facts from `--orders` (null without it): the platform and 店铺名称 a message goes by. */
  orders: Map<string, OrderFacts> | null;
}

/**
 * The queue's title header in zh output: 宝贝标题 for Taobao/Tmall items, 商品名称 for 抖店 and 拼多多 ones
 * (their exports and seller centres say 商品: FORMATS.md 抖店 商品评论 `商品名称`), 宝贝标题/商品名称 for a run
 * of both. An item's platform is its order's (`--orders`), else what its review row tells (Review.itemWord);
 * with no flagged review telling, what the files tell, so a shop's header does not change from run to run;
 * 宝贝标题 when nothing does (storeops' own review csv, FORMATS.md). Until text43 every queue said 宝贝标题.
 */
function titleHeader(reviews: readonly Review[], orders: ReadonlyMap<string, OrderFacts> | null, fileWords: ReadonlySet<ItemWord>): string {
  const words = new Set<ItemWord>();
  for (const r of reviews) {
    const p = orders?.get(r.orderId)?.platform;
    const w = p !== undefined ? (p === 'taobao' ? '宝贝' : '商品') : r.itemWord;
    if (w) words.add(w);
  }
  const seen = words.size > 0 ? words : fileWords;
  if (!seen.has('商品')) return '宝贝标题';
  return seen.has('宝贝') ? '宝贝标题/商品名称' : '商品名称';
}

/** What to do when `-` is given twice (reviews and --orders, or --roster): it had no hint. */
const STDIN_ONCE_HINT = msg(
  '只有一个文件能从标准输入读取: 其余的写出文件名 (例如 --orders ExportOrderList202611.csv)。',
  'only one of the files can come from standard input: name the others (e.g. --orders ExportOrderList202611.csv).',
);

async function build(ctx: Ctx, files: string[], opts: Record<string, unknown>, onlyOrder?: string, keepReviews = false): Promise<Built> {
  if (files.length === 0) {
    throw new UsageError(msg('没有给出评价文件', 'no review file given'), msg('例如: storeops reviews queue reviews.csv', 'for example: storeops reviews queue reviews.csv'));
  }
  if (files.filter((f) => f === '-').length + fileList(opts.orders).filter((f) => f === '-').length + (opts.roster === '-' ? 1 : 0) > 1) {
    throw new UsageError(msg('标准输入 (-) 只能用一次', 'standard input (-) can be used only once'), STDIN_ONCE_HINT);
  }
  const cfg = loadReviewsConfig(ctx, { maxAttempts: opts.maxAttempts, quietHours: opts.quietHours, messageLang: opts.messageLang, safetyContact: opts.safetyContact });
  // The state database is read after the reviews and orders: one that cannot be opened is told first.
  await (await import('../state/ledger.js')).checkState(ctx.statePath, { write: false });
  const rejects = new RejectLog(ctx);
  if (onlyOrder !== undefined) rejects.watch(onlyOrder);
  try {
    // Only flagged reviews are held (classify is pure and cheap; buildQueue classifies them again).
    // `reviews message` for one order keeps them too: the contact limits count per buyer, across
    // all their reviews (a buyer who said stop about another review is not to be contacted).
    const keep = onlyOrder !== undefined ? (r: Review) => r.orderId === onlyOrder || needsFollowUp(r, cfg.matchers) : (r: Review) => needsFollowUp(r, cfg.matchers);
    // Rejected review rows wait for the order exports: the receiver names they may hold are masked.
    const orderFiles = fileList(opts.orders);
    if (orderFiles.length > 0) rejects.hold();
    const { reviews, duplicates, rows, read, versions, duplicateRows, itemWords } = await readReviews(ctx, files, rejects, keep);
    // The one RejectLog holds the review rows', the order exports' and the roster's rejections: the
    // summary's "rejected" counts each apart, so that rows = read + rejected holds for the reviews
    // (an order row rejected was said as "reviews: 12 rows, 12 read, 1 rejected").
    const reviewRejected = rejects.count + rejects.pending;
    rejects.stopHolding();
    ctx.duplicatesFirst = duplicateRows;
    if (duplicates > 0 && !ctx.duplicates && !ctx.quiet) ctx.io.stderr.write(say(msg(`storeops: 用 --duplicates <文件> 列出全部 ${duplicates} 条重复评价`, `storeops: use --duplicates <file> to list ${duplicates === 1 ? 'the duplicate review' : `the ${duplicates} duplicate reviews`}`), ctx.lang) + '\n');
    // SPEC: duplicate order ids across files are reported once and counted.
    if (versions.length > 0) {
      const ids = versions.slice(0, 5).join(', ') + (versions.length > 5 ? ' …' : '');
      ctx.warn(
        msg(
          `${versions.length} 条评价在输入里出现了不同版本 (下载时间重叠, 例如后来加了追评): ${ids}; 每条只列一次, 用最完整的版本 (有最新追评的)`,
          `${versions.length === 1 ? '1 review appears' : `${versions.length} reviews appear`} in more than one version (overlapping downloads, say with a 追评 added later): ${ids}; each is listed once, from its most complete version (the one with the latest 追评)`,
        ),
      );
    }
    const wanted = new Set(reviews.map((r) => r.orderId));
    const loaded = await loadOrderFacts(ctx, orderFiles, rejects, wanted, new Set(rejects.heldOrderIds()), namedBuyers(reviews));
    await rejects.release((id) => loaded?.receivers.get(id) ?? []);
    const orders = loaded?.facts ?? null;
    await writeDuplicatesFirst(ctx);
    // The roster's unusable rows share the one RejectLog (one --rejects file for the run).
    const orderRejected = rejects.count - reviewRejected;
    const roster = typeof opts.roster === 'string' ? await readOnShift(ctx, opts.roster, rejects) : undefined;
    const rosterRejected = rejects.count - reviewRejected - orderRejected;
    await rejects.finish();
    // Every review row was rejected: the input is unusable (exit 3, as for orders and zhenjian),
    // not "nothing to follow up". The rejected rows are reported above (and in --rejects).
    if (rows > 0 && read === 0 && duplicates === 0) {
      const first = rejects.first[0];
      const where = first ? `${first.file}:${first.line}: ${say(first.reason, 'zh')}` : '';
      const whereEn = first ? `${first.file}:${first.line}: ${say(first.reason, 'en')}` : '';
      throw new InputError(
        msg(`全部 ${rows} 行评价都被拒绝, 没有可用的评价, 无法列出跟进队列。第一条: ${where}`, `all ${rows} review row(s) were rejected; there is no usable review, so no follow-up queue can be made. First: ${whereEn}`),
        rejects.unusableHint(),
      );
    }
    // RULES 2.2: the queue only reads the state; a missing database means "no contacts yet".
    const db = await openStateDb(ctx, false);
    let stored;
    try {
      const buyerOf = new Map(reviews.map((r) => [r.orderId, r.buyer || (orders?.get(r.orderId)?.buyer ?? '')]));
      stored = contactsWithBuyers(db, [...wanted], (id) => buyerOf.get(id));
    } finally {
      db.close();
    }
    const { contacts, storedOrders } = stored;
    const items = buildQueue(reviews, {
      matchers: cfg.matchers,
      settings: cfg.settings,
      thresholds: cfg.thresholds,
      goodwill: cfg.goodwill,
      serialNegativeAt: cfg.serialNegativeAt,
      asOf: ctx.asOf,
      tz: ctx.tz,
      contacts,
      storedOrders,
      orders,
      includeResolved: Boolean(opts.all),
    });
    const matchedOrders = orders ? reviews.filter((r) => orders.has(r.orderId)).length : null;
    // A review written after --as-of (a past --as-of on a newer file): the queue is as of a time
    // before it existed, so "contact now" and its deadlines are not what they seem. Said, not hidden.
    let later = 0;
    for (const r of reviews) if (r.reviewedAt > ctx.asOf) later++;
    if (later > 0 && ctx.asOfGiven !== false) {
      const at = moment(ctx, ctx.asOf);
      ctx.warn(
        msg(
          `${later} 条需跟进的评价的评价时间晚于 --as-of (${at.zh}): 队列按评价之前的时刻计算, 它们的动作和期限以评价时间为准; 要看现在的队列, 去掉 --as-of 或设为更晚的时间`,
          `${plural(later, 'review')} to follow up ${later === 1 ? 'was' : 'were'} written after --as-of (${at.en}): the queue is as of a time before ${later === 1 ? 'it' : 'them'}, and ${later === 1 ? 'its' : 'their'} actions and deadlines count from the review time; for the queue as of now, leave --as-of out or set it later`,
        ),
      );
    } else if (later > 0) {
      // No --as-of: "now" is this computer's clock, and a review dated after it (within the day a
      // time may lie ahead) says the clock is behind. Until 2026-12 this said "after --as-of" and to
      // leave out an --as-of never given, with a Beijing time unnamed (user26: a Los Angeles server).
      const c = clockShown(ctx.tz, ctx.asOf);
      ctx.warn(
        msg(
          `${later} 条需跟进的评价的评价时间晚于现在 (${c.zh}${c.mine ? `; ${c.mine.zh}` : ''}): 队列按评价之前的时刻计算, 它们的动作和期限以评价时间为准; 若本机时钟慢了, 请校准 (date、timedatectl 或 NTP)`,
          `${plural(later, 'review')} to follow up ${later === 1 ? 'was' : 'were'} written after now (${c.en}${c.mine ? `; ${c.mine.en}` : ''}): the queue is as of a time before ${later === 1 ? 'it' : 'them'}, and ${later === 1 ? 'its' : 'their'} actions and deadlines count from the review time; if this computer's clock is behind, set it (date, timedatectl or NTP)`,
        ),
      );
    }
    const titleZh = titleHeader(reviews, orders, itemWords);
    return { items, reviews: onlyOrder !== undefined || keepReviews ? reviews : undefined, held: reviews.length, read, duplicates, rows, cfg, rejects, rejected: { reviews: reviewRejected, orders: orderRejected, roster: rosterRejected }, matchedOrders, roster, receivers: loaded?.receivers, titleZh, orders };
  } catch (e) {
    await rejects.abort();
    throw e;
  }
}

/**
 * A shift time (Beijing) as --tz shows it, its zone named, with the Beijing time when that differs:
 * `北京时间 17:30` / `17:30 Beijing time`, under --tz America/Los_Angeles `America/Los_Angeles
 * 2026-11-19 01:30 (北京时间 17:30)` / `2026-11-19 01:30 America/Los_Angeles (17:30 Beijing time)`.
 * Until 2026-12 the default said `17:30` alone, and an operator on a machine in another zone could not
 * tell whose 17:30 it was (docs/rules.md §2.4, "Every clock time these notes show names its zone").
 */
function clock(ctx: Ctx, t: number): { zh: string; en: string } {
  const here = ctx.tz.format(t);
  const beijing = PLATFORM_TZ.format(t);
  const z = zoneWords(ctx.tz);
  if (here === beijing) return { zh: `${z.zh} ${here.slice(11, 16)}`, en: `${here.slice(11, 16)} ${z.en}` };
  return { zh: `${z.zh} ${here.slice(0, 16)} (北京时间 ${beijing.slice(11, 16)})`, en: `${here.slice(0, 16)} ${z.en} (${beijing.slice(11, 16)} Beijing time)` };
}

/** A moment (--as-of, a contact time) as --tz shows it, its zone named: `北京时间 2026-11-20 10:00:00` / `2026-11-20 10:00:00 Beijing time`. */
function moment(ctx: Ctx, t: number): { zh: string; en: string } {
  const z = zoneWords(ctx.tz);
  const at = ctx.tz.format(t);
  return { zh: `${z.zh} ${at}`, en: `${at} ${z.en}` };
}

function assignRoster(ctx: Ctx, items: QueueItem[], roster: RosterOnShift | undefined, minShiftLeftMinutes: number): void {
  if (!roster) return;
  const { name, shifts, problems, days } = roster;
  // An unreadable code leaves that day out; times that disagree give way to the shift definition.
  for (const p of problems.slice(0, 5)) {
    const then = p.rule === 'unknown-shift' ? msg('已跳过', 'skipped') : msg('按班次定义计算', 'the shift definition is used');
    ctx.warn(msg(`${name}: ${p.detail.zh}, ${then.zh}`, `${name}: ${p.detail.en}, ${then.en}`));
  }
  if (problems.length > 5) ctx.warn(msg(`班表另有 ${problems.length - 5} 处问题`, `${problems.length - 5} more roster problems`));
  const minLeft = minShiftLeftMinutes * 60_000;
  // Only items with something to do are handed out; the rest stay unassigned. One buyer goes to
  // one agent (RULES 2.2: one conversation, not two agents each within the limits): buyers are
  // handed out in the order of their most urgent item.
  const open = items.filter((i) => i.action !== 'none' && i.action !== 'await_complaint');
  const firstOf = new Map<string, QueueItem>();
  for (const i of open) if (!firstOf.has(i.buyerKey)) firstOf.set(i.buyerKey, i);
  // docs/rules.md §2.4: a review goes to an agent who is there for the conversation it starts, at
  // the time it can start: a buyer who may be contacted only later (quiet hours, the gap between
  // contacts: contact_later) goes to those on shift then; when the roster has nobody then, to those now.
  const now = handout(shifts, ctx.asOf, minLeft);
  const later = new Map<number, ReturnType<typeof handout>>();
  const poolOf = new Map<string, ReturnType<typeof handout>>();
  let usesNow = false;
  for (const [buyer, i] of firstOf) {
    const at = i.action === 'contact_later' && i.nextContactAt !== null && i.nextContactAt > ctx.asOf ? i.nextContactAt : ctx.asOf;
    let h = now;
    if (at !== ctx.asOf) {
      if (!later.has(at)) later.set(at, handout(shifts, at, minLeft));
      h = later.get(at)!;
      if (h.kind === 'none') h = now;
    }
    if (h === now) usesNow = true;
    poolOf.set(buyer, h);
  }
  if (usesNow) sayHandout(ctx, now, minShiftLeftMinutes, name, days);
  for (const [at, h] of [...later].sort((a, b) => a[0] - b[0])) {
    if (h.kind === 'none' || ![...poolOf.values()].includes(h)) continue;
    // Who they go to as handout chose them (docs/rules.md §2.4): at 08:00 nobody is on shift and the
    // day agent starting at 09:00 takes them; it said "on shift then" of an agent not yet there.
    const who =
      h.kind === 'arriving'
        ? ((a) => msg(`分给 ${a.zh}`, `go to ${a.en}`))(arrivingAgents(ctx, h))
        : h.kind === 'leaving'
          ? msg(`分给那时在班最久的 ${h.agents.join(', ')} (${clock(ctx, h.at!).zh} 下班; 未完成的请交接)`, `go to ${h.agents.join(', ')}, on shift the longest then (until ${clock(ctx, h.at!).en}; hand over what is not finished)`)
          : msg(`分给那时在班的 ${h.agents.join(', ')}`, `go to those on shift then: ${h.agents.join(', ')}`);
    ctx.info(
      noteLine(msg(
        `${moment(ctx, at).zh} 之后才可联系的买家 (安静时段或两次联系的间隔) ${who.zh}`,
        `buyers who may be contacted only from ${moment(ctx, at).en} (quiet hours or the gap between contacts) ${who.en}`,
      )),
    );
  }
  // Each buyer to the least loaded agent of their pool (ties: name order), one load count for all.
  const load = new Map<string, number>();
  const agentOf = new Map<string, string>();
  for (const [buyer, h] of poolOf) {
    let best = '';
    let min = Infinity;
    for (const a of h.agents) {
      const n = load.get(a) ?? 0;
      if (n < min) {
        min = n;
        best = a;
      }
    }
    if (best) load.set(best, min + 1);
    agentOf.set(buyer, best);
  }
  for (const i of open) i.assignee = agentOf.get(i.buyerKey) ?? '';
}

/**
 * The agents an `arriving` handout names, each with the start of their shift: one start for all
 * (`小李, on shift from 09:00` / `09:00 起上班的 小李`), or each their own when they differ (`小李 (on
 * shift from 09:00), 小王 (on shift from 10:00)` / `09:00 起上班的 小李, 10:00 起上班的 小王`).
 */
function arrivingAgents(ctx: Ctx, h: ReturnType<typeof handout>): { zh: string; en: string } {
  const starts = h.starts ?? h.agents.map((agent) => ({ agent, start: h.at! }));
  if (starts.every((s) => s.start === starts[0]!.start)) {
    const t = clock(ctx, starts[0]!.start);
    return { zh: `${t.zh} 起上班的 ${h.agents.join(', ')}`, en: `${h.agents.join(', ')}, on shift from ${t.en}` };
  }
  return {
    zh: starts.map((s) => `${clock(ctx, s.start).zh} 起上班的 ${s.agent}`).join(', '),
    en: starts.map((s) => `${s.agent} (on shift from ${clock(ctx, s.start).en})`).join(', '),
  };
}

/** What the run says about who takes the reviews that can be started now (docs/rules.md §2.4). */
function sayHandout(ctx: Ctx, h: ReturnType<typeof handout>, minShiftLeftMinutes: number, name: string, days: string[]): void {
  const agents = h.agents;
  // A roster of another month (last month's file in a cron job on the 1st) names nobody because
  // it does not reach the day, not because nobody works then: say so, and which days it has.
  const w = PLATFORM_TZ.wall(ctx.asOf);
  const today = `${w.y}-${String(w.mo).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
  // Only a day outside the dates it covers: a roster that lists working days alone has no line for
  // a day inside its span when nobody works (a Sunday the shop is closed), and that is "nobody is on shift".
  if (h.kind === 'none' && (days.length === 0 || today < days[0]! || today > days[days.length - 1]!)) {
    const span = days.length === 0 ? msg('没有任何带日期的一天', 'no dated day at all') : msg(`只有 ${days[0]} 至 ${days[days.length - 1]}`, `it covers ${days[0]} to ${days[days.length - 1]}`);
    ctx.warn(
      msg(
        `班表 ${name} 里没有 ${today} (北京时间) 这一天 (${span.zh}), 未分配; 请用包含这一天的班表`,
        `the roster ${name} has no ${today} (Beijing time; ${span.en}), so nothing was assigned: give a roster that has this day`,
      ),
    );
    return;
  }
  if (h.kind === 'none') {
    ctx.warn(
      msg(`${moment(ctx, ctx.asOf).zh} 班表里没有人在班, 未分配`, `nobody is on shift at ${moment(ctx, ctx.asOf).en} in the roster, so nothing was assigned`),
    );
    return;
  }
  const names = (xs: { agent: string; end: number }[]) => xs.map((x) => `${x.agent} ${clock(ctx, x.end).zh}`).join(', ');
  const namesEn = (xs: { agent: string; end: number }[]) => xs.map((x) => `${x.agent} ${clock(ctx, x.end).en}`).join(', ');
  if (h.kind === 'staying' && h.ending.length > 0) {
    ctx.info(
      noteLine(msg(
        `班次剩余不足 ${minShiftLeftMinutes} 分钟的客服不分配新评价: ${names(h.ending)} 下班`,
        `agents with less than ${minShiftLeftMinutes} min of their shift left get no new reviews: ${namesEn(h.ending)} (end of shift)`,
      )),
    );
  } else if (h.kind === 'arriving') {
    const arriving = arrivingAgents(ctx, h);
    const now = h.ending.length > 0 ? msg(`在班的客服即将下班: ${names(h.ending)}`, `those on shift leave soon: ${namesEn(h.ending)}`) : msg('现在没有人在班', 'nobody is on shift now');
    ctx.warn(
      msg(
        `${moment(ctx, ctx.asOf).zh} 没有班次剩余 ${minShiftLeftMinutes} 分钟以上的客服 (${now.zh}): 分配给 ${arriving.zh}`,
        `at ${moment(ctx, ctx.asOf).en} nobody has ${minShiftLeftMinutes} min of their shift left (${now.en}): assigned to ${arriving.en}`,
      ),
    );
  } else if (h.kind === 'leaving') {
    ctx.warn(
      msg(
        `${moment(ctx, ctx.asOf).zh} 没有班次剩余 ${minShiftLeftMinutes} 分钟以上的客服, ${minShiftLeftMinutes} 分钟内也没有人上班: 分配给在班最久的 ${agents.join(', ')} (${clock(ctx, h.at!).zh} 下班); 未完成的请交接给下一班`,
        `at ${moment(ctx, ctx.asOf).en} nobody has ${minShiftLeftMinutes} min of their shift left and nobody starts within ${minShiftLeftMinutes} min: assigned to ${agents.join(', ')}, on shift the longest (until ${clock(ctx, h.at!).en}); hand over what is not finished`,
      ),
    );
  }
}

/**
 * The terminal table's short view, in the order an operator acts on it (docs/cli.md, reviews): how
 * urgent, which order, what to do, whether a deadline has passed and which, the contact deadline;
 * then who (buyer, agent), escalation and status. At 80 columns the first block holds the first
 * five (the order id leads each block); at 120 all fit one line. csv/json/xlsx and --wide keep
 * QUEUE_COLUMNS' order and every column.
 */
const TABLE_ORDER = ['priority', 'orderId', 'action', 'overdue', 'contactBy', 'buyer', 'assignee', 'escalate', 'status'];

function tableOrder(ctx: Ctx, columns: Column[]): Column[] {
  if (resolveFormat(ctx) !== 'table' || ctx.wide) return columns;
  const rank = (c: Column) => (c.brief ? TABLE_ORDER.indexOf(c.key) : -1);
  const brief = columns.filter((c) => rank(c) >= 0).sort((a, b) => rank(a) - rank(b));
  return [...brief, ...columns.filter((c) => rank(c) < 0)];
}

export async function runQueue(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  const notifier = notifySetup(ctx, opts);
  // An alert names each item's shop from its review row (below): the flagged reviews are kept then.
  const b = await build(ctx, args, opts, undefined, notifier !== null);
  assignRoster(ctx, b.items, b.roster, b.cfg.minShiftLeftMinutes);
  // SPEC --show-pii: a buyer who writes their phone or address into a review does not have it
  // printed; masked by its look, as in the rejects file (139****0165), unless --show-pii; so is
  // the order's receiver name (from --orders) and a name written after 收货人：.
  // A nick that is (or holds) a phone number is masked as one (shownNick).
  const json = ['json', 'ndjson'].includes(resolveFormat(ctx));
  // Each row as written, one at a time (writeRows takes an iterable): a copy of every item held at
  // once was ~20 MB of a 1M-review run's peak (issue 21, fortieth round).
  const shown = (function* () {
    for (const i of b.items) {
      yield {
        ...i,
        reviewedAt: shownReviewedAt(ctx, i, json),
        ...(ctx.showPii ? {} : { buyer: shownNick(i.buyer), text: shownText(ctx, i.text, b.receivers, i.orderId), followUpText: shownText(ctx, i.followUpText, b.receivers, i.orderId) }),
      };
    }
  })();
  // With --roster the assignee is what the run was for: in the terminal's short view too.
  const queueColumns = QUEUE_COLUMNS.map((c) => (c.key === 'title' ? { ...c, zh: b.titleZh } : c));
  const columns = tableOrder(ctx, b.roster ? queueColumns.map((c) => (c.key === 'assignee' ? { ...c, brief: true, whole: true, short: { zh: '客服', en: 'agent' } } : c)) : queueColumns);
  await writeRows(ctx, columns, shown as unknown as Record<string, unknown>[]);
  const byP = [1, 2, 3, 4, 5].map((p) => b.items.filter((i) => i.priority === p).length);
  const overdue = b.items.filter((i) => i.overdue.length > 0).length;
  const malicious = b.items.filter((i) => i.malicious.length > 0).length;
  // Safety first: these go to the person in charge now, not only into the queue.
  const safety = b.items.filter((i) => i.escalate.includes('safety') && i.status !== 'resolved');
  if (safety.length > 0) {
    const ids = safety.slice(0, 5).map((i) => i.orderId).join(', ') + (safety.length > 5 ? ' …' : '');
    ctx.warn(msg(`${safety.length} 条健康/安全投诉 (优先级 1, 需上报): ${ids}`, `${safety.length} health or safety ${safety.length === 1 ? 'complaint' : 'complaints'} (priority 1, escalate now): ${ids}`));
    if (b.cfg.safetyContact === '') {
      ctx.warn(msg('没有设置安全问题负责人: 在配置 reviews.safetyContact 里写上姓名和电话, 安全投诉的消息要用到', 'no person in charge of safety complaints is set: put a name and phone in config reviews.safetyContact; the safety message needs it'));
    }
  }
  ctx.info(
    msg(
      `评价 ${b.rows} 行, 读入 ${b.read}${b.duplicates ? `, 重复 ${b.duplicates}` : ''}${b.rejected.reviews ? `, 拒绝 ${b.rejected.reviews}` : ''}; 需跟进 ${b.items.length} (优先级 1–5: ${byP.join('/')}), 逾期 ${overdue}, 疑似恶意 ${malicious}` +
        (b.matchedOrders !== null ? `; 被标记的评价关联到订单 ${b.matchedOrders}/${b.held}` : '') +
        (b.rejected.orders ? `; 订单报表拒绝 ${b.rejected.orders} 行` : '') +
        (b.rejected.roster ? `; 班表拒绝 ${b.rejected.roster} 行` : ''),
      `reviews: ${plural(b.rows, 'row')}, ${b.read} read${b.duplicates ? `, ${plural(b.duplicates, 'duplicate')}` : ''}${b.rejected.reviews ? `, ${b.rejected.reviews} rejected` : ''}; ${b.items.length} need follow-up (priority 1–5: ${byP.join('/')}), ${overdue} overdue, ${malicious} possibly malicious` +
        (b.matchedOrders !== null ? `; ${b.matchedOrders}/${b.held} flagged reviews matched to an order` : '') +
        (b.rejected.orders ? `; order exports: ${plural(b.rejected.orders, 'row')} rejected` : '') +
        (b.rejected.roster ? `; roster: ${plural(b.rejected.roster, 'row')} rejected` : ''),
    ),
  );
  if (notifier) {
    // Each item's shop as its message greets the buyer (shopFor): the review row's 店铺名称, the order
    // export's, else its platform for the config's name (notify/run.ts titleShop). Until text45 the
    // title took reviews.shopName whatever the platform.
    const rows = new Map((b.reviews ?? []).map((r) => [`${r.file}\u0000${r.line}`, r]));
    const entries = b.items.map((i) => {
      const review = rows.get(`${i.sourceFile}\u0000${i.sourceLine}`);
      const facts = b.orders?.get(i.orderId);
      const shop = review?.shopName || facts?.shopName;
      const platform = facts?.platform ?? review?.platform;
      return { ...i, ...(shop ? { shop: shownNick(shop) } : {}), ...(platform ? { platform } : {}) };
    });
    await notifier.send((lang) => reviewsNotice(entries, { lang, tz: ctx.tz, asOf: ctx.asOf }));
  }
}

/** Who the buyer of a logged contact is, and which of their orders in this run's files count with it. */
interface LogBuyer {
  /** The buyer's nick, when the files name one (not masked); else undefined. */
  buyer: string | undefined;
  /** The files were given, but this order is in none of them (already warned). */
  notFound: boolean;
  /** Receiver names of the order in --orders (masked in the note shown). */
  receivers: Set<string>;
  /** The order's platform, as the order export or the review row tells; undefined when neither does. */
  platform: Platform | undefined;
}

interface LogBuyers {
  /** Each order of the command, in the order given. */
  of: Map<string, LogBuyer>;
  /** These orders and their buyers' other flagged reviews in the review files. */
  fileOrders: string[];
}

/**
 * RULES 2.2: the contact limits count per buyer. The buyer comes from the review file (`--reviews`)
 * or, when it has no buyer column (抖店), from the order exports (`--orders`), as in the queue; their
 * other flagged reviews in the files count with these orders. Warns for each order in none of the
 * review files. The files are read once for all the orders of the command (`reviews log A B`).
 */
async function logBuyers(ctx: Ctx, orderIds: string[], opts: Record<string, unknown>, cfg: ReviewsConfig): Promise<LogBuyers> {
  const reviewFiles = fileList(opts.reviews);
  const orderFiles = fileList(opts.orders);
  if ([...reviewFiles, ...orderFiles].filter((f) => f === '-').length > 1) {
    throw new UsageError(msg('标准输入 (-) 只能用一次', 'standard input (-) can be used only once'), STDIN_ONCE_HINT);
  }
  const wanted = new Set(orderIds);
  const rejects = new RejectLog(ctx);
  rejects.watch(...orderIds);
  let reviews: Review[] = [];
  let orders: Map<string, OrderFacts> | null = null;
  let receiversOf: Map<string, Set<string>> | undefined;
  try {
    if (orderFiles.length > 0) rejects.hold();
    if (reviewFiles.length > 0) ({ reviews, duplicateRows: ctx.duplicatesFirst } = await readReviews(ctx, reviewFiles, rejects, (r) => wanted.has(r.orderId) || needsFollowUp(r, cfg.matchers)));
    rejects.stopHolding();
    const loaded = await loadOrderFacts(ctx, orderFiles, rejects, new Set([...orderIds, ...reviews.map((r) => r.orderId)]), new Set(rejects.heldOrderIds()), namedBuyers(reviews));
    await rejects.release((id) => loaded?.receivers.get(id) ?? []);
    orders = loaded?.facts ?? null;
    receiversOf = loaded?.receivers;
    await writeDuplicatesFirst(ctx);
    await rejects.finish();
  } catch (e) {
    await rejects.abort();
    throw e;
  }
  const buyerOf = (id: string, nick = '') => nick || (orders?.get(id)?.buyer ?? '');
  const of = new Map<string, LogBuyer>();
  const fileOrders = new Set<string>();
  for (const orderId of orderIds) {
    const mine = reviews.find((r) => r.orderId === orderId);
    const rejected = rejects.watchedRows.get(orderId);
    if (reviewFiles.length > 0 && !mine && rejected !== undefined) {
      // The row is there but was rejected (its reason is on stderr above): not "check the order id".
      ctx.warn(
        msg(
          `订单 ${orderId} 的评价行 (${rejected.file}:${rejected.line}) 被拒绝, 只检查了这个订单的联系记录, 没有检查这位买家的其他评价; 请按拒绝原因改好这一行`,
          `the review of order ${orderId} (${rejected.file}:${rejected.line}) was rejected, so its buyer's other reviews were not checked, only this order's contacts; correct that row as its reason says`,
        ),
      );
      ctx.attention();
    } else if (reviewFiles.length > 0 && !mine) {
      ctx.warn(
        msg(
          `订单 ${orderId} 不在给出的评价文件里: 检查订单编号; 只检查这个订单的联系记录`,
          `order ${orderId} is in none of the review files given: check the order id; only this order's contacts were checked`,
        ),
      );
      ctx.attention();
    }
    const own = buyerOf(orderId, mine?.buyer);
    const key = buyerKey(own, orderId);
    fileOrders.add(orderId);
    for (const r of reviews) if (buyerKey(buyerOf(r.orderId, r.buyer), r.orderId) === key) fileOrders.add(r.orderId);
    of.set(orderId, {
      buyer: namedBuyer(own),
      notFound: reviewFiles.length > 0 && !mine,
      receivers: receiversOf?.get(orderId) ?? new Set<string>(),
      platform: orders?.get(orderId)?.platform ?? mine?.platform,
    });
  }
  return { of, fileOrders: [...fileOrders] };
}

/** A word of a file's name: a review file typed after the order ids (`reviews log 3515… reviews.csv`). */
const FILE_WORD = /\.(csv|tsv|txt|xlsx|xlsm|xls)$/i;

/**
 * The order ids `reviews log` is given: one, or several talked about in one conversation with their
 * buyer (`reviews log A B`, or `A,B` as other lists are written). Each is checked as the one id was;
 * an id given twice is recorded once. A file's name among them goes with --reviews; another word
 * that is no id is most likely the rest of an unquoted --note (`--note 问了 原因`): said so.
 */
function logOrderIds(args: string[]): string[] {
  const files = args.filter((a) => FILE_WORD.test(a.trim()));
  if (files.length > 0) {
    const words = files.map((w) => `"${w}"`).join(', ');
    const given = files.map((w) => (/[\s'"]/.test(w) ? `"${w}"` : w)).join(' ');
    throw new UsageError(
      msg(`${words} 不是订单编号`, `${words} ${files.length > 1 ? 'are' : 'is'} not ${files.length > 1 ? 'order ids' : 'an order id'}`),
      msg(
        `评价表用 --reviews 给出 (可以给几个): storeops reviews log <订单编号...> --reviews ${given}`,
        `review files go with --reviews (one or more): storeops reviews log <orderId...> --reviews ${given}`,
      ),
    );
  }
  const words = args.flatMap((a) => (/[,，、]/.test(a) ? a.split(/[,，、]/).filter((w) => w.trim() !== '') : [a]));
  const ids: string[] = [];
  for (const w of words.length > 0 ? words : ['']) {
    // Full-width digits (６０００…, typed with a Chinese input method) are the same id, and so is the
    // seller centre's ="…" form pasted from its csv (typedOrderId).
    const orderId = typedOrderId(w);
    const idCheck = checkOrderId(orderId);
    if (idCheck !== 'ok') {
      // It said "pass the order id (digits)" to someone who had typed digits (`reviews log 123`): say
      // what an order id looks like, and where to copy it from.
      throw new UsageError(
        typedIdProblem(`"${orderId}"`, idCheck),
        words.length > 1 && idCheck === 'not-an-id'
          ? msg(
              '一次联系涉及的几个订单编号依次写在命令后 (storeops reviews log 3515313147329357901 3515313147329357902 --status contacted); 含空格的值要用引号括起来 (--note "问了 原因")',
              'the order ids of one conversation go one after another (storeops reviews log 3515313147329357901 3515313147329357902 --status contacted); a value holding a space goes in quotes (--note "问了 原因")',
            )
          : msg(
              '从 `storeops reviews queue` 的 订单编号 列或评价表里复制完整的编号, 例如 storeops reviews log 3515313147329357901 --status contacted',
              'copy the whole id from the orderId column of `storeops reviews queue` or from the review file, e.g. storeops reviews log 3515313147329357901 --status contacted',
            ),
      );
    }
    if (!ids.includes(orderId)) ids.push(orderId);
  }
  return ids;
}

/** `A、B` / `A, B`. */
function idList(ids: readonly string[]): { zh: string; en: string } {
  return { zh: ids.join('、'), en: ids.join(', ') };
}

/**
 * The contact histories as they were before the conversation being joined was recorded: its
 * attempts taken out (they were checked, or forced, when it was recorded), so that adding an order
 * to it is checked as that conversation was, and not against itself.
 */
function withoutConversation(histories: Map<string, OrderContacts>, join: { orderId: string; at: number; conversation: number | undefined }): Map<string, OrderContacts> {
  const out = new Map<string, OrderContacts>();
  for (const [id, h] of histories) {
    const times = h.attemptTimes ?? [];
    const convs = h.attemptConversations ?? [];
    const keep = times.map((t, i) => !(join.conversation !== undefined ? convs[i] === join.conversation : id === join.orderId && t === join.at));
    if (keep.every((k) => k)) {
      out.set(id, h);
      continue;
    }
    const attemptTimes = times.filter((_, i) => keep[i]);
    out.set(id, {
      ...h,
      attempts: h.attempts - (times.length - attemptTimes.length),
      attemptTimes,
      attemptConversations: convs.filter((_, i) => keep[i]),
      lastContactAt: attemptTimes.length > 0 ? Math.max(...attemptTimes) : null,
    });
  }
  return out;
}

/** The orders whose attempt was at `t` (the buyer's last contact: the orders it was about). */
function ordersContactedAt(histories: Map<string, OrderContacts>, t: number): string[] {
  return [...histories].filter(([, h]) => (h.attemptTimes ?? []).includes(t)).map(([id]) => id).sort();
}

export async function runLog(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  const orderIds = logOrderIds(args);
  const several = orderIds.length > 1;
  // Missing, it says what it takes: the operator typing `reviews log ID` learns the values here.
  if (opts.status === undefined || String(opts.status).trim() === '') {
    throw new UsageError(
      msg('缺少必需的选项 --status (这次联系的结果)', 'the option --status is required (what came of the contact)'),
      msg(`可用: ${choices(LOG_STATUSES, STATUS_ZH)}; 例如 --status contacted`, `choose one of: ${LOG_STATUSES.join(', ')}; e.g. --status contacted`),
    );
  }
  // The zh label the queue shows (已联系, 旺旺) names the same status or channel as its code.
  const status = codeOf(String(opts.status ?? '').trim(), LOG_STATUSES, STATUS_ZH) as ReviewStatus;
  if (!LOG_STATUSES.includes(status)) {
    throw new UsageError(msg(`--status 无效: "${status}"`, `--status is not valid: "${status}"`), msg(`可用: ${choices(LOG_STATUSES, STATUS_ZH)}`, `choose one of: ${LOG_STATUSES.join(', ')}`));
  }
  const given = opts.channel === undefined ? undefined : codeOf(String(opts.channel).trim().toLowerCase(), CHANNELS, CHANNEL_ZH);
  if (given !== undefined && !CHANNELS.includes(CHANNEL_WORDS[given] ?? given) && CHANNEL_WORDS[given] !== 'chat') {
    throw new UsageError(
      msg(`--channel 无效: "${given}"`, `--channel is not valid: "${given}"`),
      msg(`可用: ${choices(CHANNELS, CHANNEL_ZH)}, 或 chat (订单所在平台的聊天)`, `choose one of: ${CHANNELS.join(', ')}, or chat (the order's own platform's chat)`),
    );
  }
  const cfg = loadReviewsConfig(ctx, { maxAttempts: opts.maxAttempts, quietHours: opts.quietHours });
  // RULES 2.2: the limits count per buyer. The review files (or the order exports) say who the
  // buyer is; the state database holds every contact recorded with that buyer, whatever files the
  // runs read. Without a buyer only these orders' history can be checked.
  // The contact is recorded after --reviews / --orders are read: a database that cannot be opened is told first.
  await (await import('../state/ledger.js')).checkState(ctx.statePath, { write: true });
  const lbs = await logBuyers(ctx, orderIds, opts, cfg);
  const lbOf = (id: string) => lbs.of.get(id)!;
  // A 拼多多 order id (yymmdd-digits) tells its platform without any file.
  const channelOf = new Map(orderIds.map((id) => [id, given === undefined ? undefined : chatChannel(ctx, id, given, lbOf(id).platform ?? (PDD_ID.test(id) ? 'pdd' : undefined))] as const));
  const db = await openStateDb(ctx, true);
  try {
    // A buyer recorded with an order's earlier contacts still names them.
    const recorded = orderContacts(db, orderIds);
    const buyerOfId = new Map(orderIds.map((id) => [id, lbOf(id).buyer ?? namedBuyer(recorded.get(id)?.buyer)] as const));
    // One command is one conversation, with one buyer (README "reviews log"): orders of two buyers
    // are refused, nothing recorded, each order named with its buyer.
    const named = [...new Set([...buyerOfId.values()].filter((b): b is string => b !== undefined))];
    if (named.length > 1) {
      const nick = (b: string) => (ctx.showPii ? b : shownNick(b));
      const whose = orderIds.map((id) => {
        const b = buyerOfId.get(id);
        return b === undefined ? msg(`${id} 的买家不明`, `${id}'s buyer is not known`) : msg(`${id} 是 ${nick(b)} 的`, `${id} is ${nick(b)}'s`);
      });
      const each = orderIds.map((id) => `storeops reviews log ${id} --status ${status}`);
      throw new UsageError(
        msg(
          `订单 ${idList(orderIds).zh} 不是同一位买家的 (${whose.map((w) => w.zh).join('; ')}): 一次联系只能是和一位买家的; 没有记录任何一个`,
          `orders ${idList(orderIds).en} are not one buyer's (${whose.map((w) => w.en).join('; ')}): one contact is with one buyer; none was recorded`,
        ),
        msg(
          `每位买家的订单分别记录, 各自算一次联系: ${each.join('; ')} (加上原来的 --reviews 等选项)`,
          `log each buyer's orders in a command of their own, each a contact: ${each.join('; ')} (with the same --reviews and other options)`,
        ),
      );
    }
    const buyer = named[0];
    if (buyer === undefined && orderIds.some((id) => !lbOf(id).notFound)) {
      ctx.warn(
        fileList(opts.reviews).length === 0 && fileList(opts.orders).length === 0
          ? several
            ? msg(
                '没有给出 --reviews: 只检查这几个订单的联系记录, 没有检查同一买家其他评价的联系 (次数、间隔), 也无法核对它们是否属于同一位买家',
                "no --reviews given: only these orders' contacts were checked, not the buyer's contacts about other reviews (attempts, gap), nor that they are one buyer's",
              )
            : msg(
                '没有给出 --reviews: 只检查这个订单的联系记录, 没有检查同一买家其他评价的联系 (次数、间隔)',
                "no --reviews given: only this order's contacts were checked, not the buyer's contacts about other reviews (attempts, gap)",
              )
          : msg(
              `给出的文件没有写明订单 ${idList(orderIds.filter((id) => !lbOf(id).notFound)).zh} 的买家: 只检查${several ? '这几个' : '这个'}订单的联系记录, 没有检查同一买家其他评价的联系 (次数、间隔)`,
              `the files given do not name the buyer of order ${idList(orderIds.filter((id) => !lbOf(id).notFound)).en}: only ${several ? "these orders'" : "this order's"} contacts were checked, not the buyer's contacts about other reviews (attempts, gap)`,
            ),
      );
    } else if (buyer !== undefined && several) {
      // Some orders' buyer is known, another's is not (no review row, a masked nick): recorded as
      // the operator says, one conversation, that order without a buyer (never guessed).
      const unknown = orderIds.filter((id) => buyerOfId.get(id) === undefined && !lbOf(id).notFound);
      if (unknown.length > 0) {
        ctx.warn(
          msg(
            `给出的文件没有写明订单 ${idList(unknown).zh} 的买家, 无法核对它和其他订单属于同一位买家; 按同一次联系记录`,
            `the files given do not name the buyer of order ${idList(unknown).en}, so that it is the same buyer's as the others could not be checked; recorded as part of the one contact`,
          ),
        );
      }
    }
    const buyerHistories = () => contactsWithBuyers(db, lbs.fileOrders, () => buyer).contacts;
    const who = opts.who === undefined ? undefined : String(opts.who);
    const typedNote = opts.note === undefined ? undefined : String(opts.note);
    const attempt = CONTACT_STATUSES.has(status);
    let note: string | undefined;
    let at = ctx.asOf;
    let toRecord = orderIds;
    let joined: { orderIds: string[]; at: number } | undefined;
    const entry = (orderId: string) => ({ orderId, at, status, channel: channelOf.get(orderId), note, who, buyer: buyerOfId.get(orderId) });
    // The contact rules are checked inside the write transaction: two runs at the same moment
    // cannot both find the buyer free and both record a contact. Waiting for a busy database does
    // not block signals: SIGTERM then ends the run, nothing recorded. All the orders are recorded
    // in that one transaction, or none.
    await db.logContactsWaiting(orderIds.map(entry), () => {
      let histories = buyerHistories();
      at = ctx.asOf;
      toRecord = orderIds;
      joined = undefined;
      let join: { orderId: string; at: number; conversation: number | undefined } | undefined;
      // Orders added to a conversation already recorded (`reviews log A B --as-of <A's contact>`,
      // README): an order of the command has an attempt in the same second as --as-of and another
      // has not: the others join that conversation, still one contact; A is not recorded again.
      if (attempt) {
        const sec = Math.floor(ctx.asOf / 1000);
        const found = new Map<string, { at: number; conversation: number | undefined }>();
        for (const id of orderIds) {
          const h = histories.get(id);
          const i = (h?.attemptTimes ?? []).findIndex((t) => Math.floor(t / 1000) === sec);
          if (h && i >= 0) found.set(id, { at: h.attemptTimes![i]!, conversation: h.attemptConversations?.[i] });
        }
        const conv = [...found.values()];
        const one = conv.length === 1 || (conv.length > 1 && conv[0]!.conversation !== undefined && conv.every((c) => c.conversation === conv[0]!.conversation));
        if (found.size > 0 && found.size < orderIds.length && one) {
          const [firstId, first] = [...found][0]!;
          join = { orderId: firstId, at: first.at, conversation: first.conversation };
          at = first.at;
          toRecord = orderIds.filter((id) => !found.has(id));
          joined = { orderIds: [...found.keys()], at };
          histories = withoutConversation(histories, join);
        }
      }
      const states = orderIds.map((id) => [id, buyerContactState(histories.get(id), [...histories.values()], at, cfg.settings, PLATFORM_TZ)] as const);
      const before = states[0]![1];
      const onOrder = (id: string, m: { zh: string; en: string }) => (several ? msg(`订单 ${id}: ${m.zh}`, `order ${id}: ${m.en}`) : m);
      // RULES 2.2 (恶意骚扰, ruleId 11000254): a contact that breaks the contact rules is refused
      // (exit 2) unless --force says it happened anyway and must be on record. Checked once for
      // the conversation: its orders are one contact with one buyer.
      const broken: { zh: string; en: string }[] = [];
      let gapHint: { zh: string; en: string } | undefined;
      if (attempt) {
        const stopped = states.filter(([, s]) => s.status === 'do_not_contact');
        for (const [id] of stopped) broken.push(onOrder(id, msg('买家要求不再联系 (do_not_contact)', 'the buyer asked not to be contacted (do_not_contact)')));
        if (stopped.length === 0 && states.some(([, s]) => s.blocked === 'do_not_contact')) broken.push(msg('买家在另一条评价上要求不再联系 (do_not_contact)', 'the buyer asked not to be contacted, about another review (do_not_contact)'));
        const used = states.filter(([, s]) => s.attempts >= cfg.settings.maxAttempts);
        for (const [id, s] of used) broken.push(onOrder(id, msg(`已联系 ${s.attempts} 次, 上限 ${cfg.settings.maxAttempts} 次`, `already ${plural(s.attempts, 'attempt')}, the limit is ${cfg.settings.maxAttempts}`)));
        if (used.length === 0 && before.buyerAttempts >= cfg.settings.maxAttempts) {
          const days = cfg.settings.attemptWindowDays;
          broken.push(msg(`这位买家 ${days} 天内已被联系 ${before.buyerAttempts} 次 (含其他评价), 上限 ${cfg.settings.maxAttempts} 次`, `the buyer was contacted ${before.buyerAttempts === 1 ? 'once' : `${before.buyerAttempts} times`} in ${plural(days, 'day')} (other reviews included), the limit is ${cfg.settings.maxAttempts}`));
        }
        const last = before.buyerLastContactAt;
        const gapEnd = last === null ? null : last + cfg.settings.minGapHours * HOUR_MS;
        if (last !== null && gapEnd !== null && at < gapEnd) {
          // The time named is the queue's nextContactAt: a gap that ends in quiet hours (a contact at
          // 21:50 + 4 h = 01:50) allows the next contact only when they end (08:00). Before, this
          // said "allowed from 01:50", a time the rule forbids (RULES 2.2, 恶意骚扰).
          const allowed = afterQuietHours(gapEnd, cfg.settings, PLATFORM_TZ);
          broken.push(
            msg(
              `距上次联系这位买家 (${moment(ctx, last).zh}) 不足 ${cfg.settings.minGapHours} 小时, ${moment(ctx, allowed).zh} 之后才可再联系`,
              `less than ${cfg.settings.minGapHours} h since the buyer was last contacted (${moment(ctx, last).en}); the next contact is allowed from ${moment(ctx, allowed).en}`,
            ),
          );
          // The last contact was about another of the buyer's orders (陈姐: A logged at 14:05, B at
          // 14:06, one chat): B can be added to that contact, one attempt, and next time both ids
          // go in one command. Until 2026-12 only --force was offered, a second attempt counted.
          const lastIds = ordersContactedAt(histories, last);
          const others = orderIds.filter((id) => !lastIds.includes(id));
          if (lastIds.length > 0 && others.length > 0 && !joined) {
            const all = [...lastIds, ...others];
            const files = [
              ...(fileList(opts.reviews).length > 0 ? ['--reviews', ...fileList(opts.reviews)] : []),
              ...(fileList(opts.orders).length > 0 ? ['--orders', ...fileList(opts.orders)] : []),
            ].map((w) => (/[\s'"]/.test(w) ? `"${w}"` : w));
            const tz = ['Asia/Shanghai', 'PRC', 'Asia/Chongqing'].includes(ctx.tz.name) ? '' : ` --tz ${ctx.tz.name}`;
            const add = `storeops reviews log ${all.join(' ')} --status ${status} --as-of "${ctx.tz.format(last)}"${tz}${files.length > 0 ? ' ' + files.join(' ') : ''}`;
            const both = `storeops reviews log ${all.join(' ')} --status contacted`;
            gapHint = msg(
              `若订单 ${idList(others).zh} 是在 ${moment(ctx, last).zh} 与买家的那次联系 (订单 ${idList(lastIds).zh}) 中一起谈的, 把${others.length > 1 ? '它们' : '它'}加入那次联系, 仍算一次: ${add} (订单 ${idList(lastIds).zh} 不会重复记录)。以后一次联系谈到买家的几个订单时, 把编号写在同一条命令里: ${both}。若确实是第二次联系 (例如买家主动找来), 加 --force 记录在案。`,
              `if ${others.length > 1 ? `orders ${idList(others).en} were` : `order ${idList(others).en} was`} talked about in that contact with the buyer at ${moment(ctx, last).en} (${lastIds.length > 1 ? 'orders' : 'order'} ${idList(lastIds).en}), add ${others.length > 1 ? 'them' : 'it'} to that contact, still one: ${add} (${lastIds.length > 1 ? 'orders' : 'order'} ${idList(lastIds).en} ${lastIds.length > 1 ? 'are' : 'is'} not recorded again). Next time one conversation covers several of the buyer's orders, give their ids in one command: ${both}. If this really was a second contact (say the buyer reached out), add --force to put it on record.`,
            );
          }
        }
        if (inQuietHours(at, cfg.settings, PLATFORM_TZ)) {
          // Quiet hours are Beijing time whatever --tz says: name the window and, when --tz shows
          // another wall time, the Beijing one (under --tz America/Los_Angeles it said "15:00:00 is
          // within quiet hours", which reads as wrong against 22:00-08:00).
          const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
          const window = `${hm(cfg.settings.quietStart)}-${hm(cfg.settings.quietEnd)}`;
          const here = ctx.tz.format(at);
          const beijing = PLATFORM_TZ.format(at);
          // The clock's time (no --as-of) on a machine whose clock shows another wall time (a server
          // in Los Angeles at 09:00 is told 01:00): named Beijing time, that clock beside it (user26).
          const c = ctx.asOfGiven === false && here === beijing ? clockShown(PLATFORM_TZ, at) : undefined;
          const when = c?.mine
            ? { zh: `${c.zh} (${c.mine.zh})`, en: `${c.en} (${c.mine.en})` }
            : here === beijing
              ? { zh: here, en: here }
              : { zh: `${here} (北京时间 ${beijing})`, en: `${here} (${beijing} Beijing time)` };
          broken.push(
            msg(
              `${when.zh} 在安静时段内 (北京时间 ${window})`,
              `${when.en} is within quiet hours (${window} Beijing time)`,
            ),
          );
        }
      }
      note = typedNote;
      const ids = idList(orderIds);
      const subject = several ? msg(`订单 ${ids.zh}`, `orders ${ids.en}`) : msg(`订单 ${ids.zh}`, `order ${ids.en}`);
      if (broken.length > 0) {
        const why = { zh: broken.map((b) => b.zh).join('; '), en: broken.map((b) => b.en).join('; ') };
        if (!opts.force) {
          throw new UsageError(
            msg(`${subject.zh}: 不记录这次联系: ${why.zh}`, `${subject.en}: contact not recorded: ${why.en}`),
            gapHint ??
              msg(
                '联系买家前先看 `storeops reviews queue` 的 下次可联系 列。若联系确实已经发生 (例如买家主动找来), 加 --force 记录在案。',
                'check the nextContactAt column of `storeops reviews queue` before contacting. If the contact really happened (say the buyer reached out), add --force to put it on record.',
              ),
          );
        }
        ctx.warn(msg(`${subject.zh}: 按 --force 记录, 尽管 ${why.zh}`, `${subject.en}: recorded because of --force although ${why.en}`));
        // In the run's language, as the note beside it is typed and as ledger list / reviews log show
        // it back (a zh run stored the English text until 2026-12). Kept as text: no reader parses it.
        const forced = ctx.lang === 'zh' ? `[强制记录: ${why.zh}]` : `[forced: ${why.en}]`;
        note = `${forced}${note ? ' ' + note : ''}`;
        ctx.attention();
      }
      return { entries: toRecord.map(entry), ...(join ? { join: { orderId: join.orderId, at: join.at } } : {}) };
    });
    const afterH = buyerHistories();
    const afterOf = (id: string) => buyerContactState(afterH.get(id), [...afterH.values()], at, cfg.settings, PLATFORM_TZ);
    await writeRows(
      ctx,
      [
        { key: 'orderId', zh: '订单编号', en: 'orderId', type: 'id' },
        { key: 'at', zh: '时间', en: 'at', type: 'time' },
        { key: 'status', zh: '状态', en: 'status', labels: STATUS_ZH },
        { key: 'channel', zh: '渠道', en: 'channel', labels: CHANNEL_ZH },
        { key: 'attempts', zh: '联系次数', en: 'attempts', type: 'int' },
        { key: 'nextContactAt', zh: '下次可联系', en: 'nextContactAt', type: 'time' },
        { key: 'note', zh: '备注', en: 'note' },
      ],
      toRecord.map((orderId) => {
        const after = afterOf(orderId);
        return {
          orderId,
          at,
          status,
          channel: channelOf.get(orderId) ?? '',
          attempts: after.attempts,
          nextContactAt: after.nextContactAt,
          note: note === undefined ? '' : ctx.showPii ? note : scrubFreeText(note, lbOf(orderId).receivers),
        };
      }),
    );
    const after = afterOf(toRecord[0]!);
    const blocked = { zh: BLOCKED_ZH[after.blocked ?? ''] ?? after.blocked, en: after.blocked };
    if (!several && !joined) {
      const orderId = orderIds[0]!;
      ctx.info(
        after.nextContactAt === null
          ? msg(`已记录。订单 ${orderId} 不再联系 (${blocked.zh})。`, `recorded. Order ${orderId}: no further contact (${blocked.en}).`)
          : msg(`已记录。订单 ${orderId} 已联系 ${after.attempts}/${cfg.settings.maxAttempts} 次。`, `recorded. Order ${orderId}: ${after.attempts}/${cfg.settings.maxAttempts} attempts used.`),
      );
    } else {
      const rec = idList(toRecord);
      const head = joined
        ? msg(
            `已记录。订单 ${rec.zh} 加入 ${moment(ctx, at).zh} 与买家的那次联系 (订单 ${idList(joined.orderIds).zh}), 仍算一次联系`,
            `recorded. Order ${rec.en} added to the contact with the buyer at ${moment(ctx, at).en} (order ${idList(joined.orderIds).en}), still one contact`,
          )
        : attempt
          ? msg(`已记录。订单 ${rec.zh} 算作与买家的一次联系`, `recorded. Orders ${rec.en}: one contact with the buyer`)
          : msg(`已记录。订单 ${rec.zh}`, `recorded. Orders ${rec.en}`);
      // An outcome's head names the orders alone: "recorded. Orders A, B: no further contact (resolved)."
      const sep = attempt ? '; ' : ': ';
      ctx.info(
        after.nextContactAt === null
          ? msg(`${head.zh}${sep}不再联系 (${blocked.zh})。`, `${head.en}${sep}no further contact (${blocked.en}).`)
          : msg(
              `${head.zh}; 买家已被联系 ${after.buyerAttempts}/${cfg.settings.maxAttempts} 次。`,
              `${head.en}; ${after.buyerAttempts}/${cfg.settings.maxAttempts} of the buyer's attempts used.`,
            ),
      );
    }
  } finally {
    db.close();
  }
}

/**
 * The rule a template's forbidden wording breaks, for the platform the buyer is on (RULES 2.2):
 * Tmall's 评价管理规范 (ruleId 11000225) 第十条 for a Taobao/Tmall shop, with the national rule; for
 * 抖店 and 拼多多 the national 网络反不正当竞争暂行规定 第九条(五) alone, which holds on every platform
 * (RULES.md names no rule of theirs: none is cited). Not known (a review file that does not tell,
 * no --orders): the national rule, and Tmall's for a Tmall shop. Until text44 every shop was told of
 * Tmall's rule.
 */
function reviewRule(platform: Platform | undefined): { zh: string; en: string } {
  const national = msg(
    '《网络反不正当竞争暂行规定》第九条(五) (2024-09-01 起施行, 各平台都适用) 禁止以返现、红包、卡券等好处诱导好评',
    'the national 网络反不正当竞争暂行规定 art. 9(5) (in force 2024-09-01, on every platform) forbids inducing reviews with cash, red packets or vouchers',
  );
  const refuse = msg('storeops 也拒绝要求买家修改/追加/删除评价的用语。', 'storeops also refuses wording that asks a buyer to change, add or remove a review.');
  if (platform === 'taobao') {
    return msg(
      `天猫评价管理规范 (ruleId 11000225) 第十条禁止要求买家修改评价或以好处换取评价, ${national.zh}。`,
      `Tmall's 评价管理规范 (ruleId 11000225) art. 10 forbids asking a buyer to change a review or offering anything for one, and ${national.en}.`,
    );
  }
  if (platform === 'douyin' || platform === 'pdd') return msg(`${national.zh}; ${refuse.zh}`, `${national.en[0]!.toUpperCase()}${national.en.slice(1)}; ${refuse.en}`);
  return msg(
    `${national.zh}; 天猫店另受天猫评价管理规范 (ruleId 11000225) 第十条约束, 不得要求买家修改评价或以好处换取评价。`,
    `${national.en[0]!.toUpperCase()}${national.en.slice(1)}; on Tmall, 评价管理规范 (ruleId 11000225) art. 10 also forbids asking a buyer to change a review or offering anything for one.`,
  );
}

export async function runMessage(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  // Full-width digits (６０００…, typed with a Chinese input method) are the same id, and so is the
  // seller centre's ="…" form pasted from its csv (typedOrderId).
  const orderId = typedOrderId(args[0] ?? '');
  const reviewFiles = fileList(opts.reviews);
  if (reviewFiles.length === 0) {
    throw new UsageError(
      msg('缺少 --reviews <文件>: 消息根据该订单的评价生成', 'missing --reviews <file>: the message is made from the order\'s review'),
      msg('给出该评价所在的评价表 (与 reviews queue 读的相同), 例如: storeops reviews message 3515313147329357901 --reviews reviews.csv', 'give the review file the review is in (the one reviews queue reads), e.g. storeops reviews message 3515313147329357901 --reviews reviews.csv'),
    );
  }
  // An id Excel rounded (3.51531E+18) was said to be "not in the review files": say what it is, as reviews log does.
  if (checkOrderId(orderId) === 'excel-rounded') {
    throw new UsageError(
      typedIdProblem(`"${orderId}"`, 'excel-rounded'),
      msg(
        '从 `storeops reviews queue` 的 订单编号 列或评价表里复制完整的编号, 例如 storeops reviews message 3515313147329357901 --reviews reviews.csv',
        'copy the whole id from the orderId column of `storeops reviews queue` or from the review file, e.g. storeops reviews message 3515313147329357901 --reviews reviews.csv',
      ),
    );
  }
  const b = await build(ctx, reviewFiles, { ...opts, all: true }, orderId);
  const mine = b.items.filter((i) => i.orderId === orderId);
  if (mine.length === 0) {
    const known = b.reviews!.some((r) => r.orderId === orderId);
    // Its row is in the file but was rejected (no review time …): say that, with the reason, not
    // "not in the review files" (user15: the operator was sent to check an id that was right).
    const rejected = known ? undefined : b.rejects.watched;
    if (rejected !== undefined) {
      throw new InputError(
        msg(
          `订单 ${orderId} 的评价行 (${rejected.file}:${rejected.line}) 被拒绝: ${say(rejected.reason, 'zh')}`,
          `the review of order ${orderId} (${rejected.file}:${rejected.line}) was rejected: ${say(rejected.reason, 'en')}`,
        ),
        msg('按拒绝原因改好评价文件的这一行, 再运行这条命令。', 'correct that row of the review file as the reason says, then run this again.'),
      );
    }
    throw new UsageError(
      known
        ? msg(`订单 ${orderId} 的评价不需要跟进`, `the review of order ${orderId} needs no follow-up`)
        : msg(`评价文件里没有订单 ${orderId}`, `order ${orderId} is not in the review files`),
      msg('用 `storeops reviews queue` 查看需要跟进的订单。', 'run `storeops reviews queue` to see the orders that need follow-up.'),
    );
  }
  let operator: { text: string; file: string } | undefined;
  if (typeof opts.template === 'string') {
    try {
      // A file's own line ends (CRLF from Notepad, the final newline) are not part of the message.
      operator = { text: readTextFileSync(opts.template).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\n+$/, ''), file: opts.template };
    } catch (e) {
      throw new InputError(msg(`无法读取模板 ${opts.template}: ${fileProblem(e).zh}`, `cannot read template ${opts.template}: ${fileProblem(e).en}`), msg('检查路径; 模板应是文本文件 (UTF-8 或 GBK)。', 'check the path; a template is a text file (UTF-8 or GBK).'));
    }
    if (operator.text.trim() === '') {
      throw new InputError(msg(`模板 ${opts.template} 是空的: 没有可发送的内容`, `template ${opts.template} is empty: there is nothing to send`), msg('把要发给买家的话写进这个文件, 或不加 --template 使用内置模板。', 'write the message to the buyer into the file, or leave --template out to use the shipped one.'));
    }
  }
  const rows: Record<string, unknown>[] = [];
  for (const item of mine) {
    const id = item.template || 'explain';
    // The shop and platform this buyer is on: the greeting names that shop, and the wording check
    // cites that platform's rule (an operator with a Tmall and a 拼多多 shop runs one config).
    const review = b.reviews!.find((r) => r.file === item.sourceFile && r.line === item.sourceLine);
    const facts = b.orders?.get(item.orderId);
    const platform = facts?.platform ?? review?.platform;
    const shopChoice = shopFor(b.cfg, { platform, reviewShop: review?.shopName, orderShop: facts?.shopName, where: review ? `${review.file}:${review.line}` : undefined });
    const shop = shopChoice.text;
    // Messages go to buyers: their language (--message-lang, default zh), not the operator's.
    const lang = b.cfg.messageLang;
    const text = operator?.text ?? b.cfg.templates[id]?.[lang];
    const source = operator?.file ?? (b.cfg.templatesFile && b.cfg.templatesFile) ?? 'templates/reviews/messages.json';
    if (text === undefined) {
      throw new InputError(msg(`没有模板 "${id}"`, `no template "${id}"`), msg('在 templates/reviews/messages.json 的格式里补上它。', 'add it in the shape of templates/reviews/messages.json.'));
    }
    // RULES 2.2: refuse wording that asks for a review change or offers something for a review.
    const bad = b.cfg.lint.check(text);
    if (bad.length > 0) {
      throw new InputError(
        msg(`模板 ${operator ? source : `"${id}" (${source})`} 含有禁止的用语: "${bad.join('", "')}"`, `template ${operator ? source : `"${id}" (${source})`} contains forbidden wording: "${bad.join('", "')}"`),
        msg(`${reviewRule(platform).zh} 删掉这句话; 补偿只能用于解决买家的问题, 与评价无关。`, `${reviewRule(platform).en} Remove the phrase; goodwill may only fix the buyer's problem, whatever they wrote.`),
      );
    }
    // A safety message names the person to call; never a made-up one.
    if (text.includes('{safetyContact}') && b.cfg.safetyContact === '') {
      throw new UsageError(
        msg(`订单 ${orderId} 是健康/安全投诉, 消息里要写明买家可以直接联系的负责人, 但没有设置`, `order ${orderId} is a health or safety complaint: its message names the person the buyer should call, and none is set`),
        msg(
          '用 --safety-contact "王经理 400-123-4567" 或在配置 reviews.safetyContact 里写上姓名和电话。',
          'pass --safety-contact "Manager Wang 400-123-4567" or set reviews.safetyContact in the config (name and phone).',
        ),
      );
    }
    // A misspelt placeholder stays in the message as typed ({goodwil}元): say which one was meant and
    // that the text is not ready to send (exit 1), rather than only that it "is not replaced".
    for (const p of unknownPlaceholders(text)) {
      const near = closestKey(p, PLACEHOLDERS);
      ctx.warn(
        msg(
          `模板里的 {${p}} 不是已知的占位符, 原样留在消息里: ${near ? `是否想写 {${near}}? ` : ''}改正模板后再发送 (可用: ${PLACEHOLDERS.map((x) => `{${x}}`).join(' ')})`,
          `{${p}} in the template is not a known placeholder and stays in the message as written: ${near ? `did you mean {${near}}? ` : ''}correct the template before sending (known: ${PLACEHOLDERS.map((x) => `{${x}}`).join(' ')})`,
        ),
      );
      ctx.attention();
    }
    // A goodwill of 0.00 (the order's paid amount is 0.00, or an extortion review) would read "offer 0.00 yuan".
    if (text.includes('{goodwill}') && item.goodwill.isZero() && id !== 'complaint-extortion') {
      ctx.warn(msg(`订单 ${orderId}: 补偿金额为 0.00 (订单实付 0.00), 消息里会写"0.00 元"; 发送前删掉那句`, `order ${orderId}: the goodwill is 0.00 (the order paid 0.00), so the message offers "0.00"; remove that sentence before sending`));
    }
    if (id === 'complaint-extortion') {
      ctx.warn(msg(`订单 ${orderId}: 疑似要挟评价; 这段文字是取证和投诉步骤, 不要发给买家; 不提供任何补偿`, `order ${orderId}: an extortion review; this text is the evidence and complaint steps, not a message to the buyer; no goodwill is offered`));
    } else if (item.action === 'post_explanation' || item.action === 'file_complaint' || item.action === 'none' || item.action === 'await_complaint') {
      // The explanation promises the 7-day return only while it runs at --as-of (docs/rules.md §2.1);
      // posted later, that sentence may no longer hold: say until when it does.
      const until =
        text.includes('{returnPromise}') && item.signedAt !== undefined && sevenDayReturnOpen(item.signedAt, ctx.asOf) && sevenDayReturnEnd(item.signedAt) <= item.explainBy
          ? moment(ctx, sevenDayReturnEnd(item.signedAt) - 1000)
          : undefined;
      ctx.warn(
        msg(
          `订单 ${orderId}: 不再联系买家 (${QUEUE_STATUS_ZH[item.status] ?? item.status}, ${ACTION_ZH[item.action] ?? item.action}); 这是公开解释的文字, 请在 ${moment(ctx, item.explainBy).zh} 前发布${until ? `; 文中"七天无理由退货照常有效"只到 ${until.zh} 为止, 之后发布请重新生成` : ''}`,
          `order ${orderId}: no further contact with the buyer (${item.status}, ${item.action}); this is the public explanation text, to post before ${moment(ctx, item.explainBy).en}${until ? `; it says the 7-day no-reason return still applies, which holds until ${until.en}: to post it later, run this again` : ''}`,
        ),
      );
    } else if (item.nextContactAt !== null && item.nextContactAt > ctx.asOf) {
      ctx.warn(msg(`订单 ${orderId}: ${moment(ctx, item.nextContactAt).zh} 之前不要发送`, `order ${orderId}: do not send before ${moment(ctx, item.nextContactAt).en}`));
    }
    // README, Privacy: phone numbers, addresses and receiver names the buyer wrote into the review
    // are masked in the message ({reviewText}) as in the queue, unless --show-pii.
    // So is a nick that is (or holds) a phone number ({buyer}).
    const quoted = ctx.showPii ? item : { ...item, buyer: shownNick(item.buyer), text: shownText(ctx, item.text, b.receivers, item.orderId), followUpText: shownText(ctx, item.followUpText, b.receivers, item.orderId) };
    // What the message promises must hold when it can be sent: at --as-of, or when the contact is
    // next allowed (after quiet hours, the 4 h gap). A 7-day return that ends at midnight is not
    // promised in a message that may go out only at 08:00 the next morning.
    const sendAt = item.nextContactAt !== null && item.nextContactAt > ctx.asOf ? item.nextContactAt : ctx.asOf;
    const message = render(text, quoted, lang, ctx.tz, shop, b.cfg.safetyContact, sendAt, platform);
    // RULES 2.2: what is sent is the filled-in message, so the operator's values that fill it (the
    // shop name, the safety contact) are checked in place too. The buyer's own words ({reviewText},
    // {buyer}, {title}) are blanked: quoting a review is not asking for one.
    const operatorFilled = render(text, { ...item, buyer: ' ', title: ' ', text: '', followUpText: '' }, lang, ctx.tz, shop, b.cfg.safetyContact, sendAt, platform);
    const injected = b.cfg.lint.check(operatorFilled);
    if (injected.length > 0) {
      const from: { zh: string; en: string }[] = [];
      const values: [string, string, { zh: string; en: string }][] = [
        ['shop', shop[lang], shopChoice.from],
        ['safetyContact', b.cfg.safetyContact, opts.safetyContact !== undefined ? msg('--safety-contact', '--safety-contact') : msg('配置 reviews.safetyContact', 'config reviews.safetyContact')],
      ];
      for (const [key, value, where] of values) {
        if (!text.includes(`{${key}}`) || value === '') continue;
        const v = normalizeWording(value).replace(/\s+/g, '');
        const hit = b.cfg.lint.check(value).length > 0 || injected.some((f) => v.includes(f.replace(/\s+/g, '')) || f.replace(/\s+/g, '').includes(v));
        if (hit) from.push(msg(`{${key}} (${where.zh})`, `{${key}} (${where.en})`));
      }
      const whence = from.length > 0 ? { zh: from.map((f) => f.zh).join(', '), en: from.map((f) => f.en).join(', ') } : msg('填入的内容', 'the values filled in');
      throw new InputError(
        msg(
          `订单 ${orderId} 的消息填入内容后含有禁止的用语: "${injected.join('", "')}", 来自 ${whence.zh}`,
          `the message for order ${orderId} contains forbidden wording once filled in: "${injected.join('", "')}", from ${whence.en}`,
        ),
        msg(
          `${reviewRule(platform).zh} 写在店名或负责人一栏里的也算。改正那一项 (只写店名 / 姓名和电话)。`,
          `${reviewRule(platform).en} That holds for what is written into the shop name or the contact too. Correct that value (just the shop name / a name and phone).`,
        ),
      );
    }
    rows.push({ orderId, template: operator ? source : id, action: item.action, message });
  }
  if (ctx.format) {
    await writeRows(
      ctx,
      [
        { key: 'orderId', zh: '订单编号', en: 'orderId', type: 'id' },
        { key: 'template', zh: '模板', en: 'template', labels: TEMPLATE_ZH },
        { key: 'action', zh: '下一步', en: 'action', labels: ACTION_ZH },
        { key: 'message', zh: '消息', en: 'message' },
      ],
      rows,
    );
    return;
  }
  // Without --format the message itself is the data: plain text, ready to paste.
  const sink = openSink(ctx, 'utf8');
  try {
    await sink.write(rows.map((r) => r.message).join('\n\n') + '\n');
    await sink.end();
  } catch (e) {
    await sink.abort();
    throw e;
  }
}
