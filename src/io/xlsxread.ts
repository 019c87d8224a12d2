// The fast xlsx reader: a workbook's sheets read straight from the zip (zipread.ts) with a
// streaming XML tokenizer (xmlscan.ts), giving each row the values exceljs's streaming reader
// gives (records.ts turns both into records the same way). exceljs (through saxes) spent 94 % of
// a 20k-row read in its XML parser and the garbage it made; this reads the same rows several
// times faster. The sheet is inflated and scanned a chunk at a time; the shared strings and the
// styles' number formats are held (every cell may refer to them).
//
// exceljs stays the reference: each rule below is what exceljs 4.4 does (lib/stream/xlsx/
// workbook-reader.js and worksheet-reader.js), quirks included, so a file reads the same either
// way (test/io/xlsx-fast.property.test.ts compares them). Differences on purpose: a cell
// without an `r="B2"` reference is in the column after the one before it, and a row without
// `r="2"` the row after the one before (OOXML makes both optional; exceljs refused such a file
// as damaged); a formula whose saved result is 0 or empty text reads as that value (exceljs
// dropped the result and the row was rejected as a formula without its value); a cell's text is
// what its <v>/<t> elements hold, so an indented file's line breaks between elements are not
// added to it, the runs of a rich inline string are joined (exceljs kept the last run) and a
// phonetic reading (<rPh>) neither replaces nor joins a string's text.
//
// Anything it does not recognise — not a file (stdin), an encrypted or otherwise unusual zip,
// xlsb, Strict OOXML or prefixed namespaces, a DOCTYPE, a missing workbook, relationships or
// styles part, entries laid out in an order where exceljs would read a sheet before its styles —
// is reported by openFastXlsx as undefined before a row is read, and exceljs reads the file.
import fs from 'node:fs';
import { XmlError, type XmlHandler, XmlScanner, XmlUnsupported, attributes, xmlText } from './xmlscan.js';
import { type ZipEntry, ZipDamaged, ZipUnsupported, entryChunks, zipEntries } from './zipread.js';

/** One row as exceljs's reader gives it: its number and `row.values` (index = column, from 1). */
export interface XRow {
  number: number;
  values: unknown[];
}

export interface FastSheet {
  name: string;
  /** Hidden in Excel (`state="hidden"` or `"veryHidden"` in xl/workbook.xml): no tab shows it. */
  hidden?: boolean;
  /** The rows, in batches as they are scanned. */
  rows(): AsyncGenerator<XRow[]>;
}

export interface FastBook {
  /**
   * The sheets in the workbook's order (its tabs, xl/workbook.xml `<sheets>`), as records.ts
   * excelJSSheets gives them too; a sheet part the workbook does not list comes after them.
   */
  sheets: FastSheet[];
  close(): Promise<void>;
}

/** The sheet's XML is not well formed, or its zip entry cannot be inflated: the file is damaged. */
export class XlsxDamaged extends Error {}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** exceljs's built-in number formats (lib/xlsx/defaultnumformats.js): ids it knows, ids it treats as dates. */
const BUILTIN_FMT: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** exceljs's utils.isDateFmt: a date/time token outside quotes and brackets. */
export function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(f);
}

/** exceljs's utils.excelToDate. */
export function excelToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** exceljs's utils.xmlDecode (applied by exceljs to inline and formula strings, after saxes decoded them once). */
function xmlDecode(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(/&([a-z]*);/g, (c) => (c === '&lt;' ? '<' : c === '&gt;' ? '>' : c === '&amp;' ? '&' : c === '&apos;' ? "'" : c === '&quot;' ? '"' : c));
}

/** Scan a whole (small or streamed) entry with a handler; returns the root element's name and namespace. */
async function scanEntry(fh: fs.promises.FileHandle, e: ZipEntry, h: XmlHandler): Promise<void> {
  const sc = new XmlScanner(h);
  for await (const b of entryChunks(fh, e)) sc.write(b);
  sc.end();
}

