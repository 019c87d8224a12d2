// A table read from a csv/xlsx file: header row mapped to fields through an alias table, then
// records with line numbers. Used by every command that reads a file.
import { InputError, type Msg, msg, noteLine, plural } from '../errors.js';
import { cleanCell, cleanHeader } from './cells.js';
import { badBytes, HEADER_SEARCH_LINES, Projection, type RawRecord, readRecordBatches } from './records.js';
import { type Sniffed, type StdinRef, openSource } from './source.js';
import { looksLikeData, maskedRow } from './pii.js';
import { type RejectLog, shown } from './rejects.js';

export interface FieldSpec {
  key: string;
  /** Header names this field goes by, in order of preference; compared after trimming. */
  aliases: readonly string[];
  required?: boolean;
  /**
   * Read when a file has it, though the platform's own download never does (a 拼多多 店铺名称 an ERP
   * adds; 旗帜颜色 / 订单标记 in a 淘宝/天猫 订单报表, which no era of docs/formats.md has): `orders
   * inspect` does not list it under `columnsMissing` when absent.
   */
  added?: boolean;
  /**
   * The header may carry its unit after the name, as shops write their own sheets: 一口价(元),
   * 服务费（元）, 佣金率(%), 展示周期(天). Matched only when no header has the plain name.
   */
  units?: boolean;
  /**
   * Other names read as this field only when none of `aliases` (plain or, with `units`, with its
   * unit) is present: 活动价 is the deal price on a sheet with no 到手价 column.
   */
  fallback?: readonly string[];
}

/** A unit written after a header name: (元), （元）, (%), (天), (元/件), /元. */
const UNIT_SUFFIX = /\s*(?:[(（]\s*(?:元|元\/件|¥|￥|rmb|cny|yuan|%|％|天|件|个)\s*[)）]|\/\s*(?:元|%|％|天|件))$/i;

/** A header without its unit (一口价(元) → 一口价); the header itself when it has none. */
export function withoutUnit(h: string): string {
  return h.replace(UNIT_SUFFIX, '');
}

export interface HeaderMap {
  headers: string[];
  /** Column index per field key (absent when the file lacks the field). */
  index: Map<string, number>;
  /** Header names no field claimed. */
  unmapped: string[];
  /**
   * Other columns with the same header name as a mapped field's column (two 订单状态 columns), by
   * field key. The reader refuses a row where they disagree: which one is right cannot be told.
   */
  twins: Map<string, number[]>;
}

export function normHeader(h: string): string {
  return foldBrackets(cleanHeader(h).toLowerCase());
}

/**
 * Full-width brackets as ASCII ones: 用户实付金额（元） is 用户实付金额(元). Chinese input methods and WPS type
 * （） by default and a reader cannot tell them apart (user27: a 拼多多 export so headed was refused by
 * compensate, "needs the column 用户实付金额(元)", beside a column it showed as 用户实付金额（元）).
 */
function foldBrackets(h: string): string {
  return h.indexOf('（') < 0 && h.indexOf('）') < 0 ? h : h.replace(/（/g, '(').replace(/）/g, ')');
}

