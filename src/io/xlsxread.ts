// The fast xlsx reader: a workbook's sheets read straight from the zip (zipread.ts) with a
// streaming XML tokenizer (xmlscan.ts), giving each row the values exceljs's streaming reader
// gives (records.ts turns both into records the same way). exceljs (through saxes) spent 94 % of
// a 20k-row read in its XML parser and the garbage it made; this reads the same rows several
// times faster. The sheet is inflated and scanned a chunk at a time; the shared strings and the
// styles' number formats are held (every cell may refer to them).
//
// exceljs stays the reference: each rule below is what exceljs 4.4 does (lib/stream/xlsx/
// workbook-reader.js and worksheet-reader.js), quirks included, so a file reads the same either
// way (test/io/xlsx-fast.property.test.ts compares them). One difference on purpose: a cell
// without an `r="B2"` reference is in the column after the one before it, and a row without
// `r="2"` the row after the one before (OOXML makes both optional; exceljs refused such a
// file as damaged).
//
// Anything it does not recognise — not a file (stdin), an encrypted or otherwise unusual zip,
// xlsb, Strict OOXML or prefixed namespaces, a DOCTYPE, a missing workbook, relationships or
// styles part, entries laid out in an order where exceljs would read a sheet before its styles —
// is reported by openFastXlsx as undefined before a row is read, and exceljs reads the file.
import fs from 'node:fs';
import { XmlError, type XmlHandler, XmlScanner, XmlUnsupported, attributes } from './xmlscan.js';
import { type ZipEntry, ZipUnsupported, entryChunks, zipEntries } from './zipread.js';

/** One row as exceljs's reader gives it: its number and `row.values` (index = column, from 1). */
export interface XRow {
  number: number;
  values: unknown[];
}

export interface FastSheet {
  name: string;
  /** The rows, in batches as they are scanned. */
  rows(): AsyncGenerator<XRow[]>;
}

export interface FastBook {
  /** The sheets in the order exceljs's streaming reader gives them. */
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
function excelToDate(v: number, date1904: boolean): Date {
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
  await scanEntry(
    fh,
    e,
    rooted(
      {
        open(name) {
          if (name === 'si') {
            runs = [];
            text = null;
          } else if (name === 't') text = null;
        },
        text(t) {
          text = text ? text + t : t;
        },
        close(name) {
          if (name === 'r') {
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

/** The first element of a sheet: a transitional `<worksheet>` is what this reader reads. */
async function sheetRootOk(fh: fs.promises.FileHandle, e: ZipEntry): Promise<boolean> {
  const root: { name?: string; ns?: string } = {};
  const sc = new XmlScanner(rooted({}, root));
  try {
    for await (const b of entryChunks(fh, e, undefined, 64 * 1024)) {
      sc.write(b);
      if (root.name !== undefined) break;
    }
  } catch (err) {
    if (err instanceof XmlError || err instanceof XmlUnsupported) return false;
    throw err;
  }
  return root.name === 'worksheet' && root.ns === MAIN_NS;
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
  const sheetsOf: { name: string; rId?: string }[] = [];
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
            else sheetsOf.push({ name: xmlDecode(a.name), rId: a['r:id'] });
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

  // The order exceljs gives the sheets in: a sheet met once the shared strings, relationships and
  // workbook have been read is given at once; one met before is put aside and given at the end.
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
  const order = [...now, ...later];
  for (const { e } of order) if (!(await sheetRootOk(fh, e))) return undefined;

  const sheets: FastSheet[] = order.map(({ e, no }) => {
    const rel = rels.find((r) => r.Target === `worksheets/sheet${no}.xml`);
    const sheet = rel && sheetsOf.find((x) => x.rId === rel.Id);
    return {
      name: sheet ? sheet.name : `Sheet${no}`,
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
  let inRows = false;
  let row: { number: number; vals: unknown[]; fmt: string | undefined } | null = null;
  let prevRow = 0;
  let prevCol = 0;
  let c: { ref: string | undefined; s: number; t: string | undefined; f?: { text: string }; v?: { text: string } } | null = null;
  let current: { text: string } | null = null;

  const h: XmlHandler = {
    open(name, attrs) {
      switch (name) {
        case 'sheetData':
          inRows = true;
          break;
        case 'row':
          if (inRows) {
            const a = attributes(attrs);
            // A row without r= is the one after the row before it.
            const r = a.r === undefined ? prevRow + 1 : parseInt(a.r, 10);
            prevRow = r;
            prevCol = 0;
            let fmt: string | undefined;
            if (a.s) {
              const st = styleOf(parseInt(a.s, 10));
              if (st) fmt = st.fmt;
            }
            row = { number: r, vals: [], fmt };
          }
          break;
        case 'c':
          if (row) {
            const a = attributes(attrs);
            c = { ref: a.r, s: parseInt(a.s ?? '', 10), t: a.t };
          }
          break;
        case 'f':
          if (c) current = c.f = { text: '' };
          break;
        case 'v':
        case 'is':
        case 't':
          if (c) current = c.v = { text: '' };
          break;
        default:
          break;
      }
    },
    text(t) {
      if (current) current.text += t;
    },
    close(name) {
      switch (name) {
        case 'sheetData':
          inRows = false;
          break;
        case 'row': {
          if (!row) throw new XlsxDamaged('a row outside the sheet data');
          const vals = row.vals;
          let len = vals.length;
          while (len > 1 && (vals[len - 1] === undefined || vals[len - 1] === null)) len--;
          if (len === 1) len = 0;
          vals.length = len;
          ready.push({ number: row.number, values: vals });
          row = null;
          break;
        }
        case 'c':
          if (row && c) {
            // A cell without r= is in the column after the one before it.
            const col = c.ref === undefined ? prevCol + 1 : columnOf(c.ref);
            prevCol = col;
            let fmt = row.fmt;
            if (c.s) {
              const st = styleOf(c.s);
              if (st) fmt = st.fmt;
            }
            let value: unknown;
            let set = true;
            if (c.f) {
              const fv: { formula: string; result?: unknown } = { formula: c.f.text };
              if (c.v) fv.result = c.t === 'str' ? xmlDecode(c.v.text) : parseFloat(c.v.text);
              value = fv;
            } else if (c.v) {
              const text = c.v.text;
              switch (c.t) {
                case 's': {
                  const index = parseInt(text, 10);
                  value = shared ? shared[index] : { sharedString: index };
                  break;
                }
                case 'inlineStr':
                case 'str':
                  value = xmlDecode(text);
                  break;
                case 'e':
                  value = { error: text };
                  break;
                case 'b':
                  value = parseInt(text, 10) !== 0;
                  break;
                default:
                  value = isDate(fmt) ? excelToDate(parseFloat(text), date1904) : parseFloat(text);
              }
            } else set = false;
            if (set) row.vals[col] = value;
            c = null;
          }
          break;
        default:
          break;
      }
    },
  };

  const sc = new XmlScanner(h);
  try {
    for await (const b of entryChunks(fh, e, onRead)) {
      sc.write(b);
      if (ready.length) {
        const out = ready;
        ready = [];
        yield out;
      }
    }
    sc.end();
  } catch (err) {
    if (err instanceof XlsxDamaged) throw err;
    throw new XlsxDamaged((err as Error).message);
  }
  if (ready.length) yield ready;
}