/** A handler that records the root element before passing events on. */
function rooted(inner: Partial<XmlHandler>, root: { name?: string; ns?: string }): XmlHandler {
  return {
    open(name, attrs, sc) {
      if (root.name === undefined) {
        root.name = name;
        root.ns = attributes(attrs).xmlns;
      }
      inner.open?.(name, attrs, sc);
    },
    close(name) {
      inner.close?.(name);
    },
    text(t) {
      inner.text?.(t);
    },
  };
}

interface Styles {
  /** numFmtId of each cellXfs xf (NaN when it has none). */
  xfs: number[];
  custom: Map<number, string>;
}

async function readStyles(fh: fs.promises.FileHandle, e: ZipEntry): Promise<Styles | undefined> {
  const root: { name?: string; ns?: string } = {};
  const xfs: number[] = [];
  const custom = new Map<number, string>();
  const path: string[] = [];
  await scanEntry(
    fh,
    e,
    rooted(
      {
        open(name, attrs, sc) {
          const parent = path[path.length - 1];
          if (name === 'numFmt' && parent === 'numFmts' && path.length === 2) {
            const a = attributes(attrs);
            if (a.formatCode === undefined) throw new XmlUnsupported('numFmt without formatCode');
            custom.set(parseInt(a.numFmtId ?? '', 10), a.formatCode.replace(/[\\](.)/g, '$1'));
          } else if (name === 'xf' && parent === 'cellXfs' && path.length === 2) {
            xfs.push(parseInt(attributes(attrs).numFmtId ?? '', 10));
          }
          if (!sc) path.push(name);
        },
        close(name) {
          if (path[path.length - 1] === name) path.pop();
        },
      },
      root,
    ),
  );
  if (root.name !== 'styleSheet' || root.ns !== MAIN_NS || xfs.length === 0) return undefined;
  return { xfs, custom };
}

/** The shared strings as exceljs caches them: a string, or null for an <si> with no text. */
async function readSharedStrings(fh: fs.promises.FileHandle, e: ZipEntry): Promise<(string | null)[] | undefined> {
  const root: { name?: string; ns?: string } = {};
  const out: (string | null)[] = [];
  let text: string | null = null;
  let runs: (string | null)[] = [];
  // Text counts inside <t> only, and not inside phonetic runs (<rPh>): exceljs also took the line
  // breaks of an indented file and let a phonetic reading replace the text.
  let inT = false;
  let rph = 0;
  await scanEntry(
    fh,
    e,
    rooted(
      {
        open(name, _attrs, selfClosing) {
          if (name === 'si') {
            runs = [];
            text = null;
            rph = 0;
          } else if (name === 't') {
            if (rph === 0) {
              text = null;
              inT = !selfClosing;
            }
          } else if (name === 'rPh') {
            if (!selfClosing) rph++;
          }
        },
        text(t) {
          if (inT) text = text ? text + t : t;
        },
        close(name) {
          if (name === 't') inT = false;
          else if (name === 'rPh') rph = Math.max(0, rph - 1);
          else if (name === 'r') {
            runs.push(text);
            text = null;
          } else if (name === 'si') {
            // Rich text: exceljs keeps the runs; their texts joined is what a cell shows.
            out.push(runs.length ? runs.map((r) => r ?? '').join('') : text);
            runs = [];
            text = null;
          }
        },
      },
      root,
    ),
  );
  if (root.name !== 'sst' || root.ns !== MAIN_NS) return undefined;
  return out;
}

/** Stops a probe at the root element. */
class RootFound extends Error {}

/** The first element of a sheet: a transitional `<worksheet>` is what this reader reads (the rest is not looked at here). */
async function sheetRootOk(fh: fs.promises.FileHandle, e: ZipEntry): Promise<boolean> {
  const root: { name?: string; ns?: string } = {};
  const sc = new XmlScanner(
    rooted(
      {
        open() {
          throw new RootFound();
        },
      },
      root,
    ),
  );
  try {
    for await (const b of entryChunks(fh, e, undefined, 64 * 1024)) sc.write(b);
  } catch (err) {
    if (err instanceof RootFound) return root.name === 'worksheet' && root.ns === MAIN_NS;
    if (err instanceof XmlError || err instanceof XmlUnsupported) return false;
    throw err;
  }
  return false;
}

/**
 * A workbook the fast reader can read as exceljs would, or undefined (read it with exceljs).
 * `onRead` is told the compressed bytes read from the sheets (a progress bar).
 */
