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
import { isUtf8Prefix } from './source.js';

/** How much of the target is read: enough for any export's title lines and header row. */
const HEAD_BYTES = 64 * 1024;

/** The first bytes of `target` when it is an existing, non-empty regular file of a text kind, else undefined. */
function headOf(target: string): Buffer | undefined {
  if (!/\.(csv|tsv|txt)$/i.test(target)) return undefined;
  let fd: number;
  try {
    const st = fs.statSync(target);
    if (!st.isFile() || st.size === 0) return undefined;
    fd = fs.openSync(target, 'r');
  } catch {
    return undefined;
  }
  try {
    const b = Buffer.alloc(HEAD_BYTES);
    const n = fs.readSync(fd, b, 0, HEAD_BYTES, 0);
    return b.subarray(0, n);
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** As the readers decode: a BOM says the encoding; else UTF-8 when the bytes are, else GB18030 (GBK). */
function decodeHead(b: Buffer, complete: boolean): string {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString('utf8');
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  if (isUtf8Prefix(b, complete)) return b.toString('utf8');
  try {
    return new TextDecoder('gb18030').decode(b);
  } catch {
    // A Node without GB18030 in its TextDecoder: the ASCII and UTF-8 names still tell (English headers).
    return b.toString('latin1');
  }
}

/** One line's cells: comma or tab separated, double quotes around a cell undone. */
function cellsOf(line: string): string[] {
  const sep = line.includes('\t') && !line.includes(',') ? '\t' : line.split('\t').length > line.split(',').length ? '\t' : ',';
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (c === sep) {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  out.push(cell);
  return out.map((c) => c.trim());
}

type Kind = { zh: string; en: string };

/**
 * What platform download `headers` is the header of, by the readers' own recognition; undefined for
 * storeops' own output and anything else.
 */
async function recognise(headers: string[]): Promise<Kind | undefined> {
  const { mapHeader } = await import('./table.js');
  const { REVIEW_FIELDS } = await import('../reviews/read.js');
  const r = mapHeader(headers, REVIEW_FIELDS).index;
  // As readReviews: an order id, a review time, and a rating or a DSR score.
  if (r.has('orderId') && r.has('reviewedAt') && ['rating', 'dsrDescription', 'dsrService', 'dsrLogistics'].some((k) => r.has(k))) {
    // `reviews queue -o queue.csv` each morning: the queue names each review by its order, time and
    // rating as a review file does (reviews read it back), but carries columns of its own
    // (priority/优先级, reasons/原因, contactBy/联系截止, …) that no review download has.
    const { QUEUE_COLUMNS } = await import('../reviews/run.js');
    const { normHeader } = await import('./table.js');
    const aliases = new Set(REVIEW_FIELDS.flatMap((f) => f.aliases.map(normHeader)));
    const own = new Set(QUEUE_COLUMNS.flatMap((c) => [c.en, c.zh].map(normHeader)).filter((h) => !aliases.has(h)));
    if (headers.filter((h) => own.has(normHeader(h))).length >= 2) return undefined;
    return { zh: '评价导出', en: 'a review export' };
  }
  // compensate's own tables (vouchers, --by order, --at-risk), in either language, the same way: the
  // zh at-risk list (订单编号, …, 宝贝标题, …) scored as a Tmall export and `--at-risk 24 -o 风险.csv`
  // was refused from its second run on.
  if (await ownCompensateTable(headers)) return undefined;
  const { platformExport } = await import('../orders/detect.js');
  const layout = platformExport(headers);
  if (layout) return { zh: layout.name.zh, en: `a ${layout.name.en}` };
  const { PRODUCT_FIELDS } = await import('../zhenjian/fields.js');
  const p = mapHeader(headers, PRODUCT_FIELDS).index;
  if (PRODUCT_FIELDS.every((f) => !f.required || p.has(f.key))) return { zh: '甄检商品表', en: 'a 甄检 product sheet' };
  return undefined;
}

/**
 * Whether `headers` hold two or more of compensate's own column names (zh or en) that no platform
 * layout reads: its voucher, order and at-risk tables (compensation/columns.ts).
 */
async function ownCompensateTable(headers: string[]): Promise<boolean> {
  const { VOUCHER_COLUMNS, ORDER_ROW_COLUMNS, AT_RISK_COLUMNS } = await import('../compensation/columns.js');
  const { LAYOUTS } = await import('../orders/layouts.js');
  const { normHeader } = await import('./table.js');
  const theirs = new Set(LAYOUTS.flatMap((l) => [...l.signature, ...l.fields.flatMap((f) => f.aliases)]).map(normHeader));
  const own = new Set(
    [...VOUCHER_COLUMNS, ...ORDER_ROW_COLUMNS, ...AT_RISK_COLUMNS].flatMap((c) => [c.zh, c.en]).map(normHeader).filter((h) => !theirs.has(h)),
  );
  return headers.filter((h) => own.has(normHeader(h))).length >= 2;
}

/**
 * Refuses (exit 2) a target that is an existing download of the shop's (the inputs of the run are
 * refused before, by guardTargets). Only the header row counts: the first lines are tried as the
 * header, as the readers skip title lines above it.
 */
export async function guardExportTarget(flag: string, target: string): Promise<void> {
  if (target === '-' || target === '') return;
  const head = headOf(target);
  if (!head) return;
  let size = 0;
  try {
    size = fs.statSync(target).size;
  } catch {
    return;
  }
  const text = decodeHead(head, head.length >= size);
  const lines = text.split(/\r\n|\r|\n/);
  // The last line of a cut read may be cut too: not a header to judge by.
  if (head.length < size && lines.length > 1) lines.pop();
  for (const line of lines.slice(0, 10)) {
    if (line.trim() === '') continue;
    const kind = await recognise(cellsOf(line));
    if (!kind) continue;
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
