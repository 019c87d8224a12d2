// A zip archive read through its central directory (the fast xlsx reader's container; see
// xlsxread.ts). Stored and deflated entries, data descriptors (sizes come from the central
// directory, so a descriptor after the data changes nothing), zip64 sizes and offsets. Anything
// else (encryption, another compression method, a split archive) is reported as not handled, and
// the caller reads the file with exceljs instead.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** CRC-32 of the uncompressed bytes (checked when the entry is read to its end). */
  crc: number;
  /** Offset of the entry's local header. */
  offset: number;
}

/** The archive is not one this reader handles (the caller falls back to exceljs). */
export class ZipUnsupported extends Error {}

/** An entry's bytes do not match the archive's directory (length, CRC-32): the file is damaged. */
export class ZipDamaged extends Error {}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;

async function readAt(fh: fs.promises.FileHandle, pos: number, len: number): Promise<Buffer> {
  const b = Buffer.alloc(len);
  let got = 0;
  while (got < len) {
    const { bytesRead } = await fh.read(b, got, len - got, pos + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return got === len ? b : b.subarray(0, got);
}

/** The entries of the archive in `fh` (of `size` bytes), in the order their data lies in the file. */
export async function zipEntries(fh: fs.promises.FileHandle, size: number): Promise<ZipEntry[]> {
  const tailLen = Math.min(size, 22 + 0xffff + 20);
  const tail = await readAt(fh, size - tailLen, tailLen);
  let e = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      e = i;
      break;
    }
  }
  if (e < 0) throw new ZipUnsupported('no end of central directory');
  if (tail.readUInt16LE(e + 4) !== 0 || tail.readUInt16LE(e + 6) !== 0) throw new ZipUnsupported('split archive');
  let count = tail.readUInt16LE(e + 10);
  let cdSize = tail.readUInt32LE(e + 12);
  let cdOffset = tail.readUInt32LE(e + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = e - 20;
    if (loc < 0 || tail.readUInt32LE(loc) !== EOCD64_LOCATOR) throw new ZipUnsupported('zip64 locator missing');
    const at = Number(tail.readBigUInt64LE(loc + 8));
    const rec = await readAt(fh, at, 56);
    if (rec.length < 56 || rec.readUInt32LE(0) !== EOCD64) throw new ZipUnsupported('zip64 record missing');
    count = Number(rec.readBigUInt64LE(32));
    cdSize = Number(rec.readBigUInt64LE(40));
    cdOffset = Number(rec.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > size) throw new ZipUnsupported('central directory past the end');
  const cd = await readAt(fh, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CDH) throw new ZipUnsupported('bad central directory');
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const crc = cd.readUInt32LE(p + 16);
    let compressedSize = cd.readUInt32LE(p + 20);
    let usize = cd.readUInt32LE(p + 24);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    if (cd.readUInt16LE(p + 34) !== 0) throw new ZipUnsupported('split archive');
    let offset = cd.readUInt32LE(p + 42);
    const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    // zip64 extended information: the fields that overflowed, in this order.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = cd.readUInt16LE(x);
      const len = cd.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (usize === 0xffffffff) (usize = Number(cd.readBigUInt64LE(q))), (q += 8);
        if (compressedSize === 0xffffffff) (compressedSize = Number(cd.readBigUInt64LE(q))), (q += 8);
        if (offset === 0xffffffff) offset = Number(cd.readBigUInt64LE(q));
      }
      x += 4 + len;
    }
    p = xEnd + commentLen;
    if (flags & 0x41) throw new ZipUnsupported('encrypted entry');
    if (method !== 0 && method !== 8) throw new ZipUnsupported(`compression method ${method}`);
    entries.push({ name, method, compressedSize, size: usize, crc, offset });
  }
  return entries.sort((a, b) => a.offset - b.offset);
}

/** Bytes per read: a stored entry's pieces are decoded as they are (see the inflater's chunkSize below). */
const STORED_READ = 48 * 1024;
const INFLATE_READ = 64 * 1024;