export function mapHeader(headers: string[], fields: readonly FieldSpec[]): HeaderMap {
  // Each header cleaned and normalised once (normHeader is cleanHeader, then lower case): the twins
  // check compared every mapped field's header with every header, normalising both each time
  // (~2,400 normHeader calls for a 71-column 订单报表, each run cold at a run's start; issue 21).
  const clean = headers.map(cleanHeader);
  const norm = clean.map((c) => foldBrackets(c.toLowerCase()));
  const byName = new Map<string, number>();
  norm.forEach((k, i) => {
    if (k && !byName.has(k)) byName.set(k, i);
  });
  const index = new Map<string, number>();
  const used = new Set<number>();
  for (const f of fields) {
    for (const a of f.aliases) {
      const i = byName.get(normHeader(a));
      if (i !== undefined && !used.has(i)) {
        index.set(f.key, i);
        used.add(i);
        break;
      }
    }
  }
  // A header claimed for a field by one of `names`: its plain name (`plain`), else, where the field
  // may carry a unit, the name with a unit (一口价(元)); the first free header so named.
  let bare: string[] | undefined;
  const claim = (key: string, names: readonly string[], plain: boolean, withUnit: boolean): void => {
    for (const a of names) {
      const name = normHeader(a);
      let i = plain ? norm.findIndex((h, j) => h === name && !used.has(j)) : -1;
      if (i < 0 && withUnit) {
        bare ??= norm.map(withoutUnit);
        i = bare.findIndex((b, j) => b === name && norm[j] !== b && !used.has(j));
      }
      if (i >= 0) {
        index.set(key, i);
        used.add(i);
        return;
      }
    }
  };
  // A field that may carry a unit, and has no header of its plain name: the header with the unit
  // (一口价(元)). Only then, so a file with both 一口价 and 一口价(元) reads 一口价 as before.
  for (const f of fields) if (f.units && !index.has(f.key)) claim(f.key, f.aliases, false, true);
  // A field with no header of any of its names: its fallback names (活动价 for the deal price, only
  // when no 到手价/成交价 column, plain or with a unit), plain first, then with a unit.
  for (const f of fields) if (f.fallback && !index.has(f.key)) claim(f.key, f.fallback, true, !!f.units);
  const twins = new Map<string, number[]>();
  for (const [key, i] of index) {
    const name = norm[i]!;
    const same = norm.flatMap((h, j) => (j !== i && h === name ? [j] : []));
    if (same.length) {
      twins.set(key, same);
      for (const j of same) used.add(j); // the twin is the same field, not an unmapped column
    }
  }
  const unmapped = clean.filter((c, i) => !used.has(i) && c !== '');
  return { headers: clean, index, unmapped, twins };
}

/**
 * Header names for a message: each cut to 40 characters, at most `max` of them. A file that is
 * not a table (one 50 MB line) must not echo itself onto stderr.
 */
export function headerList(headers: readonly string[], max = 100, lang: 'zh' | 'en' = 'en'): string {
  // A file without a header row: its first data row (name, mobile, address …) is not echoed.
  if (looksLikeData(headers)) return maskedRow(headers, max, lang);
  const names = headers.filter((h) => h !== '');
  const shown = names.slice(0, max).map((h) => (h.length > 40 ? h.slice(0, 39) + '…' : h));
  if (names.length > max) shown.push(`… (+${names.length - max})`);
  return shown.join(', ');
}

/**
 * Why a row's width does not fit its header, or undefined when it does. A short row is fine while
 * it still reaches the last column the reader needs (an editor drops trailing empty cells); extra
 * cells are fine while they are empty. Cells beyond the header that hold data belong to no column.
 */
export function raggedProblem(cells: readonly string[], headerWidth: number, lastNeeded: number): Msg | undefined {
  if (cells.length < headerWidth) {
    if (cells.length <= lastNeeded) {
      return msg(`这一行只有 ${cells.length} 列, 表头有 ${headerWidth} 列 (行不完整)`, `this row has ${plural(cells.length, 'cell')} but the header has ${headerWidth} (ragged row)`);
    }
  } else if (cells.length > headerWidth) {
    for (let i = headerWidth; i < cells.length; i++) {
      if (cleanCell(cells[i]!) !== '') {
        return msg(`这一行有 ${cells.length} 列, 表头只有 ${headerWidth} 列 (多出的单元格有内容)`, `this row has ${cells.length} cells but the header has ${headerWidth} (extra cells hold data)`);
      }
    }
  }
  return undefined;
}

/**
 * The name a message gives a column: in zh its first Chinese alias (a roster's `日期`, not `date`;
 * the accepted names still list every alias), else the first alias as before.
 */
export function columnName(field: FieldSpec, lang: 'zh' | 'en'): string {
  return (lang === 'zh' ? field.aliases.find((a) => /[\u4e00-\u9fff]/.test(a)) : undefined) ?? field.aliases[0]!;
}

