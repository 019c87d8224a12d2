// Orders seen more than once across the input files. stderr gets one line per pair of files
// (count, the first few ids, which file's version was used): an hourly cron log must not fill
// with one line per order. `--duplicates FILE` gets every one (file, line, id, the kept copy).
import { type Ctx, type DuplicateRow, wrapWarning } from '../context.js';
import { type Msg, msg, noteLine, plural, say } from '../errors.js';
import type { Column } from '../io/columns.js';
import { type RowWriter, openOutput } from '../io/output.js';
import { wrapPhrases } from '../io/width.js';
import type { Freshness } from './freshness.js';

const IDS_SHOWN = 3;
/**
 * More pairs of downloads told apart by their times than this are summed up in one line (without -v):
 * a hand run over a folder of hourly downloads printed a line per pair, ~138 of them (each order kept
 * from the newest file holding it, every older file holding it a pair; desk46).
 */
const PAIRS_SHOWN = 3;

const COLUMNS: Column[] = [
  { key: 'file', zh: '文件', en: 'file' },
  { key: 'line', zh: '行号', en: 'line', type: 'int' },
  { key: 'orderId', zh: '订单编号', en: 'orderId', type: 'id' },
  { key: 'keptFile', zh: '采用的文件', en: 'keptFile' },
  { key: 'keptLine', zh: '采用的行号', en: 'keptLine', type: 'int' },
  // An item report's rows are de-duplicated by 子订单编号: the line repeated, beside its order's id.
  { key: 'lineId', zh: '子订单编号', en: 'lineId', type: 'id' },
];

/** The --duplicates file, opened with the rows found before it (ctx.duplicatesFirst) written first. */
async function openDuplicates(ctx: Ctx): Promise<RowWriter> {
  const w = await openOutput({ ...ctx, output: ctx.duplicates, format: undefined, stdout: ctx.io.stderr }, COLUMNS);
  for (const r of ctx.duplicatesFirst ?? []) await w.row({ ...r });
  return w;
}

/**
 * Writes the --duplicates file with ctx.duplicatesFirst alone, unless an order reader wrote it
 * (a review command given no order export: its repeated reviews, or an empty file for none).
 */
export async function writeDuplicatesFirst(ctx: Ctx): Promise<void> {
  if (!ctx.duplicates || ctx.duplicatesWritten) return;
  const w = await openDuplicates(ctx);
  await w.close();
  ctx.duplicatesWritten = true;
}

interface Pair {
  kept: number;
  dropped: number;
  count: number;
  /** The rows are order lines (an item report's, told apart by 子订单编号), not whole orders. */
  lines: boolean;
  /** The first few distinct order ids, and whether any other id was seen. */
  ids: string[];
  more: boolean;
  /** Rows of one file, each an exact copy of the row first read (every cell alike): used once, nothing to ask. */
  exact: boolean;
}

export class DuplicateLog {
  count = 0;
  private readonly pairs = new Map<string, Pair>();
  private writer?: RowWriter;

  constructor(
    private readonly ctx: Ctx,
    private readonly names: readonly string[],
    private readonly fresh: readonly Freshness[],
  ) {}

  /**
   * The row at `dropped`:`line` repeats an order (or, with `lineId`, an order line) already taken
   * from `kept`:`keptLine` (0 = unknown).
   */
  async add(id: string, lineId: string | undefined, dropped: number, line: number, kept: number | undefined, keptLine: number, exact = false): Promise<void> {
    this.count++;
    const key = `${kept ?? '?'}>${dropped}>${lineId === undefined ? 'o' : 'l'}${exact ? '=' : ''}`;
    let p = this.pairs.get(key);
    if (!p) {
      p = { kept: kept ?? -1, dropped, count: 0, lines: lineId !== undefined, ids: [], more: false, exact };
      this.pairs.set(key, p);
    }
    p.count++;
    if (!p.ids.includes(id)) {
      if (p.ids.length < IDS_SHOWN) p.ids.push(id);
      else p.more = true;
    }
    if (this.ctx.duplicates) {
      this.writer ??= await openDuplicates(this.ctx);
      await this.writer.row({ file: this.names[dropped], line, orderId: id, keptFile: kept === undefined ? '' : this.names[kept], keptLine: keptLine || null, lineId: lineId ?? '' });
    }
  }