/**
 * The entry's uncompressed bytes, a chunk at a time (never the whole entry at once).
 * `onRead` is told the compressed bytes read (a progress bar). Read to its end (no `limit`), the
 * entry's length and CRC-32 are checked against the central directory: a damaged byte that still
 * inflates (or any damaged byte of a stored entry: a 1 turned 9 in an amount) is an error at the
 * end of the entry, never a value read. The caller's output waits for the end of the input.
 */
export async function* entryChunks(fh: fs.promises.FileHandle, e: ZipEntry, onRead?: (n: number) => void, limit = Infinity): AsyncGenerator<Buffer> {
  if (limit !== Infinity) {
    yield* rawChunks(fh, e, onRead, limit);
    return;
  }
  let crc = 0;
  let len = 0;
  for await (const b of rawChunks(fh, e, onRead, limit)) {
    crc = zlib.crc32(b, crc);
    len += b.length;
    yield b;
  }
  if (len !== e.size) throw new ZipDamaged(`${e.name}: ${len} bytes, the archive's directory says ${e.size}`);
  if (crc >>> 0 !== e.crc >>> 0) throw new ZipDamaged(`${e.name}: checksum (CRC-32) does not match, the bytes were changed`);
}

async function* rawChunks(fh: fs.promises.FileHandle, e: ZipEntry, onRead: ((n: number) => void) | undefined, limit: number): AsyncGenerator<Buffer> {
  const head = await readAt(fh, e.offset, 30);
  if (head.length < 30 || head.readUInt32LE(0) !== LFH) throw new Error(`bad local header for ${e.name}`);
  const start = e.offset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
  const end = Math.min(start + e.compressedSize, start + limit);
  if (e.method === 0) {
    for (let pos = start; pos < end; ) {
      const b = await readAt(fh, pos, Math.min(STORED_READ, end - pos));
      if (b.length === 0) throw new Error(`${e.name} is cut off`);
      pos += b.length;
      onRead?.(b.length);
      yield b;
    }
    return;
  }
  // Inflated on the thread pool while the caller scans what came before (about 1 MB of compressed
  // input read ahead).
  const compressed = (async function* () {
    for (let pos = start; pos < end; ) {
      // Small reads: a compressed chunk inflates to up to ~1,000 times its size.
      const b = await readAt(fh, pos, Math.min(INFLATE_READ, end - pos));
      if (b.length === 0) throw new Error(`${e.name} is cut off`);
      pos += b.length;
      onRead?.(b.length);
      yield b;
    }
  })();
  // Pieces of 48 KB: decoded, a piece stays under V8's large-object size (a larger string goes to
  // the large-object space, freed only by a full collection: the heap grew with the sheet).
  const inflate = zlib.createInflateRaw({ chunkSize: 48 * 1024 });
  const probe = limit !== Infinity && end < start + e.compressedSize;
  const src = Readable.from(compressed, { objectMode: false, highWaterMark: 1 << 20 });
  src.on('error', (err) => inflate.destroy(err));
  // A probe of the entry's start stops before the end of the deflate stream: no end-of-stream check.
  if (probe) src.on('end', () => inflate.flush());
  else src.pipe(inflate);
  if (probe) src.on('data', (b: Buffer) => inflate.write(b));
  try {
    for await (const b of inflate as AsyncIterable<Buffer>) {
      yield b;
      if (probe) return;
    }
  } finally {
    src.destroy();
    inflate.destroy();
  }
}

/**
 * Every entry of the archive read to its end, its length and CRC-32 checked (a workbook the fast
 * reader does not take, before exceljs reads it: exceljs checks neither, and a changed byte in a
 * stored part would be read as a value). Throws ZipDamaged for an entry that fails; an archive this
 * module cannot read (ZipUnsupported, an inflate error) is left to exceljs, which says what it says.
 */
export async function verifyArchive(file: string): Promise<void> {
  let fh: fs.promises.FileHandle | undefined;
  try {
    fh = await fs.promises.open(file, 'r');
    const st = await fh.stat();
    if (!st.isFile()) return;
    for (const e of await zipEntries(fh, st.size)) {
      for await (const _ of entryChunks(fh, e)) {
        // read to the end: entryChunks checks the length and CRC-32 there
      }
    }
  } catch (err) {
    if (err instanceof ZipDamaged) throw err;
  } finally {
    await fh?.close().catch(() => undefined);
  }
}