export function missingColumnError(file: string, what: Msg, field: FieldSpec, headers: string[]): InputError {
  const found = headerList(headers, 100, 'en') || '(none)';
  const foundZh = headerList(headers, 100, 'zh') || '(无)';
  // The file and its header travel with the error: the shell says so when it is another kind of input.
  return withHeader(file, headers, new InputError(
    msg(
      `${file}: 缺少必需的列 "${columnName(field, 'zh')}" (${what.zh}); 找到的列: ${foundZh}`,
      `${file}: required column "${field.aliases[0]}" is missing (${what.en}); columns found: ${found}`,
    ),
    msg(
      `可接受的列名: ${field.aliases.join(' / ')}。导出时勾选该列, 或改正表头。`,
      `accepted names: ${field.aliases.join(' / ')}. Include the column when exporting, or fix the header.`,
    ),
  ));
}

/** Attach a file's name and header to an error about it (see src/cli/kinds.ts). */
export function withHeader<E extends Error>(file: string, headers: readonly string[], e: E): E {
  return Object.assign(e, { file, headers });
}

export interface OpenedTable {
  sniffed: Sniffed;
  headerLine: number;
  headers: string[];
  /** The rows after the header, one at a time. Use this or `batches`, not both. */
  records: AsyncGenerator<RawRecord>;
  /** The same rows in batches (faster for big exports). */
  batches: AsyncGenerator<RawRecord[]>;
  /**
   * Decode only these columns from here on (a big export's reader uses a fifth of its columns);
   * the other cells read as ''. Undefined: all columns. Call before reading the rows.
   * `transient`: columns whose text the caller only parses and drops (times): it may share
   * memory with the reader's buffered text (cheaper to make, never to be kept).
   * `times`: columns whose cells in the export's own time shape the byte scanner may hand over as
   * numbers (RawRecord.times, in this order) instead of text (Projection.times).
   */
  project(columns: readonly number[] | undefined, transient?: readonly number[], times?: readonly number[]): void;
  /**
   * Let the file go without reading its rows (only the header was wanted): the reader is ended, so
   * an xlsx's file handle is closed now. Destroying `sniffed.stream` alone left the workbook's handle
   * open until garbage collection, when Node printed `Warning: Closing file descriptor … on garbage
   * collection` and a DEP0137 deprecation notice, in English, on a zh run's stderr (the -o guard).
   */
  close(): Promise<void>;
}

export { HEADER_SEARCH_LINES };

/**
 * What stderr says of the lines above a header found below line 1 (a title such as `评价管理导出
 * 2026-11-21`, a blank line): the file, the header's line and how many lines were skipped, so every
 * line of the file is accounted for (the rows read start below the header). The same words in every
 * reader: orders, roster files, reviews, 甄检 files, --exclude/--delivery-failures/--shipments; until
 * 2026-12 the review, 甄检 and compensate's own id/scan files skipped them silently.
 */
export function titleLinesNote(t: { sniffed: { name: string }; headerLine: number }): Msg | undefined {
  if (t.headerLine <= 1) return undefined;
  const n = t.headerLine - 1;
  // storeops: first, as the warnings after it (陈姐: "r.csv: 表头在第 2 行" was the one bare line of them).
  return noteLine(msg(
    `${t.sniffed.name}: 表头在第 ${t.headerLine} 行, 跳过了前面的 ${n} 行 (标题或空行)`,
    `${t.sniffed.name}: the header is on line ${t.headerLine}; ${n === 1 ? 'the line above it (title or blank) was skipped' : `the ${n} lines above it (title or blank) were skipped`}`,
  ));
}

/**
 * What a command says of an xlsx whose sheets after the table hold data (Sniffed.unreadSheets): they
 * were not read, which and how many rows, and what to do.
 */