  /** Rows of file `dropped` that repeated an order (or order line) first read from file `kept` (read.ts settleCuts). */
  between(kept: number, dropped: number): number {
    return (this.pairs.get(`${kept}>${dropped}>o`)?.count ?? 0) + (this.pairs.get(`${kept}>${dropped}>l`)?.count ?? 0);
  }

  private when(i: number): string {
    const f = this.fresh[i]!;
    if (f.at === null) return say(msg('无导出时间', 'no export time'), this.ctx.lang);
    const t = this.ctx.tz.format(f.at);
    return f.source === 'name' ? say(msg(`文件名中的导出时间 ${t}`, `exported ${t}, from its name`), this.ctx.lang) : say(msg(`修改时间 ${t}`, `modified ${t}`), this.ctx.lang);
  }

  /**
   * Why the kept file's versions were used: newer, or (the same time: two copies made in the same
   * second, a tie) the later argument. A tie was called "the newer" file, naming one time twice.
   */
  private tie(p: Pair): boolean {
    const k = this.fresh[p.kept]?.at;
    return k !== undefined && k === this.fresh[p.dropped]?.at;
  }

  /** Both files' times read the same way (both from their names, or both modification times). */
  private sameKind(p: Pair): boolean {
    const k = this.fresh[p.kept];
    const d = this.fresh[p.dropped];
    return k !== undefined && d !== undefined && k.at !== null && d.at !== null && k.source === d.source;
  }

  private usedMsg(p: Pair, kind: { zh: string; en: string }, count: number, ids: { zh: string; en: string }, dropped: string): Msg {
    const kept = this.names[p.kept]!;
    return this.tie(p)
      ? msg(
          `${kept} 与 ${dropped} 有 ${count} 个相同${kind.zh} (${ids.zh}); 两者时间相同 (${this.when(p.kept)}), 采用排在后面的参数 ${kept} 中的版本`,
          `${kept} and ${dropped} share ${plural(count, kind.en)} (${ids.en}); both have the same time (${this.when(p.kept)}), so the versions in ${kept}, the later argument, are used`,
        )
      : msg(
          `${kept} 与 ${dropped} 有 ${count} 个相同${kind.zh} (${ids.zh}); 采用较新的 ${kept} 中的版本 (${this.when(p.kept)}; 另一个: ${this.when(p.dropped)})`,
          `${kept} and ${dropped} share ${plural(count, kind.en)} (${ids.en}); the versions in the newer ${kept} are used (${this.when(p.kept)}; the other: ${this.when(p.dropped)})`,
        );
  }

  /**
   * Rows of one file that are exact copies of a row read before it (the seller centre's export
   * repeating a row, two downloads pasted together): they say the same thing, each used once.
   */
  private exactMessage(p: Pair, ids: string, dropped: string): Msg {
    return p.lines
      ? msg(
          `${dropped}: ${p.count} 行与文件中前面的一行完全相同 (订单 ${ids}), 每个子订单只计一次`,
          `${dropped}: ${p.count === 1 ? '1 row is an exact copy' : `${p.count} rows are exact copies`} of a row read before it in the file (orders ${ids}); each order line counted once`,
        )
      : msg(
          `${dropped}: ${p.count} 行与文件中前面的一行完全相同 (${ids}), 每个订单只计一次`,
          `${dropped}: ${p.count === 1 ? '1 row is an exact copy' : `${p.count} rows are exact copies`} of a row read before it in the file (${ids}); each order counted once`,
        );
  }

