// Reading review files (FORMATS "Reviews": no official export exists, so storeops defines its own
// columns and accepts the common aliases). csv or xlsx, any encoding, through src/io.
import type { Ctx, DuplicateRow } from '../context.js';
import { InputError, msg } from '../errors.js';
import { BACK_OFFICE } from '../backoffice.js';
import { ZeroedColumn, checkOrderId, cleanCell, fullWidthId, halfWidth, zeroedPast15 } from '../io/cells.js';
import { distinctFiles } from '../io/distinct.js';
import { type RejectLog, shown } from '../io/rejects.js';
import { type FieldSpec, batchesWithLast, cutOffLastRow, openMappedTable, recordFine, usableRecord, sheetNote, titleLinesNote } from '../io/table.js';
import { DAY_MS, EARLIEST_PLAUSIBLE, implausibleTimeReason, latestPlausible, parseTime, refusedTimeReason } from '../time.js';
import type { ItemWord, Rating, Review } from './types.js';
import type { Platform } from '../orders/types.js';
import { dataStdin } from '../io/stdin.js';
import { TrailingSummaries, isSummaryRow } from '../io/summary.js';

/** A reason as reject()'s two texts. */
const zhEn = (m: { zh: string; en: string }) => [m.zh, m.en] as const;

const REVIEW_PRIVATE: ReadonlySet<string> = new Set(['buyer', 'text', 'followUpText']);

export const REVIEW_FIELDS: readonly FieldSpec[] = [
  { key: 'orderId', aliases: ['订单编号', '订单号', '主订单编号', '子订单编号', '订单ID', 'orderId', 'order_id', 'order id', 'tid', 'oid'], required: true },
  { key: 'reviewedAt', aliases: ['评价时间', '评价日期', '评论时间', '初评时间', '初次评价时间', '日期', '初次评价', 'reviewedAt', 'reviewed_at', 'review time', 'created', 'date'], required: true },
  { key: 'rating', aliases: ['评价结果', '评价等级', '评分', '商品评价得分', '评价得分', '星级', '评价类型', 'rating', 'result', 'stars'] },
  { key: 'buyer', aliases: ['买家会员名', '买家昵称', '用户昵称', '买家', '昵称', 'buyer', 'nick', 'buyerNick', 'buyer_nick'] },
  { key: 'text', aliases: ['评价内容', '评论内容', '初评内容', '初次评价内容', '内容', 'text', 'content', 'review'] },
  { key: 'followUpText', aliases: ['追评内容', '追评', '追加评论', '追加评论内容', 'followUpText', 'follow_up_text', 'append content', 'followUp'] },
  { key: 'followUpAt', aliases: ['追评时间', '追加评论时间', 'followUpAt', 'follow_up_at', 'append time'] },
  // When the buyer signed for the parcel: the 7-day no-reason return runs from it (docs/rules.md §2.1).
  // Not 确认收货时间: the buyer may confirm days after signing, which would promise days that are gone.
  { key: 'signedAt', aliases: ['签收时间', '签收日期', '妥投时间', '送达时间', 'signedAt', 'signed_at', 'deliveredAt', 'delivered_at', 'delivery time'] },
  { key: 'title', aliases: ['宝贝标题', '商品名称', '商品标题', '宝贝名称', 'title', 'item', 'product'] },
  // 抖店 商品评论: the variant bought (颜色/尺码), shown after the title.
  { key: 'spec', aliases: ['商品规格', '规格', '宝贝属性', 'sku', 'spec'] },
  // The shop the review was left in, when the file names it (an ERP's sheet of several shops): the
  // message greets the buyer with it (docs/rules.md §2.2, {shop}).
  { key: 'shopName', aliases: ['店铺名称', '店铺名', '店铺', 'shopName', 'shop_name', 'shop'] },
  { key: 'dsrDescription', aliases: ['描述相符', '宝贝与描述相符', '描述相符评分', 'dsrDescription', 'dsr_description'] },
  { key: 'dsrService', aliases: ['服务态度', '卖家的服务态度', '卖家服务态度', '服务态度评分', 'dsrService', 'dsr_service'] },
  { key: 'dsrLogistics', aliases: ['物流服务', '物流服务质量', '物流服务评分', 'dsrLogistics', 'dsr_logistics'] },
];