export function unreadSheetsNote(name: string, u: { read: string; unread: readonly { name: string; rows: number; damaged?: boolean }[]; afterPassed?: boolean }): Msg {
  const zh = sheetList(u.unread, 'zh');
  const en = sheetList(u.unread, 'en');
  const one = u.unread.length === 1;
  // The table is not the workbook's first sheet when sheets before it were passed over (passedSheetsNote).
  const only = u.afterPassed ? msg(`只读取工作表 "${u.read}"`, `only the sheet "${u.read}" is read`) : msg(`只读取第一个工作表 "${u.read}"`, `only its first sheet, "${u.read}", is read`);
  return msg(
    `${name}: 工作簿中的工作表 ${zh} 没有读取: ${only.zh} (后面的工作表只有在前一个已写满 1,048,576 行、名为 "${u.read} (2)" 且表头相同时才接着读)。如果其中有要用的行 (例如两次下载的报表放在了同一个工作簿里), 把每个工作表另存为单独的文件, 一并传入`,
    `${name}: the workbook's ${one ? 'sheet' : 'sheets'} ${en} ${one ? 'was' : 'were'} not read: ${only.en} (a next sheet is read on only when the one before is full, 1,048,576 rows, and it is named "${u.read} (2)" with the same header). If ${one ? 'it holds' : 'they hold'} rows to use (two downloads put in one workbook, say), save each sheet as a file of its own and give those files too`,
  );
}

function sheetList(sheets: readonly { name: string; rows: number; damaged?: boolean }[], lang: 'zh' | 'en'): string {
  return lang === 'zh'
    ? sheets.map((x) => `"${x.name}" (${x.damaged ? '已损坏, 无法读完' : `${x.rows} 行有内容`})`).join('、')
    : sheets.map((x) => `"${x.name}" (${x.damaged ? 'damaged: it could not be read to its end' : `${plural(x.rows, 'row')} with data`})`).join(', ');
}

/**
 * What a command says of an xlsx whose table is not on its first sheet (records.ts tableFirst): the
 * sheet read, and the sheets before it passed over (a 说明 page of notes before the export).
 */
export function passedSheetsNote(name: string, u: { read: string; passed: readonly { name: string; rows: number }[] }): Msg {
  const one = u.passed.length === 1;
  return msg(
    `${name}: 读取的是工作表 "${u.read}": 它前面的工作表 ${sheetList(u.passed, 'zh')} 前 ${HEADER_SEARCH_LINES} 行里没有本命令能识别的表头, 已跳过 (没有读取)。如果要读的是${one ? '那个' : '其中某个'}工作表, 把它另存为单独的文件再传入`,
    `${name}: read the sheet "${u.read}"; the ${one ? 'sheet' : 'sheets'} before it, ${sheetList(u.passed, 'en')}, ${one ? 'has' : 'have'} no header this command reads in ${one ? 'its' : 'their'} first ${HEADER_SEARCH_LINES} rows and ${one ? 'was' : 'were'} passed over (not read). If ${one ? 'that sheet is' : 'one of them is'} the one to read, save it as a file of its own and give that file`,
  );
}

/** What a command says of an xlsx's hidden sheets that hold data (records.ts shownSheets): not read. */
export function hiddenSheetsNote(name: string, u: { read: string; hidden: readonly { name: string; rows: number; damaged?: boolean }[] }): Msg {
  const one = u.hidden.length === 1;
  return msg(
    `${name}: 隐藏的工作表 ${sheetList(u.hidden, 'zh')} 没有读取 (隐藏的工作表在 Excel 里看不到, 不当作报表读取); 读取的是工作表 "${u.read}"。如果要读的是隐藏的工作表, 在 Excel 里取消隐藏, 另存为单独的文件再传入`,
    `${name}: the hidden ${one ? 'sheet' : 'sheets'} ${sheetList(u.hidden, 'en')} ${one ? 'was' : 'were'} not read (a sheet hidden in Excel is not read as the table); the sheet read is "${u.read}". If a hidden sheet is the one to read, unhide it in Excel and save it as a file of its own`,
  );
}

/**
 * unreadSheetsNote for a command. Sheets that look like more of the table (records.ts UnreadSheet):
 * a warning, also under -q, and the run exits 1. Others (a 说明 sheet of notes, a hidden list of
 * drop-down choices): named in the summary only, exit unchanged; until 2026-12 they too made every
 * run exit 1.
 */