  private ordersMessage(p: Pair, ids: string, dropped: string): Msg {
    return p.kept === p.dropped
      ? msg(
          `${dropped}: ${p.count} 行重复了文件中前面已有的订单 (${ids}); 采用每个订单的第一行, 但无法判断哪一行是最新的: 请核对 (文件是否由几份导出拼成), 让每个订单只出现一次`,
          `${dropped}: ${p.count} ${p.count === 1 ? 'row repeats an order' : 'rows repeat orders'} already read from the file (${ids}); the first row of each order is used, but which row is current cannot be told: check the file (pasted together from several exports?) so that it holds each order once`,
        )
      : p.kept < 0
        ? msg(`${dropped}: ${p.count} 个重复订单 (${ids}), 只计一次`, `${dropped}: ${plural(p.count, 'duplicate order')} (${ids}); counted once`)
        : this.usedMsg(p, { zh: '订单', en: 'order' }, p.count, { zh: ids, en: ids }, dropped);
  }

  /** An item report's rows: counted as order lines (子订单), named by their orders' ids. */
  private linesMessage(p: Pair, ids: string, dropped: string): Msg {
    return p.kept === p.dropped
      ? msg(
          `${dropped}: ${p.count} 行重复了文件中前面已有的子订单 (订单 ${ids}); 采用每个子订单的第一行, 但无法判断哪一行是最新的: 请核对 (文件是否由几份导出拼成), 让每个子订单只出现一次`,
          `${dropped}: ${p.count} ${p.count === 1 ? 'row repeats an order line' : 'rows repeat order lines'} already read from the file (orders ${ids}); the first row of each line is used, but which row is current cannot be told: check the file (pasted together from several exports?) so that it holds each line once`,
        )
      : p.kept < 0
        ? msg(`${dropped}: ${p.count} 个重复子订单 (订单 ${ids}), 只计一次`, `${dropped}: ${plural(p.count, 'duplicate order line')} (orders ${ids}); counted once`)
        : this.usedMsg(p, { zh: '子订单', en: 'order line' }, p.count, { zh: `订单 ${ids}`, en: `orders ${ids}` }, dropped);
  }

  /** Two downloads told apart by their times (read one way), the newer's versions used: the ordinary overlap. */
  private ordinary(p: Pair): boolean {
    return p.kept >= 0 && p.kept !== p.dropped && !this.tie(p) && this.sameKind(p);
  }

  /**
   * The ordinary pairs summed up: how many files, rows and pairs, the newest file, and where each
   * pair's count (-v) and every row (--duplicates) are. Every row of those pairs is in `rows`.
   */
  private summary(plain: Pair[]): Msg {
    const files = new Set<number>();
    let rows = 0;
    let lines = false;
    for (const p of plain) {
      files.add(p.kept);
      files.add(p.dropped);
      rows += p.count;
      if (p.lines) lines = true;
    }
    const older = new Set(plain.map((p) => p.dropped)).size;
    const newest = [...files].reduce((a, b) => ((this.fresh[b]?.at ?? -Infinity) > (this.fresh[a]?.at ?? -Infinity) ? b : a));
    const what = lines ? { zh: '订单或子订单', en: 'order or order line' } : { zh: '订单', en: 'order' };
    const n = rows.toLocaleString('en-US');
    const where = this.ctx.duplicates
      ? { zh: `; 每一行 (文件、行号、订单编号、采用的文件) 见 ${this.ctx.duplicates}`, en: `; every row (file, line, order id, the file used) is in ${this.ctx.duplicates}` }
      : { zh: `; 每一行 (文件、行号、订单编号、采用的文件) 用 --duplicates <文件> 列出`, en: `; --duplicates <file> lists every row (file, line, order id, the file used)` };
    return msg(
      `storeops: ${files.size} 个下载有重叠: ${older} 个较旧文件中的 ${n} 行是已从较新的下载读取的${what.zh}, 共 ${plain.length} 对文件, 采用较新的版本 (最新的: ${this.names[newest]}, ${this.when(newest)}); 每对文件的行数用 -v 列出${where.zh}`,
      `storeops: ${files.size} downloads overlap: ${n} ${rows === 1 ? 'row' : 'rows'} of ${plural(older, 'older file')} repeat ${rows === 1 ? `an ${what.en}` : `${what.en}s`} read from a newer one, in ${plural(plain.length, 'pair')} of files; the newer versions are used (the newest: ${this.names[newest]}, ${this.when(newest)}); -v gives the count per pair${where.en}`,
    );
  }

