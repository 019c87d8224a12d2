// exceljs, with its XML text decoded as a stream. exceljs 4.4's parse-sax turns each decompressed
// chunk into text on its own (`TextDecoder.decode(chunk)` without `{ stream: true }`), so a Chinese
// character whose three UTF-8 bytes straddle two chunks becomes U+FFFD twice: `等待���家确认`
// (issue 14). Every exceljs reader (workbook, shared strings, worksheets, hyperlinks, xforms) gets
// its parser from that one module, so the fix goes there: before exceljs loads, the module is
// registered in Node's require cache as the version below, which carries a split character over
// to the next chunk. Same events, same order; only the decoding differs.
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import type { Readable } from 'node:stream';

type ExcelJS = typeof import('exceljs');

interface SaxEvent {
  eventType: 'opentag' | 'text' | 'closetag';
  value: unknown;
}

interface SaxesLike {
  on(event: string, fn: (v: unknown) => void): void;
  write(text: string): void;
}

/** parse-sax with a streaming decoder; `Parser` is saxes' SaxesParser (exceljs's own copy). */
export function streamingParseSax(Parser: new () => SaxesLike, toIterable: (s: Readable) => AsyncIterable<Buffer | string>) {
  return async function* parseSax(input: AsyncIterable<Buffer | string> | Readable): AsyncGenerator<SaxEvent[]> {
    const iterable = (input as Readable).pipe && !(Symbol.asyncIterator in input) ? toIterable(input as Readable) : (input as AsyncIterable<Buffer | string>);
    const parser = new Parser();
    let error: unknown;
    parser.on('error', (e) => {
      error = e;
    });
    let events: SaxEvent[] = [];
    parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
    parser.on('text', (value) => events.push({ eventType: 'text', value }));
    parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of iterable) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      if (error) throw error;
      yield events;
      events = [];
    }
    const tail = decoder.decode();
    if (tail) {
      parser.write(tail);
      if (error) throw error;
      yield events;
    }
  };
}

/**
 * exceljs's iterate-stream, made to end when the stream has handed over everything it holds.
 * exceljs 4.4 reads the zip's entries with it and stops at the first 'end' event; but unzipper's
 * Parse emits 'end' itself as soon as its input is written in full ("finish"), while entries it
 * has already parsed still wait in its buffer for exceljs to take them. When exceljs was still
 * busy with an earlier entry at that moment (a worksheet stored before the shared strings is
 * written to a temporary file first, as Excel and the seller centres lay it out), the later
 * entries were never read: no shared strings, no workbook part. The run stopped with "the table
 * of shared strings was not read" (exit 3) depending on the machine's load (xlsx12, 2026-12-05: 3
 * of 32 runs under load). Here a stream has ended only when it has pushed its end *and* nothing
 * is left in its buffer (its readable state says so), however early an 'end' is announced.
 */
export function iterateStream(stream: Readable): AsyncGenerator<unknown> {
  return (async function* () {
    const contents: unknown[] = [];
    let ended = false;
    let closed = false;
    let error: unknown;
    let wake: (() => void) | undefined;
    const poke = () => {
      const w = wake;
      wake = undefined;
      w?.();
    };
    stream.on('data', (d: unknown) => {
      contents.push(d);
      poke();
    });
    stream.on('end', () => {
      ended = true;
      poke();
    });
    stream.on('close', () => {
      closed = true;
      poke();
    });
    stream.on('error', (e: unknown) => {
      error = e;
      poke();
    });
    const state = (stream as unknown as { _readableState?: { ended?: boolean; length?: number } })._readableState;
    // All the stream holds has been handed over: its end pushed and its buffer empty (for a stream
    // without a readable state, its 'end'). A closed stream hands over nothing more.
    const done = () => (state && typeof state.length === 'number' ? (state.ended === true && state.length === 0) || (closed && state.length === 0) : ended || closed);
    for (;;) {
      if (error) throw error;
      if (contents.length) {
        stream.pause();
        yield contents.shift();
        continue;
      }
      if (done()) return;
      const waiting = new Promise<void>((resolve) => {
        wake = resolve;
      });
      stream.resume();
      await waiting;
    }
  })();
}

const localRequire = createRequire(import.meta.url);
let loaded: ExcelJS | undefined;

/** exceljs with the streaming parse-sax in place (loaded once per process). */
export function loadExcelJS(): ExcelJS {
  if (loaded) return loaded;
  const root = path.dirname(localRequire.resolve('exceljs'));
  const saxPath = path.join(root, 'lib', 'utils', 'parse-sax.js');
  const fromExceljs = createRequire(saxPath);
  const { SaxesParser } = fromExceljs('saxes') as { SaxesParser: new () => SaxesLike };
  const { PassThrough } = fromExceljs('readable-stream') as { PassThrough: new () => NodeJS.ReadWriteStream };
  const parseSax = streamingParseSax(SaxesParser, (s) => s.pipe(new PassThrough()) as unknown as AsyncIterable<Buffer>);
  const iteratePath = path.join(root, 'lib', 'utils', 'iterate-stream.js');
  const cache = localRequire.cache;
  // Loaded earlier without the fixes (a plain `import('exceljs')` elsewhere): its modules hold the
  // old parser and iterator, so drop them and load exceljs again.
  if (cache[saxPath] || cache[iteratePath]) for (const k of Object.keys(cache)) if (k.startsWith(root + path.sep)) delete cache[k];
  for (const [file, exports] of [
    [saxPath, parseSax],
    [iteratePath, iterateStream],
  ] as const) {
    const mod = new Module(file);
    mod.filename = file;
    mod.loaded = true;
    mod.exports = exports;
    cache[file] = mod;
  }
  loaded = localRequire('exceljs') as ExcelJS;
  return loaded;
}

type WorkbookReaderOptions = ConstructorParameters<ExcelJS['stream']['xlsx']['WorkbookReader']>[1];

/**
 * exceljs's streaming workbook reader, made to wait for the workbook part. It reads a worksheet
 * as soon as the relationships and shared strings have been seen, but looks the sheet up in
 * `xl/workbook.xml` (and reads the 1900/1904 date system from it) at that moment: a valid file
 * that stores the workbook part after its sheets and shared strings was refused with "Cannot read
 * properties of undefined (reading 'sheets')" (upstream exceljs#3064). Its worksheets are now put
 * aside until the workbook part has been read, exactly as exceljs already does for a sheet that
 * comes before the shared strings: the relationships count as read only once the workbook is.
 */
export function workbookReader(ExcelJS: ExcelJS, input: Readable, options: WorkbookReaderOptions): InstanceType<ExcelJS['stream']['xlsx']['WorkbookReader']> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, options);
  const r = reader as unknown as { model?: unknown };
  let rels: unknown;
  Object.defineProperty(reader, 'workbookRels', {
    configurable: true,
    enumerable: true,
    get: () => (r.model === undefined ? undefined : rels),
    set: (v: unknown) => {
      rels = v;
    },
  });
  return reader;
}
