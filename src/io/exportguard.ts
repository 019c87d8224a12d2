// -o / --rejects / --duplicates onto an existing file that is a platform download the run does not
// read: `compensate 天猫订单.csv -o 拼多多订单.csv` replaced the shop's PDD download with the vouchers
// (exit 0), and a download cannot always be taken again (the seller centre keeps 3 months). Before
// anything is read, the target's first bytes (one read of at most 64 KB) are decoded as the readers
// decode them and its header row recognised as the readers recognise it: an order export of
// Tmall/Taobao, 抖店 or 拼多多 (orders/detect.ts: storeops' own `orders normalize` output is a layout
// of its own there, CANONICAL, and is not refused), a review file, or a 甄检 product sheet. storeops'
// other outputs (vouchers, rejects, queues, estimates) carry columns of their own and match none of
// these; an empty or unrelated file is replaced as before. xlsx targets are not opened: reading a
// workbook's first row means unzipping its sheet, not one small read.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError, msg } from '../errors.js';

type Kind = { zh: string; en: string };

/**
 * What platform download a header row is, by the readers' own recognition (undefined for storeops'
 * own output and anything else); the modules and name sets loaded once, the test itself synchronous
 * (openTable's header search calls it per line).
 */
async function recogniser(): Promise<(headers: string[]) => Kind | undefined> {
  const { mapHeader, normHeader } = await import('./table.js');
  const { REVIEW_FIELDS } = await import('../reviews/read.js');
  const { QUEUE_COLUMNS } = await import('../reviews/run.js');
  const { platformExport } = await import('../orders/detect.js');
  const { PRODUCT_FIELDS } = await import('../zhenjian/fields.js');
  const ownCompensate = await compensateOwnColumns();
  // `reviews queue -o queue.csv` each morning: the queue names each review by its order, time and
  // rating as a review file does (reviews read it back), but carries columns of its own
  // (priority/优先级, reasons/原因, contactBy/联系截止, …) that no review download has.
  const aliases = new Set(REVIEW_FIELDS.flatMap((f) => f.aliases.map(normHeader)));
  const ownQueue = new Set(QUEUE_COLUMNS.flatMap((c) => [c.en, c.zh].map(normHeader)).filter((h) => !aliases.has(h)));
  const owns = (headers: string[], own: ReadonlySet<string>) => headers.filter((h) => own.has(normHeader(h))).length >= 2;
  return (headers) => {
    const r = mapHeader(headers, REVIEW_FIELDS).index;
    // As readReviews: an order id, a review time, and a rating or a DSR score.
    if (r.has('orderId') && r.has('reviewedAt') && ['rating', 'dsrDescription', 'dsrService', 'dsrLogistics'].some((k) => r.has(k))) {
      return owns(headers, ownQueue) ? undefined : { zh: '评价导出', en: 'a review export' };
    }
    // compensate's own tables (vouchers, --by order, --at-risk), in either language, the same way: the
    // zh at-risk list (订单编号, …, 宝贝标题, …) scored as a Tmall export and `--at-risk 24 -o 风险.csv`
    // was refused from its second run on.
    if (owns(headers, ownCompensate)) return undefined;
    const layout = platformExport(headers);
    if (layout) return { zh: layout.name.zh, en: `a ${layout.name.en}` };
    const p = mapHeader(headers, PRODUCT_FIELDS).index;
    if (PRODUCT_FIELDS.every((f) => !f.required || p.has(f.key))) return { zh: '甄检商品表', en: 'a 甄检 product sheet' };
    return undefined;
  };
}

/**
 * compensate's own column names (zh and en) that no platform layout reads: its voucher, order and
 * at-risk tables (compensation/columns.ts). Two or more of them in a header: its own output.
 */
async function compensateOwnColumns(): Promise<Set<string>> {
  const { VOUCHER_COLUMNS, ORDER_ROW_COLUMNS, AT_RISK_COLUMNS } = await import('../compensation/columns.js');
  const { LAYOUTS } = await import('../orders/layouts.js');
  const { normHeader } = await import('./table.js');
  const theirs = new Set(LAYOUTS.flatMap((l) => [...l.signature, ...l.fields.flatMap((f) => f.aliases)]).map(normHeader));
  return new Set([...VOUCHER_COLUMNS, ...ORDER_ROW_COLUMNS, ...AT_RISK_COLUMNS].flatMap((c) => [c.zh, c.en]).map(normHeader).filter((h) => !theirs.has(h)));
}

/**
 * Refuses (exit 2) a target that is an existing download of the shop's (the inputs of the run are
 * refused before, by guardTargets). Only the header row counts: the first lines are tried as the
 * header, as the readers skip title lines above it.
 */
export async function guardExportTarget(flag: string, target: string): Promise<void> {
  if (target === '-' || target === '' || !/\.(csv|tsv|txt)$/i.test(target)) return;
  try {
    const st = fs.statSync(target);
    if (!st.isFile() || st.size === 0) return;
  } catch {
    return;
  }
  const recognise = await recogniser();
  const { openTable } = await import('./table.js');
  let headers: string[];
  try {
    const t = await openTable(target, () => {
      throw new Error('no standard input here');
    }, undefined, (h) => recognise(h) !== undefined);
    headers = t.headers;
    // Nothing more of it is read; its file is let go before the output replaces it.
    t.sniffed.stream.destroy();
  } catch {
    // A file the readers cannot open (no header, bytes of no encoding, …) is no download of theirs.
    return;
  }
  const kind = recognise(headers);
  if (kind) {
    const real = path.resolve(target);
    throw new UsageError(
      msg(
        `${flag} ${target} 已存在, 是一个${kind.zh} (${real}), 而这次运行并不读取它; 写入会把它覆盖, 从平台下载的文件可能无法再次下载; 未读取也未写入任何内容`,
        `${flag} ${target} already exists and is ${kind.en} (${real}), which this run does not read; writing there would replace it, and a download may not be available again, so nothing was read or written`,
      ),
      msg(
        `换一个文件名, 例如 ${flag} ${flag === '--duplicates' ? 'duplicates' : flag === '--rejects' ? 'rejects' : '结果'}.csv; 若确实要替换这个文件, 先把它移走或删除。`,
        `pick another name, e.g. ${flag} ${flag === '--duplicates' ? 'duplicates' : flag === '--rejects' ? 'rejects' : 'result'}.csv; if that file really is to be replaced, move or delete it first.`,
      ),
    );
  }
}