  /**
   * A line on stderr, fitted to a terminal's width as ctx.info's notes are (broken at a clause's end,
   * never inside an id or a time): the terminal folded a pair's line at 80 columns mid-id
   * (`35153131473293579` / `03`) and mid-time (`2026-1` / `2-07`). A pipe or file gets it unchanged.
   * Written here, not by ctx.info: a file holding an order twice is said under -q too.
   */
  private tell(m: Msg): void {
    const c = this.ctx;
    const cols = c.io.stderr.isTTY ? c.io.stderr.columns : undefined;
    const text = say(m, c.lang);
    c.io.stderr.write((cols ? wrapWarning(text, cols, wrapPhrases).join('\n') : text) + '\n');
  }

  /** One stderr line per pair of files (many ordinary pairs: one line for them all); closes the --duplicates file. */
  async finish(): Promise<void> {
    const c = this.ctx;
    const plain = [...this.pairs.values()].filter((p) => this.ordinary(p));
    const summed = !c.quiet && !c.verbose && plain.length > PAIRS_SHOWN;
    if (summed) this.tell(this.summary(plain));
    for (const p of this.pairs.values()) {
      // Two downloads told apart by their times, the newer's versions used: the ordinary case of an
      // hourly export (each run of the README's cron line read one more file, and wrote one more such
      // line to the log every hour: 23 an hour after a day). A note, not a warning: -q hides it, as the
      // summary. A file holding an order twice, or two files of one time (the later argument taken), stay.
      // Only when both times are of one kind: an export time read from one file's name against the
      // other's modification time (a renamed or copied old download has a fresh one) stays said (rev34).
      // Many of them (a folder of hourly downloads read by hand): the one summary line above.
      if ((c.quiet || summed) && this.ordinary(p)) continue;
      const ids = p.ids.join(', ') + (p.more ? ', …' : '');
      const dropped = this.names[p.dropped]!;
      // An exact copy is a note as the ordinary overlap is: -q hides it, and nothing needs a person.
      if (p.exact && c.quiet) continue;
      const line = p.exact ? this.exactMessage(p, ids, dropped) : p.lines ? this.linesMessage(p, ids, dropped) : this.ordersMessage(p, ids, dropped);
      this.tell(noteLine(line));
    }
    // A file that holds an order twice was put together by hand: which row is current is not
    // known, so the run needs a person (exit 1).
    // Rows that are exact copies of an earlier row say the same thing: no question, no exit 1.
    if ([...this.pairs.values()].some((p) => p.kept === p.dropped && !p.exact)) c.attention();
    // The summary line names --duplicates itself when it is all there is to say.
    if (this.count > 0 && !c.duplicates && !c.quiet && !(summed && plain.length === this.pairs.size)) {
      c.io.stderr.write(say(msg('storeops: 用 --duplicates <文件> 列出全部重复订单', 'storeops: use --duplicates <file> to list every duplicate'), c.lang) + '\n');
    }
    if (c.duplicates && !this.writer) {
      // An empty file says "no duplicates" to a script that reads it.
      this.writer = await openDuplicates(c);
    }
    await this.writer?.close();
    if (this.writer) this.ctx.duplicatesWritten = true;
    this.writer = undefined;
  }

  async abort(): Promise<void> {
    await this.writer?.abort();
  }
}