export async function openFastXlsx(file: string, onRead?: (n: number) => void): Promise<FastBook | undefined> {
  let fh: fs.promises.FileHandle | undefined;
  try {
    fh = await fs.promises.open(file, 'r');
    const st = await fh.stat();
    if (!st.isFile()) {
      await fh.close();
      return undefined;
    }
    const book = await openBook(fh, st.size, onRead);
    if (!book) await fh.close();
    return book;
  } catch (err) {
    await fh?.close().catch(() => undefined);
    // A part whose bytes fail the archive's checksum is damaged: exceljs would read them as they are.
    if (err instanceof ZipDamaged) throw new XlsxDamaged(err.message);
    if (err instanceof ZipUnsupported || err instanceof XmlUnsupported || err instanceof XmlError) return undefined;
    // Anything else (a damaged zip, an inflate error): exceljs reads it and says what it says now.
    return undefined;
  }
}

async function openBook(fh: fs.promises.FileHandle, size: number, onRead?: (n: number) => void): Promise<FastBook | undefined> {
  const entries = await zipEntries(fh, size);
  const byName = (n: string) => entries.find((x) => x.name === n);
  const relsE = byName('xl/_rels/workbook.xml.rels');
  const wbE = byName('xl/workbook.xml');
  const stylesE = byName('xl/styles.xml');
  const ssE = byName('xl/sharedStrings.xml');
  if (!relsE || !wbE || !stylesE) return undefined;
  // exceljs reads the entries in the order they lie in the file; a name twice is not a layout it was tested on.
  if (new Set(entries.map((x) => x.name)).size !== entries.length) return undefined;

  // Relationships: Id → Target.
  const rels: { Id?: string; Target?: string }[] = [];
  const relsRoot: { name?: string; ns?: string } = {};
  await scanEntry(
    fh,
    relsE,
    rooted(
      {
        open(name, attrs) {
          if (name === 'Relationship') rels.push(attributes(attrs));
        },
      },
      relsRoot,
    ),
  );
  if (relsRoot.name !== 'Relationships') return undefined;

  // Workbook: the sheets' names and relationship ids, and the 1904 date system.
  const sheetsOf: { name: string; rId?: string; state?: string }[] = [];
  let date1904 = false;
  const wbRoot: { name?: string; ns?: string } = {};
  let bad = false;
  await scanEntry(
    fh,
    wbE,
    rooted(
      {
        open(name, attrs) {
          if (name === 'sheet') {
            const a = attributes(attrs);
            if (a.name === undefined) bad = true;
            else sheetsOf.push({ name: xmlDecode(a.name), rId: a['r:id'], state: a.state });
          } else if (name === 'workbookPr') date1904 = attributes(attrs).date1904 === '1';
        },
      },
      wbRoot,
    ),
  );
  if (bad || wbRoot.name !== 'workbook' || wbRoot.ns !== MAIN_NS) return undefined;

  const styles = await readStyles(fh, stylesE);
  if (!styles) return undefined;
  let shared: (string | null)[] | undefined;
  if (ssE) {
    shared = await readSharedStrings(fh, ssE);
    if (!shared) return undefined;
  }

  // The sheets as exceljs meets them: one met once the shared strings, relationships and workbook
  // have been read at once, one met before put aside for the end (a layout where exceljs would read
  // a sheet before the styles is left to exceljs). Both readers then give them in the workbook's order.
  const now: { e: ZipEntry; no: string }[] = [];
  const later: { e: ZipEntry; no: string }[] = [];
  let seenSS = false;
  let seenRels = false;
  let seenWb = false;
  let seenStyles = false;
  for (const e of entries) {
    if (e === relsE) seenRels = true;
    else if (e === wbE) seenWb = true;
    else if (e === ssE) seenSS = true;
    else if (e === stylesE) seenStyles = true;
    else {
      const m = /xl\/worksheets\/sheet(\d+)[.]xml/.exec(e.name);
      if (!m) continue;
      if (seenSS && seenRels && seenWb) {
        // exceljs would read this sheet before it has read the styles.
        if (!seenStyles) return undefined;
        now.push({ e, no: m[1]! });
      } else later.push({ e, no: m[1]! });
    }
  }
  const found = [...now, ...later].map(({ e, no }) => {
    const rel = rels.find((r) => r.Target === `worksheets/sheet${no}.xml`);
    const sheet = rel ? sheetsOf.find((x) => x.rId === rel.Id) : undefined;
    return { e, no, sheet, rank: sheet ? sheetsOf.indexOf(sheet) : sheetsOf.length };
  });
  for (const { e } of found) if (!(await sheetRootOk(fh, e))) return undefined;
  // The workbook's order, as Excel shows the tabs (a stable sort: a sheet the workbook does not list
  // keeps its place after them). Until 2026-12 the sheets came in the order exceljs met them in the
  // zip, so a workbook whose parts are stored in another order than its tabs (written by a tool that
  // keeps sheetN.xml when tabs are moved) was read from a sheet that is not its first tab.
  const order = [...found].sort((a, b) => a.rank - b.rank);
  // A workbook that hides every sheet is not one Excel writes (one tab at least shows): read as if none were hidden.
  const shown = (st?: string) => st !== 'hidden' && st !== 'veryHidden';
  const anyShown = order.some(({ sheet }) => shown(sheet?.state));

  const sheets: FastSheet[] = order.map(({ e, no, sheet }) => {
    return {
      name: sheet ? sheet.name : `Sheet${no}`,
      ...(anyShown && !shown(sheet?.state) ? { hidden: true } : {}),
      rows: () => sheetRows(fh, e, { styles, shared, date1904 }, onRead),
    };
  });
  return { sheets, close: () => fh.close() };
}