export function sheetNote(ctx: { warn(m: Msg): void; info(m: Msg): void; attention(): void }): SheetNote {
  return (name, u) => {
    // Sheets before the table passed over: said as sheets after it are, by the same measure (a
    // notes page in the summary, exit unchanged; one as wide as the table a warning, exit 1).
    const passed = u.passed ?? [];
    const afterPassed = passed.length > 0;
    const passedTable = passed.filter((x) => x.table);
    const passedOther = passed.filter((x) => !x.table);
    if (passedTable.length) {
      ctx.warn(passedSheetsNote(name, { read: u.read, passed: passedTable }));
      ctx.attention();
    }
    if (passedOther.length) ctx.info(noteLine(passedSheetsNote(name, { read: u.read, passed: passedOther })));
    const table = u.unread.filter((x) => x.table);
    const other = u.unread.filter((x) => !x.table);
    if (table.length) {
      ctx.warn(unreadSheetsNote(name, { read: u.read, unread: table, afterPassed }));
      ctx.attention();
    }
    if (other.length) ctx.info(noteLine(unreadSheetsNote(name, { read: u.read, unread: other, afterPassed })));
    // Hidden sheets: in the summary only, exit unchanged (a person opening the file does not see them either).
    if (u.hidden?.length) ctx.info(noteLine(hiddenSheetsNote(name, { read: u.read, hidden: u.hidden })));
  };
}

/** The hint for a 0-byte table the shop makes itself (agents, day-off requests, 甄检 products): nothing to export again. */
export const HAND_MADE_EMPTY = msg(
  '这是自己整理的表: 写上表头和每行数据, 另存为 csv 或 xlsx 后再运行; 保存可能未完成。',
  'this is a table you make yourself: write its header and rows, save it as csv or xlsx and run again; the save may not have finished.',
);

/** Told, once the rows are read, of an xlsx's sheets after the table that hold data (sheetNote). */
export type SheetNote = (name: string, u: NonNullable<Sniffed['unreadSheets']>) => void;

/**
 * Open a file and read up to its header row: the first non-empty record, or, given `isHeader`, the
 * first one within HEADER_SEARCH_LINES lines that it accepts (title lines before it are skipped;
 * records keep their physical line numbers). When none is accepted, the first non-empty record.
 */
