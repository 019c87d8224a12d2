// Rejected input rows: every one is reported with file, line and reason (stderr, first few;
// --rejects, all). Counts always reconcile: read = accepted + rejected (+ duplicates).
import type { Ctx } from '../context.js';
import { InputError, type Msg, msg, plural, say } from '../errors.js';
import type { Column } from './columns.js';
import { oneLine } from './escape.js';
import { type RowWriter, openOutput } from './output.js';
import { isWaybillColumn, scrubFreeText } from './pii.js';
import { FUTURE_REASON_EN } from '../time.js';

export interface Rejection {
  file: string;
  line: number;
  column?: string;
  /** The offending value, already masked when it is personal data. */
  value?: string;
  reason: Msg;
}

const COLUMNS: Column[] = [
  { key: 'file', zh: '文件', en: 'file' },
  { key: 'line', zh: '行号', en: 'line', type: 'int' },
  { key: 'column', zh: '列', en: 'column' },
  { key: 'value', zh: '值', en: 'value' },
  { key: 'reason', zh: '原因', en: 'reason' },
];

const SHOW_ON_STDERR = 20;

/**
 * A cell value as quoted in a message: at most 60 characters (a 2 MB cell is not echoed), on one
 * line (a rejection is one line of a log grepped by `file:line`): a line break shows as `\n`, any
 * other control character as its escape (oneLine).
 */
export function shown(value: string): string {
  return oneLine(value.length > 60 ? value.slice(0, 57) + '…' : value);
}

/** Personal data masked by its look, a labelled name (收货人：…), and the given receiver names. */
function masked(r: Rejection, names: readonly string[] = []): Rejection {
  const out: Rejection = { ...r, reason: { zh: scrubFreeText(r.reason.zh, names), en: scrubFreeText(r.reason.en, names) } };
  // A tracking number is no buyer's data: a column of them (物流单号 …) is echoed whole (isWaybillColumn).
  if (r.value !== undefined && !(r.column !== undefined && isWaybillColumn(r.column))) out.value = scrubFreeText(r.value, names);
  return out;
}

export class RejectLog {
  count = 0;
  /** Rejections of a time more than a day after this computer's clock (or --as-of): implausibleTimeReason's. */
  future = 0;
  private writer?: RowWriter;
  private readonly byReason = new Map<string, number>();
  readonly first: Rejection[] = [];
  /** Rejections kept back until release(): the receiver names to mask in them are read later. */
  private held: { r: Rejection; orderId: string }[] | undefined;
  private holding = false;
  /** The orders `watch` names, and the first rejected row naming the first of them (as shown: masked). */
  private watchIds = new Set<string>();
  watched?: Rejection;
  /** The first rejected row naming each watched order (`reviews log A B`). */
  readonly watchedRows = new Map<string, Rejection>();

  constructor(private readonly ctx: Ctx) {}

  /**
   * Remember the first rejected row naming this order: `reviews message`/`reviews log` for an order
   * whose review row was rejected say so, not that the order is in no file.
   */
  watch(...orderIds: string[]): void {
    for (const id of orderIds) this.watchIds.add(id);
  }

  /**
   * Keep rejections back (not counted, shown or written) until release(). A review file is read
   * before the order exports that name each order's receiver; a rejected review row can hold that
   * name (a shifted row), so it is shown only once the names are known. Nothing is kept under
   * --show-pii (nothing is masked then).
   */
  hold(): void {
    if (!this.ctx.showPii) {
      this.held = [];
      this.holding = true;
    }
  }

  /** Rejections from now on are shown at once again; those kept back wait for release(). */
  stopHolding(): void {
    this.holding = false;
  }

  /** How many rejections are kept back, not yet counted in `count` (hold). */
  get pending(): number {
    return this.held?.length ?? 0;
  }

  /** The order ids of the rejections kept back (their receivers are wanted). */
  heldOrderIds(): string[] {
    return (this.held ?? []).map((h) => h.orderId).filter((id) => id !== '');
  }

  /** Show, count and write the rejections kept back, each masked with its order's receiver names. */
  async release(namesOf: (orderId: string) => Iterable<string> = () => []): Promise<void> {
    const held = this.held ?? [];
    this.held = undefined;
    this.holding = false;
    for (const h of held) await this.add(h.r, [...namesOf(h.orderId)], h.orderId);
  }

  /**
   * A rejected row. `orderId`: the order the row names, whose receiver names are masked in it when
   * rejections are held (hold); `names`: receiver names to mask.
   */
  async add(given: Rejection, names: readonly string[] = [], orderId = ''): Promise<void> {
    if (this.held && this.holding) {
      this.held.push({ r: given, orderId });
      return;
    }
    // A shifted row puts a phone or an address in any column: what is echoed (stderr, --rejects,
    // inspect's firstReasons) is masked by its look, whatever the column, unless --show-pii.
    const r = this.ctx.showPii ? given : masked(given, names);
    if (orderId !== '' && this.watchIds.has(orderId) && !this.watchedRows.has(orderId)) {
      this.watchedRows.set(orderId, r);
      this.watched ??= r;
    }
    this.count++;
    if (say(given.reason, 'en').includes(FUTURE_REASON_EN)) this.future++;
    const key = say(r.reason, 'en').replace(/"[^"]*"/g, '…');
    this.byReason.set(key, (this.byReason.get(key) ?? 0) + 1);
    if (this.first.length < SHOW_ON_STDERR) {
      this.first.push(r);
      if (!this.ctx.strict) this.ctx.io.stderr.write(`${this.line(r)}\n`);
    }
    if (this.ctx.rejects) {
      if (!this.writer) {
        this.writer = await openOutput(
          { ...this.ctx, output: this.ctx.rejects, format: undefined, stdout: this.ctx.io.stderr },
          COLUMNS,
        );
      }
      await this.writer.row({ ...r, reason: say(r.reason, this.ctx.lang) });
    }
  }