const WORDS: Record<string, Rating> = {
  好评: 'good',
  中评: 'neutral',
  差评: 'bad',
  正面评价: 'good',
  中性评价: 'neutral',
  负面评价: 'bad',
  good: 'good',
  neutral: 'neutral',
  bad: 'bad',
  positive: 'good',
  negative: 'bad',
};

/** A star count 1–5 from "4", "4.0", "4星", "4分", "四星", "★★★★"; undefined when the text is not one. */
export function parseStars(t: string): number | undefined {
  // Full-width digits (１星, ５．０) typed with a Chinese input method are the same digits.
  const s = halfWidth(t).replace(/\s/g, '');
  if (/^★+☆*$/.test(s)) {
    const n = s.replace(/☆/g, '').length;
    return n >= 1 && n <= 5 ? n : undefined;
  }
  const m = /^([1-5])(?:\.0+)?(?:星|分|stars?)?$/i.exec(s);
  if (m) return Number(m[1]);
  // Written in Chinese numerals, as a shop's own sheet does: 五星, 一星, 三分 (never a bare 五).
  const zh = /^([一二两三四五])(?:星|颗星|分)$/.exec(s);
  return zh ? '一二三四五'.indexOf(zh[1] === '两' ? '二' : zh[1]!) + 1 : undefined;
}

/** 好评/中评/差评, good/neutral/bad, 正面/中性/负面评价, or stars (1–2 bad, 3 neutral, 4–5 good). */
export function parseRating(t: string): Rating | null | undefined {
  if (t === '') return null;
  const w = WORDS[t.toLowerCase()];
  if (w) return w;
  const stars = parseStars(t);
  if (stars === undefined) return undefined;
  return stars <= 2 ? 'bad' : stars === 3 ? 'neutral' : 'good';
}

function titleWithSpec(title: string, spec: string): string {
  if (spec === '') return title;
  return title === '' ? spec : `${title} (${spec})`;
}