export async function openTable(file: string, stdin: StdinRef, encoding?: string, isHeader?: (headers: string[]) => boolean, note?: SheetNote, emptyHint?: Msg): Promise<OpenedTable> {
  const sniffed = await openSource(file, stdin, encoding, emptyHint);
  const projection = new Projection();
  const source = readRecordBatches(sniffed, isHeader ? { projection, rejectNul: true, isHeader: (cells) => isHeader(cells.map(cleanHeader)) } : { projection, rejectNul: true });
  const seen: RawRecord[] = [];
  let first = -1;
  let found = -1;
  // Looking past the first record for the header, the reader may meet what makes the file unusable
  // (bytes cut mid-character, broken quoting) before any header: that is said when the records get
  // there, as without the search, so that the first record still tells what kind of file this is.
  let later: { error: unknown } | undefined;
  // The first record, taken as the header when no record within the search was accepted.
  let notAccepted = -1;
  while (found < 0) {
    let n: IteratorResult<RawRecord[]>;
    try {
      n = await source.next();
    } catch (e) {
      if (!isHeader || first < 0) throw e;
      later = { error: e };
      break;
    }
    if (n.done) break;
    const from = seen.length;
    seen.push(...n.value);
    for (let i = from; i < seen.length && found < 0; i++) {
      const r = seen[i]!;
      // Bytes the encoding cannot hold before the header is found (the header, a title line): the
      // columns cannot be known, and such a row is no row to pass over. The file is refused.
      if (r.badBytes !== undefined) throw badBytes(sniffed, r.line);
      // A NUL byte there (nulRecord): its columns cannot be known either.
      if (r.nul !== undefined) {
        throw new InputError(
          msg(
            `${sniffed.name}:${r.line}: 表头 (或表头之上的行) 第 ${r.nul} 列里有 NUL (0) 字节, 店铺后台导出的报表不会有它 (文件在下载或复制时损坏); 列无法确定, 整个文件未使用`,
            `${sniffed.name}:${r.line}: the header (or a line above it) holds a NUL (zero) byte in column ${r.nul}, which no back-office export writes (the file was damaged in a download or copy); its columns cannot be known, so the file was not used`,
          ),
          msg('从店铺后台重新下载该报表。', "download the export again from the shop's back office (店铺后台)."),
        );
      }
      if (r.problem || r.cells.every((c) => c.trim() === '')) continue;
      if (first < 0) first = i;
      if (!isHeader) found = first;
      else if (r.line > HEADER_SEARCH_LINES) found = notAccepted = first;
      else if (isHeader(r.cells.map(cleanHeader))) found = i;
    }
  }
  if ((found < 0 || found === notAccepted) && first >= 0 && isHeader) {
    found = -1;
    // No header accepted: the file is another kind (a review table given to zhenjian estimate). A
    // title line above it (评价管理导出 2026-12-07, one cell) named nothing, so the error listed it as
    // the columns found and could not tell the kind; the first row of two or more names below it is
    // the header to show (user18). Only rows searched for the header, never one that looks like data.
    const filled = (r: RawRecord) => r.cells.filter((c) => c.trim() !== '').length;
    if (filled(seen[first]!) === 1) {
      for (let i = first + 1; i < seen.length && seen[i]!.line <= HEADER_SEARCH_LINES; i++) {
        const r = seen[i]!;
        if (r.problem || r.badBytes !== undefined) continue;
        if (filled(r) >= 2 && !looksLikeData(r.cells)) {
          found = i;
          break;
        }
        if (filled(r) >= 2) break;
      }
    }
  }
  if (found < 0) found = first;
  if (found < 0) {
    throw new InputError(
      msg(`${sniffed.name} 没有表头行, 文件里没有数据`, `${sniffed.name} has no header row: there is no data in it`),
      msg('重新导出; 下载可能不完整。', 'export it again; the download may be incomplete.'),
    );
  }
  const header = seen[found]!;
  const rest = seen.slice(found + 1);
  seen.length = 0;
  // An xlsx row stores no cell after its last non-empty one: those cells are empty, not missing
  // (else every reader would reject such a row as ragged when a column it needs ends the row).
  const width = sniffed.container === 'xlsx' ? header.cells.length : 0;
  const pad = (b: RawRecord[]) => {
    for (const r of b) if (!r.problem) while (r.cells.length < width) r.cells.push('');
    return b;
  };
  const batches = (async function* () {
    if (rest.length) yield pad(rest);
    if (later) throw later.error;
    if (!width) yield* source;
    else for await (const b of source) yield pad(b);
    if (sniffed.unreadSheets && note) note(sniffed.name, sniffed.unreadSheets);
  })();
  const records = (async function* () {
    for await (const b of batches) yield* b;
  })();
  const project = (columns: readonly number[] | undefined, transient?: readonly number[], times?: readonly number[]) => {
    if (times?.length) {
      const t = new Uint8Array(header.cells.length);
      times.forEach((i, k) => {
        if (i < t.length) t[i] = k + 1;
      });
      projection.times = t;
    } else projection.times = undefined;
    if (transient?.length) {
      const t = new Uint8Array(header.cells.length);
      for (const i of transient) if (i < t.length) t[i] = 1;
      projection.transient = t;
    } else projection.transient = undefined;
    if (columns === undefined) {
      projection.want = undefined;
      return;
    }
    const want = new Uint8Array(header.cells.length);
    for (const i of columns) if (i < want.length) want[i] = 1;
    projection.want = want;
  };
  const close = async () => {
    try {
      await source.return(undefined);
    } finally {
      sniffed.stream.destroy();
    }
  };
  return { sniffed, headerLine: header.line, headers: header.cells.map(cleanHeader), records, batches, project, close };
}