interface BookState {
  styles: Styles;
  shared: (string | null)[] | undefined;
  date1904: boolean;
}

/** Column number of a cell reference as exceljs's colCache.decodeAddress reads it. */
function columnOf(ref: string): number {
  let col = 0;
  let letters = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) {
      col = col * 26 + ch - 64;
      letters++;
    } else if (ch === 36 && letters === 0) continue;
    else break;
  }
  if (letters === 0) throw new XlsxDamaged(`cell reference "${ref}" names no column`);
  if (col > 16384) throw new XlsxDamaged(`Out of bounds. Invalid column letter: ${ref}`);
  return col;
}

/** Hot element names, compared without making a string. */
const enum El {
  Other,
  SheetData,
  Row,
  C,
  F,
  V,
  Is,
  T,
  RPh,
}
const EL_NAME = ['', 'sheetData', 'row', 'c', 'f', 'v', 'is', 't', 'rPh'];

function elOf(buf: string, a: number, b: number): El {
  const len = b - a;
  const c0 = buf.charCodeAt(a);
  if (len === 1) return c0 === 99 ? El.C : c0 === 118 ? El.V : c0 === 116 ? El.T : c0 === 102 ? El.F : El.Other;
  if (len === 3) {
    if (c0 !== 114) return El.Other;
    const c1 = buf.charCodeAt(a + 1);
    const c2 = buf.charCodeAt(a + 2);
    return c1 === 111 && c2 === 119 ? El.Row : c1 === 80 && c2 === 104 ? El.RPh : El.Other;
  }
  if (len === 2) return c0 === 105 && buf.charCodeAt(a + 1) === 115 ? El.Is : El.Other;
  if (len === 9) return buf.startsWith('sheetData', a) ? El.SheetData : El.Other;
  return El.Other;
}