/** cyrb53: a fast 53-bit string hash (public domain): kept reviews are indexed by it. */
function hash53(str: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Read review files; bad rows go to the reject log. With `keep`, only the reviews it accepts are
 * held in memory (the queue keeps the flagged ones: memory grows with the follow-up work, not with
 * the file); the others are only counted as read. Exact duplicates (same order, time, text, 追评,
 * title) among the kept reviews are dropped and counted; so are other versions of one review (same
 * order, review time and title: an overlapping download with a 追评 added), keeping the most
 * complete (`versions` lists their order ids); a duplicate of a review that is not kept
 * changes nothing and is counted as read (finding it would mean remembering every row).
 */
export async function readReviews(
  ctx: Ctx,
  files: string[],
  rejects: RejectLog,
  keep?: (r: Review) => boolean,
): Promise<{ reviews: Review[]; duplicates: number; rows: number; read: number; versions: string[]; duplicateRows: DuplicateRow[]; itemWords: Set<ItemWord> }> {
  // What the files call an item (商品 or 宝贝), each as far as it tells: the queue's header when no
  // review is flagged (the header of a shop's csv does not change with what the run flags).
  const itemWords = new Set<ItemWord>();
  const reviews: Review[] = [];
  // Each row dropped as a duplicate, beside the row kept (for --duplicates; as many as `duplicates`).
  const duplicateRows: DuplicateRow[] = [];
  // The rows listed so far as dropped for each kept review: when a more complete version later
  // takes that review's place, they name the version kept in the end, not a row itself dropped.
  const droppedFor = new Map<Review, DuplicateRow[]>();
  const dropped = (d: Review, k: Review) => {
    const row: DuplicateRow = { file: d.file, line: d.line, orderId: d.orderId, keptFile: k.file, keptLine: k.line, lineId: '' };
    duplicateRows.push(row);
    const list = droppedFor.get(k);
    if (list) list.push(row);
    else droppedFor.set(k, [row]);
  };
  const replaced = (before: Review, now: Review) => {
    const rows = droppedFor.get(before);
    if (rows === undefined) return;
    droppedFor.delete(before);
    for (const row of rows) {
      row.keptFile = now.file;
      row.keptLine = now.line;
    }
    const list = droppedFor.get(now);
    if (list) list.push(...rows);
    else droppedFor.set(now, rows);
  };
  // Kept reviews by the hash of their key; a hit is compared field by field, so none is dropped by a collision.
  const kept = new Map<number, Review | Review[]>();
  let duplicates = 0;
  // The same review (order, review time, title) read again with other content: an overlapping
  // download taken after the buyer added a 追评. One version is kept: the one with the latest 追评,
  // else the one read last (the newer download). Indexes into `reviews` by order and title; the
  // order ids, once each. A review time shown without seconds (an Excel re-save: `2026/11/20 5:00`
  // is 05:00:00–05:00:59, docs/rules.md §1.7) is the same time as any second of that minute, so a
  // re-saved copy of a download is the same review, not a second one.
  const byVersion = new Map<string, number[]>();
  const sameTime = (a: Review, b: Review) => {
    const sa = a.reviewedAtSlack ?? 0;
    const sb = b.reviewedAtSlack ?? 0;
    return a.reviewedAt <= b.reviewedAt + sb && b.reviewedAt <= a.reviewedAt + sa;
  };
  const versionOf = (r: Review) => (byVersion.get(`${r.orderId}\u0000${r.title}`) ?? []).find((i) => sameTime(reviews[i]!, r));
  const versions: string[] = [];
  let read = 0;
  // A shop's titles, buyers and rating words repeat: one string each, not one per row.
  const strings = new Map<string, string>();
  const intern = (s: string) => {
    const hit = strings.get(s);
    if (hit !== undefined) return hit;
    if (strings.size < 100_000) strings.set(s, s);
    return s;
  };
  let rows = 0;
  const what = msg('评价文件', 'review file');
  // As for orders: a time more than a day after the real clock (or --as-of) is a mangled cell.
  const latest = latestPlausible(ctx.asOf, ctx.io.now());
  const distinct = distinctFiles(files);
  for (const note of distinct.notes) ctx.warn(note);
  for (const file of distinct.files) {
    const t = await openMappedTable(file, dataStdin(ctx), REVIEW_FIELDS, what, ctx.encoding, true, sheetNote(ctx));
    const name = t.sniffed.name;
    const title = titleLinesNote(t);
    if (title) ctx.info(title);
    const ix = t.map.index;
    if (!ix.has('rating') && !ix.has('dsrDescription') && !ix.has('dsrService') && !ix.has('dsrLogistics')) {
      throw new InputError(
        msg(`${name}: 没有评价结果列 (评价结果/评分/星级) 也没有 DSR 列 (描述相符/服务态度/物流服务)`, `${name}: no rating column (评价结果/评分/星级 or rating) and no DSR column (描述相符/服务态度/物流服务)`),
        msg('导出时包含评价结果 (好评/中评/差评 或 1–5 星)。', 'include the rating (好评/中评/差评, good/neutral/bad or 1–5 stars) when exporting.'),
      );
    }
    const header = (k: string) => t.headers[ix.get(k)!] ?? k;
    const fileWord = itemWordOf(t.headers, ix.has('title') ? header('title') : '');
    const filePlatform = platformOf(t.headers, fileWord);
    if (fileWord) itemWords.add(fileWord);
    // A date typed into Excel is a date cell, which an xlsx reads back as `2026-11-20 00:00:00`:
    // the date alone, as `2026-11-20` in a csv (docs/rules.md §2.3).
    const xlsx = t.sniffed.container === 'xlsx';
    const slackOfText = (text: string) => (xlsx && /^\d{4}-\d{2}-\d{2} 00:00:00$/.test(text) ? DAY_MS - 1000 : reviewTimeSlack(text));
    const cell = (cells: string[], k: string) => {
      const i = ix.get(k);
      return i === undefined ? '' : cleanCell(cells[i] ?? '');
    };
    // A short row is fine while it reaches the required columns (an editor drops trailing empty cells).
    // Two same-named columns that disagree make the row unusable; a buyer's name and review text are
    // not echoed in that reason (they can hold a phone number or an address).
    const shape = { headerWidth: t.headers.length, lastNeeded: Math.max(ix.get('orderId')!, ix.get('reviewedAt')!), map: t.map, private: REVIEW_PRIVATE };
    // A 合计/Total row typed below the reviews: skipped and named when nothing follows it, else
    // rejected (until 2026-12 it was rejected as "no order id" wherever it stood: exit 1, --strict 3).
    const summaries = new TrailingSummaries(name, rejects);
    const summaryNamed = [ix.get('buyer') ?? -1, ix.get('text') ?? -1];
    // A review read well: kept, or counted as a duplicate (another version of one kept).
    const take = (review: Review): void => {
      const { orderId, reviewedAt, text, followUpText, title } = review;
      if (keep && !keep(review)) {
        read++;
        return;
      }
      const h = hash53(`${orderId}\u0000${reviewedAt}\u0000${text}\u0000${followUpText}\u0000${title}`);
      const same = kept.get(h);
      const twins = same === undefined ? [] : Array.isArray(same) ? same : [same];
      const twin = twins.find((x) => x.orderId === orderId && x.reviewedAt === reviewedAt && x.text === text && x.followUpText === followUpText && x.title === review.title);
      if (twin) {
        duplicates++;
        // Kept: the twin, or the version that took its place since.
        const now = versionOf(twin);
        const keptOne = now === undefined ? twin : reviews[now]!;
        narrow(keptOne, review);
        dropped(review, keptOne);
        return;
      }
      kept.set(h, twins.length === 0 ? review : [...twins, review]);
      review.title = intern(review.title);
      review.buyer = intern(review.buyer);
      review.ratingRaw = intern(review.ratingRaw);
      const at = versionOf(review);
      if (at !== undefined) {
        duplicates++;
        if (!versions.includes(orderId)) versions.push(orderId);
        const before = reviews[at]!;
        if (moreComplete(review, before)) {
          narrow(review, before);
          reviews[at] = review;
          replaced(before, review);
          dropped(before, review);
        } else {
          narrow(before, review);
          dropped(review, before);
        }
        return;
      }
      const vkey = `${orderId}\u0000${review.title}`;
      const list = byVersion.get(vkey);
      if (list) list.push(reviews.length);
      else byVersion.set(vkey, [reviews.length]);
      read++;
      reviews.push(review);
    };
    // The order-id column, watched for a spreadsheet's zeros (ZeroedColumn); the reviews waiting on it.
    const idColumn = new ZeroedColumn();
    const waiting: Review[] = [];
    // Takes the waiting reviews from the first up to one still waiting; at the end of the file all of
    // them, returning those whose id the column's verdict says is lost (to be rejected).
    const release = (end: boolean): Review[] => {
      const lost: Review[] = [];
      let k = 0;
      for (; k < waiting.length; k++) {
        const w = waiting[k]!;
        if (!idColumn.waits(w.orderId)) take(w);
        else if (!end) break;
        else if (idColumn.rounded) lost.push(w);
        else take(w);
      }
      waiting.splice(0, k);
      return lost;
    };
    // In batches, the file's last one held back until the next is read (the last record is known then):
    // a plain loop over each batch, with no await per record but where a row is rejected or a total row
    // held (issue 21: an async generator per record cost ~4 % of a 100k run's CPU, fortieth round).
    for await (const [recs, final] of batchesWithLast(t.batches)) {
      for (let k = 0; k < recs.length; k++) {
        const r = recs[k]!;
        const last = final && k === recs.length - 1;
        // The same screening as every reader: an unreadable record (an unclosed quote) is rejected
        // and counted, never skipped as blank; --strict then fails the run.
        const blank = !r.problem && r.cells.every((c) => c.trim() === '');
        if (!blank && !r.problem && isSummaryRow(r.cells, ix.get('orderId')!, ix.get('title') ?? -1, summaryNamed)) {
          summaries.hold(r.line);
          continue;
        }
        if (!blank) rows += (summaries.holding ? await summaries.dataRow(r.line) : 0) + 1;
        // A short last row with no line break after it is a file cut off there (a download or a copy
        // that did not finish), not a row saved without its trailing empty cells: until 2026-12 it was
        // read, the 追评 and the rows it lost never seen, exit 0.
        const cut = last && !blank ? cutOffLastRow(r, t.headers.length, t.sniffed, msg('这条评价', 'this review')) : undefined;
        if (cut) {
          await rejects.add({ file: name, line: r.line, reason: cut });
          continue;
        }
        if (!recordFine(r, shape) && !(await usableRecord(r, name, rejects, shape))) continue;
        // Full-width digits (３５１５…, typed with a Chinese input method) are the same id.
        const orderId = fullWidthId(cell(r.cells, 'orderId'));
        // The order id goes with the rejection: its receiver's name is masked in it (RejectLog.hold).
        const reject = (key: string | undefined, value: string, zh: string, en: string) =>
          rejects.add({ file: name, line: r.line, column: key ? header(key) : undefined, value, reason: msg(zh, en) }, [], orderId);
        const idCheck = checkOrderId(orderId);
        if (idCheck !== 'ok') {
          if (idCheck === 'empty') await reject('orderId', orderId, '没有订单编号', 'no order id');
          else if (idCheck === 'excel-rounded') await reject('orderId', orderId, '订单编号被电子表格软件 (Excel、WPS、LibreOffice 等) 改成了科学计数法, 已无法还原; 重新导出并以文本方式打开', 'the order id was rounded into scientific notation by a spreadsheet program (Excel, WPS, LibreOffice …) and cannot be recovered; export again and open it as text');
          else await reject('orderId', orderId, '不是订单编号 (应为 10–20 位数字, 或拼多多的 yymmdd-数字)', 'not an order id (expected 10–20 digits, or PDD\'s yymmdd-digits)');
          continue;
        }
        // Full-width digits and separators (２０２６－１１－２０ ０９：１２) are the same time.
        const atText = halfWidth(cell(r.cells, 'reviewedAt'));
        const reviewedAt = parseTime(atText, ctx.tz);
        const reviewedClock = reviewedAt === undefined ? refusedTimeReason(atText, ctx.tz) : undefined;
        if (reviewedClock) {
          await reject('reviewedAt', atText, reviewedClock.zh, reviewedClock.en);
          continue;
        }
        if (typeof reviewedAt !== 'number') {
          // An empty time (a cell lost when the review was copied from the 评价管理 page) takes the
          // review off the queue: say so, and where its time is found (user15: said nothing more) —
          // the back office of the row's platform (a 抖店 shop has no 卖家中心: until text44 it was named).
          const where = REVIEW_BACK_OFFICE[(PDD_ID.test(orderId) ? 'pdd' : filePlatform) ?? 'taobao'];
          await reject(
            'reviewedAt',
            atText,
            reviewedAt === null ? `没有评价时间, 无法计算期限, 这条评价不在跟进队列里; 到${where.zh}查到评价时间, 填进这一格后再运行` : '评价时间不是有效时间 (应为 2026-11-20 14:03:00)',
            reviewedAt === null
              ? `no review time, so no deadline can be computed and this review is not in the queue; copy the review's time from ${where.en} into this cell, then run again`
              : 'review time is not a valid time (expected 2026-11-20 14:03:00)',
          );
          continue;
        }
        if (reviewedAt < EARLIEST_PLAUSIBLE || reviewedAt > latest) {
          await reject('reviewedAt', atText, ...zhEn(implausibleTimeReason({ zh: '评价时间', en: 'review time' }, shown(atText), reviewedAt!, latest, latest - DAY_MS, ctx.tz)));
          continue;
        }
        const ratingRaw = cell(r.cells, 'rating');
        const rating = parseRating(ratingRaw);
        if (rating === undefined) {
          await reject('rating', ratingRaw, '评价结果无法识别 (好评/中评/差评, 或 1–5 星)', 'rating not recognised (好评/中评/差评, good/neutral/bad, or 1–5 stars)');
          continue;
        }
        const dsr = { description: null as number | null, service: null as number | null, logistics: null as number | null };
        let bad = false;
        for (const [key, k] of [['dsrDescription', 'description'], ['dsrService', 'service'], ['dsrLogistics', 'logistics']] as const) {
          const v = cell(r.cells, key);
          if (v === '') continue;
          const n = parseStars(v);
          if (n === undefined) {
            await reject(key, v, 'DSR 评分应为 1–5', 'DSR score must be 1–5');
            bad = true;
            break;
          }
          dsr[k] = n;
        }
        if (bad) continue;
        if (rating === null && dsr.description === null && dsr.service === null && dsr.logistics === null) {
          await reject('rating', ratingRaw, '既没有评价结果也没有 DSR 评分', 'neither a rating nor a DSR score');
          continue;
        }
        const fuText = halfWidth(cell(r.cells, 'followUpAt'));
        const followUpAt = parseTime(fuText, ctx.tz);
        if (followUpAt === undefined) {
          const clock = refusedTimeReason(fuText, ctx.tz);
          await reject('followUpAt', fuText, clock?.zh ?? '追评时间不是有效时间', clock?.en ?? 'follow-up time is not a valid time');
          continue;
        }
        if (followUpAt !== null && (followUpAt < EARLIEST_PLAUSIBLE || followUpAt > latest)) {
          await reject('followUpAt', fuText, ...zhEn(implausibleTimeReason({ zh: '追评时间', en: 'follow-up time' }, shown(fuText), followUpAt!, latest, latest - DAY_MS, ctx.tz)));
          continue;
        }
        const atSlack = slackOfText(atText);
        const fuSlack = followUpAt === null ? 0 : slackOfText(fuText);
        // Times without seconds: the sheet was kept in Excel. An id it wrote back with zeros past the
        // 15th digit is one it held as a number (a column given a number format): the real id is lost,
        // as for an order export (docs/formats.md). It was read as it stood: the queue, `reviews
        // message` (the text quotes the order to the buyer) and `reviews log` used an id no order has.
        if ((atSlack > 0 || fuSlack > 0) && zeroedPast15(orderId)) {
          // The time named is the one without seconds (a whole review time and a 追评 time without them: the 追评 time).
          const [whenZh, whenEn] = atSlack > 0 ? ['评价时间', 'review time'] : ['追评时间', 'follow-up time'];
          await reject(
            'orderId',
            orderId,
            `"${shown(orderId)}" 是被电子表格软件 (如 Excel、WPS) 按 15 位有效数字四舍五入并补零的订单编号 (这一行的${whenZh}也没有秒: 文件在电子表格软件里保存过; 原编号已丢失); 在电子表格软件里先把订单编号列设为"文本"再粘贴完整的编号, 或用原来的文件`,
            `"${shown(orderId)}" looks like an id a spreadsheet program (such as Excel or WPS) rounded to 15 digits and filled with zeros (this row's ${whenEn} has no seconds either: the file was saved in one; the real id is lost); set the order-id column to Text in the spreadsheet before pasting the full ids, or use the original file`,
          );
          continue;
        }
        // The sign time only decides whether the quality message may promise the 7-day return: a cell
        // that is no time, or an implausible one, keeps the row (the review still needs follow-up) and
        // is named here; the message then promises nothing it cannot check (docs/rules.md §2.1).
        const signText = halfWidth(cell(r.cells, 'signedAt'));
        let signedAt = signText === '' ? null : parseTime(signText, ctx.tz);
        if (signedAt === undefined || (signedAt !== null && (signedAt < EARLIEST_PLAUSIBLE || signedAt > latest))) {
          ctx.warn(
            msg(
              `${name}:${r.line}: 签收时间 "${shown(signText)}" 不是有效时间, 按没有签收时间处理 (消息不承诺七天无理由退货)`,
              `${name}:${r.line}: sign time "${shown(signText)}" is not a valid time; read as no sign time (the message promises no 7-day return)`,
            ),
          );
          signedAt = null;
        }
        const text = cell(r.cells, 'text');
        const followUpText = cell(r.cells, 'followUpText');
        const title = titleWithSpec(cell(r.cells, 'title'), cell(r.cells, 'spec'));
        const review: Review = {
          file: name,
          line: r.line,
          orderId,
          buyer: cell(r.cells, 'buyer'),
          title,
          rating,
          ratingRaw,
          reviewedAt,
          text,
          followUpText,
          followUpAt,
          dsr,
        };
        if (atSlack > 0) review.reviewedAtSlack = atSlack;
        if (fuSlack > 0) review.followUpAtSlack = fuSlack;
        if (signedAt !== null) review.signedAt = signedAt;
        const shopName = cell(r.cells, 'shopName').trim();
        if (shopName !== '') review.shopName = shopName;
        // A 拼多多 order id (yymmdd-digits) is a 拼多多 order whatever the file is; else what the file tells.
        const pdd = PDD_ID.test(orderId);
        const platform = pdd ? 'pdd' : filePlatform;
        if (platform) review.platform = platform;
        // A 拼多多 order id (yymmdd-digits) is a 拼多多 item, whatever the file's headers say.
        const word = pdd ? '商品' : fileWord;
        if (word) {
          review.itemWord = word;
          itemWords.add(word);
        }
        if (idColumn.note(orderId, r.cells[ix.get('orderId')!])) {
          // An id with zeros past its 15th digit waits for the column's verdict (ZeroedColumn), and
          // every review after it, to keep the file's order (which of two versions is kept).
          waiting.push(review);
          continue;
        }
        if (waiting.length) {
          release(false);
          if (waiting.length) {
            waiting.push(review);
            continue;
          }
        }
        take(review);
      }
    }
    for (const z of release(true)) {
      await rejects.add(
        {
          file: name,
          line: z.line,
          column: header('orderId'),
          value: z.orderId,
          reason: msg(
            `"${shown(z.orderId)}": ${header('orderId')}列的编号被电子表格按 15 位有效数字四舍五入并补零 (文件中这一列所有 16 位以上的编号在第 15 位之后都是 0: 这一列被当作数字保存过, 如 LibreOffice 或 WPS 里设成了"数值"格式; 原编号已丢失); 请重新下载导出, 或打开时把这一列设为"文本"`,
            `"${shown(z.orderId)}": the ids in column ${header('orderId')} were rounded by a spreadsheet to 15 significant digits and filled with zeros (every id of 16 digits or more in that column ends in zeros past its 15th digit: the column was kept as a number, e.g. given a number format in LibreOffice or WPS; the real id is lost); download the export again, or open it with that column as text`,
          ),
        },
        [],
        z.orderId,
      );
    }
    summaries.finish((m) => ctx.info(m));
  }
  return { reviews, duplicates, rows, read, versions, duplicateRows, itemWords };
}

/** A 拼多多 order id (yymmdd-digits): the order is a 拼多多 one whatever the file's headers say. */
export const PDD_ID = /^\d{6}-\d+$/;

/** Where a review's time is looked up: the back office of its platform (Taobao/Tmall's when not known). */
const REVIEW_BACK_OFFICE: Readonly<Record<Platform, { zh: string; en: string }>> = {
  taobao: { zh: '卖家中心 评价管理 ', en: 'the Taobao/Tmall seller centre (卖家中心 评价管理)' },
  douyin: BACK_OFFICE.douyin,
  pdd: BACK_OFFICE.pdd,
};

/**
 * What a review file calls an item: 商品 for a 抖店 商品评论 export (商品评价得分, or 订单ID with 商品ID:
 * FORMATS.md) or a title column named 商品名称/商品标题/商品; 宝贝 for one named 宝贝标题/宝贝名称; undefined
 * when the file does not tell (an English header, no title column).
 */
function itemWordOf(headers: readonly string[], titleHeader: string): ItemWord | undefined {
  const has = (h: string) => headers.some((x) => x.trim() === h);
  if (has('商品评价得分') || (has('订单ID') && has('商品ID'))) return '商品';
  if (titleHeader.trim().startsWith('商品')) return '商品';
  if (titleHeader.trim().startsWith('宝贝')) return '宝贝';
  return undefined;
}

/**
 * The platform a review file tells, as far as it does: 抖店 for its 商品评论 export (商品评价得分, or
 * 订单ID with 商品ID: FORMATS.md), Taobao/Tmall for a title column named 宝贝…; undefined otherwise
 * (a 商品名称 column is 抖店's, 拼多多's or an ERP's: the order id, or `--orders`, tells).
 */
function platformOf(headers: readonly string[], word: ItemWord | undefined): Platform | undefined {
  const has = (h: string) => headers.some((x) => x.trim() === h);
  if (has('商品评价得分') || (has('订单ID') && has('商品ID'))) return 'douyin';
  return word === '宝贝' ? 'taobao' : undefined;
}

/**
 * The version kept takes the time the other copy knows better: a download with seconds
 * (`2026-05-15 07:30:00`) beside its re-saved copy (`2026/5/15 7:30`, any second of that minute) says
 * the review was at 07:30:00. Until 2026-12 the copy read first was kept as it was, so with the
 * re-saved file first the queue showed 07:30 and its explanation was not yet overdue one second after
 * the 30 days (test/oracle/reviews_fuzz.py seed 11 case 76); the other order of the files gave 07:30:00.
 * Each time is narrowed to what both copies allow (docs/rules.md §2.3: a time is never guessed, and a
 * time one copy gives is not lost); the 追评 time too when both copies hold the same 追评.
 */
function narrow(keptOne: Review, other: Review): void {
  const within = (a: number, sa: number, b: number, sb: number): [number, number] | undefined => {
    const from = Math.max(a, b);
    const to = Math.min(a + sa, b + sb);
    return from <= to && (from !== a || to - from !== sa) ? [from, to - from] : undefined;
  };
  const at = within(keptOne.reviewedAt, keptOne.reviewedAtSlack ?? 0, other.reviewedAt, other.reviewedAtSlack ?? 0);
  if (at) {
    keptOne.reviewedAt = at[0];
    if (at[1] > 0) keptOne.reviewedAtSlack = at[1];
    else delete keptOne.reviewedAtSlack;
  }
  if (keptOne.followUpAt !== null && other.followUpAt !== null && keptOne.followUpText === other.followUpText) {
    const fu = within(keptOne.followUpAt, keptOne.followUpAtSlack ?? 0, other.followUpAt, other.followUpAtSlack ?? 0);
    if (fu) {
      keptOne.followUpAt = fu[0];
      if (fu[1] > 0) keptOne.followUpAtSlack = fu[1];
      else delete keptOne.followUpAtSlack;
    }
  }
}

/** Of two versions of one review: the one with a 追评, or the later 追评; on a tie the one read later. */
/**
 * How much later than read a review time may really be: 0 with seconds, 59 s for a time shown
 * to the minute (`2026/11/20 5:00`, `2026年11月20日 05时00分`), a day less a second for a date alone.
 */
function reviewTimeSlack(text: string): number {
  if (/\d{1,2}[:：时]\d{1,2}[:：分]\d{1,2}/.test(text)) return 0;
  if (/\d{1,2}[:：时]\d{1,2}/.test(text)) return 59_000;
  return DAY_MS - 1000;
}

function moreComplete(next: Review, prev: Review): boolean {
  const has = (r: Review) => r.followUpText !== '' || r.followUpAt !== null;
  if (has(next) !== has(prev)) return has(next);
  return (next.followUpAt ?? -Infinity) >= (prev.followUpAt ?? -Infinity);
}