/** Open a table and map its header; a missing required field is an input error (exit 3). */
export async function openMappedTable(
  file: string,
  stdin: StdinRef,
  fields: readonly FieldSpec[],
  what: Msg,
  encoding?: string,
  /** Look for the header within the first lines (title lines above it are skipped): the first row naming every required field. */
  findHeader = false,
  /** Told, once the rows are read, of an xlsx's sheets that hold data but were not read (unreadSheetsNote). */
  note?: SheetNote,
  /** The hint for a 0-byte file that is no download (HAND_MADE_EMPTY); an export's by default. */
  emptyHint?: Msg,
): Promise<OpenedTable & { map: HeaderMap }> {
  const required = fields.filter((f) => f.required);
  const isHeader = findHeader ? (h: string[]) => { const m = mapHeader(h, fields); return required.every((f) => m.index.has(f.key)); } : undefined;
  const t = await openTable(file, stdin, encoding, isHeader, note, emptyHint);
  const map = mapHeader(t.headers, fields);
  for (const f of fields) if (f.required && !map.index.has(f.key)) throw missingColumnError(t.sniffed.name, what, f, t.headers);
  return { ...t, map };
}

/**
 * The first screening every reader applies to a record, so none can drop a row silently: a record
 * the parser could not read (an unclosed quote …) is rejected with its reason, a blank one is
 * skipped, a ragged one (see raggedProblem) is rejected. True when the row is to be read further.
 * A problem record has no cells: it must be checked before "all cells blank", or it looks blank.
 */
export async function usableRecord(r: RawRecord, file: string, rejects: RejectLog, shape?: RowShape): Promise<boolean> {
  if (r.problem) {
    await rejects.add({ file, line: r.line, reason: r.problem });
    return false;
  }
  if (r.cells.every((c) => c.trim() === '')) return false;
  const ragged = shape ? raggedProblem(r.cells, shape.headerWidth, shape.lastNeeded) : undefined;
  if (ragged) {
    await rejects.add({ file, line: r.line, reason: ragged });
    return false;
  }
  const twin = shape?.map ? twinProblem(r.cells, shape.map, shape.private) : undefined;
  if (twin) {
    await rejects.add({ file, line: r.line, column: twin.column, reason: twin.reason });
    return false;
  }
  return true;
}

/**
 * What usableRecord decides without a word to say: true when it would return true (nothing rejected,
 * not blank), so a reader awaits usableRecord only for a row it has something to say of.
 */
export function recordFine(r: RawRecord, shape: RowShape): boolean {
  if (r.problem) return false;
  if (r.cells.every((c) => c.trim() === '')) return false;
  if (raggedProblem(r.cells, shape.headerWidth, shape.lastNeeded)) return false;
  return !(shape.map && twinProblem(r.cells, shape.map, shape.private));
}

/**
 * A table's batches, each with whether it is the file's last (one batch held back; empty ones
 * passed over): a reader loops over a batch's records itself, the last one the file's last record.
 */
export async function* batchesWithLast(batches: AsyncIterable<RawRecord[]>): AsyncGenerator<[RawRecord[], boolean]> {
  let held: RawRecord[] | undefined;
  for await (const b of batches) {
    if (b.length === 0) continue;
    if (held) yield [held, false];
    held = b;
  }
  if (held) yield [held, true];
}

/**
 * A table's records in batches with the file's last *record* held back (not its last batch): each
 * batch but its last record, that record passed on with the next batch, and alone at the end with
 * `true`. The records are handled in the order, and between the same reads of the source, as one at
 * a time with one held back: a sheet's note or an error thrown as the source ends (said when the
 * next batch is asked for) still comes after every record but the last, as it did (zhenjian's
 * product sheet; reviews read holds a whole batch, batchesWithLast). No async step per record.
 */
export async function* batchesHoldingLast(batches: AsyncIterable<RawRecord[]>): AsyncGenerator<[RawRecord[], boolean]> {
  let held: RawRecord | undefined;
  for await (const b of batches) {
    if (b.length === 0) continue;
    const out = held === undefined ? b.slice(0, -1) : [held, ...b.slice(0, -1)];
    held = b[b.length - 1];
    if (out.length > 0) yield [out, false];
  }
  if (held !== undefined) yield [[held], true];
}