  line(r: Rejection): string {
    const col = r.column ? ` [${r.column}]` : '';
    const reason = say(r.reason, this.ctx.lang);
    // Most reasons quote the value already; say it once.
    const val = r.value !== undefined && r.value !== '' && !reason.includes(`"${shown(r.value)}"`) ? ` "${shown(r.value)}"` : '';
    return oneLine(`${r.file}:${r.line}${col}:${val} ${reason}`);
  }

  /** Close the --rejects file; under --strict any rejection fails the run (exit 3). */
  async finish(): Promise<void> {
    if (this.held) await this.release();
    if (this.ctx.rejects && !this.writer) {
      // An empty rejects file says "nothing was rejected" to a script that reads it.
      this.writer = await openOutput({ ...this.ctx, output: this.ctx.rejects, format: undefined, stdout: this.ctx.io.stderr }, COLUMNS);
    }
    await this.writer?.close();
    if (this.count > SHOW_ON_STDERR && !this.ctx.strict) {
      this.ctx.io.stderr.write(
        say(
          msg(
            `storeops: … 另有 ${this.count - SHOW_ON_STDERR} 行被拒绝${this.ctx.rejects ? ` (全部见 ${this.ctx.rejects})` : ' (用 --rejects <文件> 查看全部)'}`,
            `storeops: … and ${this.count - SHOW_ON_STDERR} more rejected rows${this.ctx.rejects ? ` (all in ${this.ctx.rejects})` : ' (use --rejects <file> to see them all)'}`,
          ),
          this.ctx.lang,
        ) + '\n',
      );
    }
    if (this.count > 0) {
      if (this.ctx.strict) {
        const firstLine = this.first[0] ? this.line(this.first[0]) : '';
        throw new InputError(
          msg(`--strict: ${this.count} 行被拒绝, 未产生结果。第一条: ${firstLine}`, `--strict: ${plural(this.count, 'row')} ${this.count === 1 ? 'was' : 'were'} rejected, so no result was produced. First: ${firstLine}`),
          msg('修正这些行, 或去掉 --strict 以跳过它们。', 'fix those rows, or drop --strict to skip them.'),
        );
      }
      this.ctx.attention();
    }
  }

  /**
   * The run failed (the --rejects file is not written). Rejections still kept back (hold: an order
   * export given with --orders could not be read, so its receiver names never came) are shown now,
   * masked by their look and a labelled name only, before the failure is: they were dropped unsaid.
   */
  async abort(): Promise<void> {
    if (this.held) {
      try {
        await this.release();
      } catch {
        /* the failure being reported is the one that matters */
      }
    }
    await this.writer?.abort();
  }

  /**
   * The hint of a run whose every row was rejected (exit 3). When every rejected row holds a time
   * after this computer's clock, the clock is named (guard45): a machine a year behind rejected a
   * fresh export row by row "in the future", each reason naming the clock, and then closed with
   * "usually the export is in a wrong format or encoding, or was re-saved in a spreadsheet", which
   * sent the operator to the file, not to the clock. Some of them only: both are said.
   */
  unusableHint(): Msg {
    const file = msg('多半是导出的格式或编码不对, 或文件被电子表格软件 (Excel、WPS、LibreOffice 等) 另存过', 'usually the export is in a wrong format or encoding, or was re-saved in a spreadsheet program (Excel, WPS, LibreOffice …)');
    if (this.future > 0 && this.future === this.count) {
      return msg(
        `被拒绝的 ${this.count} 行的时间都比本机时钟晚一天以上: 多半是这台电脑的时钟不对 (主板电池没电、虚拟机从快照恢复); 校准时钟 (date、timedatectl 或 NTP) 后再运行, 或用 --as-of 给出导出时的时间。`,
        `${this.count === 1 ? 'the rejected row holds' : `every one of the ${this.count} rejected rows holds`} a time more than a day after this computer's clock: most likely the clock is wrong (a dead battery, a virtual machine restored from a snapshot); set it (date, timedatectl or NTP) and run again, or give --as-of with the time of the export.`,
      );
    }
    if (this.future > 0) {
      return msg(
        `见上面的拒绝原因 (或 --rejects <文件>); 其中 ${this.future} 行的时间比本机时钟晚一天以上 (本机时钟不对? 校准后再运行, 或给出 --as-of); 其余的${file.zh}。`,
        `see the reasons above (or --rejects <file>); ${plural(this.future, 'row')} of them ${this.future === 1 ? 'holds' : 'hold'} a time more than a day after this computer's clock (is the clock wrong? set it and run again, or give --as-of); for the rest, ${file.en}.`,
      );
    }
    return msg(`见上面的拒绝原因 (或 --rejects <文件>); ${file.zh}。`, `see the reasons above (or --rejects <file>); ${file.en}.`);
  }

  reasons(): [string, number][] {
    return [...this.byReason.entries()].sort((a, b) => b[1] - a[1]);
  }
}