function isWs(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

/**
 * Where the r, s and t attribute values of the tag just read lie in the buffer (-1: absent).
 */
let rA = -1;
let rB = -1;
let sA = -1;
let sB = -1;
let tA = -1;
let tB = -1;

/**
 * Reads an open tag's attributes from `from` (just after its name); returns the index of its
 * closing `>`, or -1 when the buffer ends first.
 */
function tagAttrs(buf: string, from: number, n: number): number {
  rA = sA = tA = -1;
  let i = from;
  for (;;) {
    while (i < n && isWs(buf.charCodeAt(i))) i++;
    if (i >= n) return -1;
    const ch = buf.charCodeAt(i);
    if (ch === 62 /* > */) return i;
    if (ch === 47 /* / */) {
      if (i + 1 >= n) return -1;
      if (buf.charCodeAt(i + 1) !== 62) throw new XlsxDamaged('a / inside a tag');
      return i + 1;
    }
    const ns = i;
    while (i < n) {
      const c = buf.charCodeAt(i);
      if (c === 61 || isWs(c) || c === 62 || c === 47) break;
      i++;
    }
    const ne = i;
    while (i < n && isWs(buf.charCodeAt(i))) i++;
    if (i >= n) return -1;
    if (buf.charCodeAt(i) !== 61) throw new XlsxDamaged('an attribute without a value');
    i++;
    while (i < n && isWs(buf.charCodeAt(i))) i++;
    if (i >= n) return -1;
    const q = buf.charCodeAt(i);
    if (q !== 34 && q !== 39) throw new XlsxDamaged('an attribute value without quotes');
    const vs = i + 1;
    const ve = buf.indexOf(q === 34 ? '"' : "'", vs);
    if (ve === -1) return -1;
    i = ve + 1;
    if (ne - ns !== 1) continue;
    const an = buf.charCodeAt(ns);
    if (an === 114) (rA = vs), (rB = ve);
    else if (an === 115) (sA = vs), (sB = ve);
    else if (an === 116) (tA = vs), (tB = ve);
  }
}

/** Does the value hold an entity, a tab or a line break (text that saxes would change)? */
function escapedAt(buf: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const c = buf.charCodeAt(k);
    if (c === 38 || c === 9 || c === 10 || c === 13 || c === 60) return true;
  }
  return false;
}

/** An attribute value read by tagAttrs, as a string (decoded), or undefined. */
function attrText(buf: string, a: number, b: number): string | undefined {
  if (a < 0) return undefined;
  const v = buf.slice(a, b);
  return escapedAt(buf, a, b) ? attributes(`a="${v.replace(/"/g, '&quot;')}"`).a : v;
}

/** The cell types exceljs tells apart. */
const enum CT {
  Number,
  Shared,
  Str,
  Inline,
  Error,
  Bool,
}

function cellType(t: string | undefined): CT {
  return t === 's' ? CT.Shared : t === 'str' ? CT.Str : t === 'inlineStr' ? CT.Inline : t === 'e' ? CT.Error : t === 'b' ? CT.Bool : CT.Number;
}

function cellTypeAt(buf: string, a: number, b: number): CT {
  if (a < 0) return CT.Number;
  const len = b - a;
  const c0 = buf.charCodeAt(a);
  if (len === 1 && c0 === 115) return CT.Shared;
  if (len === 9 && buf.startsWith('inlineStr', a)) return CT.Inline;
  if (len === 3 && buf.startsWith('str', a)) return CT.Str;
  if (len === 1 && c0 === 98) return CT.Bool;
  if (len === 1 && c0 === 101) return CT.Error;
  return cellType(attrText(buf, a, b));
}

/** parseInt(value, 10) of a plain run of digits without making a string (else parseInt itself). */
function intAt(buf: string, a: number, b: number): number {
  if (b - a > 0 && b - a < 10) {
    let v = 0;
    let k = a;
    for (; k < b; k++) {
      const c = buf.charCodeAt(k) - 48;
      if (c < 0 || c > 9) break;
      v = v * 10 + c;
    }
    if (k === b) return v;
  }
  return parseInt(attrText(buf, a, b)!, 10);
}

/** Column of a cell reference as colCache.decodeAddress reads it, from the buffer. */
function columnAt(buf: string, a: number, b: number): number {
  let col = 0;
  let letters = 0;
  for (let k = a; k < b; k++) {
    const ch = buf.charCodeAt(k);
    if (ch >= 65 && ch <= 90) {
      col = col * 26 + ch - 64;
      letters++;
    } else if (ch === 36 && letters === 0) continue;
    else break;
  }
  if (letters === 0 || col > 16384) return columnOf(attrText(buf, a, b)!);
  return col;
}