/**
 * A csv's last record cut off by the end of the file (a download or a copy that did not finish):
 * no line break after it, and fewer cells than the header or a last cell cut inside Taobao's `="…"`.
 * `row` names what the row was (`this review` / `这条评价`).
 * The same test as the order reader's (orders/read.ts); xlsx and other encodings are never so cut.
 */
export function cutOffLastRow(r: RawRecord, headerWidth: number, sniffed: Pick<Sniffed, 'container' | 'encoding' | 'lastByte'>, row: Msg): Msg | undefined {
  if (r.problem || sniffed.container !== 'csv' || (sniffed.encoding !== 'utf8' && sniffed.encoding !== 'gb18030')) return undefined;
  const last = sniffed.lastByte?.();
  if (last === undefined || last === 0x0a || last === 0x0d) return undefined;
  const lastCell = r.cells[r.cells.length - 1] ?? '';
  const openWrapper = lastCell.startsWith('="') && (lastCell.length < 3 || !lastCell.endsWith('"'));
  if (r.cells.length >= headerWidth && !openWrapper) return undefined;
  return msg(
    `文件在这一行中间结束 (${headerWidth} 列的表头, 这一行只有 ${r.cells.length} 列, 其后没有换行): 文件被截断了 (下载或复制没有完成), ${row.zh}没有读取; 请重新下载或复制该文件`,
    `the file ends in the middle of this row (${r.cells.length} of the header's ${headerWidth} cells, no line break after it): the file was cut off (a download or copy that did not finish) and ${row.en} was not read; download or copy the file again`,
  );
}

/** What a row must look like: its width against the header's, and the header's twin columns. */
export interface RowShape {
  headerWidth: number;
  /** The last column the reader needs: a shorter row is ragged. */
  lastNeeded: number;
  /** The header map: a field whose twin columns (the same name twice) disagree makes the row unusable. */
  map?: HeaderMap;
  /** Fields whose values are personal: a disagreement is reported without them. */
  private?: ReadonlySet<string>;
}

/** The shape of a mapped table's rows: a short row must reach every required field's column. */
export function rowShape(map: HeaderMap, fields: readonly FieldSpec[], privateFields?: ReadonlySet<string>): RowShape {
  let lastNeeded = -1;
  for (const f of fields) if (f.required && map.index.has(f.key)) lastNeeded = Math.max(lastNeeded, map.index.get(f.key)!);
  return { headerWidth: map.headers.length, lastNeeded, map, private: privateFields };
}

/**
 * Two columns under one header name (two 一口价) that disagree in this row: which one is right
 * cannot be told, so the row is not used (never the first one silently).
 */
export function twinProblem(cells: readonly string[], map: HeaderMap, privateFields?: ReadonlySet<string>): { column: string; reason: Msg } | undefined {
  const d = twinDisagreement(cells, map, privateFields);
  if (!d) return undefined;
  return {
    column: d.name,
    reason: msg(`${d.text.zh}; 这一行未使用 (删除或改名其中一列)`, `${d.text.en}, so the row was not used (delete or rename one of them)`),
  };
}

/**
 * The first field whose same-named columns hold different values in this row: its header name and
 * what differs ("two columns are named … which one is right cannot be told"). Undefined when they agree.
 */
export function twinDisagreement(cells: readonly string[], map: HeaderMap, privateFields?: ReadonlySet<string>): { name: string; text: Msg } | undefined {
  for (const [key, others] of map.twins) {
    const i = map.index.get(key)!;
    const a = cleanCell(cells[i] ?? '');
    for (const j of others) {
      const b = cleanCell(cells[j] ?? '');
      if (a === b) continue;
      const name = map.headers[i]!;
      const values = privateFields?.has(key) ? '' : ` ("${shown(a)}" / "${shown(b)}")`;
      return {
        name,
        text: msg(
          `有两列都叫 "${name}" (第 ${i + 1} 列和第 ${j + 1} 列), 这一行两列的值不同${values}; 无法确定哪一列是对的`,
          `two columns are named "${name}" (columns ${i + 1} and ${j + 1}) and their values differ in this row${values}; which one is right cannot be told`,
        ),
      };
    }
  }
  return undefined;
}