/** The compressed sheet inflated and scanned a chunk at a time: rows as exceljs's WorksheetReader gives them. */
async function* sheetRows(fh: fs.promises.FileHandle, e: ZipEntry, book: BookState, onRead?: (n: number) => void): AsyncGenerator<XRow[]> {
  const { styles, shared, date1904 } = book;
  // Per style id: its number format (undefined: none), or null when the id names no style.
  const fmtCache = new Map<number, { fmt: string | undefined } | null>();
  const styleOf = (id: number): { fmt: string | undefined } | null => {
    let m = fmtCache.get(id);
    if (m === undefined) {
      const numFmtId = styles.xfs[id];
      if (numFmtId === undefined) m = null;
      else m = { fmt: numFmtId ? styles.custom.get(numFmtId) || BUILTIN_FMT[numFmtId] : undefined };
      fmtCache.set(id, m);
    }
    return m;
  };
  const dateFmt = new Map<string, boolean>();
  const isDate = (fmt: string | undefined) => {
    if (!fmt) return false;
    let d = dateFmt.get(fmt);
    if (d === undefined) dateFmt.set(fmt, (d = isDateFmt(fmt)));
    return d;
  };

  let ready: XRow[] = [];
  const stack: string[] = [];
  let inRows = false;
  // The open <row> (exceljs's `row`).
  let rowOpen = false;
  let rowNum = 0;
  let rowFmt: string | undefined;
  let vals: unknown[] = [];
  let prevRow = 0;
  let prevCol = 0;
  // The open <c> (exceljs's `c`): its attributes, and its <f> and <v>/<is>/<t> texts (undefined: none met).
  let cOpen = false;
  let cCol = 0;
  let cS = NaN;
  let cT = CT.Number;
  let fText: string | undefined;
  let vText: string | undefined;
  // Where text goes (exceljs's `current`): 1 the cell's f, 2 its v, 0 nowhere.
  let cur = 0;
  // Inside the cell's <is>, and inside phonetic runs (<rPh>, not part of the text).
  let inIs = false;
  let rph = 0;

  const openEl = (el: El, buf: string) => {
    switch (el) {
      case El.SheetData:
        inRows = true;
        break;
      case El.Row:
        if (inRows) {
          const rv = attrText(buf, rA, rB);
          const sv = attrText(buf, sA, sB);
          // A row without r= is the one after the row before it.
          const r = rv === undefined ? prevRow + 1 : parseInt(rv, 10);
          prevRow = r;
          prevCol = 0;
          rowFmt = undefined;
          if (sv) {
            const st = styleOf(parseInt(sv, 10));
            if (st) rowFmt = st.fmt;
          }
          rowOpen = true;
          rowNum = r;
          vals = [];
        }
        break;
      case El.C:
        if (rowOpen) {
          cOpen = true;
          // A cell without r= is in the column after the one before it. (Values are read in
          // place; one that is not plain letters and digits is decoded first.)
          cCol = rA < 0 ? prevCol + 1 : columnAt(buf, rA, rB);
          cS = sA < 0 ? NaN : intAt(buf, sA, sB);
          cT = cellTypeAt(buf, tA, tB);
          fText = vText = undefined;
          cur = 0;
          inIs = false;
          rph = 0;
        }
        break;
      case El.F:
        if (cOpen) {
          fText = '';
          cur = 1;
        }
        break;
      case El.V:
        if (cOpen) {
          vText = '';
          cur = 2;
        }
        break;
      case El.Is:
        if (cOpen) {
          vText = '';
          inIs = true;
          cur = 0;
        }
        break;
      case El.T:
        if (cOpen) {
          if (!inIs) {
            vText = '';
            cur = 2;
          } else if (rph === 0) cur = 2; // the runs of a rich inline string, joined
        }
        break;
      case El.RPh:
        rph++;
        cur = 0;
        break;
      default:
        break;
    }
  };

  const closeEl = (el: El) => {
    switch (el) {
      case El.V:
      case El.T:
      case El.F:
        // Text between elements (an indented file's line breaks) is not the cell's.
        cur = 0;
        break;
      case El.Is:
        inIs = false;
        break;
      case El.RPh:
        rph--;
        break;
      case El.SheetData:
        inRows = false;
        break;
      case El.Row: {
        if (!rowOpen) throw new XlsxDamaged('a row outside the sheet data');
        let len = vals.length;
        while (len > 1 && (vals[len - 1] === undefined || vals[len - 1] === null)) len--;
        if (len === 1) len = 0;
        vals.length = len;
        ready.push({ number: rowNum, values: vals });
        rowOpen = false;
        break;
      }
      case El.C:
        if (rowOpen && cOpen) {
          const col = cCol;
          prevCol = col;
          let fmt = rowFmt;
          if (cS) {
            const st = styleOf(cS);
            if (st) fmt = st.fmt;
          }
          if (fText !== undefined) {
            const fv: { formula: string; result?: unknown } = { formula: fText };
            if (vText !== undefined) {
              const r = cT === CT.Str ? xmlDecode(vText) : parseFloat(vText);
              // exceljs keeps a formula's result only when it is truthy (FormulaValue._copyModel;
              // a formula with no text is kept whole): a cached 0 or empty text was then "a formula
              // saved without its value" and its row rejected. Here 0 and '' are read as the values
              // they are; a result that is not a number (NaN) is still no value.
              if (fText === '' || typeof r === 'string' || !Number.isNaN(r)) fv.result = r;
              // A formula in a date-formatted cell (a roster's header =B1+1 under 11月2日) holds a
              // date, as a typed one does: exceljs gave its serial number (46328), which no reader
              // takes for a date, so a roster headed that way was read as one day.
              if (typeof fv.result === 'number' && isDate(fmt)) fv.result = excelToDate(fv.result, date1904);
            }
            vals[col] = fv;
          } else if (vText !== undefined) {
            const text = vText;
            let value: unknown;
            switch (cT) {
              case CT.Shared: {
                const index = intOf(text);
                value = shared ? shared[index] : { sharedString: index };
                break;
              }
              case CT.Inline:
              case CT.Str:
                value = xmlDecode(text);
                break;
              case CT.Error:
                value = { error: text };
                break;
              case CT.Bool:
                value = parseInt(text, 10) !== 0;
                break;
              default:
                value = isDate(fmt) ? excelToDate(parseFloat(text), date1904) : parseFloat(text);
            }
            vals[col] = value;
          }
          cOpen = false;
          cur = 0;
        }
        break;
      default:
        break;
    }
  };

  const text = (raw: string) => {
    if (cur === 0) {
      if (raw.indexOf('&') !== -1 || raw.indexOf('\r') !== -1) xmlText(raw); // an error all the same
      return;
    }
    const t = plainText(raw) ? raw : xmlText(raw);
    if (cur === 1) fText += t;
    else vText += t;
  };

  let buf = '';
  /** Scan what `buf` holds; returns where the unfinished token starts. */
  const scan = (): number => {
    const n = buf.length;
    let i = 0;
    for (;;) {
      const lt = buf.indexOf('<', i);
      if (lt === -1) return i;
      if (lt > i) text(buf.slice(i, lt));
      i = lt;
      if (lt + 1 >= n) return i;
      const c1 = buf.charCodeAt(lt + 1);
      if (c1 === 47 /* / */) {
        // </c> and </row>, the common close tags, without making a string.
        if (lt + 3 < n && buf.charCodeAt(lt + 2) === 99 && buf.charCodeAt(lt + 3) === 62) {
          if (stack.pop() !== 'c') throw new XlsxDamaged('unexpected close tag </c>');
          closeEl(El.C);
          i = lt + 4;
          continue;
        }
        const gt = buf.indexOf('>', lt + 2);
        if (gt === -1) return i;
        let ne = gt;
        while (ne > lt + 2 && isWs(buf.charCodeAt(ne - 1))) ne--;
        const el = elOf(buf, lt + 2, ne);
        const name = el === El.Other ? buf.slice(lt + 2, ne) : EL_NAME[el]!;
        if (stack.pop() !== name) throw new XlsxDamaged(`unexpected close tag </${buf.slice(lt + 2, ne)}>`);
        closeEl(el);
        i = gt + 1;
        continue;
      }
      if (c1 === 63 /* ? */) {
        const end = buf.indexOf('?>', lt + 2);
        if (end === -1) return i;
        i = end + 2;
        continue;
      }
      if (c1 === 33 /* ! */) {
        if (lt + 9 > n) return i;
        if (buf.startsWith('<!--', lt)) {
          const end = buf.indexOf('-->', lt + 4);
          if (end === -1) return i;
          i = end + 3;
          continue;
        }
        if (buf.startsWith('<![CDATA[', lt)) {
          const end = buf.indexOf(']]>', lt + 9);
          if (end === -1) return i;
          i = end + 3;
          continue;
        }
        throw new XlsxDamaged('a DOCTYPE or declaration inside the sheet');
      }
      // An open tag: its name, then its attributes up to the closing >.
      let k = lt + 1;
      while (k < n) {
        const ch = buf.charCodeAt(k);
        if (isWs(ch) || ch === 47 || ch === 62) break;
        k++;
      }
      if (k >= n) return i;
      if (k === lt + 1) throw new XlsxDamaged('a tag without a name');
      const gt = tagAttrs(buf, k, n);
      if (gt === -1) return i;
      const selfClosing = buf.charCodeAt(gt - 1) === 47;
      const el = elOf(buf, lt + 1, k);
      openEl(el, buf);
      if (selfClosing) closeEl(el);
      else if (el === El.V && cOpen) {
        // <v>text</v>, the common case, read at once.
        const p = buf.indexOf('<', gt + 1);
        if (p !== -1 && p + 3 < n && buf.charCodeAt(p + 1) === 47 && buf.charCodeAt(p + 2) === 118 && buf.charCodeAt(p + 3) === 62) {
          if (p > gt + 1) text(buf.slice(gt + 1, p));
          cur = 0;
          i = p + 4;
          continue;
        }
        stack.push('v');
      } else stack.push(el === El.Other ? buf.slice(lt + 1, k) : EL_NAME[el]!);
      i = gt + 1;
    }
  };

  // UTF-8 decoded a chunk at a time; a character cut at a chunk's end waits for the next chunk.
  let carry: Buffer | undefined;
  let first = true;
  const feed = (chunk: Buffer) => {
    let b = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = undefined;
    const cut = incompleteTail(b);
    if (cut) {
      carry = Buffer.from(b.subarray(b.length - cut));
      b = b.subarray(0, b.length - cut);
    }
    // The unfinished token goes back in front as bytes: the text is decoded as one flat string
    // (a concatenated string is read through an indirection at every character).
    let t = buf.length ? Buffer.concat([Buffer.from(buf, 'utf8'), b]).toString('utf8') : b.toString('utf8');
    if (first && t.length) {
      first = false;
      if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
    }
    buf = t;
    const used = scan();
    buf = used === 0 ? buf : buf.slice(used);
  };

  try {
    for await (const b of entryChunks(fh, e, onRead)) {
      feed(b);
      if (ready.length) {
        const out = ready;
        ready = [];
        yield out;
      }
    }
    if (carry) {
      buf += carry.toString('utf8');
      carry = undefined;
      scan();
    }
  } catch (err) {
    if (err instanceof XlsxDamaged) throw err;
    throw new XlsxDamaged((err as Error).message);
  }
  if (ready.length) yield ready;
}

const FORBIDDEN_SHEET = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

/** Text that saxes passes on unchanged: no entity, no CR, no character XML forbids. */
function plainText(s: string): boolean {
  if (s.length > 64) return s.indexOf('&') === -1 && s.indexOf('\r') === -1 && !FORBIDDEN_SHEET.test(s);
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 32 ? c !== 9 && c !== 10 : c === 38 || c >= 0xfffe) return false;
  }
  return true;
}

/** parseInt(s, 10), without its cost for a plain run of digits. */
function intOf(s: string): number {
  const n = s.length;
  if (n > 0 && n < 10) {
    let v = 0;
    let k = 0;
    for (; k < n; k++) {
      const c = s.charCodeAt(k) - 48;
      if (c < 0 || c > 9) break;
      v = v * 10 + c;
    }
    if (k === n) return v;
  }
  return parseInt(s, 10);
}

/** Bytes at the end of `b` that start a UTF-8 character the chunk does not finish (0–3). */
function incompleteTail(b: Buffer): number {
  for (let back = 1; back <= 3 && back <= b.length; back++) {
    const c = b[b.length - back]!;
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}
